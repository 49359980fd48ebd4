"""tester17 t17-17 and tester18 t18-20 as a class (ADR 0162): the Beweegmakelaar came 3rd for a stroke (and for a
pregnancy and a carer): the demo tagged it with the whole area lichamelijke-gezondheid as a central theme, so it fit
any body need as well as the huisarts. It helps people to sport and movement: that is its central theme, the area is
an aside (data, ingest/demo/aalten/attributes.csv). Sentences of our own, written before the change was made.
"""

from __future__ import annotations

import pytest

BEWEEG = "svc-sportief-meedoen-beweegmakelaar"

MOVEMENT = [
    "ik ben 74 en wil graag meer bewegen, maar alleen durf ik niet",
    "Mijn moeder van 80 zit de hele dag in haar stoel, is er gym voor ouderen?",
    "welke sport kan ik doen met mijn versleten knie? ik ben 68",
    "ik ben 70 en wil weer gaan sporten, wie helpt mij een club te vinden?",
]


@pytest.mark.parametrize("text", MOVEMENT)
def test_movement_for_an_older_person_keeps_the_beweegmakelaar_in_the_top_3(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert BEWEEG in top, (text, top, [t["id"] for t in res.themes])


NOT_MOVEMENT = [
    "Mijn vader praat ineens heel raar en zijn mondhoek hangt scheef.",
    "Mijn man heeft vorige maand een beroerte gehad en kan zijn arm nog niet goed gebruiken, wie helpt ons thuis?",
    "ik ben 17 en zwanger, ik weet niet wat ik moet doen",
    "Ik ben 12 weken zwanger en heb veel vragen over de zwangerschap, waar kan ik terecht?",
    "Ik zorg voor mijn vrouw met MS en ik ben zelf op, ik wil een keer rust",
    "Mijn moeder van 82 is gevallen en heeft haar heup gebroken, wie helpt haar thuis?",
]


@pytest.mark.parametrize("text", NOT_MOVEMENT)
def test_a_body_need_that_is_no_movement_gets_no_beweegmakelaar(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert BEWEEG not in top, (text, top, [t["id"] for t in res.themes])
