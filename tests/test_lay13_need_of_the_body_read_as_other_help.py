"""Eval batch 9, dev a678, a686 and a679 as classes (ADR 0147): what a body no longer does is told in lay words, and
the help asked is about the house, joining in, or meeting other parents; the matcher gave household help, work
help or the elderly welfare work instead. Sentences of our own, each class with its twin.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

WMO = "svc-aalten-wmo-consulent"
HOUSEHOLD = "svc-aalten-huishoudelijke-hulp"
WORK = {"svc-aalten-participatieconsulent", "svc-laborijn-dienstverlening", "svc-labowijzer-diagnostiek"}
JOIN_IN = {
    "svc-talentverbinders-meedoen",
    "svc-figulus-welzijnscoach",
    "svc-gemeenschapshuizen-ontmoeting",
    "svc-figulus-cultuurverbinder",
    "svc-mee-clientondersteuning",
}
ELDERLY = "svc-figulus-ouderenwerk"
YOUNG_PARENTS = {
    "svc-yunio-home-start",
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-gemeenschapshuizen-ontmoeting",
}


# a678: the stairs or the bathroom no longer work out, and the house should change: a home adaptation (Wmo).
@pytest.mark.parametrize(
    "text",
    [
        "Mijn vrouw komt de trap bijna niet meer op sinds haar heupoperatie. Kunnen we iets aan ons huis laten doen?",
        "Ik ben 81 en de trap naar boven lukt me niet meer, mijn slaapkamer is boven. Wat nu?",
        "Mijn vader woont in Bredevoort en kan niet meer zelf onder de douche stappen. Kan er iets aangepast worden?",
        "Kan er bij ons thuis een aanpassing komen? Mijn moeder zit sinds kort in een rolstoel.",
        "De trap wordt te zwaar voor mijn man met zijn longziekte, kan er iets in huis veranderd worden?",
        "onze badkamer is voor mijn vrouw met reuma niet meer te doen, het bad is te hoog. wie kan helpen?",
    ],
)
def test_stairs_or_bathroom_that_no_longer_work_are_a_home_adaptation(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "woningaanpassing" in themes_of(res), (text, res.themes)
    assert WMO in top_ids(res), (text, top_ids(res))
    assert HOUSEHOLD not in top_ids(res), (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "Onze peuter klimt steeds de trap op en af, hoe leer ik hem dat niet te doen?",
        "Mijn zoon van 15 moet zich nog aanpassen in ons nieuwe huis, hij mist zijn vrienden.",
        "Mijn man kan steeds slechter lopen, wie kan helpen met schoonmaken en de was?",
    ],
)
def test_twin_a_child_on_the_stairs_or_help_with_the_chores_is_no_home_adaptation(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "woningaanpassing" not in themes_of(res), (text, res.themes)


# a686: someone withdrawn after losing hearing or sight wants to join in again with things in the village:
# meeting and joining in, not work.
@pytest.mark.parametrize(
    "text",
    [
        "Mijn vrouw is slechtziend geworden en zit alleen nog thuis. Hoe kan ze weer meedoen met activiteiten in de buurt?",
        "Sinds zijn beroerte komt mijn vader nergens meer. Hoe kan hij weer een beetje meedoen in het dorp?",
        "Ik ben bijna blind en wil graag weer meedoen aan dingen in de wijk, waar begin ik?",
        "mijn man hoort bijna niks meer en gaat nergens meer heen. hoe kan hij weer meedoen aan dingen in Dinxperlo?",
        "Door mijn reuma kom ik de deur bijna niet uit. Ik wil weer mee kunnen doen met dingen in het dorp.",
    ],
)
def test_joining_in_with_the_village_is_meeting_not_work(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res)
    assert JOIN_IN & set(top), (text, top)
    assert not WORK & set(top), (text, top)


def test_twin_joining_in_with_a_job_keeps_work(demo):
    res = demo.match("Na mijn burn-out wil ik weer meedoen en aan de slag, wie helpt me aan betaald werk?")
    assert WORK & set(top_ids(res)), top_ids(res)


# a679: a new parent is no elder, and meeting other parents is the pedagogische basis.
@pytest.mark.parametrize(
    "text",
    [
        "Ik ben pas bevallen van ons eerste kindje en ken hier niemand. Waar kan ik andere moeders ontmoeten?",
        "Ik ben net vader geworden en zit veel alleen thuis met de baby. Waar kan ik andere jonge vaders leren kennen?",
        "We wonen in IJzerlo, ik ben net mama geworden en voel me best eenzaam overdag. Waar zijn andere ouders?",
        "ik heb net een baby gekregen en zie de hele dag niemand, ik wil graag contact met andere ouders",
        "Kersverse moeder hier, weinig contacten in het dorp. Waar kan ik andere jonge moeders leren kennen?",
    ],
)
def test_a_new_parent_who_wants_to_meet_parents_gets_no_elderly_work(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res)
    assert ELDERLY not in top, (text, top)
    assert YOUNG_PARENTS & set(top), (text, top)


def test_twin_an_old_widow_who_sees_nobody_keeps_the_elderly_work(demo):
    res = demo.match(
        "Ik ben 78, mijn man is overleden en ik zie bijna niemand overdag. Waar kan ik andere mensen leren kennen?",
        near="Aalten",
    )
    assert ELDERLY in top_ids(res), top_ids(res)
