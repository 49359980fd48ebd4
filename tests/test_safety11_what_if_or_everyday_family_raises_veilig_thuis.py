"""A hypothetical or everyday family situation raised Veilig Thuis (tester12 class 5, helper safety11, ADR 0136):
"wat als ik zelf ziek word en niemand voor de kinderen zorgt" (0.94) and children quiet for a father who sleeps after
his night shift (0.76). They have enough content words for the word model (ADR 0134's evidence floor does not apply),
and "niemand … kinderen … zorgt" or "kinderen moeten stil zijn" read as neglect or fear. A "what if" about one's own
misfortune is planning (safety.yaml `second_opinion.hypothetical`); rest and sleep are an everyday reason
(`second_opinion.unless`). Danger told in a "what if", or quiet children for fear of a drunk father, still raises.
Our own sentences, none a tester's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

CRISIS = {VEILIG_THUIS, "svc-112-alarmnummer", "svc-113-hulplijn"}


@pytest.mark.parametrize(
    "text",
    [
        "wat als ik geopereerd moet worden en er niemand is die voor mijn twee kinderen kan zorgen",
        "stel dat ik in het ziekenhuis beland, wie zorgt er dan voor mijn dochter van 6",
        "wat als mijn vrouw iets overkomt en ik er alleen voor sta met de kinderen",
        "onze kinderen moeten overdag stil zijn omdat hun vader nachtdiensten draait en dan slaapt",
        "ik maak me zorgen om de baby van mijn nicht, hij slaapt slecht en zij is doodmoe",
        "wat als ik ernstig ziek word en er niemand is om voor de kinderen te zorgen",
        "de kinderen moeten 's middags stil zijn als hun vader na zijn nachtdienst ligt te slapen",
    ],
)
def test_a_what_if_or_an_everyday_family_worry_raises_nothing(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not CRISIS & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "wat als hij me weer slaat als ik vanavond thuiskom",
        "de kinderen moeten muisstil zijn als mijn man gedronken heeft, anders gaat het mis",
    ],
)
def test_danger_told_in_a_what_if_or_quiet_children_for_fear_still_raise_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
