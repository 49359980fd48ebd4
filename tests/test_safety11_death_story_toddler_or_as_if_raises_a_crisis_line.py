"""Over-escalation in the eighth question batch (questions8 dev a572, s401, s409; helper safety11, ADR 0136): an
emergency told as how someone died put 112 first; a toddler who hits a parent, and "mensen keken alsof ik haar
mishandelde", put Veilig Thuis first; things given away for a move raised 113. Each is guarded as a class
(safety.yaml phrase_guards `other_sense`), with controls the other way: someone who does not breathe now, an adult
who hits, a farewell after a long depression. Our own sentences, none an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, LINE_113, VEILIG_THUIS, top_ids

CRISIS = {ALARM, LINE_113, VEILIG_THUIS}


@pytest.mark.parametrize(
    "text",
    [
        "twee weken geleden is mijn vader overleden aan een hartstilstand, de ambulance kwam te laat. wie helpt mijn "
        "moeder met zijn pensioen en de bank",
        "mijn zoon is vorig jaar gestorven na een ongeluk, hij was bewusteloos toen ze hem vonden. ik kan niet "
        "slapen van verdriet",
        "onze peuter van 2 slaat en schopt ons als hij zijn zin niet krijgt, hoe gaan we daarmee om",
        "mijn kleuter bijt me als ze moe is, ik word er soms zo boos van",
        "de buren keken alsof ik mijn zoon mishandelde toen hij gillend op de stoep lag",
        "mijn tante heeft haar spullen weggegeven omdat ze naar een kleiner appartement verhuist",
    ],
)
def test_a_death_story_a_toddler_an_as_if_or_a_move_raises_no_crisis_line(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not CRISIS & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    ("text", "level", "first"),
    [
        ("mijn vader is net in elkaar gezakt en ademt niet meer, is hij overleden?", "acuut-gevaar", ALARM),
        ("mijn man slaat me als onze peuter 's nachts blijft huilen", "onveilig-thuis", VEILIG_THUIS),
        (
            "mijn broer was maanden depressief en heeft opeens al zijn spullen weggegeven en neemt afscheid",
            "suicide",
            LINE_113,
        ),
    ],
)
def test_breathing_now_an_adult_who_hits_or_a_farewell_still_raise(demo, text, level, first):
    res = demo.match(text)
    assert level in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == first, top_ids(res)
