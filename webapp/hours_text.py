"""Texts a resident can act on: when a service is open or reachable, and its wachttijd with the date it was
given. Plain functions on `graph.models.Schedule` records (evaluated by graph/schedules.py in
Europe/Amsterdam time), plus the Jinja names every template may use (`init_hours_text`):

- `bereikbaarheid(s)` → one line: "nu open · vandaag tot 17.00", "gesloten · morgen vanaf 9.00",
  "24 uur per dag bereikbaar", "op afspraak", "nu telefonisch bereikbaar · vandaag tot 12.00"; "" when unknown.
  `s` is anything with `schedules` and `available_24_7` (Service, ServiceSummary).
- `tijden(s)` → the lines of the week: "open ma t/m vr 9.00–17.00", "inloop di en do 10.00–12.00",
  "telefonisch bereikbaar ma t/m vr 9.00–17.00", "op afspraak", "gesloten op feestdagen", and a closure with
  its message.
- `wachttijd(s)` → "wachttijd ongeveer 6 weken (doorgegeven op 3 november)", or after
  `KAART_WACHTTIJD_STALE_WEEKS` weeks "wachttijd onbekend; laatst doorgegeven op 3 november 2025"; "" when
  there is no wachttijd.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from graph import schedules as sched
from graph.models import Schedule
from ingest.hours import SOURCE_TEXT_NOTE, nl_days

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
ORDINALS = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", 5: "vijfde", -1: "laatste"}
DEFAULT_STALE_WEEKS = 8
SOURCE_LABEL = {
    "openingstijden": "openingstijden",
    "inloop": "inloop",
    "telefonisch": "telefonisch bereikbaar",
}


def now() -> datetime:
    return datetime.now(sched.TZ)


def clock(moment: datetime) -> str:
    """9.00, 17.30 (Dutch notation, no leading zero)."""
    return f"{moment.hour}.{moment.minute:02d}"


def _span_time(value: str | None) -> str:
    m = sched.minutes(value)
    m = 24 * 60 if m is None else m
    return f"{m // 60}.{m % 60:02d}"


def day_word(moment: datetime, today: date) -> str:
    """vandaag, morgen, or the weekday (within a week), else the date."""
    d = moment.date()
    if d == today:
        return "vandaag"
    if d == today + timedelta(days=1):
        return "morgen"
    if d < today + timedelta(days=7):
        return WEEKDAYS[d.weekday()]
    return f"{d.day} {MONTHS[d.month - 1]}"


def long_date(value: str | date, today: date | None = None) -> str:
    """3 november (this year) or 3 november 2025."""
    d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    year = "" if today is not None and d.year == today.year else f" {d.year}"
    return f"{d.day} {MONTHS[d.month - 1]}{year}"


def days_text(byday: str | None) -> str:
    """`MO,TU,WE,TH,FR` → "ma t/m vr"; `TU,TH` → "di en do"; monthly `1WE` → "elke eerste woensdag van de maand"."""
    codes = [d.strip().upper() for d in (byday or "").split(",") if d.strip()]
    monthly = [c for c in codes if len(c) > 2]
    if monthly:
        parts = []
        for c in monthly:
            n, day = int(c[:-2]), c[-2:]
            parts.append(f"{ORDINALS.get(n, f'{n}e')} {WEEKDAYS[sched.DAYS.index(day)]}")
        return "elke " + " en ".join(parts) + " van de maand"
    weekly = {c for c in codes if c in sched.DAYS}
    # The form text says "dagelijks" (the parser reads it back); a resident reads "elke dag".
    return "elke dag" if len(weekly) == 7 else nl_days(",".join(weekly))


def _rules(schedules: Sequence[Schedule], kind: str) -> str:
    """ "ma t/m vr 9.00–12.00 en 13.00–17.00, za 10.00–12.00" for the timed schedules of one kind. Days with
    the same hours are one rule, however the source wrote them (HSDS publishers often write a row per day)."""
    per_day: dict[str, list[str]] = {}
    monthly: dict[str, list[str]] = {}
    timed = [s for s in schedules if s.kind == kind and s.opens_at and s.byday and not s.valid_to]
    for s in sorted(timed, key=lambda s: sched.minutes(s.opens_at) or 0):
        span = f"{_span_time(s.opens_at)}–{_span_time(s.closes_at)}"
        for code in (c.strip().upper() for c in (s.byday or "").split(",") if c.strip()):
            target = per_day if code in sched.DAYS else monthly
            if span not in target.setdefault(code, []):
                target[code].append(span)
    groups: dict[tuple[str, ...], list[str]] = {}
    for code in sched.DAYS:
        if code in per_day:
            groups.setdefault(tuple(per_day[code]), []).append(code)
    rules = [(days_text(",".join(days)), spans) for spans, days in groups.items()]
    by_text: dict[str, list[str]] = {}
    for code, spans in monthly.items():
        by_text.setdefault(days_text(code), []).extend(spans)
    rules += [(days, tuple(spans)) for days, spans in by_text.items()]
    return ", ".join(f"{days} {' en '.join(spans)}" for days, spans in rules)


def _own_words(s: Schedule) -> str:
    """The description of a schedule when it says more than its days and times (publishers write "Inloop in
    het Dorpshuis", "Alleen op afspraak. Bel of mail voor een afspraak."); "" when it only restates them."""
    text = (s.description or "").strip()
    if not text or text.lower().rstrip(".") in {"op afspraak", "gesloten op feestdagen"}:
        return ""
    if not s.opens_at:  # a row without a rule: its text is all there is
        return text
    from ingest.hours import OpeningHoursError, parse_schedules

    try:
        parse_schedules(re.sub(r"\([^)]*\)", " ", text))
    except OpeningHoursError:
        return text
    return ""  # hours in words, already shown as a rule


def _closure(s: Schedule, today: date) -> str:
    if s.valid_from and s.valid_to:
        period = f"van {long_date(s.valid_from, today)} tot en met {long_date(s.valid_to, today)}"
    elif s.valid_from:
        period = f"vanaf {long_date(s.valid_from, today)}"
    else:
        period = f"tot en met {long_date(s.valid_to or today, today)}"
    return f"gesloten {period}" + (f": {s.description}" if s.description else "")


def hours_lines(schedules: Sequence[Schedule], when: datetime | None = None) -> list[str]:
    """The week of a service in lines a resident can act on; closures that are over are left out."""
    today = sched.local(when or now()).date()
    out = []
    for kind, label in (
        ("openingstijden", "open"),
        ("inloop", "inloop"),
        ("telefonisch", "telefonisch bereikbaar"),
        ("afspraak", "op afspraak"),
    ):
        own = [s for s in schedules if s.kind == kind and s.notes != SOURCE_TEXT_NOTE]
        words = list(dict.fromkeys(w for w in map(_own_words, own) if w))
        if sched.always(schedules, (kind,)):
            out.append(
                "24 uur per dag bereikbaar"
                if kind != "telefonisch"
                else "telefonisch 24 uur per dag bereikbaar"
            )
            out += words
            continue
        rules = _rules(schedules, kind)
        if rules:
            out.append(f"{label} {rules}")
        elif kind == "afspraak" and own and not words:
            out.append("op afspraak")
        out += [w for w in words if w not in out]
    for s in schedules:
        if s.kind == "gesloten-feestdagen":
            out.append("gesloten op feestdagen")
        elif s.kind == "gesloten" and (not s.valid_to or s.valid_to[:10] >= today.isoformat()):
            out.append(_closure(s, today))
    for s in schedules:  # hours the import could not read: the source's own words, marked as such
        if s.notes == SOURCE_TEXT_NOTE and s.description and not s.opens_at:
            out.append(f"{SOURCE_LABEL.get(s.kind, 'tijden')} volgens de bron: “{s.description}”")
    return out


def _status(schedules: Sequence[Schedule], when: datetime, kinds: Sequence[str], open_word: str) -> str:
    today = sched.local(when).date()
    until = sched.open_until(schedules, when, kinds)
    if until is not None:
        if (until.hour, until.minute) == (0, 0):  # until midnight: "vandaag tot 24.00", not "morgen tot 0.00"
            return f"{open_word} · {day_word(until - timedelta(minutes=1), today)} tot 24.00"
        return f"{open_word} · {day_word(until, today)} tot {clock(until)}"
    closed = "gesloten" if open_word == "nu open" else "nu niet bereikbaar"
    exception = sched.closed_on(schedules, today)
    days = 14
    if exception is not None and exception.kind == "gesloten":
        closed = "tijdelijk gesloten"
        if exception.valid_to:  # look past the end of the closure for the next opening
            days = max(days, (date.fromisoformat(exception.valid_to[:10]) - today).days + 8)
    elif exception is not None:
        closed = f"gesloten ({sched.holidays(today.year)[today]})"
    nxt = sched.next_open(schedules, when, kinds, days=days)
    if nxt is None:
        return closed
    return f"{closed} · {day_word(nxt, today)} vanaf {clock(nxt)}"


def hours_status(
    schedules: Sequence[Schedule], when: datetime | None = None, *, available_24_7: bool = False
) -> str:
    """One line: open now and until when, or when next; "" when nothing is known (the page then says the
    hours are not verified). Visiting and walk-in hours first, then phone hours, then "op afspraak"."""
    when = when or now()
    closure = sched.closed_on(schedules, sched.local(when).date())
    if (available_24_7 or sched.always(schedules, sched.REACHABLE_KINDS)) and closure is None:
        return "24 uur per dag bereikbaar"
    for kinds, open_word in (
        (sched.VISIT_KINDS, "nu open"),
        (sched.PHONE_KINDS, "nu telefonisch bereikbaar"),
    ):
        if sched.always(schedules, kinds) and closure is None:
            return "24 uur per dag bereikbaar"
        if sched.timed(schedules, kinds):
            return _status(schedules, when, kinds, open_word)
    if any(s.kind == "afspraak" for s in schedules):
        return "op afspraak"
    if closure is not None:
        return "gesloten vandaag"
    return ""


def wachttijd_text(
    wait_time: str | None, wait_time_date: str | None, today: date | None = None, stale_weeks: int = 8
) -> str:
    """ "wachttijd ongeveer 6 weken (doorgegeven op 3 november)"; older than `stale_weeks`: "wachttijd
    onbekend; laatst doorgegeven op …"; without a date: "(datum onbekend)"; "" without a wachttijd."""
    text = (wait_time or "").strip().rstrip(".")
    if not text:
        return ""
    today = today or now().date()
    low = text.lower()
    if low.startswith("wachttijd"):
        text = text[len("wachttijd") :].strip(" :")
        low = text.lower()
    label = "geen wachttijd" if low.startswith("geen") else ""
    about = (
        ""
        if any(w in low for w in ("ongeveer", "circa", "ca.", "geen", "niet", "direct", "max", "<", ">"))
        else "ongeveer "
    )
    try:
        given = date.fromisoformat((wait_time_date or "")[:10]) if wait_time_date else None
    except ValueError:
        given = None
    said = label or f"wachttijd {about}{text}"
    if given is None:
        return f"{said} (datum onbekend)"
    if today - given > timedelta(weeks=stale_weeks):
        return f"wachttijd onbekend; laatst doorgegeven op {long_date(given)}"
    return f"{said} (doorgegeven op {long_date(given, today)})"


def schedules_of(s: Any) -> tuple[Schedule, ...]:
    """The schedules of a service (or summary); a service with only the older OSM `opening_hours` (an edit
    made before the forms wrote schedules) gets them read from that text, unreadable text gives none."""
    found = tuple(getattr(s, "schedules", ()) or ())
    if found or not getattr(s, "opening_hours", None):
        return found
    from ingest.hours import OpeningHoursError, parse_schedules

    try:
        return parse_schedules(s.opening_hours)
    except OpeningHoursError:
        return ()


def init_hours_text(app: Any) -> None:
    """Jinja globals `bereikbaarheid(s)`, `tijden(s)` and `wachttijd(s)` (see the module docstring)."""
    try:
        weeks = int(app.config.get("WACHTTIJD_STALE_WEEKS") or DEFAULT_STALE_WEEKS)
    except (TypeError, ValueError):
        weeks = DEFAULT_STALE_WEEKS

    def bereikbaarheid(s: Any) -> str:
        return hours_status(schedules_of(s), available_24_7=bool(getattr(s, "available_24_7", False)))

    def tijden(s: Any) -> list[str]:
        return hours_lines(schedules_of(s))

    def wachttijd(s: Any) -> str:
        return wachttijd_text(
            getattr(s, "wait_time", None), getattr(s, "wait_time_date", None), stale_weeks=weeks
        )

    app.jinja_env.globals.update(bereikbaarheid=bereikbaarheid, tijden=tijden, wachttijd=wachttijd)
