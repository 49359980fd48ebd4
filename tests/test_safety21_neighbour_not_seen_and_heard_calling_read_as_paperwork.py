"""An old neighbour not seen for days who is heard calling, or who does not open, may lie on the floor: 112 first
(tester20 BROKEN B1, helper safety21, ADR 0170). "De oude buurman komt al dagen zijn huis niet uit, de post stapelt
zich op en ik hoor hem soms roepen" got no box and the paperwork help ("Post, brieven en formulieren"): the post that
piles up is a sign that nobody has been at the door, not a question about letters.

The harmless twins: a neighbour away on holiday whose post piles up, a neighbour who calls his dog or his children,
one's own pile of post, an old mother who is lonely and stays in. Sentences are our own, written before the code
changed, except the one marked as tester20's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, themes_of, top_ids

PAPERWORK = {
    "svc-sensire-sociaal-raadslid",
    "svc-bfo-financiele-ondersteuning",
    "svc-aalten-bijzondere-bijstand",
}


@pytest.mark.parametrize(
    "text",
    [
        # tester20's t20-21 (docs/usertest/m12test20.md)
        "De oude buurman komt al dagen zijn huis niet uit, de post stapelt zich op en ik hoor hem soms roepen.",
        "Mijn buurvrouw van 85 heb ik al drie dagen niet gezien, haar gordijnen blijven dicht en ik hoor haar roepen.",
        "ik heb de oude man van hiernaast al dagen niet gezien en er ligt een stapel post achter de deur, gisteren "
        "hoorde ik hem om hulp roepen",
        "De buurvrouw (90) reageert niet als ik aanbel, haar krant ligt nog op de mat en ik hoor haar zachtjes roepen.",
        "Onze bovenbuurman van 78 doet al twee dagen niet open en we horen gekreun achter de deur.",
        "mn opa zn buurman is al dagen niet buiten geweest en we hoorden hem door de brievenbus roepen",
        "Sinds zaterdag heb ik mijn oude buurman niet meer gezien, zijn brievenbus zit vol en hij neemt niet op als ik "
        "aanbel.",
        # found while probing, after the code (ADR 0170)
        "Mijn opa van 88 neemt al twee dagen de telefoon niet op en doet niet open als ik aanbel.",
    ],
)
def test_an_old_neighbour_not_seen_and_calling_or_not_opening_gets_112_first(demo, text):
    res = demo.match(text)
    assert "acuut-gevaar" in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == ALARM, top_ids(res)
    assert "administratie" not in themes_of(res), themes_of(res)
    assert not PAPERWORK & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "De buurman is drie weken op vakantie en zijn post stapelt zich op, mag ik die voor hem bewaren?",
        "Mijn oude buurman roept elke avond zijn hond naar binnen, ik hoor hem door de hele straat.",
        "Ik hoor de buurman soms roepen tegen zijn kinderen als ze niet willen eten.",
        "De post stapelt zich op bij mij thuis, ik open mijn brieven niet meer en weet niet waar ik moet beginnen.",
        "Mijn buurvrouw komt al dagen haar huis niet uit omdat ze griep heeft, ik doe boodschappen voor haar.",
        "Mijn moeder van 80 komt al weken de deur niet uit, ze is eenzaam sinds mijn vader overleed.",
        "onze buurman ligt in het ziekenhuis, zijn post stapelt zich op en de planten gaan dood",
        # found while probing, after the code (ADR 0170): calling as saying, hearing as news
        "Ik heb mijn kleinzoon al dagen niet gezien en ik hoor van mijn dochter dat hij roept dat hij weg wil.",
        "Ik heb mijn dochter al weken niet gezien, ze roept dat ze me haat en ik hoor niks meer van haar.",
        "Mijn moeder van 80 komt de deur niet meer uit en ik hoor haar 's nachts roepen in haar slaap.",
    ],
)
def test_post_piling_up_or_calling_alone_raises_no_112(demo, text):
    res = demo.match(text)
    assert "acuut-gevaar" not in res.safety_levels, res.safety_levels
    assert ALARM not in top_ids(res), top_ids(res)


def test_ones_own_post_piling_up_is_still_paperwork(demo):
    res = demo.match(
        "De post stapelt zich op bij mij thuis, ik open mijn brieven niet meer en weet niet waar ik moet "
        "beginnen."
    )
    assert "administratie" in themes_of(res), themes_of(res)
