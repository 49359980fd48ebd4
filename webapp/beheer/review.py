"""The review queue: proposals from imports, duplicate detection, documents and partners, each with a diff
per field; approve, edit-then-approve, or reject with a reason. An approved merge folds the duplicate
organisation into the one that stays."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext

from graph.editing import amend_proposal, proposal_amendment
from graph.errors import ConflictError, GraphError
from graph.models import Schedule, Service
from graph.proposals import (
    MODELS,
    FieldDiff,
    Proposal,
    ProposalRepository,
    apply_proposal,
    jsonable,
    repository_for,
)
from graph.records import organisation_location_ids, organisation_service_ids, phone_ids
from graph.reports import REPORT_FIELDS
from webapp.audience import audience
from webapp.beheer.blueprints import bp
from webapp.beheer.fields import (
    FIELDS,
    KIND_B1,
    MAX_FIELD,
    SCHEDULE_FIELDS,
    F,
    FormErrors,
    clean_text,
    label_of,
    parse_fields,
    select_options,
)
from webapp.beheer.forms import actor, retry_edit
from webapp.beheer.readable import HIDDEN_FIELDS, REFERENCES, Readable, shown_diffs, source_labels, subject_of
from webapp.beheer.schedules import schedule_changes, schedule_texts
from webapp.db import get_store

log = logging.getLogger(__name__)
# The hours are edited with the service form's hours fields (the `schedules` row); the OSM summary follows
# from them, and is only typed over when a proposal has no schedules.
NOT_EDITABLE = ("opening_hours",)
MERGE_FIELDS = ("alternate_name", "description", "kind", "email", "website", "status")


@bp.get("/voorstellen")
@audience("coordinator")
def proposals():
    status = request.args.get("status", "pending")
    status = status if status in ("pending", "approved", "rejected", "alle") else "pending"
    kind = request.args.get("soort")
    kind = kind if kind in KIND_B1 else None
    try:
        page = max(1, int(request.args.get("pagina", "1")))
    except ValueError:
        page = 1
    per = 50
    repo = ProposalRepository(get_store())
    items = repo.list(None if status == "alle" else status, kind=kind, skip=(page - 1) * per, limit=per + 1)
    more = len(items) > per
    items = items[:per]
    readable = Readable()
    for p in items:
        readable.want_record(p.entity_type, p.entity_id)
        readable.want_record(p.entity_type, p.related_id)
    readable.resolve()
    return render_template(
        "beheer/proposals.html",
        items=[
            {
                "p": p,
                "subject": subject_of(p, readable),
                "related": readable.name(p.entity_type, p.related_id) if p.related_id else None,
                "fields": [REPORT_FIELDS.get(p.reported_field or "", "melding")]
                if p.kind == "report"
                else [label_of(p.entity_type, d.field) for d in shown_diffs(p.diffs)],
            }
            for p in items
        ],
        sources=source_labels(p.source for p in items),
        status=status,
        kind=kind,
        page=page,
        more=more,
        counts={s: repo.count(s) for s in ("pending", "approved", "rejected")},
    )


def _diff_digest(p: Proposal) -> str:
    blob = json.dumps([dataclasses.asdict(d) for d in p.diffs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _field_type(entity_type: str, field: str) -> str:
    model = MODELS.get(entity_type)
    for f in dataclasses.fields(model) if model else ():
        if f.name == field:
            return str(f.type)
    return "str | None"


def _edited_value(entity_type: str, d: FieldDiff, form: Mapping[str, Any], i: int) -> Any:
    """The value a coördinator typed over a proposed one, in the type of the field."""
    kind = _field_type(entity_type, d.field)
    if isinstance(d.new, dict):
        edited = dict(d.new)
        for k in d.new:
            if k != "organisation_id" and form.get(f"waarde-{i}-{k}") is not None:
                edited[k] = clean_text(form.get(f"waarde-{i}-{k}"), 300) or None
        return edited
    raw = form.get(f"waarde-{i}")
    if raw is None:
        return d.new
    raw = clean_text(raw, MAX_FIELD)
    if kind.startswith("tuple") or isinstance(d.new, list):
        return [x.strip() for x in re.split(r"[\n,]", raw) if x.strip()]
    if kind.startswith("bool"):
        return raw in ("ja", "1", "true")
    if kind.startswith("int"):
        return int(raw) if raw.lstrip("-").isdigit() else None
    if kind.startswith("float"):
        try:
            return float(raw.replace(",", "."))
        except ValueError:
            return None
    return raw or None


def _field_spec(entity_type: str, field: str) -> F | None:
    return next((f for f in FIELDS.get(entity_type, ()) if f.name == field), None)


def _proposed_schedules(value: Any) -> Service:
    """A stand-in service with the proposed schedules, so the form shows them as the service form does."""
    rows = tuple(Schedule(**s) if isinstance(s, Mapping) else s for s in value or ())
    return Service(id="", organization_id="", name="", schedules=rows)


def _edited_diffs(p: Proposal, form: Mapping[str, Any]) -> tuple[FieldDiff, ...]:
    """The proposal's diffs with what the coördinator typed over them. Hours go through the service form's
    hours fields and parser (the OSM summary follows them); dates must be dates. Raises FormErrors."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for i, d in enumerate(p.diffs):
        if d.field == "schedules":
            prefix = f"waarde-{i}-"
            sent, _ = parse_fields(SCHEDULE_FIELDS, form, prefix)
            if not any(form.get(prefix + f.name) is not None for f in SCHEDULE_FIELDS):
                continue  # no hours fields sent: as proposed
            changes = schedule_changes(_proposed_schedules(d.new), p.entity_id, sent)
            if changes:
                values["schedules"] = jsonable(changes["schedules"])
                values["opening_hours"] = changes["opening_hours"]
            continue
        if d.field in values:
            continue
        spec = _field_spec(p.entity_type, d.field)
        raw = form.get(f"waarde-{i}")
        if spec is not None and spec.kind == "date" and raw is not None:
            raw = clean_text(raw, 40)
            if raw:
                try:
                    date.fromisoformat(raw)
                except ValueError:
                    errors[d.field] = f"{spec.label}: vul een datum in."
                    continue
            values[d.field] = raw or None
            continue
        values[d.field] = _edited_value(p.entity_type, d, form, i)
    if errors:
        raise FormErrors(errors)
    return tuple(FieldDiff(d.field, d.old, values.get(d.field, d.new)) for d in p.diffs)


