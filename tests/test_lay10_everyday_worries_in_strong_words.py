"""Everyday worries in strong words, and a young child's everyday care (brief class 4, ADR 0137): "mijn peuter slaat
mij en ik word er gek van", a baby who does not sleep, tantrums, eating, the potty. The answer must hold the
everyday help that fits: parenting help, JGZ or the consultatiebureau (on the demo kaart: Yunio, GGD, Home-Start,
Steungezin, Consulent Jeugd). Whether a danger word raises a safety level is safety11's part. Sentences of our own.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

PARENTING = {
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-yunio-home-start",
    "svc-inhuis-steungezin",
    "svc-aalten-jeugdconsulent",
    "svc-aalten-ot-ondersteuning",
}


@pytest.mark.parametrize(
    "text",
    [
        "ons zoontje van 1 slaapt nooit langer dan twee uur achter elkaar",
        "onze peuter krijgt driftbuien in de supermarkt, wat moet ik doen?",
        "hoe leer ik mijn dochter van 3 om naar de wc te gaan?",
        "mijn dochter van 2 krijgt elke dag driftbuien",
        "mijn kleuter wil 's avonds nooit slapen",
    ],
)
def test_a_young_childs_sleep_tantrums_and_potty_get_parenting_help(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res)
    assert "opvoeding" in themes_of(res), (text, res.themes)
    assert len(PARENTING & set(top)) >= 2, (text, top)
    assert not res.signals["veiligheid"] and not res.signals["crisis"], text


def test_a_toddler_who_hits_the_parent_is_read_as_a_parenting_question(demo):
    text = "mijn dreumes bijt en slaat mij de hele dag, ik word er horendol van"
    res = demo.match(text, near="Aalten", limit=6)
    assert "opvoeding" in themes_of(res), res.themes
    assert len(PARENTING & {r["service_id"] for r in res.results if r["niveau"] != "crisis"}) >= 2, top_ids(
        res, 6
    )


@pytest.mark.parametrize(
    "text",
    ["mijn moeder van 80 eet bijna niks meer", "mijn man slaat mij als hij gedronken heeft"],
)
def test_control_an_old_parent_who_does_not_eat_or_a_partner_who_hits_is_no_parenting(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "opvoeding" not in themes_of(res), (text, res.themes)


# Dev a587 and a591 (questions8) as classes, in our own words: the child's age in another sentence than the sleep,
# a move as the story's start, and a parent at the end of their tether who snaps at a young child.
@pytest.mark.parametrize(
    "text",
    [
        "na de verhuizing slaapt ze niet meer door, elke nacht drie keer wakker. ze is net twee. wij zijn kapot",
        "ik ben zo moe. sinds de baby er is val ik steeds uit tegen de kinderen en daar schrik ik van",
        "mijn vriend werkt in ploegen en ik ben alleen met de kleintjes. ik snauw alleen nog tegen de jongste",
    ],
)
def test_a_parent_worn_out_by_a_young_childs_nights_or_snapping_gets_parenting_help(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res)
    assert "opvoeding" in themes_of(res), (text, res.themes)
    assert "woning-zoeken" not in themes_of(res), (text, res.themes)
    assert len(PARENTING & set(top)) >= 2, (text, top)


@pytest.mark.parametrize(
    "text",
    [
        "mijn vader van 84 slaapt niet meer door en loopt 's nachts door het huis",
        "op mijn werk snauw ik tegen collega's en ik weet niet waarom",
        "sinds we verhuisd zijn zoeken we nog steeds een groter huis",
    ],
)
def test_control_an_old_father_at_night_snapping_at_work_or_a_house_search_is_no_parenting(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "opvoeding" not in themes_of(res), (text, res.themes)
