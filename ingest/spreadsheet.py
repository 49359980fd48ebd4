"""`kaart ingest csv|xlsx <file>`: the spreadsheet a coördinator keeps today, one row per service (aanbod).

Columns are found by their header, Dutch or English, in any order and case (see `COLUMNS`): naam,
organisatie, omschrijving, telefoon, telefoon professionals, e-mail, website, adres, postcode, plaats,
doelgroep, thema's, alleen voor professionals (of publiek ja/nee, ADR 0116), openingstijden, telefonisch bereikbaar, inloop, op afspraak, tijdelijk gesloten, wachttijd,
wachttijd datum, niveau, toegang, soort organisatie, 24/7,
minimumleeftijd, maximumleeftijd, laatst gecontroleerd, id. Other headers: a mapping file (`--mapping`,
YAML `kolommen: {"Naam aanbieder": organisatie, "Tel. nr": telefoon}`). A row needs a naam or an organisatie.

Themes and doelgroepen may be ids, labels or synonyms from the ontology, separated by `,` `;` `|` `/`;
unknown ones are reported per row. Hours in Dutch or OSM syntax ("ma t/m vr 9.00-17.00", "di en do 10-12
inloop", "op afspraak", "gesloten op feestdagen") become schedules of their kind (ADR 0035); a closure as
"21-12-2026 t/m 3-1-2027: Kerstsluiting"; unreadable hours are reported, never guessed. A wachttijd without a
date gets the import date (reported). Ids are made from the names (stable across
imports) unless the sheet has an `id` column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from graph.models import Kern, Location, Organisation, Phone, Schedule, Service
from graph.store import GraphStore
from ingest import hours, publiek_column, vocab
from ingest.base import FileRejected, Report, now_iso, open_table, report_problems
from ingest.geocode import geocode_notes
from ingest.hsds import geocoded_location, normal_postcode, slug
from ingest.screen import screen
from ingest.sniff import Problems
from ingest.writer import Mapped, source_config, write_mapped
from ontology.publiek import load_publiek

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
    "openingstijden": ("openingstijden", "opening hours", "opening_hours", "geopend", "open", "openingsuren", "bezoektijden"),
    "telefonisch": ("telefonisch bereikbaar", "telefonische bereikbaarheid", "bereikbaarheid telefoon", "telefonisch spreekuur", "phone hours"),
    "inloop": ("inloop", "inloopspreekuur", "inlooptijden", "vrije inloop", "walk in"),
    "afspraak": ("op afspraak", "afspraak", "alleen op afspraak", "by appointment"),
    "gesloten": ("tijdelijk gesloten", "gesloten", "sluiting", "vakantiesluiting", "gesloten periode", "closed"),
    "wachttijd": ("wachttijd", "waiting time", "wait time", "wachttijden"),
    "wachttijd_datum": ("wachttijd datum", "peildatum wachttijd", "peildatum", "wachttijd per", "datum wachttijd"),
    "niveau": ("niveau", "level", "hulpniveau"),
    "toegang": ("toegang", "intake", "toegangsroute", "intakeroute", "verwijzing", "access"),
    "soort": ("soort organisatie", "organisatiesoort", "soort", "type organisatie"),
    "crisis": ("24 7", "24 uur bereikbaar", "crisis", "dag en nacht bereikbaar", "24x7"),
    "min_leeftijd": ("minimumleeftijd", "leeftijd van", "minimum age", "minimum_age", "min leeftijd", "vanaf leeftijd"),
    "max_leeftijd": ("maximumleeftijd", "leeftijd tot", "maximum age", "maximum_age", "max leeftijd", "tot leeftijd"),
    "gecontroleerd": ("laatst gecontroleerd", "gecontroleerd", "geverifieerd", "laatst geverifieerd", "assured date", "assured_date"),
    **publiek_column.COLUMNS,  # for professionals only (ADR 0116)
}  # fmt: skip
SCHEDULE_COLUMNS = {
    "openingstijden": "openingstijden",
    "telefonisch": "telefonisch",
    "inloop": "inloop",
    "afspraak": "afspraak",
}
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


def find_header_row(first_rows: list[list[str]]) -> int:
    """The header among the first rows of a sheet: the row with the most known column names (at least two,
    or naam/organisatie); title rows above it ("Sociale kaart Aalten 2026", a date, a blank row) are skipped.
    Row 0 when no row qualifies (then the usual "kolom ontbreekt")."""
    best, best_score = 0, 0
    for i, values in enumerate(first_rows):
        known = {_ALIAS.get(vocab.fold(v)) for v in values if v and v.strip()} - {None}
        score = len(known) + (1 if known & {"naam", "organisatie"} else 0)
        if score > best_score and (len(known) >= 2 or known & {"naam", "organisatie"}):
            best, best_score = i, score
    return best


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


@dataclass
class _Sheet:
    """What `map_sheet` builds row by row: the records so far (organisations and locations are shared by
    rows) and the lookups it needs."""

    file: str
    report: Report
    columns: dict[str, str]  # our column -> header
    gazetteer: Any
    geocoder: Any
    today: str
    mapped: Mapped = field(default_factory=Mapped)
    orgs: dict[str, Organisation] = field(default_factory=dict)
    locs: dict[str, Location] = field(default_factory=dict)
    kernen: dict[str, Kern] = field(default_factory=dict)
    seen: dict[str, int] = field(default_factory=dict)


def _sheet_columns(
    header: list[str], mapping: dict[str, str] | None, report: Report, file: str
) -> dict[str, str] | None:
    """Our column -> the sheet's header; None (reported) when the sheet has neither naam nor organisatie."""
    lookup = {**_ALIAS, **(mapping or {})}
    columns: dict[str, str] = {}
    unknown_headers = []
    for h in header:
        canon = lookup.get(vocab.fold(h)) if h else None
        if canon and canon not in columns:
            columns[canon] = h
        elif h and not canon:
            unknown_headers.append(h)
    if "naam" not in columns and "organisatie" not in columns:
        report.reject(file, 0, None, "kolom 'naam' of 'organisatie' ontbreekt; bestand overgeslagen")
        return None
    if unknown_headers:
        report.warn(file, 0, None, f"kolommen niet herkend (gebruik --mapping): {', '.join(unknown_headers)}")
    return columns


