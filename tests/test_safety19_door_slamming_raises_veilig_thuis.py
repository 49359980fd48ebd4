"""Things are no victims: a teen who slams, hits or throws a door or hits the table acts on a thing, not on a person.
No violence, no Veilig Thuis: the help for a teen's behaviour (tester18 BROKEN B3, class 2; helper safety19, ADR 0161).
"slaat met de deuren" and "slaat de deuren dicht" raised the theme of violence at home and Veilig Thuis first. The
twins whose object is a person ("slaat mij met de deur", "gooit een stoel naar mij") are violence and keep it.

Sentences are our own, written before the code changed, except the two marked as tester18's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

TEEN_HELP = {
    "svc-aalten-gedragsdeskundige",
    "svc-aalten-jeugdconsulent",
    "svc-aalten-aanvullende-jeugdhulp",
    "svc-inhuis-steungezin",
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-huisartsen-poh-jeugd",
    "svc-yunio-home-start",
    "svc-figulus-jeugd-jongerenwerk",
}


@pytest.mark.parametrize(
    "text",
    [
        # tester18 R12.1 and its extra probe (docs/usertest/m12test18.md)
        "Onze zoon van 16 scheldt ons uit en slaat met de deuren als hij zijn zin niet krijgt",
        "Onze zoon van 16 slaat de deuren dicht als hij zijn zin niet krijgt",
        "Mijn dochter van 13 slaat op tafel en rent naar boven als ze iets niet mag.",
        "mijn zoon is 15 en gooit met de deur als ik zeg dat hij moet stoppen met gamen",
        "Sinds de scheiding slaat onze tienerdochter (14) met de deuren en zegt ze niks meer tegen ons.",
        "Mijn zoon van 14 sloeg gisteren zo hard met zijn kastdeur dat die uit de scharnieren viel.",
        "ons kind van 12 schopt tegen de muur en slaat met zijn vuist op tafel als hij boos is",
        "Onze puber van 15 slaat met deuren, scheldt en zit de hele dag op zijn kamer, hoe gaan we hiermee om?",
    ],
)
def test_a_teen_who_hits_a_door_or_a_table_gets_help_for_behaviour_not_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" not in res.safety_levels and "acuut-gevaar" not in res.safety_levels, (
        res.safety_levels
    )
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)
    assert TEEN_HELP & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Onze zoon van 16 slaat mij met de deur als hij boos is.",
        "mijn zoon van 17 slaat zijn moeder als hij zijn zin niet krijgt",
        "Onze dochter van 15 gooit een stoel naar mij als ze boos wordt.",
        "Mijn man slaat met de deuren en daarna slaat hij mij.",
        "Mijn vader smijt de deur dicht en slaat dan mijn moeder.",
        "mijn zoon van 17 duwde me gisteren hard tegen de deur en sloeg me",
    ],
)
def test_a_door_used_against_a_person_or_a_person_hit_keeps_the_danger(demo, text):
    # "mijn zoon van 16 slaat zijn zusje" (the brief's twin) is left out: the project reads a child who hits a
    # sibling as behaviour (safety-voorbeelden.yaml: "mijn zoon slaat thuis zijn zusje, …" is `kind: geen`)
    res = demo.match(text)
    assert {"onveilig-thuis", "acuut-gevaar"} & set(res.safety_levels), res.safety_levels
    assert VEILIG_THUIS in top_ids(res, 5), top_ids(res, 5)


@pytest.mark.parametrize(
    "text",
    [
        # found by the dev eval (our own sentences for dev s072's class): a door kicked in is a way in to the people
        # behind it, not a thing hit
        "Mijn ex-vriend trapt nu onze achterdeur in.",
        "mijn ex slaat nu de ruit van de voordeur kapot",
    ],
)
def test_a_door_kicked_in_now_is_acute_danger(demo, text):
    res = demo.match(text)
    assert "acuut-gevaar" in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == "svc-112-alarmnummer", top_ids(res)
