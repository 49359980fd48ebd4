"""tester15 t15-27 and t15-28 as classes (ADR 0152): a young writer's own topics got adult help or the school's
signalling service first.

- Parents who fight, told by their child with a time between the words ("mijn ouders hebben elke avond ruzie en ik
  kan niet slapen"): only the sleeplessness was read, so the huisarts/POH for adults came first. The parents' fight
  is the need, and the child's help (jongerenwerk, POH Jeugd, JGZ, the children's confidential adviser) goes first.
- Bullying that makes the writer stay away from school ("ze pesten me in de groepsapp en nu wil ik niet meer naar
  school"): the school refusal is the bullying's consequence; the help for bullying goes first, not the primary
  school's signalling service.

Twins: an adult who fights with their partner, and a pupil who stays away from school with no bullying named, keep
their help. Sentences of our own, written before the change.
"""

from __future__ import annotations

import pytest
from builders import top_ids

CHILD_HELP = {
    "svc-figulus-jeugd-jongerenwerk",
    "svc-huisartsen-poh-jeugd",
    "svc-ggd-nog-jgz",
    "svc-yunio-jgz",
    "svc-jeugdstem-vertrouwenspersoon",
    "svc-aalten-jeugdconsulent",
    "svc-aalten-ot-ondersteuning",
    "svc-aalten-ot-school-sportclub",
}
ADULT_FIRST = {"svc-huisartsen-poh", "svc-sensire-maatschappelijk-werk", "svc-vat-aalten-verkennend-gesprek"}
BULLYING_HELP = {
    "svc-aalten-ot-school-sportclub",
    "svc-figulus-jeugd-jongerenwerk",
    "svc-jeugdstem-vertrouwenspersoon",
    "svc-scholen-vo-samenwerking",
    "svc-huisartsen-poh-jeugd",
}
SCHOOL_SIGNALLING = "svc-scholen-po-signaleren"


@pytest.mark.parametrize(
    "text",
    [
        "mijn ouders hebben elke avond ruzie en ik kan niet slapen. ik wil dat het stopt. wie kan ik dat vertellen",
        "mn ouders maken elke dag ruzie en ik lig dan wakker in bed",
        "mijn ouders schreeuwen elke avond tegen elkaar en ik kan er niet van slapen",
        "papa en mama hebben al weken ruzie, ik word er heel verdrietig van",
        "ik ben 13 en mijn ouders hebben elk weekend ruzie, ik weet niet wat ik moet doen",
        "sinds de zomer hebben mijn ouders steeds ruzie en ik durf niks te zeggen",
    ],
)
def test_parents_who_fight_told_by_their_child_get_a_childs_help_first(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res, 3)
    assert res.register == "je", (text, res.register)
    assert top[0] not in ADULT_FIRST and CHILD_HELP & set(top), (text, top, [t["id"] for t in res.themes])


@pytest.mark.parametrize(
    "text",
    [
        "Mijn man en ik hebben elke avond ruzie en ik kan er niet van slapen.",
        "Ik heb al weken ruzie met mijn vriend en slaap slecht, met wie kan ik praten?",
    ],
)
def test_twin_an_adult_who_fights_gets_no_childs_help(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res, 3)
    assert not CHILD_HELP & set(top), (text, top)


@pytest.mark.parametrize(
    "text",
    [
        "ze pesten me in de groepsapp en nu wil ik niet meer naar school",
        "ik word gepest op insta en daarom ga ik niet meer naar school",
        "ze schelden me uit in de klassenapp, ik durf morgen niet naar school",
        "iedereen in de groepsapp lacht me uit en ik wil nooit meer naar school",
        "sinds ze me pesten ga ik elke ochtend met buikpijn naar school en soms blijf ik thuis",
        "ze pesten me al maanden en nu spijbel ik steeds",
    ],
)
def test_bullying_that_keeps_a_young_writer_from_school_gets_bullying_help_first(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res, 3)
    assert top[0] != SCHOOL_SIGNALLING and BULLYING_HELP & set(top), (
        text,
        top,
        [t["id"] for t in res.themes],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Mijn dochter van 9 wil al twee weken niet naar school en ik weet niet waarom.",
        "Onze zoon van 7 spijbelt steeds, de juf belde ons gisteren.",
    ],
)
def test_twin_school_refusal_without_bullying_keeps_the_school_help(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert SCHOOL_SIGNALLING in top_ids(res, 3) or "svc-samenwerkingsverband-po" in top_ids(res, 3), (
        text,
        top_ids(res, 5),
    )
