"""An age with decimals ("2,5 jaar") was read as two ages, the second one the asker's (helper fix15, ADR 0153).

On main 42ae526 "Ik ben moeder van een meisje van 1,5 jaar en ik heb schulden." read the ages [1, 5] and the
mother as a five-year-old asker (`minors_in_need` True): the "5 jaar" after the decimal comma was read as an age of
its own, next to "ik". The one age reader (match/age_reading.py) reads the whole part only. Our own sentences; the
twins (a list "van 2, 5 en 8", an age after a comma and a space, a plain "25 jaar") keep every age.
"""

from __future__ import annotations

import pytest

from match import ages
from match.ages import minors_in_need
from match.nlp import Analyzer
from ontology import load_gazetteer, load_ontology

DECIMALS = [
    ("Ons zoontje van 2,5 jaar slaapt slecht.", [2]),
    ("Onze dochter is 3,5 jaar en praat nog niet.", [3]),
    ("mijn kleinzoon van 2.5 jaar bijt iedereen", [2]),
    ("Ik ben moeder van een meisje van 1,5 jaar.", [1]),
    ("ik heb een kind van 4,5 jr en ben zo moe", [4]),
    ("ik ben 15,5 jaar en mijn ouders gaan scheiden", [15]),
    ("Hij is 1,5 jaar oud en huilt de hele nacht", [1]),
]
TWINS = [
    ("Mijn kinderen van 2, 5 en 8 jaar maken veel ruzie.", [2, 5, 8]),
    ("Mijn dochter van 3 jaar en ik, 25 jaar, wonen samen.", [3, 25]),
    ("Ik ben 25 jaar en zoek werk.", [25]),
    ("Mijn zoon is 2,5 en mijn dochter 5 jaar.", [2, 5]),
]


@pytest.mark.parametrize(("text", "expected"), DECIMALS + TWINS)
def test_an_age_with_decimals_is_one_age(text: str, expected: list[int]) -> None:
    assert [a for _, a, _, _ in ages._numbers(text)] == expected


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(load_ontology(), load_gazetteer())


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben moeder van een meisje van 1,5 jaar en ik heb schulden.",
        "ik heb een zoon van 2,5 jaar en ik red het niet met de huur",
        "Wij hebben een tweeling van 3,5 jaar en ik zoek werk",
    ],
)
def test_the_parent_of_a_toddler_is_no_five_year_old_asker(analyzer: Analyzer, text: str) -> None:
    result = analyzer.analyze(text)
    assert 5 not in list(result.ages)
    assert not any(p.asker and p.child for p in result.ages.persons)
    assert not minors_in_need(
        result.ages, [t for t, ps in result.ages.by_need.items() if any(p.asker for p in ps)]
    )


def test_a_young_asker_with_decimals_stays_young(analyzer: Analyzer) -> None:
    result = analyzer.analyze("ik ben 15,5 jaar en mijn ouders gaan scheiden")
    assert list(result.ages) == [15]
    assert minors_in_need(result.ages)
