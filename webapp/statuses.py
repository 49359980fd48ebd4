"""Temporary status on the pages (issue 16.3, docs/adr/0082-temporary-status.md): which status a dienst or
organisation shows today, to whom.

Read once per request (one small read of the records that have a status, cached on `g`), decided against
today in Europe/Amsterdam. Public pages show only public kinds; "nu niet doorverwijzen" and its reason only on
the professional and beheer pages (by blueprint: a professional who opens a public page sees the public page)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import g, has_request_context, request
from flask_babel import lazy_gettext

from graph.statuses import StatusBoard, StatusRepository, TemporaryStatus, today_local
from ontology.statuses import StatusKind, status_kinds
from webapp.db import get_store
from webapp.site import datum_shown

PROFESSIONAL_BLUEPRINTS = ("professional", "beheer")

# The interface wording of each status kind (ontology/statuses.yaml keeps the Dutch data and the stable ids):
# (heading with an end date, heading without one, the name beheer uses). Interface text, so through gettext;
# a kind missing here shows the YAML's Dutch wording (tests/test_status.py checks every kind is here).
KIND_TEXT = {
    "tijdelijk-gesloten": (
        lazy_gettext("Tijdelijk gesloten tot en met %(end)s"),
        lazy_gettext("Tijdelijk gesloten"),
        lazy_gettext("Tijdelijk gesloten"),
    ),
    "geen-nieuwe-aanmeldingen": (
        lazy_gettext("Geen nieuwe aanmeldingen tot en met %(end)s"),
        lazy_gettext("Geen nieuwe aanmeldingen"),
        lazy_gettext("Geen nieuwe aanmeldingen"),
    ),
    "verhuisd": (
        lazy_gettext("Let op: verhuisd"),
        lazy_gettext("Let op: verhuisd"),
        lazy_gettext("Verhuisd: let op, nieuw adres"),
    ),
    "eigen-bericht": (lazy_gettext("Let op"), lazy_gettext("Let op"), lazy_gettext("Eigen bericht")),
    "niet-doorverwijzen": (
        lazy_gettext("Nu niet doorverwijzen"),
        lazy_gettext("Nu niet doorverwijzen"),
        lazy_gettext("Bestaat, maar nu niet doorverwijzen"),
    ),
}


def kind_label(kind: StatusKind) -> str:
    """The name of a status kind in the interface language (beheer's select, lists, history)."""
    text = KIND_TEXT.get(kind.id)
    return str(text[2]) if text else kind.label


def kind_heading(kind: StatusKind, until: str) -> str:
    """The heading inwoners see, in the interface language; `until` is the end date as shown ("" for none)."""
    text = KIND_TEXT.get(kind.id)
    if text is None:
        return kind.b1_label.replace("{end}", until) if until else kind.b1_label.split(" tot en met")[0]
    if until:
        return str(text[0]) % {"end": until}
    return str(text[1])


@dataclass(frozen=True)
class StatusView:
    kind: StatusKind
    status: TemporaryStatus
    heading: str  # B1: "Tijdelijk gesloten tot en met 3 januari 2027" (interface language)
    until: str  # "3 januari 2027" ("" without an end date), in the interface language

    @property
    def label(self) -> str:
        """The kind's name in the interface language (beheer)."""
        return kind_label(self.kind)

    @property
    def professional_only(self) -> bool:
        return not self.kind.public


def professional_request() -> bool:
    return has_request_context() and request.blueprint in PROFESSIONAL_BLUEPRINTS


def _board() -> StatusBoard:
    board = g.get("_kaart_status_board")
    if board is None:
        board = StatusBoard.load(get_store(), today_local())
        g._kaart_status_board = board
    return board


def view_of(status: TemporaryStatus | None) -> StatusView | None:
    kinds = status_kinds()
    if status is None or status.kind not in kinds:
        return None
    kind = kinds[status.kind]
    until = datum_shown(status.end) if status.end else ""
    heading = kind_heading(kind, until)
    return StatusView(kind, status, heading, until)


def _public_kinds() -> set[str]:
    return {k.id for k in status_kinds().values() if k.public}


def service_status(service_id: str, professional: bool | None = None) -> StatusView | None:
    """The status a service shows today (its own, else its organisation's); None when it has none."""
    pro = professional_request() if professional is None else professional
    return view_of(_board().for_service(service_id, None if pro else _public_kinds()))


def organisation_status(org_id: str, professional: bool | None = None) -> StatusView | None:
    pro = professional_request() if professional is None else professional
    status = _board().by_organisation.get(org_id)
    if status is None or not (pro or status.kind in _public_kinds()):
        return None
    return view_of(status)


def stored_status(entity: str, id: str) -> StatusView | None:
    """For beheer: the stored status, also one that has not started or has ended."""
    return view_of(StatusRepository(get_store()).get(entity, id))


def register(app) -> None:  # noqa: ANN001 - a Flask app
    app.jinja_env.globals.update(
        tijdelijke_status=service_status,
        tijdelijke_status_organisatie=organisation_status,
        opgeslagen_status=stored_status,
        status_label=kind_label,
        status_soorten=lambda: list(status_kinds().values()),
        vandaag=lambda: today_local().isoformat(),
    )
