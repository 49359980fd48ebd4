"""Characterisation of the four age readers before they became one (helper fix15, ADR 0153).

Ages were read in four places: match/ages.py (the ages of a question, on the text), match/harm_reading.py
(`_age_after`: an age right after a noun, on the words), match/told_age.py (an age told in a clause of its own) and
match/signals.py (`VictimAge._ages`: the ages that tell an older victim). These sentences are our own; the expected
values are what each reader returned on main 42ae526, written down BEFORE the readers were moved into
match/age_reading.py. A change here is a change of behaviour: it needs a reason in ADR 0153 and a test of its own.

Per sentence: (text, numbers, after, told, victim)
- numbers: match/ages.py `_numbers` as (character offset, age, asker);
- after: for every word position j, the harm reading's `_age_after(words, j, len(words))` when it reads an age, as
  (j, age, end);
- told: for every child word of `told_age.heads`, the age told later in a clause of its own (None: none);
- victim: `VictimAge._ages(words)`.
"""

from __future__ import annotations

import re

import pytest

from match import ages
from match.harm_reading import HarmReading, Phrase
from match.signals import VictimAge
from match.words import fold
from ontology import load_ontology


@pytest.fixture(scope="module")
def readers() -> tuple[HarmReading, VictimAge]:
    onto = load_ontology()
    return (
        HarmReading(onto.safety.phrase_guards.get("harm_reading")),
        VictimAge(getattr(onto.safety, "victim_age", None) or {}),
    )


def _words(text: str) -> list[str]:
    return [fold(w) for w in re.findall(r"[\w-]+|[^\w\s]", text)]


