"""Acute danger told in plain medical words, and a partner's addiction that costs the money (issue 12 point 5,
helper safety9, ADR 0130).

With seven authors the word model reads acute danger across authors at a precision of 0.99 with no control read as
acute; it may now raise 112 where the rules found no danger at all (a swelling throat after a wasp, a face that
droops, a diabetic who no longer responds): main answered these with the brede intake alone. It may not for a
behaviour that recurs or a question whether it is normal (dev a344, a toddler's tantrum), and never where danger
is denied. A partner whose joints, drink or gambling eat the money is a worry about the addiction, not Veilig Thuis;
violence or control told with it still is.
"""

from __future__ import annotations

import pytest
from builders import ALARM, VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        # (the peanut with swelling lips and trouble breathing is now a rule's, acuut-allergische-reactie, ADR 0134:
        # 112 with a crisis signal, no guess; tests/test_safety10_classes.py)
        # "mijn man zijn arm hangt ineens slap en zijn mond staat scheef, hij praat raar" moved: the stroke rules of
        # ADR 0161 read it (no guess): tests/test_safety19_stroke_signs_in_plain_words_read_as_psychiatric.py
        "mijn moeder is diabeet, ze zweet heel erg, is suf en reageert nergens meer op",
        "mijn opa is van de trap gevallen, hij bloedt uit zijn oor en is heel suf",
        "mijn vriend heeft een wesp ingeslikt en zijn keel zwelt dicht",
    ],
)
def test_acute_danger_in_medical_words_puts_112_first_as_a_guess(demo, text):
    res = demo.match(text, limit=3)  # main: nothing raised, the brede intake first
    assert res.safety_levels == ["acuut-gevaar"], res.safety_levels
    assert top_ids(res)[0] == ALARM, top_ids(res)
    assert res.signals == {"veiligheid": True, "crisis": False}, (
        res.signals
    )  # "Twijfelt u over de veiligheid?"


@pytest.mark.parametrize(
    "text",
    [
        "onze peuter gooit zich op de grond en bonkt met zijn hoofd op de vloer",  # read 0.99 as acute
        "ze is niet bewusteloos en ademt gewoon, maar heeft een bult op haar hoofd, moet ik naar de huisarts",
        "ik zoek een ehbo cursus voor als mijn kind een allergische reactie krijgt",
        "mijn zoon heeft vorige maand zijn arm gebroken, waar kan hij fysiotherapie krijgen",
        "mijn moeder heeft suikerziekte en ik wil leren hoe ik haar insuline geef",
        "mijn vader is twee jaar geleden getroffen door een beroerte en zoekt dagbesteding",
        "mijn dochter is allergisch voor pinda's, welke kinderopvang houdt daar rekening mee",
    ],
)
def test_a_medical_worry_without_an_emergency_gets_no_112(demo, text):
    res = demo.match(text, limit=3)
    assert "acuut-gevaar" not in res.safety_levels, res.safety_levels
    assert ALARM not in top_ids(res), top_ids(res)


def test_a_recurring_behaviour_is_no_emergency_for_the_model():
    """`second_opinion.acute_unless` (safety.yaml): the same words with a tantrum are no 112."""
    from match import safety_model as sm
    from ontology import load_ontology

    onto = load_ontology()
    model = sm.model_for(onto)
    text = "onze peuter gooit zich op de grond en bonkt met zijn hoofd op de vloer"
    kind, p = model.reading(text)
    assert kind == "acuut" and p >= sm.THRESHOLDS["acuut"], (kind, p)  # the model alone would raise 112
    assert sm.second_opinion(model, text.split(), False, onto.safety, {}, {}) is None


@pytest.mark.parametrize(
    "text",
    [
        "mijn vriend rookt joints en al ons geld gaat eraan op",
        "mijn vriend rookt elke avond joints en al ons geld gaat erdoorheen",
        "mijn man drinkt elke avond en al zijn loon gaat op aan drank",
        "mijn vrouw gokt online en we hebben nu schulden",
    ],
)
def test_a_partners_addiction_that_costs_the_money_is_no_veilig_thuis(demo, text):
    res = demo.match(text, limit=3)
    assert not res.safety_levels, res.safety_levels
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "mijn man blowt en als ik er iets van zeg slaat hij me",
        "mijn vriend gebruikt coke, hij heeft mijn pinpas afgepakt en ik mag niet meer alleen weg",
        "mijn broer drinkt en heeft de kinderen geslagen",
    ],
)
def test_violence_or_control_told_with_an_addiction_is_veilig_thuis(demo, text):
    res = demo.match(text, limit=3)
    assert res.safety_levels[:1] == ["onveilig-thuis"], res.safety_levels
    assert top_ids(res)[0] == VEILIG_THUIS, top_ids(res)


def test_the_model_raises_113_only_above_its_threshold_and_only_where_no_rule_raised():
    """Since ADR 0165 the word model may raise 113 (was: never): only at or above the suicide threshold chosen
    across authors, and only as a second opinion, where the rules raised nothing."""
    from match import safety_model as sm

    assert sm.RAISES["suicide"] == "suicide"
    assert 0.95 <= sm.THRESHOLDS["suicide"] < 1.0
    below = sm.Point("x", "suicide", False, "suicide", sm.THRESHOLDS["suicide"] - 0.01)
    at = sm.Point("x", "suicide", False, "suicide", sm.THRESHOLDS["suicide"])
    assert sm.raise_of(below) is None and sm.raise_of(at) == "suicide"
    raised = {"onveilig-thuis": {"huiselijk-geweld"}}
    assert sm.second_opinion(None, ["x"] * 8, False, None, raised, {}) is None  # no model, no raise
