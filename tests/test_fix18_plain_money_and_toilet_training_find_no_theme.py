"""tester20 B3 and B13 as a class (ADR 0169): "het lukt me niet meer om de rekeningen te betalen" found no theme
at all (the front door and household help), and "hoe krijg ik mijn zoon zindelijk" neither (household help, no
JGZ). Bills one cannot pay, told in plain words, are debts; toilet training (zindelijk, het potje, plassen op de
wc, luiers) of a young child is a parenting question for the JGZ. Twins: bills that are paid, a puppy, an old
person's incontinence. Sentences of our own, written before the change was made.
"""

from __future__ import annotations

import pytest

MONEY = {
    "svc-aalten-schuldhulpverlening",
    "svc-bfo-financiele-ondersteuning",
    "svc-aalten-bijzondere-bijstand",
    "svc-sensire-sociaal-raadslid",
}
MONEY_THEMES = {"schulden", "financien", "armoede", "geldzaken", "huurachterstand"}
JGZ = {"svc-yunio-jgz", "svc-ggd-nog-jgz"}

BILLS = [
    "Het lukt me niet meer om de rekeningen te betalen.",
    "Met Noah, Mila en Daan thuis lukt het me niet meer om de rekeningen te betalen.",
    "ik kan mijn rekeningen niet meer betalen",
    "We krijgen de rekeningen niet meer betaald sinds mijn man ziek is.",
    "Ik heb moeite om mijn rekeningen te betalen",
]

# with a second need told (a divorce): the debts are found; the general services that cover both may lead
BILLS_WITH_ANOTHER_NEED = [
    "sinds de scheiding red ik het niet meer met de rekeningen",
    "Sinds mijn man weg is lukt het me niet meer om alle rekeningen te betalen.",
]

NOT_BILLS = [
    "Ik betaal mijn rekeningen altijd op tijd, maar ik zoek een vrijwilligersbaan.",
    "Het lukt me niet meer om de trap op te komen.",
]

TOILET = [
    "Hoe krijg ik mijn zoon van 3,5 zindelijk voordat hij naar groep 1 gaat? Het lukt gewoon niet.",
    "mijn dochter van 3 wil niet op het potje plassen, hoe pak ik dat aan?",
    "Onze peuter draagt nog luiers en ze is al bijna 4. Wie kan ons helpen?",
    "hoe leer ik mijn zoontje plassen op de wc?",
    "zindelijk worden lukt niet bij onze tweeling van 3",
    # was xfail (ADR 0169: 'op school' reads onderwijs and the school's care team leads); the JGZ now reaches the
    # top 3 because it comes before the relief help it ties with (ADR 0172). The school's team still leads.
    "Mijn kleuter plast nog steeds in zijn broek op school, wat kan ik doen?",
]

NOT_TOILET = [
    "onze puppy is nog niet zindelijk, waar vind ik een hondenschool?",
    "Mijn moeder met dementie draagt nu luiers, wie helpt mij met de verzorging?",
]


def _top(res, n=3):
    return [r["service_id"] for r in res.results[:n]]


def _themes(res):
    return {t["id"] for t in res.themes}


@pytest.mark.parametrize("text", BILLS)
def test_bills_one_cannot_pay_are_a_money_need(demo, text):
    res = demo.match(text, limit=10)
    assert MONEY_THEMES & _themes(res), (text, _themes(res))
    assert MONEY & set(_top(res)), (text, _top(res))
    assert "svc-aalten-huishoudelijke-hulp" not in _top(res), (text, _top(res))


@pytest.mark.parametrize("text", BILLS_WITH_ANOTHER_NEED)
def test_bills_next_to_another_need_are_still_a_money_need(demo, text):
    res = demo.match(text, limit=10)
    assert MONEY_THEMES & _themes(res), (text, _themes(res))
    assert "svc-aalten-huishoudelijke-hulp" not in _top(res), (text, _top(res))


@pytest.mark.parametrize("text", NOT_BILLS)
def test_twin_bills_that_are_paid_or_stairs_are_no_debts(demo, text):
    assert "schulden" not in _themes(demo.match(text, limit=10)), text


@pytest.mark.parametrize("text", TOILET)
def test_toilet_training_of_a_young_child_gets_the_jgz(demo, text):
    res = demo.match(text, limit=10)
    assert JGZ & set(_top(res)), (text, _top(res), _themes(res))
    assert "svc-aalten-huishoudelijke-hulp" not in _top(res), (text, _top(res))


@pytest.mark.parametrize("text", NOT_TOILET)
def test_twin_a_puppy_or_an_old_persons_incontinence_gets_no_jgz(demo, text):
    res = demo.match(text, limit=10)
    assert not JGZ & set(_top(res)), (text, _top(res))
