"""JSON API."""

from __future__ import annotations

from flask import Blueprint, jsonify

from graph.errors import GraphError
from webapp.audience import audience
from webapp.db import get_store

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/v1/health")
@audience("public")
def health():
    """Liveness and graph reachability, for docker-compose and monitoring."""
    try:
        get_store().read("RETURN 1 AS ok")
    except GraphError:
        return jsonify({"status": "degraded", "graph": False}), 503
    return jsonify({"status": "ok", "graph": True})


@bp.post("/v1/match")
@audience("public")
def match():
    """Wie kan hier helpen. POST only; the text is processed in memory and never logged or stored."""
    from flask import current_app, request

    from match import get_matcher

    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("text"), str) or not body["text"].strip():
        return jsonify({"error": "Geef een hulpvraag in het veld 'text'.", "status": 400}), 400
    near = body.get("near")
    if near is not None and not isinstance(near, str):
        return jsonify({"error": "'near' is een plaatsnaam of 'lat,lon'.", "status": 400}), 400
    try:
        limit = int(body.get("limit", 10))
    except (TypeError, ValueError):
        return jsonify({"error": "'limit' is een getal.", "status": 400}), 400
    result = get_matcher(current_app).match(body["text"], near=near, limit=max(1, min(limit, 50)))
    resp = jsonify(result.as_contract())
    resp.headers["Cache-Control"] = "no-store"
    return resp
