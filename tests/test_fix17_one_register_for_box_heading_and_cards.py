"""tester18 B8 as a class (ADR 0163): one register per answer. "als mama bier op heeft wordt ze boos en dan slaat ze
me met de riem" got the child's box in "je" and a heading and cards in "u": the box followed who writes (ADR 0154),
the page the writer model. One decision now: who writes, as the box reads it, is the register of the whole answer
(the API `register`, the heading, the why-lines and the box). The twins: an adult hit at home keeps "u"; an adult
writing about a parent stays "u". Sentences of our own, written before the change was made.
"""

from __future__ import annotations

import pytest
from site_data import close_app, demo_app, public_page, visible_main

CHILD_HIT_AT_HOME = [
    "als mama bier op heeft wordt ze boos en dan slaat ze me met de riem",
    "papa slaat mij als ik mijn kamer niet opruim en ik durf het niet aan de juf te zeggen",
    "mn stiefvader schopt me als mama er niet is",
    "als papa dronken is slaat hij me en moet ik me verstoppen",
    "mama slaat me met de pollepel als ik te laat thuis ben van school",
    "ik word thuis geslagen door mijn papa, wat moet ik doen",
]

ADULTS = [
    "Mijn man slaat me als hij gedronken heeft en de kinderen zien het.",
    "mijn vriend slaat me en zegt dat de kinderen van hem zijn",
    "Mijn moeder is 80 en mijn broer slaat haar, wat kan ik doen?",
    "Mijn vader van 78 praat ineens heel raar.",
    # another's state alone, nothing of the writer's own: no guess of a young writer (ADR 0163)
    "Mijn moeder praat ineens heel raar en haar arm is slap",
    "Mijn vader praat ineens heel raar en zijn mondhoek hangt scheef.",
    "mijn moeder valt steeds en haar been is dik",
]

# a child who speaks of itself keeps "je" (the writer model, cues, a young hand)
CHILD_SPEAKS_OF_ITSELF = [
    "mijn mama huilt elke dag en ik weet niet wat ik moet doen",
    "mijn papa en mama maken altijd ruzie en ik kan niet slapen",
    "ik durf niet naar huis want mijn vader is altijd boos op mij",
]


@pytest.mark.parametrize("text", CHILD_HIT_AT_HOME)
def test_a_child_hit_at_home_is_je_everywhere(demo, text):
    res = demo.match(text, limit=10)
    assert res.safety_levels, text
    assert res.register == "je", (text, res.register)
    assert res.box_writer in ("", "kind"), (text, res.box_writer)
    why = " ".join(str(r.get("why") or "") for r in res.results[:5])
    assert " u " not in f" {why} " and " uw " not in f" {why} ", (text, why)


@pytest.mark.parametrize("text", ADULTS)
def test_twin_an_adult_is_u_everywhere(demo, text):
    res = demo.match(text, limit=10)
    assert res.register == "u", (text, res.register)
    assert res.box_writer in ("", "volwassene"), (text, res.box_writer)


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("fix17-register"))
    yield app
    close_app(app)


_visible = visible_main


@pytest.mark.parametrize("text", CHILD_SPEAKS_OF_ITSELF)
def test_twin_a_child_who_speaks_of_itself_keeps_je(demo, text):
    assert demo.match(text, limit=10).register == "je", text


@pytest.mark.parametrize("text", CHILD_HIT_AT_HOME[:2])
def test_the_page_heading_box_and_cards_share_the_childs_register(site, text):
    shown = _visible(public_page(site, text))
    assert "Hulp bij je vraag" in shown and "Hulp bij uw vraag" not in shown, text
    assert (
        "u kunt er zelf terecht" not in shown and "het team van de gemeente kijkt met u mee" not in shown
    ), text
