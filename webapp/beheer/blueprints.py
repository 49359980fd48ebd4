"""The two blueprints of beheer (`beheer` for coördinatoren, `partner` for a partner's own link), what they
share (no caching, the `toon` filter, template globals, the stylesheet) and the dashboard. The views live in
the modules next to this one, one per aggregate."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, render_template, request

from graph.partner_links import PartnerLinkRepository
from graph.proposals import ChangeRepository, ProposalRepository
from graph.verification import service_checks
from webapp.audience import audience
from webapp.beheer.fields import KIND_B1, SOURCE_B1, STATUS_B1, label_of, show, show_raw
from webapp.beheer.forms import names_for_changes, stale_cutoff
from webapp.db import get_store

bp = Blueprint("beheer", __name__, url_prefix="/beheer")
partner_bp = Blueprint("partner", __name__, url_prefix="/partner")


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
    store = get_store()
    checks = service_checks(store)
    cutoff = stale_cutoff()
    links = PartnerLinkRepository(store).all(limit=500)
    recent = ChangeRepository(store).recent(12)
    return render_template(
        "beheer/dashboard.html",
        pending=ProposalRepository(store).count(),
        stale=sum(1 for c in checks if c.stale(cutoff)),
        no_contact=sum(1 for c in checks if not c.has_contact),
        no_hours=sum(1 for c in checks if not c.has_bereikbaarheid),
        active_services=len(checks),
        active_links=sum(1 for link in links if link.usable()),
        recent=recent,
        names=names_for_changes(recent),
    )


@bp.record_once
def _template_globals(state) -> None:
    # Globals (not a context processor): the beheer macros are imported without context.
    state.app.jinja_env.globals.update(
        STATUS_B1=STATUS_B1, label_of=label_of, KIND_B1=KIND_B1, SOURCE_B1=SOURCE_B1, show_raw=show_raw
    )