def map_sheet(
    header: list[str],
    rows: Iterable[tuple[int, dict[str, str]]],
    report: Report,
    file: str,
    *,
    mapping: dict[str, str] | None = None,
    geocoder: Any = None,
    today: str | None = None,
) -> Mapped:
    """Records from the rows of a sheet: one service per row, its organisation and location shared by rows
    that name the same ones. Bad values are reported per row (file, row number, id, reason)."""
    from ingest.geocode import Gazetteer, geocoder_from_env, report_unreachable

    columns = _sheet_columns(header, mapping, report, file)
    if columns is None:
        return Mapped()
    gazetteer = Gazetteer()
    sheet = _Sheet(
        file=file,
        report=report,
        columns=columns,
        gazetteer=gazetteer,
        geocoder=geocoder or geocoder_from_env(gazetteer=gazetteer),
        today=today or date.today().isoformat(),
    )
    values = [(n, {canon: (raw.get(h) or "").strip() for canon, h in columns.items()}) for n, raw in rows]
    _fill_down_organisations(values, report, file, "organisatie" in columns and "naam" in columns)
    for n, row in values:
        _map_row(sheet, n, row)
    report_unreachable(report, file, sheet.geocoder)
    sheet.mapped.organisations = list(sheet.orgs.values())
    sheet.mapped.locations = list(sheet.locs.values())
    sheet.mapped.kernen = list(sheet.kernen.values())
    return sheet.mapped


