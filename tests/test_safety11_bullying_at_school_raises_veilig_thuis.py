"""Name-calling told with school raised Veilig Thuis (tester12 class 4, helper safety11, ADR 0136): the phrase guard
for bullying knew the class and the playground but not "school", and the child-abuse rule (an "opvoeder" may be
"hij") was not guarded at all. Bullying gets the school and youth help; name-calling or hitting at home, also told
with school, still raises Veilig Thuis. Our own sentences, none a tester's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

SCHOOL_AND_YOUTH = {
    "svc-scholen-po-signaleren",
    "svc-scholen-vo-samenwerking",
    "svc-aalten-ot-school-sportclub",
    "svc-figulus-jeugd-jongerenwerk",
}


@pytest.mark.parametrize(
    "text",
    [
        "mijn zoon wil 's ochtends niet naar school omdat hij daar steeds wordt uitgescholden",
        "ik ben 13 en word op school uitgescholden door een paar jongens, wat kan ik doen",
        "onze dochter wordt uitgescholden op de nieuwe school en huilt elke middag",
    ],
)
def test_name_calling_at_school_is_bullying_not_veilig_thuis(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    top = top_ids(res)
    assert VEILIG_THUIS not in top, top
    assert SCHOOL_AND_YOUTH & set(top), top


@pytest.mark.parametrize(
    "text",
    [
        "mijn zoon wordt thuis door zijn stiefvader uitgescholden en wil daarom niet naar school",
        "mijn vader scheldt me elke dag uit en slaat me, ik durf niet naar school met die blauwe plekken",
    ],
)
def test_name_calling_or_hitting_at_home_told_with_school_still_raises_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == VEILIG_THUIS, top_ids(res)
