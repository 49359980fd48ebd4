"""A strong word raises danger at home only when someone can do it to someone (helper safety12, ADR 0139).

tester13 (m12test13 class A): a toddler who hits his parent, exams that "break" a student, a mother-in-law at the door
and a look "as if I mistreated her" got Veilig Thuis first; a husband who died of a heart attack last month, told
by his widow asking about the paperwork, got 112. Who does what to whom decides: a young child or a thing as the
subject is no perpetrator, "alsof" is what others seem to think, an emergency that ended in a death is grief, and a
relative's interference is a family matter. Each class has its danger twin (a partner who hits the toddler, a
person who "breaks" someone and hits, an ex at the door who threatens, fear told, someone lying there not
reacting). The sentences are our own, none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, LINE_113, VEILIG_THUIS, top_ids

CRISIS_LINES = {VEILIG_THUIS, ALARM, LINE_113}


@pytest.mark.parametrize(
    "text",
    [
        # a young child as the one who hits, kicks or bites
        "Mijn kleuter slaat mij als hij moe is, hoe leer ik hem dat af?",
        "Ons zoontje van 3 slaat en schopt mij als ik nee zeg, hoe ga ik daarmee om?",
        "mijn dreumes (2) slaat me steeds in mijn gezicht en moet erom lachen",
        "Onze dochter (3) bijt en krabt mij als ze haar zin niet krijgt.",
        "Onze dreumes bijt me als hij zijn zin niet krijgt.",
        # a thing or a task that "breaks" someone
        "De rekeningen maken me kapot, ik slaap er niet van.",
        "Die deadlines slopen me, ik ben zo moe.",
        "Mijn werk maakt me kapot, ik kan niet meer.",
        "Die toetsen maken me kapot, ik kan me niet meer concentreren.",
        # what others seem to think
        "De buren keken alsof ik mijn kind sloeg, maar hij viel gewoon van de fiets.",
        "Mijn buurvrouw kijkt alsof ik mijn hond mishandel, maar hij is gewoon mager van ouderdom.",
        # a relative's interference
        "Mijn schoonvader bemoeit zich met alles en staat onaangekondigd op de stoep, hoe zeg ik daar iets van?",
    ],
)
def test_no_perpetrator_raises_no_danger(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not CRISIS_LINES & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn man slaat mijn peuter.",
        "Mijn vriend slaat onze kleuter als hij dronken is.",
        "Mijn man slaat en schopt mij.",
        "Hij sloopt me, hij slaat me als ik iets zeg.",
        "Mijn ex staat onaangekondigd op de stoep en dreigt dat hij me iets aandoet.",
        "Mijn man kijkt me aan alsof hij me wil slaan, ik ben bang.",
        # the young child as the one it happens to, without a perpetrator named by a verb
        "Onze zoon van 2 heeft blauwe plekken en huilt als zijn vader thuiskomt.",
        "Mijn peuter is bang voor mijn vriend en wil niet naar huis.",
    ],
)
def test_a_person_who_does_it_still_raises_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)


def test_an_emergency_that_ended_in_a_death_is_grief_not_112(demo):
    res = demo.match(
        "Twee jaar geleden is mijn vrouw overleden aan een hartstilstand, ik heb toen 112 gebeld. Nu ben ik eenzaam."
    )
    assert not res.safety_levels, res.safety_levels
    res = demo.match(
        "Mijn vader is in maart overleden aan een hartaanval, ik heb 112 nog gebeld maar ze kwamen te laat. "
        "Nu moet ik zijn administratie regelen en dat lukt me niet."
    )
    assert ALARM not in top_ids(res), top_ids(res)


def test_someone_lying_there_who_may_have_died_is_112(demo):
    res = demo.match("Mijn man ligt op de grond en reageert niet, ik denk dat hij overleden is.")
    assert "acuut-gevaar" in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == ALARM, top_ids(res)
