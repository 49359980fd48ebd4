"""An adult's fear of going home is violence at home for an adult: Veilig Thuis, not the child-abuse theme or child
protection, unless a child is named as the one at risk (helper safety13, ADR 0142; tester14 t14-15). Sentences are
our own, none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, themes_of, top_ids

KINDERBESCHERMING = "svc-raad-voor-de-kinderbescherming"


@pytest.mark.parametrize(
    "text",
    [
        "Ik durf vanavond niet naar huis, mijn man is zo boos.",
        "Ik durf niet meer naar huis want mijn vriend gaat door het lint als hij drinkt.",
        "Ik durf niet naar huis, mijn vriend heeft gedreigd me iets aan te doen.",
        "Ik durf vanavond echt niet naar huis want mijn man is woedend.",
        "Mijn ex staat bij mijn huis, ik durf niet naar huis.",
        "Ik durf niet naar huis, mijn man slaat me.",
    ],
)
def test_an_adults_fear_at_home_is_no_child_abuse(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
    assert "kindermishandeling" not in themes_of(res), themes_of(res)
    assert KINDERBESCHERMING not in top_ids(res, 5), top_ids(res, 5)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn man is weer dronken, ik durf vanavond niet naar huis met de kinderen.",
        "Ik durf niet naar huis met mijn zoontje, mijn man is dronken en boos.",
        "Mijn dochter van 8 durft niet naar huis als haar vader er is.",
        "Ik ben 14 en durf vanavond niet naar huis want mijn stiefvader is dronken.",
    ],
)
def test_a_child_at_risk_keeps_child_abuse(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert "kindermishandeling" in themes_of(res), themes_of(res)
