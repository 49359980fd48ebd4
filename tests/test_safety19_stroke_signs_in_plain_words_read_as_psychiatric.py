"""Stroke signs in plain words (sudden strange speech, a limp arm, a drooping mouth) are an acute medical danger: 112
first and only acute help around it, no psychiatric reading, no talk about levensvragen and no Beweegmakelaar
(tester18 BROKEN B2, class 1; helper safety19, ADR 0161). "praat ineens heel raar en haar arm is slap" was read as a
psychiatric crisis: the huisarts first, "Gesprek over levensvragen" third.

Sentences are our own, written before the code changed, except the two marked as tester18's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, themes_of, top_ids

PSYCHIC = {"psychische-crisis", "psychische-klachten", "zingeving", "levensvragen"}
NOT_AROUND_A_STROKE = {"svc-willem-levensvragen", "svc-sportief-meedoen-beweegmakelaar"}


@pytest.mark.parametrize(
    "text",
    [
        # tester18 (docs/usertest/m12test18.md): an extra probe and t18-20
        "Mijn moeder praat ineens heel raar en haar arm is slap",
        "Mijn vader praat ineens heel raar en zijn mondhoek hangt scheef.",
        "mijn opa kan ineens zijn arm niet meer optillen en hij praat onduidelijk",
        "Oma praat sinds een uur heel vreemd en haar rechterarm is helemaal slap.",
        "Het gezicht van mijn man is opeens scheef en hij kan zijn arm niet bewegen.",
        "Mijn vrouw kan ineens niet meer uit haar woorden komen en haar mondhoek hangt naar beneden.",
        "mn vader zegt opeens hele rare dingen en zn hand doet het niet meer",
        "Mijn buurvrouw van 80 spreekt plotseling heel onduidelijk en haar been sleept.",
        # safety9's sentence, a guess of the word model before (tests/test_safety9_classes.py)
        "mijn man zijn arm hangt ineens slap en zijn mond staat scheef, hij praat raar",
    ],
)
def test_stroke_signs_get_112_first_and_no_psychic_reading(demo, text):
    res = demo.match(text)
    assert top_ids(res)[0] == ALARM, top_ids(res)
    assert "psychische-crisis" not in res.safety_levels, res.safety_levels
    assert not PSYCHIC & themes_of(res), themes_of(res)
    assert "svc-willem-levensvragen" not in top_ids(res), top_ids(res)


_BEWEEG = pytest.mark.xfail(
    reason="the need after 112 is lichamelijke-gezondheid (ADR 0136), which the Beweegmakelaar serves as well; "
    "a need that keeps it out put the huisarts out of the top 3 for 'kan zijn arm niet meer bewegen' (ADR 0161)"
)


@pytest.mark.parametrize(
    "text",
    [
        # passes since main's lay20 (ADR 0162: the Beweegmakelaar for movement)
        "Mijn vader praat ineens heel raar en zijn mondhoek hangt scheef.",
        "Mijn moeder praat ineens heel raar en haar arm is slap",
        "Oma praat sinds een uur heel vreemd en haar rechterarm is helemaal slap.",
        pytest.param(
            "Het gezicht van mijn man is opeens scheef en hij kan zijn arm niet bewegen.", marks=_BEWEEG
        ),
    ],
)
def test_stroke_signs_get_no_levensvragen_or_beweegmakelaar_in_the_top_3(demo, text):
    res = demo.match(text)
    assert not NOT_AROUND_A_STROKE & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Opa praat al jaren heel langzaam door zijn dementie, waar kan mijn oma terecht?",
        "Onze peuter van 2 praat nog heel raar, is dat normaal?",
        "Ik heb een stijve arm na het tennissen van gisteren.",
        "Mijn moeder heeft vorig jaar een beroerte gehad en haar arm is nog slap, wie helpt bij het revalideren?",
        "mijn zoon van 15 praat raar sinds hij met die nieuwe vrienden omgaat",
        "Mijn arm slaapt vaak als ik op mijn zij lig en ik praat in mijn slaap.",
    ],
)
def test_slow_speech_a_toddlers_words_or_a_stiff_arm_get_no_112(demo, text):
    res = demo.match(text)
    assert "acuut-gevaar" not in res.safety_levels, res.safety_levels
    assert ALARM not in top_ids(res), top_ids(res)
