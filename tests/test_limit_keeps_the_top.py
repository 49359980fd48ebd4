"""Asking for more answers must not change the first ones: the page asks for 20, the API for 10 by default, and
tester16 saw a different third answer on each (the order steps looked at the whole list they were given)."""

from __future__ import annotations

import pytest

QUESTIONS = [
    "mijn ouders gaan schijden en ik moet kieze bij wie ik ga wone, dat wil ik niet",
    "Ik ben 84 en woon alleen. De trap wordt moeilijk en boodschappen doen lukt niet meer. Wie kan mij helpen?",
    "Mijn zoon van 15 blowt elke dag en spijbelt, ik weet niet meer wat ik moet doen",
    "Ik zorg al drie jaar voor mijn man met dementie en ik kan niet meer",
    "ik heb schulden en de huur is al twee maanden niet betaald",
    "wij zoeken een plek waar onze dochter van 3 met andere kinderen kan spelen",
]


@pytest.mark.parametrize("text", QUESTIONS)
def test_the_first_ten_are_the_same_whatever_the_limit(demo, text):
    ten = [r["service_id"] for r in demo.match(text, limit=10).results]
    assert [r["service_id"] for r in demo.match(text, limit=3).results] == ten[:3]
    for limit in (20, 50):
        more = [r["service_id"] for r in demo.match(text, limit=limit).results]
        assert more[: len(ten)] == ten, limit
        assert len(set(more)) == len(more)  # no service twice when the list grows
