"""Beheer: how coördinatoren keep the kaart current, and how partners update their own entry.

Coördinatoren (and admins) edit organisations, services, locations, bereikbaarheid (phones, also
professional-only), networks and memberships, themes per service (accepting or rejecting derived suggestions),
niveau and doelgroepen. Every edit carries the version the form was made from; `graph.beheer.save_edit`
checks it in the write query that claims the record, so of two concurrent edits one wins and the other gets
a conflict page with both versions side by side — never a silent overwrite. Every changed field leaves a `Change` in the same unit of work.

The review queue shows Proposals (imports, duplicate detection, documents, partners) with a diff per field:
approve, edit-then-approve, or reject with a reason. Partners update their entry through a personal,
expiring, single-organisation link (`/partner/<token>`, only the SHA-256 of the token is stored); what they
send becomes Proposals, "alles klopt" sets the verified date. The verification dashboard lists stale entries
and entries without contact or bereikbaarheid and sends "verzoek om controle" e-mails (SMTP) or gives mailto
links. Analysis: coverage kern × thema × niveau (table, chart, CSV), the network overview, and optional
demand statistics (theme ids, kern, ISO week; never text; off by default).

Call `record_demand(theme_ids, place_name)` after a match (public.search, professional.search, api.match) to
count demand when KAART_DEMAND_STATS is on; it ignores everything but theme ids and a known kern.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import logging
import re
import secrets
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from markupsafe import Markup, escape

from graph import beheer as gb
from graph.errors import ConflictError, GraphError
from graph.models import Location, Member, Netwerk, Organisation, Phone, Service
from graph.proposals import (
    MODELS,
    ChangeRepository,
    FieldDiff,
    Proposal,
    ProposalRepository,
    apply_proposal,
    jsonable,
    proposal_id,
    repository_for,
)
from graph.repositories import (
    KernRepository,
    LocationRepository,
    NetwerkRepository,
    OrganisationRepository,
    PhoneRepository,
    ServiceRepository,
)
from graph.views import ALL_STATUSES, NIVEAUS, Views
from webapp import accounts as acc
from webapp import mail
from webapp.audience import audience
from webapp.db import get_store

log = logging.getLogger(__name__)

bp = Blueprint("beheer", __name__, url_prefix="/beheer")
partner_bp = Blueprint("partner", __name__, url_prefix="/partner")

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
    "active": "Actief",
    "inactive": "Niet actief",
    "defunct": "Gestopt",
    "temporarily closed": "Tijdelijk gesloten",
    "archived": "Gearchiveerd",
}
TOEGANG = (
    ("vrij-toegankelijk", "Vrij toegankelijk"),
    ("verwijzing", "Met verwijzing"),
    ("beschikking", "Met beschikking van de gemeente"),
)
PHONE_TYPES = (
    ("voice", "Telefoon"),
    ("cell", "Mobiel"),
    ("text", "Sms"),
    ("fax", "Fax"),
    ("video", "Beeldbellen"),
    ("textphone", "Teksttelefoon"),
)
MEMBER_STATUS = (("huidig", "Huidig lid"), ("voorgesteld", "Voorgesteld"))
KIND_B1 = {"update": "Wijziging", "create": "Nieuw", "merge": "Mogelijk dubbel", "member": "Netwerklid"}
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
TOKEN_PATTERN = re.compile(r"(/partner/)[A-Za-z0-9_-]{16,}")


# --- field specifications ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class F:
    name: str
    label: str
    kind: str = "text"  # text textarea email url int float date bool select postcode hours
    required: bool = False
    help: str | None = None
    options: str | None = None  # key in the options mapping for a select
    maxlen: int = 300


ORG_FIELDS = (
    F("name", "Naam", required=True),
    F("alternate_name", "Andere naam of afkorting"),
    F("description", "Omschrijving", "textarea", maxlen=MAX_FIELD),
    F("kind", "Soort organisatie", "select", options="kinds"),
    F("email", "E-mailadres", "email", help="Hier gaat ook het verzoek om controle heen."),
    F("website", "Website", "url"),
)
SERVICE_FIELDS = (
    F("name", "Naam van de dienst", required=True),
    F("alternate_name", "Andere naam"),
    F(
        "description",
        "Omschrijving",
        "textarea",
        maxlen=MAX_FIELD,
        help="In eenvoudige woorden (taalniveau B1).",
    ),
    F("niveau", "Niveau (hulpladder)", "select", options="niveaus"),
    F("toegang", "Toegang", "select", options="toegang"),
    F("status", "Status", "select", required=True, options="statuses"),
    F("url", "Webpagina", "url"),
    F("email", "E-mailadres", "email"),
    F("application_process", "Zo meldt u zich aan", "textarea", maxlen=MAX_FIELD),
    F("eligibility_description", "Voor wie", "textarea", maxlen=MAX_FIELD),
    F("fees_description", "Kosten", "textarea", maxlen=MAX_FIELD),
    F("wait_time", "Wachttijd", help="Bijvoorbeeld: 2 weken."),
    F("wait_time_date", "Wachttijd gemeten op", "date"),
    F("minimum_age", "Leeftijd vanaf", "int"),
    F("maximum_age", "Leeftijd tot en met", "int"),
    F(
        "opening_hours",
        "Openingstijden",
        "hours",
        help="Bijvoorbeeld: ma t/m vr 9.00 - 17.00 uur, of Mo-Fr 09:00-17:00, of 24/7.",
    ),
    F("available_24_7", "Dag en nacht bereikbaar (24/7)", "bool"),
    F("assured_date", "Laatst gecontroleerd op", "date"),
)
LOCATION_FIELDS = (
    F("name", "Naam van de locatie"),
    F("description", "Omschrijving", "textarea", maxlen=MAX_FIELD),
    F("address_1", "Straat en huisnummer"),
    F("postal_code", "Postcode", "postcode"),
    F("city", "Plaats"),
    F("kern", "Kern", "select", options="kernen"),
    F("latitude", "Breedtegraad", "float", help="Leeg laten: dan gebruiken we het midden van de kern."),
    F("longitude", "Lengtegraad", "float"),
    F("approximate", "Plek is benaderd (midden van de kern)", "bool"),
    F("confidential", "Geheim adres (nooit op de kaart, bijvoorbeeld opvang)", "bool"),
)
PHONE_FIELDS = (
    F("number", "Telefoonnummer", required=True, maxlen=40),
    F("type", "Soort", "select", options="phone_types"),
    F("description", "Toelichting", help="Bijvoorbeeld: bereikbaar op werkdagen van 9 tot 12 uur."),
    F("professional_only", "Alleen voor professionals (nooit op de openbare site)", "bool"),
)
NETWERK_FIELDS = (
    F("name", "Naam van het netwerk", required=True),
    F("description", "Omschrijving", "textarea", maxlen=MAX_FIELD),
    F("source", "Bron", help="Waar staat dit netwerk beschreven?"),
)
FIELDS = {
    "Organisation": ORG_FIELDS,
    "Service": SERVICE_FIELDS,
    "Location": LOCATION_FIELDS,
    "Phone": PHONE_FIELDS,
    "Netwerk": NETWERK_FIELDS,
}
EXTRA_LABELS = {
    "themes": "Thema's",
    "suggested_themes": "Voorgestelde thema's",
    "doelgroepen": "Doelgroepen",
    "location_ids": "Locaties",
    "kernen": "Kernen",
    "scales_up_to": "Opschalen naar",
    "organization_id": "Organisatie",
    "members": "Leden",
    "service_id": "Dienst",
    "location_id": "Locatie",
    "status": "Status",
    "record": "Record",
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
    "opening_hours",
    "status",
)

_POSTCODE = re.compile(r"^\s*(\d{4})\s?([A-Za-z]{2})\s*$")
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")


def label_of(entity_type: str, field: str) -> str:
    for f in FIELDS.get(entity_type, ()):
        if f.name == field:
            return f.label
    return EXTRA_LABELS.get(field, field)


def _clean_text(value: str | None, maxlen: int) -> str:
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
        raw = _clean_text(form.get(key), f.maxlen)
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
    if f.kind == "email":
        if not _EMAIL.match(raw) or len(raw) > 254:
            raise ValueError(f"{f.label}: dit is geen geldig e-mailadres.")
        return raw
    if f.kind == "url":
        scheme = re.match(r"^([a-z][a-z0-9+.-]*):(?!\d)", raw, re.IGNORECASE)
        if scheme and scheme.group(1).lower() not in ("http", "https"):
            raise ValueError(f"{f.label}: dit is geen geldig webadres (begin met https://).")
        text = raw if "://" in raw else "https://" + raw
        if not re.match(r"^https?://[^\s/$.?#][^\s<>\"']*$", text, re.IGNORECASE):
            raise ValueError(f"{f.label}: dit is geen geldig webadres (begin met https://).")
        return text
    if f.kind == "postcode":
        m = _POSTCODE.match(raw)
        if not m:
            raise ValueError(f"{f.label}: vul een postcode in zoals 7121 AB.")
        return f"{m.group(1)} {m.group(2).upper()}"
    if f.kind == "hours":
        from ingest.hours import normalise

        try:
            return normalise(raw)
        except Exception:  # noqa: BLE001 - any parse problem is a user error here
            raise ValueError(
                f"{f.label}: dit kunnen we niet lezen. Schrijf bijvoorbeeld: ma t/m vr 9.00 - 17.00 uur."
            ) from None
    if f.kind == "select":
        allowed = {v for v, _ in _options().get(f.options or "", ())}
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


# --- helpers ----------------------------------------------------------------------------------------------


def _store():
    return get_store()


def _who() -> str:
    cur = acc.current()
    return cur.account.email if cur else "onbekend"


def _today() -> str:
    from webapp.site import now_local

    return now_local().date().isoformat()


def _stale_cutoff() -> str:
    days = int(current_app.config.get("STALE_AFTER_DAYS") or 183)
    return (date.fromisoformat(_today()) - timedelta(days=days)).isoformat()


def _new_id(prefix: str, name: str | None) -> str:
    from ingest.hsds import slug

    base = slug(name or prefix)[:40].strip("-") or prefix
    return f"{prefix}-{base}-{uuid.uuid4().hex[:6]}"


def _version(form: Mapping[str, Any]) -> int:
    try:
        return int(form.get("versie", ""))
    except ValueError:
        abort(400)


def _ontology():
    try:
        from ontology import load_ontology

        return load_ontology()
    except Exception:  # noqa: BLE001 - vocabularies are a convenience; the forms work without them
        return None


def _kern_options() -> list[tuple[str, str, bool]]:
    """Kernen to choose from: those in the graph plus the woonplaatsen of the same gemeenten (gazetteer)."""
    graph_kernen = KernRepository(_store()).all(limit=10_000)
    out = {k.id: (k.id, k.name, True) for k in graph_kernen}
    gemeenten = {k.gemeente for k in graph_kernen if k.gemeente}
    if gemeenten:
        from ingest.hsds import slug
        from ontology import load_gazetteer

        for p in load_gazetteer():
            if p.gemeente in gemeenten:
                kid = f"kern-{slug(p.name)}"
                out.setdefault(kid, (kid, p.name, False))
    return sorted(out.values(), key=lambda k: k[1].lower())


def _ensure_kernen(ids: Iterable[str]) -> None:
    """Kernen chosen from the gazetteer become Kern nodes (a vocabulary, not an entry: no audit)."""
    missing = [i for i in ids if i]
    if not missing:
        return
    repo = KernRepository(_store())
    have = {k.id for k in repo.get_many(missing)}
    missing = [i for i in missing if i not in have]
    if not missing:
        return
    from ingest.hsds import kern_for, slug
    from ontology import load_gazetteer

    places = {f"kern-{slug(p.name)}": p for p in load_gazetteer()}
    new = [kern_for(places[i]) for i in missing if i in places]
    if new:
        repo.upsert(new)


def _form_page(title: str, spec: Any, values: dict[str, Any], errors: dict[str, str], **page: Any):
    """The generic edit form (beheer/form.html) for any entry, 400 when the submitted values had errors."""
    return render_template(
        "beheer/form.html", title=title, spec=spec, values=values, errors=errors, options=_options(), **page
    ), (400 if errors else 200)


def _new_record_page(spec: Any, make: Any, *, title: str, done: str, detail: str, back: str):
    """Create an entry from the generic form: validate, write it with its audit, then show it."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    if request.method == "POST":
        values, errors = parse_fields(spec, request.form)
        if not errors:
            record = make(values)
            gb.create_record(_store(), type(record).__name__, record, _who())
            flash(done, "ok")
            return redirect(url_for(detail, id=record.id))
    return _form_page(title, spec, values, errors, action=request.path, version=None, back=back)


