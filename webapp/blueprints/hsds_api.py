"""Read-only Open Referral HSDS 3.0 API at /api/hsds/, public fields only, CORS open; OpenAPI at /api/openapi.json.

One mapping, two projections (ADR 0074): every object served here is nested from the rows
`kaart export hsds --public` writes for the same records (webapp/hsds_nest.py), so ids (UUIDs), fields,
attributes and taxonomy texts agree with the open-data export, and what the export leaves out for the public
(professional-only phones and contacts, confidential locations, services the public site does not show) is
not served either. Filters run on the graph (graph/views.py). Ids in paths and in `taxonomy_term_id` /
`taxonomy_id` / `organization_id` may be the UUIDs or our readable ids (`svc-…`, `thema-schulden`) as an alias.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from flask import Blueprint, abort, jsonify, request

from graph.views import NIVEAUS, PUBLIC_STATUSES, Filters, Views
from ingest.hsds_profile import hsds_id
from webapp.audience import audience
from webapp.blueprints.open_data import external_url
from webapp.db import get_store
from webapp.errors import api_error
from webapp.hsds_nest import RESOLVER, Projection, project, terms
from webapp.openapi import document

bp = Blueprint("hsds_api", __name__, url_prefix="/api")

MAX_PER_PAGE = 100
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


def _paging() -> tuple[int, int]:
    """The page asked for and its size."""
    page = _int_arg("page", 1, 1, 10**9)
    # `perPage`: the spelling the Open Referral UK validator sends when it checks paging
    per_page = _int_arg("per_page" if "per_page" in request.args else "perPage", 20, 1, MAX_PER_PAGE)
    return page, per_page


def _page(ids: list[Any]) -> tuple[list[Any], dict[str, Any]]:
    page, per_page = _paging()
    chunk = ids[(page - 1) * per_page : page * per_page]
    return chunk, _meta(len(ids), page, per_page, len(chunk))


def _meta(total: int, page: int, per_page: int, size: int) -> dict[str, Any]:
    pages = max(1, math.ceil(total / per_page))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": size,
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": total == 0,
    }


# --- filters ------------------------------------------------------------------------------------------


def _service_filters(views: Views) -> Filters:
    text = _clean(request.args.get("search"))
    term = _clean(request.args.get("taxonomy_term_id"), 120)
    theme = doelgroep = niveau = None
    impossible = False
    if term:
        term = RESOLVER.readable(get_store(), "taxonomy_terms", term)
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
    org = RESOLVER.readable(get_store(), "organizations", org) if org else None
    return Filters(
        theme=theme,
        doelgroep=doelgroep,
        niveau=niveau,
        text=text,
        organization_id=org,
        postcode=postcode,
        near=near,
        statuses=PUBLIC_STATUSES,
        service_ids=() if impossible else None,
    )


# --- routes ------------------------------------------------------------------------------------------


@bp.errorhandler(BadRequest)
def bad_request(exc: BadRequest):
    return api_error(400, str(exc), code="invalid_parameter")


def _profile_url() -> str:
    """The profile of this API: the open-data page of this site explains it (absolute, as validators need)."""
    return external_url("open_data.page") + "#hsds-profiel"


@bp.get("/hsds/")
@audience("public")
def index():
    """api_details (HSDS 3.0): absolute URIs, as consumers' validators require."""
    return jsonify(
        {
            "version": "3.0",
            "profile": _profile_url(),
            "openapi_url": external_url("hsds_api.openapi"),
        }
    )


def _services_page(views: Views, ids: list[str]) -> list[dict[str, Any]]:
    proj = project(get_store(), services=views.services(ids))
    return [x for x in (proj.item("services", hsds_id(i), nested=False) for i in ids) if x]


@bp.get("/hsds/services")
@audience("public")
def services():
    views = Views(get_store())
    filters = _service_filters(views)
    page, per_page = _paging()
    # Sorted, cut and counted in the graph: page 3 of a theme at 100 000 services reads 20 services, not all.
    found, total = views.find_service_page(filters, (page - 1) * per_page, per_page)
    contents = _services_page(views, [i for i, _ in found])
    return jsonify({**_meta(total, page, per_page, len(contents)), "contents": contents})


def _public_service(views: Views, sid: str) -> tuple[Projection, dict[str, Any]] | None:
    svc = [s for s in views.services([sid]) if s.status in PUBLIC_STATUSES]
    if not svc:
        return None
    proj = project(get_store(), services=svc)
    item = proj.service(hsds_id(sid))
    return (proj, item) if item else None


@bp.get("/hsds/services/<id>")
@audience("public")
def service(id: str):
    found = _public_service(Views(get_store()), RESOLVER.readable(get_store(), "services", id))
    if found is None:
        abort(404)
    return jsonify(found[1])


