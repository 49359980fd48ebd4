"""JSON API."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from graph.errors import GraphError
from graph.views import NIVEAUS, Filters, Views
from webapp import accounts as acc
from webapp.answer import MAX_TEXT, answer_hulpvraag
from webapp.audience import audience
from webapp.db import get_store
from webapp.errors import api_error
from webapp.site import map_points, now_local

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/v1/health")
@audience("public")
def health():
    """Liveness and graph reachability, for docker-compose and monitoring."""
    try:
        get_store().ping()
    except GraphError:
        return jsonify({"status": "degraded", "graph": False}), 503
    return jsonify({"status": "ok", "graph": True})


@bp.post("/v1/match")
@audience("public")
def match():
    """Wie kan hier helpen. POST only; the text is processed in memory and never logged or stored."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("text"), str) or not body["text"].strip():
        return api_error(400, "Geef een hulpvraag in het veld 'text'.", code="missing_text")
    if len(body["text"]) > MAX_TEXT:
        return api_error(400, f"Een hulpvraag is hooguit {MAX_TEXT} tekens.", code="text_too_long")
    near = body.get("near")
    if near is not None and (not isinstance(near, str) or len(near) > 100):
        return api_error(400, "'near' is een plaatsnaam of 'lat,lon'.", code="invalid_near")
    try:
        limit = int(body.get("limit", 10))
    except (TypeError, ValueError, OverflowError):  # OverflowError: 1e999 is infinity
        return api_error(400, "'limit' is een getal.", code="invalid_limit")
    who = body.get("audience", "public")
    if who not in ("public", "professional"):
        return api_error(400, "'audience' is 'public' of 'professional'.", code="invalid_audience")
    if who == "professional" and not _signed_in_professional():
        return api_error(
            401
        )  # professionals-only services need the professional's session, as on /professional
    result = answer_hulpvraag(body["text"], near=near, audience=who, limit=max(1, min(limit, 50)))
    resp = jsonify(result.as_contract())
    resp.headers["Cache-Control"] = "no-store"
    return resp


def _signed_in_professional() -> bool:
    """A complete session (password and second factor) of a professional or higher (ADR 0138): the API answers
    with the professional wording and services only then."""
    who = acc.current()
    return who is not None and who.complete and acc.ROLE_LEVEL.get(who.account.role, 0) >= 1


@bp.get("/v1/services")
@audience("public")
def services():
    """The list/map of /kaart as JSON (public fields only): the same filters, paginated."""
    args = request.args
    try:
        page = max(1, min(int(args.get("page", 1)), 10**9))
        per_page = max(1, min(int(args.get("per_page", 50)), 100))
    except ValueError:
        return api_error(400, "'page' en 'per_page' zijn getallen.", code="invalid_parameter")
    views = Views(get_store())
    f = Filters(
        theme=args.get("thema") or None,
        doelgroep=args.get("doelgroep") or None,
        kern=args.get("kern") or None,
        niveau=args.get("niveau") if args.get("niveau") in NIVEAUS else None,
        open_now=args.get("open") == "1",
        for_residents=True,  # the public site's list: no professionals-only service (ADR 0116)
    )
    if f.theme and f.theme not in views.themes():
        f = Filters(service_ids=())
    found = views.find_service_ids(f, now=now_local())
    chunk = [i for i, _ in found[(page - 1) * per_page : page * per_page]]
    summaries = views.summaries(chunk)
    contents = [
        {
            "id": s.id,
            "name": s.name,
            "organization_id": s.organization_id,
            "organization_name": s.organization_name,
            "niveau": s.niveau,
            "available_24_7": s.available_24_7,
            "assured_date": s.assured_date,
            "wait_time": s.wait_time,
            "wait_time_date": s.wait_time_date,
            "themes": list(s.themes),
            "doelgroepen": list(s.doelgroepen),
            "points": [{k: p[k] for k in ("lat", "lon", "approx")} for p in map_points([s], lambda _s: "")],
        }
        for s in summaries
    ]
    pages = max(1, -(-len(found) // per_page))
    return jsonify(
        {
            "total_items": len(found),
            "total_pages": pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= pages,
            "empty": not found,
            "contents": contents,
        }
    )
