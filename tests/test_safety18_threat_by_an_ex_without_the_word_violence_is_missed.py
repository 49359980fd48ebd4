"""A threat by an (ex-)partner told without the word "geweld" got no Veilig Thuis (tester17 BROKEN 2; helper
safety18, ADR 0158): an ex with a key who threatens, an ex who keeps coming in so the locks were changed. 112 when
the threat is now. The twins: a key to hand back after a divorce, fear after a burglary, an ex who threatens with a
lawyer, a neighbour at the door for a chat.

Sentences are our own (the first is tester17's), written before the code changed; none an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben 34 en ik ben bang om vannacht thuis te slapen omdat mijn ex een sleutel heeft en dreigt",
        "mijn ex staat elke avond voor mijn deur en ik durf niet meer open te doen",
        "hij zegt dat ik er spijt van krijg als ik bij hem weg ga",
        "ik heb de sloten laten vervangen want mijn ex komt steeds binnen als ik er niet ben",
        "Mijn ex-vriend stuurt berichten dat hij me weet te vinden en ik ben bang",
        "Mijn man zegt dat ik de kinderen nooit meer zie als ik wegga, ik ben doodsbang voor hem",
        "ik durf niet naar huis want mijn ex heeft nog een sleutel en zei dat hij me te pakken krijgt",
        "Mijn ex-man heeft een sleutel van mijn huis en dreigt dat hij vannacht langskomt, ik durf niet te slapen",
    ],
)
def test_a_threat_by_an_ex_puts_veilig_thuis_first(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert top_ids(res)[:1] == [VEILIG_THUIS], top_ids(res)


def test_an_ex_at_the_door_with_a_knife_now_gets_112_first(demo):
    res = demo.match("Mijn ex staat nu voor de deur met een mes")
    assert top_ids(res)[:1] == [ALARM], top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn ex moet na de scheiding de sleutel van het huis teruggeven, hoe regel ik dat?",
        "Sinds de inbraak ben ik bang om alleen thuis te slapen",
        "Mijn ex dreigt met een advocaat als ik de alimentatie niet betaal",
        "de buurman staat elke avond voor mijn deur om een praatje te maken",
        "mijn ex dreigt naar de rechter te stappen over de omgangsregeling",
        "Mijn ex-vrouw dreigt met een advocaat omdat ik de kinderen te laat terugbracht",
    ],
)
def test_the_harmless_twin_raises_no_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" not in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)