CASES = [
    (
        "Mijn dochter van 15 is erg somber.",
        ((13, 15, False),),
        ((2, 15.0, 4), (3, 15.0, 4)),
        ((1, None),),
        (15,),
    ),
    (
        "Moeder (34) heeft schulden.",
        ((0, 34, False),),
        ((1, 34.0, 4), (2, 34.0, 4)),
        (),
        (34,),
    ),
    (
        "Ik heb kinderen van 6 en 8 en ik red het niet.",
        ((16, 6, False), (25, 8, False)),
        ((3, 6.0, 5), (4, 6.0, 5), (6, 8.0, 7)),
        (),
        (6,),
    ),
    (
        "Ik ben 15 jaar en mijn ouders gaan scheiden.",
        ((3, 15, True),),
        ((2, 15.0, 4),),
        (),
        (15,),
    ),
    (
        "Onze zoon (9 jaar) wordt gepest.",
        ((11, 9, True),),
        ((2, 9.0, 6), (3, 9.0, 6)),
        ((1, None),),
        (9,),
    ),
    (
        "Ik heb drie kinderen (4, 9 en 13), de oudste spijbelt.",
        ((22, 4, False), (25, 9, False), (30, 13, False)),
        ((2, 3.0, 3), (4, 4.0, 6), (5, 4.0, 6), (7, 9.0, 8), (9, 13.0, 11)),
        ((13, None),),
        (4,),
    ),
    (
        "Ons zoontje van 2,5 jaar slaapt slecht.",
        ((12, 2, False),),  # main read (18, 5, True) too: a five-year-old asker (ADR 0153, decimals test)
        ((2, 2.0, 4), (3, 2.0, 4), (5, 5.0, 7)),
        (),
        (2,),
    ),
    (
        "Mijn broer is 15 jr en blowt veel.",
        ((11, 15, False), (14, 15, False)),
        ((2, 15.0, 5), (3, 15.0, 5)),
        (),
        (15,),
    ),
    (
        "Ik ben een tiener en ik voel me alleen.",
        (),
        ((2, 1.0, 3),),
        (),
        (),
    ),
    (
        "Onze peuter bijt als hij zijn zin niet krijgt.",
        (),
        (),
        (),
        (),
    ),
    (
        "Een baby van 4 maanden die veel huilt.",
        ((9, 0, False),),
        ((0, 1.0, 1), (2, 0.3333333333333333, 5), (3, 0.3333333333333333, 5)),
        (),
        (),
    ),
    (
        "Ik zit al 2 jaar thuis zonder werk.",
        (),
        ((3, 2.0, 5),),
        (),
        (),
    ),
    (
        "Mijn man is 3 jaar geleden overleden.",
        (),
        (),
        (),
        (),
    ),
    (
        "Ik ben moeder van 2 en heb geen geld.",
        (),
        ((3, 2.0, 5), (4, 2.0, 5)),
        (),
        (2,),
    ),
    (
        "Hij is vader van drie kinderen.",
        (),
        ((3, 3.0, 5), (4, 3.0, 5)),
        (),
        (),
    ),
    (
        "Mijn zoon is zes jaar oud en plast in bed.",
        ((10, 6, False),),
        ((2, 6.0, 6), (3, 6.0, 6)),
        ((1, None),),
        (),
    ),
    (
        "Ik woon twee jaar in Nederland.",
        (),
        ((2, 2.0, 4),),
        (),
        (),
    ),
    (
        "m17 zoekt hulp",
        ((0, 17, True),),
        (),
        (),
        (),
    ),
    (
        "17j en ik weet het niet meer",
        ((0, 17, True),),
        (),
        (),
        (),
    ),
    (
        "De 80-jarige buurvrouw heeft blauwe plekken.",
        ((3, 80, False),),
        (),
        (),
        (80,),
    ),
    (
        "Mijn oma van 84 wordt geslagen door haar zoon.",
        ((9, 84, False),),
        ((2, 84.0, 4), (3, 84.0, 4)),
        ((8, None),),
        (84,),
    ),
    (
        "Mijn vader (84) valt steeds.",
        ((5, 84, False),),
        ((2, 84.0, 5), (3, 84.0, 5)),
        (),
        (84,),
    ),
    (
        "Mijn vriend (4 jaar samen) slaat me.",
        ((13, 4, True),),
        (),
        (),
        (),
    ),
    (
        "Mijn zoon schopt als hij boos is, hij is 3.",
        ((38, 3, False),),
        ((9, 3.0, 11), (10, 3.0, 11)),
        ((1, 3.0),),
        (3,),
    ),
    (
        "Mijn dochter bijt en ze is pas twee.",
        ((21, 2, False),),  # lay21 (ADR 0167): a pronoun's age with "pas" and a number word is read now
        ((7, 2.0, 8),),
        ((1, 2.0),),
        (),
    ),
    (
        "Mijn zoon slaat mij. Hij is net 4 geworden.",
        (),
        ((8, 4.0, 9),),
        ((1, 4.0),),
        (),
    ),
    (
        "Mijn zoon slaat zijn zusje, hij is 18 maanden.",
        ((32, 0, False),),
        ((7, 1.5, 10), (8, 1.5, 10)),
        ((1, 1.5), (4, None)),
        (),
    ),
    (
        "Mijn zoon slaat mij, hij is 3 jaar ouder dan zijn zus.",
        ((25, 3, False),),
        ((6, 3.0, 9), (7, 3.0, 9)),
        ((1, None),),
        (3,),
    ),
    (
        "Mijn man schopt mij waar onze zoon bij is, die is 3.",
        ((47, 3, False),),
        ((11, 3.0, 13), (12, 3.0, 13)),
        ((6, None),),
        (3,),
    ),
    (
        "Mijn opa zegt dat is 70 jaar geleden gebeurd.",
        (),
        (),
        (),
        (),
    ),
    (
        "Ik ben 30 weken zwanger en bang.",
        (),
        ((2, 2.5, 4),),
        (),
        (),
    ),
    (
        "Ons zoontje van anderhalf slaat ons.",
        # fix16 (ADR 0160): "anderhalf" is a number word now, as the harm reading already read it
        ((12, 1, False),),
        ((2, 1.0, 4), (3, 1.0, 4)),
        (),
        (),
    ),
    (
        "Mijn moeder van 79 kan niet meer alleen douchen.",
        ((12, 79, False),),
        ((2, 79.0, 4), (3, 79.0, 4)),
        (),
        (79,),
    ),
    (
        "Het kost 10 euro per maand.",
        (),
        ((2, 10.0, 3),),
        (),
        (),
    ),
    (
        "Ik ben 45, mijn ouders maken ruzie.",
        ((3, 45, True),),
        ((2, 45.0, 3),),
        (),
        (45,),
    ),
    (
        "Ik ben een meid van 16 en word gepest.",
        ((16, 16, True),),
        ((2, 1.0, 3), (4, 16.0, 6), (5, 16.0, 6)),
        ((3, None),),
        (16,),
    ),
    (
        "ben 17 en woon nog thuis",
        ((0, 17, True),),
        ((1, 17.0, 2),),
        (),
        (17,),
    ),
    (
        "Mijn dochter (2) slaat mij.",
        ((5, 2, False),),
        ((2, 2.0, 5), (3, 2.0, 5)),
        ((1, None),),
        (2,),
    ),
    (
        "Ons dochtertje van twee mept mij.",
        ((15, 2, False),),
        ((2, 2.0, 4), (3, 2.0, 4)),
        (),
        (),
    ),
    (
        "Mijn man van 3 jaar getrouwd slaat me.",
        (),  # was ((9, 3, False),): a husband "of 3 years married" is no three-year-old (lead, tester17's durations)
        (),
        (),
        (),
    ),
    (
        "Mijn partner (3) slaat me.",
        ((5, 3, False),),
        ((2, 3.0, 5), (3, 3.0, 5)),
        (),
        (3,),
    ),
    (
        "Mijn zoon van 19 schopt en slaat mij als hij geen geld krijgt.",
        ((10, 19, False),),
        ((2, 19.0, 4), (3, 19.0, 4)),
        ((1, None),),
        (19,),
    ),
    (
        "Ik ben 78 en eenzaam.",
        ((3, 78, True),),
        ((2, 78.0, 3),),
        (),
        (78,),
    ),
    (
        "Mijn kinderen zijn 4 en 7 en ik ben op.",
        ((14, 4, False), (24, 7, False)),
        ((3, 4.0, 4), (5, 7.0, 6)),
        (),
        (),
    ),
    (
        "Mijn zus is 12 en ze huilt veel.",
        ((9, 12, False),),
        ((2, 12.0, 4), (3, 12.0, 4)),
        (),
        (12,),
    ),
    (
        "Ik woon hier al 17 jaar en ken niemand.",
        (),
        ((4, 17.0, 6),),
        (),
        (),
    ),
    (
        "Mijn dochter wordt 18 en dan stopt de jeugdhulp.",
        ((13, 18, False),),
        ((2, 18.0, 4), (3, 18.0, 4)),
        ((1, None),),
        (18,),
    ),
    (
        "Mijn kleindochter is 14 jaar, ze wordt geslagen door haar stiefvader.",
        ((18, 14, False),),
        ((2, 14.0, 5), (3, 14.0, 5)),
        ((1, None),),
        (14,),
    ),
    (
        "Mijn moeder, 82 jaar, wordt bestolen door haar buurman.",
        ((13, 82, True),),
        ((3, 82.0, 5),),
        (),
        (),
    ),
    (
        "Een jongen van 13 jr die niet naar school gaat.",
        ((11, 13, False), (15, 13, False)),
        ((0, 1.0, 1), (2, 13.0, 5), (3, 13.0, 5)),
        ((1, None),),
        (13,),
    ),
    (
        "Ik ben 16 jaar oud en zwanger.",
        ((3, 16, True),),
        ((2, 16.0, 5),),
        (),
        (16,),
    ),
    (
        "Mijn zoon van 7 maanden huilt de hele dag.",
        ((10, 0, False),),
        ((2, 0.5833333333333334, 5), (3, 0.5833333333333334, 5)),
        ((1, None),),
        (),
    ),
    (
        "Hij werkt 40 uur en is 50 jaar.",
        ((20, 50, False),),
        ((2, 40.0, 3), (5, 50.0, 8), (6, 50.0, 8)),
        (),
        (50,),
    ),
]


