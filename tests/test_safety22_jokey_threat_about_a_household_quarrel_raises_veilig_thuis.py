"""A jokey threat about an everyday quarrel ("… sla ik hem nog eens met de pollepel haha", "straks gooi ik een
slipper naar hem lol", "grapje") is household banter: no Veilig Thuis, and a couple asking for advice gets couple or
household help, not the divorce desk (dev s566; helper safety22, ADR 0176; continues ADR 0166's anger idiom). A
blow told as done, a threat by the other, or fear keep Veilig Thuis.

Sentences are our own, written before the code changed.
"""

from __future__ import annotations

import pytest
from builders import top_ids

VT = {"svc-veilig-thuis-advies-melden", "svc-veilig-thuis"}
DIVORCE = {"svc-scheidingsspreekuur", "svc-complexe-scheiding"}


@pytest.fixture(params=["demo", "region"], scope="module")
def kaart(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize(
    "text",
    [
        "straks gooi ik een slipper naar mijn man als hij weer gaat snurken lol",
        "Als mijn vrouw nog één keer de vaatwasser verkeerd inruimt, gooi ik haar met de theedoek haha.",
        "ik sla hem nog eens met de afstandsbediening als hij weer de hele avond voetbal kijkt grapje",
        "Als mijn vriend zijn sokken weer laat slingeren krijgt hij de pollepel haha, maar serieus we hebben veel ruzie over het huishouden.",
        "mn vriendin krijgt de deegroller als ze nog eens de auto leeg laat rijden hahaha",
        "Straks schop ik mijn man het bed uit als hij weer zo snurkt, haha. Hoe lossen jullie dat op?",
    ],
)
def test_a_jokey_threat_about_an_everyday_quarrel_raises_no_veilig_thuis(kaart, text):
    res = kaart.match(text)
    assert "onveilig-thuis" not in res.safety_levels, res.safety_levels
    assert not VT & set(top_ids(res)), top_ids(res)


def test_a_couple_quarrelling_about_chores_asks_for_couple_advice_not_divorce(region):
    res = region.match(
        "als hij nog één keer zijn jas op de trap gooit sla ik hem met de pollepel haha. maar serieus, sinds de baby "
        "er is hebben we steeds gedoe over wie wat doet in huis. waar kunnen we samen advies krijgen?"
    )
    assert "onveilig-thuis" not in res.safety_levels, res.safety_levels
    assert not (VT | DIVORCE) & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "mijn man slaat me met de pollepel als het eten niet klaar is",
        "hij zei haha ik sla je nog eens dood en toen sloeg hij me echt",
        "mijn man dreigt me te slaan als ik de afwas laat staan, ik ben bang voor hem",
        "Gisteren gooide mijn vriend een stoel naar me omdat ik de afwas had laten staan.",
        "mijn vrouw gooit met borden als ik te laat thuis ben, ik durf niet meer naar huis",
        "ik heb mijn man gisteren met de pan geslagen en nu ben ik bang dat ik het weer doe",
    ],
)
def test_a_blow_told_as_done_or_feared_keeps_veilig_thuis(kaart, text):
    res = kaart.match(text)
    assert "onveilig-thuis" in res.safety_levels, (res.safety_levels, top_ids(res))
