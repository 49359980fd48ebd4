"""Batch 11 dev failures as classes (ADR 0162): an everyday worry whose words carry another need. Neighbours at
odds over a hedge read only the lawyer the neighbour threatens with (legal help and the police first); partners
who had a shouting match over money read only money; a child who lies about brushing her teeth read household help
(the Wmo consultant first). The need is who does what: neighbours at odds, partners who fight, a child who lies.
Sentences of our own (not the dev texts); for these three the data change was probed first and the sentences
written right after it, then checked to fail without it.
"""

from __future__ import annotations

import pytest

NEIGHBOURS = [
    "de buurman ligt al maanden met ons overhoop over de schutting en dreigt nu met een advocaat, wie kan bemiddelen?",
    "Onze buren praten niet meer met ons sinds we de heg hebben gesnoeid. Ik slaap er slecht van.",
    "de buurvrouw en ik hebben al een jaar ruzie over de oprit, ze dreigt met de rechter. Kan iemand ons helpen praten?",
    "wij liggen overhoop met de buren over hun overhangende takken, hoe lossen we dat netjes op?",
]
NEIGHBOUR_HELP = {"svc-figulus-welzijnscoach", "svc-aalten-brede-intake", "svc-vat-aalten-vraag-advies"}


@pytest.mark.parametrize("text", NEIGHBOURS)
def test_neighbours_at_odds_get_help_to_talk_not_the_police(demo, text):
    res = demo.match(text, limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert "burenoverlast" in {t["id"] for t in res.themes}, (text, [t["id"] for t in res.themes])
    assert NEIGHBOUR_HELP & set(top), (text, top)
    assert "svc-politie-wijkagent" not in top, (text, top)


def test_a_writer_who_asks_for_legal_help_keeps_it(demo):
    res = demo.match("de buurman dreigt met een advocaat, wat zijn mijn rechten?", limit=10)
    assert "juridische-hulp" in {t["id"] for t in res.themes}


PARTNERS = [
    "mijn vriend en ik hadden gisteren een enorme ruzie over geld, nu is het weer goed maar we willen leren anders "
    "ruzie te maken",
    "ik en mijn vrouw maken steeds ruzie over de boodschappen en het geld, hoe doorbreken we dat?",
    "mijn man en ik schreeuwen tegen elkaar bij elke ruzie over de rekeningen, de kinderen horen het",
]


@pytest.mark.parametrize("text", PARTNERS)
def test_partners_who_fight_over_money_read_the_relation(demo, text):
    res = demo.match(text, limit=10)
    themes = {t["id"] for t in res.themes}
    top = [r["service_id"] for r in res.results[:3]]
    assert "relatieproblemen" in themes, (text, themes)
    assert "svc-sensire-maatschappelijk-werk" in top, (text, top)


def test_a_fight_with_an_ex_stays_with_the_separation(demo):
    res = demo.match("mijn ex en ik hebben steeds ruzie over de omgang met de kinderen", limit=10)
    assert "relatieproblemen" not in {t["id"] for t in res.themes} or "echtscheiding" in {
        t["id"] for t in res.themes
    }


TEETH = [
    "mijn zoon van 8 liegt dat hij zijn tanden heeft gepoetst, elke avond weer. hoe pak ik dat aan?",
    "ze weigert haar tanden te poetsen en liegt erover, ze is 6",
]


@pytest.mark.parametrize("text", TEETH)
def test_a_childs_teeth_are_no_household(demo, text):
    res = demo.match(text, limit=10)
    themes = {t["id"] for t in res.themes}
    top = [r["service_id"] for r in res.results[:3]]
    assert "huishouden" not in themes, (text, themes)
    assert "svc-aalten-wmo-consulent" not in top, (text, top)


def test_cleaning_the_house_stays_household(demo):
    res = demo.match(
        "ik kan sinds mijn operatie mijn huis niet meer schoonmaken, wie helpt met het poetsen?", limit=10
    )
    assert "huishouden" in {t["id"] for t in res.themes}
