"""A place told as where someone else lives is not the place of the question (tester16: "Onze dochter woont in
Utrecht en komt eens per maand" in a carer's story put Utrecht in the API and a "not in Aalten" banner on the
page). Twins: the writer's own place, and a relative's place when the question is about that relative."""

from __future__ import annotations

import pytest

ELSEWHERE = [
    "Ik zorg al drie jaar voor mijn man die Parkinson heeft. Onze dochter woont in Utrecht en komt eens per maand. "
    "Ik wil dat iemand eens een dag de zorg overneemt.",
    "Mijn zoon woont in Amsterdam en belt bijna nooit. Ik voel me zo alleen, wie kan mij helpen?",
    "mijn kinderen wonen allemaal in Utrecht. ik kom niet meer buiten en zoek wat aanspraak",
    "Mijn broer werkt in Arnhem. Ik heb schulden en weet niet waar ik moet beginnen.",
    "Sinds mijn dochter in Nijmegen studeert, is het stil in huis. Ik zoek iets om te doen overdag.",
]
OWN_OR_THEIRS = [
    (
        "Ik woon in Dinxperlo en mijn dochter woont in Utrecht. Wie helpt mij met mijn administratie?",
        "Dinxperlo",
    ),
    ("Mijn moeder woont alleen in Bredevoort en kan niet meer koken. Wie kan haar helpen?", "Bredevoort"),
    ("Wij wonen in IJzerlo en zoeken hulp bij de opvoeding van onze zoon van 4.", "IJzerlo"),
    ("Mijn vader van 90 woont in Dinxperlo, hij valt steeds. Wie kan hem helpen?", "Dinxperlo"),
    ("Ik zoek hulp in Bredevoort voor mijn moeder met dementie.", "Bredevoort"),
    # tester17: the writer's own place wins over a relative's, even when the question is about that relative
    (
        "Onze dochter woont in Utrecht en heeft het zwaar. Wij wonen in Bredevoort en willen zelf advies hoe we haar "
        "kunnen steunen.",
        "Bredevoort",
    ),
    ("Mijn zoon woont in Winterswijk maar ik, in Aalten, zit met vragen over zijn drankgebruik", "Aalten"),
    ("Mijn broer woont in Arnhem, ik woon zelf in Lintelo en zoek hulp bij mijn schulden.", "Lintelo"),
]


@pytest.mark.parametrize("text", ELSEWHERE)
def test_a_relatives_town_is_not_the_place_of_the_question(demo, text):
    res = demo.match(text)
    assert res.place is None or res.place["name"] not in {"Utrecht", "Amsterdam", "Arnhem", "Nijmegen"}, (
        res.place
    )


@pytest.mark.parametrize(("text", "place"), OWN_OR_THEIRS)
def test_the_writers_place_or_the_place_of_whom_it_is_about_stays(demo, text, place):
    res = demo.match(text)
    assert res.place is not None and res.place["name"] == place, res.place
