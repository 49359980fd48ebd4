"""Reading HSDS input into plain tables: a CSV datapackage directory or HSDS JSON (nested objects flattened
into their tables). Split out of `ingest/hsds.py` so reading and mapping to records stay separate modules;
`ingest.hsds` re-exports the public names.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.base import FileRejected, decode, missing_columns, sniff_delimiter
from ingest.hsds_oruk import from_oruk, page_items
from ingest.hsds_spec import singular, tables

TABLES = tuple(tables())


REQUIRED_COLUMNS = {
    "organizations": ("id", "name"),
    "services": ("id", "name"),
    "locations": ("id",),
    "phones": ("id", "number"),
}

# JSON nesting: parent table -> key -> (child table, how it links). "fk:<col>": the child gets <col> = parent
# id; "up:<col>": a nested object whose id the parent holds in <col>.
NESTED: dict[str, dict[str, tuple[str, str]]] = {
    "organizations": {
        "services": ("services", "fk:organization_id"),
        "locations": ("locations", "fk:organization_id"),
        "phones": ("phones", "fk:organization_id"),
        "contacts": ("contacts", "fk:organization_id"),
        "funding": ("funding", "fk:organization_id"),
        "fundings": ("funding", "fk:organization_id"),
        "programs": ("programs", "fk:organization_id"),
        "organization_identifiers": ("organization_identifiers", "fk:organization_id"),
    },
    "services": {
        "phones": ("phones", "fk:service_id"),
        "schedules": ("schedules", "fk:service_id"),
        "service_areas": ("service_areas", "fk:service_id"),
        "service_at_locations": ("service_at_location", "fk:service_id"),
        "languages": ("languages", "fk:service_id"),
        "funding": ("funding", "fk:service_id"),
        "cost_options": ("cost_options", "fk:service_id"),
        "required_documents": ("required_documents", "fk:service_id"),
        "contacts": ("contacts", "fk:service_id"),
        "organization": ("organizations", "up:organization_id"),
        "program": ("programs", "up:program_id"),
    },
    "service_at_location": {
        "location": ("locations", "up:location_id"),
        "service": ("services", "up:service_id"),
        "contacts": ("contacts", "fk:service_at_location_id"),
        "phones": ("phones", "fk:service_at_location_id"),
        "schedules": ("schedules", "fk:service_at_location_id"),
    },
    "locations": {
        "addresses": ("addresses", "fk:location_id"),
        "phones": ("phones", "fk:location_id"),
        "schedules": ("schedules", "fk:location_id"),
        "languages": ("languages", "fk:location_id"),
        "accessibility": ("accessibility", "fk:location_id"),
        "contacts": ("contacts", "fk:location_id"),
    },
    "phones": {"languages": ("languages", "fk:phone_id")},
    "contacts": {"phones": ("phones", "fk:contact_id")},
    "attributes": {"taxonomy_term": ("taxonomy_terms", "up:taxonomy_term_id")},
    "taxonomy_terms": {"taxonomy_detail": ("taxonomies", "up:taxonomy_id")},
}


@dataclass
class HsdsTables:
    """HSDS data as tables of rows (dicts of non-empty strings), whatever the input format; rows keep their number."""

    tables: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=lambda: defaultdict(list))
    files: dict[str, str] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, reason) about whole files
    _seen: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    def rows(self, name: str) -> list[tuple[int, dict[str, str]]]:
        return self.tables.get(name, [])

    def file(self, name: str) -> str:
        return self.files.get(name, f"{name}.csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class NotHsds(FileRejected, ValueError):
    """The path is not HSDS at all (a spreadsheet passed as hsds, an empty folder, broken JSON, a zip): the
    whole input is refused with a reason in Dutch, nothing is written, and `kaart ingest` exits 2."""


def read_hsds(path: Path) -> HsdsTables:
    """Read a datapackage directory (CSV), a directory of HSDS JSON files, or one JSON file; raises NotHsds
    when the path holds no HSDS files or a JSON file cannot be read."""
    path = Path(path)
    data = HsdsTables()
    if path.is_dir():
        csvs = {
            p.stem.lower(): p for p in sorted(path.iterdir()) if p.suffix.lower() == ".csv"
        }  # Services.CSV too
        if set(csvs) & set(TABLES):
            for name in TABLES:
                if name in csvs:
                    _read_csv(csvs[name], name, data)
            return data
        jsons = [
            p
            for p in sorted(path.iterdir())
            if p.suffix.lower() == ".json" and p.name.lower() != "datapackage.json"
        ]
        if not jsons:
            raise NotHsds(
                "geen HSDS-bestanden gevonden (verwacht CSV-bestanden als services.csv en organizations.csv, "
                "of HSDS JSON-bestanden)"
            )
        for p in jsons:
            _read_json(p, data)
        return data
    with path.open("rb") as fh:
        magic = fh.read(4)
    if path.suffix.lower() == ".zip" or magic == b"PK\x03\x04":
        raise NotHsds(
            "dit is een zip-bestand: pak het eerst uit en geef de map met het HSDS-datapakket "
            "(services.csv, organizations.csv, …)"
        )
    if path.suffix.lower() != ".json":
        hint = (
            " Een spreadsheet importeert u met `kaart ingest csv` of `kaart ingest xlsx`."
            if (path.suffix.lower() in {".csv", ".xlsx", ".xlsm", ".tsv", ".txt"})
            else ""
        )
        raise NotHsds(
            "geen HSDS: geef een map met een HSDS-datapakket (services.csv, organizations.csv, …) of een "
            f"HSDS JSON-bestand.{hint}"
        )
    _read_json(path, data)
    return data


def _read_csv(path: Path, name: str, data: HsdsTables) -> None:
    columns = tables()[name]
    text = decode(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text.split("\n", 1)[0]))
    raw_header = [h.strip() for h in next(reader, [])]
    # `Organization ID`, `Name`: HSDS names as a spreadsheet tool capitalised them (reported, then read)
    header = [re.sub(r"[\s-]+", "_", h.lstrip("\ufeff").lower()) for h in raw_header]
    renamed = [f"{r!r} → {h}" for r, h in zip(raw_header, header, strict=True) if r != h and h in columns]
    if renamed:
        data.problems.append((path.name, f"kolomnamen gelezen als HSDS-namen: {', '.join(renamed)}"))
    data.files[name] = path.name
    missing = [c for c in REQUIRED_COLUMNS.get(name, ("id",)) if c not in header]
    if missing:
        data.problems.append((path.name, missing_columns(missing)))
        return
    extra = [h for h in header if h and h not in columns]
    if extra:
        data.problems.append((path.name, f"kolommen niet in HSDS, niet bewaard: {', '.join(extra)}"))
    # Values verbatim (the export gives back what came in); ids and references stripped.
    keep = [(i, c, c == "id" or c.endswith("_id")) for i, c in enumerate(header) if c in columns]
    rows = data.tables[name]
    for n, values in enumerate(reader, start=2):  # the line in Excel/a text editor: header = row 1
        size = len(values)
        row = {}
        for i, c, is_id in keep:
            if i < size:
                v = values[i]
                if v and not v.isspace():
                    row[c] = v.strip() if is_id else v
        if row:
            rows.append((n, row))


def _read_json(path: Path, data: HsdsTables) -> None:
    """One HSDS 3.0 or Open Referral UK JSON file: a list, one object, or an API page (hsds_oruk.page_items)."""
    raw = path.read_bytes()
    if not raw.strip():
        raise NotHsds(f"{path.name} is leeg")
    try:  # UTF-8 with or without BOM, UTF-16 (Windows tools), by the shared rules of ingest/sniff.py
        text = decode(raw)
    except FileRejected as exc:
        raise NotHsds(f"{path.name} is geen leesbare JSON: {exc.reason}") from exc
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        body = text.strip()
        if body[:1] not in "[{":
            why = "begint niet met [ of {; is het wel JSON?"
        elif body[-1:] not in "]}":
            why = "het bestand houdt halverwege op (afgebroken download?)"
        else:
            why = f"fout bij regel {exc.lineno}, kolom {exc.colno}"
        raise NotHsds(f"{path.name} is geen leesbare JSON: {why}") from exc
    items, page_note = page_items(doc)
    if page_note:
        data.problems.append((path.name, page_note))
    records = [item for item in items if isinstance(item, dict)]
    if not any(item.get("id") not in (None, "") for item in records):
        raise NotHsds(
            f"{path.name} bevat geen HSDS-records (verwacht een lijst van diensten of organisaties met een id, "
            'of een API-pagina met "contents" of "content")'
        )
    dropped: set[str] = set()
    for item in records:
        table = _json_table(item)
        _flatten(table, from_oruk(item, table, dropped), data, path.name)
    fields = sorted(x for x in dropped if "(" not in x)
    if fields:
        data.problems.append(
            (path.name, f"Open Referral UK-velden zonder plek in HSDS 3.0, niet bewaard: {', '.join(fields)}")
        )
    for note in sorted(x for x in dropped if "(" in x):
        data.problems.append((path.name, f"Open Referral UK: {note}"))


def _json_table(item: dict[str, Any]) -> str:
    if "service" in item and "location" in item:
        return "service_at_location"
    if "taxonomy_detail" in item or ("code" in item and "taxonomy_id" in item):
        return "taxonomy_terms"
    if "organization_id" in item or "service_at_locations" in item or "status" in item:
        return "services"
    if isinstance(item.get("organization"), dict) or {"regular_schedules", "eligibilitys"} & set(item):
        return "services"  # Open Referral UK: a service with its organisation nested
    if (
        set(item) <= {"id", "name", "description", "uri", "version", "metadata", "attributes"}
        and "version" in item
    ):
        return "taxonomies"  # /taxonomies: a taxonomy has a version, an organisation never
    if "location_type" in item or "addresses" in item or "physical_addresses" in item:
        return "locations"
    return "organizations"


def _flatten(
    table: str, obj: dict[str, Any], data: HsdsTables, file: str, fk: tuple[str, str] | None = None
) -> str | None:
    columns = set(tables()[table])
    row = {k: _cell(v) for k, v in obj.items() if k in columns and not isinstance(v, list | dict)}
    if fk and not row.get(fk[0]):
        row[fk[0]] = fk[1]
    nested = NESTED.get(table, {})
    for key, value in obj.items():  # nested objects first: the parent row needs their ids
        spec = nested.get(key)
        if spec and spec[1].startswith("up:") and isinstance(value, dict):
            child_id = _flatten(spec[0], value, data, file)
            if child_id and not row.get(spec[1][3:]):
                row[spec[1][3:]] = child_id
    row = {k: (v.strip() if k == "id" or k.endswith("_id") else v) for k, v in row.items() if v.strip()}
    rid = row.get("id")
    key = (table, rid or f"#{len(data.tables[table])}")
    if key not in data._seen:
        data._seen[key] = row
        data.files.setdefault(table, file)
        data.tables[table].append((len(data.tables[table]) + 1, row))
    else:  # the same row nested in several places (a schedule under its service and its location): one row
        for k, v in row.items():
            data._seen[key].setdefault(k, v)
    if not rid:
        return None
    for key_, value in obj.items():
        spec = nested.get(key_)
        if spec and spec[1].startswith("fk:") and isinstance(value, list):
            for child in value:
                if isinstance(child, dict):
                    _flatten(spec[0], child, data, file, fk=(spec[1][3:], rid))
        elif key_ in {"attributes", "metadata"} and isinstance(value, list):
            for child in value:
                if not isinstance(child, dict):
                    continue
                if key_ == "attributes":
                    child = {"link_id": rid, "link_entity": singular()[table], **child}
                else:
                    child = {"resource_id": rid, "resource_type": singular()[table], **child}
                _flatten(key_, child, data, file)
    return rid
