"""History and audit export: the recent changes, the history of one record, and every `Change` as HSDS 3.0
`metadata` rows in a CSV (cells that a spreadsheet would read as a formula are escaped)."""

from __future__ import annotations

import io
import json
import re
import uuid
from collections.abc import Iterable
from typing import Any

from flask import Response, abort, render_template, request
from flask_babel import gettext

from graph.csv_export import dict_writer, safe_cell
from graph.editing import CREATED, RECORD_FIELD
from graph.partner_links import PartnerLinkRepository
from graph.proposals import ChangeRepository, ProposalRepository, repository_for
from webapp.audience import audience
from webapp.beheer.blueprints import bp
from webapp.beheer.fields import ENTITY_SLUG, HSDS_RESOURCE, METADATA_COLUMNS, SOURCE_B1
from webapp.beheer.forms import names_for_changes, record_name
from webapp.beheer.readable import Readable
from webapp.db import get_store

# --- history and audit export -------------------------------------------------------------------------------


@bp.get("/historie")
@audience("coordinator")
def history_recent():
    changes = ChangeRepository(get_store()).recent(200)
    return render_template(
        "beheer/history.html",
        changes=changes,
        names=names_for_changes(changes),
        shown=_shown(changes),
        title="Laatste wijzigingen",
        entity=None,
    )


@bp.get("/historie/<soort>/<id>")
@audience("coordinator")
def history(soort: str, id: str):
    etype = ENTITY_SLUG.get(soort)
    if etype is None:
        abort(404)
    store = get_store()
    changes = ChangeRepository(store).for_entity(etype, id, limit=1000)
    record = repository_for(get_store(), etype).get(id)
    if record is None and not changes:
        abort(404)
    name = record_name(record) if record else id
    return render_template(
        "beheer/history.html",
        changes=changes,
        names={},
        shown=_shown(changes),
        title=gettext("Geschiedenis: %(name)s", name=name),
        entity=(soort, id, etype),
        proposals=ProposalRepository(store).for_entity(etype, id),
        links=PartnerLinkRepository(store).for_organisation(id) if etype == "Organisation" else [],
    )


def _shown(changes: Iterable[Any]) -> dict[str, tuple[str, str]]:
    """Per change: its old and new value as people read them (names for ids, hours as text)."""
    changes = list(changes)
    readable = Readable()
    for c in changes:
        readable.want(c.field, c.old, c.new)
    readable.resolve()
    return {c.id: (readable.value(c.field, c.old), readable.value(c.field, c.new)) for c in changes}


# One CSV writer (graph/csv_export.py): the OWASP rule, no exception for "+31…" (that was the hole, issue 15.6).
csv_cell = safe_cell


def _metadata_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def metadata_rows(changes: Iterable[Any]) -> list[dict[str, str]]:
    """Audit `Change`s as HSDS 3.0 `metadata` rows (columns as in the HSDS examples)."""
    rows = []
    for c in changes:
        action = ("create" if c.new == CREATED else "delete") if c.field == RECORD_FIELD else "update"
        hexpart = c.id.removeprefix("chg-")
        try:
            mid = str(uuid.UUID(hex=hexpart))
        except ValueError:  # other id shapes: a stable UUID derived from the id (HSDS asks for UUIDs)
            mid = str(uuid.uuid5(uuid.NAMESPACE_URL, "kaart:change:" + c.id))
        rows.append(
            {
                "id": mid,
                "resource_id": c.entity_id,
                "resource_type": HSDS_RESOURCE.get(c.entity, c.entity.lower()),
                "last_action_date": (c.when or "")[:10],
                "last_action_type": action,
                "field_name": c.field,
                "previous_value": _metadata_value(c.old),
                "replacement_value": _metadata_value(c.new),
                "updated_by": c.who
                + (f" ({SOURCE_B1.get(c.source, c.source).lower()})" if c.source != "edit" else ""),
            }
        )
    return rows


@bp.get("/historie.csv")
@audience("coordinator")
def history_csv():
    soort = request.args.get("soort")
    rid = request.args.get("id")
    repo = ChangeRepository(get_store())
    if soort and rid:
        etype = ENTITY_SLUG.get(soort)
        if etype is None:
            abort(404)
        changes = repo.for_entity(etype, rid, limit=100_000)
        name = f"metadata-{soort}-{re.sub(r'[^A-Za-z0-9_-]', '', rid)[:60]}.csv"
    else:
        changes = repo.recent(limit=1_000_000)
        name = "metadata.csv"
    out = io.StringIO()
    w = dict_writer(out, METADATA_COLUMNS, lineterminator="\n")
    w.writeheader()
    for row in sorted(
        metadata_rows(changes), key=lambda r: (r["last_action_date"], r["resource_id"], r["id"])
    ):
        w.writerow(row)
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
