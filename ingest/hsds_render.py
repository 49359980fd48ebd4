"""Records of the kaart -> HSDS rows with our readable ids: the record -> HSDS mapping of the profile
(docs/hsds-profile.md), shared by `kaart export hsds` and the HSDS API (ingest/hsds_profile.py turns the rows
into what leaves the kaart: strict, public, UUIDs).

Round trip (docs/adr/0010-hsds-round-trip.md): a record imported from HSDS is written from the HSDS rows kept
with it (`import_state.hsds`), so whatever HSDS carried comes back; a field that changed in the kaart since the
import (an edit, an approved proposal, another source) is written from the kaart instead. Records that never
came from HSDS (spreadsheets, LRK, DUO, beheer) are written from their fields with generated, stable ids.
"""

from __future__ import annotations

import copy
import json
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

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
from ingest.hsds import OUR_TAXONOMIES, attribute_kind, slug
from ingest.hsds_profile import FIXED_TERMS, TAXONOMY_TEXT, Tables
from ingest.hsds_status import apply_status, load_statuses
from ingest.writer import SET_FIELDS
from ontology import load_ontology


def fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _slug(text: str) -> str:
    return slug(text)


class _Context:
    """Taxonomy terms (imported and generated) and lookups the renderers share."""

    def __init__(self, store: GraphStore) -> None:
        hs = HsdsStore(store)
        self.taxonomies = {r["id"]: r for r in hs.taxonomy_rows()}
        self.terms = {r["id"]: r for r in hs.term_rows()}
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
        # (taxonomy, code) -> (name, description, parent code) of the terms of our ontology
        self.vocab: dict[tuple[str, str], tuple[str, str, str | None]] = {}
        onto = load_ontology()
        for n in onto.niveaus.values():
            self.vocab[("niveau", n.id)] = (n.label, n.b1_label or n.description or n.label, None)
        for t in onto.themes.values():
            self.vocab[("thema", t.id)] = (
                t.label,
                t.description or t.label,
                t.parents[0] if t.parents else None,
            )
        for d in onto.doelgroepen.values():
            self.vocab[("doelgroep", d.id)] = (d.label, d.description or d.b1_label or d.label, None)
        for o in onto.organisatiesoorten.values():
            self.vocab[("organisatiesoort", o.id)] = (o.label, o.description or o.label, None)
        for kind, codes in FIXED_TERMS.items():
            for code, name in codes.items():
                self.vocab[(kind, code)] = (name, f"{TAXONOMY_TEXT[kind]} {name}.", None)

    def ontology_terms(self) -> None:
        """Every term of our taxonomies, also the unused ones: the vocabulary a consumer filters by, and the
        same list in every export and in the API."""
        for kind, code in sorted(self.vocab):
            self.term_id(kind, code)

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
        label, text, parent = self.vocab.get(key, (key[1], f"{kind}: {key[1]}", None))
        self.generated_terms[term_id] = {
            "id": term_id,
            "code": key[1],
            "name": label,
            "description": text,
            "taxonomy": kind,
            "language": "nl",
            "taxonomy_id": tax_id,
        }
        if parent:
            self.generated_terms[term_id]["parent_id"] = f"{kind}-{_slug(parent)}"
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
        (
            "professional_only",
            "publiek",
            ["professionals"] if getattr(svc, "professional_only", False) else [],
        ),
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


Private = dict[str, set[str]]  # table -> ids the kaart marks professional-only or not public


