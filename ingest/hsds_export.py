"""`kaart export hsds <dir>`: the kaart as an HSDS 3.0 tabular datapackage (CSV files named and headed as in
the HSDS examples, plus datapackage.json), validated against the HSDS schemas.

Round trip (docs/adr/0010-hsds-round-trip.md): a record imported from HSDS is written from the HSDS rows kept
with it (`import_state.hsds`), so whatever HSDS carried comes back byte for byte; a field that changed in the
kaart since the import (an edit, an approved proposal, another source) is written from the kaart instead.
Records that never came from HSDS (spreadsheets, LRK, DUO, beheer) are written from their fields with
generated, stable ids. Output is sorted by id per file, so export → import → export is identical.
"""

from __future__ import annotations

import copy
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import csv_export
from graph.hsds_store import HsdsStore
from graph.proposals import jsonable
from graph.repositories import (
    KernRepository,
    LocationRepository,
    OrganisationRepository,
    PhoneRepository,
    ServiceRepository,
)
from graph.store import GraphStore
from ingest import hours
from ingest.hsds import attribute_kind, slug
from ingest.hsds_spec import RELAXED_REQUIRED, datapackage, tables
from ingest.hsds_status import TAXONOMY_TEXT as STATUS_TAXONOMY_TEXT
from ingest.hsds_status import apply_status, load_statuses
from ingest.hsds_validate import validate_package
from ingest.writer import SET_FIELDS
from ontology import load_ontology

TAXONOMY_TEXT = {
    "niveau": "Niveau op de hulpladder (matched care): van vrij toegankelijk tot crisis.",
    "thema": "Thema's (leefgebieden en onderwerpen) uit de ontologie van de sociale kaart.",
    "doelgroep": "Doelgroepen van een dienst.",
    "organisatiesoort": "Soort organisatie: sociale basis, pedagogische basis, lokaal team, specialistisch, crisis, gemeente.",
    "toegang": "Toegang tot een dienst (intakeroute): vrij toegankelijk, met verwijzing of met een beschikking.",
    "bereikbaarheid": "Bereikbaarheid van een dienst, zoals dag en nacht (24/7).",
    "zichtbaarheid": "Zichtbaarheid van een telefoonnummer of contact: alleen voor professionals.",
    "locatie": "Kenmerken van een locatie: benaderd (midden van de kern) of vertrouwelijk (nooit op de kaart).",
    "wachttijd-datum": "Peildatum van de wachttijd van een dienst (in `value`, JJJJ-MM-DD).",
    **STATUS_TAXONOMY_TEXT,  # temporary status (ingest/hsds_status.py)
}


def fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _slug(text: str) -> str:
    return slug(text)


@dataclass
class ExportResult:
    directory: Path
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


