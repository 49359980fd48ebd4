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

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from graph import schedules as sched
from graph.models import Schedule
from ingest.hours import SOURCE_TEXT_NOTE, nl_days
from webapp.i18n import SOURCE, current_language

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
ORDINALS = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", 5: "vijfde", -1: "laatste"}
# The same words in the interface language (the lines are for residents; outside a request they are Dutch).
ORDINALS_SHOWN = {
    1: _l("eerste"), 2: _l("tweede"), 3: _l("derde"), 4: _l("vierde"), 5: _l("vijfde"), -1: _l("laatste"),
}  # fmt: skip
DEFAULT_STALE_WEEKS = 8
SOURCE_LABEL = {
    "openingstijden": _l("openingstijden"),
    "inloop": _l("inloop"),
    "telefonisch": _l("telefonisch bereikbaar"),
}


def _lang() -> str:
    """The language of the lines: the interface language once its catalogue has the hours texts; until then
    Dutch, so a line is never Dutch words around translated day names."""
    code = current_language().code
    return code if code == SOURCE or _("elke dag") != "elke dag" else SOURCE


def _weekday(d: date) -> str:
    if _lang() == SOURCE:
        return WEEKDAYS[d.weekday()]
    from babel.dates import format_date

    return format_date(d, "EEEE", locale=_lang())


def _month_day(d: date, with_year: bool) -> str:
    if _lang() == SOURCE:
        return f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if with_year else "")
    from babel.dates import format_date

    return format_date(d, "d MMMM y" if with_year else "d MMMM", locale=_lang())


