"""Open Referral HSDS 3.0 import: a tabular datapackage directory (CSV) or HSDS JSON files.

HSDS ids are preserved, so re-importing converges (unchanged records are counted, not rewritten). Our domain
travels in HSDS as described in `docs/hsds-profile.md`: niveau, thema, doelgroep, toegang, … as `attribute`
rows linked to taxonomy terms. Everything else HSDS can carry is kept verbatim with the record it belongs to
(or as an `HsdsRecord`), so `kaart export hsds` gives back what came in (docs/adr/0010-hsds-round-trip.md).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.models import NIVEAUS, Kern, Location, Organisation, Phone, Schedule, Service
from graph.repositories import LocationRepository, OrganisationRepository, ServiceRepository
from graph.store import GraphStore
from ingest import hours
from ingest.base import Report, now_iso
from ingest.hsds_children import assign_children
from ingest.hsds_profile import readable_ids
from ingest.hsds_quirks import normalise_tables
from ingest.hsds_read import NESTED, REQUIRED_COLUMNS, TABLES, HsdsTables, NotHsds, read_hsds
from ingest.hsds_values import (
    POSTCODE,
    SERVICE_STATUS,
    _date,
    _float,
    _int,
    _s,
    geocoded_location,
    kern_for,
    normal_postcode,
    read_coordinates,
    slug,
)
from ingest.screen import screen
from ingest.writer import Mapped, SourceConfig, source_config, write_mapped
from ontology.publiek import load_publiek

__all__ = [
    "NESTED",
    "POSTCODE",
    "REQUIRED_COLUMNS",
    "TABLES",
    "HsdsTables",
    "Mapped",
    "NotHsds",
    "geocoded_location",
    "import_hsds",
    "kern_for",
    "map_hsds",
    "normal_postcode",
    "read_hsds",
    "slug",
]

# Our own taxonomies (docs/hsds-profile.md), in the order the export writes them.
OUR_TAXONOMIES = (
    "niveau",
    "thema",
    "doelgroep",
    "organisatiesoort",
    "toegang",
    "bereikbaarheid",
    "zichtbaarheid",
    "locatie",
    "wachttijd-datum",
    "publiek",  # services for professionals only (ADR 0116)
)
VALUE_KINDS = ("wachttijd-datum", "locatie")  # the code travels in the attribute's `value`
# A theme the service merely touches: a `thema` attribute with this link_type (docs/hsds-profile.md).
INCIDENTAL_THEME = "thema-bijzaak"


def attribute_kind(term: tuple[str, str] | None, row: dict[str, str]) -> tuple[str, str]:
    """(taxonomy name, code) of an attribute row: from its taxonomy term, else from `link_type` and `value`.
    Our own kinds are also recognised by `link_type`, but never for a term of another named taxonomy (Open
    Eligibility, a gemeente's own list): that term stays theirs, whatever its code or link_type (a gemeente's
    `schulden` linked with link_type `thema` is not our thema). For VALUE_KINDS the code is the row's `value`."""
    kind, code = term if term else ("", row.get("value") or "")
    link_type = row.get("link_type") or ""
    if kind.lower() in OUR_TAXONOMIES:
        kind = kind.lower()  # "Thema", "Niveau": our taxonomy as another tool capitalised it
    if not kind:  # a term without a taxonomy name, or no term: the link_type says which kind
        kind = "thema" if link_type == INCIDENTAL_THEME else link_type
    if kind in VALUE_KINDS:
        code = row.get("value") or code
    return kind, code


# --- mapping to records -----------------------------------------------------------------------------------


