"""A why-line or a theme must not say "een kind dat thuis niet veilig is" when the one in danger is an adult ("mijn
zoon van 23 heeft me geslagen", "ik durf vanavond niet naar huis, hij is zo boos"); Veilig Thuis stays first
(tester15 BROKEN 10, r15-E2/G1; helper safety16, ADR 0150). The twin: a child who writes that she is afraid to go home
still gets the child's theme.

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, themes_of, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Ik durf niet naar huis vanavond, hij is woedend en gooit met spullen.",
        "Mijn zoon van 31 heeft me vorige week geduwd en ik ben bang voor hem.",
        "Ik durf vannacht niet thuis te slapen, ze is zo kwaad op me.",
        "Ik zit in de auto en durf niet naar binnen, hij heeft weer gedronken en is zo boos.",
        "Mijn dochter van 27 heeft me geslagen toen ik geen geld wilde geven.",
        "ik durf niet naar huis want hij is zo agressief de laatste tijd",
    ],
)
def test_an_adult_in_danger_keeps_veilig_thuis_without_the_childs_label(demo, text):
    res = demo.match(text)
    assert top_ids(res)[0] == VEILIG_THUIS, top_ids(res)
    assert "kindermishandeling" not in themes_of(res), themes_of(res)
    assert not any("kind dat thuis niet veilig" in r["why"] for r in res.results[:3]), [
        r["why"] for r in res.results[:3]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ik ben 12 en ik durf niet naar huis want mijn vader is zo boos",
        "Ik durf niet naar huis, mijn moeder slaat me als ik een slecht cijfer heb. Ik ben 14.",
    ],
)
def test_a_child_afraid_to_go_home_keeps_the_childs_theme(demo, text):
    res = demo.match(text)
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