def _fill_down_organisations(
    rows: list[tuple[int, dict[str, str]]], report: Report, file: str, both: bool
) -> None:
    """Merged organisation cells (in Excel, or saved to CSV as "organisation on the first row of a block,
    blank below"): a row with a naam but no organisatie belongs to the organisation above it, not to a new
    organisation named after the service. Said once in the report, with the rows."""
    if not both:
        return
    above, filled = "", []
    for n, row in rows:
        if row.get("organisatie"):
            above = row["organisatie"]
        elif above and row.get("naam"):
            row["organisatie"] = above
            filled.append(n)
    if filled:
        shown = ", ".join(map(str, filled[:20])) + (" …" if len(filled) > 20 else "")
        report.warn(
            file,
            0,
            None,
            f"organisatie leeg in {len(filled)} rij(en) ({shown}): overgenomen van de rij erboven "
            "(samengevoegde cellen)",
        )


_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE]\+?\d+$")
_SERVICE_NUMBERS = ("800", "900", "906", "909")


def dutch_phone(text: str) -> tuple[str | None, str | None]:
    """A phone number as a sheet stores it -> (number, warning). A number stored as a NUMBER lost its leading
    0 (314123456 → 0314123456; 31543123456 → +31543123456); one shown in scientific notation (3,14E+08)
    lost digits and is not kept. Unsure cases are kept and flagged, never guessed silently."""
    t = text.strip()
    if _SCIENTIFIC.match(t):
        return None, (
            f"telefoonnummer {t!r} is als getal opgeslagen en cijfers zijn verloren; niet overgenomen "
            "(zet de kolom in Excel op Tekst en vul het nummer opnieuw in)"
        )
    if not re.fullmatch(r"\d+(?:\.0)?", t):
        return t, None
    d = t.removesuffix(".0")
    if len(d) == 10 and d[0] == "0":
        return d, None
    if len(d) == 9 and d[0] != "0" and not d.startswith(("80", "90")):
        return "0" + d, None  # an area code or 06 that lost its 0: always 10 digits with the 0
    if len(d) == 11 and d.startswith("31"):
        return "+" + d, None
    if d.startswith(_SERVICE_NUMBERS) and 7 <= len(d) <= 10:
        return "0" + d, f"telefoonnummer {t!r} als getal opgeslagen; gelezen als 0{d}, controleer"
    return d, f"telefoonnummer {t!r} lijkt geen Nederlands nummer (als getal opgeslagen?); controleer"


def _map_row(sheet: _Sheet, n: int, row: dict[str, str]) -> None:
    file = sheet.file
    org_name = row.get("organisatie") or row.get("naam")
    svc_name = row.get("naam") or row.get("organisatie")
    if not org_name or not svc_name:
        sheet.report.reject(file, n, row.get("id") or None, "naam en organisatie ontbreken")
        return
    org_id = f"org-{slug(org_name)}"
    sid = row.get("id") or (
        f"svc-{slug(org_name)}" if svc_name == org_name else f"svc-{slug(org_name)}-{slug(svc_name)}"
    )
    if sid in sheet.seen:
        sheet.report.reject(file, n, sid, f"dubbel id (zelfde als rij {sheet.seen[sid]})")
        return

    def warn(reason: str) -> None:
        sheet.report.warn(file, n, sid, reason)

    problem = _row_problem(row)
    if problem:  # before anything of the row is mapped: a bad row writes nothing (tester10 F-ING-1)
        sheet.report.reject(file, n, sid, problem)
        return
    sheet.seen[sid] = n
    _row_organisation(sheet, n, row, org_id, org_name, svc_name, warn)
    loc_id = _row_location(sheet, n, row, org_id, org_name, warn)
    service = _row_service(sheet, row, sid, org_id, svc_name, loc_id, warn)
    if isinstance(service, str):
        sheet.report.reject(file, n, sid, service)
        return
    sheet.mapped.services.append(service)
    sheet.mapped.where[("Service", sid)] = (file, n)
    for key, professional in (("telefoon", False), ("telefoon_professional", True)):
        cell = row.get(key) or ""
        numbers = []
        for text in [cell] if _SCIENTIFIC.match(cell) else _PHONE_SPLIT.split(cell):  # "3,14E+08" is one
            number, problem = dutch_phone(text) if text else (None, None)
            if problem:
                warn(problem)
            if number:
                numbers.append(number)
        for i, number in enumerate(numbers, start=1):
            pid = f"tel-{sid.removeprefix('svc-')}-{'p' if professional else ''}{i}"
            sheet.mapped.phones.append(
                Phone(id=pid, number=number, type="voice", professional_only=professional, service_id=sid)
            )
            sheet.mapped.where[("Phone", pid)] = (file, n)


