"""The agent of a harm verb by word order, and its kind (match/harm_reading.py, helper safety13, ADR 0142): a young
child, a thing or a person, read in a main clause, an inversion, a subordinate clause and a passive, with the age in
any form. tester14 class A: the phrase rules of ADR 0139 looked a few words before the verb only. Our own sentences.
"""

from __future__ import annotations

import re

import pytest

from match.harm_reading import PERSON, THING, UNKNOWN, YOUNG, HarmReading
from match.words import fold
from ontology import load_ontology


@pytest.fixture(scope="module")
def reading() -> HarmReading:
    return HarmReading(load_ontology().safety.phrase_guards.get("harm_reading"))


def _words(text: str) -> list[str]:
    return [fold(w) for w in re.findall(r"[\w-]+|[^\w\s]", text)]


def _kind(reading: HarmReading, text: str) -> str:
    words = _words(text)
    verbs = reading.harm_verbs(words)
    assert verbs, text
    return reading.agent_kind(words, verbs[0])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("mijn zoon (2) slaat mij", YOUNG),
        ("ons dochtertje van twee mept mij als ik nee zeg", YOUNG),
        ("sinds gisteren slaat onze zoon van 3 jaar mij", YOUNG),
        ("ik merk dat mijn peuter mij bijt", YOUNG),
        ("ik word gebeten door ons kindje van 18 maanden", YOUNG),
        ("mijn zoon is twee en als hij boos wordt slaat hij mij", YOUNG),
        ("mijn zoon van 30 slaat mij", PERSON),
        ("sinds gisteren slaat mijn man mij", PERSON),
        ("ik ben bang dat mijn vriend mij slaat", PERSON),
        ("ik word geslagen door mijn schoonvader", PERSON),
        ("mijn dochtertje is 2 en hij slaat haar", PERSON),  # no young "hij" before: not the child
        ("mijn zoontje van 2 huilt en hij slaat hem dan", PERSON),  # the child is the one hit
        ("die baan slaat me helemaal kapot", THING),
        ("het gedoe met de gemeente slaat me kapot", THING),
        ("ik heb een dochter van 4 die mij slaat", YOUNG),
        ("ik heb een man die mij slaat", PERSON),
        ("als het misgaat slaat hij mij", PERSON),  # the clause before the verb is no agent
        ("elke keer als het eten koud is slaat mijn man mij", PERSON),
        ("sinds de scheiding slaat mijn ex mij", PERSON),
        ("ik word geslagen", UNKNOWN),  # a passive without a door-phrase: not told
    ],
)
def test_agent_kind(reading, text, kind):
    assert _kind(reading, text) == kind


@pytest.mark.parametrize(
    ("text", "idiom"),
    [
        ("die formulieren maken me helemaal gek", "maakt-me-gek"),
        ("ik word er echt gek van", "ik-word-gek"),
        ("die rekeningen maken mij kapot", "maakt-me-kapot"),
        ("ik vermoord hem nog eens", "ik-vermoord-hem-nog-eens"),
        ("ik ga dood van de zenuwen", "ik-ga-dood-van"),
    ],
)
def test_figurative_idioms(reading, text, idiom):
    assert idiom in {i for _, _, i in reading.figurative(_words(text))}


@pytest.mark.parametrize(
    "text",
    [
        "hij heeft gedreigd dat hij me kapot maakt",  # another word order and a threat
        "hij maakt me af als ik het vertel",  # a threat to kill, not "kapot"
        "ik ga dood",  # no "van": not the idiom
    ],
)
def test_no_figurative_idiom(reading, text):
    assert not reading.figurative(_words(text))
