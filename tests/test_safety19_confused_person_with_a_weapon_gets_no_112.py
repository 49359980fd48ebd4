"""A danger FRAME, not a verb: a confused or psychotic person with a weapon in any wording, or voices that command
harm to others, is acute danger: 112 first, then the huisarts (tester18 BROKEN B1, class 1; helper safety19,
ADR 0161). "loopt met een mes rond" worked; "draagt een keukenmes bij zich", "heeft een mes in zijn jaszak" and
"stemmen die zeggen dat hij iemand pijn moet doen" fell through to the huisarts alone.

Sentences are our own, written before the code changed, except the one marked as tester18's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, HUISARTS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        # tester18 R1.0 (docs/usertest/m12test18.md)
        "Mijn zoon van 24 is al dagen in de war, zegt dat de stemmen hem opdrachten geven en hij draagt een "
        "keukenmes bij zich.",
        "mijn broer is psychotisch en heeft een mes in zijn jaszak",
        "Mijn dochter hoort stemmen en slaapt sinds een week met een mes onder haar kussen.",
        "Mijn moeder is erg verward, denkt dat de buren haar vergiftigen en heeft net een schaar gepakt.",
        "Mijn vriend hoort stemmen die zeggen dat hij iemand pijn moet doen.",
        "onze zoon hoort stemmen en die zeggen hem dat hij zijn zus iets moet aandoen",
        "mn broer hoort stemme in zn hoofd en heeft de hele dag een zakmes in zn broekzak",
        "Mijn vader (58) denkt dat hij achtervolgd wordt en hij droeg gisteren een groot mes bij zich.",
    ],
)
def test_a_confused_person_with_a_weapon_or_commanding_voices_gets_112_first(demo, text):
    res = demo.match(text)
    assert res.safety_levels and res.safety_levels[0] == "acuut-gevaar", res.safety_levels
    assert top_ids(res)[0] == ALARM, top_ids(res)
    assert HUISARTS in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zoon is kok en neemt zijn eigen messen mee naar zijn werk.",
        "Mijn broer hoort stemmen en slaapt slecht, hij is al dagen erg in de war.",
        "ons zoontje van 10 snijdt graag met zijn zakmes figuurtjes uit hout",
        "Mijn moeder met dementie is in de war en kan haar mes en vork niet goed meer vasthouden.",
        "mijn dochter hoort stemmen die zeggen dat ze niks waard is",
        "Mijn zus is verward en knipt met een schaar al haar oude foto's kapot.",
    ],
)
def test_voices_without_harm_or_a_knife_without_confusion_get_no_112(demo, text):
    res = demo.match(text)
    assert "acuut-gevaar" not in res.safety_levels, res.safety_levels
    assert ALARM not in top_ids(res), top_ids(res)