class _Context:
    """Taxonomy terms (imported and generated) and lookups the renderers share."""

    def __init__(self, store: GraphStore) -> None:
        hs = HsdsStore(store)
        self.taxonomies = {r["id"]: r for r in hs.taxonomy_rows()}
        self.terms = {r["id"]: r for r in hs.term_rows()}
        self.orphans = hs.record_rows()
        self.tax_by_name: dict[str, str] = {}
        for tid, r in sorted(self.taxonomies.items()):
            self.tax_by_name.setdefault((r.get("name") or "").strip(), tid)
        self.term_by: dict[tuple[str, str], str] = {}
        for tid, r in sorted(self.terms.items()):
            self.term_by.setdefault(self.kind_code(r), tid)
        self.kernen = {k.id: k for k in KernRepository(store).all(limit=100_000)}
        self.loc_kern: dict[str, str | None] = {}
        self.generated_tax: dict[str, dict[str, str]] = {}
        self.generated_terms: dict[str, dict[str, str]] = {}
        self._labels: dict[tuple[str, str], str] = {}
        try:
            onto = load_ontology()
            for t in onto.themes.values():
                self._labels[("thema", t.id)] = t.label
            for d in onto.doelgroepen.values():
                self._labels[("doelgroep", d.id)] = d.label
        except Exception:  # noqa: BLE001 - labels are cosmetic
            pass

    def kind_code(self, term: dict[str, str]) -> tuple[str, str]:
        tax = self.taxonomies.get(term.get("taxonomy_id") or "", {})
        name = (tax.get("name") or "").strip() or (term.get("taxonomy") or "").strip()
        return name, (term.get("code") or term.get("name") or "").strip()

    def attribute_kind(self, row: dict[str, str]) -> tuple[str, str]:
        """(taxonomy name, code) of an attribute row, as the importer reads it."""
        term = self.terms.get(row.get("taxonomy_term_id") or "")
        return attribute_kind(self.kind_code(term) if term else None, row)

    def term_id(self, kind: str, code: str) -> str:
        key = (kind, "peildatum" if kind == "wachttijd-datum" else code)
        if key in self.term_by:
            return self.term_by[key]
        tax_id = self.tax_by_name.get(kind)
        if tax_id is None:
            tax_id = f"tax-{kind}"
            self.tax_by_name[kind] = tax_id
            self.generated_tax[tax_id] = {
                "id": tax_id,
                "name": kind,
                "description": TAXONOMY_TEXT.get(kind, kind),
                "version": "1",
            }
        term_id = f"{kind}-{_slug(key[1])}"
        label = self._labels.get(key, key[1])
        self.generated_terms[term_id] = {
            "id": term_id,
            "code": key[1],
            "name": label,
            "description": f"{kind}: {label}",
            "taxonomy": kind,
            "language": "nl",
            "taxonomy_id": tax_id,
        }
        self.term_by[key] = term_id
        return term_id


def _changed(label: str, record: Any, base: dict[str, Any] | None, name: str) -> bool:
    if base is None:
        return True
    now, then = jsonable(getattr(record, name)), base.get(name)
    if name in SET_FIELDS.get(label, ()):
        key = lambda v: json.dumps(v, sort_keys=True)  # noqa: E731
        return sorted(now or [], key=key) != sorted(then or [], key=key)
    return now != then


def _overlay(
    row: dict[str, str], record: Any, label: str, base: dict[str, Any] | None, columns: dict[str, str]
) -> dict[str, str]:
    for fname, col in columns.items():
        if _changed(label, record, base, fname):
            value = fmt(getattr(record, fname))
            if value:
                row[col] = value
            else:
                row.pop(col, None)
    return row


def _sync_attributes(
    ctx: _Context,
    attrs: list[dict[str, str]],
    entity: str,
    link_id: str,
    kind: str,
    codes: list[str],
) -> list[dict[str, str]]:
    """Attribute rows with exactly `codes` for taxonomy `kind`: kept rows stay, others go, missing ones are made."""
    kept, have = [], set()
    for row in attrs:
        k, code = ctx.attribute_kind(row)
        if k != kind or row.get("link_id") != link_id:
            kept.append(row)
        elif code in codes and code not in have:
            kept.append(row)
            have.add(code)
    for code in codes:
        if code in have:
            continue
        row = {
            "id": f"attr-{link_id}-{kind}-{_slug(code)}",
            "link_id": link_id,
            "taxonomy_term_id": ctx.term_id(kind, code),
            "link_type": kind,
            "link_entity": entity,
            "value": code,
        }
        kept.append(row)
    return kept


def _bundle(state: dict[str, Any] | None) -> tuple[dict[str, list[dict[str, str]]], dict[str, Any] | None]:
    if not state:
        return {}, None
    return copy.deepcopy(state.get("hsds") or {}), state.get("fields")


def _render_organisation(
    ctx: _Context, org: Any, state: dict[str, Any] | None
) -> dict[str, list[dict[str, str]]]:
    bundle, base = _bundle(state)
    own = bundle.get("organizations") or []
    if not own:
        base, own = None, [{"id": org.id}]
    row = _overlay(
        dict(own[0]),
        org,
        "Organisation",
        base,
        {f: f for f in ("name", "description", "alternate_name", "email", "website")},
    )
    bundle["organizations"] = [row]
    if _changed("Organisation", org, base, "kind"):
        bundle["attributes"] = _sync_attributes(
            ctx,
            bundle.get("attributes", []),
            "organization",
            org.id,
            "organisatiesoort",
            [org.kind] if org.kind else [],
        )
    apply_status(ctx, org, bundle, "organization")  # temporary status (ingest/hsds_status.py)
    return bundle


