"""A child's or teenager's own behaviour told by a parent (shouting, slamming doors, not listening, swearing, being
rude, staying out late) is behaviour, not danger: no Veilig Thuis, no Raad voor de Kinderbescherming, no wijkagent
(tester15 BROKEN 1, t15-06; helper safety16, ADR 0150). The twin: a parent who shouts at, hits or locks up the
child IS danger, the child is the victim of the act.

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, LINE_113, VEILIG_THUIS, top_ids

RAAD = "svc-raad-voor-de-kinderbescherming"
WIJKAGENT = "svc-politie-wijkagent"
NOT_FOR_BEHAVIOUR = {VEILIG_THUIS, ALARM, LINE_113, RAAD, WIJKAGENT}


@pytest.mark.parametrize(
    "text",
    [
        "Onze zoon van 15 scheldt en vloekt de hele dag en smijt met deuren, ik weet het niet meer.",
        "Mijn dochter (13) is zo brutaal tegen mij, ze gilt en schreeuwt bij elk nee.",
        "Sinds hij 16 is komt mijn zoon veel te laat thuis en schreeuwt hij tegen ons als we er wat van zeggen.",
        "mn puber luistert nergens naar, schreeuwt de hele dag en slaat de deuren dicht, help",
        "Mijn stiefdochter van 14 schreeuwde gisteren weer tegen me en gooide haar deur dicht.",
        "Hoe ga ik om met mijn tienerzoon? Hij is onbeschoft, scheldt en schreeuwt als hij zijn telefoon moet inleveren.",
        "Mijn kleinzoon van 12 luistert niet meer naar zijn moeder, hij schreeuwt en loopt weg naar zijn kamer.",
    ],
)
def test_a_teenagers_own_shouting_told_by_a_parent_is_behaviour_not_danger(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not NOT_FOR_BEHAVIOUR & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn man schreeuwt de hele dag tegen onze dochter van 14 en slaat haar als ze niet luistert.",
        "Mijn vader sluit mijn broertje van 9 op in de kelder als hij niet luistert.",
        "De buurvrouw schreeuwt elke avond tegen haar zoontje en ik hoor hem huilen en klappen.",
        "Mijn stiefvader slaat mij als ik te laat thuiskom, ik ben 14.",
        "Mijn moeder sloot me op in mijn kamer zonder eten omdat ik brutaal was, ik ben 13.",
        "Hij schopt onze zoon van 12 als die niet luistert.",
    ],
)
def test_a_parent_who_shouts_at_hits_or_locks_up_the_child_still_raises_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
