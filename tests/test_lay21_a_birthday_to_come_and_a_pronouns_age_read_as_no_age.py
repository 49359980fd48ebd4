"""Ages the reader missed (issue 12, ADR 0167; dev s534 and held-out kind leeftijd as classes). A birthday to come
("ik word volgende maand 18", "over twee weken word ik 18", "als ik straks 18 word") is one year younger now, so an
adults' trajectory (18+) is no fit; a pronoun's age with a little word between or as a word ("ze is twee.", "hij is
net 3") is a toddler's. Twins: a time, a count, "wordt" right before the number (read as before), strong words.
"""

from __future__ import annotations

import pytest

from match.age_reading import in_text


@pytest.mark.parametrize(
    ("text", "age", "asker"),
    [
        ("ik word volgende maand 18 en ik heb geen idee wat ik moet", 17, True),
        ("over twee weken word ik 18, wat moet ik regelen?", 17, True),
        ("ik word in maart achttien en snap niks van toeslagen", 17, True),
        ("Als ik straks 18 word, krijg ik dan studiefinanciering?", 17, True),
        ("mijn dochter wordt volgende maand 18", 17, False),
        ("Mijn dochter eet alleen pasta. Ze is twee.", 2, False),
        ("Ze is pas twee maar ze slaat en krabt", 2, False),
        ("hij gooit zich op de grond, hij is net 3", 3, False),
        ("Hij is 14 en scheldt ons de huid vol", 14, False),
    ],
)
def test_an_age_to_come_or_a_pronouns_age_is_read(text, age, asker):
    got = [(m.lo, m.asker) for m in in_text(text)]
    assert (age, asker) in got, (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "ik word er gek van",
        "het is twee uur en hij slaapt nog niet",
        "hij is net 3 dagen thuis",
        "ze is al twee weken ziek",
        "hij is twee keer gevallen",
        "hij wordt zo boos",
    ],
)
def test_a_time_a_count_or_strong_words_are_no_age(text):
    assert not in_text(text), (text, in_text(text))


def test_wordt_right_before_the_number_is_read_as_before():
    assert [m.lo for m in in_text("mijn zoon wordt 18")] == [18]


@pytest.mark.parametrize(
    "text",
    [
        "mijn zoon van 14 heeft ons huis verbouwd en nu willen we schulden regelen",  # a need read: no youth fallback
        "ik ben 15 en mijn moeder zegt dat ik lui ben",  # the writer's own age
        "mijn man van 45 is altijd moe",  # an adult
    ],
)
def test_no_upbringing_without_a_child_or_with_a_need_of_its_own(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    themes = {t["id"] for t in res.themes}
    assert "opvoeding" not in themes, (text, themes)


@pytest.mark.parametrize(
    "text",
    [
        "Hij is 14 en scheldt ons de huid vol als de wifi uitgaat, ik ben er helemaal kapot van",
        "De kleuterjuf zegt dat onze zoon (4) moeilijk contact maakt met andere kinderen. Wat nu?",
        "die kleine van ons (3) smijt elke avond zijn bord door de keuken, ik trek het echt niet meer",
        "onze dochter van 11 zit alleen nog maar op haar kamer en zegt niks meer tegen ons",
    ],
)
def test_a_child_with_an_age_and_no_need_of_its_own_is_its_upbringing(demo, text):
    themes = {t["id"] for t in demo.match(text, near="Aalten", limit=6).themes}
    assert themes & {"opvoeding", "opvoeden-opgroeien"}, (text, themes)
