"""Unsafe at home told indirectly: a son who takes his old mother's bank card "for groceries" while nothing comes home
(financial elder abuse), an ex who is everywhere, waits at the gym and approaches new friends (stalking): Veilig
Thuis (dev s512's and s514's classes; helper safety17, ADR 0154). The twins: a son who really does the groceries, a
card lost, an ex met by chance.

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Mijn tante van 81 geeft haar pinpas elke week aan haar kleinzoon voor de boodschappen, maar er komt niks in huis.",
        "mijn opa zijn zoon heeft zijn bankpas en pincode, maar opa heeft nooit meer geld en de koelkast is leeg",
        "De buurman (88) zegt dat zijn neef met zijn pinpas gaat pinnen, maar hij heeft nu geen geld meer voor eten.",
        # safety20 (ADR 0166): a comparison reaches its own sentence; the next one tells facts
        "het lijkt alsof mijn ex overal is. hij staat bij mijn werk te wachten en benadert mijn vriendinnen",
        "Mijn ex-vriend weet altijd waar ik ben. Gisteren stond hij weer bij de sportschool te wachten.",
    ],
)
def test_abuse_told_indirectly_gets_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn moeder van 84 geeft haar pinpas aan mijn broer voor de boodschappen en hij brengt alles netjes, maar ze "
        "voelt zich eenzaam.",
        "Oma is haar pinpas kwijt, maar de bank stuurt een nieuwe. Wie helpt haar met de pincode?",
        "Ik kwam mijn ex tegen bij de sportschool, maar dat ging prima. Ik zoek een sportmaatje.",
    ],
)
def test_everyday_card_or_ex_raises_no_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" not in res.safety_levels, res.safety_levels
