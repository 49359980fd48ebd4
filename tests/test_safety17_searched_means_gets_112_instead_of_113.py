"""A suicide signal read in a search ("hoe lang het duurt voor je bewusteloos raakt", "opgezocht hoeveel …") is a
plan: 113 first and no 112, unless the act is under way (dev a725's class; helper safety17, ADR 0154). Self-harm in
the first person ("ik brand mezelf") is read too (dev s510's class).

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, LINE_113, top_ids

_UNREAD = pytest.mark.xfail(
    reason="a search alone, or a rope not hidden, is no suicide signal yet (ADR 0143, weight 1)"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Op de laptop van mijn dochter zag ik dat ze heeft opgezocht hoe lang het duurt voor je bewusteloos bent.",
            marks=_UNREAD,
        ),
        pytest.param(
            "mijn broer heeft gegoogeld hoe lang het duurt voordat je stikt, en er ligt een touw in zijn kamer",
            marks=_UNREAD,
        ),
        pytest.param(
            "In de zoekgeschiedenis van mijn man staat hoe lang je zonder adem bewusteloos raakt. Hij is al maanden "
            "somber.",
            marks=_UNREAD,
        ),
        # added after the first run (the three above are not read as a suicide signal at all)
        "Ik vond een touw verstopt onder het bed van mijn vriend en hij heeft opgezocht hoe lang het duurt voor je "
        "bewusteloos raakt.",
        "in de kast van mijn dochter lag een touw verstopt, en in haar zoekgeschiedenis: hoe lang duurt het voor je "
        "bewusteloos bent",
    ],
)
def test_a_search_for_how_long_it_takes_gets_113_not_112(demo, text):
    res = demo.match(text)
    assert "suicide" in res.safety_levels and "acuut-gevaar" not in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == LINE_113 and ALARM not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "mijn zus heeft opgezocht hoeveel pillen dodelijk zijn en ze heeft ze net allemaal geslikt",
        "Hij heeft gezocht hoe je je ophangt en nu hangt hij in de schuur, hij reageert niet.",
    ],
)
def test_an_act_under_way_keeps_112(demo, text):
    res = demo.match(text)
    assert top_ids(res)[0] == ALARM, top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "ik brand mezelf met een aansteker als het te veel wordt",
        "Soms brand ik mijn arm met een sigaret, niemand weet het.",
        "ik kras in mijn benen als ik me rot voel",
    ],
)
def test_self_harm_in_the_first_person_gets_113(demo, text):
    res = demo.match(text)
    assert "suicide" in res.safety_levels, res.safety_levels
    assert LINE_113 in top_ids(res), top_ids(res)
