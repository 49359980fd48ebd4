"""Read-only Open Referral HSDS 3.0 API at /api/hsds/, public fields only, CORS open; OpenAPI at /api/openapi.json.

What is public: everything HSDS carries except professional-only phones (never read for this API, see
graph/views.py) and confidential locations (left out of service_at_locations altogether). Our taxonomies
(`thema`, `doelgroep`, `niveau`) are served from the ontology in the graph with the term ids of the HSDS
profile (`thema-schulden`, `niveau-lokaal-team`, …), so `taxonomy_term_id` filters take those ids.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from flask import Blueprint, abort, jsonify, request, url_for

from graph.models import Organisation, Phone, Schedule, Service
from graph.views import ALL_STATUSES, NIVEAUS, Filters, Place, Views
from webapp.audience import audience
from webapp.db import get_store
from webapp.errors import api_error
from webapp.openapi import document
from webapp.site import NIVEAU_B1

bp = Blueprint("hsds_api", __name__, url_prefix="/api")

MAX_PER_PAGE = 100
TAXONOMIES = {
    "tax-thema": ("thema", "Thema's (leefgebieden en onderwerpen) uit de ontologie van de sociale kaart."),
    "tax-doelgroep": ("doelgroep", "Doelgroepen van een dienst."),
    "tax-niveau": ("niveau", "Niveau op de hulpladder (matched care): van vrij toegankelijk tot crisis."),
}
_POSTCODE = re.compile(r"^[1-9][0-9]{3}\s?([A-Za-z]{2})?$")


@bp.after_request
def cors(resp):
    if request.path.startswith("/api/hsds") or request.path == "/api/openapi.json":
        resp.headers["Access-Control-Allow-Origin"] = "*"
        resp.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
        resp.headers["Access-Control-Allow-Headers"] = "Content-Type"
        resp.headers.setdefault("Cache-Control", "public, max-age=60")
    return resp


class BadRequest(Exception):
    """A query parameter we cannot use: 400 with code `invalid_parameter` and the Dutch reason."""


def _clean(text: str | None, limit: int = 200) -> str | None:
    if text is None:
        return None
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")[:limit].strip()
    return text or None


def _int_arg(name: str, default: int, lo: int, hi: int | None = None) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise BadRequest(f"'{name}' moet een geheel getal zijn") from exc
    if value < lo or (hi is not None and value > hi):
        raise BadRequest(f"'{name}' moet tussen {lo} en {hi or 'oneindig'} liggen")
    return value


def _page(ids: list[Any]) -> tuple[list[Any], dict[str, Any]]:
    page = _int_arg("page", 1, 1, 10**9)
    per_page = _int_arg("per_page", 20, 1, MAX_PER_PAGE)
    total = len(ids)
    pages = max(1, math.ceil(total / per_page))
    chunk = ids[(page - 1) * per_page : page * per_page]
    meta = {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(chunk),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": total == 0,
    }
    return chunk, meta


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and v != [] and v != ""}


# --- mapping to HSDS ----------------------------------------------------------------------------------


def _term(
    tax_id: str, code: str, name: str, description: str | None, parent: str | None = None
) -> dict[str, Any]:
    taxonomy = TAXONOMIES[tax_id][0]
    return _drop_none(
        {
            "id": f"{taxonomy}-{code}",
            "code": code,
            "name": name,
            "description": description or name,
            "parent_id": f"{taxonomy}-{parent}" if parent else None,
            "taxonomy": taxonomy,
            "taxonomy_id": tax_id,
            "language": "nl",
        }
    )


def _all_terms(views: Views) -> list[dict[str, Any]]:
    terms = []
    for code in NIVEAUS:
        label, text = NIVEAU_B1[code]
        terms.append(_term("tax-niveau", code, label, text))
    for t in sorted(views.themes().values(), key=lambda t: t.id):
        terms.append(_term("tax-thema", t.id, t.label, t.description, t.parents[0] if t.parents else None))
    for d in sorted(views.doelgroepen(), key=lambda d: d.id):
        terms.append(_term("tax-doelgroep", d.id, d.label, d.b1_label))
    return terms


def _phone(p: Phone) -> dict[str, Any]:
    return _drop_none(
        {
            "id": p.id,
            "number": p.number,
            "type": p.type,
            "description": p.description,
            "service_id": p.service_id,
            "organization_id": p.organization_id,
            "location_id": p.location_id,
        }
    )


def _organization(o: Organisation) -> dict[str, Any]:
    return _drop_none(
        {
            "id": o.id,
            "name": o.name,
            "alternate_name": o.alternate_name,
            "email": o.email,
            "website": o.website,
        }
    ) | {"description": o.description or ""}


def _location(p: Place) -> dict[str, Any]:
    loc = _drop_none(
        {
            "id": p.id,
            "location_type": "physical",
            "name": p.name,
            "description": p.description,
            "latitude": p.latitude,
            "longitude": p.longitude,
        }
    )
    if p.address_1 and p.city and p.postal_code:
        loc["addresses"] = [
            {
                "id": f"addr-{p.id}",
                "location_id": p.id,
                "address_1": p.address_1,
                "city": p.city,
                "state_province": "",
                "postal_code": p.postal_code,
                "country": "NL",
                "address_type": "physical",
            }
        ]
    if p.approximate:
        loc["attributes"] = [
            {
                "id": f"attr-{p.id}-locatie-benaderd",
                "link_id": p.id,
                "link_type": "locatie",
                "link_entity": "location",
                "value": "benaderd",
            }
        ]
    return loc


def _service_list_item(s: Service) -> dict[str, Any]:
    return _drop_none(
        {
            "id": s.id,
            "organization_id": s.organization_id,
            "name": s.name,
            "alternate_name": s.alternate_name,
            "description": s.description,
            "url": s.url,
            "email": s.email,
            "status": s.status,
            "application_process": s.application_process,
            "fees_description": s.fees_description,
            "wait_time": s.wait_time,
            "eligibility_description": s.eligibility_description,
            "minimum_age": s.minimum_age,
            "maximum_age": s.maximum_age,
            "assured_date": s.assured_date,
        }
    )


def _hsds_time(value: str | None) -> str | None:
    """`HH:MM` → `HH:MM:SS` as in the HSDS examples; the end of the day `24:00` → `23:59:59`."""
    if not value:
        return None
    return "23:59:59" if value == "24:00" else f"{value[:5]}:00"


def _schedule(x: Schedule, service_id: str) -> dict[str, Any]:
    """An HSDS schedule object (the same fields `kaart export hsds` writes to schedules.csv). Times are local
    Europe/Amsterdam; the kind is in `attending_type` or, for exceptions, in the shape (ADR 0035)."""
    return _drop_none(
        {
            "id": x.id,
            "service_id": service_id,
            "location_id": x.location_id,
            "service_at_location_id": x.service_at_location_id,
            "valid_from": x.valid_from,
            "valid_to": x.valid_to,
            "wkst": x.wkst,
            "freq": x.freq,
            "interval": x.interval,
            "byday": x.byday,
            "description": x.description,
            "opens_at": _hsds_time(x.opens_at),
            "closes_at": _hsds_time(x.closes_at),
            "attending_type": x.attending_type,
            "notes": x.notes,
        }
    )


def _attributes(s: Service, terms: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []

    def add(kind: str, code: str, term_id: str | None) -> None:
        attr: dict[str, Any] = {
            "id": f"attr-{s.id}-{kind}-{code}",
            "link_id": s.id,
            "link_type": kind,
            "link_entity": "service",
            "value": code,
        }
        if term_id and term_id in terms:
            attr["taxonomy_term_id"] = term_id
            attr["taxonomy_term"] = terms[term_id]
        out.append(attr)

    if s.niveau:
        add("niveau", s.niveau, f"niveau-{s.niveau}")
    for t in s.themes:
        add("thema", t, f"thema-{t}")
    for d in s.doelgroepen:
        add("doelgroep", d, f"doelgroep-{d}")
    if s.toegang:
        add("toegang", s.toegang, None)
    if s.available_24_7:
        add("bereikbaarheid", "24-7", None)
    if s.wait_time_date:
        add("wachttijd-datum", s.wait_time_date, None)
    return out


def _full_services(views: Views, ids: list[str]) -> list[dict[str, Any]]:
    services = views.services(ids)
    orgs = {o.id: o for o in views.organisations(sorted({s.organization_id for s in services}))}
    pairs = views.service_location_pairs([s.id for s in services])
    places = views.locations(sorted({lid for _, lid in pairs}))
    phones = views.phones("service", [s.id for s in services], professional=False)
    terms = {t["id"]: t for t in _all_terms(views)}
    out = []
    for s in services:
        item = _service_list_item(s)
        if s.organization_id in orgs:
            item["organization"] = _organization(orgs[s.organization_id])
        item["phones"] = [_phone(p) for p in phones.get(s.id, [])]
        item["service_at_locations"] = [
            {"id": f"{sid}@{lid}", "service_id": sid, "location_id": lid, "location": _location(places[lid])}
            for sid, lid in pairs
            if sid == s.id and lid in places
        ]
        item["schedules"] = [_schedule(x, s.id) for x in s.schedules]
        item["attributes"] = _attributes(s, terms)
        out.append(item)
    return out


# --- filters ------------------------------------------------------------------------------------------


def _service_filters(views: Views) -> Filters:
    text = _clean(request.args.get("search"))
    term = _clean(request.args.get("taxonomy_term_id"), 120)
    theme = doelgroep = niveau = None
    impossible = False
    if term:
        kind, _, code = term.partition("-")
        if kind == "thema" and code in views.themes():
            theme = code
        elif kind == "doelgroep" and code:
            doelgroep = code
        elif kind == "niveau" and code in NIVEAUS:
            niveau = code
        else:
            impossible = True
    postcode = _clean(request.args.get("postcode"), 10)
    near = None
    if postcode and not _POSTCODE.match(postcode):
        raise BadRequest("'postcode' is een Nederlandse postcode, bijvoorbeeld 7121 AA of 7121")
    if request.args.get("proximity") not in (None, ""):
        metres = _int_arg("proximity", 0, 1, 1_000_000)
        if not postcode:
            raise BadRequest("'proximity' werkt samen met 'postcode'")
        centre = views.postcode_centre(postcode)
        if centre is None:
            impossible = True
        else:
            near = (centre[0], centre[1], metres / 1000)
            postcode = None  # proximity from the postcode's centre replaces the exact postcode match
    org = _clean(request.args.get("organization_id"), 120)
    return Filters(
        theme=theme,
        doelgroep=doelgroep,
        niveau=niveau,
        text=text,
        organization_id=org,
        postcode=postcode,
        near=near,
        statuses=ALL_STATUSES,
        service_ids=() if impossible else None,
    )


# --- routes ------------------------------------------------------------------------------------------


@bp.errorhandler(BadRequest)
def bad_request(exc: BadRequest):
    return api_error(400, str(exc), code="invalid_parameter")


@bp.get("/hsds/")
@audience("public")
def index():
    return jsonify(
        {
            "version": "3.0",
            "profile": "https://github.com/openreferral/specification (HSDS 3.0), sociale-kaart profiel: docs/hsds-profile.md",
            "openapi_url": url_for("hsds_api.openapi", _external=False),
        }
    )


@bp.get("/hsds/services")
@audience("public")
def services():
    views = Views(get_store())
    found = views.find_service_ids(_service_filters(views))
    chunk, meta = _page([i for i, _ in found])
    by_id = {s.id: s for s in views.services(chunk)}
    return jsonify({**meta, "contents": [_service_list_item(by_id[i]) for i in chunk if i in by_id]})


@bp.get("/hsds/services/<id>")
@audience("public")
def service(id: str):
    views = Views(get_store())
    found = _full_services(views, [id])
    if not found:
        abort(404)
    return jsonify(found[0])


@bp.get("/hsds/organizations")
@audience("public")
def organizations():
    views = Views(get_store())
    ids = views.organisation_ids(_clean(request.args.get("search")))
    chunk, meta = _page(ids)
    return jsonify({**meta, "contents": [_organization(o) for o in views.organisations(chunk)]})


@bp.get("/hsds/organizations/<id>")
@audience("public")
def organization(id: str):
    views = Views(get_store())
    found = views.organisations([id])
    if not found:
        abort(404)
    item = _organization(found[0])
    svc_ids = [i for i, _ in views.find_service_ids(Filters(organization_id=id, statuses=ALL_STATUSES))]
    item["services"] = [_service_list_item(s) for s in views.services(svc_ids)]
    item["phones"] = [_phone(p) for p in views.phones("organisation", [id], professional=False).get(id, [])]
    return jsonify(item)


@bp.get("/hsds/taxonomies")
@audience("public")
def taxonomies():
    items = [{"id": k, "name": v[0], "description": v[1], "version": "1"} for k, v in TAXONOMIES.items()]
    chunk, meta = _page(items)
    return jsonify({**meta, "contents": chunk})


@bp.get("/hsds/taxonomies/<id>")
@audience("public")
def taxonomy(id: str):
    if id not in TAXONOMIES:
        abort(404)
    name, description = TAXONOMIES[id]
    return jsonify({"id": id, "name": name, "description": description, "version": "1"})


@bp.get("/hsds/taxonomy_terms")
@audience("public")
def taxonomy_terms():
    terms = _all_terms(Views(get_store()))
    tax = _clean(request.args.get("taxonomy_id"), 60)
    if tax:
        terms = [t for t in terms if t["taxonomy_id"] == tax]
    text = _clean(request.args.get("search"))
    if text:
        terms = [t for t in terms if text.lower() in (t["name"] + " " + t["description"]).lower()]
    chunk, meta = _page(terms)
    return jsonify({**meta, "contents": chunk})


@bp.get("/hsds/taxonomy_terms/<id>")
@audience("public")
def taxonomy_term(id: str):
    found = [t for t in _all_terms(Views(get_store())) if t["id"] == id]
    if not found:
        abort(404)
    return jsonify(found[0])


@bp.get("/hsds/service_at_locations")
@audience("public")
def service_at_locations():
    views = Views(get_store())
    found = views.find_service_ids(_service_filters(views))
    pairs = views.service_location_pairs([i for i, _ in found])
    order = {i: n for n, (i, _) in enumerate(found)}
    pairs.sort(key=lambda p: (order.get(p[0], 0), p[1]))
    chunk, meta = _page(pairs)
    places = views.locations(sorted({lid for _, lid in chunk}))
    services = {s.id: s for s in views.services(sorted({sid for sid, _ in chunk}))}
    contents = [
        {
            "id": f"{sid}@{lid}",
            "service_id": sid,
            "location_id": lid,
            "location": _location(places[lid]),
            "service": _service_list_item(services[sid]),
        }
        for sid, lid in chunk
        if lid in places and sid in services
    ]
    return jsonify({**meta, "contents": contents})


@bp.get("/hsds/service_at_locations/<id>")
@audience("public")
def service_at_location(id: str):
    sid, sep, lid = id.partition("@")
    if not sep:
        abort(404)
    views = Views(get_store())
    if (sid, lid) not in views.service_location_pairs([sid]):
        abort(404)
    place = views.locations([lid])[lid]
    full = _full_services(views, [sid])[0]
    full.pop("service_at_locations", None)
    return jsonify(
        {"id": id, "service_id": sid, "location_id": lid, "location": _location(place), "service": full}
    )


@bp.get("/openapi.json")
@audience("public")
def openapi():
    return jsonify(document())