@dataclass
class _Mapping:
    """The state `map_hsds` builds step by step: the input, the report, the records so far and the lookups
    later steps need. `owner`: (table, hsds id) -> record key, None = rejected."""

    data: HsdsTables
    report: Report
    known: dict[str, set[str]]
    gazetteer: Any
    geocoder: Any
    onto: Any
    out: Mapped = field(default_factory=Mapped)
    owner: dict[tuple[str, str], tuple[str, str] | None] = field(default_factory=dict)
    bundles: dict[tuple[str, str], dict[str, list[dict[str, str]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    attrs: dict[tuple[str, str], dict[str, list[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    attribute_rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    address_rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    sal_rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    org_ids: set[str] = field(default_factory=set)
    all_loc_ids: set[str] = field(default_factory=set)
    loc_kern: dict[str, str] = field(default_factory=dict)
    kernen: dict[str, Kern] = field(default_factory=dict)
    areas: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sal: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    schedules: dict[str, list[Schedule]] = field(default_factory=lambda: defaultdict(list))
    schedule_rows: dict[str, list[dict[str, str]]] = field(default_factory=lambda: defaultdict(list))
    uses_publiek: bool | None = None  # the package has the taxonomy `publiek` (ADR 0116)

    def own(self, key: tuple[str, str], table: str, row: dict[str, str]) -> None:
        self.bundles[key][table].append(row)
        self.owner[(table, row["id"])] = key

    def unique_rows(self, table: str) -> list[tuple[int, dict[str, str]]]:
        """Rows of a table with an id, each id once; the others are rejected in the report."""
        seen: set[str] = set()
        out_rows = []
        for n, r in self.data.rows(table):
            rid = r.get("id")
            if not rid:
                self.report.reject(self.data.file(table), n, None, "id ontbreekt")
                continue
            if rid in seen:
                self.report.reject(self.data.file(table), n, rid, "dubbel id")
                continue
            seen.add(rid)
            out_rows.append((n, r))
        return out_rows


def map_hsds(
    data: HsdsTables,
    report: Report,
    known_org_ids: set[str] | None = None,
    *,
    known: dict[str, set[str]] | None = None,
    geocoder: Any = None,
) -> Mapped:
    """Validate HSDS tables and turn them into records; bad rows go to the report, not into the graph.
    `known`: ids already in the kaart per label (records may refer to them)."""
    from ingest.geocode import Gazetteer, geocoder_from_env
    from ontology import load_ontology

    gazetteer = Gazetteer()
    m = _Mapping(
        data=data,
        report=report,
        known={k: set(v) for k, v in (known or {}).items()},
        gazetteer=gazetteer,
        geocoder=geocoder or geocoder_from_env(gazetteer=gazetteer),
        onto=load_ontology(),
    )
    m.known.setdefault("Organisation", set()).update(known_org_ids or ())
    for file, reason in data.problems:
        if "ontbreekt" in reason:
            report.reject(file, 0, None, reason)
        else:
            report.warn(file, 0, None, reason)
    for table, n, rid, reason in normalise_tables(data.tables):  # HSDS as published (hsds_quirks.py)
        report.warn(data.file(table), n, rid, reason)
    _map_taxonomies(m)
    _map_organisations(m)
    _map_locations(m)
    _map_service_links(m)
    _map_schedules(m)
    _map_services(m)
    _map_phones(m)
    assign_children(data, report, m.owner, m.own, m.out, m.sal_rows, m.address_rows, m.attribute_rows)
    m.out.hsds = {k: {t: rows for t, rows in v.items()} for k, v in m.bundles.items()}
    return m.out


def _map_taxonomies(m: _Mapping) -> None:
    """Taxonomies and terms (all of them are kept), and the attributes of our taxonomies per (entity, id)."""
    data, out = m.data, m.out
    out.taxonomies = [r for _, r in m.unique_rows("taxonomies")]
    out.terms = [r for _, r in m.unique_rows("taxonomy_terms")]
    tax_name = {r["id"]: (r.get("name") or "").strip() for r in out.taxonomies}
    terms = {
        r["id"]: (
            tax_name.get(r.get("taxonomy_id") or "") or (r.get("taxonomy") or ""),
            (r.get("code") or r.get("name") or "").strip(),
        )
        for r in out.terms
    }
    m.attribute_rows = m.unique_rows("attributes")
    for n, r in m.attribute_rows:
        link_id, entity = r.get("link_id"), (r.get("link_entity") or "service").lower()
        term = terms.get(r.get("taxonomy_term_id") or "")
        if not term and r.get("taxonomy_term_id"):
            m.report.warn(
                data.file("attributes"), n, r.get("id"), f"onbekende taxonomy_term_id {r['taxonomy_term_id']}"
            )
        kind, code = attribute_kind(term, r)
        if (r.get("link_type") or "") == INCIDENTAL_THEME and kind == "thema" and code:
            m.attrs[(entity, link_id)][INCIDENTAL_THEME].append(code)
        if link_id and kind and code:
            m.attrs[(entity, link_id)][kind].append(code)


def _map_organisations(m: _Mapping) -> None:
    for n, r in m.unique_rows("organizations"):
        oid, name = r["id"], _s(r.get("name"))
        if not name:
            m.report.reject(m.data.file("organizations"), n, oid, "naam ontbreekt")
            m.owner[("organizations", oid)] = None
            continue
        a = m.attrs.get(("organization", oid), {})
        org = Organisation(
            id=oid,
            name=name,
            description=_s(r.get("description")) or "",
            alternate_name=_s(r.get("alternate_name")),
            email=_s(r.get("email")),
            website=_s(r.get("website")),
            kind=(a.get("organisatiesoort") or [None])[0],
        )
        m.out.organisations.append(org)
        key = ("Organisation", oid)
        m.out.where[key] = (m.data.file("organizations"), n)
        m.own(key, "organizations", r)
    m.org_ids = {o.id for o in m.out.organisations} | m.known["Organisation"]


def _map_locations(m: _Mapping) -> None:
    """Locations with their physical address, kern (gazetteer) and coordinates (given, else geocoded)."""
    data, report = m.data, m.report
    addresses: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    m.address_rows = m.unique_rows("addresses")
    for n, r in m.address_rows:
        if r.get("location_id"):
            addresses[r["location_id"]].append((n, r))
    for n, r in m.unique_rows("locations"):
        lid = r["id"]
        file = data.file("locations")
        addr_n, addr = next(
            (
                (an, ar)
                for an, ar in addresses.get(lid, [])
                if (ar.get("address_type") or "physical") == "physical"
            ),
            (addresses.get(lid) or [(0, {})])[0],
        )
        a = m.attrs.get(("location", lid), {})
        try:
            lat, lon = _float(r.get("latitude")), _float(r.get("longitude"))
        except ValueError:
            report.warn(file, n, lid, "ongeldige coördinaten; genegeerd")
            lat = lon = None
        lat, lon, outside = read_coordinates(lat, lon)  # swapped ones were corrected by hsds_quirks
        if outside:
            report.warn(file, n, lid, outside)
        try:
            postcode = (
                normal_postcode(addr.get("postal_code"))
                if (addr.get("country") or "NL").upper() in {"NL", "NLD"}
                else _s(addr.get("postal_code"))
            )
        except ValueError as exc:
            report.warn(data.file("addresses"), addr_n, addr.get("id") or lid, f"{exc}; weggelaten")
            postcode = None
        city = _s(addr.get("city"))
        approximate = "benaderd" in a.get("locatie", [])
        place = m.gazetteer.place(city)
        kern_id = None
        if place is not None:
            kern = kern_for(place)
            kern_id = kern.id
            m.kernen.setdefault(kern_id, kern)
        if lat is None or lon is None:
            found = (
                m.geocoder.geocode(_s(addr.get("address_1")), postcode, city) if (city or postcode) else None
            )
            if found is not None:
                lat, lon, approximate = found.lat, found.lon, approximate or found.approximate
            else:
                report.warn(file, n, lid, "locatie zonder coördinaten")
        loc = Location(
            id=lid,
            name=_s(r.get("name")),
            organization_id=r.get("organization_id") if r.get("organization_id") in m.org_ids else None,
            description=_s(r.get("description")),
            latitude=lat,
            longitude=lon,
            address_1=_s(addr.get("address_1")),
            postal_code=postcode,
            city=city,
            kern=kern_id,
            approximate=approximate,
            confidential="vertrouwelijk" in a.get("locatie", []),
        )
        m.out.locations.append(loc)
        key = ("Location", lid)
        m.out.where[key] = (file, n)
        m.own(key, "locations", r)
    m.all_loc_ids = {loc.id for loc in m.out.locations} | m.known.get("Location", set())
    m.loc_kern = {loc.id: loc.kern for loc in m.out.locations if loc.kern}


def _map_service_links(m: _Mapping) -> None:
    """Service areas (kernen by name) and service_at_location, by service."""
    for _, r in m.data.rows("service_areas"):
        place = m.gazetteer.place(r.get("name"))
        if r.get("service_id") and place is not None:
            kern = kern_for(place)
            m.kernen.setdefault(kern.id, kern)
            m.areas[r["service_id"]].append(kern.id)
    m.out.kernen = list(m.kernen.values())
    m.sal_rows = m.unique_rows("service_at_location")
    for _, r in m.sal_rows:
        if r.get("service_id") and r.get("location_id") in m.all_loc_ids:
            m.sal[r["service_id"]].append(r["location_id"])


def _map_schedules(m: _Mapping) -> None:
    """Schedules as records, by service: a row of a service, of one of its service_at_location rows, or of a
    location it is offered at (that one serves each of its services). A bad value is reported with its row
    and the row is not used for "nu open" (it stays in the package for export)."""
    sal_service = {r["id"]: r["service_id"] for _, r in m.sal_rows if r.get("service_id")}
    at_location: dict[str, list[str]] = defaultdict(list)
    for sid, lids in m.sal.items():
        for lid in lids:
            at_location[lid].append(sid)
    file, seen = m.data.file("schedules"), set()
    for n, r in m.data.rows("schedules"):
        if not r.get("id") or r["id"] in seen:
            continue  # reported when the rows are assigned (hsds_children.assign_children)
        seen.add(r["id"])
        sid = r.get("service_id") or sal_service.get(r.get("service_at_location_id") or "")
        services = [sid] if sid else list(dict.fromkeys(at_location.get(r.get("location_id") or "", [])))
        if not services:
            continue
        try:
            schedule = hours.schedule_from_hsds(r)
        except hours.OpeningHoursError as exc:
            m.report.warn(file, n, r["id"], f"{exc}; schema niet gebruikt")
            continue
        zone = (r.get("timezone") or "").strip()
        if zone and not re.fullmatch(r"[+-]?\d+(?:\.\d+)?", zone):
            m.report.warn(
                file,
                n,
                r["id"],
                f"timezone {zone!r} is geen UTC-offset (HSDS: een getal); tijden gelezen als Nederlandse tijd, "
                "timezone niet overgenomen",
            )
        for s in services:
            m.schedules[s].append(schedule)
            m.schedule_rows[s].append(r)


def _map_services(m: _Mapping) -> None:
    data, report, onto = m.data, m.report, m.onto
    for n, r in m.unique_rows("services"):
        file = data.file("services")
        sid, name = r["id"], _s(r.get("name"))
        reject = None
        org_id = r.get("organization_id")
        status = r.get("status") or "active"  # synonyms and case already read by hsds_quirks
        min_age = max_age = None
        if not name:
            reject = "naam ontbreekt"
        elif not org_id or org_id not in m.org_ids:
            reject = f"organisatie {org_id!r} bestaat niet"
        elif status not in SERVICE_STATUS:
            reject = f"ongeldige status {status!r}"
        else:
            try:
                min_age, max_age = _int(r.get("minimum_age")), _int(r.get("maximum_age"))
            except ValueError:
                reject = "leeftijd is geen getal"
        if reject:
            report.reject(file, n, sid, reject)
            m.owner[("services", sid)] = None
            continue
        a = m.attrs.get(("service", sid), {})
        themes = []
        for code in a.get("thema", []):
            if code in onto.themes:
                themes.append(code)
            else:
                report.warn(file, n, sid, f"onbekend thema {code!r}")
        groups = []
        for code in a.get("doelgroep", []):
            if code in onto.doelgroepen:
                groups.append(code)
            else:
                report.warn(file, n, sid, f"onbekende doelgroep {code!r}")
        niveau = next((c for c in a.get("niveau", []) if c in NIVEAUS), None)
        if a.get("niveau") and niveau is None:
            report.warn(file, n, sid, f"onbekend niveau {a['niveau'][0]!r}")
        schedules = tuple(sorted(dict.fromkeys(m.schedules.get(sid, [])), key=lambda s: s.id))
        opening = hours.opening_hours_of(schedules)
        wait_date = (a.get("wachttijd-datum") or [None])[0]
        if wait_date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", wait_date):
            report.warn(
                file, n, sid, f"ongeldige wachttijd-datum {wait_date!r} (verwacht JJJJ-MM-DD); weggelaten"
            )
            wait_date = None
        if _s(r.get("wait_time")) and not a.get("wachttijd-datum"):
            report.warn(
                file,
                n,
                sid,
                "wachttijd zonder datum (attribuut wachttijd-datum); getoond als 'datum onbekend'",
            )
        locs = tuple(dict.fromkeys(m.sal.get(sid, [])))
        kern_ids = tuple(sorted(set(m.areas.get(sid, [])) | {m.loc_kern[x] for x in locs if x in m.loc_kern}))
        svc = Service(
            id=sid,
            organization_id=org_id,
            name=name,
            description=_s(r.get("description")) or "",
            alternate_name=_s(r.get("alternate_name")),
            url=_s(r.get("url")),
            email=_s(r.get("email")),
            status=status,
            niveau=niveau,
            toegang=(a.get("toegang") or [None])[0],
            application_process=_s(r.get("application_process")),
            eligibility_description=_s(r.get("eligibility_description")),
            fees_description=_s(r.get("fees_description")),
            wait_time=_s(r.get("wait_time")),
            wait_time_date=wait_date,
            minimum_age=min_age,
            maximum_age=max_age,
            assured_date=_date(r.get("assured_date")),
            available_24_7="24-7" in a.get("bereikbaarheid", []) or opening == "24/7",
            professional_only=_professional_only(m, a, r),
            themes=tuple(dict.fromkeys(themes)),
            incidental_themes=tuple(t for t in dict.fromkeys(a.get(INCIDENTAL_THEME, ())) if t in themes),
            doelgroepen=tuple(dict.fromkeys(groups)),
            location_ids=locs,
            kernen=kern_ids,
            opening_hours=opening,
            schedules=schedules,
        )
        m.out.services.append(svc)
        key = ("Service", sid)
        m.out.where[key] = (file, n)
        m.own(key, "services", r)


def _professional_only(m: _Mapping, attrs: dict[str, list[str]], row: dict[str, str]) -> bool:
    """For professionals only (ADR 0116): the `publiek` attribute. A package that does not use that taxonomy at
    all (another publisher, an export from before it) is read from the source's own words (ontology/publiek.yaml
    `import_cues`); a package that uses it is never second-guessed."""
    publiek = load_publiek()
    if publiek.code in attrs.get(publiek.taxonomy, ()):
        return True
    if m.uses_publiek is None:
        m.uses_publiek = any(
            (t.get("name") or "").strip().lower() == publiek.taxonomy for t in m.out.taxonomies
        )
    if m.uses_publiek:
        return False
    fields = ("name", "description", "application_process", "eligibility_description")
    return publiek.says_professionals_only(*(row.get(f) for f in fields))


def _map_phones(m: _Mapping) -> None:
    all_svc_ids = {s.id for s in m.out.services} | m.known.get("Service", set())
    for n, r in m.unique_rows("phones"):
        file = m.data.file("phones")
        pid, number = r["id"], _s(r.get("number"))
        if not number:
            m.report.reject(file, n, pid, "nummer ontbreekt")
            m.owner[("phones", pid)] = None
            continue
        a = m.attrs.get(("phone", pid), {})
        phone = Phone(
            id=pid,
            number=number.strip('"'),
            type=_s(r.get("type")),
            description=_s(r.get("description")),
            professional_only="professional" in a.get("zichtbaarheid", []),
            service_id=r.get("service_id") if r.get("service_id") in all_svc_ids else None,
            organization_id=r.get("organization_id") if r.get("organization_id") in m.org_ids else None,
            location_id=r.get("location_id") if r.get("location_id") in m.all_loc_ids else None,
        )
        m.out.phones.append(phone)
        key = ("Phone", pid)
        m.out.where[key] = (file, n)
        m.own(key, "phones", r)


def _refuse_services_without_organisations(data: HsdsTables, known_orgs: set[str]) -> None:
    """A lone services.csv (no organizations.csv, no datapackage) whose organisations the kaart does not know
    either: every service would be rejected, so the file is refused as a whole, with what is missing."""
    services = data.rows("services")
    if not services or data.rows("organizations"):
        return
    if any(r.get("organization_id") in known_orgs for _, r in services):
        return  # services of organisations already in the kaart: a partial update is fine
    raise NotHsds(
        f"{data.file('services')} zonder organisaties: organizations.csv ontbreekt en de organisaties van deze "
        "diensten staan nog niet in de kaart. Geef het hele HSDS-datapakket (met organizations.csv en "
        "datapackage.json), of importeer eerst de organisaties."
    )


def import_hsds(
    store: GraphStore,
    path: Path,
    *,
    dry_run: bool = False,
    source: str | None = None,
    adjust: Any = None,
    geocoder: Any = None,
    batch_size: int | None = None,
    dedupe: bool = True,
) -> Report:
    """Import HSDS into the graph: organisations, locations, services (with taxonomy links), phones, and every
    other HSDS row kept for export. `adjust(mapped)` may amend the records before they are written (the demo
    loader adds opschalen links)."""
    path = Path(path)
    source_id = source or f"hsds:{path.name}"
    report = Report(source=source_id, dry_run=dry_run)
    data = read_hsds(path)
    readable_ids(data.tables)  # a package `kaart export hsds` wrote: our readable ids again (ADR 0074)
    known = {
        "Organisation": set(OrganisationRepository(store).ids()),
        "Service": set(ServiceRepository(store).ids()),
        "Location": set(LocationRepository(store).ids()),
    }
    _refuse_services_without_organisations(data, known["Organisation"])
    mapped = map_hsds(data, report, known=known, geocoder=geocoder)
    if adjust is not None:
        adjust(mapped)
    screen(mapped, report)  # the input boundary, also for --dry-run (write_mapped runs it too)
    for k, v in mapped.counts().items():
        report.counts[k] = v
    if dry_run:
        return report
    cfg: SourceConfig = source_config(source_id, "hsds")
    write_mapped(store, mapped, cfg, report, now_iso(), dedupe=dedupe, batch_size=batch_size, path=str(path))
    return report
