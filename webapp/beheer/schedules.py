"""Bereikbaarheid and wachttijd in the beheer and partner forms: one text field per kind of hours (visiting,
phone, walk-in), "op afspraak", temporary closures one per line, read by the one Dutch hours parser
(ingest/hours.py, ADR 0035) into HSDS-shaped schedules; and the wachttijd, which needs the date it was given."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from graph.models import Schedule, Service
from ingest.hours import (
    OpeningHoursError,
    form_texts,
    opening_hours_of,
    parse_closure,
    schedules_from_texts,
)
from webapp.beheer.fields import SCHEDULE_FIELDS, FormErrors, clean_text
from webapp.hours_text import hours_lines

# hours_lines leaves out closures that are over and the year of this year's dates; from long ago it keeps both.
_LONG_AGO = datetime(1970, 1, 1, tzinfo=UTC)

SCHEDULE_NAMES = tuple(f.name for f in SCHEDULE_FIELDS)
LABELS = {f.name: f.label for f in SCHEDULE_FIELDS}
WAIT_DATE_NEEDED = "Vul in op welke datum deze wachttijd is doorgegeven."


def schedule_texts(svc: Service | None) -> dict[str, Any]:
    """What the form shows for a service's hours. A service that only has the older OSM summary shows that
    (the parser reads it), so its hours are not lost when the form is saved."""
    if svc is None:
        return {"openingstijden": "", "telefonisch": "", "inloop": "", "afspraak": False, "gesloten": ""}
    texts = form_texts(svc.schedules)
    if not svc.schedules and svc.opening_hours:
        texts["openingstijden"] = svc.opening_hours
    closures = [f"{a} t/m {b}: {m}" if b else f"vanaf {a}: {m}" for a, b, m in texts["gesloten"]]
    return {
        "openingstijden": texts["openingstijden"],
        "telefonisch": texts["telefonisch"],
        "inloop": texts["inloop"],
        "afspraak": bool(texts["afspraak"]),
        "gesloten": "\n".join(closures),
    }


def _same(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    def norm(v: Any) -> Any:
        return " ".join(str(v).split()) if isinstance(v, str) else bool(v)

    return all(norm(a.get(k) or "") == norm(b.get(k) or "") for k in SCHEDULE_NAMES)


def schedule_changes(svc: Service | None, service_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The record fields the hours part of a form sets: `schedules` and the derived `opening_hours` summary;
    {} when the texts are what the form showed (an unchanged form changes nothing). Raises FormErrors."""
    sent = {k: values.get(k) for k in SCHEDULE_NAMES}
    if svc is not None and _same(sent, schedule_texts(svc)):
        return {}
    errors: dict[str, str] = {}
    closures = []
    for n, line in enumerate(clean_text(sent.get("gesloten"), 4000).splitlines(), start=1):
        if line.strip():
            try:
                c = parse_closure(line)
                closures.append((c.valid_from or "", c.valid_to, c.description or ""))
            except OpeningHoursError as exc:
                errors["gesloten"] = f"{LABELS['gesloten']}, regel {n}: {exc}."
    texts = {k: sent.get(k) or "" for k in ("openingstijden", "telefonisch", "inloop")}
    texts["afspraak"] = "ja" if sent.get("afspraak") else ""
    schedules: tuple[Schedule, ...] = ()
    try:
        schedules = schedules_from_texts(service_id, texts, closures)
    except OpeningHoursError as exc:
        kind, _, reason = str(exc).partition(": ")
        field = kind if kind in LABELS else "openingstijden"
        errors.setdefault(
            field,
            f"{LABELS[field]}: dit kunnen we niet lezen ({reason or exc}). Schrijf bijvoorbeeld: ma t/m vr 9.00-17.00.",
        )
    if errors:
        raise FormErrors(errors)
    return {"schedules": schedules, "opening_hours": opening_hours_of(schedules)}


def wait_time_errors(
    before: Service | None, values: Mapping[str, Any], prefix: str = "", *, sent_date: bool = True
) -> dict[str, str]:
    """A wachttijd is only worth something with the date it was given: a changed wachttijd needs a date
    (and, from a partner, a date sent with it)."""
    new = values.get("wait_time")
    changed = new and new != (before.wait_time if before else None)
    if changed and (not values.get("wait_time_date") or not sent_date):
        return {prefix + "wait_time_date": WAIT_DATE_NEEDED}
    return {}


def hours_summary(schedules: Any) -> str:
    """Schedules (records or their JSON) as one line for people, in the words of the public site
    (webapp/hours_text.py): "Open ma t/m vr 8.30–17.00; op afspraak; gesloten van 21 december 2026 tot en met
    3 januari 2027: Kerstsluiting". Every closure is listed, also past ones (this is a record of a change)."""
    records = tuple(Schedule(**s) if isinstance(s, Mapping) else s for s in schedules or ())
    lines = hours_lines(records, when=_LONG_AGO)
    if not lines:
        return "(leeg)"
    text = "; ".join(lines)
    return text[:1].upper() + text[1:]


def opening_hours_text(value: str) -> str:
    """The older OSM summary ("Mo-Fr 08:30-17:00") in Dutch; as it is when it cannot be read."""
    try:
        schedules = schedules_from_texts("x", {"openingstijden": value}, [])
    except OpeningHoursError:
        return value
    return hours_summary(schedules) if schedules else value
