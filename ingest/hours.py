"""Opening hours: OSM `opening_hours` syntax (the subset a sociale kaart needs), Dutch spreadsheet wording,
HSDS schedules, and the one question the site asks: is it open now?

Supported OSM subset: `24/7`; rules `<days> <times>` separated by `;` (a later rule replaces earlier ones
for its days); days `Mo`…`Su`, ranges `Mo-Fr`, lists `Mo,We`; times `09:00-12:00,13:00-17:00`, `24:00`,
spans past midnight `22:00-02:00`; `off`/`closed`; `PH off` (public holidays: accepted, not evaluated).
Anything else (month or week selectors, comments) is rejected, so an unknown format is reported, never
silently misread. Times are local time in Europe/Amsterdam.

    normalise("ma t/m vr 9.00 - 17.00 uur")  -> "Mo-Fr 09:00-17:00"
    is_open_now("Mo-Fr 09:00-17:00", when)    -> True / False, or None when unknown
    from_schedules(hsds_rows) -> "Mo-Fr 09:00-17:00";  to_schedules("24/7", "service_id", "svc-1") -> rows

Schedules of every kind (ADR 0035), the one parser for sheets, forms and HSDS rows:

    parse_schedules("di en do 10-12 inloop")            -> (Schedule(kind="inloop", byday="TU,TH", …),)
    schedules_from_texts("svc-1", {"openingstijden": "ma t/m vr 9-17", "telefonisch": "ma-vr 9-12",
                         "afspraak": "ja"}, closures=[("2026-12-21", "2027-01-03", "Kerstsluiting")])
    form_texts(service.schedules)                        -> the same texts back, for the form
    parse_closure("21-12-2026 t/m 3-1-2027: Kerstsluiting"), closure(id, from, to, message)
    schedule_from_hsds(row) / schedule_to_hsds(schedule, service_id); opening_hours_of(schedules) -> OSM
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from graph.models import Schedule

# The OSM parser lives in ingest/hours_osm.py; its public names are re-exported here for callers.
from ingest.hours_osm import (  # noqa: F401
    DAY_MINUTES,
    HSDS_DAYS,
    OSM_DAYS,
    TZ,
    OpeningHours,
    OpeningHoursError,
    _hhmm,
    _time_minutes,
    _tokens,
    from_schedules,
    is_open_now,
    next_change,
    normalise,
    parse,
    to_schedules,
)

# --- Schedules: Dutch wording and HSDS rows → `graph.models.Schedule` records (ADR 0035) ------------------
#
# One parser for every source (spreadsheets, beheer and partner forms): `parse_schedules` reads what
# coördinatoren write ("ma t/m vr 9.00-17.00", "di en do 10-12 inloop", "op afspraak", "telefonisch
# bereikbaar ma-vr 9-12", "maandag 9:00 - 12:30 en 13:00 - 17:00", "dagelijks 8-20", "24/7", "gesloten op
# feestdagen") into records; anything else raises OpeningHoursError with the reason, never a guess.
# `schedule_from_hsds` does the same for an HSDS `schedules` row; `schedule_to_hsds` is its inverse.

KINDS = ("openingstijden", "telefonisch", "inloop", "afspraak", "gesloten", "gesloten-feestdagen")
ATTENDING = {"telefonisch": "telefonisch", "inloop": "inloop", "afspraak": "op afspraak"}  # export
HOLIDAY_TEXT = "Gesloten op feestdagen"
# `notes` of a schedule that keeps hours the parser could not read, as the source wrote them (in `description`,
# without a rule): the site shows them as the source's words, the forms give them back to be corrected.
SOURCE_TEXT_NOTE = "Tekst uit de bron, niet als tijden gelezen"
APPOINTMENT_TEXT = "Op afspraak"
_PHRASES = (  # (pattern, replacement token) applied before tokenising, longest first
    (r"(?:gesloten|dicht) op (?:(?:officiële|officiele|algemeen erkende|nationale) )?feestdagen"
     r"|(?:op )?feestdagen (?:gesloten|dicht)|(?:behalve|niet) op (?:(?:officiële|officiele) )?feestdagen", " «hol» "),
    (r"(?:alleen |uitsluitend |ook )?(?:op|volgens|na|via) afspraak", " «afspraak» "),
    (r"(?:vrije |open )?inloop(?:spreekuur|uur|uren)?|zonder afspraak|vrij binnenlopen", " «inloop» "),
    (r"telefonisch(?:e)? (?:bereikbaar(?:heid)?|spreekuur)|telefonisch|telefoon|tel\.|bellen", " «telefonisch» "),
    (r"openingstijden|bezoektijden|geopend|open", " «openingstijden» "),
    (r"24/7|24x7|24 ?uur per dag,? ?7 dagen per week|24 uur per dag|dag en nacht(?: bereikbaar)?"
     r"|altijd(?: open| bereikbaar)?", " «always» "),
    (r"\bbereikbaar\b", " "),
    (r"dagelijks|elke dag|alle dagen|iedere dag|daily", " Mo-Su "),
    (r"(?:op )?werkdagen|doordeweeks", " Mo-Fr "),
    (r"(?:in het )?weekend", " Sa-Su "),
    (r"tot en met", " - "),
    (r"\b(?:elke|iedere|op)\s+(?=(?:ma|di|wo|do|vr|za|zo)[a-z]*\b)", " "),  # "elke dinsdag", "op maandag"
    (r"[·•]", " "),
)  # fmt: skip
_PHRASE_RE = [(re.compile(p, re.IGNORECASE), r) for p, r in _PHRASES]
_MARK = re.compile(r"«(\w+(?:-\w+)?)»")


def _schedule_tokens(text: str) -> list[tuple[str, object]]:
    for pattern, token in _PHRASE_RE:
        text = pattern.sub(token, text)
    out: list[tuple[str, object]] = []
    for part in _MARK.split(text):
        if part in KINDS or part in {"hol", "always"}:
            out.append(("kind", part) if part in KINDS else (part, None))
        elif part.strip():
            out.extend(_tokens(part.replace(":", ":")))
    return out


class _Cursor:
    """Tokens of one text and the position of the parser in them."""

    def __init__(self, tokens: list[tuple[str, object]]) -> None:
        self.tokens, self.i = tokens, 0

    def peek(self, k: int = 0) -> str | None:
        return self.tokens[self.i + k][0] if self.i + k < len(self.tokens) else None

    def value(self, k: int = 0) -> int:
        return int(self.tokens[self.i + k][1])  # type: ignore[arg-type]

    def take(self, n: int = 1) -> None:
        self.i += n

    def kinds(self) -> str | None:
        """Consume kind words ("inloop", "op afspraak", …); the last one, None when there were none."""
        found = None
        while self.peek() == "kind":
            found = str(self.tokens[self.i][1])
            self.i += 1
        return found


def _days(cur: _Cursor) -> list[int]:
    """Days such as "ma", "ma-vr", "ma t/m vr", "ma, wo en vr" (0 = Monday)."""
    days: list[int] = []
    while cur.peek() == "day":
        first = cur.value()
        cur.take()
        if cur.peek() == "dash" and cur.peek(1) == "day":
            last = cur.value(1)
            cur.take(2)
            days.extend(range(first, last + 1) if last >= first else [*range(first, 7), *range(0, last + 1)])
        else:
            days.append(first)
        if cur.peek() == "comma" and cur.peek(1) == "day":
            cur.take()
    return days


def _spans(cur: _Cursor) -> list[tuple[int, int]]:
    """Time spans such as "9.00-12.30 en 13.00-17.00" in minutes; an end before the start runs past midnight."""
    spans: list[tuple[int, int]] = []
    while cur.peek() == "time":
        start = cur.value()
        if cur.peek(1) != "dash" or cur.peek(2) != "time":
            raise OpeningHoursError("tijd zonder eindtijd")
        end = cur.value(2)
        cur.take(3)
        spans.append((start, end + DAY_MINUTES if end <= start else end))
        if cur.peek() == "comma" and cur.peek(1) == "time":
            cur.take()
    return spans


def _holiday() -> Schedule:
    return Schedule(id="", kind="gesloten-feestdagen", description=HOLIDAY_TEXT)


def _appointment() -> Schedule:
    return Schedule(
        id="", kind="afspraak", description=APPOINTMENT_TEXT, attending_type=ATTENDING["afspraak"]
    )


def _apply_rule(
    weeks: dict[str, list[tuple[tuple[int, int], ...] | None]],
    extra: list[Schedule],
    kind: str,
    days: list[int],
    spans: list[tuple[int, int]],
    off: bool,
    heading: bool,
) -> None:
    """One rule into the week of its kind (a later rule replaces an earlier one for its days)."""
    if spans and not days:  # "9-17": every day (OSM) or working days (most sheets)? Not guessed.
        raise OpeningHoursError("tijden zonder dagen (welke dagen?)")
    if not spans and not off:
        if days:
            raise OpeningHoursError("dagen zonder tijden")
        if kind == "afspraak":
            extra.append(_appointment())
        elif not heading:  # a heading such as "telefonisch bereikbaar:" before its rules is fine
            raise OpeningHoursError("geen dagen en tijden gevonden")
        return
    week = weeks.setdefault(kind, [None] * 7)
    for d in days or range(7):
        week[d] = () if off else tuple(sorted(spans))


def parse_schedules(text: str, kind: str = "openingstijden") -> tuple[Schedule, ...]:
    """Schedules (without ids: see `number`) for one text. `kind` is what the column or form field is about
    (openingstijden, telefonisch, inloop); words in the text ("inloop", "op afspraak", "telefonisch") change
    it for their rule: before the days for the rules that follow, after the times for that rule only. A later
    rule replaces an earlier one for its days and kind (as in OSM); `gesloten`/`off` closes those days."""
    if text is None or not str(text).strip():
        raise OpeningHoursError("leeg")
    cur = _Cursor(_schedule_tokens(str(text).strip().rstrip(".")))
    weeks: dict[str, list[tuple[tuple[int, int], ...] | None]] = {}
    extra: list[Schedule] = []
    clause_kind = kind
    while cur.peek() is not None:
        leading = cur.kinds()  # for this rule and the ones after it
        clause_kind = leading or clause_kind
        if cur.peek() == "hol":
            extra.append(_holiday())
            cur.take(2 if cur.peek(1) in {"semi", "comma"} else 1)
            continue
        always = cur.peek() == "always"
        off = False
        if always:
            cur.take()
            days, spans = list(range(7)), [(0, DAY_MINUTES)]
        else:
            days = _days(cur)
            off = cur.peek() == "off"
            if off:
                cur.take()
            spans = [] if off else _spans(cur)
        trailing = cur.kinds()  # for this rule only
        if cur.peek() == "hol":
            extra.append(_holiday())
            cur.take()
        heading = leading is not None and trailing is None and not (days or spans or off)
        _apply_rule(weeks, extra, trailing or clause_kind, days, spans, off, heading)
        if cur.peek() in {"semi", "comma"}:
            if cur.peek() == "semi":
                clause_kind = kind
            cur.take()
        elif cur.peek() is not None:
            raise OpeningHoursError("onverwachte tekst na een regel")
    out = [*_week_schedules(weeks)]
    if any(s.kind == "afspraak" for s in out):  # "ma-vr 9-17 op afspraak" says it all
        extra = [s for s in extra if not (s.kind == "afspraak" and not s.opens_at)]
    out += list(dict.fromkeys(extra))
    if not out:
        raise OpeningHoursError("geen tijden gevonden")
    return tuple(out)


def _week_schedules(weeks: dict[str, list[tuple[tuple[int, int], ...] | None]]) -> list[Schedule]:
    """Per kind one schedule per time span, with the days that share it (in KINDS order, then by first day)."""
    out = []
    for kind in KINDS:
        if kind not in weeks:
            continue
        groups: dict[tuple[int, int], list[int]] = {}
        for day, spans in enumerate(weeks[kind]):
            for span in spans or ():
                groups.setdefault(span, []).append(day)
        for (start, end), days in sorted(groups.items(), key=lambda kv: (kv[1][0], kv[0])):
            out.append(
                Schedule(
                    id="",
                    kind=kind,
                    freq="WEEKLY",
                    byday=",".join(HSDS_DAYS[d] for d in days),
                    opens_at=_hhmm(start),
                    closes_at="24:00" if end == DAY_MINUTES else _hhmm(end),
                    attending_type=ATTENDING.get(kind),
                )
            )
    return out


def number(owner_id: str, schedules: Iterable[Schedule]) -> tuple[Schedule, ...]:
    """Give schedules without an id stable ids `sched-<owner>-NN` in their order (re-imports converge)."""
    out = []
    for n, s in enumerate(schedules, start=1):
        out.append(s if s.id else replace(s, id=f"sched-{owner_id}-{n:02d}"))
    return tuple(sorted(out, key=lambda s: s.id))


def schedules_from_texts(
    owner_id: str,
    texts: dict[str, str | None],
    closures: Iterable[tuple[str, str | None, str]] = (),
) -> tuple[Schedule, ...]:
    """The beheer and partner forms: one text per kind (`openingstijden`, `telefonisch`, `inloop`; a text in
    `afspraak` such as "ja" or "op afspraak" adds "op afspraak"; "gesloten op feestdagen" may be written in any
    of them) and temporary closures as (valid_from, valid_to or None, message). Stable ids
    `sched-<owner>-NN`. Raises OpeningHoursError naming the field. `form_texts` gives the texts back."""
    found: list[Schedule] = []
    for kind in ("openingstijden", "telefonisch", "inloop"):
        if (texts.get(kind) or "").strip():
            try:
                found += parse_schedules(texts[kind] or "", kind)
            except OpeningHoursError as exc:
                raise OpeningHoursError(f"{kind}: {exc}") from exc
    if (texts.get("afspraak") or "").strip() and not any(s.kind == "afspraak" for s in found):
        found.append(_appointment())
    for valid_from, valid_to, message in closures:
        try:
            found.append(closure("", valid_from, valid_to, message))
        except OpeningHoursError as exc:
            raise OpeningHoursError(f"gesloten: {exc}") from exc
    return number(owner_id, dict.fromkeys(found))


_MONTHS = {m: i for i, m in enumerate(
    ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
     "november", "december"), start=1)}  # fmt: skip
_DATE = r"(\d{4}-\d{2}-\d{2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{1,2} [a-z]+ \d{4})"
_CLOSURE = re.compile(
    rf"^\s*(?:(?:tijdelijk )?gesloten )?(?:van(?:af)? )?{_DATE}(?:\s*(?:t/m|tot en met|-|–|tot)\s*{_DATE})?"
    r"\s*(?:[:–—-]\s*|\s+(?=wegens|vanwege|door|i\.v\.m\.))?(?P<message>.*)$",
    re.IGNORECASE,
)


def _closure_date(text: str) -> str:
    parts = re.split(r"[-/. ]", text.strip().lower())
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        return datetime.strptime(text.strip(), "%Y-%m-%d").date().isoformat()
    day, month, year = parts[0], parts[1], parts[2]
    month_n = int(month) if month.isdigit() else _MONTHS.get(month)
    if month_n is None:
        raise OpeningHoursError(f"onbekende maand {month!r}")
    try:
        return datetime(int(year), month_n, int(day)).date().isoformat()
    except ValueError as exc:
        raise OpeningHoursError(f"ongeldige datum {text!r}") from exc


def parse_closure(text: str) -> Schedule:
    """A temporary closure as sheets write it: "21-12-2026 t/m 3-1-2027: Kerstsluiting", "gesloten van 1 juli
    2027 tot en met 31 juli 2027 wegens verbouwing", "vanaf 2026-12-01: tijdelijk gesloten". Dates need a
    year; the message is required (what residents read). Raises OpeningHoursError with the reason."""
    m = _CLOSURE.match(text or "")
    if not m:
        raise OpeningHoursError("verwacht 'datum t/m datum: bericht'")
    start = _closure_date(m.group(1))
    end = _closure_date(m.group(2)) if m.group(2) else None
    message = (m.group("message") or "").strip()
    if re.match(r"(wegens|vanwege|door|i\.v\.m\.)\b", message, re.IGNORECASE):
        message = f"Gesloten {message}"
    return closure("", start, end, message[:1].upper() + message[1:])


def source_text(id: str, kind: str, text: str) -> Schedule:
    """Hours the parser could not read ("elke eerste dinsdag van de maand 19.30-21.30"), kept as the source
    wrote them: a schedule of `kind` without a rule, marked with SOURCE_TEXT_NOTE (never guessed, never lost)."""
    return Schedule(
        id=id,
        kind=kind,
        description=" ".join(text.split()),
        notes=SOURCE_TEXT_NOTE,
        attending_type=ATTENDING.get(kind),
    )


def form_texts(schedules: Iterable[Schedule]) -> dict[str, Any]:
    """What the forms show for a service's schedules: the texts per kind (read back by
    `schedules_from_texts`), "ja" in `afspraak` when it is by appointment, and the closures as
    (valid_from, valid_to, message). A holiday closure is added to the openingstijden text."""
    schedules = tuple(schedules)
    out: dict[str, Any] = {
        kind: schedules_text(schedules, kind) for kind in ("openingstijden", "telefonisch", "inloop")
    }
    for s in schedules:  # unread source text: back in its field, to be corrected there
        if s.notes == SOURCE_TEXT_NOTE and s.kind in out and not out[s.kind] and s.description:
            out[s.kind] = s.description
    if any(s.kind == "gesloten-feestdagen" for s in schedules):
        out["openingstijden"] = ", ".join(x for x in (out["openingstijden"], "gesloten op feestdagen") if x)
    out["afspraak"] = "ja" if any(s.kind == "afspraak" for s in schedules) else ""
    out["gesloten"] = [
        (s.valid_from, s.valid_to, s.description or "") for s in schedules if s.kind == "gesloten"
    ]
    return out


def closure(id: str, valid_from: str, valid_to: str | None, message: str) -> Schedule:
    """A temporary closure (the beheer form): closed from `valid_from` through `valid_to` (open-ended when
    None), with the message residents see ("Gesloten wegens verbouwing; bel 0543 …")."""
    if not message.strip():
        raise OpeningHoursError("een tijdelijke sluiting heeft een bericht nodig")
    if valid_to and valid_to < valid_from:
        raise OpeningHoursError("einddatum ligt voor de begindatum")
    return Schedule(
        id=id, kind="gesloten", valid_from=valid_from, valid_to=valid_to, description=message.strip()
    )


_NL_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


def _nl_time(value: str | None) -> str:
    m = _time_minutes(value) if value != "24:00" else DAY_MINUTES
    m = DAY_MINUTES if m is None else m
    return f"{m // 60}.{m % 60:02d}"


def nl_days(byday: str | None) -> str:
    """`MO,TU,WE,TH,FR` → "ma t/m vr"; `TU,TH` → "di en do"; `MO,WE,FR` → "ma, wo en vr"."""
    codes = {d.strip().upper() for d in (byday or "").split(",")}
    idx = sorted(HSDS_DAYS.index(d) for d in codes if d in HSDS_DAYS)
    if not idx:
        return ""
    if len(idx) == 7:
        return "dagelijks"
    runs: list[list[int]] = []
    for d in idx:
        if runs and runs[-1][-1] == d - 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    parts = [f"{_NL_DAYS[r[0]]} t/m {_NL_DAYS[r[-1]]}" if len(r) > 2 else None for r in runs]
    words: list[str] = []
    for r, p in zip(runs, parts, strict=True):
        words += [p] if p else [_NL_DAYS[d] for d in r]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def schedules_text(schedules: Iterable[Schedule], kind: str) -> str:
    """The schedules of one kind as the editable Dutch text the forms show ("ma t/m vr 9.00-17.00; za
    10.00-12.00"); `parse_schedules` reads it back to the same records (apart from ids)."""
    rules: dict[str, list[str]] = {}
    for s in schedules:
        if s.kind == kind and s.opens_at and s.byday and (s.freq or "WEEKLY").upper() == "WEEKLY":
            rules.setdefault(nl_days(s.byday), []).append(f"{_nl_time(s.opens_at)}-{_nl_time(s.closes_at)}")
    return "; ".join(f"{days} {' en '.join(times)}" for days, times in rules.items())


def schedule_kind(row: dict[str, str]) -> str:
    """The kind of an HSDS schedules row, read from what publishers write: `attending_type` ("telefonisch",
    "inloop", "op afspraak", "phone", "drop in", "by appointment"); a row without days and times is an
    exception: "feestdagen"/"holidays" in its text → gesloten-feestdagen; a date range → gesloten."""
    attending = (row.get("attending_type") or "").lower()
    timed_row = bool(row.get("opens_at") or row.get("closes_at") or row.get("byday"))
    text = f"{row.get('description') or ''} {row.get('notes') or ''}".lower()
    if not timed_row:
        if "feestdag" in text or "holiday" in text:
            return "gesloten-feestdagen"
        if (row.get("valid_from") or row.get("valid_to")) and not attending:
            return "gesloten"
        if not attending and ("afspraak" in text or "appointment" in text):
            return "afspraak"
    if "telefo" in attending or "phone" in attending or re.search(r"\bbel(len|spreekuur)?\b", attending):
        return "telefonisch"
    if "inloop" in attending or "drop" in attending or "walk" in attending or "zonder afspraak" in attending:
        return "inloop"
    if "afspraak" in attending or "appointment" in attending:
        return "afspraak"
    return "openingstijden"


_HSDS_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_HSDS_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _hsds_time(value: str | None, column: str) -> str | None:
    if not value or not value.strip():
        return None
    m = _HSDS_TIME.match(value.strip())
    if not m:
        raise OpeningHoursError(f"ongeldige {column} {value!r} (verwacht UU:MM)")
    hh, mm, zone = int(m.group(1)), int(m.group(2)), m.group(3)
    if zone and zone.replace(":", "") not in {"+0100", "+0200"}:
        raise OpeningHoursError(f"{column} {value!r}: alleen Nederlandse tijd (+01:00/+02:00) wordt gelezen")
    if (hh, mm) in {(23, 59), (24, 0)}:
        return "24:00"
    if hh > 23 or mm > 59:
        raise OpeningHoursError(f"ongeldige {column} {value!r}")
    return f"{hh:02d}:{mm:02d}"


def schedule_from_hsds(row: dict[str, str]) -> Schedule:
    """One HSDS `schedules` row as a record; raises OpeningHoursError with the reason for a bad value."""
    freq = (row.get("freq") or "").strip().upper() or None
    if freq not in {None, "WEEKLY", "MONTHLY"}:
        raise OpeningHoursError(f"ongeldige freq {row.get('freq')!r} (WEEKLY of MONTHLY)")
    byday = ",".join(d.strip().upper() for d in (row.get("byday") or "").split(",") if d.strip()) or None
    for d in (byday or "").split(","):
        if d and (d[-2:] not in HSDS_DAYS or (d[:-2] and not re.fullmatch(r"[+-]?[1-5]", d[:-2]))):
            raise OpeningHoursError(f"ongeldige byday {row.get('byday')!r}")
    for column in ("valid_from", "valid_to"):
        if row.get(column) and not _HSDS_DATE.match(row[column].strip()):
            raise OpeningHoursError(f"ongeldige {column} {row[column]!r} (verwacht JJJJ-MM-DD)")
    wkst = (row.get("wkst") or "").strip().upper() or None
    if wkst and wkst not in HSDS_DAYS:
        raise OpeningHoursError(f"ongeldige wkst {row.get('wkst')!r}")
    opens, closes = _hsds_time(row.get("opens_at"), "opens_at"), _hsds_time(row.get("closes_at"), "closes_at")
    if (opens is None) != (closes is None):
        raise OpeningHoursError("opens_at zonder closes_at of andersom")
    if opens and not byday:
        raise OpeningHoursError("tijden zonder byday (dagen)")
    try:
        interval = int(float(row["interval"])) if (row.get("interval") or "").strip() else None
    except ValueError as exc:
        raise OpeningHoursError(f"ongeldige interval {row.get('interval')!r}") from exc

    def text(column: str) -> str | None:
        return (row.get(column) or "").strip() or None

    return Schedule(
        id=row["id"],
        kind=schedule_kind(row),
        freq=freq,
        byday=byday,
        opens_at=opens,
        closes_at=closes,
        valid_from=(row.get("valid_from") or "").strip()[:10] or None,
        valid_to=(row.get("valid_to") or "").strip()[:10] or None,
        wkst=wkst,
        interval=interval,
        description=text("description"),
        notes=text("notes"),
        attending_type=text("attending_type"),
        location_id=text("location_id"),
        service_at_location_id=text("service_at_location_id"),
    )


def hsds_time(value: str | None) -> str | None:
    """A record's `HH:MM` as HSDS writes it (`HH:MM:SS`, as the HSDS examples and the datapackage `time`
    type); the end of the day `24:00` as `23:59:59`."""
    if not value:
        return None
    return "23:59:59" if value == "24:00" else f"{value[:5]}:00"


def schedule_to_hsds(s: Schedule, service_id: str | None) -> dict[str, str]:
    """An HSDS `schedules` row for a record (only non-empty values); the inverse of `schedule_from_hsds`."""
    row = {
        "id": s.id,
        "service_id": service_id
        if not (s.location_id and not s.service_at_location_id and not service_id)
        else None,
        "location_id": s.location_id,
        "service_at_location_id": s.service_at_location_id,
        "valid_from": s.valid_from,
        "valid_to": s.valid_to,
        "wkst": s.wkst,
        "freq": s.freq,
        "interval": None if s.interval is None else str(s.interval),
        "byday": s.byday,
        "description": s.description,
        "opens_at": hsds_time(s.opens_at),
        "closes_at": hsds_time(s.closes_at),
        "attending_type": s.attending_type,
        "notes": s.notes,
    }
    return {k: v for k, v in row.items() if v}


def opening_hours_of(schedules: Iterable[Schedule]) -> str | None:
    """The OSM summary (`Service.opening_hours`) of the regular weekly visiting hours; without them of the
    walk-in hours, else of the phone hours (a helpline); None when there are none."""
    regular = [
        s
        for s in schedules
        if s.opens_at
        and not (s.valid_from or s.valid_to)
        and s.interval in (None, 1)
        and (s.freq or "WEEKLY") == "WEEKLY"
    ]
    for kinds in (("openingstijden",), ("inloop",), ("telefonisch",)):
        rows = [
            {
                "freq": "WEEKLY",
                "byday": s.byday or "",
                "opens_at": s.opens_at or "",
                "closes_at": s.closes_at or "",
            }
            for s in regular
            if s.kind in kinds
        ]
        if rows:
            return from_schedules(rows)
    return None
