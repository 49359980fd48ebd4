"""A time told about a partner is no young child's age (lead, after merging safety12, ADR 0139).

safety12 reads an age under five right after a person as a young child who cannot be a perpetrator ("onze
dochter (3) bijt mij"). Its own report named the risk: "Mijn vriend (4 jaar samen) slaat me" then raised nothing
at all — partner violence with no Veilig Thuis. A bracket must hold only the age, a time together ("samen",
"getrouwd", "verkering") is no age, and an adult partner is never the young child. Sentences are our own.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Mijn vriend (4 jaar samen) slaat me als hij gedronken heeft",
        "mijn vriendin (2 jaar verkering) slaat mij als ik met anderen praat",
        "Mijn man van 3 jaar getrouwd slaat me en ik durf niks te zeggen",
        "mijn partner (3) slaat mij",  # a number after a partner is no toddler
    ],
)
def test_a_partner_with_a_time_told_who_hits_is_danger_at_home(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "onze dreumes (2 jaar) schopt mij als hij zijn zin niet krijgt",
        "Onze dochter (3) bijt mij als ze haar zin niet krijgt.",
        "ons kind van 4 slaat me als ik nee zeg",
    ],
)
def test_a_young_child_with_an_age_who_hits_is_still_no_danger(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)
