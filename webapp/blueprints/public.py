"""Public pages: no login, no tracking, B1 Dutch."""

from __future__ import annotations

from flask import Blueprint, render_template

from graph.repositories import OrganisationRepository, ServiceRepository
from webapp.audience import audience
from webapp.db import get_store

bp = Blueprint("public", __name__)


@bp.get("/")
@audience("public")
def home():
    store = get_store()
    return render_template(
        "index.html",
        organisations=OrganisationRepository(store).count(),
        services=ServiceRepository(store).count(),
    )
