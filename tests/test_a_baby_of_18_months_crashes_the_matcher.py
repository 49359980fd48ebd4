"""A baby's age in months that reads like a turning point crashed the matcher (tester19, m12test19 BROKEN 1).

"Ons kind van 18 maanden wordt elke nacht drie keer wakker en we zijn kapot" gave HTTP 500 on the page, the API and
the professional path: "18 maanden wordt" matched the phrase of turning 18 (overgang-18), the toddler's age then
dropped that need, and the rule for needs that show only together still tried to lower its weight (KeyError). A
number next to a unit, a verb of becoming and a need must never crash any path; the toddler's parents still get
parenting help.
"""

from __future__ import annotations

import itertools

import pytest
from builders import themes_of, top_ids

TESTER = "Ons kind van 18 maanden wordt elke nacht drie keer wakker en we zijn kapot."
SHORTEST = "kind van 18 maanden wordt wakker en we zijn kapot"


@pytest.mark.parametrize("text", [TESTER, SHORTEST, "kind van 18 maanden wordt wakker en ik ben moe"])
def test_a_toddler_of_18_months_who_wakes_at_night_gets_parenting_help(demo, text):
    result = demo.match(text)
    assert "overgang-18" not in themes_of(result)
    assert set(top_ids(result)) & {
        "svc-yunio-jgz",
        "svc-ggd-nog-jgz",
        "svc-yunio-home-start",
        "svc-inhuis-steungezin",
        "svc-aalten-jeugdconsulent",
    }, top_ids(result)


NUMBERS = ["1", "12", "16", "17", "18", "21", "23", "65"]
UNITS = ["maanden", "weken", "dagen", "jaar"]
FRAMES = [
    "kind van {n} {u} wordt wakker en we zijn kapot",
    "mijn zoon is {n} {u} en wordt {n} en ik ben op",
    "onze dochter wordt over {n} {u} 18 en ik weet niet hoe het moet met haar zorg en ik ben op",
    "ik zorg al {n} {u} voor mijn moeder met dementie en ik ben op",
]


@pytest.mark.parametrize("frame", FRAMES)
def test_no_number_with_a_unit_next_to_a_need_crashes_the_matcher(demo, frame):
    for n, u in itertools.product(NUMBERS, UNITS):
        for audience in ("public", "professional"):
            demo.match(frame.format(n=n, u=u), audience=audience)  # raises on a crash
