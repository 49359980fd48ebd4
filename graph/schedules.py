"""Schedules of a service: their storage (all Cypher for `Schedule` nodes) and the one question the site asks
of them, in Europe/Amsterdam time: open now, until when, and when next (docs/adr/0035-schedules-and-wachttijd.md).

Storage: `(:Service)-[:HAS_SCHEDULE]->(:Schedule)`, owned by the service. They are written with the service in
one unit of work (ServiceRepository calls `write_statements`): the old ones are removed and the new ones
created, so a schedule is never half old and half new. The node id is `<service id>/<schedule id>` (a
location's schedule may serve several services); the HSDS id is `schedule_id`.

Evaluation is plain Python on `graph.models.Schedule` records: weekly and monthly (`2MO`, `-1FR`) rules,
spans past midnight, `valid_from`/`valid_to`, temporary closures and Dutch public holidays. Local times are
turned into aware datetimes per date, so the last Sundays of March and October (DST) come out right.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from graph.models import Schedule
from graph.store import Statement

TZ = ZoneInfo("Europe/Amsterdam")
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
VISIT_KINDS = ("openingstijden", "inloop")  # you can walk in
PHONE_KINDS = ("telefonisch",)
REACHABLE_KINDS = VISIT_KINDS + PHONE_KINDS  # "nu open" on the list page: by visit or by phone
CLOSED_KINDS = ("gesloten", "gesloten-feestdagen")

# --- storage -------------------------------------------------------------------------------------------

_Q_DROP = "UNWIND $ids AS id MATCH (:Service {id: id})-[:HAS_SCHEDULE]->(x:Schedule) DETACH DELETE x"
# MERGE, not CREATE: a schedule left behind by a service deleted with a plain DETACH DELETE (same node id)
# is taken over; every field is sent (null removes it), so nothing of the old node survives.
_Q_MAKE = (
    "UNWIND $rows AS r MATCH (s:Service {id: r.sid}) MERGE (x:Schedule {id: r.id}) SET x += r.props "
    "MERGE (s)-[:HAS_SCHEDULE]->(x)"
)
_Q_READ = (
    "MATCH (s:Service)-[:HAS_SCHEDULE]->(x:Schedule) WHERE s.id IN $ids "
    "RETURN s.id AS id, properties(x) AS x ORDER BY id, x.schedule_id"
)
_FIELDS = tuple(f.name for f in fields(Schedule))


def write_statements(by_service: dict[str, Sequence[Schedule]]) -> list[Statement]:
    """Statements replacing the schedules of these services (run with the service's own statements)."""
    if not by_service:
        return []
    rows = []
    for sid, schedules in by_service.items():
        for s in schedules:
            props = {k: v for k, v in asdict(s).items() if k != "id"}
            props["schedule_id"] = s.id
            rows.append({"sid": sid, "id": f"{sid}/{s.id}", "props": props})
    statements: list[Statement] = [(_Q_DROP, {"ids": list(by_service)})]
    if rows:
        statements.append((_Q_MAKE, {"rows": rows}))
    return statements


def read_statement(service_ids: Sequence[str]) -> Statement:
    return (_Q_READ, {"ids": list(service_ids)})


def from_rows(rows: Iterable[dict[str, Any]]) -> dict[str, tuple[Schedule, ...]]:
    """Result rows of `read_statement` as records per service id (sorted by schedule id)."""
    out: dict[str, list[Schedule]] = {}
    for r in rows:
        x = dict(r["x"])
        x["id"] = x.pop("schedule_id", None) or x.get("id")
        out.setdefault(r["id"], []).append(Schedule(**{k: x[k] for k in _FIELDS if k in x}))
    return {k: tuple(sorted(v, key=lambda s: s.id)) for k, v in out.items()}


def drop_statement(service_ids: Sequence[str]) -> Statement:
    return (_Q_DROP, {"ids": list(service_ids)})


# --- Dutch public holidays ---------------------------------------------------------------------------


def easter(year: int) -> date:
    """Easter Sunday (Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def holidays(year: int) -> dict[date, str]:
    """The Dutch public holidays on which offices are usually closed (Bevrijdingsdag only every fifth year,
    as in most collective agreements; Goede Vrijdag is no day off)."""
    e = easter(year)
    kings = date(year, 4, 27)
    if kings.weekday() == 6:
        kings = date(year, 4, 26)
    out = {
        date(year, 1, 1): "Nieuwjaarsdag",
        e: "Eerste Paasdag",
        e + timedelta(days=1): "Tweede Paasdag",
        kings: "Koningsdag",
        e + timedelta(days=39): "Hemelvaartsdag",
        e + timedelta(days=49): "Eerste Pinksterdag",
        e + timedelta(days=50): "Tweede Pinksterdag",
        date(year, 12, 25): "Eerste Kerstdag",
        date(year, 12, 26): "Tweede Kerstdag",
    }
    if year % 5 == 0:
        out[date(year, 5, 5)] = "Bevrijdingsdag"
    return out


# --- evaluation -----------------------------------------------------------------------------------------


def minutes(value: str | None) -> int | None:
    """`HH:MM[:SS]` → minutes since midnight; `23:59`/`23:59:59`/`24:00` → 1440. None when empty/unreadable."""
    if not value:
        return None
    parts = value.strip()[:8].split(":")
    try:
        hh, mm = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    except ValueError:
        return None
    if (hh, mm) in {(23, 59), (24, 0)}:
        return 24 * 60
    if not (0 <= hh < 24 and 0 <= mm < 60):
        return None
    return hh * 60 + mm


def _valid_on(s: Schedule, day: date) -> bool:
    iso = day.isoformat()
    return (not s.valid_from or s.valid_from[:10] <= iso) and (not s.valid_to or iso <= s.valid_to[:10])


def _nth_weekday(day: date) -> tuple[int, int]:
    """(n, -m): `day` is the n-th and the m-th-from-last such weekday of its month."""
    n = (day.day - 1) // 7 + 1
    next_month = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    last = (next_month - day).days - 1
    return n, -(last // 7 + 1)


def _on_day(s: Schedule, day: date) -> bool:
    """Does the rule of `s` (weekly or monthly byday) fall on `day`? Exceptions are not rules."""
    if s.kind in CLOSED_KINDS or not _valid_on(s, day):
        return False
    freq = (s.freq or "WEEKLY").upper()
    if s.interval not in (None, 1):
        return False  # fortnightly needs a start date we do not keep: not evaluated (the text still shows)
    days = [d.strip().upper() for d in (s.byday or "").split(",") if d.strip()]
    code = DAYS[day.weekday()]
    if freq == "WEEKLY":
        return code in days
    if freq == "MONTHLY":
        n, m = _nth_weekday(day)
        return any(d[-2:] == code and d[:-2] in {str(n), f"+{n}", str(m)} for d in days)
    return False


def closed_on(schedules: Iterable[Schedule], day: date) -> Schedule | None:
    """The exception that closes the service on `day` (a temporary closure or a public holiday), if any."""
    for s in schedules:
        if s.kind == "gesloten" and (s.valid_from or s.valid_to) and _valid_on(s, day):
            return s
        if s.kind == "gesloten-feestdagen" and day in holidays(day.year):
            return s
    return None


def _at(day: date, mins: int) -> datetime:
    extra, mins = divmod(mins, 24 * 60)
    return datetime.combine(day + timedelta(days=extra), time(mins // 60, mins % 60), tzinfo=TZ)


def spans(schedules: Sequence[Schedule], day: date, kinds: Sequence[str]) -> list[tuple[datetime, datetime]]:
    """Open spans (aware datetimes) that start on `day`, for schedules of these kinds; none on a closed day."""
    if closed_on(schedules, day) is not None:
        return []
    out = []
    for s in schedules:
        if s.kind not in kinds or not _on_day(s, day):
            continue
        start, end = minutes(s.opens_at), minutes(s.closes_at)
        if start is None or end is None:
            continue
        if end <= start:
            end += 24 * 60  # past midnight
        out.append((_at(day, start), _at(day, end)))
    return sorted(out)


def timed(schedules: Iterable[Schedule], kinds: Sequence[str]) -> bool:
    """Are there schedules of these kinds with times (so "open now" can be answered)?"""
    return any(s.kind in kinds and minutes(s.opens_at) is not None for s in schedules)


def local(when: datetime) -> datetime:
    return when.astimezone(TZ) if when.tzinfo else when.replace(tzinfo=TZ)


def open_until(schedules: Sequence[Schedule], when: datetime, kinds: Sequence[str]) -> datetime | None:
    """When open at `when`: the end of the (merged) open span; None when closed."""
    now = local(when)
    candidates = [sp for d in (-1, 0) for sp in spans(schedules, now.date() + timedelta(days=d), kinds)]
    end = None
    for a, b in sorted(candidates):
        if a <= now < b or (end is not None and a <= end):
            end = max(end or b, b)
    if end is None:
        return None
    # spans that continue into the next days (24/7, or 22:00-02:00 followed by 02:00-…)
    for d in range(1, 8):
        more = [b for a, b in spans(schedules, now.date() + timedelta(days=d), kinds) if a <= end]
        if not more:
            break
        end = max(more)
    return end


def is_open(
    schedules: Sequence[Schedule], when: datetime, kinds: Sequence[str] = REACHABLE_KINDS
) -> bool | None:
    """Open at `when` by schedules of these kinds? None when none of them has times (unknown)."""
    if not timed(schedules, kinds):
        return None
    return open_until(schedules, when, kinds) is not None


def next_open(
    schedules: Sequence[Schedule], when: datetime, kinds: Sequence[str], days: int = 14
) -> datetime | None:
    """The start of the next open span after `when` (within `days`), None when there is none."""
    now = local(when)
    for d in range(0, days + 1):
        for a, _ in spans(schedules, now.date() + timedelta(days=d), kinds):
            if a > now:
                return a
    return None


def always(schedules: Sequence[Schedule], kinds: Sequence[str]) -> bool:
    """Round the clock every day (24/7) by schedules of these kinds, without exceptions."""
    full = set()
    for s in schedules:
        if s.kind in CLOSED_KINDS:
            return False
        weekly = (s.freq or "WEEKLY").upper() == "WEEKLY" and not (s.valid_from or s.valid_to)
        if s.kind in kinds and weekly and minutes(s.opens_at) == 0 and minutes(s.closes_at) == 24 * 60:
            full.update(d.strip().upper() for d in (s.byday or "").split(","))
    return full >= set(DAYS)
