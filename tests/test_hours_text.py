"""Texts a resident can act on ("nu open · vandaag tot 17.00", "gesloten · morgen vanaf 9.00", "op afspraak",
wachttijd with its date), in Europe/Amsterdam time, across DST and with closures and public holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from graph import schedules as sched
from graph.models import Schedule
from ingest.hours import closure, parse_schedules
from webapp.hours_text import hours_lines, hours_status, wachttijd_text

TZ = sched.TZ
OFFICE = parse_schedules("ma t/m vr 9.00-17.00")


def at(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=TZ)


def test_open_now_until_and_closed_until_tomorrow():
    assert hours_status(OFFICE, at(2026, 11, 23, 10)) == "nu open · vandaag tot 17.00"  # Monday
    assert hours_status(OFFICE, at(2026, 11, 23, 18)) == "gesloten · morgen vanaf 9.00"
    assert hours_status(OFFICE, at(2026, 11, 23, 7)) == "gesloten · vandaag vanaf 9.00"
    assert hours_status(OFFICE, at(2026, 11, 27, 17, 30)) == "gesloten · maandag vanaf 9.00"  # Friday evening


def test_open_until_midnight_says_24_00_today():
    late = parse_schedules("vr 20.00-24.00")
    assert hours_status(late, at(2026, 11, 27, 21)) == "nu open · vandaag tot 24.00"


def test_kinds_give_their_own_texts():
    assert hours_status(parse_schedules("op afspraak")) == "op afspraak"
    assert hours_lines(parse_schedules("di en do 10-12 inloop")) == ["inloop di en do 10.00–12.00"]
    phone = parse_schedules("telefonisch bereikbaar ma t/m vr 9-17")
    assert hours_lines(phone) == ["telefonisch bereikbaar ma t/m vr 9.00–17.00"]
    assert hours_status(phone, at(2026, 11, 24, 16)) == "nu telefonisch bereikbaar · vandaag tot 17.00"
    assert hours_status(parse_schedules("24/7"), at(2026, 11, 24, 3)) == "24 uur per dag bereikbaar"
    assert hours_status((), available_24_7=True) == "24 uur per dag bereikbaar"
    assert hours_status(()) == ""  # unknown: the page says "nog niet geverifieerd", never a guess
    both = parse_schedules("ma-vr 09:00-17:00, za 10-12; gesloten op feestdagen")
    assert hours_lines(both) == ["open ma t/m vr 9.00–17.00, za 10.00–12.00", "gesloten op feestdagen"]


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        # last Sunday of March 2026 (29th): 02:00 CET → 03:00 CEST; a night line 22:00-06:00 stays right
        (at(2026, 3, 28, 23), "nu open · morgen tot 6.00"),
        (at(2026, 3, 29, 5, 30), "nu open · vandaag tot 6.00"),
        (at(2026, 3, 29, 6, 0), "gesloten · vandaag vanaf 22.00"),
        # last Sunday of October 2026 (25th): 03:00 CEST → 02:00 CET
        (at(2026, 10, 25, 1, 30), "nu open · vandaag tot 6.00"),
        (at(2026, 10, 25, 6, 1), "gesloten · vandaag vanaf 22.00"),
    ],
)
def test_across_dst(when, expected):
    night = parse_schedules("dagelijks 22.00-06.00")
    assert hours_status(night, when) == expected


def test_dst_uses_wall_clock_time_not_a_fixed_offset():
    # 08:30 UTC is 09:30 in winter (open) and 10:30 in summer (open); 07:30 UTC: 08:30 winter, 09:30 summer
    winter, summer = datetime(2026, 3, 27, 7, 30, tzinfo=UTC), datetime(2026, 3, 30, 7, 30, tzinfo=UTC)
    assert sched.is_open(OFFICE, winter, sched.VISIT_KINDS) is False  # Friday 08:30 CET
    assert sched.is_open(OFFICE, summer, sched.VISIT_KINDS) is True  # Monday 09:30 CEST


def test_temporary_closure_with_message_and_public_holidays():
    closed = (*OFFICE, closure("sched-x-99", "2026-12-21", "2027-01-03", "Gesloten in de kerstvakantie."))
    assert hours_status(closed, at(2026, 12, 22, 10)) == "tijdelijk gesloten · 4 januari vanaf 9.00"
    assert "gesloten van 21 december tot en met 3 januari 2027: Gesloten in de kerstvakantie." in hours_lines(
        closed, at(2026, 12, 1, 10)
    )
    assert hours_lines(closed, at(2027, 1, 10, 10)) == ["open ma t/m vr 9.00–17.00"]  # over: not shown
    holidays = parse_schedules("ma t/m vr 9-17, gesloten op feestdagen")
    assert hours_status(holidays, at(2026, 4, 6, 10)) == "gesloten (Tweede Paasdag) · morgen vanaf 9.00"
    assert hours_status(holidays, at(2026, 4, 27, 10)) == "gesloten (Koningsdag) · morgen vanaf 9.00"
    long = (*OFFICE, closure("c", "2027-06-01", "2027-07-31", "Verbouwing"))
    assert hours_status(long, at(2027, 6, 2, 10)) == "tijdelijk gesloten · 2 augustus vanaf 9.00"  # 2 months
    assert hours_status(holidays, at(2026, 4, 28, 10)) == "nu open · vandaag tot 17.00"
    assert sched.easter(2027) == date(2027, 3, 28) and date(2027, 5, 6) in sched.holidays(2027)  # Hemelvaart


def test_monthly_rule_is_on_the_right_day():
    monthly = (
        Schedule(id="m", kind="inloop", freq="MONTHLY", byday="1WE", opens_at="19:00", closes_at="21:00"),
    )
    assert sched.is_open(monthly, at(2026, 12, 2, 20), sched.VISIT_KINDS) is True  # first Wednesday
    assert sched.is_open(monthly, at(2026, 12, 9, 20), sched.VISIT_KINDS) is False
    assert hours_lines(monthly) == ["inloop elke eerste woensdag van de maand 19.00–21.00"]


def test_wachttijd_with_its_date_and_stale_after_weeks():
    today = date(2026, 11, 20)
    assert (
        wachttijd_text("6 weken", "2026-11-03", today)
        == "wachttijd ongeveer 6 weken (doorgegeven op 3 november)"
    )
    assert wachttijd_text("6 weken", "2026-08-03", today, stale_weeks=8) == (
        "wachttijd onbekend; laatst doorgegeven op 3 augustus 2026"
    )
    assert wachttijd_text("6 weken", "2026-08-03", today, stale_weeks=20).startswith(
        "wachttijd ongeveer 6 weken"
    )
    assert (
        wachttijd_text("Geen wachttijd", "2026-11-03", today) == "geen wachttijd (doorgegeven op 3 november)"
    )
    assert wachttijd_text(None, "2026-11-03", today) == ""
    assert wachttijd_text("6 weken", None, today) == "wachttijd ongeveer 6 weken (datum onbekend)"
