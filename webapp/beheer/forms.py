"""Shared form handling of the beheer pages: who is editing, the generic form page, creating a record,
saving an edit at the version the form was made from (or the conflict page), and ONE generic edit view
(`edit_record`) that every record type (organisation, dienst, locatie, telefoon, netwerk) goes through."""

from __future__ import annotations

import dataclasses
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext

from graph.editing import create_record, current_version, delete_record, save_edit
from graph.errors import ConflictError
from graph.proposals import ChangeRepository, diff_fields, jsonable, repository_for, same_value
from ingest.hsds import slug
from webapp import accounts as acc
from webapp.audience import audience
from webapp.beheer.fields import FIELDS, SLUG_OF, F, FormErrors, label_of, parse_fields, select_options
from webapp.beheer.readable import HIDDEN_FIELDS, Readable
from webapp.config import settings
from webapp.db import get_store
from webapp.site import now_local


def actor() -> str:
    cur = acc.current()
    return cur.account.email if cur else "onbekend"


def today_iso() -> str:
    return now_local().date().isoformat()


def stale_cutoff() -> str:
    days = settings().stale_after_days
    return (date.fromisoformat(today_iso()) - timedelta(days=days)).isoformat()


def new_id(prefix: str, name: str | None) -> str:
    base = slug(name or prefix)[:40].strip("-") or prefix
    return f"{prefix}-{base}-{uuid.uuid4().hex[:6]}"


def form_version(form: Mapping[str, Any]) -> int:
    try:
        return int(form.get("versie", ""))
    except ValueError:
        abort(400)


def form_page(title: str, spec: Any, values: dict[str, Any], errors: dict[str, str], **page: Any):
    """The generic edit form (beheer/form.html) for any entry, 400 when the submitted values had errors."""
    return render_template(
        "beheer/form.html",
        title=title,
        spec=spec,
        values=values,
        errors=errors,
        options=select_options(),
        **page,
    ), (400 if errors else 200)


def new_record_page(
    spec: Sequence[F],
    make: Callable[[dict[str, Any]], Any],
    *,
    done: str,
    goto: Callable[[Any], str],
    title: str = "",
    back: str = "",
    initial: Mapping[str, Any] | None = None,
    render: Callable[[dict[str, Any], dict[str, str]], Any] | None = None,
):
    """Create an entry from a form: validate, write it with its audit, then go to `goto(record)`.
    Without `render` the generic form page is shown."""
    values: dict[str, Any] = dict(initial or {})
    errors: dict[str, str] = {}
    if request.method == "POST":
        values, errors = parse_fields(spec, request.form)
        try:
            record = make(values) if not errors else None
        except FormErrors as exc:
            record, errors = None, exc.errors
        if record is not None:
            create_record(get_store(), type(record).__name__, record, actor())
            flash(done, "ok")
            return redirect(goto(record))
    if render is not None:
        return render(values, errors)
    return form_page(title, spec, values, errors, action=request.path, version=None, back=back)


def conflict_page(entity_type: str, mine: Any, current: Any, version: int | None, back: str, resubmit: str):
    """The conflict page: the user's version and the version in the kaart now, side by side."""
    pairs = [
        (f.name, jsonable(getattr(mine, f.name)), jsonable(getattr(current, f.name)))
        for f in dataclasses.fields(current)
        if f.name not in HIDDEN_FIELDS
    ]
    readable = Readable()
    for name, a, b in pairs:
        readable.want(name, a, b)
    readable.resolve()
    rows = [
        (label_of(entity_type, name), readable.value(name, a), readable.value(name, b), not same_value(a, b))
        for name, a, b in pairs
    ]
    meta = current_version(get_store(), entity_type, current.id)
    recent = [c for c in ChangeRepository(get_store()).for_entity(entity_type, current.id, limit=20)]
    hidden = [
        (k, v) for k in request.form for v in request.form.getlist(k) if k not in ("csrf_token", "versie")
    ]
    return (
        render_template(
            "beheer/conflict.html",
            rows=rows,
            entity_type=entity_type,
            name=record_name(current),
            back=back,
            resubmit=resubmit,
            hidden=hidden,
            version=meta if meta is not None else version,
            recent=recent,
        ),
        409,
    )


def save(entity_type: str, before: Any, after: Any, version: int, back: str, resubmit: str):
    """Write an edit of an existing record; None on success, else the conflict page response."""
    if not diff_fields(before, after):
        flash(gettext("Er was niets veranderd."), "info")
        return None
    try:
        save_edit(get_store(), entity_type, after, actor(), version)
    except ConflictError:
        current = repository_for(get_store(), entity_type).get(after.id)
        if current is None:
            abort(404)
        return conflict_page(entity_type, after, current, version, back, resubmit)
    flash(gettext("Opgeslagen."), "ok")
    return None


def get_or_404(entity_type: str, id: str) -> tuple[Any, int]:
    repo = repository_for(get_store(), entity_type)
    record = repo.get(id)
    if record is None:
        abort(404)
    meta = repo.meta(id) or {}
    return record, int(meta.get("version") or 0)


def form_values(record: Any, spec: Sequence[F]) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in spec}


