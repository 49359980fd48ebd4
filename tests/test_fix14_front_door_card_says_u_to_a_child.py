"""tester14 R08/R03 (docs/usertest/m12test14.md class F; ADR 0145): a child got the front door's card "Heeft u een
vraag over uw huishouden, geld, opvoeding of gezondheid?" under lines that all said "je".

The front door is the gemeente profile's (ontology/gemeenten/aalten.yaml): its `description_je` is our own text for
a young asker. The door's row carries it as `door_text` (page, API, `kaart match`) only when the page says "je"; an
adult keeps the service's own description. The questions are our own, each young one with an adult twin.
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from site_data import close_app, demo_app, public_page

from ontology.gemeente import load_profile

DOOR = "svc-aalten-brede-intake"
DATA_U = "Heeft u een vraag over uw huishouden"
YOUNG = [
    "ik ben 14 en mijn ouders maken de hele tijd ruzie, ik weet niet wat ik moet doen",
    "ik zit in de brugklas en ik voel me heel vaak alleen, niemand snapt me",
    "mijn mama is heel vaak verdrietig en ligt in bed, ik moet alles thuis doen. ik ben 12",
    "ik ben 15 en ik wil een bijbaantje maar ik weet niet hoe dat moet",
    "ik zit in groep 7 en papa en mama gaan uit elkaar",
    "ik ben 13 en we hebben thuis bijna geen geld, ik schaam me op school",
]
ADULT = [
    "mijn zoon van 14 heeft last van onze ruzies, wat kan ik doen",
    "mijn vrouw is heel vaak verdrietig en ligt in bed, ik moet alles thuis doen",
    "ik ben 50 en we hebben thuis bijna geen geld, ik schaam me",
    "ik ben 45 en wil weer aan het werk maar weet niet hoe",
    "mijn man en ik gaan uit elkaar en ik weet niet waar ik moet beginnen",
]


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("fix14-door"))
    yield app
    close_app(app)


def _api(site, text: str) -> list[dict]:
    return site.test_client().post("/api/v1/match", json={"text": text, "limit": 10}).get_json()["results"]


def _door_card(html: str) -> str:
    m = re.search(r'<article class="kaart-kaartje" id="dienst-' + DOOR + r'".*?</article>', html, re.S)
    return unescape(m.group(0)) if m else ""


def test_the_profile_has_the_je_text_and_it_says_je():
    text = load_profile().front_door.description_je
    assert text and " je " in f" {text} " and not re.search(r"\b(u|uw)\b", text, re.I)


@pytest.mark.parametrize("text", YOUNG)
def test_a_young_askers_door_row_and_card_say_je(site, text):
    rows = [r for r in _api(site, text) if r["service_id"] == DOOR]
    assert rows, "the door is in the answer"
    assert rows[0]["door_text"] == load_profile().front_door.description_je
    card = _door_card(public_page(site, text))
    assert card and "Heb je een vraag" in card and DATA_U not in card


@pytest.mark.parametrize("text", ADULT)
def test_an_adults_door_keeps_the_services_own_words(site, text):
    rows = [r for r in _api(site, text) if r["service_id"] == DOOR]
    assert not any("door_text" in r for r in rows)
    card = _door_card(public_page(site, text))
    assert not card or (DATA_U in card and "Heb je een vraag" not in card)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Do you have a question and don't know where to start?"),
        ("tr", "nereden başlayacağını bilmiyor musun?"),  # "sen": Turkish has an informal register
        ("uk", "Маєш запитання"),
        ("pl", "Masz pytanie"),
        ("ar", "هل لديك سؤال"),
    ],
)
def test_the_door_text_is_translated(site, lang, said):
    card = _door_card(public_page(site, YOUNG[4], lang=lang))
    assert said in card and DATA_U not in card


def test_the_professional_answer_has_no_door_text(site):
    from webapp.answer import answer_hulpvraag

    with site.test_request_context("/"):
        res = answer_hulpvraag(YOUNG[0], audience="professional")
    assert not any("door_text" in r for r in res.results)


def _cli(app, *args: str):
    from click.testing import CliRunner

    from webapp.cli import cli

    env = {
        "KAART_GRAPH_URI": app.config["GRAPH_URI"],
        "KAART_DATA_DIR": app.config["DATA_DIR"],
        "KAART_INDEX_DIR": app.config["INDEX_DIR"],
    }
    return CliRunner().invoke(cli, list(args), env=env)


def test_kaart_match_prints_the_door_text_for_a_young_asker_only(site):
    young = _cli(site, "match", YOUNG[4], "--limit", "10")
    assert young.exit_code == 0, young.output
    assert load_profile().front_door.description_je in young.output
    adult = _cli(site, "match", ADULT[1], "--limit", "10")
    assert adult.exit_code == 0 and "Heb je een vraag" not in adult.output
