"""Control by money told without the word "geweld" is danger at home: a weekly allowance, receipts checked, the bank
card "in bewaring", not being allowed to see a sister (dev s582 got no danger and no Veilig Thuis; helper safety22,
ADR 0176). A couple who agreed that one of them does the money, a child's pocket money and a bewindvoerder's
allowance stay money and administration.

Sentences are our own, written before the code changed.
"""

from __future__ import annotations

import pytest
from builders import top_ids

VT = {"svc-veilig-thuis-advies-melden", "svc-veilig-thuis"}


@pytest.fixture(params=["demo", "region"], scope="module")
def kaart(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize(
    "text",
    [
        "mijn man geeft me elke week 50 euro voor de boodschappen en wil van alles een bonnetje zien. mijn pinpas heeft hij in bewaring",
        "Hij houdt mijn bankpas bij zich en ik krijg zakgeld. Als het op is praat hij dagen niet tegen me en mag ik niet naar mijn moeder.",
        "mn vriend pakt elke maand mijn loon af en ik moet om geld vragen, ik mag niet zonder hem naar mijn zus",
        "Mijn vrouw beheert al ons geld, ik krijg 20 euro per week en moet elke uitgave verantwoorden, mijn vrienden mag ik niet meer zien.",
        "sinds we samenwonen heeft hij mijn pasje en checkt hij elke bon. als er iets niet klopt zegt hij dagen niks tegen me",
        "Mijn schoonzoon heeft de bankpas van mijn dochter en ze mag niet meer alleen weg.",
        "Ik krijg van hem elke week leefgeld en hij wil alle kassabonnen zien. Mijn pinpas heeft hij in bewaring.",
        "mijn bankpas ligt bij hem 'in bewaring' en als ik iets koop wil hij het bonnetje zien. Ik mag niet meer naar mijn moeder.",
        "als de bonnetjes niet kloppen praat hij een week niet tegen me en mag ik niet naar mijn zus. ik krijg 25 euro per week van hem",
    ],
)
def test_control_by_money_gets_veilig_thuis_first(kaart, text):
    res = kaart.match(text)
    assert "onveilig-thuis" in res.safety_levels, (res.safety_levels, top_ids(res))
    assert top_ids(res)[:1] and top_ids(res)[0] in VT, top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn man en ik hebben afgesproken dat hij de financien doet, ik vind dat prima. Hoe maken we een budget?",
        "wij hebben samen besloten dat ik het geld beheer, maar we komen elke maand tekort",
        "mijn vrouw doet de administratie en bewaart alle bonnetjes voor de belasting, kan iemand helpen met de aangifte?",
        "ik krijg zakgeld van mijn ouders en moet de bonnetjes laten zien, is dat normaal? ik ben 13",
        "Mijn bewindvoerder geeft me elke week leefgeld, ik wil leren zelf met geld om te gaan.",
        "Mijn man geeft me elke week huishoudgeld, zo hebben we het samen afgesproken. Waar leer ik goed budgetteren?",
    ],
)
def test_money_arranged_together_stays_money(kaart, text):
    res = kaart.match(text)
    assert "onveilig-thuis" not in res.safety_levels, res.safety_levels
    assert not VT & set(top_ids(res)), top_ids(res)
