"""tester14 (docs/usertest/m12test14.md "Other", t14-24; ADR 0145): a teacher asking on the public page was told
"Een deel van de hulp voor uw vraag regelen hulpverleners samen. Dit loopt via uw hulpverlener of het lokale team":
the reader IS the hulpverlener.

A writer in a professional role (match/voice.py: "ik ben leerkracht", "Jongerenwerker hier.", "Huisarts: …") now
hears where professionals find that help (publiek.yaml `professional_asker_why`); a resident keeps the honest line.
The sentences are our own, written for this test.
"""

from __future__ import annotations

import pytest
from site_data import close_app, demo_app, public_page

from ontology.publiek import load_publiek

HONEST = "Dit loopt via uw hulpverlener of het lokale team"
PROFESSIONALS = [
    "Ik ben leerkracht van groep 6. Een meisje uit mijn klas heeft blauwe plekken en wil niet naar huis. Wat moet ik doen?",
    "Als wijkverpleegkundige zie ik een oudere vrouw bij wie geld verdwijnt sinds haar neef bij haar woont. Waar vraag ik advies?",
    "Jongerenwerker hier. Een jongen van 16 vertelt dat zijn vader hem slaat. Bij wie kan ik overleggen?",
    "Ik werk als kraamverzorgende en maak me zorgen over een moeder die haar baby niet goed verzorgt. Wie kan ik raadplegen?",
    "Huisarts: patiënte vertelt over geweld door haar partner, ik twijfel over een melding",
]
# residents who see the same (the ADR 0116 line stays theirs)
RESIDENTS = [
    "ik twijfel of ik moet melden dat het kind van de buren verwaarloosd wordt",
    "ik denk dat het meisje naast ons thuis geslagen wordt, moet ik dat ergens melden?",
    "mijn buurvrouw wordt volgens mij door haar man mishandeld, ik weet niet of ik iets moet doen",
]


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("fix14-pro-writer"))
    yield app
    close_app(app)


def _via(site, text: str) -> list[dict]:
    body = site.test_client().post("/api/v1/match", json={"text": text}).get_json()
    return [r for r in body["results"] if r.get("via_professional")]


def test_the_line_exists_and_says_u_without_sending_to_a_hulpverlener():
    line = load_publiek().professional_asker_why
    assert line and "hulpverlener" not in line and "professional" in line


@pytest.mark.parametrize("text", PROFESSIONALS)
def test_a_professional_on_the_public_page_hears_where_professionals_find_it(site, text):
    via = _via(site, text)
    assert via, "a service for professionals only was among the best help"
    assert via[0]["why"].startswith(load_publiek().professional_asker_why)
    page = public_page(site, text)
    assert HONEST not in page and "via uw hulpverlener" not in page


@pytest.mark.parametrize("text", RESIDENTS)
def test_a_resident_keeps_the_honest_line(site, text):
    for row in _via(site, text):
        assert HONEST in row["why"] and load_publiek().professional_asker_why not in row["why"]


@pytest.mark.parametrize("lang", ["en", "ar", "tr", "pl", "uk"])
def test_the_professional_line_is_translated(site, lang):
    page = public_page(site, PROFESSIONALS[0], lang=lang)
    assert "Werkt u in zorg" not in page and "alleen voor professionals" not in page
