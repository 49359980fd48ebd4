"""A safety theme needs a harm act or a threat with a real agent and victim. A parent who cannot help with homework,
a crying baby and tired parents, "maakt me dood als ze mijn rapport ziet haha", a teenager who swears and slams
doors raised Veilig Thuis (tester16 BROKEN 1, 5, 6, class A; helper safety17, ADR 0154). The twins tell a harm act
or a threat and keep Veilig Thuis (or 112).

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, VEILIG_THUIS, top_ids

DANGER_AT_HOME = {"onveilig-thuis", "acuut-gevaar"}


@pytest.mark.parametrize(
    "text",
    [
        # a parent who cannot help with school work
        "ik snap mijn rekenen niet en mijn vader kan me ook niet helpen",
        "Mijn moeder kan me niet helpen met wiskunde, wie wel?",
        "mijn oma kan me niet helpen met mijn werkstuk want ze snapt de computer niet",
        "mn ouders kunnen me niet helpen met huiswerk want ze spreken geen nederlands",
        "Mijn vader kan mij niet helpen bij het leren voor mijn toetsen, waar kan ik bijles krijgen?",
        # a crying baby and tired parents
        "ons zoontje van 6 weken krijst elke avond urenlang en wij zijn kapot van vermoeidheid",
        "De baby huilt de hele nacht, ik ben zo moe, hoe hou ik dit vol?",
        "mijn dochtertje van 2 maanden blijft maar huilen en mijn vriend en ik slapen al weken niet",
        "Onze pasgeboren zoon huilt bijna de hele dag. Mijn vrouw en ik zijn op.",
        "de kleine van 4 maanden huilt en huilt, we zijn allebei helemaal gesloopt",
        # a joke about a report card
        "als mijn vader mijn cijferlijst ziet vermoordt hij me haha",
        "mijn moeder gaat me echt afmaken als ze mijn rapport ziet lol",
        "mn pa maakt me dood als ie hoort dat ik blijf zitten haha",
        "Mijn moeder maakt me dood als ze mijn rapport ziet, ik heb drie onvoldoendes",
        "ik ben echt dood als mama mijn cijfers ziet haha",
        # a teenager who swears and slams doors
        "Mijn zoon van 16 is onhandelbaar, hij vloekt tegen mij en smijt met zijn spullen.",
        "onze dochter (14) scheldt ons uit en smijt de deur dicht",
        "Mijn puber van 15 is niet te harden, hij tiert en smijt met de deuren.",
        pytest.param(
            "Ze is 13 en scheldt me uit zodra ik iets vraag, dan smijt ze de deur van haar kamer dicht.",
            marks=pytest.mark.xfail(
                reason="no child word: a pronoun with an age alone is not read as the own child"
            ),
        ),
        "Mijn dochter van 16 scheldt me uit voor alles en nog wat, ik weet niet meer hoe ik met haar om moet gaan.",
    ],
)
def test_words_without_a_harm_act_raise_no_danger_at_home(demo, text):
    res = demo.match(text)
    assert not DANGER_AT_HOME & set(res.safety_levels), res.safety_levels
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "als mijn moeder mijn rapport ziet slaat ze me",
        "mijn vader slaat me als ik een onvoldoende haal haha",
        "ik ben zo moe dat ik de baby door elkaar heb geschud",
        "De baby huilde zo hard dat ik haar heb geslagen, ik ben bang dat ik het weer doe.",
        "mijn moeder kan me niet helpen want mijn stiefvader slaat ons allebei",
        "mijn vader scheldt me uit en slaat me als hij gedronken heeft",
    ],
)
def test_a_harm_act_keeps_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zoon van 16 bedreigt mij met een mes.",
        "onze dochter van 15 staat met een mes in de keuken en dreigt mij te steken",
    ],
)
def test_a_teen_who_threatens_a_parent_with_a_knife_gets_112(demo, text):
    res = demo.match(text)
    assert "acuut-gevaar" in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == ALARM, top_ids(res)
