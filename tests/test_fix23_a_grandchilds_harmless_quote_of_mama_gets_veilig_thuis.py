"""tester23 N-K as a class (docs/usertest/m12test23.md section 3; helper fix23, ADR 0179): "Mijn kleindochter van 5
zegt dat mama de leukste juf heeft gevonden voor haar. Waar is een peuterspeelzaal in Aalten?" got the Veilig Thuis
box and Veilig Thuis as the first card: a child's words about mama, told by an adult, were enough for the safety word
model to guess a danger at home, with no harm in what was said. Reported speech with no harm in it raises nothing;
the harm versions ("zegt dat mama haar slaat", "zegt dat papa hem opsluit") stay Veilig Thuis with the adult's box.
Sentences of our own, written before the code changed, except the one marked as tester23's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

HARMLESS_QUOTE = [
    # tester23's NF-T
    "Mijn kleindochter van 5 zegt dat mama de leukste juf heeft gevonden voor haar. Waar is een peuterspeelzaal in "
    "Aalten?",
    # our own
    "Mijn kleindochter van 5 zegt dat mama de leukste juf heeft.",
    "Ons buurjongetje van 6 vertelt steeds dat papa met hem gaat vissen. Is er een visclub voor kinderen?",
    "mijn kleinzoon (4) zei dat zijn moeder een nieuwe oppas heeft geregeld, waar vind ik een speeltuin in Aalten?",
    "Het dochtertje van mijn zus zegt dat mama elke avond voorleest. Waar is de bibliotheek?",
    "Mijn kleindochter van 7 vertelde dat papa haar heeft leren fietsen. Waar kan ze op zwemles?",
    "de kleine van de overburen zegt dat mama zwanger is, weet iemand een goede kraamzorg in Aalten?",
]

HARM_QUOTE = [
    "Mijn kleindochter van 5 zegt dat mama haar slaat als ze huilt.",
    "Het buurjongetje van 7 zegt dat papa hem opsluit in de kelder.",
    "Mijn kleinzoon van 6 vertelde dat zijn vader hem met een riem slaat. Wat moet ik doen?",
    "Het dochtertje van mijn zus zegt dat mama haar geen eten geeft als ze stout is.",
    "Mijn kleindochter van 4 zei dat de vriend van mama haar pijn doet.",
    "De buurjongen van 8 zegt dat zijn moeder hem schopt en ik zie blauwe plekken.",
]


@pytest.mark.parametrize("text", HARMLESS_QUOTE)
def test_a_childs_harmless_words_about_mama_told_by_an_adult_raise_nothing(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert not res.safety_levels, (text, res.safety_levels)
    assert VEILIG_THUIS not in top_ids(res, 5), (text, top_ids(res, 5))


@pytest.mark.parametrize("text", HARM_QUOTE)
def test_twin_a_childs_words_of_harm_keep_veilig_thuis_and_the_adults_box(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert "onveilig-thuis" in res.safety_levels, (text, res.safety_levels)
    assert VEILIG_THUIS in top_ids(res, 2), (text, top_ids(res, 5))
    assert res.register == "u", (text, res.register)
