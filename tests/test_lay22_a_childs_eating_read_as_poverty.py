"""A young child's eating ("mijn dochter van 18 maanden eet alleen brood en yoghurt, groente spuugt ze uit") was read
as poverty: the idiom "eten alleen brood" (we can only afford bread) gave "Te weinig geld om van te leven" and
bijzondere bijstand as card 2 (tester22 N-G, docs/usertest/m12test22.md; issue 12, ADR 0177). Whose eating it is
decides: a child who only eats bread, refuses or spits out the rest is its upbringing (JGZ, parenting help); a household
that eats bread because the money is gone keeps the money help. Our own wordings, written before the change: parents,
a grandparent, a pronoun, a child's word without an age, typos; the twins name the money or the empty fridge.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

DEMO_YOUNG = {
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-yunio-home-start",
    "svc-inhuis-steungezin",
    "svc-aalten-jeugdconsulent",
    "svc-aalten-ot-ondersteuning",
}
REGION_YOUNG = {
    "svc-consultatiebureau",
    "svc-opvoedspreekuur",
    "svc-gezinsmaatje",
    "svc-jeugdverpleegkundige",
}
MONEY_HELP = {"svc-aalten-bijzondere-bijstand", "svc-voedselpakket"}

A_CHILDS_EATING = [
    "Mijn dochter van 18 maanden eet alleen brood en yoghurt, groente spuugt ze uit. Wie kan mij tips geven?",
    "onze zoon van 2 eet alleen maar brood met hagelslag, de rest weigert hij",
    "Ze is 3 en eet alleen brood en pasta, groente krijg ik er niet in. Is dat normaal?",
    "mn dreumes eet alleen boterhammen en spuugt al het andere uit, ik word er gek van",
    "Mijn kleinzoon van 4 eet al weken alleen brood en yoghurt. Mijn dochter maakt zich zorgen, waar kan zij terecht?",
    "hij is 20 maanden en lust alleen brood en fruit, geen warm eten. wat kunnen we doen",
    "Onze peuter eet alleen witte boterhammen en weigert elke avond zijn bord, wie heeft tips?",
]
NO_MONEY_FOR_FOOD = [
    "We hebben geen geld voor eten, de kinderen eten alleen brood.",
    "De koelkast is leeg aan het eind van de maand, we eten dan alleen brood",
    "Sinds mijn ontslag eten we elke dag brood, er is geen geld voor boodschappen",
    "ik ben alleenstaande moeder van twee, aan het eind van de maand eten we alleen nog brood omdat het geld op is",
    "Mijn zoon van 3 krijgt alleen brood omdat ik geen geld heb voor groente",
    "we kunnen de boodschappen niet betalen en eten alleen brood",
]


@pytest.mark.parametrize("text", A_CHILDS_EATING)
def test_a_childs_eating_is_no_poverty_and_gets_parenting_help(demo, region, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "armoede" not in themes_of(res), (text, themes_of(res))
    top = top_ids(res)
    assert DEMO_YOUNG & set(top) and not MONEY_HELP & set(top), (text, top)
    rres = region.match(text, near="Aalten", limit=5)
    assert "armoede" not in themes_of(rres), (text, themes_of(rres))
    rtop = top_ids(rres)
    assert REGION_YOUNG & set(rtop) and not MONEY_HELP & set(rtop), (text, rtop)


@pytest.mark.parametrize("text", NO_MONEY_FOR_FOOD)
def test_no_money_for_food_stays_poverty(demo, region, text):
    assert "armoede" in themes_of(demo.match(text, near="Aalten", limit=5)), text
    assert "armoede" in themes_of(region.match(text, near="Aalten", limit=5)), text