def _render_location(
    ctx: _Context, loc: Any, state: dict[str, Any] | None
) -> dict[str, list[dict[str, str]]]:
    bundle, base = _bundle(state)
    own = bundle.get("locations") or []
    if not own:
        base, own = None, [{"id": loc.id, "location_type": "physical"}]
    cols = {
        "name": "name",
        "description": "description",
        "organization_id": "organization_id",
        "latitude": "latitude",
        "longitude": "longitude",
    }
    bundle["locations"] = [_overlay(dict(own[0]), loc, "Location", base, cols)]
    addr_fields = ("address_1", "postal_code", "city")
    if any(_changed("Location", loc, base, f) for f in addr_fields):
        addresses = bundle.get("addresses") or []
        idx = next(
            (i for i, a in enumerate(addresses) if (a.get("address_type") or "physical") == "physical"), None
        )
        if idx is None and (loc.address_1 or loc.postal_code or loc.city):
            addresses.append(
                {"id": f"addr-{loc.id}", "location_id": loc.id, "country": "NL", "address_type": "physical"}
            )
            idx = len(addresses) - 1
        if idx is not None:
            addresses[idx] = _overlay(
                dict(addresses[idx]),
                loc,
                "Location",
                base,
                {"address_1": "address_1", "postal_code": "postal_code", "city": "city"},
            )
        bundle["addresses"] = addresses
    attrs = bundle.get("attributes", [])
    if _changed("Location", loc, base, "approximate") or _changed("Location", loc, base, "confidential"):
        codes = [c for c, on in (("benaderd", loc.approximate), ("vertrouwelijk", loc.confidential)) if on]
        attrs = _sync_attributes(ctx, attrs, "location", loc.id, "locatie", codes)
    bundle["attributes"] = attrs
    return bundle


SERVICE_COLUMNS = (
    "organization_id", "name", "alternate_name", "description", "url", "email", "status", "application_process",
    "fees_description", "wait_time", "eligibility_description", "minimum_age", "maximum_age", "assured_date",
)  # fmt: skip


def _render_service(ctx: _Context, svc: Any, state: dict[str, Any] | None) -> dict[str, list[dict[str, str]]]:
    bundle, base = _bundle(state)
    own = bundle.get("services") or []
    if not own:
        base, own = None, [{"id": svc.id}]
    bundle["services"] = [_overlay(dict(own[0]), svc, "Service", base, {c: c for c in SERVICE_COLUMNS})]
    attrs = bundle.get("attributes", [])
    for fname, kind, codes in (
        ("niveau", "niveau", [svc.niveau] if svc.niveau else []),
        ("toegang", "toegang", [svc.toegang] if svc.toegang else []),
        ("themes", "thema", list(svc.themes)),
        ("doelgroepen", "doelgroep", list(svc.doelgroepen)),
        ("available_24_7", "bereikbaarheid", ["24-7"] if svc.available_24_7 else []),
        ("wait_time_date", "wachttijd-datum", [svc.wait_time_date] if svc.wait_time_date else []),
    ):
        if _changed("Service", svc, base, fname):
            attrs = _sync_attributes(ctx, attrs, "service", svc.id, kind, codes)
    if _changed("Service", svc, base, "incidental_themes") or _changed("Service", svc, base, "themes"):
        incidental = set(getattr(svc, "incidental_themes", ()) or ())
        for row in attrs:  # a theme it merely touches: link_type thema-bijzaak (docs/hsds-profile.md)
            k, code = ctx.attribute_kind(row)
            if k == "thema" and row.get("link_id") == svc.id:
                row["link_type"] = "thema-bijzaak" if code in incidental else "thema"
    bundle["attributes"] = attrs
    if _changed("Service", svc, base, "location_ids"):
        sal = [r for r in bundle.get("service_at_location", []) if r.get("location_id") in svc.location_ids]
        have = {r.get("location_id") for r in sal}
        sal += [
            {"id": f"sal-{svc.id}-{lid}", "service_id": svc.id, "location_id": lid}
            for lid in svc.location_ids
            if lid not in have
        ]
        bundle["service_at_location"] = sal
    if _changed("Service", svc, base, "kernen"):
        by_name = {k.name.lower(): kid for kid, k in ctx.kernen.items()}
        areas = []
        covered = {ctx.loc_kern.get(lid) for lid in svc.location_ids} - {None}
        for r in bundle.get("service_areas", []):
            kid = by_name.get((r.get("name") or "").lower())
            if kid is None or kid in svc.kernen:
                areas.append(r)
                covered.add(kid)
        for kid in svc.kernen:
            if kid not in covered and kid in ctx.kernen:
                areas.append(
                    {"id": f"area-{svc.id}-{kid}", "service_id": svc.id, "name": ctx.kernen[kid].name}
                )
        bundle["service_areas"] = areas
    bundle["schedules"] = _render_schedules(svc, base, bundle.get("schedules", []))
    apply_status(ctx, svc, bundle, "service")  # temporary status (ingest/hsds_status.py)
    return bundle


