"""Shutting oneself in one's own room is no being locked up: "na school sluit ik me altijd op in mijn kamer om te
gamen" (a 13-year-old) and "mijn dochter van 15 sluit zich op in haar kamer sinds ze verliefd is" put Veilig Thuis
first (tester24 w02 and probes, class A). The reflexive ("ik sluit me op", "zij sluit zich op") tells the one who
locks and the one locked in are the same; someone who locks another in ("papa sluit mij op") keeps Veilig Thuis.

Sentences are our own (helper safety24, ADR 0183), written before the code changed.
"""

from __future__ import annotations

import pytest
from builders import top_ids

VT = {"svc-veilig-thuis-advies-melden", "svc-veilig-thuis"}
CRISIS = VT | {"svc-112-alarmnummer", "svc-alarmnummer-112", "svc-113-hulplijn", "svc-hulplijn-113"}


@pytest.fixture(params=["demo", "region"], scope="module")
def kaart(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize(
    "text",
    [
        "na school sluit ik me altijd op in mijn kamer om te gamen en mijn moeder wordt boos, ze zegt dat ik verslaafd ben. waar kan ik dat vragen",
        "mijn dochter van 15 sluit zich op in haar kamer sinds ze verliefd is",
        "ik sluit me op in mijn kamer om huiswerk te maken want mijn broertje is zo druk",
        "Onze zoon van 16 zit de hele dag opgesloten op zijn kamer met zijn telefoon, hij komt alleen nog voor het eten naar beneden.",
        "sinds de scheiding sluit mijn zoon zichzelf op in zijn kamer en praat hij nauwelijks nog met ons",
        "Ik sloot me vroeger altijd op in de wc om even rust te hebben van de kinderen, nu heb ik geen rust meer. Waar vind ik een oppas?",
        "ik ben 13 en ik sluit mezelf soms op in de badkamer als mijn zusjes ruzie maken, is dat raar",
        "Mijn man sluit zich elke avond op in de schuur met zijn modeltreinen en ik voel me eenzaam.",
    ],
)
def test_shutting_oneself_in_gets_no_veilig_thuis(kaart, text):
    res = kaart.match(text)
    assert "onveilig-thuis" not in res.safety_levels, (res.safety_levels, top_ids(res))
    assert not CRISIS & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "papa sluit mij op in mijn kamer als hij boos is",
        "mijn moeder sluit me elke avond op in de kelder als ik niet luister",
        "Mijn vader van 86 wordt door zijn zoon in zijn kamer opgesloten en uitgescholden.",
        "mijn stiefmoeder sluit mijn broertje op in de schuur zonder eten",
        "Hij sluit me op in de slaapkamer en neemt mijn telefoon af.",
        "ik word door mijn oom opgesloten in mijn kamer als er bezoek is",
        # found while probing (after the code): "me" after "hij", and another who locks next to one's own lock
        "als ik thuiskom sluit hij me op in de slaapkamer",
        "mijn man sloot me op in de slaapkamer en daarna sloot ik mezelf op in de badkamer",
    ],
)
def test_being_locked_in_by_someone_keeps_veilig_thuis(kaart, text):
    res = kaart.match(text)
    assert "onveilig-thuis" in res.safety_levels or "acuut-gevaar" in res.safety_levels, res.safety_levels
    assert VT & set(top_ids(res)), top_ids(res)
