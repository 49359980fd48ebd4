"""tester24 smaller remarks, place (docs/usertest/m12test24.md; helper fix24, ADR 0184): a resident who names their
kern ("Ik woon in Dinxperlo …") saw "In de buurt van: Dinxperlo" on the page, while every card was in Aalten, 9 km
away, and neither the page nor the API said so. The contract (BRIEF.md: "place": {"name", "lat", "lon"}) carries the
place itself; what is new is a sentence for the asker: nothing for this question in the named kern itself, the
nearest help is in Aalten. It goes in `messages` (the API, the CLI) and on the page. Twins: a writer in Aalten, or
with no place, gets no such sentence. Sentences are our own, written before the code.
"""

from __future__ import annotations

import pytest
from site_data import close_app, demo_app

ELSEWHERE = [
    ("Ik woon in Dinxperlo en zoek hulp bij mijn schulden", "Dinxperlo"),
    ("ik woon in bredevoort en voel me eenzaam, waar kan ik naartoe", "Bredevoort"),
    ("Wij wonen in De Heurne en zoeken kinderopvang voor onze dochter van 2", "De Heurne"),
    ("postcode 7091, ik heb hulp nodig met mijn administratie", "Dinxperlo"),
    ("Ik ben 80 en woon in IJzerlo, wie helpt mij met het huishouden?", "IJzerlo"),
    ("Mijn vader woont in Dinxperlo en heeft hulp nodig bij het douchen", "Dinxperlo"),
]

AT_HOME = [
    "Ik woon in Aalten en zoek hulp bij mijn schulden",
    "Ik zoek hulp bij mijn schulden",
    "ik woon in aalten centrum en voel me eenzaam",
]

NEAREST = "Aalten"


@pytest.mark.parametrize(("text", "kern"), ELSEWHERE)
def test_a_named_kern_without_help_there_says_where_the_nearest_help_is(demo, text, kern):
    res = demo.match(text, limit=10)
    assert res.place and res.place["name"] == kern, (text, res.place)
    said = [m for m in res.messages if kern in m and NEAREST in m]
    assert said, (text, res.messages)


@pytest.mark.parametrize("text", AT_HOME)
def test_twin_a_writer_in_aalten_or_without_a_place_gets_no_such_sentence(demo, text):
    res = demo.match(text, limit=10)
    assert not [m for m in res.messages if "dichtstbijzijnde" in m], (text, res.messages)


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("fix24-place"))
    yield app
    close_app(app)


def test_the_api_carries_the_sentence_and_the_place(site):
    resp = site.test_client().post(
        "/api/v1/match", json={"text": "Ik woon in Dinxperlo en zoek hulp bij mijn schulden"}
    )
    assert resp.status_code == 200, resp.get_data(as_text=True)
    body = resp.get_json()
    assert body["place"]["name"] == "Dinxperlo"
    assert any("Dinxperlo" in m and NEAREST in m for m in body["messages"]), body["messages"]
