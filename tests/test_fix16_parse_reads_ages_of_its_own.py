"""match/parse.py read ages of its own (helper fix16, ADR 0160; continues ADR 0153).

The one reader of ages is match/age_reading.py, but parse.py kept two: `transition_ages` (the transition to
adulthood told as "18-/18+", read as the years 16-23) and `_age_after` ("broertje van 7" on the pipeline's tokens,
for who is in danger). Characterisation first: what both returned on main 896d971, our own sentences, committed
before they moved (`parse.transition_ages` is now `age_reading.transition_ages`; `parse._age_after` calls
`age_reading.van_age`); then that parse.py keeps no copy. Behaviour unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from match import age_reading, parse

TRANSITION = [
    ("Ik ben 17 en zit in de overgang 18-/18+.", [16, 23]),
    ("De overgang 18-18+ is lastig", [16, 23]),
    ("18min/18plus: wie helpt?", [16, 23]),
    ("18 - / - 18 +", [16, 23]),
    ("jongeren 18-/ 18 plus", [16, 23]),
    ("Hij is 18-18PLUS", [16, 23]),
    ("mijn zoon wordt 18 en moet van de jeugdhulp af", []),
    ("18+ en 18- apart", []),
    ("wat gebeurt er bij 18-?", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), TRANSITION)
def test_the_transition_to_adulthood_is_the_years_16_to_23(text: str, expected: list[int]) -> None:
    assert age_reading.transition_ages(text) == expected


AFTER = [
    ("mijn broertje van 7 wordt geslagen", [(1, 7)]),
    ("Hij heeft mijn zoon van 34 jaar geslagen", [(3, 34)]),
    ("de buurman van 111 slaat", []),
    ("oma van 0 en opa van 110", [(0, 0), (4, 110)]),
    ("kind van zeven", []),
    ("zoon van 12a", []),
    ("dochter Van 9", [(0, 9)]),
    ("van 5", []),
    ("ze is van 2020", []),
    ("hij van", []),
]


@pytest.mark.parametrize(("text", "expected"), AFTER)
def test_an_age_right_after_a_noun_on_the_tokens(text: str, expected: list[tuple[int, int]]) -> None:
    doc = spacy.blank("nl")(text)
    got = [(t.i, parse._age_after(t)) for t in doc if parse._age_after(t) is not None]
    assert got == expected
    words = [t.text for t in doc]
    assert [
        (i, age_reading.van_age(words, i + 1))
        for i in range(len(words))
        if age_reading.van_age(words, i + 1) is not None
    ] == expected


def test_parse_keeps_no_age_reading_of_its_own() -> None:
    source = (Path(parse.__file__)).read_text(encoding="utf-8")
    assert "TRANSITION_18 = re.compile" not in source
    assert "AGE_IN_TEXT" not in source
    assert not hasattr(parse, "transition_ages")
