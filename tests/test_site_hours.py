"""The service page tells a resident when they can go or call: hours of every kind from the graph, closures
with their message, and the wachttijd with the date it was given (stale after KAART_WACHTTIJD_STALE_WEEKS)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from site_data import PLANTED_SERVICE, close_app, demo_app

from graph.repositories import ServiceRepository
from ingest.hours import closure, schedules_from_texts
from webapp.db import get_store


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("hours"), WACHTTIJD_STALE_WEEKS="8")
    yield app
    close_app(app)


def _save(site, **changes):
    with site.app_context():
        repo = ServiceRepository(get_store())
        repo.upsert([dataclasses.replace(repo.get(PLANTED_SERVICE), **changes)])


def test_service_page_shows_hours_of_each_kind_and_a_closure(site):
    today = date.today()
    schedules = schedules_from_texts(
        PLANTED_SERVICE,
        {"openingstijden": "ma t/m vr 9.00-17.00", "inloop": "di en do 10-12", "telefonisch": "ma-vr 9-12"},
    ) + (
        closure(
            "sched-svc-test-schuldhulp-99",
            today.isoformat(),
            (today + timedelta(days=3)).isoformat(),
            "Gesloten wegens verbouwing.",
        ),
    )
    _save(site, schedules=schedules, wait_time="6 weken", wait_time_date=today.isoformat())
    html = site.test_client().get(f"/dienst/{PLANTED_SERVICE}").text
    for text in (
        "Open ma t/m vr 9.00–17.00",
        "Inloop di en do 10.00–12.00",
        "Telefonisch bereikbaar ma t/m vr 9.00–12.00",
        "Gesloten wegens verbouwing.",
        "Wachttijd ongeveer 6 weken (doorgegeven op",
    ):
        assert text in html, text
    assert "Openingstijden: nog niet geverifieerd" not in html
    assert "Tijdelijk gesloten · " in html  # closed today by the closure, whatever the hour


def test_stale_wachttijd_is_not_shown_as_current(site):
    old = (date.today() - timedelta(weeks=9)).isoformat()
    _save(site, wait_time="2 weken", wait_time_date=old)
    html = site.test_client().get(f"/dienst/{PLANTED_SERVICE}").text
    assert "Wachttijd onbekend; laatst doorgegeven op" in html
    assert "ongeveer 2 weken" not in html


def test_national_helpline_says_it_is_reachable_day_and_night(site):
    html = site.test_client().get("/dienst/svc-113-hulplijn").text
    assert "24 uur per dag bereikbaar" in html
    assert "Telefonisch 24 uur per dag bereikbaar" in html


def test_hours_edited_in_the_older_osm_field_still_show(site):
    _save(site, schedules=(), opening_hours="Mo-Fr 09:00-12:00")
    html = site.test_client().get(f"/dienst/{PLANTED_SERVICE}").text
    assert "Open ma t/m vr 9.00–12.00" in html
