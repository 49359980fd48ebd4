"""Open Referral HSDS 3.0 import: a tabular datapackage directory (CSV) or HSDS JSON files.

HSDS ids are preserved, so re-importing converges (unchanged records are counted, not rewritten). Our domain
travels in HSDS as described in `docs/hsds-profile.md`: niveau, thema, doelgroep, toegang, … as `attribute`
rows linked to taxonomy terms.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.models import Kern, Location, Organisation, Phone, Provenance, Service
from graph.repositories import (
    KernRepository,
    LocationRepository,
    OrganisationRepository,
    PhoneRepository,
    ServiceRepository,
)
from graph.store import GraphStore
from ingest.base import Report, now_iso, read_csv_rows

TABLES = (
    "organizations",
    "services",
    "locations",
    "addresses",
    "service_at_location",
    "phones",
    "attributes",
    "taxonomies",
    "taxonomy_terms",
    "service_areas",
    "schedules",
    "contacts",
)
SERVICE_STATUS = {"active", "inactive", "defunct", "temporarily closed"}
NIVEAUS = ("vrij-toegankelijk", "lokaal-team", "maatwerk", "specialistisch", "crisis")
POSTCODE = re.compile(r"^[1-9][0-9]{3}\s?[A-Z]{2}$")


@dataclass
class HsdsTables:
    """HSDS data as tables of rows (dicts of strings), whatever the input format; rows keep their number."""

    tables: dict[str, list[tuple[int, dict[str, Any]]]] = field(default_factory=lambda: defaultdict(list))
    files: dict[str, str] = field(default_factory=dict)

    def rows(self, name: str) -> list[tuple[int, dict[str, Any]]]:
        return self.tables.get(name, [])


def read_hsds(path: Path) -> HsdsTables:
    """Read a datapackage directory (CSV), a directory of HSDS JSON files, or one JSON file."""
    path = Path(path)
    data = HsdsTables()
    if path.is_dir():
        csvs = {p.stem: p for p in path.glob("*.csv")}
        if csvs:
            for name in TABLES:
                if name in csvs:
                    data.files[name] = csvs[name].name
                    data.tables[name] = list(enumerate(read_csv_rows(csvs[name]), start=1))
            return data
        for p in sorted(path.glob("*.json")):
            if p.name != "datapackage.json":
                _read_json(p, data)
        return data
    _read_json(path, data)
    return data


def _read_json(path: Path, data: HsdsTables) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    items = doc.get("contents", doc) if isinstance(doc, dict) and "contents" in doc else doc
    items = items if isinstance(items, list) else [items]
    for item in items:
        if not isinstance(item, dict):
            continue
        if "organization_id" in item or "service_at_locations" in item or "status" in item:
            _flatten_service(item, data, path.name)
        else:
            _flatten_organization(item, data, path.name)


def _add(data: HsdsTables, table: str, row: dict[str, Any], file: str) -> None:
    data.files.setdefault(table, file)
    flat = {k: v for k, v in row.items() if not isinstance(v, list | dict)}
    data.tables[table].append((len(data.tables[table]) + 1, flat))


def _flatten_organization(org: dict[str, Any], data: HsdsTables, file: str) -> None:
    _add(data, "organizations", org, file)
    for phone in org.get("phones") or []:
        _add(data, "phones", {**phone, "organization_id": org["id"]}, file)
    for loc in org.get("locations") or []:
        _flatten_location(loc, data, file, org.get("id"))
    for svc in org.get("services") or []:
        _flatten_service({**svc, "organization_id": svc.get("organization_id") or org["id"]}, data, file)
    _flatten_attributes(org, "organization", data, file)


def _flatten_location(loc: dict[str, Any], data: HsdsTables, file: str, org_id: str | None) -> None:
    _add(data, "locations", {**loc, "organization_id": loc.get("organization_id") or org_id}, file)
    for addr in loc.get("addresses") or []:
        _add(data, "addresses", {**addr, "location_id": loc["id"]}, file)
    for phone in loc.get("phones") or []:
        _add(data, "phones", {**phone, "location_id": loc["id"]}, file)
    _flatten_attributes(loc, "location", data, file)


def _flatten_attributes(entity: dict[str, Any], kind: str, data: HsdsTables, file: str) -> None:
    for attr in entity.get("attributes") or []:
        term = attr.get("taxonomy_term") or {}
        row = {
            **attr,
            "link_id": attr.get("link_id") or entity["id"],
            "link_entity": attr.get("link_entity") or kind,
        }
        if term:
            row["taxonomy_term_id"] = term.get("id", attr.get("taxonomy_term_id"))
            _add(data, "taxonomy_terms", term, file)
            if isinstance(term.get("taxonomy_detail"), dict):
                _add(data, "taxonomies", term["taxonomy_detail"], file)
        _add(data, "attributes", row, file)


def _flatten_service(svc: dict[str, Any], data: HsdsTables, file: str) -> None:
    org = svc.get("organization")
    if isinstance(org, dict) and org.get("id"):
        _flatten_organization({k: v for k, v in org.items() if k != "services"}, data, file)
        svc = {**svc, "organization_id": svc.get("organization_id") or org["id"]}
    _add(data, "services", svc, file)
    for phone in svc.get("phones") or []:
        _add(data, "phones", {**phone, "service_id": svc["id"]}, file)
    for area in svc.get("service_areas") or []:
        _add(data, "service_areas", {**area, "service_id": svc["id"]}, file)
    for sal in svc.get("service_at_locations") or []:
        loc = sal.get("location")
        if isinstance(loc, dict) and loc.get("id"):
            _flatten_location(loc, data, file, svc.get("organization_id"))
        _add(
            data,
            "service_at_location",
            {**sal, "service_id": svc["id"], "location_id": sal.get("location_id") or (loc or {}).get("id")},
            file,
        )
    _flatten_attributes(svc, "service", data, file)


# --- mapping to records -----------------------------------------------------------------------------------


def _s(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _int(value: Any) -> int | None:
    text = _s(value)
    if text is None:
        return None
    return int(float(text))


def _float(value: Any) -> float | None:
    text = _s(value)
    return None if text is None else float(text.replace(",", "."))


def _date(value: Any) -> str | None:
    text = _s(value)
    return text[:10] if text else None


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("ij", "ij")).strip("-")
    return s or "x"


@dataclass
class Mapped:
    organisations: list[Organisation] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    phones: list[Phone] = field(default_factory=list)
    kernen: list[Kern] = field(default_factory=list)


def map_hsds(data: HsdsTables, report: Report, known_org_ids: set[str] | None = None) -> Mapped:
    """Validate HSDS tables and turn them into records; bad rows go to the report, not into the graph."""
    from ontology import load_gazetteer, load_ontology

    onto = load_ontology()
    places = {p.name.lower(): p for p in load_gazetteer()}
    for p in list(places.values()):
        for alias in getattr(p, "aliases", ()) or ():
            places.setdefault(alias.lower(), p)
    out = Mapped()

    # Taxonomy terms: id -> (taxonomy name, code)
    taxonomies = {r["id"]: (r.get("name") or "").strip() for _, r in data.rows("taxonomies") if r.get("id")}
    terms: dict[str, tuple[str, str]] = {}
    for _, r in data.rows("taxonomy_terms"):
        tax = taxonomies.get(r.get("taxonomy_id") or "", "") or (r.get("taxonomy") or "")
        terms[r.get("id", "")] = (tax, (r.get("code") or r.get("name") or "").strip())

    attrs: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for n, r in data.rows("attributes"):
        link_id, entity = _s(r.get("link_id")), (_s(r.get("link_entity")) or "service").lower()
        term = terms.get(r.get("taxonomy_term_id") or "")
        kind, code = term if term else (_s(r.get("link_type")) or "", _s(r.get("value")) or "")
        if not term and r.get("taxonomy_term_id"):
            report.warn(
                data.files.get("attributes", "attributes"),
                n,
                r.get("id"),
                f"onbekende taxonomy_term_id {r['taxonomy_term_id']}",
            )
        if not kind:
            kind = _s(r.get("link_type")) or ""
        if kind in {"wachttijd-datum", "locatie"}:
            code = _s(r.get("value")) or code
        if link_id and kind and code:
            attrs[(entity, link_id)][kind].append(code)

    # Organisations
    seen: set[str] = set()
    for n, r in data.rows("organizations"):
        oid, name = _s(r.get("id")), _s(r.get("name"))
        file = data.files.get("organizations", "organizations.csv")
        if not oid:
            report.reject(file, n, None, "id ontbreekt")
            continue
        if oid in seen:
            report.reject(file, n, oid, "dubbel id")
            continue
        if not name:
            report.reject(file, n, oid, "naam ontbreekt")
            continue
        seen.add(oid)
        a = attrs.get(("organization", oid), {})
        out.organisations.append(
            Organisation(
                id=oid,
                name=name,
                description=_s(r.get("description")) or "",
                alternate_name=_s(r.get("alternate_name")),
                email=_s(r.get("email")),
                website=_s(r.get("website")) or _s(r.get("url")),
                kind=(a.get("organisatiesoort") or [None])[0],
            )
        )
    org_ids = seen | (known_org_ids or set())

    # Locations and addresses
    addresses: dict[str, dict[str, Any]] = {}
    for _, r in data.rows("addresses"):
        if r.get("location_id") and (r.get("address_type") or "physical") != "postal" or r.get("location_id"):
            addresses.setdefault(r["location_id"], r)
    kernen: dict[str, Kern] = {}
    seen_loc: set[str] = set()
    for n, r in data.rows("locations"):
        file = data.files.get("locations", "locations.csv")
        lid = _s(r.get("id"))
        if not lid:
            report.reject(file, n, None, "id ontbreekt")
            continue
        if lid in seen_loc:
            report.reject(file, n, lid, "dubbel id")
            continue
        seen_loc.add(lid)
        addr = addresses.get(lid, {})
        a = attrs.get(("location", lid), {})
        try:
            lat, lon = _float(r.get("latitude")), _float(r.get("longitude"))
        except ValueError:
            report.warn(file, n, lid, "ongeldige coördinaten; genegeerd")
            lat = lon = None
        if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
            report.warn(file, n, lid, f"coördinaten buiten bereik ({lat}, {lon}); genegeerd")
            lat = lon = None
        postcode = _s(addr.get("postal_code"))
        if postcode:
            postcode = postcode.upper()
            if not POSTCODE.match(postcode):
                report.warn(
                    data.files.get("addresses", "addresses.csv"),
                    n,
                    lid,
                    f"ongeldige postcode {postcode!r}; weggelaten",
                )
                postcode = None
            else:
                postcode = postcode.replace(" ", "")
                postcode = f"{postcode[:4]} {postcode[4:]}"
        city = _s(addr.get("city"))
        approximate = "benaderd" in a.get("locatie", [])
        kern_id = None
        place = places.get(city.lower()) if city else None
        if place is not None:
            kern_id = f"kern-{slug(place.name)}"
            kernen.setdefault(
                kern_id,
                Kern(
                    id=kern_id,
                    name=place.name,
                    gemeente=getattr(place, "gemeente", None),
                    latitude=place.lat,
                    longitude=place.lon,
                ),
            )
        if (lat is None or lon is None) and place is not None:
            lat, lon, approximate = place.lat, place.lon, True
        if lat is None or lon is None:
            report.warn(file, n, lid, "locatie zonder coördinaten")
        out.locations.append(
            Location(
                id=lid,
                name=_s(r.get("name")),
                organization_id=_s(r.get("organization_id"))
                if _s(r.get("organization_id")) in org_ids
                else None,
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
        )
    out.kernen = list(kernen.values())
    loc_ids = {loc.id for loc in out.locations}
    loc_kern = {loc.id: loc.kern for loc in out.locations if loc.kern}

    sal: dict[str, list[str]] = defaultdict(list)
    for _, r in data.rows("service_at_location"):
        if r.get("service_id") and r.get("location_id") in loc_ids:
            sal[r["service_id"]].append(r["location_id"])
    areas: dict[str, list[str]] = defaultdict(list)
    for _, r in data.rows("service_areas"):
        name = _s(r.get("name"))
        place = places.get(name.lower()) if name else None
        if r.get("service_id") and place is not None:
            kern_id = f"kern-{slug(place.name)}"
            kernen.setdefault(
                kern_id,
                Kern(
                    id=kern_id,
                    name=place.name,
                    gemeente=getattr(place, "gemeente", None),
                    latitude=place.lat,
                    longitude=place.lon,
                ),
            )
            areas[r["service_id"]].append(kern_id)
    out.kernen = list(kernen.values())

    # Services
    seen_svc: set[str] = set()
    for n, r in data.rows("services"):
        file = data.files.get("services", "services.csv")
        sid, name = _s(r.get("id")), _s(r.get("name"))
        if not sid:
            report.reject(file, n, None, "id ontbreekt")
            continue
        if sid in seen_svc:
            report.reject(file, n, sid, "dubbel id")
            continue
        if not name:
            report.reject(file, n, sid, "naam ontbreekt")
            continue
        org_id = _s(r.get("organization_id"))
        if not org_id or org_id not in org_ids:
            report.reject(file, n, sid, f"organisatie {org_id!r} bestaat niet")
            continue
        status = (_s(r.get("status")) or "active").lower()
        if status not in SERVICE_STATUS:
            report.reject(file, n, sid, f"ongeldige status {status!r}")
            continue
        try:
            min_age, max_age = _int(r.get("minimum_age")), _int(r.get("maximum_age"))
        except ValueError:
            report.reject(file, n, sid, "leeftijd is geen getal")
            continue
        seen_svc.add(sid)
        a = attrs.get(("service", sid), {})
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
        locs = tuple(dict.fromkeys(sal.get(sid, [])))
        kern_ids = tuple(sorted(set(areas.get(sid, [])) | {loc_kern[x] for x in locs if x in loc_kern}))
        out.services.append(
            Service(
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
                wait_time_date=(a.get("wachttijd-datum") or [None])[0],
                minimum_age=min_age,
                maximum_age=max_age,
                assured_date=_date(r.get("assured_date")),
                available_24_7="24-7" in a.get("bereikbaarheid", []),
                themes=tuple(dict.fromkeys(themes)),
                doelgroepen=tuple(dict.fromkeys(groups)),
                location_ids=locs,
                kernen=kern_ids,
            )
        )

    # Phones
    svc_ids = {s.id for s in out.services}
    for n, r in data.rows("phones"):
        pid, number = _s(r.get("id")), _s(r.get("number"))
        file = data.files.get("phones", "phones.csv")
        if not pid or not number:
            report.reject(file, n, pid, "id of nummer ontbreekt")
            continue
        a = attrs.get(("phone", pid), {})
        out.phones.append(
            Phone(
                id=pid,
                number=number.strip('"'),
                type=_s(r.get("type")),
                description=_s(r.get("description")),
                professional_only="professional" in a.get("zichtbaarheid", []),
                service_id=_s(r.get("service_id")) if _s(r.get("service_id")) in svc_ids else None,
                organization_id=_s(r.get("organization_id"))
                if _s(r.get("organization_id")) in org_ids
                else None,
                location_id=_s(r.get("location_id")) if _s(r.get("location_id")) in loc_ids else None,
            )
        )
    return out


def import_hsds(
    store: GraphStore,
    path: Path,
    *,
    dry_run: bool = False,
    source: str | None = None,
    adjust: Any = None,
) -> Report:
    """Import HSDS into the graph: organisations, locations, services (with taxonomy links) and phones.

    `adjust(mapped)` may amend the records before they are written (the demo loader adds opschalen links).
    """
    path = Path(path)
    report = Report(source=source or f"hsds:{path.name}", dry_run=dry_run)
    data = read_hsds(path)
    known = set(OrganisationRepository(store).ids())
    mapped = map_hsds(data, report, known_org_ids=known)
    if adjust is not None:
        adjust(mapped)
    report.counts["organisations"] = len(mapped.organisations)
    report.counts["services"] = len(mapped.services)
    report.counts["locations"] = len(mapped.locations)
    if dry_run:
        return report
    write_mapped(store, mapped, Provenance(source=report.source, imported_at=now_iso()), report)
    return report


def write_mapped(store: GraphStore, mapped: Mapped, prov: Provenance, report: Report) -> None:
    """Upsert in dependency order: a service's organisation and locations exist before the service."""
    report.counts["kernen"] = KernRepository(store).upsert(mapped.kernen).created
    report.add_upsert("organisations", OrganisationRepository(store).upsert(mapped.organisations, prov))
    report.add_upsert("locations", LocationRepository(store).upsert(mapped.locations, prov))
    report.add_upsert("services", ServiceRepository(store).upsert(mapped.services, prov))
    report.add_upsert("phones", PhoneRepository(store).upsert(mapped.phones, prov))