def _render_schedules(
    svc: Any, base: dict[str, Any] | None, rows: list[dict[str, str]]
) -> list[dict[str, str]]:
    """The service's schedules rows: from its records (ADR 0035), so the export holds what the kaart holds
    and agrees with the HSDS API. Without records: the OSM field when that was edited, else the kept rows
    (a kaart imported before schedules were records), which `_valid_schedules` checks. A location's own
    schedules are written with the location (they win on the same id)."""
    if svc.schedules:  # what the kaart holds, never a source row it rejected (or wrote differently)
        source = {r.get("id"): r for r in rows}
        return [_with_unmodelled(hours.schedule_to_hsds(x, svc.id), source.get(x.id)) for x in svc.schedules]
    if base is not None and "schedules" not in base:
        changed = False
    else:
        changed = _changed("Service", svc, base, "schedules")
    if changed:  # its schedules were removed in the kaart
        return []
    if _changed("Service", svc, base, "opening_hours"):  # an edit of the OSM field
        return hours.to_schedules(svc.opening_hours, "service_id", svc.id) if svc.opening_hours else []
    return rows


def _render_phone(ctx: _Context, phone: Any, state: dict[str, Any] | None) -> dict[str, list[dict[str, str]]]:
    bundle, base = _bundle(state)
    own = bundle.get("phones") or []
    if not own:
        base, own = None, [{"id": phone.id}]
    cols = {f: f for f in ("number", "type", "description", "service_id", "organization_id", "location_id")}
    bundle["phones"] = [_overlay(dict(own[0]), phone, "Phone", base, cols)]
    if _changed("Phone", phone, base, "professional_only"):
        bundle["attributes"] = _sync_attributes(
            ctx,
            bundle.get("attributes", []),
            "phone",
            phone.id,
            "zichtbaarheid",
            ["professional"] if phone.professional_only else [],
        )
    return bundle


def _records(
    repo: Any, hs: HsdsStore, label: str, page: int = 2000
) -> Iterator[tuple[Any, dict[str, Any] | None]]:
    skip = 0
    while True:
        records = repo.all(skip=skip, limit=page)
        states = hs.states(label, [r.id for r in records])
        for r in records:
            yield r, states.get(r.id)
        if len(records) < page:
            return
        skip += page