def _options() -> dict[str, list[tuple[str, str]]]:
    """Choices for the select fields of this request."""
    from flask import g

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
        "kernen": [(k[0], k[1]) for k in _kern_options()],
        "member_status": list(MEMBER_STATUS),
    }
    g.beheer_options = opts
    return opts


def _theme_tree(themes: Mapping[str, Any]) -> list[tuple[Any, int]]:
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


def _conflict(entity_type: str, mine: Any, current: Any, version: int | None, back: str, resubmit: str):
    """The conflict page: the user's version and the version in the kaart now, side by side."""
    rows = []
    for f in dataclasses.fields(current):
        if f.name == "id":
            continue
        a, b = jsonable(getattr(mine, f.name)), jsonable(getattr(current, f.name))
        rows.append((label_of(entity_type, f.name), show(a), show(b), a != b))
    meta = gb.current_version(_store(), entity_type, current.id)
    recent = [c for c in ChangeRepository(_store()).for_entity(entity_type, current.id, limit=20)]
    hidden = [
        (k, v) for k in request.form for v in request.form.getlist(k) if k not in ("csrf_token", "versie")
    ]
    return (
        render_template(
            "beheer/conflict.html",
            rows=rows,
            entity_type=entity_type,
            name=getattr(current, "name", None) or getattr(current, "number", None) or current.id,
            back=back,
            resubmit=resubmit,
            hidden=hidden,
            version=meta if meta is not None else version,
            recent=recent,
        ),
        409,
    )


def _save(entity_type: str, before: Any, after: Any, version: int, back: str, resubmit: str):
    """Write an edit of an existing record; None on success, else the conflict page response."""
    if after == before:
        flash("Er was niets veranderd.", "info")
        return None
    try:
        gb.save_edit(_store(), entity_type, after, _who(), version)
    except ConflictError:
        current = repository_for(_store(), entity_type).get(after.id)
        if current is None:
            abort(404)
        return _conflict(entity_type, after, current, version, back, resubmit)
    flash("Opgeslagen.", "ok")
    return None


def _get_or_404(entity_type: str, id: str) -> tuple[Any, int]:
    repo = repository_for(_store(), entity_type)
    record = repo.get(id)
    if record is None:
        abort(404)
    meta = repo.meta(id) or {}
    return record, int(meta.get("version") or 0)


def _form_values(record: Any, spec: Sequence[F]) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in spec}


def _retry_edit(entity_type: str, id: str, change, note: str | None = None, attempts: int = 3) -> bool:
    """An edit that is not based on a form (archive cascade, merge): re-read and retry on a conflict."""
    repo = repository_for(_store(), entity_type)
    for _ in range(attempts):
        record = repo.get(id)
        if record is None:
            return False
        new = change(record)
        if new == record:
            return True
        version = int((repo.meta(id) or {}).get("version") or 0)
        try:
            gb.save_edit(_store(), entity_type, new, _who(), version, note=note)
            return True
        except ConflictError:
            time.sleep(0.05)
    return False


@bp.after_request
def _no_store(resp: Response) -> Response:
    if request.endpoint != "beheer.stylesheet":
        resp.headers["Cache-Control"] = "no-store"
    return resp


@bp.app_template_filter("toon")
def _show_filter(value: Any) -> str:
    return show(value)


# --- stylesheet -------------------------------------------------------------------------------------------


@bp.get("/stijl.css")
@audience("public")
def stylesheet():
    """Layout of the beheer and partner pages (CSP: stylesheets from this site only, no inline styles)."""
    resp = Response(render_template("beheer/beheer.css"), mimetype="text/css")
    resp.headers["Cache-Control"] = "public, max-age=3600"
    return resp


# --- dashboard --------------------------------------------------------------------------------------------


@bp.get("/")
@audience("coordinator")
def dashboard():
    store = _store()
    checks = gb.service_checks(store)
    cutoff = _stale_cutoff()
    links = gb.PartnerLinkRepository(store).all(limit=500)
    return render_template(
        "beheer/dashboard.html",
        pending=ProposalRepository(store).count(),
        stale=sum(1 for c in checks if c.stale(cutoff)),
        no_contact=sum(1 for c in checks if not c.has_contact),
        no_hours=sum(1 for c in checks if not c.has_bereikbaarheid),
        active_services=len(checks),
        active_links=sum(1 for link in links if link.usable()),
        recent=ChangeRepository(store).recent(12),
        names=_names_for_changes(ChangeRepository(store).recent(12)),
    )


def _names_for_changes(changes: Sequence[Any]) -> dict[tuple[str, str], str]:
    by_type: dict[str, set[str]] = {}
    for c in changes:
        by_type.setdefault(c.entity, set()).add(c.entity_id)
    return _names(by_type)


