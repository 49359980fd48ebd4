"""Temporary status on the pages (issue 16.3, docs/adr/0082-temporary-status.md): which status a dienst or
organisation shows today, to whom.

Read once per request (one small read of the records that have a status, cached on `g`), decided against
today in Europe/Amsterdam. Public pages show only public kinds; "nu niet doorverwijzen" and its reason only on
the professional and beheer pages (by blueprint: a professional who opens a public page sees the public page)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import g, has_request_context, request

from graph.statuses import StatusBoard, StatusRepository, TemporaryStatus, today_local
from ontology.statuses import StatusKind, status_kinds
from webapp.db import get_store
from webapp.site import datum

PROFESSIONAL_BLUEPRINTS = ("professional", "beheer")


@dataclass(frozen=True)
class StatusView:
    kind: StatusKind
    status: TemporaryStatus
    heading: str  # B1: "Tijdelijk gesloten tot en met 3 januari 2027"
    until: str  # "3 januari 2027" ("" without an end date)

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
    until = datum(status.end) if status.end else ""
    heading = kind.b1_label.replace("{end}", until) if until else kind.b1_label.split(" tot en met")[0]
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
        status_soorten=lambda: list(status_kinds().values()),
        vandaag=lambda: today_local().isoformat(),
    )
