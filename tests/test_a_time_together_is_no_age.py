"""A number of years after "zijn/is/ben" that says how long something lasts is no age (tester17: "We zijn 12 jaar
getrouwd" gave the question an age of 12 and youth help). Twins: the same verbs with an age."""

from __future__ import annotations

import pytest

from match.age_reading import in_text

DURATIONS = [
    "We zijn 12 jaar getrouwd en hebben steeds ruzie",
    "We zijn 30 jaar samen en hij slaat me",
    "mijn zoon is 8 jaar lang gepest op school",
    "dat is 30 jaar geleden gebeurd",
    "Ik ben 3 jaar werkloos en zit krap",
    "Mijn man en ik zijn 40 jaar getrouwd, hij heeft nu dementie",
]
AGES = [
    ("Ik ben 15 jaar en word gepest", 15),
    ("mijn zoon is 8 jaar en plast nog in bed", 8),
    ("ik ben 16 jaar thuis is het altijd ruzie", 16),
    ("Mijn vader is 85 jaar, hij valt vaak", 85),
    ("onze dochter van 12 wil niet naar school", 12),
]


def _ages(text: str) -> list[float]:
    return [m.age for m in in_text(text) if m.age is not None]


@pytest.mark.parametrize("text", DURATIONS)
def test_a_time_together_or_ago_is_no_age(text):
    assert _ages(text) == []


@pytest.mark.parametrize(("text", "age"), AGES)
def test_an_age_after_the_same_verbs_stays(text, age):
    assert age in _ages(text)
