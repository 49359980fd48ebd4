"""OSM `opening_hours`: the parser, evaluator (`is_open_now`, `next_change`) and the weekly HSDS rows they
convert to and from. Split out of `ingest/hours.py` to keep each module small; `ingest.hours` re-exports every
name here, so callers import from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Amsterdam")
OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
HSDS_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_MINUTES = 24 * 60

_DUTCH_DAYS = {
    "maandag": 0, "ma": 0, "mo": 0, "monday": 0, "mon": 0,
    "dinsdag": 1, "di": 1, "tu": 1, "tuesday": 1, "tue": 1,
    "woensdag": 2, "wo": 2, "we": 2, "wednesday": 2, "wed": 2,
    "donderdag": 3, "do": 3, "th": 3, "thursday": 3, "thu": 3,
    "vrijdag": 4, "vr": 4, "fr": 4, "friday": 4, "fri": 4,
    "zaterdag": 5, "za": 5, "sa": 5, "saturday": 5, "sat": 5,
    "zondag": 6, "zo": 6, "su": 6, "sunday": 6, "sun": 6,
}  # fmt: skip
_ALWAYS = re.compile(
    r"^\s*(24/7|24x7|24 ?uur per dag,? ?7 dagen per week|dag en nacht( bereikbaar)?|altijd( open| bereikbaar)?|"
    r"24 uur per dag|24/7 bereikbaar)\.?\s*$",
    re.IGNORECASE,
)
_EVERY_DAY = re.compile(r"\b(dagelijks|elke dag|alle dagen|iedere dag|daily)\b", re.IGNORECASE)
_TOKEN = re.compile(
    r"(?P<slash>t/m)|(?P<time>\d{1,2}(?:[:.]\d{2})?)(?:\s*(?:uur|u)\b)?|(?P<word>[A-Za-zÀ-ÿ]+)|(?P<dash>[-–—])|"
    r"(?P<comma>,|&)|(?P<semi>[;\n|])|(?P<space>\s+)|(?P<other>.)",
    re.IGNORECASE,
)


class OpeningHoursError(ValueError):
    """The text is not opening hours in a supported form."""


@dataclass(frozen=True)
class OpeningHours:
    """Per weekday (0 = Monday) the open spans in minutes since midnight; `end` may exceed 1440 (past midnight)."""

    week: tuple[tuple[tuple[int, int], ...], ...]

    @property
    def always(self) -> bool:
        return all(spans == ((0, DAY_MINUTES),) for spans in self.week)

    def is_open(self, when: datetime) -> bool:
        local = when.astimezone(TZ) if when.tzinfo else when.replace(tzinfo=TZ)
        day, minute = local.weekday(), local.hour * 60 + local.minute
        if any(start <= minute < end for start, end in self.week[day]):
            return True
        before = self.week[(day - 1) % 7]  # a span of yesterday that runs past midnight
        return any(end > DAY_MINUTES and minute < end - DAY_MINUTES for _, end in before)

    def to_osm(self) -> str:
        if self.always:
            return "24/7"
        groups: list[tuple[list[int], tuple[tuple[int, int], ...]]] = []
        for day, spans in enumerate(self.week):
            if not spans:
                continue
            if groups and groups[-1][1] == spans and groups[-1][0][-1] == day - 1:
                groups[-1][0].append(day)
            else:
                groups.append(([day], spans))
        # Merge equal non-adjacent groups into lists ("Mo,We 09:00-12:00").
        merged: list[tuple[list[list[int]], tuple[tuple[int, int], ...]]] = []
        for days, spans in groups:
            for entry in merged:
                if entry[1] == spans:
                    entry[0].append(days)
                    break
            else:
                merged.append(([days], spans))
        rules = []
        for runs, spans in merged:
            day_text = ",".join(
                OSM_DAYS[r[0]]
                if len(r) == 1
                else f"{OSM_DAYS[r[0]]}{'-' if len(r) > 2 else ','}{OSM_DAYS[r[-1]]}"
                for r in runs
            )
            rules.append(f"{day_text} " + ",".join(f"{_hhmm(s)}-{_hhmm(e)}" for s, e in spans))
        return "; ".join(rules) if rules else "off"


def _hhmm(minutes: int) -> str:
    if minutes > DAY_MINUTES:
        minutes -= DAY_MINUTES
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(text: str) -> int:
    parts = re.split(r"[:.]", text)
    hours, mins = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    if hours > 24 or mins > 59 or (hours == 24 and mins):
        raise OpeningHoursError(f"ongeldige tijd {text!r}")
    return hours * 60 + mins


def _tokens(text: str) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "space":
            continue
        if kind == "time":
            out.append(("time", _minutes(value)))
        elif kind == "word":
            word = value.lower()
            if word in _DUTCH_DAYS:
                out.append(("day", _DUTCH_DAYS[word]))
            elif word in {"off", "closed", "gesloten", "dicht"}:
                out.append(("off", None))
            elif word in {"ph"}:
                out.append(("ph", None))
            elif word in {"en", "and"}:
                out.append(("comma", None))
            elif word in {"van", "uur", "u", "from", "open", "geopend"}:
                continue
            elif word == "tot":
                out.append(("dash", None))
            else:
                raise OpeningHoursError(f"onbekend woord {value!r}")
        elif kind in {"dash", "slash"}:
            out.append(("dash", None))
        elif kind == "other":
            if value in {":", "."}:
                continue
            raise OpeningHoursError(f"onverwacht teken {value!r}")
        else:
            out.append((kind, None))
    return out


def parse(text: str) -> OpeningHours:
    """Parse OSM `opening_hours` (subset) or common Dutch wording; raises OpeningHoursError."""
    if text is None or not str(text).strip():
        raise OpeningHoursError("leeg")
    text = str(text).strip()
    if _ALWAYS.match(text):
        return OpeningHours(week=tuple(((0, DAY_MINUTES),) for _ in range(7)))
    text = _EVERY_DAY.sub("Mo-Su", text)
    text = re.sub(r"\btot en met\b", "-", text, flags=re.IGNORECASE)
    week: list[tuple[tuple[int, int], ...] | None] = [None] * 7
    tokens = _tokens(text)
    i = 0
    any_rule = False

    def peek(k: int = 0) -> str | None:
        return tokens[i + k][0] if i + k < len(tokens) else None

    while i < len(tokens):
        # days
        days: list[int] = []
        holiday = False
        while peek() in {"day", "ph"}:
            if peek() == "ph":
                holiday = True
                i += 1
            else:
                first = int(tokens[i][1])  # type: ignore[arg-type]
                i += 1
                if peek() == "dash" and peek(1) == "day":
                    last = int(tokens[i + 1][1])  # type: ignore[arg-type]
                    i += 2
                    span = (
                        list(range(first, last + 1))
                        if last >= first
                        else [*range(first, 7), *range(0, last + 1)]
                    )
                    days.extend(span)
                else:
                    days.append(first)
            if peek() == "comma" and peek(1) in {"day", "ph"}:
                i += 1
            else:
                break
        if not days and not holiday:
            days = list(range(7))
        # times or off
        spans: list[tuple[int, int]] = []
        off = False
        if peek() == "off":
            off = True
            i += 1
        else:
            while peek() == "time":
                start = int(tokens[i][1])  # type: ignore[arg-type]
                if peek(1) != "dash" or peek(2) != "time":
                    raise OpeningHoursError("tijd zonder eindtijd")
                end = int(tokens[i + 2][1])  # type: ignore[arg-type]
                i += 3
                if end <= start:
                    end += DAY_MINUTES  # past midnight
                spans.append((start, end))
                if peek() == "comma" and peek(1) == "time":
                    i += 1
                else:
                    break
            if not spans:
                raise OpeningHoursError("geen tijden gevonden")
        if not holiday:
            for d in days:
                week[d] = () if off else tuple(sorted(spans))
        any_rule = True
        if peek() in {"semi", "comma"}:
            i += 1
        elif peek() is not None:
            raise OpeningHoursError("onverwachte tekst na een regel")
    if not any_rule:
        raise OpeningHoursError("geen regels")
    return OpeningHours(week=tuple(w or () for w in week))


def normalise(text: str | None) -> str | None:
    """Canonical OSM form of opening hours in OSM or Dutch wording; None when empty. Raises when unreadable."""
    if text is None or not str(text).strip():
        return None
    return parse(text).to_osm()


def is_open_now(value: str | None, when: datetime | None = None) -> bool | None:
    """Open at `when` (default: now, Europe/Amsterdam)? None when the hours are unknown or unreadable."""
    if not value:
        return None
    try:
        hours = parse(value)
    except OpeningHoursError:
        return None
    return hours.is_open(when or datetime.now(TZ))


def next_change(value: str, when: datetime) -> datetime | None:
    """When the open/closed state next changes (within a week), for "open tot 17:00" / "gaat open om 9:00"."""
    hours = parse(value)
    if hours.always:
        return None
    state = hours.is_open(when)
    t = when.replace(second=0, microsecond=0)
    for _ in range(7 * 24 * 4):
        t += timedelta(minutes=15)
        if hours.is_open(t) != state:
            # refine to the minute
            probe = t - timedelta(minutes=15)
            while hours.is_open(probe) == state:
                probe += timedelta(minutes=1)
            return probe
    return None


# --- HSDS schedules --------------------------------------------------------------------------------------


def _time_minutes(value: str | None) -> int | None:
    if not value:
        return None
    m = re.match(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?", value.strip())
    if not m:
        return None
    hours, mins, secs = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if (hours, mins, secs) == (23, 59, 59):
        return DAY_MINUTES
    return hours * 60 + mins


def from_schedules(rows: list[dict[str, str]]) -> str | None:
    """Weekly HSDS schedule rows (byday + opens_at/closes_at) as OSM opening hours; None when they say no
    weekly hours (e.g. only a description, or a monthly rule). Validity dates are not evaluated."""
    week: list[list[tuple[int, int]]] = [[] for _ in range(7)]
    used = False
    for row in rows:
        freq = (row.get("freq") or "WEEKLY").upper()
        start, end = _time_minutes(row.get("opens_at")), _time_minutes(row.get("closes_at"))
        byday = [d.strip().upper() for d in (row.get("byday") or "").split(",") if d.strip()]
        if freq != "WEEKLY" or start is None or end is None or not byday:
            continue
        if any(d not in HSDS_DAYS for d in byday):
            continue
        if end <= start:
            end += DAY_MINUTES
        for d in byday:
            week[HSDS_DAYS.index(d)].append((start, end))
        used = True
    if not used:
        return None
    return OpeningHours(week=tuple(tuple(sorted(set(spans))) for spans in week)).to_osm()


def to_schedules(value: str, owner_field: str, owner_id: str) -> list[dict[str, str]]:
    """HSDS schedule rows for OSM opening hours (one row per group of days and time span)."""
    hours = parse(value)
    groups: dict[tuple[int, int], list[int]] = {}
    for day, spans in enumerate(hours.week):
        for span in spans:
            groups.setdefault(span, []).append(day)
    rows = []
    for n, ((start, end), days) in enumerate(
        sorted(groups.items(), key=lambda kv: (kv[1][0], kv[0])), start=1
    ):
        closes = "23:59:59" if end == DAY_MINUTES else f"{_hhmm(end)}:00"
        rows.append(
            {
                "id": f"sched-{owner_id}-{n}",
                owner_field: owner_id,
                "freq": "WEEKLY",
                "byday": ",".join(HSDS_DAYS[d] for d in days),
                "opens_at": f"{_hhmm(start)}:00",
                "closes_at": closes,
                "description": value if n == 1 else "",
            }
        )
    return rows
