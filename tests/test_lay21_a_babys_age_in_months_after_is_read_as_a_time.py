"""A baby's age in months or weeks told with "is" ("onze zoon is 14 maanden en wordt elke nacht wakker") was read as
a time ("hij is 3 weken ziek"), so no age, no need and the front door with a talk about life questions (dev a820 as a
class, issue 12, ADR 0167; held-out kind opvoeden-jong). An age is what stands before a clause end, "oud", "en" or a
comma; a time goes on with what lasts ("ziek", "zwanger", "weg", "thuis"). Our own wordings, written before the
change; the twins are times.
"""

from __future__ import annotations

import pytest
from builders import top_ids

from match.age_reading import in_text

DEMO_YOUNG = {
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-yunio-home-start",
    "svc-inhuis-steungezin",
    "svc-aalten-jeugdconsulent",
    "svc-kinderopvang-aalten",
}
REGION_YOUNG = {"svc-consultatiebureau", "svc-opvoedspreekuur", "svc-gezinsmaatje", "svc-jeugdhulp-ambulant"}

BABIES = [
    "onze dochter is 10 maanden en huilt elke avond urenlang, waar kunnen we terecht?",
    "Mijn zoontje is 8 maanden oud en wil geen fruithapjes",
    "ons kindje is 11 maanden en slaapt nog steeds niet door, we zijn op",
    "de baby is 6 weken en drinkt heel slecht, we weten niet meer wat we moeten doen",
    "mijn kleinzoon is 16 maanden en loopt nog niet. Waar kan mijn dochter dat vragen?",
    "hij is 15 maanden, bijt iedereen op de opvang en wij lopen op ons tandvlees",
]
TIMES = [
    "mijn man is 3 weken ziek thuis en ik red het niet",
    "ik ben 30 weken zwanger en heb vragen over de bevalling",
    "hij is 2 maanden weg en ik mis hem",
]


@pytest.mark.parametrize("text", BABIES)
def test_a_babys_age_in_months_is_an_age(text):
    assert [m.lo for m in in_text(text)] == [0], (text, in_text(text))


@pytest.mark.parametrize("text", TIMES)
def test_a_time_in_months_or_weeks_stays_a_time(text):
    assert all(m.lo != 0 for m in in_text(text)), (text, in_text(text))


@pytest.mark.parametrize("text", BABIES)
def test_a_babys_everyday_question_gets_jgz_or_parenting_help(demo, region, text):
    top = top_ids(demo.match(text, near="Aalten", limit=6))
    assert DEMO_YOUNG & set(top), (text, top)
    rtop = top_ids(region.match(text, near="Aalten", limit=6))
    assert REGION_YOUNG & set(rtop), (text, rtop)
