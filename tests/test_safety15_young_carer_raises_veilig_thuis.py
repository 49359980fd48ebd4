"""A child who tells that a parent stays in bed and that it does all the chores is a young carer: youth help and
the young-carer support first, no Veilig Thuis; no food, left alone for days or hit still raise it (helper safety15,
ADR 0148; class 2 of the brief).

Sentences are our own, written before they were run; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, LINE_113, VEILIG_THUIS, top_ids

CRISIS_LINES = {VEILIG_THUIS, ALARM, LINE_113}


@pytest.mark.parametrize(
    "text",
    [
        "Mijn vader is steeds moe en ligt op de bank, ik doe de boodschappen en kook voor mijn zusje. Ik ben 12.",
        "Ik ben 13 en mijn moeder is heel somber, ze komt haar bed niet uit. Ik doe het huishouden en breng mijn broertje naar school.",
        "Mama is ziek en ligt veel in bed. Ik zorg voor haar en doe de was, ik ben 10.",
        "Sinds papa depressief is doe ik alles in huis, ik ben 14 en heb geen tijd meer voor vrienden.",
        "Mijn moeder blijft de hele dag in bed liggen en ik moet alles alleen doen, ik ben 11 jaar.",
    ],
)
def test_a_young_carer_gets_no_veilig_thuis(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not CRISIS_LINES & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn moeder ligt de hele dag in bed en er is geen eten in huis, ik ben 11.",
        "Mijn vader ligt al dagen in bed en we hebben al drie dagen niks gegeten, ik ben 12.",
        "Mama is al twee dagen weg en ik ben alleen met mijn zusje, ik ben 10.",
        "Mijn moeder ligt de hele dag in bed en als ik iets vergeet slaat ze mij, ik ben 13.",
        "Mijn vader drinkt en ligt de hele dag in bed, hij schreeuwt en slaat mijn broertje. Ik ben 12.",
    ],
)
def test_neglect_or_harm_told_by_a_child_still_raises_veilig_thuis(demo, text):
    res = demo.match(text)
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
