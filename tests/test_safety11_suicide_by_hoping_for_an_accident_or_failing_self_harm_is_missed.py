"""Suicide told as hoping for a fatal accident, as self-harm that no longer helps, or by medicines saved up raised
nothing (questions8 dev a599, s421, a595; helper safety11, ADR 0136; 113.nl signals: hopen op een ongeluk,
zelfbeschadiging die niet meer helpt, medicijnen sparen). New signal rules with controls: hoping a removal van is
on time, cutting vegetables, counting pills in a pill box. Our own sentences, none an eval question's.
"""

from __future__ import annotations

import pytest
from builders import LINE_113, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "als ik 's avonds naar huis rijd hoop ik soms dat een vrachtwagen tegen me aan rijdt",
        "ik hoop stiekem dat de bus me schept als ik oversteek, dan is het klaar",
        "krassen helpt niks meer, ik wil het voorgoed stoppen",
        "mezelf pijn doen werkt niet meer, ik denk erover om een stap verder te gaan",
        "mijn oma spaart haar slaappillen op in een doosje in de kast, ze zegt dat het genoeg is geweest",
    ],
)
def test_hoping_for_an_accident_failing_self_harm_or_saved_pills_put_113_first(demo, text):
    res = demo.match(text)
    assert "suicide" in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == LINE_113, top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "ik hoop dat de vrachtwagen met mijn verhuisspullen op tijd is",
        "ik help mijn moeder met het snijden van de groente, dat helpt haar niet meer zo goed",
        "mijn vader telt zijn pillen elke ochtend in de weekdoos, hij vergeet ze anders",
        "ik hoop dat de bal niet over me heen gaat bij de wedstrijd van zaterdag",
    ],
)
def test_a_removal_van_vegetables_a_pill_box_or_a_ball_raise_no_113(demo, text):
    res = demo.match(text)
    assert "suicide" not in res.safety_levels, res.safety_levels
    assert LINE_113 not in top_ids(res), top_ids(res)
