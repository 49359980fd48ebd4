"""Phrase guards (safety.yaml `phrase_guards`, ADR 0107): a person's phrase said of a thing, or a sign of old age told
about someone young, is no theme; a person who falls, or an old man who wanders at night, still is."""

from __future__ import annotations

import pytest

from match.nlp import Analyzer
from ontology import load_ontology


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(load_ontology(), [])


def named(analyzer: Analyzer, text: str) -> set[str]:
    return set(analyzer.analyze(text).themes())


@pytest.mark.parametrize(
    "text",
    [
        "de bus valt steeds uit en ik kom te laat op mijn werk",
        "de wifi valt steeds weg",
        "mijn telefoon valt vaak uit",
        "mijn moeder valt steeds af",  # afvallen: losing weight, no fall
    ],
)
def test_a_thing_that_falls_out_is_no_person_who_falls(analyzer, text):
    assert not named(analyzer, text) & {"zelfredzaamheid", "lichamelijke-gezondheid"}, text


@pytest.mark.parametrize(
    "text",
    ["mijn moeder van 84 valt steeds en woont alleen", "mijn vader valt vaak en durft niet te douchen"],
)
def test_a_person_who_falls_is_still_a_need(analyzer, text):
    assert named(analyzer, text) & {"zelfredzaamheid", "lichamelijke-gezondheid"}, text


def test_a_young_man_out_at_night_is_no_dementia_an_old_man_wandering_is(analyzer):
    assert "dementie" not in named(analyzer, "mijn zoon van 19 loopt 's nachts op straat met vrienden")
    assert "dementie" in named(analyzer, "mijn vader van 81 loopt 's nachts op straat")
    assert "dementie" in named(analyzer, "mijn zoon van 19 helpt opa die dementie heeft")


def test_a_named_diagnosis_or_a_choir_is_no_psychiatric_crisis(analyzer):
    assert "psychische-crisis" not in named(
        analyzer, "mijn man is manisch-depressief maar stabiel met medicijnen"
    )
    assert "psychische-crisis" not in named(analyzer, "mijn dochter hoort stemmen in het koor")
    assert "psychische-crisis" in named(analyzer, "mijn vriend is manisch en slaapt al dagen niet")
    assert "psychische-crisis" in named(analyzer, "mijn zoon hoort stemmen die zeggen dat hij gevolgd wordt")


def test_elder_abuse_needs_someone_old(analyzer):
    text = "mijn buurman van 35 staat te schreeuwen tegen stemmen die alleen hij hoort"
    assert "ouderenmishandeling" not in named(analyzer, text)
    assert "ouderenmishandeling" in named(
        analyzer, "mijn moeder van 84 wordt door mijn broer uitgescholden en geduwd"
    )


def test_a_parent_who_wishes_the_child_dead_is_abuse_not_the_childs_own_thought(analyzer):
    assert "suicidaliteit" not in named(analyzer, "mijn vader zegt dat ik beter dood kan zijn")
    assert "suicidaliteit" in named(analyzer, "mijn vriendin zegt dat ze dood wil")
    assert "suicidaliteit" in named(analyzer, "ik zeg tegen mijn moeder dat ik dood wil")


def test_hyperbole_a_quarrel_and_a_flight_from_home_are_read_in_their_own_sense(analyzer):
    assert "huiselijk-geweld" not in named(
        analyzer, "mijn vader gaat me vermoorden als hij mijn cijfers ziet lol"
    )
    assert "huiselijk-geweld" in named(analyzer, "mijn ex zegt dat hij me gaat vermoorden")
    assert "huiselijk-geweld" not in named(analyzer, "ik zou hem wel kunnen wurgen, hij blokkeert mijn oprit")
    quarrel = "we hebben veel ruzie en de kinderen krijgen alles mee, geen geweld hoor"
    assert "kindermishandeling" not in named(analyzer, quarrel)
    fled = "jaren geleden ben ik uit een gewelddadige relatie gevlucht, nu zoek ik een wandelclub"
    assert "inburgering-taal" not in named(analyzer, fled)
    assert "inburgering-taal" in named(analyzer, "wij zijn gevlucht uit syrie en zoeken taalles")
