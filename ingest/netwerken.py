"""`kaart ingest netwerken <file>`: networks (VAT, Preventieplatform Jeugd, LEA, Platform Aalten…) and their
members with a rol, from YAML or CSV.

YAML (as ingest/demo/aalten/netwerken.yaml):

    netwerken:
      - id: net-vat-aalten                 # optional: made from the name
        naam: Vraag- en Advies Team (VAT) Aalten
        beschrijving: …                    # optional
        bron: seed 002, …                  # optional: where this comes from
        leden:
          - organisatie: org-figulus-welzijn   # an organisation id, or its name as in the kaart
            rol: Welzijnscoach
            status: huidig                     # optional: huidig | voorgesteld

CSV/XLSX: one row per membership, columns `netwerk`, `organisatie`, `rol`, `status` and optionally
`netwerk_id`, `beschrijving`, `bron` (English headers network/organisation/role work too).

A file states the whole membership of the networks in it: members not in the file are removed. A member
whose organisation is not in the kaart is rejected with its row (import the organisation first, or let a
document import propose it).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from graph.models import Member, Netwerk
from graph.repositories import OrganisationRepository
from graph.store import GraphStore
from ingest import sniff
from ingest.base import Report, now_iso, read_table, report_problems
from ingest.dedupe import name_key
from ingest.hsds import slug
from ingest.sniff import Problems
from ingest.writer import Mapped, source_config, write_mapped

ALIASES = {
    "netwerk": "netwerk", "network": "netwerk", "naam netwerk": "netwerk", "samenwerkingsverband": "netwerk",
    "netwerk_id": "netwerk_id", "network_id": "netwerk_id", "organisatie": "organisatie", "organisation": "organisatie",
    "organization": "organisatie", "partner": "organisatie", "rol": "rol", "role": "rol", "functie": "rol",
    "status": "status", "beschrijving": "beschrijving", "description": "beschrijving", "bron": "bron", "source": "bron",
}  # fmt: skip


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_netwerken(path: Path, problems: Problems | None = None) -> list[dict[str, Any]]:
    """Networks as dicts `{id, naam, beschrijving, bron, leden: [{organisatie, rol, status, __line__}]}`.
    The encoding is decided by `ingest.sniff` (UTF-8, UTF-16, Windows-1252; not text → FileRejected)."""
    path = Path(path)
    if path.suffix.lower() in {".yaml", ".yml"}:
        text, found = sniff.read_text(path)
        for reason in found:
            if problems is not None:
                problems.add(0, reason)
        doc = yaml.load(text, Loader=_LineLoader) or {}  # noqa: S506 - SafeLoader subclass
        return list(doc.get("netwerken", []) if isinstance(doc, dict) else doc)
    header, rows = read_table(path, problems=problems)
    nets: dict[str, dict[str, Any]] = {}
    for n, raw in rows:
        row = {ALIASES.get(k.strip().lower(), k): v for k, v in raw.items()}
        name = row.get("netwerk") or ""
        key = row.get("netwerk_id") or name
        net = nets.setdefault(key, {"id": row.get("netwerk_id"), "naam": name, "leden": [], "__line__": n})
        for k in ("beschrijving", "bron"):
            if row.get(k) and not net.get(k):
                net[k] = row[k]
        net["leden"].append(
            {
                "organisatie": row.get("organisatie"),
                "rol": row.get("rol"),
                "status": row.get("status"),
                "__line__": n,
            }
        )
    return list(nets.values())


class OrgResolver:
    """An organisation id for an id or a name (unique normalised name or alternate name in the kaart)."""

    def __init__(self, store: GraphStore) -> None:
        repo = OrganisationRepository(store)
        self.ids: set[str] = set()
        self.by_name: dict[str, set[str]] = defaultdict(set)
        for org in repo.all(limit=1_000_000):
            self.ids.add(org.id)
            for n in (org.name, org.alternate_name):
                if n:
                    self.by_name[name_key(n)].add(org.id)

    def resolve(self, value: str | None) -> tuple[str | None, str | None]:
        """(id, None) or (None, reason)."""
        text = (value or "").strip()
        if not text:
            return None, "organisatie ontbreekt"
        if text in self.ids:
            return text, None
        found = self.by_name.get(name_key(text), set())
        if len(found) == 1:
            return next(iter(found)), None
        if len(found) > 1:
            return None, f"organisatie {text!r} is niet eenduidig ({', '.join(sorted(found))})"
        return None, f"organisatie {text!r} staat niet in de kaart"


def map_netwerken(doc: list[dict[str, Any]], report: Report, resolver: OrgResolver, file: str) -> Mapped:
    mapped = Mapped()
    seen: set[str] = set()
    for net in doc:
        line = int(net.get("__line__", 0))
        name = str(net.get("naam") or net.get("name") or "").strip()
        if not name:
            report.reject(file, line, net.get("id"), "naam van het netwerk ontbreekt")
            continue
        nid = str(net.get("id") or f"net-{slug(name)}")
        if nid in seen:
            report.reject(file, line, nid, "dubbel id")
            continue
        seen.add(nid)
        members = []
        for m in net.get("leden") or []:
            mline = int(m.get("__line__", line))
            oid, problem = resolver.resolve(m.get("organisatie"))
            if problem:
                report.reject(file, mline, nid, problem)
                continue
            members.append(
                Member(organisation_id=oid, rol=(m.get("rol") or None), status=(m.get("status") or None))
            )
        mapped.netwerken.append(
            Netwerk(
                id=nid,
                name=name,
                description=net.get("beschrijving") or net.get("description"),
                source=net.get("bron") or net.get("source"),
                members=tuple(members),
            )
        )
        mapped.where[("Netwerk", nid)] = (file, line)
    return mapped


def import_netwerken(
    store: GraphStore, path: Path, *, dry_run: bool = False, source: str | None = None
) -> Report:
    path = Path(path)
    source_id = source or f"netwerken:{path.name}"
    report = Report(source=source_id, dry_run=dry_run)
    problems = Problems()
    try:
        doc = read_netwerken(path, problems)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        report.reject(path.name, 0, None, f"bestand niet leesbaar: {exc}")
        return report
    report_problems(report, path.name, problems)
    mapped = map_netwerken(doc, report, OrgResolver(store), path.name)
    report.counts["netwerken"] = len(mapped.netwerken)
    report.counts["leden"] = sum(len(n.members) for n in mapped.netwerken)
    if not dry_run:
        write_mapped(store, mapped, source_config(source_id, "netwerken"), report, now_iso(), path=str(path))
    return report
