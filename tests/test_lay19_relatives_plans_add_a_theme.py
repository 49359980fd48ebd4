"""tester17 class D (r-carer-1) as a class (ADR 0159): a relative's plans told on the way ("onze dochter gaat
volgend jaar studeren") added the theme opleiding to a carer's or a parent's story, and the front door said there
is no course on the kaart. The twin: the study is what is asked about (money, a choice, trouble), and opleiding
stays. Sentences of our own, written before the change was made.
"""

from __future__ import annotations

import pytest

PLANS_ON_THE_WAY = [
    "Ik zorg voor mijn man met parkinson en onze dochter gaat volgend jaar studeren. Ik ben moe, wie kan mij "
    "ondersteunen?",
    "Mijn moeder heeft dementie en ik doe alles alleen sinds mijn zoon in Utrecht studeert.",
    "Onze zoon is gaan studeren en nu zit ik de hele dag alleen thuis, ik ben 58 en voel me eenzaam.",
    "mijn dochter gaat op kamers en ik heb schulden, ik kan de huur niet meer betalen",
    "Sinds mijn vrouw overleden is en mijn jongste studeert, eet ik elke avond alleen.",
    "Mijn broer studeert in Groningen en ik zorg alleen voor onze vader met kanker, ik trek het niet meer.",
]
STUDY_ASKED = [
    "mijn dochter gaat studeren en ik wil weten of er studiefinanciering is",
    "Mijn zoon studeert maar het lukt niet, hij twijfelt of hij moet stoppen.",
    "ik wil gaan studeren maar weet niet welke studie, ik ben 19",
]


@pytest.mark.parametrize("text", PLANS_ON_THE_WAY)
def test_a_relatives_study_told_on_the_way_adds_no_course_need(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    assert "opleiding" not in [t["id"] for t in res.themes], (text, [t["id"] for t in res.themes])


@pytest.mark.parametrize("text", STUDY_ASKED)
def test_twin_the_study_asked_about_stays_a_need(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    assert "opleiding" in [t["id"] for t in res.themes], (text, [t["id"] for t in res.themes])