def _row_organisation(
    sheet: _Sheet, n: int, row: dict[str, str], org_id: str, org_name: str, svc_name: str, warn: Any
) -> None:
    """The organisation: the first row that names it fills it; later rows add what is missing."""
    kind = None
    if row.get("soort"):
        kind = next((k for k in vocab.ORG_KINDS if vocab.fold(k) == vocab.fold(row["soort"])), None)
        if kind is None:
            warn(f"onbekende organisatiesoort {row['soort']!r}")
    org = sheet.orgs.get(org_id) or Organisation(id=org_id, name=org_name)
    org = Organisation(
        id=org_id,
        name=org.name,
        description=org.description or (row.get("omschrijving") if svc_name == org_name else "") or "",
        email=org.email or row.get("email") or None,
        website=org.website or row.get("website") or None,
        kind=org.kind or kind,
    )
    if org_id not in sheet.orgs:
        sheet.mapped.where[("Organisation", org_id)] = (sheet.file, n)
    sheet.orgs[org_id] = org


def _row_location(
    sheet: _Sheet, n: int, row: dict[str, str], org_id: str, org_name: str, warn: Any
) -> str | None:
    try:
        postcode = normal_postcode(row.get("postcode"))
    except ValueError as exc:
        warn(f"{exc}; weggelaten")
        postcode = None
    city = row.get("plaats") or None
    address = row.get("adres") or None
    if not (address or postcode or city):
        return None
    loc_id = f"loc-{slug(org_name)}-{slug(' '.join(x for x in (address, postcode or city) if x))}"
    if loc_id not in sheet.locs:
        sheet.locs[loc_id] = geocoded_location(
            loc_id,
            org_name,
            org_id,
            address,
            postcode,
            city,
            gazetteer=sheet.gazetteer,
            geocoder=sheet.geocoder,
            kernen=sheet.kernen,
            warn=warn,
        )
        for note in geocode_notes(sheet.geocoder):  # a PDOK hit elsewhere: kept at kern level, said so
            warn(note)
        sheet.mapped.where[("Location", loc_id)] = (sheet.file, n)
    return loc_id


def _row_schedules(row: dict[str, str], sid: str, warn: Any) -> tuple[Schedule, ...]:
    """Schedules from the hours columns (openingstijden, telefonisch bereikbaar, inloop, op afspraak); a text
    the parser cannot read is reported with its reason and kept as the source's words (`hours.source_text`),
    never guessed."""
    texts, unread = {}, []
    for column, kind in SCHEDULE_COLUMNS.items():
        text = row.get(column) or ""
        if kind == "afspraak":
            text = "op afspraak" if vocab.fold(text) in _YES or "afspraak" in text.lower() else ""
        if not text:
            continue
        try:
            hours.schedules_from_texts(sid, {kind: text})
            texts[kind] = text
        except hours.OpeningHoursError as exc:
            warn(
                f"{COLUMNS[column][0]} niet herkend ({str(exc).split(': ', 1)[-1]}): {row[column]!r}; "
                "getoond zoals geschreven"
            )
            unread.append(hours.source_text("", kind, text))
    closures = []
    for text in re.split(r"\s*[;\n]\s*", row.get("gesloten") or ""):
        if text:
            try:
                c = hours.parse_closure(text)
                closures.append((c.valid_from, c.valid_to, c.description or ""))
            except hours.OpeningHoursError as exc:
                warn(f"tijdelijk gesloten niet herkend ({exc}): {text!r}")
    found = hours.schedules_from_texts(sid, texts, closures)
    return hours.number(sid, (*found, *unread)) if unread else found