def _public_org_ids(views: Views, text: str | None) -> list[str]:
    ids = views.organisation_ids(text)
    archived = {o.id for o in views.organisations(ids) if o.status == "archived"}
    return [i for i in ids if i not in archived]


@bp.get("/hsds/organizations")
@audience("public")
def organizations():
    views = Views(get_store())
    chunk, meta = _page(_public_org_ids(views, _clean(request.args.get("search"))))
    proj = project(get_store(), organisations=chunk)
    contents = [x for x in (proj.item("organizations", hsds_id(i), nested=False) for i in chunk) if x]
    return jsonify({**meta, "size": len(contents), "contents": contents})


@bp.get("/hsds/organizations/<id>")
@audience("public")
def organization(id: str):
    views = Views(get_store())
    oid = RESOLVER.readable(get_store(), "organizations", id)
    svc_ids = [i for i, _ in views.find_service_ids(Filters(organization_id=oid, statuses=PUBLIC_STATUSES))]
    proj = project(get_store(), services=views.services(svc_ids), organisations=[oid])
    item = proj.item("organizations", hsds_id(oid))
    if item is None:
        abort(404)
    listed = [proj.item("services", hsds_id(i), nested=False) for i in svc_ids]
    if any(listed):
        item["services"] = [x for x in listed if x]
    return jsonify(item)


def _terms_of(table: str) -> list[dict[str, Any]]:
    proj = terms(get_store())
    return [
        proj.item(table, rid, nested=False)
        for rid in sorted(proj.rows(table), key=lambda r: (proj.rows(table)[r].get("name", ""), r))
    ]


@bp.get("/hsds/taxonomies")
@audience("public")
def taxonomies():
    chunk, meta = _page(_terms_of("taxonomies"))
    return jsonify({**meta, "contents": chunk})


@bp.get("/hsds/taxonomies/<id>")
@audience("public")
def taxonomy(id: str):
    key = hsds_id(RESOLVER.readable(get_store(), "taxonomies", id))
    found = [t for t in _terms_of("taxonomies") if t["id"] == key]
    if not found:
        abort(404)
    return jsonify(found[0])


@bp.get("/hsds/taxonomy_terms")
@audience("public")
def taxonomy_terms():
    items = _terms_of("taxonomy_terms")
    tax = _clean(request.args.get("taxonomy_id"), 60)
    if tax:
        key = hsds_id(RESOLVER.readable(get_store(), "taxonomies", tax))
        items = [t for t in items if t.get("taxonomy_id") == key]
    text = _clean(request.args.get("search"))
    if text:
        items = [t for t in items if text.lower() in (t["name"] + " " + t.get("description", "")).lower()]
    chunk, meta = _page(items)
    return jsonify({**meta, "contents": chunk})


@bp.get("/hsds/taxonomy_terms/<id>")
@audience("public")
def taxonomy_term(id: str):
    key = hsds_id(RESOLVER.readable(get_store(), "taxonomy_terms", id))
    found = [t for t in _terms_of("taxonomy_terms") if t["id"] == key]
    if not found:
        abort(404)
    return jsonify(found[0])


@bp.get("/hsds/service_at_locations")
@audience("public")
def service_at_locations():
    views = Views(get_store())
    filters = _service_filters(views)
    page, per_page = _paging()
    # Sorted, cut and counted in the graph (confidential locations left out), as the services list.
    chunk, total = views.service_location_page(filters, (page - 1) * per_page, per_page)
    proj = project(get_store(), services=views.services(sorted({sid for sid, _ in chunk})))
    contents = []
    for sid, lid in chunk:
        for row in proj.children("service_at_location", "service_id", hsds_id(sid)):
            if row.get("location_id") == hsds_id(lid):
                item = proj.service_at_location(row["id"])
                if item:
                    contents.append(item)
                break
    return jsonify({**_meta(total, page, per_page, len(contents)), "contents": contents})


@bp.get("/hsds/service_at_locations/<id>")
@audience("public")
def service_at_location(id: str):
    sid, sep, lid = id.partition("@")  # `<service>@<location>`: the id this API served before UUIDs
    if not sep:
        sid = RESOLVER.readable(get_store(), "service_at_location", id)
    views = Views(get_store())
    found = _public_service(views, sid)
    if found is None:
        abort(404)
    proj, full = found
    for row in proj.children("service_at_location", "service_id", hsds_id(sid)):
        if (sep and row.get("location_id") == hsds_id(lid)) or (not sep and row["id"] == id):
            item = proj.service_at_location(row["id"], with_service=False)
            if item:
                full.pop("service_at_locations", None)
                return jsonify({**item, "service": full})
    abort(404)


@bp.get("/openapi.json")
@audience("public")
def openapi():
    return jsonify(document())
