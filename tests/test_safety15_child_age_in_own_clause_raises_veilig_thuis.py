"""A young child's age told in a clause of its own counts for the agent: "mijn zoon trapt als hij boos is, hij is 3"
is parenting, "mijn zoon schopt me, hij is 30" is violence (helper safety15, ADR 0148; class 1 of the brief).

Sentences are our own, written before they were run; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, LINE_113, VEILIG_THUIS, themes_of, top_ids

CRISIS_LINES = {VEILIG_THUIS, ALARM, LINE_113}


@pytest.mark.parametrize(
    "text",
    [
        "Mijn dochter slaat en bijt mij als ze moe is, ze is pas twee.",
        "Onze jongen schopt me steeds bij het aankleden. Hij is net 4 geworden.",
        "Mijn zoon mept mij als ik nee zeg; hij is drie jaar.",
        "Mijn dochter bijt en krabt mij als ze haar zin niet krijgt. Ze is nog maar 3.",
        "Als ik hem in bed leg, slaat mijn zoon mij in mijn gezicht. Hij is 18 maanden.",
        "Ons kind duwt en slaat mij de laatste tijd vaak, ze is 2 jaar oud.",
    ],
)
def test_a_toddler_whose_age_is_told_after_is_parenting_not_danger(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not CRISIS_LINES & set(top_ids(res)), top_ids(res)
    assert "opvoeding" in themes_of(res), themes_of(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zoon schopt me, hij is 30.",
        "Mijn dochter slaat mij als ze geld wil, ze is 25.",
        "Mijn zoon duwt en schopt mij als hij gedronken heeft, hij is 19.",
        "Mijn vriend schopt mij als hij boos is, hij is 3 jaar ouder dan ik.",
        "Mijn man schopt mij waar onze zoon bij is, die is 3.",
    ],
)
def test_an_adult_whose_age_is_told_after_still_raises_veilig_thuis(demo, text):
    res = demo.match(text)
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