def _row_problem(row: dict[str, str]) -> str | None:
    """Why the row is rejected, or None: checked before its organisation and location are mapped, so that a
    rejected row leaves no location or organisation behind."""
    _, professionals_in_groups = publiek_column.doelgroep_without_professionals(row.get("doelgroep"))
    _, bad = publiek_column.professional_only(row, professionals_in_groups)
    if bad:
        return bad
    problems = []
    for key in ("min_leeftijd", "max_leeftijd"):
        try:
            int(float(row[key])) if row.get(key) else None
        except ValueError:
            problems.append(f"{key.replace('_', ' ')} is geen getal")
    return "; ".join(problems) or None


def _row_service(
    sheet: _Sheet, row: dict[str, str], sid: str, org_id: str, svc_name: str, loc_id: str | None, warn: Any
) -> Service | str:
    """The service of a row, or the reason the row is rejected (`_row_problem` checked the row first)."""
    themes = vocab.themes(row.get("themas"))
    for t in themes.unknown:
        warn(f"onbekend thema {t!r}{vocab.theme_suggestion(t)}")
    groups_cell, professionals_in_groups = publiek_column.doelgroep_without_professionals(
        row.get("doelgroep")
    )
    professional_only, bad = publiek_column.professional_only(row, professionals_in_groups)
    if bad:
        return bad
    if professional_only is None:  # the sheet says nothing: the service's own words (ADR 0116)
        professional_only = load_publiek().says_professionals_only(svc_name, row.get("omschrijving"))
    groups = vocab.doelgroepen(groups_cell)
    for g in groups.unknown:
        warn(f"onbekende doelgroep {g!r}{vocab.doelgroep_suggestion(g)}")
    niveau = toegang = None
    try:
        niveau = vocab.niveau(row.get("niveau"))
    except ValueError as exc:
        warn(str(exc))
    try:
        toegang = vocab.toegang(row.get("toegang"))
    except ValueError as exc:
        warn(str(exc))
    schedules = _row_schedules(row, sid, warn)
    opening = hours.opening_hours_of(schedules)
    wait_date = None
    try:
        wait_date = _date(row.get("wachttijd_datum"))
    except ValueError as exc:
        warn(f"wachttijd: {exc}")
    if row.get("wachttijd") and not wait_date:
        wait_date = sheet.today
        warn(f"wachttijd zonder datum; peildatum {sheet.today} (importdatum)")
    assured = None
    try:
        assured = _date(row.get("gecontroleerd"))
    except ValueError as exc:
        warn(f"laatst gecontroleerd: {exc}")
    ages, problems = [], []
    for key in ("min_leeftijd", "max_leeftijd"):
        try:
            ages.append(int(float(row[key])) if row.get(key) else None)
        except ValueError:
            problems.append(f"{key.replace('_', ' ')} is geen getal")
            ages.append(None)
    if problems:
        return "; ".join(problems)
    loc = sheet.locs.get(loc_id) if loc_id else None
    return Service(
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
        professional_only=professional_only,
        location_ids=(loc_id,) if loc_id else (),
        kernen=(loc.kern,) if loc and loc.kern else (),
        opening_hours=opening,
        schedules=schedules,
    )


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
        raise FileRejected(f"mapping: {exc}", str(mapping)) from None
    problems = Problems()
    with open_table(path, sheet, problems=problems, find_header=find_header_row) as (header, rows):
        # the header is checked before the rows are read: a file that is no sheet is refused at once; rows are
        # numbered as a coördinator sees them in Excel/LibreOffice (line 1 is row 1)
        mapped = map_sheet(header, rows, report, path.name, mapping=cols, geocoder=geocoder)
    report_problems(report, path.name, problems)
    report.raise_if_file_rejected()  # nothing written: `kaart ingest` exits 2
    screen(mapped, report)  # the input boundary, also for --dry-run (write_mapped runs it too)
    for k, v in mapped.counts().items():
        report.counts[k] = v
    if not dry_run:
        write_mapped(store, mapped, source_config(source_id, kind), report, now_iso(), path=str(path))
    return report