def _decide(p: Proposal, form: Mapping[str, Any]):
    """Carry out the coördinator's decision on a pending proposal: a redirect when done, else the error text."""
    store = get_store()
    action = form.get("actie")
    note = clean_text(form.get("toelichting"), 1000) or None
    if form.get("digest") != _diff_digest(p):
        return "Dit voorstel is intussen aangepast. Bekijk het opnieuw."
    if action == "afwijzen":
        if not note:
            return "Schrijf op waarom u dit voorstel afwijst."
        try:
            ProposalRepository(store).reject(p.id, actor(), note=note)
        except ConflictError:
            return "Iemand anders heeft dit voorstel al afgehandeld."
        flash(gettext("Het voorstel is afgewezen."), "ok")
        return redirect(url_for("beheer.proposals"))
    if action not in ("goedkeuren", "aangepast"):
        abort(400)
    try:
        if action == "aangepast" and p.kind != "merge":
            try:
                diffs = _edited_diffs(p, form)
            except FormErrors as exc:
                return " ".join(exc.errors.values())
            if diffs != p.diffs:
                amend_proposal(store, p, diffs, actor())
                note = ("Aangepast goedgekeurd. " + (note or "")).strip()
        apply_proposal(store, p.id, actor(), note=note)
        if p.kind == "merge":
            _fold_merge(p, form.get("blijft"))
    except ConflictError:
        return (
            "Dit kon niet: het record is veranderd sinds het voorstel is gemaakt, of iemand anders "
            "heeft het voorstel al afgehandeld. Bekijk de huidige gegevens en beslis opnieuw."
        )
    except (GraphError, TypeError, ValueError) as exc:
        log.warning("Voorstel %s niet verwerkt: %s", p.id, type(exc).__name__)
        return f"Dit voorstel kan zo niet worden verwerkt: {exc}"
    flash(
        gettext("De melding is afgehandeld.")
        if p.kind == "report"
        else gettext("Het voorstel is goedgekeurd en verwerkt."),
        "ok",
    )
    return redirect(url_for("beheer.proposals"))


def _diff_rows(p: Proposal, current: Any, readable: Readable) -> list[dict[str, Any]]:
    """One row per proposed field (never the id): its Dutch label, the value proposed over, the proposed value
    and the value now, as text with names for ids, and how it may be edited before approving."""
    rows = []
    for i, d in enumerate(p.diffs):
        if d.field in HIDDEN_FIELDS:
            continue
        now = jsonable(getattr(current, d.field, None)) if current is not None else None
        rows.append(
            {
                "i": i,
                "field": d.field,
                "label": label_of(p.entity_type, d.field),
                "old": readable.value(d.field, d.old),
                "new": readable.value(d.field, d.new),
                "now": readable.value(d.field, now),
                "raw_new": d.new,
                "changed_since": current is not None and p.kind == "update" and now != d.old,
                "type": _field_type(p.entity_type, d.field),
                "editable": d.field not in (*REFERENCES, *NOT_EDITABLE)
                or (d.field == "opening_hours" and not any(x.field == "schedules" for x in p.diffs))
                and not (d.field == "members" and isinstance(d.new, list)),
                "choices": _choices(p.entity_type, d.field),
                "kind": _row_kind(p, d),
                "hours": schedule_texts(_proposed_schedules(d.new)) if d.field == "schedules" else None,
            }
        )
    return rows


