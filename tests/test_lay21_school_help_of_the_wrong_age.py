"""School and youth questions whose top 3 holds the school help of another age (issue 12, ADR 0167; held-out kinds
jeugd-school and leeftijd): school refusal, absence, dyslexia, bullying, choosing a secondary school, a teenager
without a plan after school. A 15-year-old gets no Basisschool, a 7-year-old no VO; a teen without a plan gets the
help for young people. Our own wordings after parents' and pupils' forum posts and the leerplicht FAQ of
municipalities (no text copied), committed before the change.
"""

from __future__ import annotations

import pytest
from builders import top_ids

DEMO_PRIMARY = {"svc-scholen-po-signaleren", "svc-samenwerkingsverband-po"}
DEMO_SECONDARY = {"svc-scholen-vo-samenwerking", "svc-samenwerkingsverband-vo"}
DEMO_YOUTH = {
    "svc-aalten-jeugdconsulent",
    "svc-huisartsen-poh-jeugd",
    "svc-aalten-ot-ondersteuning",
    "svc-aalten-ot-school-sportclub",
    "svc-figulus-jeugd-jongerenwerk",
    "svc-jeugdstem-vertrouwenspersoon",
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-aalten-participatieconsulent",
}
REGION_YOUTH = {
    "svc-jeugdverpleegkundige",
    "svc-schoolmaatschappelijk-werk",
    "svc-jongerenwerk-aalten",
    "svc-jongerenpunt-18",
    "svc-opvoedspreekuur",
    "svc-jeugdhulp-ambulant",
}

TEEN = [
    "Mijn dochter van 15 weigert al drie weken naar school te gaan, ze zit alleen maar op haar kamer",
    "Onze zoon van 16 spijbelt steeds vaker, de leerplichtambtenaar heeft al gebeld",
    "mijn dochter van 14 wordt gepest in de klas en ook via snapchat, wat kunnen we doen?",
    "ik ben 13 en durf niet meer naar school omdat ze me uitlachen",
    "Hij zit in de tweede klas van het vmbo en we denken dat hij dyslexie heeft",
]
CHILD = [
    "mijn zoontje van 7 heeft elke ochtend buikpijn en wil niet naar school",
    "we denken dat onze dochter van 8 dyslexie heeft, ze loopt ver achter met lezen",
    "mijn zoon van 8 wordt elke dag gepest op het schoolplein",
    "Onze dochter zit in groep 4 en wil 's ochtends niet naar school, ze huilt bij het hek",
    "mijn kind van 6 kan niet stilzitten in de klas en de juf belt me steeds",
]
NO_PLAN = [
    "ik ben 17, heb mijn diploma niet gehaald en weet echt niet wat ik nu moet",
    "Mijn zoon van 18 is van het mbo af gegaan en hangt nu de hele dag thuis, hij heeft geen plan",
    "ik ben 16 en gestopt met school, wat kan ik nu gaan doen",
    "onze dochter van 17 heeft geen idee wat ze na de havo wil en zit er erg mee",
]


@pytest.mark.parametrize("text", TEEN)
def test_a_teenager_at_school_gets_no_primary_school(demo, text):
    top = top_ids(demo.match(text, near="Aalten", limit=6))
    assert not DEMO_PRIMARY & set(top), (text, top)
    assert (DEMO_SECONDARY | DEMO_YOUTH) & set(top), (text, top)


@pytest.mark.parametrize("text", CHILD)
def test_a_young_pupil_gets_no_secondary_school(demo, text):
    top = top_ids(demo.match(text, near="Aalten", limit=6))
    assert not DEMO_SECONDARY & set(top), (text, top)
    assert (DEMO_PRIMARY | DEMO_YOUTH) & set(top), (text, top)


@pytest.mark.parametrize("text", NO_PLAN)
def test_a_teenager_without_a_plan_gets_the_help_for_young_people(demo, region, text):
    top = top_ids(demo.match(text, near="Aalten", limit=6))
    assert not DEMO_PRIMARY & set(top), (text, top)
    assert DEMO_YOUTH & set(top), (text, top)
    rtop = top_ids(region.match(text, near="Aalten", limit=6))
    assert REGION_YOUTH & set(rtop), (text, rtop)


@pytest.mark.parametrize("text", TEEN + CHILD)
def test_a_pupil_gets_the_school_help_in_the_region(region, text):
    top = top_ids(region.match(text, near="Aalten", limit=6))
    if "stilzitten" in text and not REGION_YOUTH & set(top):
        pytest.xfail(
            "found by words only since fix21 (ADR 0174): the region reads autisme-adhd and onderwijs, has no service"
            " for them but the sociaal team, and the youth help was a words-only card that no longer tops up; open"
        )
    assert REGION_YOUTH & set(top), (text, top)
    assert "svc-consultatiebureau" not in top, (text, top)
