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
