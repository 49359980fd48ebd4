"""Beheer of the temporary status of a dienst or organisation (issue 16.3, docs/adr/0082-temporary-status.md):
one small form on the beheer page of the record; setting and clearing write a `Change` (in the history).
A status needs an end date: nothing stays "tijdelijk" forever."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext

from graph.statuses import StatusRepository, TemporaryStatus, today_local
from ontology.statuses import status_kinds
from webapp import accounts as acc
from webapp.audience import audience
from webapp.beheer.blueprints import bp
from webapp.beheer.fields import clean_text
from webapp.beheer.forms import actor
from webapp.db import get_store
from webapp.statuses import view_of

ENTITY_OF = {"dienst": ("Service", "beheer.service"), "organisatie": ("Organisation", "beheer.organisation")}
MAX_STATUS_TEXT = 300
MAX_DAYS = 366  # a temporary status lasts at most a year; then it is no longer temporary


def _date(raw: str | None) -> date | None:
    try:
        return date.fromisoformat((raw or "").strip()[:10])
    except ValueError:
        return None


def parse_status(entity: str, id: str, form) -> tuple[TemporaryStatus | None, list[str]]:  # noqa: ANN001
    """The status of the form, or the Dutch reasons it cannot be saved."""
    kinds = status_kinds()
    kind = kinds.get(form.get("soort") or "")
    text = clean_text(form.get("tekst"), MAX_STATUS_TEXT)
    start, end = _date(form.get("vanaf")) or today_local(), _date(form.get("tot"))
    errors = []
    if kind is None:
        errors.append(gettext("Kies wat voor status het is."))
    elif kind.text_required and not text:
        errors.append(
            gettext("Schrijf een korte tekst: de reden.")
            if not kind.public
            else gettext("Schrijf een korte tekst: wat moeten mensen weten?")
        )
    if end is None:
        errors.append(gettext("Vul de einddatum in (jjjj-mm-dd). Daarna verdwijnt de status vanzelf."))
    elif end < start:
        errors.append(gettext("De einddatum ligt vóór de begindatum."))
    elif (end - start).days > MAX_DAYS:
        errors.append(gettext("Een tijdelijke status duurt hooguit een jaar."))
    if errors or kind is None or end is None:
        return None, errors
    cur = acc.current()
    status = TemporaryStatus(
        entity=entity,
        entity_id=id,
        kind=kind.id,
        text=text,
        start=start.isoformat(),
        end=end.isoformat(),
        set_at=acc.now_iso(),
        set_by_role=cur.account.role if cur else "",
    )
    return status, []


@bp.route("/<soort>/<id>/status", methods=["GET", "POST"])
@audience("coordinator")
def temporary_status(soort: str, id: str):
    """Set, replace or clear (button `weghalen`) the temporary status of a dienst or organisation."""
    if soort not in ENTITY_OF:
        abort(404)
    entity, endpoint = ENTITY_OF[soort]
    back = url_for(endpoint, id=id) + "#tijdelijke-status"
    if request.method == "GET":  # the form posts here; a GET goes to the page of the record
        return redirect(back)
    repo = StatusRepository(get_store())
    if request.form.get("actie") == "weghalen":
        if repo.clear(entity, id, actor()):
            flash(gettext("De tijdelijke status is weggehaald."), "ok")
        return redirect(back)
    status, errors = parse_status(entity, id, request.form)
    if status is None:
        for e in errors:
            flash(e, "fout")
        return redirect(back)
    try:
        repo.set(status, actor())
    except KeyError:
        abort(404)
    flash(gettext("De tijdelijke status is opgeslagen."), "ok")
    return redirect(back)


@bp.get("/statussen")
@audience("coordinator")
def temporary_statuses():
    """Every temporary status: which hold now, which start later, which are over (to remove or renew)."""
    today = today_local().isoformat()
    rows = []
    for status, name in StatusRepository(get_store()).overview():
        view = view_of(status)
        if view is None:
            continue
        state = (
            "voorbij"
            if (status.end or "9") < today
            else "begint later"
            if (status.start or "") > today
            else "nu"
        )
        soort = "dienst" if status.entity == "Service" else "organisatie"
        endpoint = ENTITY_OF[soort][1]
        rows.append((view, name, state, url_for(endpoint, id=status.entity_id) + "#tijdelijke-status"))
    return render_template("beheer/statuses.html", rows=rows)
