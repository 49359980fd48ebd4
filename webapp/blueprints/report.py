""" "Klopt er iets niet?": a resident reports what is wrong on a public entry (service or organisation).

The report becomes a `report` proposal in the review queue (graph/reports.py); a coördinator fixes the entry
and handles the report, which deletes the optional reply address. Against spam, without third-party CAPTCHAs:
the session CSRF token, a signed form stamp with a minimum fill time, a honeypot field, at most two links, and
a limit per client address (the login throttle counters, webapp/accounts.py). What the resident wrote is not
logged: the log says only that a report was filed.
"""

from __future__ import annotations

import logging

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask_babel import gettext, lazy_gettext

from graph.accounts import ThrottleRepository
from graph.reports import MAX_ADDRESS, MAX_REPORT, REPORT_FIELDS, file_report, valid_reply_address
from graph.repositories import OrganisationRepository, ServiceRepository
from webapp.accounts import client_key
from webapp.audience import audience
from webapp.db import get_store
from webapp.form_guard import honeypot_filled, link_count, stamp, stamp_age
from webapp.logs import event

log = logging.getLogger(__name__)
bp = Blueprint("report", __name__)

MIN_FILL_SECONDS = 3.0  # nobody reads a page and writes what is wrong faster; a bot posts at once
MAX_LINKS = 2
MAX_PER_WINDOW = 5  # reports per client address per LOGIN_WINDOW_SECONDS
# The form's choices in the interface language; the keys (stored with the report) are graph/reports.py's.
FIELD_LABELS = {
    "naam": lazy_gettext("Naam"),
    "adres": lazy_gettext("Adres"),
    "telefoon": lazy_gettext("Telefoonnummer"),
    "openingstijden": lazy_gettext("Openingstijden"),
    "beschrijving": lazy_gettext("Beschrijving"),
    "anders": lazy_gettext("Iets anders"),
}


@bp.route("/dienst/<id>/klopt-niet", methods=["GET", "POST"])
@audience("public")
def service(id: str):
    record = ServiceRepository(get_store()).get(id)
    if record is None:
        abort(404)
    return _report("Service", id, record.name, url_for("public.service", id=id))


@bp.route("/organisatie/<id>/klopt-niet", methods=["GET", "POST"])
@audience("public")
def organisation(id: str):
    record = OrganisationRepository(get_store()).get(id)
    if record is None:
        abort(404)
    return _report("Organisation", id, record.name, url_for("public.organisation", id=id))


def _form(name: str, back: str, purpose: str, values: dict, errors: dict, status: int = 200):
    return render_template(
        "public/report.html",
        name=name,
        back=back,
        action=request.path,
        stamp=stamp(purpose),
        fields={key: FIELD_LABELS.get(key, label) for key, label in REPORT_FIELDS.items()},
        values=values,
        errors=errors,
        max_report=MAX_REPORT,
        max_address=MAX_ADDRESS,
    ), status


def _report(entity_type: str, id: str, name: str, back: str):
    purpose = f"melding:{entity_type}:{id}"
    if request.method == "GET":
        return _form(name, back, purpose, {}, {})
    if honeypot_filled():  # a bot: thank it and keep nothing
        return render_template("public/report_sent.html", name=name, back=back, with_address=False)
    values = {
        "wat": (request.form.get("wat") or "").strip(),
        "veld": request.form.get("veld") or "",
        "email": (request.form.get("email") or "").strip(),
    }
    errors: dict[str, str] = {}
    age = stamp_age(purpose)
    if age is None:
        errors["formulier"] = gettext("Het formulier is verlopen. Verstuur uw melding nog een keer.")
    elif age < MIN_FILL_SECONDS:
        errors["formulier"] = gettext("Dat ging erg snel. Kijk uw melding na en verstuur hem nog een keer.")
    if not values["wat"]:
        errors["wat"] = gettext("Schrijf op wat er niet klopt.")
    elif len(values["wat"]) > MAX_REPORT:
        errors["wat"] = gettext("Uw melding is te lang: gebruik hoogstens %(num)s tekens.", num=MAX_REPORT)
    elif link_count(values["wat"]) > MAX_LINKS:
        errors["wat"] = gettext("Zet hoogstens %(num)s links in uw melding.", num=MAX_LINKS)
    if values["veld"] and values["veld"] not in REPORT_FIELDS:
        errors["veld"] = gettext("Kies een gegeven uit de lijst.")
    if values["email"] and not valid_reply_address(values["email"]):
        errors["email"] = gettext("Dit is geen e-mailadres. Laat het vak leeg als u geen antwoord wilt.")
    if errors:
        return _form(name, back, purpose, values, errors, 400)
    window = float(current_app.config.get("LOGIN_WINDOW_SECONDS", 900))
    store = get_store()
    if ThrottleRepository(store).hit("melding:" + client_key(), window) > MAX_PER_WINDOW:
        errors["formulier"] = gettext(
            "U heeft net al een paar meldingen gestuurd. Probeer het over een kwartier opnieuw."
        )
        return _form(name, back, purpose, values, errors, 429)
    file_report(store, entity_type, id, values["wat"], values["veld"] or None, values["email"] or None)
    event(log, "report_filed", entity=entity_type, with_address=bool(values["email"]))
    return render_template(
        "public/report_sent.html", name=name, back=back, with_address=bool(values["email"])
    )
