"""HSDS schedules as publishers write them (free-text attending_type, descriptions, a row per weekday) and
hours a sheet could not read keep their meaning on the service page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.models import Schedule
from ingest.hsds import import_hsds
from webapp.db import get_store
from webapp.hours_text import hours_lines

PUBLISHER = (
    Path(__file__).parent
    / "fixtures"
    / "hsds"
    / "schedules-lowercase-freq-textual-timezone-bad-row-per-day-rows"
)


def _when(html: str) -> str:
    part = html[html.index("Wanneer?") : html.index("Waar?")]
    return " ".join(re.sub(r"<[^>]+>", " ", part).split())


@pytest.fixture
def pages(app, client):
    with app.app_context():
        import_hsds(get_store(), PUBLISHER)
    return lambda sid: _when(client.get(f"/dienst/{sid}").text)


def test_inloop_with_free_text_attending_type_shows_its_hours_and_description(pages):
    text = pages("svc-inloop")
    assert "Inloop di en do 10.00–12.00" in text
    assert "Inloop in het Dorpshuis" in text
    assert "8.30" not in text  # the row the import rejected


def test_appointment_description_is_shown_once(pages):
    text = pages("svc-afspraak")
    assert "Alleen op afspraak. Bel of mail voor een afspraak." in text
    assert text.count("Op afspraak") == 1  # the status line; the description says the rest
    assert pages("svc-bel-afspraak") == "Wanneer? Op afspraak Wachttijd: niet bekend"


def test_a_row_per_weekday_reads_as_one_rule(pages):
    text = pages("svc-kantoor")
    assert "Open ma t/m vr 9.00–17.00" in text
    assert "di 9.00–17.00" not in text


def test_per_day_rows_merge_and_split_hours_stay_together():
    rows = [
        Schedule(id=f"s{n}", kind="openingstijden", freq="WEEKLY", byday=day, opens_at=o, closes_at=c)
        for n, (day, o, c) in enumerate(
            [(d, "13:00", "17:00") for d in ("MO", "TU", "WE", "TH", "FR")]
            + [(d, "09:00", "12:00") for d in ("MO", "TU", "WE", "TH", "FR")]
            + [("SA", "10:00", "12:00")]
        )
    ]
    assert hours_lines(rows) == ["open ma t/m vr 9.00–12.00 en 13.00–17.00, za 10.00–12.00"]