def _row_kind(p: Proposal, d: FieldDiff) -> str:
    """How the "aanpassen" form shows a field: hours fields, a date, a text box or one line."""
    if d.field == "schedules":
        return "uren"
    spec = _field_spec(p.entity_type, d.field)
    if spec is not None and spec.kind == "date":
        return "datum"
    if (spec is not None and spec.kind == "textarea") or (isinstance(d.new, str) and len(d.new) > 120):
        return "tekstvak"
    return "regel"


def _choices(entity_type: str, field: str) -> list[tuple[str, str]] | None:
    """The choices of a select field (status, niveau, …), so an edit picks a label rather than types a code."""
    for f in FIELDS.get(entity_type, ()):
        if f.name == field and f.kind == "select":
            return select_options().get(f.options or "", [])
    return None


def _readable_for(p: Proposal, *records: Any, original: Sequence[Mapping[str, Any]] = ()) -> Readable:
    readable = Readable()
    for d in p.diffs:
        readable.want(d.field, d.old, d.new)
    for d in original:
        readable.want(d.get("field") or "", d.get("new"))
    for record in records:
        if record is not None:
            for d in p.diffs:
                readable.want(d.field, jsonable(getattr(record, d.field, None)))
    readable.want_record(p.entity_type, p.entity_id)
    return readable.resolve()


@bp.route("/voorstel/<id>", methods=["GET", "POST"])
@audience("coordinator")
def proposal(id: str):
    store = get_store()
    repo = ProposalRepository(store)
    p = repo.get(id)
    if p is None:
        abort(404)
    error = None
    if request.method == "POST" and p.status == "pending":
        decided = _decide(p, request.form)
        if not isinstance(decided, str):
            return decided
        error = decided
        p = repo.get(id) or p
    elif request.method == "POST":
        error = "Dit voorstel is al afgehandeld."
    current = related = None
    if p.entity_type in FIELDS:
        records = repository_for(store, p.entity_type)
        current = records.get(p.entity_id)
        related = records.get(p.related_id) if p.related_id else None
    amendment = proposal_amendment(store, p.id)
    readable = _readable_for(p, current, original=amendment.original if amendment else ())
    return render_template(
        "beheer/proposal.html",
        p=p,
        subject=subject_of(p, readable),
        rows=_diff_rows(p, current, readable),
        current=current,
        related=related,
        error=error,
        digest=_diff_digest(p),
        source=source_labels([p.source])[p.source],
        merged=[
            (
                rec,
                [
                    (label_of("Organisation", f), readable.value(f, getattr(rec, f, None)))
                    for f in MERGE_FIELDS
                ],
            )
            for rec in (current, related)
        ],
        amendment=amendment,
        REPORT_FIELDS=REPORT_FIELDS,
        hours_fields=SCHEDULE_FIELDS,
        max_field=MAX_FIELD,
        original=[
            (label_of(p.entity_type, d["field"]), readable.value(d["field"], d.get("new")))
            for d in (amendment.original if amendment else ())
            if d.get("field") not in HIDDEN_FIELDS
        ],
    ), (409 if error else 200)


def _fold_merge(p: Proposal, keep: str | None) -> None:
    """After a merge is approved: move the services, locations and phones of the duplicate organisation to the
    one that stays and archive the duplicate (each change audited). Without a choice both stay, linked."""
    if p.entity_type != "Organisation" or keep not in (p.entity_id, p.related_id) or not p.related_id:
        return
    gone = p.related_id if keep == p.entity_id else p.entity_id
    store = get_store()
    for sid in organisation_service_ids(store, gone):
        retry_edit(
            "Service",
            sid,
            lambda s: dataclasses.replace(s, organization_id=keep),
            note=f"samengevoegd ({p.id})",
        )
    for lid in organisation_location_ids(store, gone):
        retry_edit(
            "Location",
            lid,
            lambda x: dataclasses.replace(x, organization_id=keep) if x.organization_id == gone else x,
            note=f"samengevoegd ({p.id})",
        )
    for pid in phone_ids(store, "organisation", gone):
        retry_edit(
            "Phone",
            pid,
            lambda x: dataclasses.replace(x, organization_id=keep),
            note=f"samengevoegd ({p.id})",
        )
    retry_edit(
        "Organisation",
        gone,
        lambda o: dataclasses.replace(o, status="archived"),
        note=f"samengevoegd ({p.id})",
    )
