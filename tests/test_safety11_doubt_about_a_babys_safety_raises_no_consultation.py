"""A professional's doubt whether a baby or young child is safe raised no consultation (tester12 F4, helper
safety11, ADR 0136): a consultatiebureau, a kraamverzorgster or a jeugdverpleegkundige writes "we twijfelen of het
veilig is" about a somber mother and a baby cared for sloppily, without words of violence. The doubt itself is the
meldcode's niet-pluisgevoel: the consultation (aandachtsfunctionaris, Veilig Thuis advies) goes on top, never 112,
and the everyday help with a young child (JGZ, Home-Start, steungezin) follows. A resident's doubt is a question for
Veilig Thuis. Controls both ways: a doubt about a thing or a habit (a baby carrier, sleeping in the parents' bed) and
a mother who asks for help with breastfeeding raise nothing. Our own sentences, none a tester's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, VEILIG_THUIS, top_ids

CONSULTATION = {"svc-aalten-aandachtsfunctionaris-hg-km", "svc-veilig-thuis-consultatie", VEILIG_THUIS}
EVERYDAY = {"svc-yunio-jgz", "svc-yunio-home-start", "svc-inhuis-steungezin", "svc-ggd-nog-jgz"}
CRISIS = {ALARM, "svc-113-hulplijn", VEILIG_THUIS}


@pytest.mark.parametrize(
    "text",
    [
        "Kraamverzorgster hier. De moeder lijkt somber en verzorgt de baby slordig, ik twijfel of het veilig is.",
        "Wij van het consultatiebureau twijfelen: een jonge moeder met een zoontje van 5 maanden is erg somber en "
        "het kind wordt slecht verzorgd. Is het kind veilig?",
        "Als jeugdverpleegkundige weet ik niet of dit kindje van 10 maanden thuis veilig is: de vader is vaak "
        "afwezig en de moeder is uitgeput.",
    ],
)
def test_a_professionals_doubt_about_a_babys_safety_is_a_consultation_question(demo, text):
    res = demo.match(text, audience="professional", limit=6)
    assert res.safety_levels == ["consultatie"], res.safety_levels
    top = top_ids(res, 6)
    assert top[0] in CONSULTATION and ALARM not in top, top


def test_after_the_consultation_comes_the_everyday_help_with_a_young_child(demo):
    text = (
        "Vanuit de kraamzorg: een moeder met een pasgeboren baby huilt veel, laat de baby lang huilen en we "
    )
    text += "twijfelen of het veilig is. Wat adviseren jullie?"
    res = demo.match(text, audience="professional", limit=6)
    assert res.safety_levels == ["consultatie"], res.safety_levels
    top = top_ids(res, 6)
    # ADR 0143 (safety14): one route first; the help made for the mother's own need (her crying: the POH) may
    # come second; the other routes stay in the top 3 and the everyday help with the baby follows
    assert top[0] in CONSULTATION and len(CONSULTATION.intersection(top[:3])) >= 2, top
    assert EVERYDAY & set(top[3:6]), top


@pytest.mark.parametrize(
    "text",
    [
        "ik weet niet of het veilig is om naar huis te gaan, mijn man is woedend",
        "ik twijfel of de baby van de overburen wel veilig is, ik hoor hem uren huilen en niemand komt",
    ],
)
def test_a_residents_doubt_whether_someone_at_home_is_safe_gets_veilig_thuis(demo, text):
    res = demo.match(text)
    assert res.safety_levels == ["onveilig-thuis"], res.safety_levels
    assert top_ids(res)[0] == VEILIG_THUIS, top_ids(res)


@pytest.mark.parametrize(
    ("text", "audience"),
    [
        (
            "Vanuit het consultatiebureau: de moeder twijfelt of het veilig is om de baby in de draagzak mee te "
            "nemen op de fiets.",
            "professional",
        ),
        (
            "Kraamverzorgster hier. De moeder is moe en twijfelt of ze de borstvoeding volhoudt.",
            "professional",
        ),
        (
            "Vanuit het consultatiebureau: een moeder met een baby van 4 maanden is somber en vraagt hulp bij de "
            "borstvoeding.",
            "professional",
        ),
        ("ik weet niet of het veilig is om mijn baby bij ons in bed te laten slapen", "public"),
        ("ik twijfel of ik de auto veilig kan laten staan bij het station", "public"),
    ],
)
def test_a_doubt_about_a_thing_or_a_tired_mother_raises_nothing(demo, text, audience):
    res = demo.match(text, audience=audience)
    assert not res.safety_levels, res.safety_levels
    assert not CRISIS & set(top_ids(res)), top_ids(res)
