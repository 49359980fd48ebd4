"""A despair phrase whose ellipsis is filled by a complement ends that thing, not a life: "ik wil niet meer naar
gym", "ik wil niet meer werken daar", "ik wil niet meer dat hij belt" (helper safety22, ADR 0176; dev a826: a bullied
pupil's "ik wil niet meer naar gym." got 113 first). "Ik wil niet meer" on its own, "ik wil er niet meer zijn",
"ik wil niet meer leven" and "ik wil niet meer wakker worden" keep 113.

Sentences are our own, written before the code changed (different persons, tenses, typos, young and old writers).
"""

from __future__ import annotations

import pytest
from builders import top_ids

LINES_113 = {"svc-113-hulplijn", "svc-hulplijn-113"}


@pytest.fixture(params=["demo", "region"], scope="module")
def kaart(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize(
    "text",
    [
        "ik wil niet meer naar gym, ze lachen me daar uit",
        "ze sturen foto's van me rond in de groepsapp. ik wil niet meer naar school. wie kan me helpen",
        "Mijn zoon van 11 zegt: ik wil niet meer naar dat clubje, de andere jongens doen gemeen.",
        "ik wil niet meer werken daar, mijn baas schreeuwt de hele dag tegen me",
        "Ik wil niet meer bij hem wonen, we maken alleen nog ruzie over geld.",
        "ik wil nie meer naar training want de trainer scheldt me uit",
        "Vorig jaar wilde ik niet meer naar de soos omdat niemand met me praatte, wat kan ik doen?",
        "ik wil niet meer dat mijn ex me steeds belt over de spullen",
        "Mijn moeder van 84 zegt elke dag: ik wil niet meer naar de dagbesteding, het is er saai.",
    ],
)
def test_a_despair_phrase_with_a_complement_raises_no_113(kaart, text):
    res = kaart.match(text)
    assert "suicide" not in res.safety_levels, res.safety_levels
    assert not LINES_113 & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "ik wil niet meer",
        "ik wil er niet meer zijn",
        "Ik wil niet meer leven, alles is zinloos.",
        "ik wil niet meer wakker worden",
        "ze pesten me elke dag op school en ik wil niet meer. echt niet meer.",
        "ik wil niet meer, ik kan het niet meer aan en denk steeds aan de dood",
        "mijn vriendin appte gisteren: ik wil niet meer leven",
    ],
)
def test_a_despair_phrase_on_its_own_keeps_113(kaart, text):
    res = kaart.match(text)
    assert "suicide" in res.safety_levels, (res.safety_levels, top_ids(res))
