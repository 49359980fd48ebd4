"""`kaart ingest csv|xlsx <file>`: the spreadsheet a coördinator keeps today, one row per service (aanbod).

Columns are found by their header, Dutch or English, in any order and case (see `COLUMNS`): naam,
organisatie, omschrijving, telefoon, telefoon professionals, e-mail, website, adres, postcode, plaats,
doelgroep, thema's, openingstijden, wachttijd, wachttijd datum, niveau, toegang, soort organisatie, 24/7,
minimumleeftijd, maximumleeftijd, laatst gecontroleerd, id. Other headers: a mapping file (`--mapping`,
YAML `kolommen: {"Naam aanbieder": organisatie, "Tel. nr": telefoon}`). A row needs a naam or an organisatie.

Themes and doelgroepen may be ids, labels or synonyms from the ontology, separated by `,` `;` `|` `/`;
unknown ones are reported per row. Opening hours in OSM syntax or Dutch ("ma t/m vr 9.00-17.00"); a
wachttijd without a date gets the import date (reported). Ids are made from the names (stable across
imports) unless the sheet has an `id` column.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from graph.models import Location, Organisation, Phone, Service
from graph.store import GraphStore
from ingest import hours, vocab
from ingest.base import Report, now_iso, read_table
from ingest.hsds import geocoded_location, normal_postcode, slug
from ingest.writer import Mapped, source_config, write_mapped

COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "code", "kenmerk", "dienst id", "service id"),
    "naam": ("naam", "name", "dienst", "aanbod", "naam dienst", "naam aanbod", "service", "activiteit", "titel"),
    "organisatie": ("organisatie", "organisation", "organization", "aanbieder", "naam organisatie", "organisatienaam", "provider", "instelling"),
    "omschrijving": ("omschrijving", "beschrijving", "description", "toelichting", "wat", "wat doen ze"),
    "telefoon": ("telefoon", "telefoonnummer", "tel", "tel nr", "phone", "telephone", "telefoon publiek"),
    "telefoon_professional": ("telefoon professionals", "telefoon professional", "direct nummer", "direct telefoonnummer", "consultatienummer", "telefoon voor professionals", "professional phone"),
    "email": ("e mail", "email", "e mailadres", "emailadres", "mail", "e mail adres"),
    "website": ("website", "url", "web", "internet", "site", "webadres", "internetadres"),
    "adres": ("adres", "address", "straat", "straat en huisnummer", "bezoekadres", "straatnaam"),
    "postcode": ("postcode", "postal code", "zip", "postal_code", "zipcode"),
    "plaats": ("plaats", "woonplaats", "city", "kern", "town", "plaatsnaam"),
    "doelgroep": ("doelgroep", "doelgroepen", "target group", "voor wie", "audience"),
    "themas": ("thema s", "themas", "thema", "onderwerpen", "onderwerp", "themes", "topics", "leefgebied", "leefgebieden"),
    "openingstijden": ("openingstijden", "opening hours", "opening_hours", "geopend", "open", "openingsuren"),
    "wachttijd": ("wachttijd", "waiting time", "wait time", "wachttijden"),
    "wachttijd_datum": ("wachttijd datum", "peildatum wachttijd", "peildatum", "wachttijd per", "datum wachttijd"),
    "niveau": ("niveau", "level", "hulpniveau"),
    "toegang": ("toegang", "intake", "toegangsroute", "intakeroute", "verwijzing", "access"),
    "soort": ("soort organisatie", "organisatiesoort", "soort", "type organisatie"),
    "crisis": ("24 7", "24 uur bereikbaar", "crisis", "dag en nacht bereikbaar", "24x7"),
    "min_leeftijd": ("minimumleeftijd", "leeftijd van", "minimum age", "minimum_age", "min leeftijd", "vanaf leeftijd"),
    "max_leeftijd": ("maximumleeftijd", "leeftijd tot", "maximum age", "maximum_age", "max leeftijd", "tot leeftijd"),
    "gecontroleerd": ("laatst gecontroleerd", "gecontroleerd", "geverifieerd", "laatst geverifieerd", "assured date", "assured_date"),
}  # fmt: skip
_ALIAS = {vocab.fold(a): canon for canon, aliases in COLUMNS.items() for a in aliases}
_YES = {"ja", "j", "yes", "y", "true", "1", "x", "24/7", "24 7"}
_PHONE_SPLIT = re.compile(r"\s*(?:;|,|\bof\b|\bor\b)\s*")


def _date(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    text = value.strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text[:19] if "T" in fmt else text, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"ongeldige datum {text!r}")


def load_mapping(path: Path | None) -> dict[str, str]:
    """Header (folded) -> our column, from a mapping file."""
    if path is None:
        return {}
    doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    cols = doc.get("kolommen") or doc.get("columns") or doc
    out = {}
    for header, canon in cols.items():
        canon = str(canon).strip()
        if canon not in COLUMNS:
            raise ValueError(f"mapping: onbekende kolom {canon!r} (kies uit {', '.join(COLUMNS)})")
        out[vocab.fold(str(header))] = canon
    return out


def map_sheet(
    header: list[str],
    rows: list[tuple[int, dict[str, str]]],
    report: Report,
    file: str,
    *,
    mapping: dict[str, str] | None = None,
    geocoder: Any = None,
    today: str | None = None,
) -> Mapped:
    from ingest.geocode import Gazetteer, geocoder_from_env

    gazetteer = Gazetteer()
    geocoder = geocoder or geocoder_from_env(gazetteer=gazetteer)
    today = today or date.today().isoformat()
    lookup = {**_ALIAS, **(mapping or {})}
    columns: dict[str, str] = {}  # our column -> header
    unknown_headers = []
    for h in header:
        canon = lookup.get(vocab.fold(h)) if h else None
        if canon and canon not in columns:
            columns[canon] = h
        elif h and not canon:
            unknown_headers.append(h)
    mapped = Mapped()
    if "naam" not in columns and "organisatie" not in columns:
        report.reject(file, 0, None, "kolom 'naam' of 'organisatie' ontbreekt; bestand overgeslagen")
        return mapped
    if unknown_headers:
        report.warn(file, 0, None, f"kolommen niet herkend (gebruik --mapping): {', '.join(unknown_headers)}")

    orgs: dict[str, Organisation] = {}
    locs: dict[str, Location] = {}
    seen: dict[str, int] = {}
    kernen = {}
    for n, raw in rows:
        row = {canon: (raw.get(h) or "").strip() for canon, h in columns.items()}
        org_name = row.get("organisatie") or row.get("naam")
        svc_name = row.get("naam") or row.get("organisatie")
        if not org_name:
            report.reject(file, n, row.get("id") or None, "naam en organisatie ontbreken")
            continue
        org_id = f"org-{slug(org_name)}"
        sid = row.get("id") or (
            f"svc-{slug(org_name)}" if svc_name == org_name else f"svc-{slug(org_name)}-{slug(svc_name)}"
        )
        if sid in seen:
            report.reject(file, n, sid, f"dubbel id (zelfde als rij {seen[sid]})")
            continue
        seen[sid] = n
        problems: list[str] = []

        def warn(reason: str, sid: str = sid, n: int = n) -> None:
            report.warn(file, n, sid, reason)

        # organisation (the first row that names it fills it; later rows add what is missing)
        kind = None
        if row.get("soort"):
            kind = next((k for k in vocab.ORG_KINDS if vocab.fold(k) == vocab.fold(row["soort"])), None)
            if kind is None:
                warn(f"onbekende organisatiesoort {row['soort']!r}")
        org = orgs.get(org_id) or Organisation(id=org_id, name=org_name)
        org = Organisation(
            id=org_id,
            name=org.name,
            description=org.description or (row.get("omschrijving") if svc_name == org_name else "") or "",
            email=org.email or row.get("email") or None,
            website=org.website or row.get("website") or None,
            kind=org.kind or kind,
        )
        if org_id not in orgs:
            mapped.where[("Organisation", org_id)] = (file, n)
        orgs[org_id] = org

        # location
        loc_id = None
        try:
            postcode = normal_postcode(row.get("postcode"))
        except ValueError as exc:
            warn(f"{exc}; weggelaten")
            postcode = None
        city = row.get("plaats") or None
        address = row.get("adres") or None
        if address or postcode or city:
            loc_id = f"loc-{slug(org_name)}-{slug(' '.join(x for x in (address, postcode or city) if x))}"
            if loc_id not in locs:
                locs[loc_id] = geocoded_location(
                    loc_id,
                    org_name,
                    org_id,
                    address,
                    postcode,
                    city,
                    gazetteer=gazetteer,
                    geocoder=geocoder,
                    kernen=kernen,
                    warn=warn,
                )
                mapped.where[("Location", loc_id)] = (file, n)

        # vocabularies
        themes = vocab.themes(row.get("themas"))
        for t in themes.unknown:
            warn(f"onbekend thema {t!r}")
        groups = vocab.doelgroepen(row.get("doelgroep"))
        for g in groups.unknown:
            warn(f"onbekende doelgroep {g!r}")
        niveau = toegang = None
        try:
            niveau = vocab.niveau(row.get("niveau"))
        except ValueError as exc:
            warn(str(exc))
        try:
            toegang = vocab.toegang(row.get("toegang"))
        except ValueError as exc:
            warn(str(exc))
        opening = None
        if row.get("openingstijden"):
            try:
                opening = hours.normalise(row["openingstijden"])
            except hours.OpeningHoursError:
                warn(f"openingstijden niet herkend: {row['openingstijden']!r}")
        wait_date = None
        try:
            wait_date = _date(row.get("wachttijd_datum"))
        except ValueError as exc:
            warn(f"wachttijd: {exc}")
        if row.get("wachttijd") and not wait_date:
            wait_date = today
            warn(f"wachttijd zonder datum; peildatum {today} (importdatum)")
        assured = None
        try:
            assured = _date(row.get("gecontroleerd"))
        except ValueError as exc:
            warn(f"laatst gecontroleerd: {exc}")
        ages = []
        for key in ("min_leeftijd", "max_leeftijd"):
            try:
                ages.append(int(float(row[key])) if row.get(key) else None)
            except ValueError:
                problems.append(f"{key.replace('_', ' ')} is geen getal")
                ages.append(None)
        if problems:
            report.reject(file, n, sid, "; ".join(problems))
            continue
        svc = Service(
            id=sid,
            organization_id=org_id,
            name=svc_name,
            description=row.get("omschrijving") or "",
            url=row.get("website") or None,
            email=row.get("email") or None,
            niveau=niveau,
            toegang=toegang,
            wait_time=row.get("wachttijd") or None,
            wait_time_date=wait_date if row.get("wachttijd") else None,
            minimum_age=ages[0],
            maximum_age=ages[1],
            assured_date=assured,
            available_24_7=(row.get("crisis") or "").strip().lower() in _YES or opening == "24/7",
            themes=tuple(themes.ids),
            doelgroepen=tuple(groups.ids),
            location_ids=(loc_id,) if loc_id else (),
            kernen=(locs[loc_id].kern,) if loc_id and locs[loc_id].kern else (),
            opening_hours=opening,
        )
        mapped.services.append(svc)
        mapped.where[("Service", sid)] = (file, n)
        for key, professional in (("telefoon", False), ("telefoon_professional", True)):
            numbers = [x for x in _PHONE_SPLIT.split(row.get(key) or "") if x]
            for i, number in enumerate(numbers, start=1):
                pid = f"tel-{sid.removeprefix('svc-')}-{'p' if professional else ''}{i}"
                mapped.phones.append(
                    Phone(id=pid, number=number, type="voice", professional_only=professional, service_id=sid)
                )
                mapped.where[("Phone", pid)] = (file, n)
    mapped.organisations = list(orgs.values())
    mapped.locations = list(locs.values())
    mapped.kernen = list(kernen.values())
    return mapped


def import_spreadsheet(
    store: GraphStore,
    path: Path,
    *,
    dry_run: bool = False,
    source: str | None = None,
    mapping: Path | None = None,
    sheet: str | None = None,
    geocoder: Any = None,
) -> Report:
    path = Path(path)
    kind = "xlsx" if path.suffix.lower() in {".xlsx", ".xlsm"} else "csv"
    source_id = source or f"{kind}:{path.name}"
    report = Report(source=source_id, dry_run=dry_run)
    try:
        cols = load_mapping(mapping)
    except (ValueError, yaml.YAMLError, OSError) as exc:
        report.reject(str(mapping), 0, None, f"mapping: {exc}")
        return report
    header, rows = read_table(path, sheet)
    mapped = map_sheet(header, rows, report, path.name, mapping=cols, geocoder=geocoder)
    for k, v in mapped.counts().items():
        report.counts[k] = v
    if not dry_run:
        write_mapped(store, mapped, source_config(source_id, kind), report, now_iso(), path=str(path))
    return report
