"""The professional page with a door per need (ADR 0111): the door for a need no service on the kaart exists for
stands under the front-door heading, in the place the ranking gave it, never under "Past bij de vraag"."""

from __future__ import annotations

import re

import pytest
from site_data import add_account, close_app, csrf_from, demo_app, login


@pytest.fixture(scope="module")
def pro(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("pro-rank"))
    client = app.test_client()
    login(client, add_account(app))
    yield client
    close_app(app)


def _groups_and_whys(pro, text: str) -> tuple[list[str], list[str]]:
    page = pro.get("/professional/")
    html = pro.post("/professional/", data={"situatie": text, "csrf_token": csrf_from(page.text)}).text
    groups = re.findall(r'id="groep-\d+">([^<]+)<', html)
    whys = re.findall(r"<strong>Waarom:</strong> ([^<]+)</p>", html)
    return groups, whys


def test_a_brain_injury_case_shows_the_door_first_under_its_own_heading(pro):
    groups, whys = _groups_and_whys(
        pro, "Man van 52 met hersenletsel na een val, zoekt hulp bij het oppakken van zijn leven"
    )
    assert groups[0] == "Geen passende dienst: de voordeur van de gemeente"
    assert whys[0].startswith("Geen aanbod voor niet-aangeboren hersenletsel (NAH) op de kaart")


def test_dementia_help_first_then_the_door_for_day_activities(pro):
    groups, whys = _groups_and_whys(pro, "Meneer met dementie, echtgenote zoekt dagbesteding voor hem")
    assert groups[:2] == ["Past bij de vraag", "Geen passende dienst: de voordeur van de gemeente"]
    assert any(w.startswith("Geen aanbod voor dagbesteding op de kaart") for w in whys[:3])
