"""Field specifications of the beheer forms and their parsing: what each record type's form asks, the Dutch
labels, the choices of the select fields, and form text → record values with a Dutch error per field."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import g
from flask_babel import lazy_gettext as _l

from graph.input import InputRejected, check_email, check_url, has_control
from graph.models import NIVEAUS
from graph.proposals import jsonable
from graph.repositories import KernRepository
from graph.views import ALL_STATUSES
from ingest.hsds import kern_for
from ontology import kern_id, load_gazetteer
from webapp.db import get_store

ENTITY_SLUG = {
    "organisatie": "Organisation",
    "dienst": "Service",
    "locatie": "Location",
    "telefoon": "Phone",
    "netwerk": "Netwerk",
}
SLUG_OF = {v: k for k, v in ENTITY_SLUG.items()}
HSDS_RESOURCE = {
    "Organisation": "organization",
    "Service": "service",
    "Location": "location",
    "Phone": "phone",
    "Netwerk": "netwerk",
}
METADATA_COLUMNS = (
    "id",
    "resource_id",
    "resource_type",
    "last_action_date",
    "last_action_type",
    "field_name",
    "previous_value",
    "replacement_value",
    "updated_by",
)
STATUS_B1 = {
    "active": _l("Actief"),
    "inactive": _l("Niet actief"),
    "defunct": _l("Gestopt"),
    "temporarily closed": _l("Tijdelijk gesloten"),
    "archived": _l("Gearchiveerd"),
}
TOEGANG = (
    ("vrij-toegankelijk", _l("Vrij toegankelijk")),
    ("verwijzing", _l("Met verwijzing")),
    ("beschikking", _l("Met beschikking van de gemeente")),
)
PHONE_TYPES = (
    ("voice", _l("Telefoon")),
    ("cell", _l("Mobiel")),
    ("text", _l("Sms")),
    ("fax", _l("Fax")),
    ("video", _l("Beeldbellen")),
    ("textphone", _l("Teksttelefoon")),
)
MEMBER_STATUS = (("huidig", _l("Huidig lid")), ("voorgesteld", _l("Voorgesteld")))
KIND_B1 = {
    "update": "Wijziging",
    "create": "Nieuw",
    "merge": "Mogelijk dubbel",
    "member": "Netwerklid",
    "report": "Melding",
}
SOURCE_B1 = {"edit": "Bewerking", "import": "Import", "proposal": "Voorstel"}
NIVEAU_AANBOD = {
    "vrij-toegankelijk": "vrij toegankelijk aanbod",
    "lokaal-team": "aanbod van het lokale team",
    "maatwerk": "maatwerk",
    "specialistisch": "specialistische hulp",
    "crisis": "crisishulp",
    "alle": "aanbod",
}
MAX_FIELD = 4000


@dataclass(frozen=True)
class F:
    name: str
    label: str
    kind: str = "text"  # text textarea email url int float date bool select postcode schedule
    required: bool = False
    help: str | None = None
    options: str | None = None  # key in the options mapping for a select
    maxlen: int = 300


ORG_FIELDS = (
    F("name", _l("Naam"), required=True),
    F("alternate_name", _l("Andere naam of afkorting")),
    F("description", _l("Omschrijving"), "textarea", maxlen=MAX_FIELD),
    F("kind", _l("Soort organisatie"), "select", options="kinds"),
    F("email", _l("E-mailadres"), "email", help=_l("Hier gaat ook het verzoek om controle heen.")),
    F("website", _l("Website"), "url"),
)
# Bereikbaarheid: one text per kind of hours, read by the Dutch hours parser (webapp/beheer/schedules.py).
SCHEDULE_FIELDS = (
    F(
        "openingstijden",
        _l("Openingstijden"),
        "schedule",
        help=_l("Bijvoorbeeld: ma t/m vr 9.00-17.00, of 24/7."),
    ),
    F(
        "telefonisch",
        _l("Telefonisch bereikbaar"),
        "schedule",
        help=_l("Bijvoorbeeld: ma t/m do 9.00-12.00."),
    ),
    F("inloop", _l("Inloop (zonder afspraak)"), "schedule", help=_l("Bijvoorbeeld: di en do 10-12.")),
    F("afspraak", _l("Alleen op afspraak"), "bool"),
    F(
        "gesloten",
        _l("Tijdelijk gesloten"),
        "textarea",
        maxlen=MAX_FIELD,
        help=_l("Eén regel per sluiting, zoals: 21-12-2026 t/m 3-1-2027: Kerstsluiting."),
    ),
)
SERVICE_FIELDS = (
    F("name", _l("Naam van de dienst"), required=True),
    F("alternate_name", _l("Andere naam")),
    F(
        "description",
        _l("Omschrijving"),
        "textarea",
        maxlen=MAX_FIELD,
        help=_l("In eenvoudige woorden (taalniveau B1)."),
    ),
    F("niveau", _l("Niveau (hulpladder)"), "select", options="niveaus"),
    F("toegang", _l("Toegang"), "select", options="toegang"),
    F("status", _l("Status"), "select", required=True, options="statuses"),
    F("url", _l("Webpagina"), "url"),
    F("email", _l("E-mailadres"), "email"),
    F("application_process", _l("Zo meldt u zich aan"), "textarea", maxlen=MAX_FIELD),
    F("eligibility_description", _l("Voor wie"), "textarea", maxlen=MAX_FIELD),
    F("fees_description", _l("Kosten"), "textarea", maxlen=MAX_FIELD),
    F("wait_time", _l("Wachttijd"), help=_l("Bijvoorbeeld: 2 weken.")),
    F(
        "wait_time_date",
        _l("Wachttijd doorgegeven op"),
        "date",
        help=_l("Verplicht als u de wachttijd verandert."),
    ),
    F("minimum_age", _l("Leeftijd vanaf"), "int"),
    F("maximum_age", _l("Leeftijd tot en met"), "int"),
    *SCHEDULE_FIELDS,
    F("available_24_7", _l("Dag en nacht bereikbaar (24/7)"), "bool"),
    F(
        "professional_only",
        _l("Alleen voor professionals"),
        "bool",
        help=_l(
            "Bijvoorbeeld een casusoverleg of consultatie voor het lokale team. Inwoners krijgen deze dienst niet"
            " te zien; zij krijgen de voordeur: dit loopt via hun hulpverlener of het lokale team."
        ),
    ),
    F("assured_date", _l("Laatst gecontroleerd op"), "date"),
)
LOCATION_FIELDS = (
    F("name", _l("Naam van de locatie")),
    F("description", _l("Omschrijving"), "textarea", maxlen=MAX_FIELD),
    F("address_1", _l("Straat en huisnummer")),
    F("postal_code", _l("Postcode"), "postcode"),
    F("city", _l("Plaats")),
    F("kern", _l("Kern"), "select", options="kernen"),
    F(
        "latitude",
        _l("Breedtegraad"),
        "float",
        help=_l("Leeg laten: dan gebruiken we het midden van de kern."),
    ),
    F("longitude", _l("Lengtegraad"), "float"),
    F("approximate", _l("Plek is benaderd (midden van de kern)"), "bool"),
    F("confidential", _l("Geheim adres (nooit op de kaart, bijvoorbeeld opvang)"), "bool"),
)
PHONE_FIELDS = (
    F("number", _l("Telefoonnummer"), required=True, maxlen=40),
    F("type", _l("Soort"), "select", options="phone_types"),
    F("description", _l("Toelichting"), help=_l("Bijvoorbeeld: bereikbaar op werkdagen van 9 tot 12 uur.")),
    F("professional_only", _l("Alleen voor professionals (nooit op de openbare site)"), "bool"),
)
NETWERK_FIELDS = (
    F("name", _l("Naam van het netwerk"), required=True),
    F("description", _l("Omschrijving"), "textarea", maxlen=MAX_FIELD),
    F("source", _l("Bron"), help=_l("Waar staat dit netwerk beschreven?")),
)
FIELDS = {
    "Organisation": ORG_FIELDS,
    "Service": SERVICE_FIELDS,
    "Location": LOCATION_FIELDS,
    "Phone": PHONE_FIELDS,
    "Netwerk": NETWERK_FIELDS,
}
EXTRA_LABELS = {
    "themes": _l("Thema's"),
    "suggested_themes": _l("Voorgestelde thema's"),
    "incidental_themes": _l("Thema's waar de dienst alleen aan raakt"),
    "doelgroepen": _l("Doelgroepen"),
    "location_ids": _l("Locaties"),
    "kernen": _l("Kernen"),
    "scales_up_to": _l("Opschalen naar"),
    "organization_id": _l("Organisatie"),
    "members": _l("Leden"),
    "service_id": _l("Dienst"),
    "location_id": _l("Locatie"),
    "status": _l("Status"),
    "record": _l("Record"),
    "schedules": _l("Openingstijden en bereikbaarheid"),
    "opening_hours": _l("Openingstijden (samenvatting)"),
    "tijdelijke_status": _l("Tijdelijke status"),
    "notitie": _l("Notitie voor collega's"),
}
PARTNER_ORG_FIELDS = ("name", "description", "email", "website")
PARTNER_SERVICE_FIELDS = (
    "name",
    "description",
    "url",
    "email",
    "application_process",
    "eligibility_description",
    "fees_description",
    "wait_time",
    "wait_time_date",
    "openingstijden",
    "telefonisch",
    "inloop",
    "afspraak",
    "gesloten",
    "status",
)

POSTCODE_PATTERN = re.compile(r"^\s*(\d{4})\s?([A-Za-z]{2})\s*$")
EMAIL_PATTERN = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")


class FormErrors(ValueError):
    """Errors per field name of a part of a form that did not validate."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def label_of(entity_type: str, field: str) -> str:
    for f in FIELDS.get(entity_type, ()):
        if f.name == field:
            return str(f.label)
    return str(EXTRA_LABELS.get(field, field))


