"""Pills or medicines saved up, hoarded or collected are a means made ready: 113 first, and no money theme
(tester20 BROKEN B2, known open; helper safety21, ADR 0170). "Ik spaar al weken mijn slaappillen op" was read as
saving money (chip "Geldzaken", Sociaal raadslid, Bijzondere bijstand, no box): the rules knew "opgespaard",
"gespaard", not the verb in the present tense, and the theme model read "sparen" as money. The object decides.

The harmless twins: saving for a holiday, saving stamps, a parent who keeps old medicines to hand in at the
pharmacy, a week's pills in a pill box, collecting cards. Sentences are our own, written before the code changed,
except the one marked as tester20's.
"""

from __future__ import annotations

import pytest
from builders import LINE_113, themes_of, top_ids


@pytest.mark.parametrize(
    "text",
    [
        # tester20's R-hidden_suicide_signs-1 (docs/usertest/m12test20.md)
        "Ik spaar al weken mijn slaappillen op.",
        "mijn zus spaart haar pillen op in een doosje onder haar bed",
        "ik hamster al een tijdje paracetamol, ik heb er nu zestig",
        "Mijn vader verzamelt sinds de dood van mijn moeder zijn slaaptabletten in een potje.",
        "ik spaar al mn oxazepam op sinds vorige maand",
        "Mijn oma heeft haar slaappillen opgepot, er liggen er tientallen in haar kast.",
        "Ik slik mijn medicijnen niet meer maar ik spaar ze op.",
    ],
)
def test_pills_saved_up_get_113_first_and_no_money(demo, text):
    res = demo.match(text)
    assert "suicide" in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == LINE_113, top_ids(res)
    assert "financien" not in themes_of(res), themes_of(res)


@pytest.mark.parametrize(
    "text",
    [
        "ik spaar voor een vakantie maar het lukt niet met mijn uitkering",
        "Ik spaar zegels bij de supermarkt voor een pannenset.",
        "Mijn moeder bewaart oude medicijnen om ze in te leveren bij de apotheek.",
        "Ik leg mijn pillen voor de hele week klaar in een pillendoos, wie kan me daarbij helpen?",
        "mijn zoontje verzamelt pokemonkaarten en spaart voor een nieuwe set",
        "Hoe kan ik sparen als ik van een bijstandsuitkering leef?",
        "Wij sparen voor een nieuwe auto maar de rekeningen blijven komen.",
        # found while probing, after the code (ADR 0170): saving FOR something is saving money
        "Ik spaar voor de tandarts en mijn medicijnen want de zorgverzekering betaalt niet alles.",
        "ik verzamel de lege strips van mijn pillen voor de apotheek",
    ],
)
def test_saving_money_or_keeping_medicines_for_the_pharmacy_raises_no_113(demo, text):
    res = demo.match(text)
    assert "suicide" not in res.safety_levels, res.safety_levels
    assert LINE_113 not in top_ids(res), top_ids(res)