def test_there_are_at_least_forty_sentences() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("text", "numbers", "after", "told", "victim"), CASES, ids=[c[0][:40] for c in CASES]
)
def test_every_age_reader_reads_what_it_read_before(readers, text, numbers, after, told, victim) -> None:
    harm, victim_age = readers
    words = _words(text)
    assert tuple((o, a, asker) for o, a, _, asker in ages._numbers(text)) == numbers
    got_after = []
    for j in range(len(words)):
        age, end = harm._age_after(words, j, len(words))
        if age is not None:
            got_after.append((j, age, end))
    assert tuple(got_after) == after
    got_told = tuple(
        (i, harm._told_age(words, Phrase(i, i + 1, w)))
        for i, w in enumerate(words)
        if w in harm.told_age.heads
    )
    assert got_told == told
    assert tuple(victim_age._ages(words)) == victim


# -- the one reader (match/age_reading.py) -------------------------------------------------------------------------


def test_the_text_reader_gives_records_with_the_person_word() -> None:
    from match.age_reading import STATED, in_text

    found = in_text("Mijn dochter van 15 is somber en ik ben 42.")
    assert [(m.person, m.age, m.sure, m.asker) for m in found] == [
        ("dochter", 15, STATED, False),
        ("ik", 42, STATED, True),
    ]
    assert all(m.start < m.end for m in found)


def test_age_words_read_their_typical_age() -> None:
    from match.age_reading import WORD, word_ages

    found = word_ages([(0, "onze"), (5, "peuter"), (12, "en"), (15, "tiener")])
    assert [(m.person, m.age, m.sure, m.start) for m in found] == [
        ("peuter", 2, WORD, 5),
        ("tiener", 15, WORD, 15),
    ]


def test_the_victim_reader_gives_bands_for_band_words(readers) -> None:
    _, victim_age = readers
    found = victim_age.reader.stated(_words("De bejaarde buurman en een peuter van 3"))
    assert [(m.person, m.lo, m.hi) for m in found] == [
        ("peuter", 3, 3),
        ("bejaarde", 65, None),
        ("peuter", 0, 17),
    ]


def test_no_module_keeps_its_own_copy_of_the_age_reader() -> None:
    """The readers that were copies call match/age_reading.py: no number reading of their own is left."""
    from pathlib import Path

    import match.ages as ages_module
    import match.harm_reading as harm_module
    import match.signals as signals_module

    assert not (Path(ages_module.__file__).parent / "told_age.py").exists()
    for module, names in (
        (ages_module, ("AGE", "MORE_AGES", "BRACKET_AGE", "is_duration", "in_months", "_number_words")),
        (harm_module, ("_number",)),
        (signals_module, ("_JARIG",)),
    ):
        assert not [
            n for n in names if hasattr(module, n) or hasattr(getattr(module, "HarmReading", None), n)
        ]
    assert "age_reading" in Path(harm_module.__file__).read_text(encoding="utf-8")
