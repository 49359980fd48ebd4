"""The Aalten demo data set (`kaart demo`, `make run`): an HSDS datapackage derived from public documents,
plus the networks (VAT, Preventieplatform Jeugd, …) and opschalen links that HSDS cannot carry."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from graph import ensure_schema
from graph.repositories import ServiceRepository
from graph.store import GraphStore
from ingest.hsds import Mapped, import_hsds
from ingest.netwerken import import_netwerken
from ingest.ontology_loader import load_ontology_into_graph

DEMO_DIR = Path(__file__).resolve().parent / "aalten"


def load_networks(store: GraphStore, path: Path, *, source: str = "demo:aalten") -> dict[str, int]:
    """The demo's networks (ingest/netwerken.py format); returns created/updated/unchanged/rejected."""
    report = import_netwerken(store, path, source=source)
    counts = report.summary()
    return {
        "created": counts.get("netwerken_created", 0),
        "updated": counts.get("netwerken_updated", 0),
        "unchanged": counts.get("netwerken_unchanged", 0),
        "rejected": counts["rejected"],
    }


def _opschalen(path: Path) -> dict[str, list[str]]:
    if not path.exists():
        return {}
    links: dict[str, list[str]] = {}
    for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        links.setdefault(item["van"], []).append(item["naar"])
    return links


def load_hsds_kaart(store: GraphStore, path: Path) -> dict[str, Any]:
    """A kaart from an HSDS datapackage on an empty store: schema, ontology, services (used by `kaart eval`)."""
    ensure_schema(store)
    load_ontology_into_graph(store)
    return import_hsds(store, Path(path)).summary()


def load_demo(
    store: GraphStore,
    reindex: Callable[[GraphStore], int] | None = None,
    *,
    if_empty: bool = False,
    path: Path = DEMO_DIR,
) -> dict[str, Any]:
    """The demo kaart; `reindex` (given by the web layer, which knows the index) rebuilds the search index.

    Injected rather than imported: ingest sits below the matcher (docs/adr/0060-enforced-layers.md).
    """
    ensure_schema(store)
    if if_empty and ServiceRepository(store).count() > 0:
        return {"skipped": "de graaf bevat al diensten"}
    load_ontology_into_graph(store)
    links = _opschalen(path / "opschalen.yaml")

    def add_links(mapped: Mapped) -> None:
        ids = {s.id for s in mapped.services}
        mapped.services = [
            dataclasses.replace(s, scales_up_to=tuple(t for t in links.get(s.id, []) if t in ids))
            for s in mapped.services
        ]

    report = import_hsds(store, path, source="demo:aalten", adjust=add_links)
    counts: dict[str, Any] = report.summary()
    if (path / "netwerken.yaml").exists():
        counts["netwerken"] = load_networks(store, path / "netwerken.yaml")
    if reindex is not None:
        counts["indexed"] = reindex(store)
    return counts
