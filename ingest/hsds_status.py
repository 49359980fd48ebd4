"""Temporary status in the HSDS export (issue 16.3, docs/adr/0082-temporary-status.md).

Kept apart from the HSDS mapping (ingest/hsds_render.py, shared by `kaart export hsds`, open data and the HSDS
API): the renderer calls `load_statuses(store)` once and `apply_status(...)` once per service and organisation.

While a status holds (today, Europe/Amsterdam):
- `service.status` becomes the kind's `hsds_status` (ontology/statuses.yaml: `temporarily closed` while
  tijdelijk gesloten; not `inactive`, which open data and the HSDS API leave out);
- the status travels as two `attribute` rows: taxonomy `tijdelijke-status` (term code = the kind id, `value` =
  the short text, or the kind's label) and taxonomy `tijdelijke-status-tot` (term `einddatum`, `value` = the
  end date, JJJJ-MM-DD);
- an organisation's status is an attribute of the organisation (HSDS has no organisation status); its diensten
  get `service.status` from it when they have no status of their own.
A professional-only kind ("nu niet doorverwijzen") and its reason are NEVER exported.
"""

from __future__ import annotations

from typing import Any

from graph.statuses import StatusBoard, TemporaryStatus, today_local
from graph.store import GraphStore
from ontology.statuses import StatusKind, status_kinds

STATUS_TAXONOMY = "tijdelijke-status"
UNTIL_TAXONOMY = "tijdelijke-status-tot"
UNTIL_CODE = "einddatum"
TAXONOMY_TEXT = {
    STATUS_TAXONOMY: "Tijdelijke status (ontology/statuses.yaml); `value` is de korte tekst.",
    UNTIL_TAXONOMY: "Einddatum van de tijdelijke status (in `value`, JJJJ-MM-DD); daarna geldt hij niet meer.",
}


def load_statuses(store: GraphStore) -> StatusBoard:
    """The statuses that hold today, read once per export."""
    return StatusBoard.load(store, today_local())


def _public_kinds() -> dict[str, StatusKind]:
    return {k.id: k for k in status_kinds().values() if k.public}


def status_attributes(
    status: TemporaryStatus | None, entity: str, link_id: str, term_id: Any
) -> tuple[str | None, list[dict[str, str]]]:
    """(the HSDS status it implies or None, the attribute rows) of a public status; nothing for another one.
    `term_id(taxonomy, code)` makes or finds the taxonomy term (the export's `_Context.term_id`)."""
    kinds = _public_kinds()
    if status is None or status.kind not in kinds:
        return None, []
    kind = kinds[status.kind]
    rows = [
        {
            "id": f"attr-{link_id}-{STATUS_TAXONOMY}",
            "link_id": link_id,
            "taxonomy_term_id": term_id(STATUS_TAXONOMY, kind.id),
            "link_type": STATUS_TAXONOMY,
            "link_entity": entity,
            "value": status.text or kind.label,
        }
    ]
    if status.end:
        rows.append(
            {
                "id": f"attr-{link_id}-{UNTIL_TAXONOMY}",
                "link_id": link_id,
                "taxonomy_term_id": term_id(UNTIL_TAXONOMY, UNTIL_CODE),
                "link_type": UNTIL_TAXONOMY,
                "link_entity": entity,
                "value": status.end,
            }
        )
    return (kind.hsds_status or None), rows


def apply_status(ctx: Any, record: Any, bundle: dict[str, list[dict[str, str]]], entity: str) -> None:
    """Put the public status of a service or organisation into its export bundle (in place)."""
    board: StatusBoard | None = getattr(ctx, "statuses", None)
    if board is None:
        return
    public = set(_public_kinds())
    if entity == "service":
        status = board.for_service(record.id, public)
        own = status if status is not None and status.entity == "Service" else None
        hsds_status, rows = status_attributes(status, entity, record.id, ctx.term_id)
        if own is None:
            rows = []  # an organisation's status is exported on the organisation
        if hsds_status and bundle.get("services"):
            bundle["services"][0]["status"] = hsds_status
    else:
        org_status = board.by_organisation.get(record.id)
        _, rows = status_attributes(
            org_status if org_status is not None and org_status.kind in public else None,
            entity,
            record.id,
            ctx.term_id,
        )
    if rows:
        ids = {r["id"] for r in rows}
        bundle["attributes"] = [r for r in bundle.get("attributes", []) if r.get("id") not in ids] + rows
