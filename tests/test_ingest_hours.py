"""Opening hours: OSM subset and Dutch wording → canonical OSM, "nu open", HSDS schedules both ways (pure Python)."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.hours import (
    TZ,
    OpeningHoursError,
    from_schedules,
    is_open_now,
    next_change,
    normalise,
    to_schedules,
)


def at(day: int, hh: int, mm: int = 0) -> datetime:
    """2026-11-23 is a Monday: day 0 = Monday."""
    return datetime(2026, 11, 23 + day, hh, mm, tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "osm"),
    [
        ("Mo-Fr 09:00-17:00", "Mo-Fr 09:00-17:00"),
        ("ma t/m vr 9.00 - 17.00 uur", "Mo-Fr 09:00-17:00"),
        ("maandag tot en met vrijdag van 9 tot 17 uur", "Mo-Fr 09:00-17:00"),
        ("ma t/m vr 9 uur", None),  # no closing time: reported, not guessed
        ("ma, wo en vr 9-12", "Mo,We,Fr 09:00-12:00"),
        ("ma-vr 9:00-12:00 en 13:00-17:00; za 10-12", "Mo-Fr 09:00-12:00,13:00-17:00; Sa 10:00-12:00"),
        ("ma-vr 9-17, za 10-12", "Mo-Fr 09:00-17:00; Sa 10:00-12:00"),
        (
            "Mo-Fr 08:00-12:00,13:00-17:00; Sa 10:00-12:00; Su off",
            "Mo-Fr 08:00-12:00,13:00-17:00; Sa 10:00-12:00",
        ),
        ("Mo-Su 00:00-24:00", "24/7"),
        ("24/7", "24/7"),
        ("dag en nacht bereikbaar", "24/7"),
        ("24 uur per dag, 7 dagen per week", "24/7"),
        ("dagelijks 8-20", "Mo-Su 08:00-20:00"),
        ("PH off; Mo-Fr 09:00-17:00", "Mo-Fr 09:00-17:00"),
        ("Mo-Fr 09:00-17:00; We off", "Mo,Tu,Th,Fr 09:00-17:00"),
    ],
)
def test_normalise(text, osm):
    if osm is None:
        with pytest.raises(OpeningHoursError):
            normalise(text)
    else:
        assert normalise(text) == osm
        assert normalise(osm) == osm  # canonical form is a fixpoint


@pytest.mark.parametrize("text", ["op afspraak", "Jan-Mar 09:00-17:00", "9", "Mo 25:00-26:00", "Mo 09:00-"])
def test_unreadable_hours_are_rejected_not_guessed(text):
    with pytest.raises(OpeningHoursError):
        normalise(text)


def test_nu_open():
    hours = "Mo-Fr 09:00-12:00,13:00-17:00; Sa 10:00-12:00"
    assert is_open_now(hours, at(0, 9, 30)) is True
    assert is_open_now(hours, at(0, 12, 30)) is False  # lunch
    assert is_open_now(hours, at(0, 17, 0)) is False  # closing time is exclusive
    assert is_open_now(hours, at(5, 11, 59)) is True
    assert is_open_now(hours, at(6, 11, 0)) is False  # Sunday
    assert is_open_now("24/7", at(6, 3, 0)) is True
    assert is_open_now(None) is None and is_open_now("op afspraak") is None


def test_spans_past_midnight_belong_to_the_day_they_start():
    assert is_open_now("Fr 22:00-02:00", at(4, 23, 0)) is True
    assert is_open_now("Fr 22:00-02:00", at(5, 1, 30)) is True  # Saturday night
    assert is_open_now("Fr 22:00-02:00", at(5, 2, 0)) is False
    assert is_open_now("Su 22:00-02:00", at(0, 1, 0)) is True  # wraps into Monday


def test_naive_and_other_timezones_are_read_as_amsterdam_time():
    from datetime import UTC

    assert is_open_now("Mo 09:00-10:00", datetime(2026, 11, 23, 9, 30)) is True
    assert is_open_now("Mo 09:00-10:00", datetime(2026, 11, 23, 8, 30, tzinfo=UTC)) is True  # 09:30 CET


def test_next_change():
    assert next_change("Mo-Fr 09:00-17:00", at(0, 10, 7)) == at(0, 17, 0)
    assert next_change("Mo-Fr 09:00-17:00", at(4, 18, 0)) == at(7, 9, 0)  # Friday evening -> Monday
    assert next_change("24/7", at(0, 10)) is None


def test_hsds_schedules_round_trip():
    osm = "Mo-Fr 09:00-12:00,13:00-17:00; Sa 10:00-12:00"
    rows = to_schedules(osm, "service_id", "svc-1")
    assert [r["byday"] for r in rows] == ["MO,TU,WE,TH,FR", "MO,TU,WE,TH,FR", "SA"]
    assert rows[0]["opens_at"] == "09:00:00" and rows[0]["freq"] == "WEEKLY"
    assert from_schedules(rows) == osm
    crisis = to_schedules("24/7", "service_id", "svc-2")
    assert len(crisis) == 1 and crisis[0]["closes_at"] == "23:59:59"
    assert from_schedules(crisis) == "24/7"


def test_hsds_schedules_without_weekly_hours_give_none():
    assert from_schedules([{"id": "s", "description": "Op afspraak"}]) is None
    assert (
        from_schedules(
            [{"id": "s", "freq": "MONTHLY", "byday": "MO", "opens_at": "09:00", "closes_at": "10:00"}]
        )
        is None
    )


# --- schedules (one parser for sheets and forms; HSDS rows both ways) ---------------------------------

from ingest.hours import (  # noqa: E402
    closure,
    parse_schedules,
    schedule_from_hsds,
    schedule_to_hsds,
    schedules_from_texts,
    schedules_text,
)


def _shape(schedules):
    return [(s.kind, s.byday, s.opens_at, s.closes_at) for s in schedules]


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("ma t/m vr 9.00-17.00", [("openingstijden", "MO,TU,WE,TH,FR", "09:00", "17:00")]),
        ("Ma t/m vr 9.00 tot 17.00 uur", [("openingstijden", "MO,TU,WE,TH,FR", "09:00", "17:00")]),
        ("di en do 10-12 inloop", [("inloop", "TU,TH", "10:00", "12:00")]),
        ("op afspraak", [("afspraak", None, None, None)]),
        (
            "maandag 9:00 - 12:30 en 13:00 - 17:00",
            [("openingstijden", "MO", "09:00", "12:30"), ("openingstijden", "MO", "13:00", "17:00")],
        ),
        ("dagelijks 8-20", [("openingstijden", "MO,TU,WE,TH,FR,SA,SU", "08:00", "20:00")]),
        ("24/7", [("openingstijden", "MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00")]),
        (
            "ma-vr 09:00-17:00, za 10-12",
            [
                ("openingstijden", "MO,TU,WE,TH,FR", "09:00", "17:00"),
                ("openingstijden", "SA", "10:00", "12:00"),
            ],
        ),
        ("gesloten op feestdagen", [("gesloten-feestdagen", None, None, None)]),
        ("telefonisch bereikbaar ma t/m vr 9-12", [("telefonisch", "MO,TU,WE,TH,FR", "09:00", "12:00")]),
        ("elke dinsdag 14:00-16:00", [("openingstijden", "TU", "14:00", "16:00")]),
        (
            "ma t/m vr 9-17; telefonisch: ma-vr 9-12",
            [
                ("openingstijden", "MO,TU,WE,TH,FR", "09:00", "17:00"),
                ("telefonisch", "MO,TU,WE,TH,FR", "09:00", "12:00"),
            ],
        ),
        ("werkdagen 8.30-16.30", [("openingstijden", "MO,TU,WE,TH,FR", "08:30", "16:30")]),
        # as Dutch sites publish them (found with the search tool)
        ("Bellen · ma t/m vr 9.00 tot 17.00 uur", [("telefonisch", "MO,TU,WE,TH,FR", "09:00", "17:00")]),
        ("Ma t/m vr 9.00 – 17.30 uur", [("openingstijden", "MO,TU,WE,TH,FR", "09:00", "17:30")]),
        ("inloopspreekuur elke dinsdag 14:00-16:00", [("inloop", "TU", "14:00", "16:00")]),
    ],
)
def test_dutch_notations_parse_to_schedules(text, shape):
    assert _shape(parse_schedules(text)) == shape


@pytest.mark.parametrize(
    "text",
    [
        "dagelijks",
        "'s ochtends",
        "ma 9",
        "Even weken op maandag van 14:00 tot 16:00 uur",
        "ma t/m vr 9-17 (niet in de vakanties)",
        "9.00-17.00",  # every day or working days? not guessed
        "",
    ],
)
def test_unreadable_schedules_raise_with_a_reason(text):
    with pytest.raises(OpeningHoursError) as info:
        parse_schedules(text)
    assert str(info.value)  # the reason goes into the report


def test_form_texts_give_back_what_the_form_saved():
    from ingest.hours import form_texts

    saved = schedules_from_texts(
        "svc-x",
        {
            "openingstijden": "ma-vr 9-17, gesloten op feestdagen",
            "telefonisch": "ma t/m vr 9-12",
            "afspraak": "ja",
        },
        [("2026-12-21", "2027-01-03", "Kerstsluiting")],
    )
    texts = form_texts(saved)
    assert texts["openingstijden"] == "ma t/m vr 9.00-17.00, gesloten op feestdagen"
    assert texts["gesloten"] == [("2026-12-21", "2027-01-03", "Kerstsluiting")]
    again = schedules_from_texts(
        "svc-x", {k: v for k, v in texts.items() if k != "gesloten"}, texts["gesloten"]
    )
    assert again == saved


def test_form_texts_round_trip_and_ids_are_stable():
    texts = {
        "openingstijden": "ma t/m vr 9.00-17.00; za 10.00-12.00",
        "telefonisch": "ma t/m vr 9.00-12.00",
        "afspraak": "ja",
    }
    first = schedules_from_texts("svc-x", texts)
    assert [s.id for s in first] == [f"sched-svc-x-0{n}" for n in range(1, 5)]
    again = schedules_from_texts(
        "svc-x", {k: schedules_text(first, k) for k in ("openingstijden", "telefonisch")} | {"afspraak": "ja"}
    )
    assert again == first
    with pytest.raises(OpeningHoursError, match="telefonisch"):
        schedules_from_texts("svc-x", {"telefonisch": "soms"})
    with pytest.raises(OpeningHoursError):
        closure("c", "2026-12-21", "2026-12-01", "Gesloten")  # ends before it starts
    with pytest.raises(OpeningHoursError):
        closure("c", "2026-12-21", None, " ")  # a closure needs its message


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"id": "s", "byday": "MO", "opens_at": "9am", "closes_at": "5pm"}, "ongeldige opens_at"),
        ({"id": "s", "byday": "XX", "opens_at": "09:00", "closes_at": "17:00"}, "ongeldige byday"),
        (
            {"id": "s", "freq": "DAILY", "byday": "MO", "opens_at": "09:00", "closes_at": "17:00"},
            "ongeldige freq",
        ),
        ({"id": "s", "opens_at": "09:00", "closes_at": "17:00"}, "zonder byday"),
        ({"id": "s", "byday": "MO", "opens_at": "09:00Z", "closes_at": "17:00Z"}, "Nederlandse tijd"),
        ({"id": "s", "valid_from": "1-12-2026"}, "ongeldige valid_from"),
    ],
)
def test_bad_hsds_schedule_values_are_reported_not_guessed(row, reason):
    with pytest.raises(OpeningHoursError, match=reason):
        schedule_from_hsds(row)


def test_hsds_schedule_rows_round_trip_through_records():
    rows = [
        {
            "id": "a",
            "service_id": "svc",
            "freq": "WEEKLY",
            "byday": "MO,TU",
            "opens_at": "09:00:00",
            "closes_at": "17:00:00",
            "attending_type": "telefonisch",
        },
        {
            "id": "b",
            "service_id": "svc",
            "valid_from": "2026-12-24",
            "valid_to": "2027-01-01",
            "description": "Kerstvakantie",
        },
        {"id": "c", "service_id": "svc", "description": "Gesloten op feestdagen"},
        {
            "id": "d",
            "service_id": "svc",
            "freq": "MONTHLY",
            "byday": "-1FR",
            "opens_at": "19:00:00",
            "closes_at": "23:59:59",
            "attending_type": "inloop",
            "interval": "1",
        },
    ]
    records = [schedule_from_hsds(r) for r in rows]
    assert [s.kind for s in records] == ["telefonisch", "gesloten", "gesloten-feestdagen", "inloop"]
    assert [schedule_to_hsds(s, "svc") for s in records] == rows
    assert (
        schedule_from_hsds(
            {"id": "e", "byday": "MO", "opens_at": "00:00:00", "closes_at": "23:59:59"}
        ).closes_at
        == "24:00"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21-12-2026 t/m 3-1-2027: Kerstsluiting", ("2026-12-21", "2027-01-03", "Kerstsluiting")),
        (
            "gesloten van 1 juli 2027 tot en met 31 juli 2027 wegens verbouwing",
            ("2027-07-01", "2027-07-31", "Gesloten wegens verbouwing"),
        ),
        ("vanaf 2026-12-01: tijdelijk gesloten", ("2026-12-01", None, "Tijdelijk gesloten")),
        ("21-12 t/m 3-1: kerst", None),  # no year: not guessed
        ("1 juli 2027 - 31 juli 2027", None),  # no message for residents
        ("31-02-2027 t/m 1-3-2027: x", None),
    ],
)
def test_closures_as_sheets_write_them(text, expected):
    from ingest.hours import parse_closure

    if expected is None:
        with pytest.raises(OpeningHoursError):
            parse_closure(text)
    else:
        c = parse_closure(text)
        assert (c.kind, c.valid_from, c.valid_to, c.description) == ("gesloten", *expected)