def _names(by_type: Mapping[str, Iterable[str]]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for etype, ids in by_type.items():
        if etype not in FIELDS:
            continue
        for r in repository_for(_store(), etype).get_many(sorted(set(ids))):
            out[(etype, r.id)] = getattr(r, "name", None) or getattr(r, "number", None) or r.id
    return out


# --- organisations ----------------------------------------------------------------------------------------


@bp.get("/organisaties")
@audience("coordinator")
def organisations():
    q = (request.args.get("q") or "").strip()[:100]
    status = request.args.get("status")
    status = status if status in ("active", "archived") else None
    rows = gb.organisation_rows(_store(), q or None, status)
    return render_template("beheer/organisations.html", rows=rows, q=q, status=status, cutoff=_stale_cutoff())


@bp.route("/organisaties/nieuw", methods=["GET", "POST"])
@audience("coordinator")
def organisation_new():
    return _new_record_page(
        ORG_FIELDS,
        lambda values: Organisation(id=_new_id("org", values["name"]), **values),
        title="Nieuwe organisatie",
        done="De organisatie is toegevoegd.",
        detail="beheer.organisation",
        back=url_for("beheer.organisations"),
    )


@bp.route("/organisatie/<id>", methods=["GET", "POST"])
@audience("coordinator")
def organisation(id: str):
    org, version = _get_or_404("Organisation", id)
    errors: dict[str, str] = {}
    values = _form_values(org, ORG_FIELDS)
    if request.method == "POST":
        values, errors = parse_fields(ORG_FIELDS, request.form)
        if not errors:
            after = dataclasses.replace(org, **values)
            here = url_for("beheer.organisation", id=id)
            conflict = _save("Organisation", org, after, _version(request.form), here, here)
            if conflict is not None:
                return conflict
            return redirect(here)
    store = _store()
    nb = OrganisationRepository(store).neighbourhood(id)
    all_services = ServiceRepository(store).get_many(gb.organisation_service_ids(store, id))
    networks = NetwerkRepository(store).all(limit=1000)
    return render_template(
        "beheer/organisation.html",
        org=org,
        version=version,
        spec=ORG_FIELDS,
        values=values,
        errors=errors,
        options=_options(),
        services=all_services,
        locations=LocationRepository(store).get_many(gb.organisation_location_ids(store, id)),
        phones=PhoneRepository(store).get_many(gb.phone_ids(store, "organisation", id)),
        memberships=nb.networks if nb else (),
        networks=sorted(networks, key=lambda n: n.name.lower()),
        links=gb.PartnerLinkRepository(store).for_organisation(id),
        proposals=ProposalRepository(store).for_entity("Organisation", id),
        cutoff=_stale_cutoff(),
        link_days=int(current_app.config.get("PARTNER_LINK_DAYS") or 30),
        now=acc.now_iso(),
    ), (400 if errors else 200)


@bp.route("/organisatie/<id>/archiveren", methods=["GET", "POST"])
@audience("coordinator")
def organisation_archive(id: str):
    if request.method == "GET":
        return redirect(url_for("beheer.organisation", id=id) + "#archief")
    org, _ = _get_or_404("Organisation", id)
    restore = request.form.get("actie") == "terugzetten"
    after = dataclasses.replace(org, status="active" if restore else "archived")
    here = url_for("beheer.organisation", id=id)
    conflict = _save("Organisation", org, after, _version(request.form), here, here)
    if conflict is not None:
        return conflict
    if not restore:
        # The organisation's services leave the kaart with it: active ones become inactive (each audited).
        store = _store()
        for sid in gb.organisation_service_ids(store, id):
            _retry_edit(
                "Service",
                sid,
                lambda s: dataclasses.replace(s, status="inactive") if s.status == "active" else s,
                note="organisatie gearchiveerd",
            )
        flash("De organisatie is gearchiveerd. Haar actieve diensten staan nu op 'niet actief'.", "ok")
    else:
        flash("De organisatie is teruggezet. Zet haar diensten zelf weer op actief als dat klopt.", "ok")
    return redirect(here)


@bp.route("/organisatie/<id>/netwerk", methods=["GET", "POST"])
@audience("coordinator")
def organisation_network(id: str):
    if request.method == "GET":
        return redirect(url_for("beheer.organisation", id=id) + "#netwerken")
    _get_or_404("Organisation", id)
    net_id = request.form.get("netwerk") or ""
    rol = _clean_text(request.form.get("rol"), 200) or None
    status = request.form.get("status") if request.form.get("status") in dict(MEMBER_STATUS) else "huidig"
    net, version = _get_or_404("Netwerk", net_id)
    member = Member(organisation_id=id, rol=rol, status=status)
    if any(m.organisation_id == id and m.rol == rol for m in net.members):
        flash("Deze organisatie is al lid met deze rol.", "info")
        return redirect(url_for("beheer.organisation", id=id))
    after = dataclasses.replace(net, members=(*net.members, member))
    here = url_for("beheer.organisation", id=id)
    conflict = _save("Netwerk", net, after, version, here, url_for("beheer.network", id=net_id))
    return conflict if conflict is not None else redirect(here)


# --- services ---------------------------------------------------------------------------------------------


def _service_form(values, errors, *, action, version, back, org, service=None, title="", status=200):
    store = _store()
    views = Views(store)
    themes = views.themes(statuses=ALL_STATUSES)
    loc_ids = set(gb.organisation_location_ids(store, org.id))
    if service is not None:
        loc_ids |= set(service.location_ids)
    if request.method == "POST":  # a form with errors keeps what was ticked
        f = request.form
        chosen = {
            "themes": f.getlist("thema"),
            "doelgroepen": f.getlist("doelgroep"),
            "location_ids": f.getlist("locatie"),
            "kernen": f.getlist("kern"),
            "scales_up_to": f.getlist("opschalen"),
        }
    else:
        chosen = {
            k: list(getattr(service, k)) if service else []
            for k in ("themes", "doelgroepen", "location_ids", "kernen", "scales_up_to")
        }
    return (
        render_template(
            "beheer/service.html",
            title=title,
            org=org,
            service=service,
            spec=SERVICE_FIELDS,
            values=values,
            errors=errors,
            options=_options(),
            action=action,
            version=version,
            back=back,
            theme_tree=_theme_tree(themes),
            themes=themes,
            doelgroepen=views.doelgroepen(),
            locations=LocationRepository(store).get_many(sorted(loc_ids)),
            kernen=_kern_options(),
            service_options=[o for o in gb.service_options(store) if service is None or o[0] != service.id],
            phones=PhoneRepository(store).get_many(gb.phone_ids(store, "service", service.id))
            if service
            else [],
            proposals=ProposalRepository(store).for_entity("Service", service.id) if service else [],
            chosen=chosen,
        ),
        status,
    )


def _service_relations(form: Mapping[str, Any], service: Service | None) -> dict[str, Any]:
    """Themes (confirmed, and what happens to each suggestion), doelgroepen, locations, kernen, opschalen."""
    themes = set(form.getlist("thema"))
    suggested = list(service.suggested_themes) if service else []
    keep_suggested = []
    for t in suggested:
        choice = form.get(f"suggestie-{t}")
        if choice == "overnemen":
            themes.add(t)
        elif choice == "afwijzen":
            continue
        else:
            keep_suggested.append(t)
    kernen = sorted(set(form.getlist("kern")))
    _ensure_kernen(kernen)
    return {
        "themes": tuple(sorted(themes)),
        "suggested_themes": tuple(sorted(t for t in keep_suggested if t not in themes)),
        "doelgroepen": tuple(sorted(set(form.getlist("doelgroep")))),
        "location_ids": tuple(sorted(set(form.getlist("locatie")))),
        "kernen": tuple(kernen),
        "scales_up_to": tuple(sorted(set(form.getlist("opschalen")))),
    }


@bp.route("/organisatie/<org_id>/dienst/nieuw", methods=["GET", "POST"])
@audience("coordinator")
def service_new(org_id: str):
    org, _ = _get_or_404("Organisation", org_id)
    values: dict[str, Any] = {"status": "active"}
    errors: dict[str, str] = {}
    action = url_for("beheer.service_new", org_id=org_id)
    back = url_for("beheer.organisation", id=org_id)
    if request.method == "POST":
        values, errors = parse_fields(SERVICE_FIELDS, request.form)
        if not errors:
            rel = _service_relations(request.form, None)
            values["available_24_7"] = bool(values.get("available_24_7"))
            svc = Service(id=_new_id("svc", values["name"]), organization_id=org_id, **values, **rel)
            gb.create_record(_store(), "Service", svc, _who())
            flash("De dienst is toegevoegd.", "ok")
            return redirect(url_for("beheer.service", id=svc.id))
    return _service_form(
        values,
        errors,
        action=action,
        version=None,
        back=back,
        org=org,
        title="Nieuwe dienst",
        status=400 if errors else 200,
    )


@bp.route("/dienst/<id>", methods=["GET", "POST"])
@audience("coordinator")
def service(id: str):
    svc, version = _get_or_404("Service", id)
    org = OrganisationRepository(_store()).get(svc.organization_id) or Organisation(
        id=svc.organization_id, name=svc.organization_id
    )
    values = _form_values(svc, SERVICE_FIELDS)
    errors: dict[str, str] = {}
    here = url_for("beheer.service", id=id)
    if request.method == "POST":
        values, errors = parse_fields(SERVICE_FIELDS, request.form)
        if not errors:
            values["available_24_7"] = bool(values.get("available_24_7"))
            after = dataclasses.replace(svc, **values, **_service_relations(request.form, svc))
            conflict = _save("Service", svc, after, _version(request.form), here, here)
            if conflict is not None:
                return conflict
            return redirect(here)
    return _service_form(
        values,
        errors,
        action=here,
        version=version,
        back=url_for("beheer.organisation", id=org.id),
        org=org,
        service=svc,
        title=svc.name,
        status=400 if errors else 200,
    )


@bp.route("/dienst/<id>/gecontroleerd", methods=["GET", "POST"])
@audience("coordinator")
def service_verified(id: str):
    if request.method == "GET":
        return redirect(url_for("beheer.service", id=id))
    _get_or_404("Service", id)
    gb.confirm_services(_store(), [id], _who(), _today(), ref="gecontroleerd door coördinator")
    flash("De dienst staat nu als gecontroleerd op vandaag.", "ok")
    return redirect(
        request.form.get("terug")
        if acc.safe_next(request.form.get("terug"))
        else url_for("beheer.service", id=id)
    )


# --- locations ----------------------------------------------------------------------------------------------


def _location_values(values: dict[str, Any]) -> dict[str, Any]:
    """Without coordinates, a location in a known kern is placed at the kern centre (marked approximate)."""
    if values.get("kern"):
        _ensure_kernen([values["kern"]])
    if values.get("latitude") is None and values.get("longitude") is None and values.get("kern"):
        kern = KernRepository(_store()).get(values["kern"])
        if kern is not None and kern.latitude is not None:
            values["latitude"], values["longitude"] = kern.latitude, kern.longitude
            values["approximate"] = True
    if (values.get("latitude") is None) != (values.get("longitude") is None):
        values["latitude"] = values["longitude"] = None
    values["approximate"] = bool(values.get("approximate"))
    values["confidential"] = bool(values.get("confidential"))
    return values


@bp.route("/organisatie/<org_id>/locatie/nieuw", methods=["GET", "POST"])
@audience("coordinator")
def location_new(org_id: str):
    org, _ = _get_or_404("Organisation", org_id)
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    if request.method == "POST":
        values, errors = parse_fields(LOCATION_FIELDS, request.form)
        if not errors:
            loc = Location(
                id=_new_id("loc", values.get("name") or org.name),
                organization_id=org_id,
                **_location_values(values),
            )
            gb.create_record(_store(), "Location", loc, _who())
            flash("De locatie is toegevoegd.", "ok")
            return redirect(url_for("beheer.organisation", id=org_id))
    return _form_page(
        f"Nieuwe locatie van {org.name}",
        LOCATION_FIELDS,
        values,
        errors,
        action=url_for("beheer.location_new", org_id=org_id),
        version=None,
        back=url_for("beheer.organisation", id=org_id),
    )


@bp.route("/locatie/<id>", methods=["GET", "POST"])
@audience("coordinator")
def location(id: str):
    loc, version = _get_or_404("Location", id)
    values = _form_values(loc, LOCATION_FIELDS)
    errors: dict[str, str] = {}
    here = url_for("beheer.location", id=id)
    back = (
        url_for("beheer.organisation", id=loc.organization_id)
        if loc.organization_id
        else url_for("beheer.organisations")
    )
    if request.method == "POST":
        values, errors = parse_fields(LOCATION_FIELDS, request.form)
        if not errors:
            after = dataclasses.replace(loc, **_location_values(values))
            conflict = _save("Location", loc, after, _version(request.form), here, here)
            if conflict is not None:
                return conflict
            return redirect(here)
    store = _store()
    return _form_page(
        f"Locatie: {loc.name or loc.id}",
        LOCATION_FIELDS,
        values,
        errors,
        action=here,
        version=version,
        back=back,
        record=loc,
        entity_slug="locatie",
        delete_url=url_for("beheer.location_delete", id=id),
        used_by=gb.services_at(store, id),
        phones=PhoneRepository(store).get_many(gb.phone_ids(store, "location", id)),
        phone_owner=("locatie", id),
    )


@bp.route("/locatie/<id>/verwijderen", methods=["GET", "POST"])
@audience("coordinator")
def location_delete(id: str):
    if request.method == "GET":
        return redirect(url_for("beheer.location", id=id))
    loc, _ = _get_or_404("Location", id)
    back = (
        url_for("beheer.organisation", id=loc.organization_id)
        if loc.organization_id
        else url_for("beheer.organisations")
    )
    if gb.services_at(_store(), id):
        flash("Deze locatie wordt nog door diensten gebruikt. Haal haar eerst bij die diensten weg.", "fout")
        return redirect(url_for("beheer.location", id=id))
    try:
        gb.delete_record(_store(), "Location", id, _who(), _version(request.form))
    except ConflictError:
        flash("Iemand anders heeft deze locatie net veranderd. Bekijk haar opnieuw.", "fout")
        return redirect(url_for("beheer.location", id=id))
    flash("De locatie is verwijderd.", "ok")
    return redirect(back)


# --- phones (bereikbaarheid) --------------------------------------------------------------------------------

OWNER_KINDS = {"organisatie": "organisation", "dienst": "service", "locatie": "location"}


def _owner_back(kind: str, owner: str) -> str:
    return {
        "organisatie": url_for("beheer.organisation", id=owner),
        "dienst": url_for("beheer.service", id=owner),
        "locatie": url_for("beheer.location", id=owner),
    }[kind]


@bp.route("/telefoon/nieuw/<soort>/<eigenaar>", methods=["GET", "POST"])
@audience("coordinator")
def phone_new(soort: str, eigenaar: str):
    if soort not in OWNER_KINDS:
        abort(404)
    owner_type = {"organisatie": "Organisation", "dienst": "Service", "locatie": "Location"}[soort]
    owner, _ = _get_or_404(owner_type, eigenaar)
    values: dict[str, Any] = {"type": "voice"}
    errors: dict[str, str] = {}
    if request.method == "POST":
        values, errors = parse_fields(PHONE_FIELDS, request.form)
        if not errors:
            owner_field = {
                "organisatie": "organization_id",
                "dienst": "service_id",
                "locatie": "location_id",
            }[soort]
            phone = Phone(id=_new_id("phone", values["number"]), **values, **{owner_field: eigenaar})
            gb.create_record(_store(), "Phone", phone, _who())
            flash("Het telefoonnummer is toegevoegd.", "ok")
            return redirect(_owner_back(soort, eigenaar))
    name = getattr(owner, "name", None) or eigenaar
    return _form_page(
        f"Nieuw telefoonnummer voor {name}",
        PHONE_FIELDS,
        values,
        errors,
        action=url_for("beheer.phone_new", soort=soort, eigenaar=eigenaar),
        version=None,
        back=_owner_back(soort, eigenaar),
    )


def _phone_owner(phone: Phone) -> tuple[str, str]:
    if phone.service_id:
        return "dienst", phone.service_id
    if phone.location_id:
        return "locatie", phone.location_id
    return "organisatie", phone.organization_id or ""


@bp.route("/telefoon/<id>", methods=["GET", "POST"])
@audience("coordinator")
def phone(id: str):
    ph, version = _get_or_404("Phone", id)
    values = _form_values(ph, PHONE_FIELDS)
    errors: dict[str, str] = {}
    here = url_for("beheer.phone", id=id)
    kind, owner = _phone_owner(ph)
    back = _owner_back(kind, owner) if owner else url_for("beheer.dashboard")
    if request.method == "POST":
        values, errors = parse_fields(PHONE_FIELDS, request.form)
        if not errors:
            after = dataclasses.replace(ph, **values)
            conflict = _save("Phone", ph, after, _version(request.form), here, here)
            if conflict is not None:
                return conflict
            return redirect(back)
    return _form_page(
        f"Telefoonnummer {ph.number}",
        PHONE_FIELDS,
        values,
        errors,
        action=here,
        version=version,
        back=back,
        record=ph,
        entity_slug="telefoon",
        delete_url=url_for("beheer.phone_delete", id=id),
    )


@bp.route("/telefoon/<id>/verwijderen", methods=["GET", "POST"])
@audience("coordinator")
def phone_delete(id: str):
    if request.method == "GET":
        return redirect(url_for("beheer.phone", id=id))
    ph, _ = _get_or_404("Phone", id)
    kind, owner = _phone_owner(ph)
    try:
        gb.delete_record(_store(), "Phone", id, _who(), _version(request.form))
    except ConflictError:
        flash("Iemand anders heeft dit nummer net veranderd. Bekijk het opnieuw.", "fout")
        return redirect(url_for("beheer.phone", id=id))
    flash("Het telefoonnummer is verwijderd.", "ok")
    return redirect(_owner_back(kind, owner) if owner else url_for("beheer.dashboard"))


# --- networks -----------------------------------------------------------------------------------------------


@bp.get("/netwerken")
@audience("coordinator")
def networks():
    store = _store()
    return render_template(
        "beheer/networks.html",
        networks=gb.network_overview(store),
        untied=gb.organisations_without_network(store),
    )


@bp.route("/netwerken/nieuw", methods=["GET", "POST"])
@audience("coordinator")
def network_new():
    return _new_record_page(
        NETWERK_FIELDS,
        lambda values: Netwerk(id=_new_id("net", values["name"]), **values),
        title="Nieuw netwerk",
        done="Het netwerk is toegevoegd. Voeg nu de leden toe.",
        detail="beheer.network",
        back=url_for("beheer.networks"),
    )


@bp.route("/netwerk/<id>", methods=["GET", "POST"])
@audience("coordinator")
def network(id: str):
    net, version = _get_or_404("Netwerk", id)
    values = _form_values(net, NETWERK_FIELDS)
    errors: dict[str, str] = {}
    here = url_for("beheer.network", id=id)
    store = _store()
    orgs = gb.organisation_options(store)
    if request.method == "POST":
        values, errors = parse_fields(NETWERK_FIELDS, request.form)
        members = []
        for i, m in enumerate(net.members):
            if request.form.get(f"weg-{i}"):
                continue
            rol = _clean_text(request.form.get(f"rol-{i}"), 200) or None
            st = request.form.get(f"status-{i}")
            members.append(Member(m.organisation_id, rol, st if st in dict(MEMBER_STATUS) else m.status))
        new_org = request.form.get("nieuw-organisatie")
        if new_org:
            if new_org not in dict(orgs):
                errors["nieuw-organisatie"] = "Kies een organisatie uit de lijst."
            else:
                st = request.form.get("nieuw-status")
                members.append(
                    Member(
                        new_org,
                        _clean_text(request.form.get("nieuw-rol"), 200) or None,
                        st if st in dict(MEMBER_STATUS) else "huidig",
                    )
                )
        if not errors:
            unique = list({(m.organisation_id, m.rol): m for m in members}.values())
            after = dataclasses.replace(
                net, **values, members=tuple(sorted(unique, key=lambda m: (m.organisation_id, m.rol or "")))
            )
            conflict = _save("Netwerk", net, after, _version(request.form), here, here)
            if conflict is not None:
                return conflict
            return redirect(here)
    names = dict(orgs)
    return render_template(
        "beheer/network.html",
        net=net,
        version=version,
        spec=NETWERK_FIELDS,
        values=values,
        errors=errors,
        options=_options(),
        orgs=orgs,
        names=names,
    ), (400 if errors else 200)


# --- review queue -------------------------------------------------------------------------------------------


@bp.get("/voorstellen")
@audience("coordinator")
def proposals():
    status = request.args.get("status", "pending")
    status = status if status in ("pending", "approved", "rejected", "alle") else "pending"
    kind = request.args.get("soort")
    kind = kind if kind in KIND_B1 else None
    try:
        page = max(1, int(request.args.get("pagina", "1")))
    except ValueError:
        page = 1
    per = 50
    repo = ProposalRepository(_store())
    items = repo.list(None if status == "alle" else status, kind=kind, skip=(page - 1) * per, limit=per + 1)
    more = len(items) > per
    items = items[:per]
    by_type: dict[str, set[str]] = {}
    for p in items:
        by_type.setdefault(p.entity_type, set()).add(p.entity_id)
        if p.related_id:
            by_type[p.entity_type].add(p.related_id)
    return render_template(
        "beheer/proposals.html",
        items=items,
        names=_names(by_type),
        status=status,
        kind=kind,
        page=page,
        more=more,
        counts={s: repo.count(s) for s in ("pending", "approved", "rejected")},
    )


def _diff_digest(p: Proposal) -> str:
    blob = json.dumps([dataclasses.asdict(d) for d in p.diffs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _field_type(entity_type: str, field: str) -> str:
    model = MODELS.get(entity_type)
    for f in dataclasses.fields(model) if model else ():
        if f.name == field:
            return str(f.type)
    return "str | None"


def _edited_value(entity_type: str, d: FieldDiff, form: Mapping[str, Any], i: int) -> Any:
    """The value a coördinator typed over a proposed one, in the type of the field."""
    kind = _field_type(entity_type, d.field)
    if isinstance(d.new, dict):
        edited = dict(d.new)
        for k in d.new:
            if k != "organisation_id" and form.get(f"waarde-{i}-{k}") is not None:
                edited[k] = _clean_text(form.get(f"waarde-{i}-{k}"), 300) or None
        return edited
    raw = form.get(f"waarde-{i}")
    if raw is None:
        return d.new
    raw = _clean_text(raw, MAX_FIELD)
    if kind.startswith("tuple") or isinstance(d.new, list):
        return [x.strip() for x in re.split(r"[\n,]", raw) if x.strip()]
    if kind.startswith("bool"):
        return raw in ("ja", "1", "true")
    if kind.startswith("int"):
        return int(raw) if raw.lstrip("-").isdigit() else None
    if kind.startswith("float"):
        try:
            return float(raw.replace(",", "."))
        except ValueError:
            return None
    return raw or None


@bp.route("/voorstel/<id>", methods=["GET", "POST"])
@audience("coordinator")
def proposal(id: str):
    store = _store()
    repo = ProposalRepository(store)
    p = repo.get(id)
    if p is None:
        abort(404)
    error = None
    if request.method == "POST" and p.status == "pending":
        action = request.form.get("actie")
        note = _clean_text(request.form.get("toelichting"), 1000) or None
        if request.form.get("digest") != _diff_digest(p):
            error = "Dit voorstel is intussen aangepast. Bekijk het opnieuw."
        elif action == "afwijzen":
            if not note:
                error = "Schrijf op waarom u dit voorstel afwijst."
            else:
                try:
                    repo.reject(id, _who(), note=note)
                    flash("Het voorstel is afgewezen.", "ok")
                    return redirect(url_for("beheer.proposals"))
                except ConflictError:
                    error = "Iemand anders heeft dit voorstel al afgehandeld."
        elif action in ("goedkeuren", "aangepast"):
            try:
                if action == "aangepast" and p.kind != "merge":
                    diffs = tuple(
                        FieldDiff(d.field, d.old, _edited_value(p.entity_type, d, request.form, i))
                        for i, d in enumerate(p.diffs)
                    )
                    if diffs != p.diffs:
                        gb.amend_proposal(store, p, diffs, _who())
                        note = ("Aangepast goedgekeurd. " + (note or "")).strip()
                apply_proposal(store, id, _who(), note=note)
                if p.kind == "merge":
                    _fold_merge(p, request.form.get("blijft"))
                flash("Het voorstel is goedgekeurd en verwerkt.", "ok")
                return redirect(url_for("beheer.proposals"))
            except ConflictError:
                error = (
                    "Dit kon niet: het record is veranderd sinds het voorstel is gemaakt, of iemand anders "
                    "heeft het voorstel al afgehandeld. Bekijk de huidige gegevens en beslis opnieuw."
                )
            except (GraphError, TypeError, ValueError) as exc:
                log.warning("Voorstel %s niet verwerkt: %s", id, type(exc).__name__)
                error = f"Dit voorstel kan zo niet worden verwerkt: {exc}"
        else:
            abort(400)
        p = repo.get(id) or p
    elif request.method == "POST":
        error = "Dit voorstel is al afgehandeld."
    current = None
    related = None
    if p.entity_type in FIELDS:
        current = repository_for(_store(), p.entity_type).get(p.entity_id)
        if p.related_id:
            related = repository_for(_store(), p.entity_type).get(p.related_id)
    rows = []
    for i, d in enumerate(p.diffs):
        now = jsonable(getattr(current, d.field, None)) if current is not None else None
        rows.append(
            {
                "i": i,
                "field": d.field,
                "label": label_of(p.entity_type, d.field),
                "old": d.old,
                "new": d.new,
                "now": now,
                "changed_since": current is not None and p.kind == "update" and now != d.old,
                "type": _field_type(p.entity_type, d.field),
            }
        )
    names = {}
    if p.kind == "member":
        names = dict(gb.organisation_options(store))
    return render_template(
        "beheer/proposal.html",
        p=p,
        rows=rows,
        current=current,
        related=related,
        error=error,
        digest=_diff_digest(p),
        names=names,
        amendment=gb.proposal_amendment(store, p.id),
    ), (409 if error else 200)


def _fold_merge(p: Proposal, keep: str | None) -> None:
    """After a merge is approved: move the services, locations and phones of the duplicate organisation to the
    one that stays and archive the duplicate (each change audited). Without a choice both stay, linked."""
    if p.entity_type != "Organisation" or keep not in (p.entity_id, p.related_id) or not p.related_id:
        return
    gone = p.related_id if keep == p.entity_id else p.entity_id
    store = _store()
    for sid in gb.organisation_service_ids(store, gone):
        _retry_edit(
            "Service",
            sid,
            lambda s: dataclasses.replace(s, organization_id=keep),
            note=f"samengevoegd ({p.id})",
        )
    for lid in gb.organisation_location_ids(store, gone):
        _retry_edit(
            "Location",
            lid,
            lambda x: dataclasses.replace(x, organization_id=keep) if x.organization_id == gone else x,
            note=f"samengevoegd ({p.id})",
        )
    for pid in gb.phone_ids(store, "organisation", gone):
        _retry_edit(
            "Phone",
            pid,
            lambda x: dataclasses.replace(x, organization_id=keep),
            note=f"samengevoegd ({p.id})",
        )
    _retry_edit(
        "Organisation",
        gone,
        lambda o: dataclasses.replace(o, status="archived"),
        note=f"samengevoegd ({p.id})",
    )


# --- partner links (coördinator side) ---------------------------------------------------------------------


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, acc.digest(token)


def partner_url(token: str) -> str:
    base = (current_app.config.get("BASE_URL") or "").rstrip("/")
    path = url_for("partner.entry", token=token)
    return base + path if base else url_for("partner.entry", token=token, _external=True)


def _expiry(days: int) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).replace(microsecond=0).isoformat()


@bp.route("/organisatie/<id>/partnerlink", methods=["GET", "POST"])
@audience("coordinator")
def partner_link_new(id: str):
    if request.method == "GET":
        return redirect(url_for("beheer.organisation", id=id) + "#partnerlinks")
    org, _ = _get_or_404("Organisation", id)
    try:
        days = int(request.form.get("dagen") or current_app.config.get("PARTNER_LINK_DAYS") or 30)
    except ValueError:
        days = 30
    days = max(1, min(days, 90))
    email = _clean_text(request.form.get("email"), 254) or org.email or None
    if email and not _EMAIL.match(email):
        email = None
    token, digest = _new_token()
    link = gb.PartnerLinkRepository(_store()).create(id, digest, _who(), _expiry(days), email=email)
    url = partner_url(token)
    message = _partner_message(org, url, link.expires_at, to=email) if email else None
    return render_template(
        "beheer/link_created.html",
        org=org,
        link=link,
        url=url,
        mailto=mail.mailto(message) if message else None,
    )


@bp.get("/partnerlinks")
@audience("coordinator")
def partner_links():
    store = _store()
    links = gb.PartnerLinkRepository(store).all(limit=500)
    names = dict(gb.organisation_options(store))
    return render_template("beheer/links.html", links=links, names=names, now=acc.now_iso())


@bp.route("/partnerlink/<id>/intrekken", methods=["GET", "POST"])
@audience("coordinator")
def partner_link_revoke(id: str):
    if request.method == "GET":
        return redirect(url_for("beheer.partner_links"))
    repo = gb.PartnerLinkRepository(_store())
    link = repo.get(id)
    if link is None:
        abort(404)
    if repo.revoke(id, _who()):
        flash("De link is ingetrokken. Hij werkt niet meer.", "ok")
    else:
        flash("Deze link was al ingetrokken.", "info")
    back = request.form.get("terug")
    return redirect(back if acc.safe_next(back) else url_for("beheer.partner_links"))


def _partner_message(org: Organisation, url: str, expires_at: str, to: str | None = None) -> mail.Message:
    from webapp.site import datum

    body = (
        f"Beste medewerker van {org.name},\n\n"
        "Uw organisatie staat in de sociale kaart van de gemeente. Professionals en inwoners zoeken daarin "
        "naar hulp. Daarom willen we graag dat de gegevens kloppen.\n\n"
        "Wilt u uw gegevens bekijken? Dat kan met deze persoonlijke link. U heeft geen account nodig:\n\n"
        f"{url}\n\n"
        "Klopt alles? Klik dan op 'Alles klopt'. Is er iets veranderd? Pas het aan en verstuur het. "
        "Een coördinator van de gemeente kijkt uw wijzigingen na.\n\n"
        f"De link werkt tot en met {datum(expires_at)}. Stuur deze e-mail niet door: de link is alleen voor "
        "uw organisatie.\n\n"
        "Met vriendelijke groet,\nDe coördinatoren van de sociale kaart"
    )
    return mail.Message(
        to=to or org.email or "", subject=f"Verzoek om controle: {org.name} in de sociale kaart", body=body
    )


# --- verification -------------------------------------------------------------------------------------------


@bp.get("/controle")
@audience("coordinator")
def verification():
    store = _store()
    checks = gb.service_checks(store)
    cutoff = _stale_cutoff()
    stale = [c for c in checks if c.stale(cutoff)]
    by_org: dict[str, list[gb.ServiceCheck]] = {}
    for c in stale:
        by_org.setdefault(c.organization_id, []).append(c)
    return render_template(
        "beheer/verification.html",
        stale_orgs=sorted(by_org.items(), key=lambda kv: kv[1][0].organization_name.lower()),
        no_contact=[c for c in checks if not c.has_contact],
        no_hours=[c for c in checks if not c.has_bereikbaarheid],
        cutoff=cutoff,
        days=int(current_app.config.get("STALE_AFTER_DAYS") or 183),
        smtp=mail.smtp_configured(current_app.config),
    )


@bp.route("/controle/verzoek", methods=["GET", "POST"])
@audience("coordinator")
def verification_request():
    if request.method == "GET":
        return verification()  # an action URL opened in the browser: show the page it belongs to
    store = _store()
    ids = list(dict.fromkeys(request.form.getlist("organisatie")))[:200]
    orgs = OrganisationRepository(store).get_many(ids)
    days = int(current_app.config.get("PARTNER_LINK_DAYS") or 30)
    repo = gb.PartnerLinkRepository(store)
    prepared = []  # (org, message or None, url)
    for org in orgs:
        token, digest = _new_token()
        link = repo.create(org.id, digest, _who(), _expiry(days), email=org.email, purpose="controle")
        url = partner_url(token)
        prepared.append((org, _partner_message(org, url, link.expires_at) if org.email else None, url))
    smtp = mail.smtp_configured(current_app.config)
    outcomes: dict[str, mail.Outcome] = {}
    if smtp:
        sendable = [m for _, m, _ in prepared if m is not None]
        for o in mail.send(current_app.config, sendable):
            outcomes[o.message.to + "|" + o.message.subject] = o
    rows = []
    for org, message, url in prepared:
        outcome = outcomes.get(message.to + "|" + message.subject) if message else None
        rows.append(
            {
                "org": org,
                "message": message,
                "url": url,
                "mailto": mail.mailto(message) if message else None,
                "outcome": outcome,
            }
        )
    return render_template("beheer/requests.html", rows=rows, smtp=smtp)


# --- history and audit export -------------------------------------------------------------------------------


@bp.get("/historie")
@audience("coordinator")
def history_recent():
    changes = ChangeRepository(_store()).recent(200)
    return render_template(
        "beheer/history.html",
        changes=changes,
        names=_names_for_changes(changes),
        title="Laatste wijzigingen",
        entity=None,
    )


@bp.get("/historie/<soort>/<id>")
@audience("coordinator")
def history(soort: str, id: str):
    etype = ENTITY_SLUG.get(soort)
    if etype is None:
        abort(404)
    store = _store()
    changes = ChangeRepository(store).for_entity(etype, id, limit=1000)
    record = repository_for(_store(), etype).get(id)
    if record is None and not changes:
        abort(404)
    name = (getattr(record, "name", None) or getattr(record, "number", None) or id) if record else id
    return render_template(
        "beheer/history.html",
        changes=changes,
        names={},
        title=f"Geschiedenis: {name}",
        entity=(soort, id, etype),
        proposals=ProposalRepository(store).for_entity(etype, id),
        links=gb.PartnerLinkRepository(store).for_organisation(id) if etype == "Organisation" else [],
    )


def _csv_cell(value: str) -> str:
    """Keep a spreadsheet from reading a cell as a formula (CSV injection); phone numbers stay as they are."""
    if value and (
        value[0] in "=@\t\r"
        or (value[0] in "+-" and len(value) > 1 and not value[1].isdigit() and value[1] != " ")
    ):
        return "'" + value
    return value


def _metadata_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def metadata_rows(changes: Iterable[Any]) -> list[dict[str, str]]:
    """Audit `Change`s as HSDS 3.0 `metadata` rows (columns as in the HSDS examples)."""
    rows = []
    for c in changes:
        action = ("create" if c.new == gb.CREATED else "delete") if c.field == gb.RECORD_FIELD else "update"
        hexpart = c.id.removeprefix("chg-")
        try:
            mid = str(uuid.UUID(hex=hexpart))
        except ValueError:  # other id shapes: a stable UUID derived from the id (HSDS asks for UUIDs)
            mid = str(uuid.uuid5(uuid.NAMESPACE_URL, "kaart:change:" + c.id))
        rows.append(
            {
                "id": mid,
                "resource_id": c.entity_id,
                "resource_type": HSDS_RESOURCE.get(c.entity, c.entity.lower()),
                "last_action_date": (c.when or "")[:10],
                "last_action_type": action,
                "field_name": c.field,
                "previous_value": _metadata_value(c.old),
                "replacement_value": _metadata_value(c.new),
                "updated_by": c.who
                + (f" ({SOURCE_B1.get(c.source, c.source).lower()})" if c.source != "edit" else ""),
            }
        )
    return rows


@bp.get("/historie.csv")
@audience("coordinator")
def history_csv():
    soort = request.args.get("soort")
    rid = request.args.get("id")
    repo = ChangeRepository(_store())
    if soort and rid:
        etype = ENTITY_SLUG.get(soort)
        if etype is None:
            abort(404)
        changes = repo.for_entity(etype, rid, limit=100_000)
        name = f"metadata-{soort}-{re.sub(r'[^A-Za-z0-9_-]', '', rid)[:60]}.csv"
    else:
        changes = repo.recent(limit=1_000_000)
        name = "metadata.csv"
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=METADATA_COLUMNS, lineterminator="\n")
    w.writeheader()
    for row in sorted(
        metadata_rows(changes), key=lambda r: (r["last_action_date"], r["resource_id"], r["id"])
    ):
        w.writerow({k: _csv_cell(v) for k, v in row.items()})
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


# --- coverage -----------------------------------------------------------------------------------------------


def _theme_label(label: str) -> str:
    """'Eenzaamheid' → 'eenzaamheid' in a sentence; 'LVB' and 'NAH' stay as they are."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _coverage_model(niveau_choice: str) -> tuple[gb.Coverage, list[tuple[Any, int]], dict[str, Any]]:
    store = _store()
    views = Views(store)
    themes = views.themes(statuses=ALL_STATUSES)
    tree = _theme_tree(themes)
    kernen = [(k[0], k[1]) for k in _kern_options()]
    parents = {t.id: tuple(t.parents) for t in themes.values()}
    cov = gb.coverage(
        gb.coverage_services(store),
        kernen,
        [(t.id, t.label, depth) for t, depth in tree],
        parents,
        (*NIVEAUS, "alle"),
        _stale_cutoff(),
    )
    return cov, tree, themes


def coverage_gaps(
    cov: gb.Coverage, tree: Sequence[tuple[Any, int]], niveau: str
) -> list[tuple[str, list[str]]]:
    """Per kern, the gaps in B1 sentences ("Geen vrij toegankelijk aanbod voor eenzaamheid in Dinxperlo.").
    A theme without any aanbod is named once: its narrower themes are then empty too."""
    aanbod = NIVEAU_AANBOD.get(niveau, "aanbod")
    parent_of: dict[str, str | None] = {}
    stack: list[tuple[str, int]] = []
    for t, depth in tree:
        while stack and stack[-1][1] >= depth:
            stack.pop()
        parent_of[t.id] = stack[-1][0] if stack else None
        stack.append((t.id, depth))
    has_children = {p for p in parent_of.values() if p}
    out = []
    for kid, kname in cov.kernen:
        if not kid:
            continue
        if tree and all(cov.cell(kid, t.id, niveau).active == 0 for t, _ in tree):
            out.append((kname, [f"In {kname} is nog geen {aanbod} bekend, voor geen enkel thema."]))
            continue
        lines = []
        for t, _depth in tree:
            if cov.cell(kid, t.id, niveau).active:
                continue
            parent = parent_of.get(t.id)
            if parent and cov.cell(kid, parent, niveau).active == 0:
                continue  # already said for the broader theme
            extra = " (ook niet voor de onderwerpen daaronder)" if t.id in has_children else ""
            lines.append(f"Geen {aanbod} voor {_theme_label(t.label)} in {kname}{extra}.")
        if lines:
            out.append((kname, lines))
    return out


def coverage_svg(
    cov: gb.Coverage, tree: Sequence[tuple[Any, int]], niveau: str
) -> tuple[Markup, list[tuple[str, int, int]]]:
    """A bar per kern: how many main themes have aanbod at this niveau. Returns the SVG and its data table."""
    tops = [t for t, depth in tree if depth == 0]
    data = []
    for kid, kname in cov.kernen:
        covered = sum(1 for t in tops if cov.cell(kid, t.id, niveau).active)
        data.append((kname if kid else "Zonder kern", covered, len(tops)))
    bar_h, gap, label_w, bar_w = 26, 10, 190, 420
    height = max(1, len(data)) * (bar_h + gap) + 40
    width = label_w + bar_w + 140
    aanbod = NIVEAU_AANBOD.get(niveau, "aanbod")
    parts = [
        f'<svg class="beheer-grafiek" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="grafiek-titel grafiek-uitleg" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="grafiek-titel">Hoofdthema\'s met {escape(aanbod)} per kern</title>',
        '<desc id="grafiek-uitleg">Per kern een balk: hoeveel hoofdthema\'s ten minste één actieve dienst '
        "hebben. De tabel onder de grafiek geeft dezelfde getallen.</desc>",
    ]
    for i, (name, covered, total) in enumerate(data):
        y = 20 + i * (bar_h + gap)
        w = 0 if not total else round(bar_w * covered / total)
        cls = "beheer-grafiek__balk" + (" beheer-grafiek__balk--gat" if covered < total else "")
        label = name if len(name) <= 26 else name[:24] + "…"
        parts.append(
            f'<text class="beheer-grafiek__label" x="{label_w - 8}" y="{y + bar_h * 0.7:.0f}" text-anchor="end">{escape(label)}</text>'
            f'<rect class="beheer-grafiek__achter" x="{label_w}" y="{y}" width="{bar_w}" height="{bar_h}"/>'
            f'<rect class="{cls}" x="{label_w}" y="{y}" width="{w}" height="{bar_h}"/>'
            f'<text class="beheer-grafiek__getal" x="{label_w + bar_w + 8}" y="{y + bar_h * 0.7:.0f}">{covered} van {total}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts)), data


@bp.get("/dekking")
@audience("coordinator")
def coverage_page():
    niveau = request.args.get("niveau", "vrij-toegankelijk")
    niveau = niveau if niveau in (*NIVEAUS, "alle") else "vrij-toegankelijk"
    scope = request.args.get("themas", "alle")
    scope = scope if scope in ("hoofd", "alle") else "alle"
    cov, tree, _ = _coverage_model(niveau)
    shown = [(t, d) for t, d in tree if scope == "alle" or d == 0]
    svg, chart = coverage_svg(cov, tree, niveau)
    return render_template(
        "beheer/coverage.html",
        cov=cov,
        tree=shown,
        niveau=niveau,
        scope=scope,
        gaps=coverage_gaps(cov, shown, niveau),
        svg=svg,
        chart=chart,
        aanbod=NIVEAU_AANBOD[niveau],
        niveaus=NIVEAUS,
        days=int(current_app.config.get("STALE_AFTER_DAYS") or 183),
    )


@bp.get("/dekking.csv")
@audience("coordinator")
def coverage_csv():
    cov, tree, _ = _coverage_model("alle")
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(
        ["kern_id", "kern", "thema_id", "thema", "hoofdthema", "niveau", "actief", "gecontroleerd", "gat"]
    )
    for kid, kname in cov.kernen:
        for t, depth in tree:
            for n in (*NIVEAUS, "alle"):
                c = cov.cell(kid, t.id, n)
                w.writerow(
                    [
                        kid,
                        kname if kid else "zonder kern",
                        t.id,
                        _csv_cell(t.label),
                        "ja" if depth == 0 else "nee",
                        n,
                        c.active,
                        c.verified,
                        "ja" if c.active == 0 else "nee",
                    ]
                )
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="dekking.csv"'},
    )


# --- demand statistics ----------------------------------------------------------------------------------------

_last_purge = {"at": 0.0}


def demand_enabled(app=None) -> bool:
    app = app or current_app
    return str(app.config.get("DEMAND_STATS") or "0").strip().lower() in ("1", "true", "ja", "yes", "on")


def _oldest_week(app) -> str:
    weeks = int(app.config.get("DEMAND_STATS_RETENTION_WEEKS") or 104)
    return gb.iso_week(datetime.now(UTC).date() - timedelta(weeks=weeks))


def record_demand(theme_ids: Iterable[str], place_name: str | None = None) -> None:
    """Count one search for these theme ids in this kern and week, when KAART_DEMAND_STATS is on.

    Call it after a match from public.search, professional.search and api.match, passing only
    `[t["id"] for t in result.themes]` and the resolved place name (`result.place["name"]`), never the text.
    Unknown places count as "no kern". Best effort: a failure is logged by type and never breaks a search.
    """
    try:
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        if not demand_enabled(app):
            return
        store = get_store(app)
        themes = [t for t in theme_ids if isinstance(t, str) and re.fullmatch(r"[a-z0-9-]{1,60}", t)]
        kern = None
        if place_name:
            from ingest.hsds import slug

            candidate = f"kern-{slug(str(place_name)[:100])}"
            if candidate in {k[0] for k in _kern_options()}:
                kern = candidate
        repo = gb.DemandRepository(store)
        repo.record(themes, kern)
        if time.time() - _last_purge["at"] > 3600:
            _last_purge["at"] = time.time()
            repo.purge(_oldest_week(app))
    except Exception as exc:  # noqa: BLE001 - statistics must never break a search
        log.warning("Vraagstatistiek niet bijgewerkt (%s)", type(exc).__name__)


@bp.get("/vraag")
@audience("coordinator")
def demand():
    enabled = demand_enabled()
    rows = gb.DemandRepository(_store()).rows(_oldest_week(current_app)) if enabled else []
    themes = Views(_store()).themes(statuses=ALL_STATUSES)
    kernen = dict((k[0], k[1]) for k in _kern_options())
    weeks = sorted({r.week for r in rows}, reverse=True)[:12]
    table: dict[str, dict[str, int]] = {}
    for r in rows:
        if r.week in weeks:
            table.setdefault(r.theme, {}).setdefault(r.week, 0)
            table[r.theme][r.week] += r.count
    per_kern: dict[str, int] = {}
    for r in rows:
        if r.week in weeks:
            per_kern[r.kern] = per_kern.get(r.kern, 0) + r.count
    return render_template(
        "beheer/demand.html",
        enabled=enabled,
        weeks=weeks,
        table=sorted(table.items(), key=lambda kv: -sum(kv[1].values())),
        themes=themes,
        kernen=kernen,
        per_kern=sorted(per_kern.items(), key=lambda kv: -kv[1]),
        retention=int(current_app.config.get("DEMAND_STATS_RETENTION_WEEKS") or 104),
    )


# --- partner self-service -----------------------------------------------------------------------------------


def _partner_link(token: str) -> tuple[gb.PartnerLink | None, Response | None]:
    """The link for this token, or the page that says it does not work (404 unknown, 410 expired/revoked)."""
    if not re.fullmatch(r"[A-Za-z0-9_-]{20,100}", token or ""):
        return None, Response(render_template("partner/gone.html", state="onbekend"), 404)
    link = gb.PartnerLinkRepository(_store()).by_hash(acc.digest(token))
    if link is None:
        return None, Response(render_template("partner/gone.html", state="onbekend"), 404)
    state = link.state()
    if state != "actief":
        return None, Response(render_template("partner/gone.html", state=state), 410)
    return link, None


@partner_bp.after_request
def _partner_no_store(resp: Response) -> Response:
    resp.headers["Cache-Control"] = "no-store"
    resp.headers["X-Robots-Tag"] = "noindex, nofollow"
    return resp


def _partner_entry(token: str):
    """(link, (organisation, its services, their phones, its phones), None) for a working link, else
    (None, None, the page that says it does not work)."""
    link, gone = _partner_link(token)
    if gone is not None:
        return None, None, gone
    store = _store()
    org = OrganisationRepository(store).get(link.organisation_id)
    if org is None:
        return None, None, Response(render_template("partner/gone.html", state="onbekend"), 404)
    services = [
        s
        for s in ServiceRepository(store).get_many(gb.organisation_service_ids(store, org.id))
        if s.status != "inactive"
    ]
    phones = {s.id: PhoneRepository(store).get_many(gb.phone_ids(store, "service", s.id)) for s in services}
    org_phones = PhoneRepository(store).get_many(gb.phone_ids(store, "organisation", org.id))
    return link, (org, services, phones, org_phones), None


def _partner_spec(names: Sequence[str], spec: Sequence[F]) -> list[F]:
    by = {f.name: f for f in spec}
    return [dataclasses.replace(by[n], required=by[n].required) for n in names]


PARTNER_PHONE = (
    F("number", "Telefoonnummer", required=True, maxlen=40),
    F("description", "Toelichting"),
)


@partner_bp.route("/<token>", methods=["GET", "POST"])
@audience("partner")
def entry(token: str):
    link, found, gone = _partner_entry(token)
    if gone is not None:
        return gone
    org, services, phones, org_phones = found
    gb.PartnerLinkRepository(_store()).touch(link.id)
    errors: dict[str, str] = {}
    if request.method == "POST":
        result = _partner_submit(link, org, services, phones, org_phones, request.form)
        if isinstance(result, dict):
            errors = result
        else:
            return result
    return render_template(
        "partner/entry.html",
        token=token,
        link=link,
        org=org,
        services=services,
        phones=phones,
        org_phones=org_phones,
        org_spec=_partner_spec(PARTNER_ORG_FIELDS, ORG_FIELDS),
        svc_spec=_partner_spec(PARTNER_SERVICE_FIELDS, SERVICE_FIELDS),
        phone_spec=PARTNER_PHONE,
        options=_options(),
        errors=errors,
        form=request.form if request.method == "POST" else None,
    ), (400 if errors else 200)


@partner_bp.get("/<token>/dienst/<service_id>")
@audience("partner")
def service_of_partner(token: str, service_id: str):
    """A direct link to one service in the partner page; only services of the link's own organisation."""
    link, gone = _partner_link(token)
    if gone is not None:
        return gone
    svc = ServiceRepository(_store()).get(service_id)
    if svc is None or svc.organization_id != link.organisation_id:
        abort(404)
    return redirect(url_for("partner.entry", token=token) + f"#dienst-{service_id}")


@partner_bp.post("/<token>/klopt")
@audience("partner")
def confirm(token: str):
    link, found, gone = _partner_entry(token)
    if gone is not None:
        return gone
    org, services, _, _ = found
    active = [s.id for s in services if s.status in ("active", "temporarily closed")]
    gb.confirm_services(_store(), active, f"partner:{link.id}", _today(), ref="bevestigd door partner")
    gb.PartnerLinkRepository(_store()).mark(link.id, confirmed=True)
    return render_template("partner/thanks.html", org=org, confirmed=len(active), proposals=0, token=token)


def _partner_submit(link, org, services, phones, org_phones, form) -> Any:
    """Compare what the partner sent with what they were shown (`was-…` fields); file one Proposal per changed
    record. Services that did not change are confirmed (verified date today)."""
    who = f"partner:{link.id}"
    source = f"partner:{link.id}"
    reason = "Aangepast door de organisatie zelf, via een persoonlijke link"
    today = _today()
    filed: list[Proposal] = []
    errors: dict[str, str] = {}

    def diffs_for(record: Any, spec: Sequence[F], prefix: str) -> list[FieldDiff]:
        """Fields the partner touched (sent value differs from the value the page showed, `was-…`) whose
        value differs from the kaart now. The old value in the diff is the kaart's, so approving checks it."""
        values, errs = parse_fields(spec, form, prefix)
        out = []
        for f in spec:
            current = jsonable(getattr(record, f.name))
            if f.kind != "bool" and form.get(prefix + f.name) is None:
                continue  # not on the page that was sent
            sent = _clean_text(form.get(prefix + f.name), f.maxlen)
            was = form.get(f"was-{prefix}{f.name}")
            was = _clean_text(was if was is not None else show_raw(current), f.maxlen)
            if f.kind == "bool":
                sent, was = str(form.get(prefix + f.name) in ("1", "on")), str(was in ("1", "True"))
            if sent == was:
                continue
            if f.name in errs:
                errors[prefix + f.name] = errs[f.name]
                continue
            new = jsonable(values.get(f.name))
            if new != current:
                out.append(FieldDiff(f.name, current, new))
        return out

    def file(kind: str, entity_type: str, entity_id: str, diffs: Sequence[FieldDiff]) -> None:
        diffs = tuple(diffs)
        filed.append(
            Proposal(
                id=proposal_id(kind, entity_type, entity_id, source, diffs),
                kind=kind,
                entity_type=entity_type,
                entity_id=entity_id,
                diffs=diffs,
                source=source,
                created_at=acc.now_iso(),
                reason=reason + (f" ({link.email})" if link.email else ""),
            )
        )

    org_spec = _partner_spec(PARTNER_ORG_FIELDS, ORG_FIELDS)
    svc_spec = _partner_spec(PARTNER_SERVICE_FIELDS, SERVICE_FIELDS)
    d = diffs_for(org, org_spec, "org-")
    if d:
        file("update", "Organisation", org.id, d)
    unchanged_services = []
    for s in services:
        prefix = f"svc-{s.id}-"
        if form.get(f"was-{prefix}name") is None:
            continue  # not on the page they sent (e.g. added after the page was opened)
        d = diffs_for(s, svc_spec, prefix)
        if d:
            d.append(FieldDiff("assured_date", s.assured_date, today))
            file("update", "Service", s.id, d)
        else:
            unchanged_services.append(s.id)
        for ph in phones.get(s.id, []):
            pd = diffs_for(ph, PARTNER_PHONE, f"tel-{ph.id}-")
            if pd:
                file("update", "Phone", ph.id, pd)
        number = _clean_text(form.get(f"nieuw-{s.id}-number"), 40)
        if number:
            pid = f"phone-partner-{uuid.uuid4().hex[:10]}"
            desc = _clean_text(form.get(f"nieuw-{s.id}-description"), 300) or None
            new = [
                FieldDiff("id", None, pid),
                FieldDiff("number", None, number),
                FieldDiff("service_id", None, s.id),
            ]
            if desc:
                new.append(FieldDiff("description", None, desc))
            file("create", "Phone", pid, new)
    for ph in org_phones:
        pd = diffs_for(ph, PARTNER_PHONE, f"tel-{ph.id}-")
        if pd:
            file("update", "Phone", ph.id, pd)
    if errors:
        return errors
    store = _store()
    ProposalRepository(store).add(filed)
    confirmed = [
        i
        for i in unchanged_services
        if any(s.id == i and s.status in ("active", "temporarily closed") for s in services)
    ]
    gb.confirm_services(store, confirmed, who, today, ref="bevestigd door partner")
    gb.PartnerLinkRepository(store).mark(link.id, submitted=bool(filed), confirmed=not filed)
    log.info("Partnerlink %s: %d voorstellen, %d diensten bevestigd", link.id, len(filed), len(confirmed))
    return render_template(
        "partner/thanks.html", org=org, confirmed=len(confirmed), proposals=len(filed), token=None
    )


def show_raw(value: Any) -> str:
    """A value as the form field shows it (the inverse of parsing, for comparing)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    return str(value)


# --- logging: partner tokens never reach a log line -----------------------------------------------------------


class RedactPartnerTokens(logging.Filter):
    """Access logs (werkzeug, gunicorn) print request paths; a partner token in a path is a secret."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and "/partner/" in record.msg:
            record.msg = TOKEN_PATTERN.sub(r"\1[link]", record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                TOKEN_PATTERN.sub(r"\1[link]", a) if isinstance(a, str) else a for a in record.args
            )
        elif isinstance(record.args, dict):
            record.args = {
                k: TOKEN_PATTERN.sub(r"\1[link]", v) if isinstance(v, str) else v
                for k, v in record.args.items()
            }
        return True


_FILTER = RedactPartnerTokens()


def install_log_redaction() -> None:
    for name in ("werkzeug", "gunicorn.access", "gunicorn.error"):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


@bp.record_once
def _on_register(state) -> None:
    install_log_redaction()
    # Globals (not a context processor): the beheer macros are imported without context.
    state.app.jinja_env.globals.update(
        STATUS_B1=STATUS_B1, label_of=label_of, KIND_B1=KIND_B1, SOURCE_B1=SOURCE_B1, show_raw=show_raw
    )
