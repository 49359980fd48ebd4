"""The first route follows the highest danger found: acute > suicide > psychiatric > unsafe at home. A brother who
hears voices and walks around with a knife got Veilig Thuis first and no 112 card (tester16 BROKEN 3, class B;
helper safety17, ADR 0154): 112 first, then the huisarts; Veilig Thuis is no route for a psychiatric crisis.

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, HUISARTS, VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zus hoort stemmen, slaapt niet meer en zegt dat de buren haar willen vergiftigen. Ze zwaait met een mes.",
        "mijn vader is psychotisch en loopt met een mes door het huis",
        "Mijn broer is al dagen in de war, praat tegen mensen die er niet zijn en staat nu met een mes in de keuken.",
        "mijn zoon denkt dat hij achtervolgd wordt, eet niet en loopt met een mes rond",
        # safety20 (ADR 0166): the voices' harm is no act at home; "bij zich" is no harm to oneself
        "Mijn vriend hoort stemmen die zeggen dat hij iemand moet steken, hij heeft een mes bij zich.",
    ],
)
def test_a_psychosis_with_a_knife_gets_112_first_and_the_huisarts(demo, text):
    res = demo.match(text)
    assert res.safety_levels[0] == "acuut-gevaar", res.safety_levels
    assert top_ids(res)[0] == ALARM, top_ids(res)
    assert HUISARTS in top_ids(res), top_ids(res)
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn broer hoort al dagen stemmen, slaapt niet en zegt dat de buren hem vergiftigen.",
        "mijn moeder is sinds gisteren heel verward en denkt dat wij haar bestelen, ze slaapt niet",
    ],
)
def test_a_psychosis_without_a_weapon_gets_the_huisarts_not_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "acuut-gevaar" not in res.safety_levels and "onveilig-thuis" not in res.safety_levels, (
        res.safety_levels
    )
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn man staat met een mes in de keuken en dreigt mij te steken.",
        "mijn ex staat voor de deur met een mes en heeft me net geslagen",
    ],
)
def test_a_partner_with_a_knife_gets_112_and_veilig_thuis(demo, text):
    res = demo.match(text)
    assert top_ids(res)[0] == ALARM, top_ids(res)
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
