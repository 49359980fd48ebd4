"""tester12 data gaps (S05, I16, S06; ADR 0138): when the kaart has no help made for the need, the answer says so
("staat nog geen aanbod in de kaart; hier helpen ze u verder") and puts the gemeente's front door in its place; it
never invents a service. Buurtbemiddeling was the gap that was not said: a welzijnscoach "for contact met mensen"
counted as help for trouble with the neighbours (words.yaml `own-help-themes`). fix12's own sentences; the
harmless twins name the neighbours without trouble with them, or a need the kaart does serve.
"""

from __future__ import annotations

import pytest

HONEST = "nog geen aanbod in de kaart; hier helpen ze u verder"
DOOR = "svc-aalten-brede-intake"

GAPS = [
    (
        "onze bovenburen draaien elke avond keiharde muziek, we hebben al een burenruzie, wie kan helpen",
        "buren",
    ),
    ("wij hebben ruzie met de buren over de schutting, kan buurtbemiddeling helpen?", "buren"),
    ("mijn vrouw heeft alzheimer, is er dagbesteding in de buurt zodat ik een dag vrij heb", "overdag"),
    ("waar kan ik een ehbo cursus doen in aalten", "cursus"),
]
SERVED = [
    "ik ben eenzaam en ken mijn buren niet, hoe leer ik mensen kennen",
    "mijn buurman van 85 is erg eenzaam, is er iemand die hem kan bezoeken",
    "ik ben nieuw in de straat en wil mijn buren leren kennen, is er een buurthuis",
]


@pytest.mark.parametrize(("text", "need"), GAPS)
def test_a_need_without_help_on_the_kaart_is_said_honestly_in_the_top_3(demo, text, need):
    res = demo.match(text, near="Aalten", limit=5)
    top = res.results[:3]
    door = [r for r in top if r["service_id"] == DOOR]
    assert door, [r["service_id"] for r in top]
    assert HONEST in door[0]["why"] and need in door[0]["why"].lower()


@pytest.mark.parametrize("text", SERVED)
def test_neighbours_without_trouble_get_the_help_there_is_and_no_gap_line(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert not any(HONEST in r["why"] for r in res.results)
    assert res.results[0]["service_id"] != DOOR
