"""tester25 N-P (docs/usertest/m12test25.md, new failure class; helper fix25, ADR 0188): holiday or hobby words and a
mentioned child read as the need. A caravan holiday near Bredevoort got "Geen huis of slaapplek"; "Is er een
zwemclub voor hem?" about a grandson of 6 got the POH Jeugd first; a cut on a tin while cooking ("moet dat gehecht
worden?") got youth work and no huisarts. Twins: a caravan or tent where someone lives because the home is gone
keeps the roof need; a child's fear at swimming lessons keeps parenting help; self-harm keeps 113 first.

Sentences of our own, written before the change, except B10-T, NK-1 and D-T (tester25's, quoted as regression
cases).
"""

from __future__ import annotations

import pytest
from builders import LINE_113, themes_of, top_ids

ROOF = {"dakloosheid", "woning-zoeken", "huisvesting"}
BEWEEG = "svc-sportief-meedoen-beweegmakelaar"
HUISARTS = "svc-huisartsen-poh"

HOLIDAY = [
    # tester25 B10-T
    "We gaan een week met de caravan kamperen bij Bredevoort. Is daar een camping?",
    "In de zomervakantie willen we met de tent naar de Achterhoek. Waar kunnen we kamperen in de buurt van Aalten?",
    "Mijn ouders komen met hun camper logeren, waar kunnen ze een nacht staan?",
]
HOME_GONE = [
    "Ik woon al drie maanden noodgedwongen in een caravan op een camping omdat ik geen huis heb. Waar kan ik terecht?",
    "Ik ben mijn huis kwijt en slaap nu in een tent. Waar kan ik heen?",
]
CLUB = [
    # tester25 NK-1
    "Mijn kleinzoon van 6 zegt dat papa de lekkerste pannenkoeken bakt. Is er een zwemclub voor hem in Aalten?",
    "Is er een zwemclub voor mijn kleinzoon van 6 in Aalten?",
    "Mijn dochter van 8 wil graag op turnen. Weet u een club in Dinxperlo?",
    "Onze zoon van 11 is gek op voetbal, bij welke club kan hij in Aalten?",
]
CUT = [
    # tester25 D-T
    "Mijn dochter van 15 heeft zich gesneden aan een blikje bij het koken. Moet dat gehecht worden?",
    "Ik heb me net flink in mijn duim gesneden met een broodmes. Moet dat gehecht worden?",
]


@pytest.mark.parametrize("text", HOLIDAY)
def test_a_holiday_is_no_roof_lost(demo, text):
    res = demo.match(text, limit=10)
    assert not ROOF & themes_of(res), (text, themes_of(res))


@pytest.mark.parametrize("text", HOME_GONE)
def test_twin_a_caravan_or_tent_because_the_home_is_gone_keeps_the_roof_need(demo, text):
    res = demo.match(text, limit=10)
    assert "dakloosheid" in themes_of(res), (text, themes_of(res))


@pytest.mark.parametrize("text", CLUB)
def test_a_club_asked_for_a_child_gets_the_beweegmakelaar_first(demo, text):
    top = top_ids(demo.match(text, limit=10))
    assert top and top[0] == BEWEEG, (text, top)


def test_twin_a_childs_fear_at_swimming_lessons_keeps_parenting_help(demo):
    text = "Mijn zoon van 6 is heel bang voor water en huilt bij elke zwemles. Wat kunnen we doen?"
    top = top_ids(demo.match(text, limit=10))
    assert {"svc-yunio-jgz", "svc-ggd-nog-jgz"} & set(top), top


@pytest.mark.parametrize("text", CUT)
def test_a_cut_that_may_need_stitches_gets_the_huisarts(demo, text):
    res = demo.match(text, limit=10)
    assert HUISARTS in top_ids(res), (text, top_ids(res))
    assert not res.signals["veiligheid"], text


def test_twin_self_harm_with_the_same_question_keeps_113_first(demo):
    res = demo.match("Mijn dochter van 15 snijdt zichzelf in haar armen. Moet dat gehecht worden?", limit=10)
    assert top_ids(res)[0] == LINE_113, top_ids(res)
