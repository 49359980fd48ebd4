"""Negation and danger: a denial of violence ("niet dat hij me slaat, maar…", "hij heeft me nooit iets aangedaan",
"geen sprake van geweld") raises nothing, and a partner who "durft niks te zeggen" to his parents is no fear at home
(dev s525's class). A negation outside the clause of the act does not negate it: "het is niet de eerste keer dat
hij me slaat", "ik durf niet te zeggen dat hij me slaat" (helper safety20, ADR 0166; class 4 of the brief).

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Niet dat hij me slaat, maar hij is erg kortaf en ik voel me eenzaam in mijn huwelijk.",
        "Mijn man heeft me nooit iets aangedaan, maar we praten niet meer met elkaar. Relatietherapie?",
        "Er is geen sprake van geweld, maar de ruzies over geld lopen hoog op. Wie helpt bij schulden?",
        "Hij heeft nooit een hand naar me opgeheven, we hebben gewoon veel ruzie over de opvoeding.",
        "mijn vader slaat ons niet hoor, hij is alleen heel streng en we mogen nooit weg",
        "Mijn schoonmoeder bemoeit zich overal mee en mijn vrouw durft niks tegen haar te zeggen. Wie helpt ons?",
        "Mijn ouders hebben kritiek op onze verbouwing en mijn man durft niets te zeggen. Hoe lossen we dit op?",
    ],
)
def test_denied_violence_or_a_partner_shy_of_his_parents_raises_nothing(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" not in res.safety_levels, res.safety_levels


@pytest.mark.parametrize(
    "text",
    [
        "Het is niet de eerste keer dat hij me slaat, gisteren weer.",
        "Ik durf niet te zeggen dat hij me slaat.",
        "ik durf aan niemand te vertellen dat mijn vader ons slaat",
        "Niemand weet dat mijn man mij slaat.",
        "Het is niet normaal meer hoe vaak hij me slaat.",
        "Ik weet niet wat ik moet doen, mijn vriend slaat me als hij gedronken heeft.",
    ],
)
def test_a_negation_outside_the_act_keeps_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
