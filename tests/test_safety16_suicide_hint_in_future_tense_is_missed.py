"""A living person who says he or she will soon not be there, or gives a pet away "als ik er niet meer ben", is a
suicide signal, also told by a friend (tester15 BROKEN 3, r15-F2; helper safety16, ADR 0150). Grief needs a death in
the past ("sinds mijn man er niet meer is"); moving abroad, a colleague who retires, a shop that closes are no
danger.

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, LINE_113, VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Mijn vriendin zegt steeds dat ze er binnenkort niet meer is.",
        "Mijn broer zei gisteren: straks ben ik er niet meer, dan hebben jullie rust.",
        "Een klasgenoot appte me dat ik zijn kat mag hebben als hij er niet meer is.",
        "ik ben er binnenkort toch niet meer dus het maakt niet uit",
        "Mijn oom vertelde dat hij er volgende maand niet meer zal zijn en wie dan zijn hond krijgt.",
        "Mijn beste vriendin wil er niet meer zijn, ze zei het vanavond.",
    ],
)
def test_a_living_person_who_will_not_be_there_gets_113(demo, text):
    res = demo.match(text)
    assert "suicide" in res.safety_levels, res.safety_levels
    assert LINE_113 in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn beste vriendin verhuist naar Canada en is er binnenkort niet meer.",
        "Onze collega gaat met pensioen, volgende maand is hij er niet meer.",
        "De bakker in het dorp is er binnenkort niet meer, waar moet ik nu brood halen?",
        "Sinds mijn man er niet meer is voel ik me zo alleen.",
        "Mijn moeder is er sinds vorig jaar niet meer en ik mis haar elke dag.",
        # found while probing the first rule (there for a task that ends)
        "Straks is mijn moeder er niet meer om op de kinderen te passen, wie helpt dan?",
        "Als ik er niet meer ben moet mijn testament geregeld zijn, wie helpt me daarmee? Ik ben 82.",
    ],
)
def test_moving_retiring_a_shop_closing_or_a_death_in_the_past_is_no_suicide_signal(demo, text):
    res = demo.match(text)
    assert "suicide" not in res.safety_levels, res.safety_levels
    assert not {VEILIG_THUIS, ALARM, LINE_113} & set(top_ids(res)), top_ids(res)