def retry_edit(entity_type: str, id: str, change, note: str | None = None, attempts: int = 3) -> bool:
    """An edit that is not based on a form (archive cascade, merge): re-read and retry on a conflict."""
    repo = repository_for(get_store(), entity_type)
    for _ in range(attempts):
        record = repo.get(id)
        if record is None:
            return False
        new = change(record)
        if new == record:
            return True
        version = int((repo.meta(id) or {}).get("version") or 0)
        try:
            save_edit(get_store(), entity_type, new, actor(), version, note=note)
            return True
        except ConflictError:
            time.sleep(0.05)
    return False


def names_for_changes(changes: Sequence[Any]) -> dict[tuple[str, str], str]:
    by_type: dict[str, set[str]] = {}
    for c in changes:
        by_type.setdefault(c.entity, set()).add(c.entity_id)
    return record_names(by_type)


def record_names(by_type: Mapping[str, Iterable[str]]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for etype, ids in by_type.items():
        if etype not in FIELDS:
            continue
        for r in repository_for(get_store(), etype).get_many(sorted(set(ids))):
            out[(etype, r.id)] = record_name(r)
    return out


def record_name(record: Any) -> str:
    return getattr(record, "name", None) or getattr(record, "number", None) or record.id


@dataclass(frozen=True)
class RecordPage:
    """How the generic edit view edits one record type.

    `apply(record, values, form)` makes the edited record from valid form values (or returns a dict of
    errors); `render(record, version, values, errors)` shows the page; `done(record)` is where a save goes
    (default: the page itself)."""

    entity_type: str
    spec: Sequence[F]
    endpoint: str
    render: Callable[[Any, int, dict[str, Any], dict[str, str]], Any] | None = None
    apply: Callable[[Any, dict[str, Any], Mapping[str, Any]], Any] = lambda r, values, form: (
        dataclasses.replace(r, **values)
    )
    done: Callable[[Any], str] | None = None
    values: Callable[[Any], dict[str, Any]] | None = (
        None  # the form's values of a record (default: its fields)
    )
    # Deleting (only where `deleted`, the message after a delete, is set): where to go afterwards, and why
    # the record cannot be deleted now (or None).
    deleted: str = ""
    after_delete: Callable[[Any], str] | None = None
    in_use: Callable[[Any], str | None] | None = None
    # The generic form page (when there is no `render`): its title, its way back and what else it shows.
    title: Callable[[Any], str] = record_name
    back: Callable[[Any], str] = lambda record: url_for("beheer.dashboard")
    extra: Callable[[Any], dict[str, Any]] = lambda record: {}


def edit_record(page: RecordPage, id: str):
    """The one edit view of every record type: show the form, or validate, save at the form's version
    (conflict page when someone else saved first) and go on."""
    record, version = get_or_404(page.entity_type, id)
    values = page.values(record) if page.values else form_values(record, page.spec)
    errors: dict[str, str] = {}
    here = url_for(page.endpoint, id=id)
    if request.method == "POST":
        values, errors = parse_fields(page.spec, request.form)
        try:
            after = page.apply(record, values, request.form) if not errors else None
        except FormErrors as exc:
            after = exc.errors
        if isinstance(after, dict):
            errors = after
        elif after is not None:
            conflict = save(page.entity_type, record, after, form_version(request.form), here, here)
            if conflict is not None:
                return conflict
            return redirect(page.done(record) if page.done else here)
    if page.render is not None:
        return page.render(record, version, values, errors)
    return form_page(
        page.title(record),
        page.spec,
        values,
        errors,
        action=here,
        version=version,
        back=page.back(record),
        record=record,
        entity_slug=SLUG_OF[page.entity_type],
        delete_url=url_for(page.endpoint + "_delete", id=id) if page.deleted else None,
        **page.extra(record),
    )


def delete_record_view(page: RecordPage, id: str):
    """Delete a record at the version its form was made from (refused while `in_use`, conflict when changed)."""
    here = url_for(page.endpoint, id=id)
    if request.method == "GET":
        return redirect(here)
    record, _ = get_or_404(page.entity_type, id)
    refusal = page.in_use(record) if page.in_use else None
    if refusal:
        flash(refusal, "fout")
        return redirect(here)
    try:
        delete_record(get_store(), page.entity_type, id, actor(), form_version(request.form))
    except ConflictError:
        flash(gettext("Iemand anders heeft dit net veranderd. Bekijk het opnieuw."), "fout")
        return redirect(here)
    flash(page.deleted, "ok")
    return redirect(page.after_delete(record) if page.after_delete else url_for("beheer.dashboard"))


def register_record_pages(bp: Blueprint, pages: Iterable[tuple[str, RecordPage]]) -> None:
    """One edit route (and, where the type can be deleted, one delete route) per record type, all served by
    the generic views; endpoint names as before ("beheer.organisation", "beheer.location_delete", …)."""
    for rule, page in pages:
        name = page.endpoint.split(".", 1)[1]
        bp.add_url_rule(rule, name, _bound(edit_record, page, name), methods=["GET", "POST"])
        if page.deleted:
            delete = _bound(delete_record_view, page, name + "_delete")
            bp.add_url_rule(rule + "/verwijderen", name + "_delete", delete, methods=["GET", "POST"])


def _bound(view: Callable[[RecordPage, str], Any], page: RecordPage, name: str) -> Callable[[str], Any]:
    def bound(id: str):
        return view(page, id)

    bound.__name__ = bound.__qualname__ = name
    bound.__doc__ = f"{view.__doc__} ({page.entity_type})"
    return audience("coordinator")(bound)
