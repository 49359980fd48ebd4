"""tester16 BROKEN 10 and class F as a class (ADR 0156): the register read from the writer's own words. An adult
writing about a father of 78 got "je" (a parent that old makes the writer an adult; so does a grandchild of the
writer's own); a child writing lower-case with a bare "papa", a spoken "mn", and young spelling got "u" when no
need was read. The twins: a child naming a young parent's age, an adult who writes sloppily about their own
parent or child. Sentences of our own, written before the change was made.
"""

from __future__ import annotations

import pytest

ADULT_BY_OWN_WORDS = [
    "Mijn vader van 78 praat ineens heel raar en zijn mondhoek hangt scheef.",
    "Mijn moeder van 82 valt steeds en ik weet niet wat ik moet doen.",
    "mijn pa van 70 vergeet alles, wie kan helpen",
    "Mijn moeder (80) is eenzaam sinds mijn vader dood is.",
    "Mijn kleinzoon logeert vaak bij mij en ik wil weten of er hulp is als ik zelf ziek word.",
    "mn vader van 85 wil niet meer eten en ik weet nie wat ik moet doen",
]
YOUNG_WITHOUT_A_NEED = [
    "papa en ik hebben steeds ruzie en ik wil nie meer thuis zijn",
    # "als mama" read as "when mum …" when the parent begins a clause of their own (match/writer_acts.py
    # `when_parent`, ADR 0169; the measured lay batches keep their floors)
    "als mama weer huilt ga ik maar naar me kamer",
    "mn moeder doet zo raar de laatste tijd en ik weet nie wat ik moet doen",
    "papa is altijd boos op mij en ik weet nie wat ik moet doen",
    "mama zegt dat ik nix goed doe, wie kan mij helpe",
]
ADULT_SLOPPY = [
    "de papa van mijn kinderen betaalt nie mee, wie kan helpen",
    "me moeder wil nie naar een verpleeghuis, wat nu",
    "mn man en ik hebben steeds ruzie en ik weet nie wat ik moet doen",
    "ff een vraag: mn schoonmoeder doet zo raar, wie kan helpen",
]


@pytest.mark.parametrize("text", ADULT_BY_OWN_WORDS)
def test_a_writer_whose_parent_is_old_or_who_has_a_grandchild_gets_u(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert res.register == "u", (text, res.register)


@pytest.mark.parametrize("text", YOUNG_WITHOUT_A_NEED)
def test_a_young_hand_gets_je_even_when_no_need_is_read(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert res.register == "je", (text, res.register, [t["id"] for t in res.themes])


@pytest.mark.parametrize("text", ADULT_SLOPPY)
def test_twin_an_adult_who_writes_sloppily_about_family_keeps_u(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert res.register == "u", (text, res.register)