def clean_text(value: str | None, maxlen: int) -> str:
    return (value or "").replace("\r\n", "\n").strip()[:maxlen]


def parse_fields(
    spec: Sequence[F], form: Mapping[str, Any], prefix: str = ""
) -> tuple[dict[str, Any], dict[str, str]]:
    """Form values → record values, with a Dutch error per field that does not validate."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for f in spec:
        key = prefix + f.name
        if f.kind == "bool":
            values[f.name] = form.get(key) in ("1", "on", "ja", "true")
            continue
        raw = clean_text(form.get(key), f.maxlen)
        if not raw:
            if f.required:
                errors[f.name] = f"Vul {f.label.lower()} in."
            values[f.name] = None
            continue
        try:
            values[f.name] = _parse_value(f, raw)
        except ValueError as exc:
            errors[f.name] = str(exc)
            values[f.name] = raw
    return values, errors


def _parse_value(f: F, raw: str) -> Any:
    if f.kind == "int":
        try:
            n = int(raw)
        except ValueError:
            raise ValueError(f"{f.label}: vul een heel getal in.") from None
        if not 0 <= n <= 130:
            raise ValueError(f"{f.label}: vul een getal van 0 tot 130 in.")
        return n
    if f.kind == "float":
        try:
            x = float(raw.replace(",", "."))
        except ValueError:
            raise ValueError(f"{f.label}: vul een getal in, zoals 51.925.") from None
        limit = 90 if f.name == "latitude" else 180
        if not -limit <= x <= limit:
            raise ValueError(f"{f.label}: dit getal is te groot of te klein.")
        return x
    if f.kind == "date":
        try:
            return date.fromisoformat(raw[:10]).isoformat()
        except ValueError:
            raise ValueError(f"{f.label}: vul een datum in (jjjj-mm-dd).") from None
    # e-mail and web addresses, and one-line texts: the input boundary shared with the importers (graph/input.py)
    if f.kind == "email":
        if not EMAIL_PATTERN.match(raw) or len(raw) > 254:
            raise ValueError(f"{f.label}: dit is geen geldig e-mailadres.")
        try:
            return check_email(raw)
        except InputRejected:
            raise ValueError(f"{f.label}: dit is geen geldig e-mailadres.") from None
    if f.kind == "url":
        try:
            return check_url(raw)
        except InputRejected:
            raise ValueError(f"{f.label}: dit is geen geldig webadres (begin met https://).") from None
    if f.kind == "text" and has_control(raw, multiline=False):
        raise ValueError(f"{f.label}: gebruik één regel, zonder regeleinden.")
    if f.kind == "postcode":
        m = POSTCODE_PATTERN.match(raw)
        if not m:
            raise ValueError(f"{f.label}: vul een postcode in zoals 7121 AB.")
        return f"{m.group(1)} {m.group(2).upper()}"
    if f.kind == "select":
        allowed = {v for v, _ in select_options().get(f.options or "", ())}
        if raw not in allowed:
            raise ValueError(f"{f.label}: kies een waarde uit de lijst.")
        return raw
    return raw


def show(value: Any) -> str:
    """A field value as text for people."""
    if value is None or value == "" or value == [] or value == ():
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list | tuple):
        return ", ".join(show(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {show(v)}" for k, v in value.items() if v not in (None, ""))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return show(jsonable(value))
    return str(value)


def _ontology():
    try:
        from ontology import load_ontology

        return load_ontology()
    except Exception:  # noqa: BLE001 - vocabularies are a convenience; the forms work without them
        return None


def kern_options() -> list[tuple[str, str, bool]]:
    """Kernen to choose from: those in the graph plus the woonplaatsen of the same gemeenten (gazetteer)."""
    graph_kernen = KernRepository(get_store()).all(limit=10_000)
    out = {k.id: (k.id, k.name, True) for k in graph_kernen}
    gemeenten = {k.gemeente for k in graph_kernen if k.gemeente}
    if gemeenten:
        for p in load_gazetteer():
            if p.gemeente in gemeenten:
                kid = kern_id(p.name)
                out.setdefault(kid, (kid, p.name, False))
    return sorted(out.values(), key=lambda k: k[1].lower())


def ensure_kernen(ids: Iterable[str]) -> None:
    """Kernen chosen from the gazetteer become Kern nodes (a vocabulary, not an entry: no audit)."""
    missing = [i for i in ids if i]
    if not missing:
        return
    repo = KernRepository(get_store())
    have = {k.id for k in repo.get_many(missing)}
    missing = [i for i in missing if i not in have]
    if not missing:
        return
    places = {kern_id(p.name): p for p in load_gazetteer()}
    new = [kern_for(places[i]) for i in missing if i in places]
    if new:
        repo.upsert(new)


def select_options() -> dict[str, list[tuple[str, str]]]:
    """Choices for the select fields of this request."""
    if "beheer_options" in g:
        return g.beheer_options
    onto = _ontology()
    kinds = [(k.id, k.label) for k in onto.organisatiesoorten.values()] if onto else []
    from webapp.site import niveau_label

    opts = {
        "kinds": kinds,
        "niveaus": [(n, niveau_label(n)) for n in NIVEAUS],
        "toegang": list(TOEGANG),
        "statuses": [(s, STATUS_B1[s]) for s in ALL_STATUSES],
        "phone_types": list(PHONE_TYPES),
        "kernen": [(k[0], k[1]) for k in kern_options()],
        "member_status": list(MEMBER_STATUS),
    }
    g.beheer_options = opts
    return opts


def theme_tree(themes: Mapping[str, Any]) -> list[tuple[Any, int]]:
    """Themes in tree order with their depth: top themes by label, each followed by its narrower ones."""
    children: dict[str, list[Any]] = {}
    tops = []
    for t in themes.values():
        parents = [p for p in t.parents if p in themes]
        if not parents:
            tops.append(t)
        for p in parents[:1]:
            children.setdefault(p, []).append(t)
    out: list[tuple[Any, int]] = []
    seen: set[str] = set()

    def walk(t: Any, depth: int) -> None:
        if t.id in seen:
            return
        seen.add(t.id)
        out.append((t, depth))
        for c in sorted(children.get(t.id, ()), key=lambda x: x.label.lower()):
            walk(c, depth + 1)

    for t in sorted(tops, key=lambda x: x.label.lower()):
        walk(t, 0)
    return out


def show_raw(value: Any) -> str:
    """A value as the form field shows it (the inverse of parsing, for comparing)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    return str(value)
