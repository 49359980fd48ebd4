"""A friend's farewell told as "er niet lang meer zal zijn" or "we zullen hem binnenkort niet meer zien" got only the
front door (tester17's re-check of a friend who says he will not be there much longer). Twins: retiring, a terminal
illness, a move, a trip, a bus line that stops."""

from __future__ import annotations

import pytest
from builders import LINE_113, top_ids

FAREWELLS = [
    "mijn vriend zei gisteren dat hij er niet lang meer zal zijn en dat ik zijn spullen mag hebben",
    "Een vriend van me zegt steeds dat we hem binnenkort niet meer zullen zien en dat het zo beter is",
    "Mijn zus appte dat ze er niet lang meer is en dat het zo beter is voor iedereen",
    "mn beste vriendin zegt dat we haar straks nooit meer zullen zien",
]
TWINS = [
    "Mijn collega zei dat hij er niet lang meer zal zijn, hij gaat met pensioen",
    "mijn opa is ongeneeslijk ziek en zegt dat hij er niet lang meer zal zijn",
    "De bakker zegt dat we hem binnenkort niet meer zullen zien, hij verhuist naar Spanje",
    "Mijn buurvrouw gaat op wereldreis, we zullen haar binnenkort niet meer zien",
    "De bus rijdt er niet lang meer, hoe kom ik dan bij de dokter",
]


@pytest.mark.parametrize("text", FAREWELLS)
def test_a_farewell_in_other_words_puts_113_first(demo, text):
    assert top_ids(demo.match(text), 1) == [LINE_113]


@pytest.mark.parametrize("text", TWINS)
def test_a_move_a_pension_an_illness_or_a_trip_raises_no_113(demo, text):
    assert LINE_113 not in top_ids(demo.match(text))
