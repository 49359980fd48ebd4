"""`kaart export hsds <dir> [--public]`: the kaart as an HSDS 3.0 tabular datapackage (CSV files named and
headed as in the HSDS examples, plus datapackage.json), strictly valid against the official HSDS 3.0
datapackage and schemas (UUID ids, formats; docs/hsds-profile.md, ADR 0074/0075).

The rows come from the one mapping (ingest/hsds_render.py + ingest/hsds_profile.py) the HSDS API also uses.
Output is sorted by id per file, so export → import → export is identical. `--public` leaves out what is for
professionals only (and services the public site does not show): the package fit to publish as open data.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph import csv_export
from graph.store import GraphStore
from ingest.hsds_profile import Tables, publishable, readable_ids
from ingest.hsds_render import render_all
from ingest.hsds_spec import datapackage, tables
from ingest.hsds_validate import validate_package

DATA_LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
}


@dataclass
class ExportResult:
    directory: Path
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def export_tables(store: GraphStore, *, public: bool = False) -> Tables:
    """Every HSDS table of the kaart as it leaves the kaart: table -> id (UUID) -> row."""
    data, private = render_all(store)
    return publishable(data, public=public, private=private)


def export_datapackage(*, public: bool = False, created: str | None = None) -> dict[str, Any]:
    """The official HSDS 3.0 datapackage.json (every field, format and constraint as published), with our
    name, description, licence of the data and date."""
    doc = copy.deepcopy(datapackage())
    doc["name"] = "sociale_kaart_open_data" if public else "sociale_kaart"
    doc["title"] = "Sociale kaart (Open Referral HSDS 3.0)" + (", open data" if public else "")
    doc["description"] = (
        "Export van de sociale kaart als HSDS 3.0 tabular datapackage. Profiel: docs/hsds-profile.md (ids zijn "
        "UUID's, het leesbare id staat in organization_identifiers en in attributes met link_type kaart-id)."
        + (" Openbare versie: zonder gegevens die alleen voor professionals zijn." if public else "")
    )
    doc["licenses"] = [DATA_LICENCE]
    if created:
        doc["created"] = created
    return doc


def write_package(
    data: Tables, directory: Path, *, public: bool = False, created: str | None = None
) -> dict[str, int]:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, columns in tables().items():
        rows = data.get(table, {})
        with (directory / f"{table}.csv").open("w", encoding="utf-8", newline="") as fh:
            # QUOTE_MINIMAL, CRLF: as the HSDS examples. Data for programs, exact values (graph/csv_export.py)
            w = csv_export.writer(fh, formulas=False)
            w.writerow(columns)
            for rid in sorted(rows):
                w.writerow([rows[rid].get(c, "") for c in columns])
        counts[table] = len(rows)
    (directory / "datapackage.json").write_text(
        json.dumps(export_datapackage(public=public, created=created), ensure_ascii=False, indent=4) + "\n",
        encoding="utf-8",
    )
    return counts


def created_now() -> str:
    """The datapackage's `created`: now, ISO 8601 in UTC to the second (`2026-12-06T08:30:00Z`)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def export_hsds(
    store: GraphStore,
    directory: Path,
    *,
    validate: bool = True,
    public: bool = False,
    created: str | None = None,
) -> ExportResult:
    data = export_tables(store, public=public)
    result = ExportResult(
        Path(directory), counts=write_package(data, Path(directory), public=public, created=created)
    )
    if validate:
        result.problems = [str(p) for p in validate_package(Path(directory))]
    return result


def open_data_zip(store: GraphStore, work: Path) -> tuple[bytes, str]:
    """The public export as one zip (the CSV files and datapackage.json), and its date (UTC, ISO)."""
    created = created_now()
    export_hsds(store, work, validate=False, public=True, created=created)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(work.iterdir()):
            zf.write(path, path.name)
    return buf.getvalue(), created


def read_package(directory: Path) -> dict[str, list[dict[str, str]]]:
    """A package we wrote, read back with our readable ids (as `kaart ingest hsds` reads it): for tools and
    tests that look rows up by the ids people know."""
    out: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for table in tables():
        path = Path(directory) / f"{table}.csv"
        if path.exists():
            with path.open(encoding="utf-8", newline="") as fh:
                out[table] = [
                    (n, {k: v for k, v in r.items() if v}) for n, r in enumerate(csv.DictReader(fh), start=2)
                ]
    readable_ids(out)
    return {t: [r for _, r in rows] for t, rows in out.items()}


__all__ = [
    "ExportResult",
    "created_now",
    "export_datapackage",
    "export_hsds",
    "export_tables",
    "open_data_zip",
    "read_package",
    "write_package",
]
