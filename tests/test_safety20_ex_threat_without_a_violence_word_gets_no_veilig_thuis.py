"""An (ex-)partner's threat told without a word of violence: a key and "je krijgt er spijt van", an ex who is
everywhere, waits at work and approaches friends (stalking), told after "het lijkt alsof". Veilig Thuis first. The
twins: a threat by legal means ("ik stap naar de rechter"), one's own regret, a key to hand back, an ex met by
chance, a mother's "je krijgt er spijt van" about a course (helper safety20, ADR 0166; class 1 of the brief).

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Mijn ex heeft nog steeds een sleutel van mijn huis en zei dat ik er spijt van ga krijgen.",
        "mn ex vriend zegt dat ik spijt krijg als ik aangifte doe, hij weet waar ik woon",
        "Mijn vroegere partner heeft de sleutel nog en appte gisteren: jij krijgt hier spijt van.",
        "Sinds we uit elkaar zijn staat hij elke dag bij mijn werk te wachten en appt hij mijn vriendinnen.",
        "het lijkt alsof mijn ex overal is. hij staat bij mijn werk te wachten en benadert mijn vriendinnen",
        "Het voelt alsof mijn ex-man me overal volgt, hij wacht me op bij de supermarkt en belt mijn collega's.",
        "Mijn dochter van 28 zegt dat haar ex-man overal opduikt waar zij is en haar vrienden benadert.",
        "Ik ben 67 en mijn ex-partner staat steeds voor mijn deur, hij zegt dat ik het nog zal merken.",
    ],
)
def test_an_exs_threat_or_stalking_gets_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn ex zei dat ik spijt krijg, hij stapt naar de rechter voor de omgang met de kinderen.",
        "Ik heb spijt dat ik mijn ex niet eerder heb gebeld over de verkoop van het huis.",
        "Mijn ex heeft nog een sleutel, hoe krijg ik die terug? Ik wil de sloten vervangen na de verhuizing.",
        "Mijn ex woont vlakbij, ik kom hem overal tegen in het dorp maar we doen normaal tegen elkaar.",
        "Je gaat er spijt van krijgen als je die cursus niet doet, zegt mijn moeder.",
        "mijn opa zegt altijd dat ik er later spijt van krijg als ik niet doorleer",
    ],
)
def test_legal_threat_or_own_regret_raises_no_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" not in res.safety_levels, res.safety_levels