def _and(items: Sequence[str]) -> str:
    """ "a, b en c" in the interface language."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return _("%(rest)s en %(last)s", rest=", ".join(items[:-1]), last=items[-1])


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
        return _("vandaag")
    if d == today + timedelta(days=1):
        return _("morgen")
    if d < today + timedelta(days=7):
        return _weekday(d)
    return _month_day(d, with_year=False)


def long_date(value: str | date, today: date | None = None) -> str:
    """3 november (this year) or 3 november 2025."""
    d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return _month_day(d, with_year=not (today is not None and d.year == today.year))


def days_text(byday: str | None) -> str:
    """`MO,TU,WE,TH,FR` → "ma t/m vr"; `TU,TH` → "di en do"; monthly `1WE` → "elke eerste woensdag van de maand"."""
    codes = [d.strip().upper() for d in (byday or "").split(",") if d.strip()]
    monthly = [c for c in codes if len(c) > 2]
    if monthly:
        parts = []
        for c in monthly:
            n, day = int(c[:-2]), c[-2:]
            parts.append(f"{ORDINALS_SHOWN.get(n, f'{n}.')} {_day_name(sched.DAYS.index(day), wide=True)}")
        return _("elke %(days)s van de maand", days=_and(parts))
    weekly = {c for c in codes if c in sched.DAYS}
    # The form text says "dagelijks" (the parser reads it back); a resident reads "elke dag".
    if len(weekly) == 7:
        return _("elke dag")
    if _lang() == SOURCE:
        return nl_days(",".join(weekly))
    return _day_runs(sorted(sched.DAYS.index(c) for c in weekly))


def _day_name(index: int, wide: bool = False) -> str:
    """Monday = 0, in the interface language ("maandag"/"ma" in Dutch, "Monday"/"Mon" in English)."""
    if _lang() == SOURCE:
        return WEEKDAYS[index] if wide else WEEKDAYS[index][:2]
    from babel.dates import get_day_names

    return get_day_names("wide" if wide else "abbreviated", locale=_lang())[index]


def _day_runs(idx: Sequence[int]) -> str:
    """Days as "Mon–Fri" (three or more in a row), "Tue and Thu" otherwise: the Dutch `nl_days` rule."""
    runs: list[list[int]] = []
    for d in idx:
        if runs and runs[-1][-1] == d - 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    words: list[str] = []
    for r in runs:
        if len(r) > 2:
            words.append(_("%(first)s t/m %(last)s", first=_day_name(r[0]), last=_day_name(r[-1])))
        else:
            words += [_day_name(d) for d in r]
    return _and(words)


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
    return ", ".join(f"{days} {_and(spans)}" for days, spans in rules)


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
        line = _(
            "gesloten van %(start)s tot en met %(end)s",
            start=long_date(s.valid_from, today),
            end=long_date(s.valid_to, today),
        )
    elif s.valid_from:
        line = _("gesloten vanaf %(start)s", start=long_date(s.valid_from, today))
    else:
        line = _("gesloten tot en met %(end)s", end=long_date(s.valid_to or today, today))
    return line + (f": {s.description}" if s.description else "")


def hours_lines(schedules: Sequence[Schedule], when: datetime | None = None) -> list[str]:
    """The week of a service in lines a resident can act on; closures that are over are left out."""
    today = sched.local(when or now()).date()
    out = []
    for kind, label in (
        ("openingstijden", _("open")),
        ("inloop", _("inloop")),
        ("telefonisch", _("telefonisch bereikbaar")),
        ("afspraak", _("op afspraak")),
    ):
        own = [s for s in schedules if s.kind == kind and s.notes != SOURCE_TEXT_NOTE]
        words = list(dict.fromkeys(w for w in map(_own_words, own) if w))
        if sched.always(schedules, (kind,)):
            out.append(
                _("24 uur per dag bereikbaar")
                if kind != "telefonisch"
                else _("telefonisch 24 uur per dag bereikbaar")
            )
            out += words
            continue
        rules = _rules(schedules, kind)
        if rules:
            out.append(f"{label} {rules}")
        elif kind == "afspraak" and own and not words:
            out.append(_("op afspraak"))
        out += [w for w in words if w not in out]
    for s in schedules:
        if s.kind == "gesloten-feestdagen":
            out.append(_("gesloten op feestdagen"))
        elif s.kind == "gesloten" and (not s.valid_to or s.valid_to[:10] >= today.isoformat()):
            out.append(_closure(s, today))
    for s in schedules:  # hours the import could not read: the source's own words, marked as such
        if s.notes == SOURCE_TEXT_NOTE and s.description and not s.opens_at:
            label = SOURCE_LABEL.get(s.kind) or _("tijden")
            out.append(_("%(label)s volgens de bron: “%(text)s”", label=label, text=s.description))
    return out


def _status(schedules: Sequence[Schedule], when: datetime, kinds: Sequence[str], visit: bool) -> str:
    today = sched.local(when).date()
    until = sched.open_until(schedules, when, kinds)
    open_word = _("nu open") if visit else _("nu telefonisch bereikbaar")
    if until is not None:
        if (until.hour, until.minute) == (0, 0):  # until midnight: "vandaag tot 24.00", not "morgen tot 0.00"
            day, time = day_word(until - timedelta(minutes=1), today), "24.00"
        else:
            day, time = day_word(until, today), clock(until)
        return _("%(state)s · %(day)s tot %(time)s", state=open_word, day=day, time=time)
    closed = _("gesloten") if visit else _("nu niet bereikbaar")
    exception = sched.closed_on(schedules, today)
    days = 14
    if exception is not None and exception.kind == "gesloten":
        closed = _("tijdelijk gesloten")
        if exception.valid_to:  # look past the end of the closure for the next opening
            days = max(days, (date.fromisoformat(exception.valid_to[:10]) - today).days + 8)
    elif exception is not None:
        closed = _("gesloten (%(holiday)s)", holiday=sched.holidays(today.year)[today])
    nxt = sched.next_open(schedules, when, kinds, days=days)
    if nxt is None:
        return closed
    return _("%(state)s · %(day)s vanaf %(time)s", state=closed, day=day_word(nxt, today), time=clock(nxt))


def hours_status(
    schedules: Sequence[Schedule], when: datetime | None = None, *, available_24_7: bool = False
) -> str:
    """One line: open now and until when, or when next; "" when nothing is known (the page then says the
    hours are not verified). Visiting and walk-in hours first, then phone hours, then "op afspraak"."""
    when = when or now()
    closure = sched.closed_on(schedules, sched.local(when).date())
    if (available_24_7 or sched.always(schedules, sched.REACHABLE_KINDS)) and closure is None:
        return _("24 uur per dag bereikbaar")
    for kinds, visit in ((sched.VISIT_KINDS, True), (sched.PHONE_KINDS, False)):
        if sched.always(schedules, kinds) and closure is None:
            return _("24 uur per dag bereikbaar")
        if sched.timed(schedules, kinds):
            return _status(schedules, when, kinds, visit)
    if any(s.kind == "afspraak" for s in schedules):
        return _("op afspraak")
    if closure is not None:
        return _("gesloten vandaag")
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
    label = _("geen wachttijd") if low.startswith("geen") else ""
    about = (
        ""
        if any(w in low for w in ("ongeveer", "circa", "ca.", "geen", "niet", "direct", "max", "<", ">"))
        else "ongeveer "
    )
    try:
        given = date.fromisoformat((wait_time_date or "")[:10]) if wait_time_date else None
    except ValueError:
        given = None
    said = label or (
        _("wachttijd ongeveer %(text)s", text=text) if about else _("wachttijd %(text)s", text=text)
    )
    if given is None:
        return _("%(said)s (datum onbekend)", said=said)
    if today - given > timedelta(weeks=stale_weeks):
        return _("wachttijd onbekend; laatst doorgegeven op %(date)s", date=long_date(given))
    return _("%(said)s (doorgegeven op %(date)s)", said=said, date=long_date(given, today))


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

    def uren_nl() -> Any:
        """The `nl()` attributes while the lines are still Dutch in another interface language."""
        from webapp.i18n import dutch_data

        return dutch_data() if _lang() == SOURCE else ""

    app.jinja_env.globals.update(
        bereikbaarheid=bereikbaarheid, tijden=tijden, wachttijd=wachttijd, uren_nl=uren_nl
    )
