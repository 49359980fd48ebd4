"""tester17/lay19's open class (ADR 0163): a child who asks about its own sums or marks in a young hand, without a
school word ("wie kan mij helpe met rekenen want ik ben er slegt in", "kan iemand me helpen met taal ik haal alleen
maar onvoldoendes"), got "u" and the adult literacy course. Marks are a pupil's own ("ik haal onvoldoendes"), and a
young hand shows in its spelling: an ending that lost its n ("helpe", "stope") or a ch written g ("slegt", "nog
slegter"). The twins: an adult who learns to read or do sums keeps "u" and the course. Sentences of our own,
written before the change was made.
"""

from __future__ import annotations

import pytest

from match.words import fold
from match.young_hand import young_hand

COURSE = "svc-bibliotheek-basisvaardigheden"

YOUNG_HAND = [
    "wie kan mij helpe met rekenen want ik ben er slegt in",
    "kan iemand me helpen met taal ik haal alleen maar onvoldoendes",
    "ik haal steeds onvoldoendes voor rekenen, wie kan me helpen",
    "ik ben heel slegt in lezen wie kan me helpe",
    "ik heb weer een onvoldoende voor taal en ik snap het nie",
    "kan iemand mij helpe met spelling ik maak zoveel fouten",
    "ik krijg alleen maar onvoldoendes en ik weet nie wat ik moet doen",
    "ik ben slegt in rekenen en taal, kan iemand helpe",
]

ADULT_LEARNING = [
    "ik kan niet goed lezen en schrijven, ik ben 45",
    "Ik ben 52 en heb moeite met rekenen, bijvoorbeeld met mijn geld en de bonnetjes.",
    "ik wil beter leren rekenen voor mijn werk in de winkel",
    "Mijn man kan niet goed lezen en schrijven. Waar kan hij een cursus volgen?",
    "ik ben slecht in spelling en wil beter leren schrijven, ik ben 60",
    "Ik heb vroeger nooit goed leren lezen en wil dat nu alsnog, waar kan dat?",
]


def _tokens(text: str) -> list[str]:
    import re

    return [fold(w) for w in re.findall(r"\w+|[^\w\s]", text)]


@pytest.mark.parametrize("text", YOUNG_HAND)
def test_a_young_hand_asking_about_its_own_sums_or_marks_is_a_school_child(demo, text):
    assert young_hand(_tokens(text)), text
    res = demo.match(text, near="Aalten", limit=5)
    top = [r["service_id"] for r in res.results[:3]]
    assert res.register == "je", (text, res.register)
    assert top[0] != COURSE, (text, top)


@pytest.mark.parametrize("text", ADULT_LEARNING)
def test_twin_an_adult_learning_to_read_or_do_sums_keeps_u_and_the_course(demo, text):
    assert not young_hand(_tokens(text)), text
    res = demo.match(text, near="Aalten", limit=5)
    top = [r["service_id"] for r in res.results[:3]]
    assert res.register == "u", (text, res.register)
    assert COURSE in top, (text, top)
