"""A strong idiom meant figuratively ("maakt me gek", "ik word gek", "maakt me kapot", "sloopt me", "ik vermoord hem
nog eens") is no act of harm: the danger rules do not read its words (helper safety13, ADR 0142; tester14 class A).
A threat told with it, and real violence told next to it, still raise. Sentences are our own, none a tester's or an
eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, LINE_113, VEILIG_THUIS, themes_of, top_ids

CRISIS_LINES = {VEILIG_THUIS, ALARM, LINE_113}


@pytest.mark.parametrize(
    "text",
    [
        "Mijn dochter van 15 maakt me gek, ze ligt tot 12 uur in bed en doet niks op school.",
        "Mijn schoonvader belt elke dag drie keer, ik word er gek van.",
        "Mijn zus vraagt steeds geld en ik word horendol van haar.",
        "Mijn zoon van 16 zit de hele nacht te gamen, ik vermoord hem nog eens.",
        "Ik ga dood van de zenuwen voor de rechtszaak over mijn schulden.",
        "Mijn moeder van 80 belt tien keer per dag, ze maakt me gek.",
        "Mijn collega's maken me gek met hun geroddel.",
        "Mijn tienerzoon maakt me gek, hij zit alleen maar op zijn telefoon.",
        "Ik word gek van mijn ex, hij komt nooit op tijd om de kinderen op te halen.",
        "De herrie van de bovenburen maakt me echt gek, elke nacht.",
        "Dat hele gedoe met de toeslagen maakt me helemaal gek.",
    ],
)
def test_a_figurative_idiom_raises_no_danger(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not CRISIS_LINES & set(top_ids(res)), top_ids(res)


def test_the_everyday_need_next_to_the_idiom_stays(demo):
    assert "inkomen-toeslagen" in themes_of(
        demo.match("Dat hele gedoe met de toeslagen maakt me helemaal gek.")
    )
    assert "burenoverlast" in themes_of(
        demo.match("De herrie van de bovenburen maakt me echt gek, elke nacht.")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Mijn ex heeft gedreigd dat hij me kapot maakt als ik naar de politie ga.",
        "Hij maakt me gek, hij zegt steeds dat ik niks waard ben en scheldt me uit.",
        "Mijn vriend maakt me gek, hij leest al mijn berichten en ik mag niemand meer zien.",
        "Mijn vrouw slaat mij en maakt me gek met haar gescheld.",
    ],
)
def test_a_threat_or_abuse_next_to_the_idiom_still_raises(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