def export_tables(store: GraphStore) -> dict[str, dict[str, dict[str, str]]]:
    """Every HSDS table of the kaart: table -> id -> row (strings, only non-empty values)."""
    ctx = _Context(store)
    ctx.statuses = load_statuses(store)  # temporary status (ingest/hsds_status.py)
    hs = HsdsStore(store)
    out: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)

    def add(bundle: dict[str, list[dict[str, str]]]) -> None:
        for table, rows in bundle.items():
            for row in rows:
                if row.get("id"):
                    out[table].setdefault(row["id"], {k: v for k, v in row.items() if v != ""})

    for table, row in ctx.orphans:
        add({table: [row]})
    for repo, label, render in (
        (OrganisationRepository(store), "Organisation", _render_organisation),
        (LocationRepository(store), "Location", _render_location),
        (ServiceRepository(store), "Service", _render_service),
        (PhoneRepository(store), "Phone", _render_phone),
    ):
        for record, state in _records(repo, hs, label):
            if label == "Location":
                ctx.loc_kern[record.id] = record.kern
            add(render(ctx, record, state))
    out["schedules"] = _valid_schedules(out.get("schedules", {}))
    for tid, row in {**ctx.taxonomies, **ctx.generated_tax}.items():
        out["taxonomies"].setdefault(tid, row)
    for tid, row in {**ctx.terms, **ctx.generated_terms}.items():
        out["taxonomy_terms"].setdefault(tid, row)
    return out


def _valid_schedules(rows: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Schedule rows kept from a source (a location's own rows, a kaart imported before schedules were
    records) as the kaart reads them: a row the import rejects is left out, the others are written in HSDS
    form (`freq` upper case, times `HH:MM:SS`, no textual `timezone`), so the export validates and agrees
    with the HSDS API."""
    out = {}
    for rid, row in rows.items():
        try:
            record = hours.schedule_from_hsds(row)
        except hours.OpeningHoursError:
            continue
        written = _with_unmodelled(hours.schedule_to_hsds(record, row.get("service_id")), row)
        out[rid] = {k: v for k, v in written.items() if v != ""}
    return out


# HSDS schedule columns a `Schedule` record does not model: carried from the source row of an accepted
# schedule (so the HSDS example round-trips), `timezone` only as HSDS has it (a UTC offset number).
UNMODELLED_SCHEDULE_COLUMNS = (
    "dtstart", "timezone", "until", "count", "byweekno", "bymonthday", "byyearday", "schedule_link",
)  # fmt: skip


def _with_unmodelled(row: dict[str, str], source: dict[str, str] | None) -> dict[str, str]:
    for column in UNMODELLED_SCHEDULE_COLUMNS:
        value = ((source or {}).get(column) or "").strip()
        if column == "timezone" and not re.fullmatch(r"[+-]?\d+(?:\.\d+)?", value):
            continue  # "Europe/Amsterdam": not an HSDS number; the times are Amsterdam wall clock
        if value:
            row[column] = value
    return row


def export_datapackage() -> dict[str, Any]:
    """The HSDS datapackage.json with our profile: readable ids (no uuid format), empty-when-unknown fields."""
    doc = copy.deepcopy(datapackage())
    doc["name"] = "sociale_kaart"
    doc["title"] = "Sociale kaart (Open Referral HSDS 3.0)"
    doc["description"] = (
        "Export van de sociale kaart als HSDS 3.0 tabular datapackage. Profiel: docs/hsds-profile.md "
        "(leesbare ids in plaats van UUID's; onbekende velden blijven leeg)."
    )
    for res in doc["resources"]:
        relaxed = RELAXED_REQUIRED.get(res["name"], set())
        for f in res["schema"]["fields"]:
            if f.get("format") == "uuid":
                del f["format"]
            if f["name"] in relaxed and isinstance(f.get("constraints"), dict):
                f["constraints"]["required"] = False
    return doc


def write_package(data: dict[str, dict[str, dict[str, str]]], directory: Path) -> dict[str, int]:
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
        json.dumps(export_datapackage(), ensure_ascii=False, indent=4) + "\n", encoding="utf-8"
    )
    return counts


def export_hsds(store: GraphStore, directory: Path, *, validate: bool = True) -> ExportResult:
    data = export_tables(store)
    result = ExportResult(Path(directory), counts=write_package(data, Path(directory)))
    if validate:
        result.problems = [str(p) for p in validate_package(Path(directory))]
    return result


__all__ = ["ExportResult", "export_datapackage", "export_hsds", "export_tables", "write_package"]
