""" "Straks zijn jullie van me af, het duurt niet lang meer", told by a friend, raised nothing (tester16 BROKEN 8;
helper safety17, ADR 0154). Being rid of someone soon, told by that person, is a burden told (ADR 0143's kind); a
move, a trip, a room of one's own, a care home are no danger.

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import LINE_113, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zus zei: binnenkort zijn jullie eindelijk van me af.",
        "hij zegt steeds dat we straks van hem af zijn, het duurt niet lang meer",
        "Mijn vriendin appte: nog even en jullie zijn van me verlost.",
        "mijn vader zei dat het niet lang meer duurt en dat we dan van hem af zijn",
        "straks ben je van me af, zei mijn beste vriend gisteren, en toen ging hij weg",
    ],
)
def test_soon_rid_of_me_gets_113(demo, text):
    res = demo.match(text)
    assert "suicide" in res.safety_levels, res.safety_levels
    assert LINE_113 in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "straks zijn jullie van me af, ik ga een jaar naar Australië",
        "Nog even en jullie zijn van me af, volgende week ga ik op kamers in Utrecht.",
        "Mijn oma zegt: straks zijn jullie van me af, dan woon ik in het verzorgingshuis.",
        "Het duurt niet lang meer voor de verbouwing klaar is, dan zijn we van de herrie af.",
        "We zijn straks van de schulden af, het duurt niet lang meer.",
    ],
)
def test_a_move_or_an_end_of_trouble_raises_no_113(demo, text):
    res = demo.match(text)
    assert "suicide" not in res.safety_levels, res.safety_levels
