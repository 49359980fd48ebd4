"""Unsafe at home told indirectly: a child afraid to go home, coercive control (money, phone, friends), a son who
takes an old parent's pension. Veilig Thuis. Their harmless twins raised it too: a child who prefers to play at a
friend's, a son who manages his mother's pension with a volmacht and does it well (helper safety20, ADR 0166;
class 6 of the brief).

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Mijn dochter van 10 wil na school niet naar huis, ze blijft liever bij ons. Ze is bang voor haar stiefvader.",
        "ik durf niet naar huis want mijn vader wordt dan weer boos",
        "Mijn man bepaalt alles: ik krijg geen eigen geld, hij kijkt in mijn telefoon en ik mag mijn vriendinnen niet "
        "meer zien.",
        "Mijn vriend controleert mijn telefoon en wil niet dat ik met mijn zus afspreek, ik moet hem elk uur appen "
        "waar ik ben.",
        "Mijn moeder van 83 heeft nooit meer geld sinds mijn broer haar pensioen beheert, ze krijgt amper eten.",
        "De zoon van mijn buurvrouw (86) neemt elke maand haar AOW op en zij heeft niets meer.",
    ],
)
def test_unsafe_at_home_told_indirectly_gets_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn dochter van 10 wil na school liever bij haar vriendin spelen dan naar huis.",
        "Mijn man regelt de financiën en ik de boodschappen, dat bevalt prima. Wie helpt met belastingaangifte?",
        "Mijn broer beheert het pensioen van onze moeder van 83 met een volmacht en doet dat keurig.",
        "mijn zoontje van 8 wil nooit naar huis na het zwemmen, hij vindt het zo leuk in het zwembad",
        "Mijn dochter regelt de bankzaken van mijn vader (88) en houdt alles netjes bij. Wie helpt met zijn "
        "zorgtoeslag?",
        "Mijn vrouw kijkt weleens op mijn telefoon, dat vind ik niet erg. We zoeken een cursus samen koken.",
    ],
)
def test_harmless_twins_raise_no_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" not in res.safety_levels, res.safety_levels
