"""A fall that may break a bone is an accident, not violence: "ik ben bang dat hij iets breekt" about a man who falls
put Veilig Thuis first (tester24 e12, docs/usertest/m12test24.md class A). Nobody breaks him; his body breaks in a
fall. The twin: a person who breaks something of someone else's body, or hurts them, keeps Veilig Thuis.

Sentences are our own (helper safety24, ADR 0183), written before the code changed.
"""

from __future__ import annotations

import pytest
from builders import top_ids

VT = {"svc-veilig-thuis-advies-melden", "svc-veilig-thuis"}
CRISIS = VT | {"svc-112-alarmnummer", "svc-alarmnummer-112", "svc-113-hulplijn", "svc-hulplijn-113"}


@pytest.fixture(params=["demo", "region"], scope="module")
def kaart(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn man valt steeds vaker thuis en ik ben bang dat hij iets breekt. Wie kan kijken wat we in huis kunnen aanpassen?",
        "Ik ben bang dat mijn man iets breekt als hij valt.",
        "mijn moeder van 84 is al drie keer gevallen deze maand, ik ben zo bang dat ze haar heup breekt",
        "Opa struikelt steeds over de drempels. Straks breekt hij nog iets. Kan er iemand naar de trap kijken?",
        "mn vader is vorige week van de trap gevallen en heeft zijn pols gebroken, hoe krijgen we een traplift",
        "Mijn vrouw valt sinds haar beroerte vaak en ik ben bang dat ze iets breekt, wie helpt ons met hulpmiddelen?",
        "ik ben 79 en bang dat ik iets breek als ik weer uitglij in de badkamer",
        "Onze buurvrouw is slecht ter been en is bang dat ze valt en iets breekt. Bestaat er een alarmknop?",
    ],
)
def test_a_fall_that_may_break_a_bone_gets_no_safety_line(kaart, text):
    res = kaart.match(text)
    assert "onveilig-thuis" not in res.safety_levels, (res.safety_levels, top_ids(res))
    assert not CRISIS & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn man duwt me steeds vaker tegen de muur en ik ben bang dat hij iets breekt.",
        "ik ben bang dat mijn vriend mijn arm breekt, hij draait hem steeds om als hij boos is",
        "Hij heeft vorige week mijn pols gebroken toen hij me vastgreep. Ik ben bang voor hem.",
        "mijn zoon slaat zijn vader van 80 en laatst heeft hij zijn neus gebroken",
        "Mijn stiefvader gooit me tegen de kast, ik ben bang dat hij een keer iets breekt bij mij",
        "als mijn man gedronken heeft slaat hij me, ik ben bang dat hij een keer iets breekt",
        # found while probing (after the code): a fall verb with a particle is another verb
        "mijn man valt me aan en ik ben bang dat hij iets breekt",
        "mijn vader valt me steeds lastig en ik ben bang dat hij iets breekt",
    ],
)
def test_someone_who_breaks_anothers_bone_keeps_veilig_thuis(kaart, text):
    res = kaart.match(text)
    assert "onveilig-thuis" in res.safety_levels or "acuut-gevaar" in res.safety_levels, res.safety_levels
    assert VT & set(top_ids(res)), top_ids(res)
