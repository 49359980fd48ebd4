"""The pedagogische basis from national open-data registers, filtered by gemeente.

`kaart ingest lrk <export_opendata_lrk.csv> --gemeente Aalten`
    Landelijk Register Kinderopvang, open data (CC0): https://www.landelijkregisterkinderopvang.nl/opendata/
    (file `export_opendata_lrk.csv`, `;`-separated, ISO-8859-1, refreshed twice a week). Read by column name:
    lrk_id, type_oko (KDV, BSO, VGO, GOB), actuele_naam_oko, aantal_kindplaatsen, status, opvanglocatie_adres,
    opvanglocatie_postcode, opvanglocatie_woonplaats, verantwoordelijke_gemeente, naam_houder,
    kvk_nummer_houder, contact_telefoon, contact_emailadres, contact_website (contact fields may be wrapped
    in apostrophes). Per location: the houder → Organisation, the location → Service + Location + Phone.
    Gastouders (VGO) are private persons at home: left out (privacy by design). Registrations that are no
    longer `Ingeschreven` are skipped, or set to `defunct` when the kaart has them.

`kaart ingest duo <vestigingen.csv> --gemeente Aalten [--soort po|vo]`
    DUO Open Onderwijsdata, school locations: primair onderwijs "Adressen alle vestigingen bo"
    (https://duo.nl/open_onderwijsdata/primair-onderwijs/scholen-en-adressen/) and voortgezet onderwijs
    "02.-alle-vestigingen-vo.csv" (https://duo.nl/open_onderwijsdata/voortgezet-onderwijs/adressen/), `;`
    separated, Windows-1252. Read by column name: VESTIGINGSCODE (or BRIN NUMMER + VESTIGINGSNUMMER in older
    files), VESTIGINGSNAAM, STRAATNAAM, HUISNUMMER-TOEVOEGING, POSTCODE, PLAATSNAAM, GEMEENTENAAM,
    DENOMINATIE, TELEFOONNUMMER, INTERNETADRES, ONDERWIJSSTRUCTUUR. Each school location → Organisation +
    Service + Location + Phone.

Both are trusted sources (ingest/sources.yaml): they update what they own directly.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.models import Location, Organisation, Phone, Service
from graph.repositories import ServiceRepository
from graph.store import GraphStore
from ingest.base import Report, missing_columns, now_iso, open_table, report_problems
from ingest.geocode import Gazetteer, geocode_notes, geocoder_from_env, report_unreachable
from ingest.hsds import geocoded_location, normal_postcode, slug
from ingest.names import readable, unwrap
from ingest.screen import screen
from ingest.sniff import Problems
from ingest.vocab import fold
from ingest.writer import Mapped, source_config, write_mapped

LRK_TYPES = {
    "KDV": ("Kinderdagverblijf", ("kinderen-0-4",)),
    "BSO": ("Buitenschoolse opvang", ("kinderen-4-12",)),
    "GOB": ("Gastouderbureau", ("kinderen-0-4", "kinderen-4-12", "ouders")),
    "VGO": ("Gastouderopvang", ("kinderen-0-4", "kinderen-4-12")),
}
LRK_REQUIRED = ("lrk_id", "type_oko", "actuele_naam_oko", "verantwoordelijke_gemeente")
DUO_REQUIRED = ("VESTIGINGSNAAM", "GEMEENTENAAM")
PO_STRUCTURES = {"BAO", "SBAO", "SO", "VSO", "SO/VSO", "BAO/SBAO"}


def _clean(value: str | None) -> str | None:
    """A field as written, trimmed; apostrophes are part of names (`'t Hummelhuis`) and stay."""
    text = (value or "").strip()
    return text or None


def _contact(value: str | None) -> str | None:
    """A contact field without the apostrophes the LRK export wraps around it (`'0543-000010'`)."""
    return unwrap(value)


def _url(value: str | None) -> str | None:
    text = _contact(value)
    if not text:
        return None
    return text if "://" in text else f"https://{text}"


class _Places:
    def __init__(self, geocoder: Any) -> None:
        self.gazetteer = Gazetteer()
        self.geocoder = geocoder or geocoder_from_env(gazetteer=self.gazetteer)
        self.kernen: dict[str, Any] = {}

    def location(
        self,
        lid: str,
        name: str,
        org_id: str,
        address: str | None,
        postcode: str | None,
        city: str | None,
        report: Report,
        file: str,
        n: int,
        rid: str,
    ) -> Location:
        loc = geocoded_location(
            lid,
            name,
            org_id,
            address,
            postcode,
            city,
            gazetteer=self.gazetteer,
            geocoder=self.geocoder,
            kernen=self.kernen,
            warn=lambda why: report.warn(file, n, rid, why),
        )
        for note in geocode_notes(self.geocoder):  # a PDOK hit elsewhere: kept at kern level, said so
            report.warn(file, n, rid, note)
        return loc


def _postcode(value: str | None, report: Report, file: str, n: int, rid: str) -> str | None:
    try:
        return normal_postcode(value)
    except ValueError as exc:
        report.warn(file, n, rid, f"{exc}; weggelaten")
        return None


def _missing(header: list[str], required: tuple[str, ...], report: Report, file: str) -> bool:
    missing = [c for c in required if c not in header]
    if missing:
        report.reject(file, 0, None, missing_columns(missing))
    return bool(missing)


def _unknown_gemeente(gemeente: str, found: set[str], report: Report, file: str, column: str) -> None:
    """A `--gemeente` that matches no row (a typo, or another gemeente's file): the whole file is refused
    with the gemeenten that do occur, the close ones first (most alike first), then the rest alphabetically,
    so that the next try is right and the message is the same every time."""
    names = sorted({readable(g.strip()) or "" for g in found if g and g.strip()})
    ratio = {g: difflib.SequenceMatcher(None, fold(gemeente), fold(g)).ratio() for g in names}
    near = sorted((g for g in names if ratio[g] >= 0.6), key=lambda g: (-ratio[g], g))
    ranked = near + [g for g in names if ratio[g] < 0.6]  # stable: the close ones first, then alphabetical
    shown = ", ".join(ranked[:10]) + (f" … en {len(ranked) - 10} meer" if len(ranked) > 10 else "")
    close = near[:3]
    hint = f" Bedoelt u {' of '.join(close)}?" if close else ""
    report.reject(
        file,
        0,
        None,
        f"gemeente {gemeente!r} komt niet voor in kolom {column}; bestand overgeslagen.{hint}"
        + (f" Gemeenten in dit bestand: {shown}." if shown else " Het bestand heeft geen rijen."),
    )


# --- LRK -----------------------------------------------------------------------------------------------


def _register(mapped: Mapped, label: str, key: str, file: str, n: int, source_id: str) -> None:
    """Where a record came from (file, row) and its id at the source, for the report and provenance."""
    mapped.where[(label, key)] = (file, n)
    mapped.srid[(label, key)] = source_id


@dataclass(frozen=True)
class _LrkRow:
    """An LRK row that passed the checks: what the mapping steps need."""

    n: int
    raw: dict[str, str]
    lrk_id: str
    kind: str
    name: str
    registered: bool  # status `Ingeschreven`; otherwise a known service becomes `defunct`

    @property
    def service_id(self) -> str:
        return f"svc-lrk-{self.lrk_id}"


@dataclass
class _LrkContext:
    """What the LRK mapping steps share while reading one file."""

    report: Report
    file: str
    want: str | None  # folded gemeente name, or None for all
    known_services: set[str]
    places: _Places
    mapped: Mapped = field(default_factory=Mapped)
    orgs: dict[str, Organisation] = field(default_factory=dict)
    seen: dict[str, int] = field(default_factory=dict)
    skipped: Counter[str] = field(default_factory=Counter)
    gemeenten: set[str] = field(default_factory=set)  # as they occur in the file, for a mistyped --gemeente
    matched: int = 0  # rows of the gemeente asked for


def _admit_lrk(
    n: int,
    r: dict[str, str],
    ctx: _LrkContext,
) -> _LrkRow | None:
    """Step 1: the row's checks, in order; a bad row is rejected with its reason, an unwanted one counted."""
    lrk_id = _contact(r.get("lrk_id"))
    if ctx.want and fold(r.get("verantwoordelijke_gemeente") or "") != ctx.want:
        ctx.skipped["andere_gemeente"] += 1
        ctx.gemeenten.add(r.get("verantwoordelijke_gemeente") or "")
        return None
    ctx.matched += 1
    if not lrk_id:
        ctx.report.reject(ctx.file, n, None, "lrk_id ontbreekt")
        return None
    if lrk_id in ctx.seen:
        ctx.report.reject(ctx.file, n, lrk_id, f"dubbel lrk_id (zelfde als rij {ctx.seen[lrk_id]})")
        return None
    ctx.seen[lrk_id] = n
    kind = (r.get("type_oko") or "").strip().upper()
    if kind not in LRK_TYPES:
        ctx.report.reject(ctx.file, n, lrk_id, f"onbekend type_oko {kind!r}")
        return None
    if kind == "VGO":  # gastouders are private persons at home: never on the kaart
        ctx.skipped["gastouders"] += 1
        return None
    name = readable(_clean(r.get("actuele_naam_oko")))
    if not name:
        ctx.report.reject(ctx.file, n, lrk_id, "actuele_naam_oko ontbreekt")
        return None
    registered = (r.get("status") or "Ingeschreven").strip().lower() == "ingeschreven"
    if not registered and f"svc-lrk-{lrk_id}" not in ctx.known_services:
        ctx.skipped["uitgeschreven"] += 1
        return None
    return _LrkRow(n, r, lrk_id, kind, name, registered)


def _lrk_houder(row: _LrkRow, ctx: _LrkContext) -> str:
    """Step 2: the houder as Organisation (by KvK number, else by name), once per file; returns its id."""
    houder = readable(_clean(row.raw.get("naam_houder"))) or row.name
    kvk = _contact(row.raw.get("kvk_nummer_houder"))
    org_id = f"org-lrk-kvk-{kvk}" if kvk else f"org-lrk-{slug(houder)}"
    if org_id not in ctx.orgs:
        ctx.orgs[org_id] = Organisation(
            id=org_id, name=houder, kind="pedagogische-basis", website=_url(row.raw.get("contact_website"))
        )
        _register(ctx.mapped, "Organisation", org_id, ctx.file, row.n, kvk or houder)
    return org_id


def _lrk_location(row: _LrkRow, org_id: str, ctx: _LrkContext) -> Location:
    """Step 3: the opvanglocatie, geocoded (postcode checked, city names in capitals made readable)."""
    postcode = _postcode(row.raw.get("opvanglocatie_postcode"), ctx.report, ctx.file, row.n, row.lrk_id)
    city = readable(_clean(row.raw.get("opvanglocatie_woonplaats")))
    address = readable(_clean(row.raw.get("opvanglocatie_adres")))
    lid = f"loc-lrk-{row.lrk_id}"
    return ctx.places.location(
        lid, row.name, org_id, address, postcode, city, ctx.report, ctx.file, row.n, row.lrk_id
    )


def _lrk_service(row: _LrkRow, org_id: str, loc: Location) -> Service:
    """Step 4: the opvang itself as a vrij toegankelijk Service in the theme kinderopvang."""
    label, groups = LRK_TYPES[row.kind]
    places_text = _clean(row.raw.get("aantal_kindplaatsen"))
    description = (
        f"{label}"
        + (f" met {places_text} kindplaatsen" if places_text else "")
        + f". Ingeschreven in het Landelijk Register Kinderopvang (LRK-nummer {row.lrk_id})."
    )
    return Service(
        id=row.service_id,
        organization_id=org_id,
        name=row.name,
        description=description,
        url=_url(row.raw.get("contact_website")),
        email=_contact(row.raw.get("contact_emailadres")),
        status="active" if row.registered else "defunct",
        niveau="vrij-toegankelijk",
        toegang="vrij-toegankelijk",
        themes=("kinderopvang",),
        doelgroepen=groups,
        location_ids=(loc.id,),
        kernen=(loc.kern,) if loc.kern else (),
    )


def map_lrk(
    header: list[str],
    rows: Iterable[tuple[int, dict[str, str]]],
    report: Report,
    file: str,
    gemeente: str | None,
    known_services: set[str],
    *,
    geocoder: Any = None,
) -> Mapped:
    """LRK rows -> houders, locations, services and phones: check, houder, location, service, phone. `rows`
    may be a stream: the header is checked before the first row is read, and rows of other gemeenten are
    only counted (a national file is filtered while it is read)."""
    if _missing(header, LRK_REQUIRED, report, file):
        return Mapped()
    ctx = _LrkContext(report, file, fold(gemeente) if gemeente else None, known_services, _Places(geocoder))
    mapped = ctx.mapped
    for n, r in rows:
        row = _admit_lrk(n, r, ctx)
        if row is None:
            continue
        org_id = _lrk_houder(row, ctx)
        loc = _lrk_location(row, org_id, ctx)
        mapped.locations.append(loc)
        mapped.services.append(_lrk_service(row, org_id, loc))
        for label, key in (("Service", row.service_id), ("Location", loc.id)):
            _register(mapped, label, key, file, n, row.lrk_id)
        phone = _contact(r.get("contact_telefoon"))
        if phone:
            pid = f"tel-lrk-{row.lrk_id}"
            mapped.phones.append(Phone(id=pid, number=phone, type="voice", service_id=row.service_id))
            _register(mapped, "Phone", pid, file, n, row.lrk_id)
    if gemeente and not ctx.matched:
        _unknown_gemeente(gemeente, ctx.gemeenten, report, file, "verantwoordelijke_gemeente")
        return Mapped()
    report_unreachable(report, file, ctx.places.geocoder)
    mapped.organisations = list(ctx.orgs.values())
    mapped.kernen = list(ctx.places.kernen.values())
    for k, v in ctx.skipped.items():
        report.counts[f"overgeslagen_{k}"] += v
    return mapped


# --- DUO -----------------------------------------------------------------------------------------------


def _duo_code(r: dict[str, str]) -> str | None:
    """The school location's code, BRIN + two-digit vestiging (`99YY01`), whatever the release ships: the
    whole code in VESTIGINGSCODE, only the suffix there ("00", "01") next to INSTELLINGSCODE, or (older
    files) BRIN NUMMER + VESTIGINGSNUMMER. A bare suffix is never an id: it repeats across schools."""
    brin = _clean(r.get("BRIN NUMMER") or r.get("INSTELLINGSCODE"))
    for column in ("VESTIGINGSCODE", "VESTIGINGSNUMMER"):
        code = _clean(r.get(column))
        if not code:
            continue
        if code.isdigit() and len(code) <= 2:  # only the suffix
            return f"{brin}{code.zfill(2)}".upper() if brin else None
        if brin and not code.upper().startswith(brin.upper()) and code.isdigit():
            return f"{brin}{code.zfill(2)}".upper()
        return code.upper()
    return None


def map_duo(
    header: list[str],
    rows: Iterable[tuple[int, dict[str, str]]],
    report: Report,
    file: str,
    gemeente: str | None,
    soort: str | None,
    *,
    geocoder: Any = None,
) -> Mapped:
    mapped = Mapped()
    header = [h.strip().upper() for h in header]
    if _missing(header, DUO_REQUIRED, report, file):
        return mapped
    if not ({"VESTIGINGSCODE"} <= set(header) or {"VESTIGINGSNUMMER"} <= set(header)):
        report.reject(file, 0, None, "kolom 'VESTIGINGSCODE' ontbreekt; bestand overgeslagen")
        return mapped
    places = _Places(geocoder)
    want = fold(gemeente) if gemeente else None
    skipped = 0
    seen: dict[str, int] = {}
    found: set[str] = set()
    total = 0
    for n, raw in rows:  # a stream: other gemeenten are counted, not kept
        total += 1
        r = {k.strip().upper(): v for k, v in raw.items()}
        if want and fold(r.get("GEMEENTENAAM") or "") != want:
            skipped += 1
            found.add(r.get("GEMEENTENAAM") or "")
            continue
        code = _duo_code(r)
        name = readable(_clean(r.get("VESTIGINGSNAAM")))
        if not code:
            report.reject(
                file, n, None, "vestigingscode ontbreekt (of alleen het volgnummer, zonder INSTELLINGSCODE)"
            )
            continue
        if code in seen:
            report.reject(file, n, code, f"dubbele vestigingscode (zelfde als rij {seen[code]})")
            continue
        seen[code] = n
        if not name:
            report.reject(file, n, code, "vestigingsnaam ontbreekt")
            continue
        structure = (_clean(r.get("ONDERWIJSSTRUCTUUR")) or "").upper()
        level = soort or ("po" if structure in PO_STRUCTURES or not structure else "vo")
        org_id, sid, lid = f"org-duo-{code.lower()}", f"svc-duo-{code.lower()}", f"loc-duo-{code.lower()}"
        street = (
            " ".join(
                x
                for x in (readable(_clean(r.get("STRAATNAAM"))), _clean(r.get("HUISNUMMER-TOEVOEGING")))
                if x
            )
            or None
        )
        postcode = _postcode(r.get("POSTCODE"), report, file, n, code)
        city = readable(_clean(r.get("PLAATSNAAM")))
        website = _url(r.get("INTERNETADRES"))
        denom = _clean(r.get("DENOMINATIE"))
        what = "Basisschool" if level == "po" else "School voor voortgezet onderwijs"
        detail = ", ".join(x for x in (structure or None, denom) if x)
        mapped.organisations.append(
            Organisation(id=org_id, name=name, kind="pedagogische-basis", website=website)
        )
        loc = places.location(lid, name, org_id, street, postcode, city, report, file, n, code)
        mapped.locations.append(loc)
        mapped.services.append(
            Service(
                id=sid,
                organization_id=org_id,
                name=name,
                description=f"{what}"
                + (f" ({detail})" if detail else "")
                + f". Vestiging {code} volgens DUO.",
                url=website,
                niveau="vrij-toegankelijk",
                themes=("onderwijs",),
                doelgroepen=("kinderen-4-12",) if level == "po" else ("jongeren-12-18",),
                location_ids=(lid,),
                kernen=(loc.kern,) if loc.kern else (),
            )
        )
        for label, key in (("Organisation", org_id), ("Service", sid), ("Location", lid)):
            mapped.where[(label, key)] = (file, n)
            mapped.srid[(label, key)] = code
        phone = _clean(r.get("TELEFOONNUMMER"))
        if phone:
            pid = f"tel-duo-{code.lower()}"
            mapped.phones.append(Phone(id=pid, number=phone, type="voice", service_id=sid))
            mapped.where[("Phone", pid)] = (file, n)
    if gemeente and skipped == total:
        _unknown_gemeente(gemeente, found, report, file, "GEMEENTENAAM")
        return Mapped()
    report_unreachable(report, file, places.geocoder)
    mapped.kernen = list(places.kernen.values())
    if skipped:
        report.counts["overgeslagen_andere_gemeente"] += skipped
    return mapped


# --- entry points --------------------------------------------------------------------------------------


def _run(
    store: GraphStore, path: Path, report: Report, mapped: Mapped, source_id: str, kind: str, dry_run: bool
) -> Report:
    report.raise_if_file_rejected()  # nothing written: `kaart ingest` exits 2
    screen(mapped, report)  # the input boundary, also for --dry-run (write_mapped runs it too)
    for k, v in mapped.counts().items():
        report.counts[k] = v
    if not dry_run:
        write_mapped(store, mapped, source_config(source_id, kind), report, now_iso(), path=str(path))
    return report


def import_lrk(
    store: GraphStore,
    path: Path,
    *,
    gemeente: str | None,
    dry_run: bool = False,
    source: str | None = None,
    geocoder: Any = None,
) -> Report:
    path = Path(path)
    source_id = source or "lrk"
    report = Report(source=source_id, dry_run=dry_run)
    problems = Problems()
    known = set(ServiceRepository(store).ids())
    with open_table(path, problems=problems) as (header, rows):
        mapped = map_lrk(header, rows, report, path.name, gemeente, known, geocoder=geocoder)
    report_problems(report, path.name, problems)
    return _run(store, path, report, mapped, source_id, "lrk", dry_run)


def import_duo(
    store: GraphStore,
    path: Path,
    *,
    gemeente: str | None,
    soort: str | None = None,
    dry_run: bool = False,
    source: str | None = None,
    geocoder: Any = None,
) -> Report:
    path = Path(path)
    if soort is None:
        name = path.name.lower()
        soort = (
            "vo"
            if "-vo" in name or "_vo" in name or "vo." in name
            else ("po" if "bo" in name or "po" in name else None)
        )
    source_id = source or f"duo:{soort or 'po'}"
    report = Report(source=source_id, dry_run=dry_run)
    problems = Problems()
    with open_table(path, problems=problems) as (header, rows):
        mapped = map_duo(header, rows, report, path.name, gemeente, soort, geocoder=geocoder)
    report_problems(report, path.name, problems)
    return _run(store, path, report, mapped, source_id, "duo", dry_run)