class _Collector:
    """Rows of rendered records, each id once (the first wins), and what is private."""

    def __init__(self, ctx: _Context) -> None:
        self.ctx = ctx
        self.out: Tables = defaultdict(dict)
        self.private: Private = defaultdict(set)

    def add(self, bundle: dict[str, list[dict[str, str]]]) -> None:
        for table, rows in bundle.items():
            for row in rows:
                if row.get("id"):
                    self.out[table].setdefault(row["id"], {k: v for k, v in row.items() if v != ""})

    def record(self, label: str, record: Any, state: dict[str, Any] | None) -> None:
        if label == "Organisation" and getattr(record, "status", "active") == "archived":
            self.private["organizations"].add(record.id)
        elif label == "Location":
            self.ctx.loc_kern[record.id] = record.kern
            if record.confidential:
                self.private["locations"].add(record.id)
        elif label == "Phone" and record.professional_only:
            self.private["phones"].add(record.id)
        self.add(RENDER[label](self.ctx, record, state))

    def finish(self) -> tuple[Tables, Private]:
        ctx, out = self.ctx, self.out
        ctx.ontology_terms()
        for row in out.get("attributes", {}).values():
            if not row.get("taxonomy_term_id"):  # an imported row that named no term: ours get theirs
                kind, code = ctx.attribute_kind(row)
                if kind in OUR_TAXONOMIES and code:
                    row["taxonomy_term_id"] = ctx.term_id(kind, code)
        out["schedules"] = _valid_schedules(out.get("schedules", {}))
        for tid, row in {**ctx.taxonomies, **ctx.generated_tax}.items():
            out["taxonomies"].setdefault(tid, row)
        for tid, row in {**ctx.terms, **ctx.generated_terms}.items():
            out["taxonomy_terms"].setdefault(tid, row)
        for row in out["taxonomy_terms"].values():  # the theme hierarchy, also on terms imported without it
            kind, code = ctx.kind_code(row)
            parent = ctx.vocab.get((kind, code), ("", "", None))[2]
            if kind == "thema" and parent and not row.get("parent_id"):
                row["parent_id"] = ctx.term_by.get((kind, parent)) or f"{kind}-{_slug(parent)}"
        return out, self.private


def render_all(store: GraphStore) -> tuple[Tables, Private]:
    """Every HSDS table of the kaart (readable ids), and what is private."""
    ctx = _Context(store)
    ctx.statuses = load_statuses(store)  # temporary status (ingest/hsds_status.py)
    hs = HsdsStore(store)
    col = _Collector(ctx)
    for table, row in hs.record_rows():
        col.add({table: [row]})
    for repo, label in (
        (OrganisationRepository(store), "Organisation"),
        (LocationRepository(store), "Location"),
        (ServiceRepository(store), "Service"),
        (PhoneRepository(store), "Phone"),
    ):
        for record, state in _records(repo, hs, label):
            col.record(label, record, state)
    return col.finish()


def render_records(
    store: GraphStore,
    *,
    services: Sequence[Any] = (),
    organisations: Sequence[str] = (),
    phones: Sequence[str] = (),
) -> tuple[Tables, Private]:
    """The HSDS rows of some records (for the HSDS API): the services given (records), their organisations
    and locations, the organisations given, and the phones given; rendered exactly as the export does."""
    ctx = _Context(store)
    ctx.statuses = load_statuses(store)  # temporary status (ingest/hsds_status.py)
    hs = HsdsStore(store)
    col = _Collector(ctx)
    loc_ids = sorted({lid for s in services for lid in s.location_ids})
    locations = LocationRepository(store).get_many(loc_ids)
    org_ids = sorted(
        {
            *organisations,
            *(s.organization_id for s in services),
            *(x.organization_id for x in locations if x.organization_id),
        }
    )
    for label, records in (
        ("Organisation", OrganisationRepository(store).get_many(org_ids)),
        ("Location", locations),
        ("Service", list(services)),
        ("Phone", PhoneRepository(store).get_many(sorted(set(phones)))),
    ):
        states = hs.states(label, [r.id for r in records])
        for record in records:
            col.record(label, record, states.get(record.id))
    return col.finish()


def render_terms(store: GraphStore) -> Tables:
    """Only the taxonomies and terms (for the API's taxonomy endpoints)."""
    return _Collector(_Context(store)).finish()[0]


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


RENDER = {
    "Organisation": _render_organisation,
    "Location": _render_location,
    "Service": _render_service,
    "Phone": _render_phone,
}
