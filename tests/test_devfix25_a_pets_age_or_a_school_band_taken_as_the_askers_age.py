"""Ages read wrongly, so a service for another age came in the top 3 (ADR 0191):
- a pet's age as a person's ("mijn hondje is ingeslapen, veertien jaar is ze geworden": youth work "voor tieners"
  for a widow, dev a864; match/pet_ages.py);
- the band of the writer's own school over the age the writer states ("ik ben 17 en gestopt met mijn
  mbo-opleiding": the mbo band's typical 18 made services for adults fit, dev a879; match/stated_age.py);
- the examenklas of secondary school not read as an age ("mijn eindexamen havo": a course for adults, dev s563;
  levensfasen.yaml `vo-examenklas`).
Our own sentences, each with twins that keep their ages.
"""

from __future__ import annotations

import pytest

from match.age_reading import in_text
from match.ages import Person
from match.nlp import Analyzer
from ontology import load_gazetteer, load_ontology

PETS = [
    "Vorige week is ons hondje ingeslapen, twaalf jaar is hij geworden. Sinds mijn vrouw er niet meer is was hij alles.",
    "Onze kat van 16 moest vorige maand worden ingeslapen en nu is het zo stil in huis.",
    "Mijn poes is 18 geworden en nu is ze dood. Ik ben weduwnaar en de dagen zijn leeg.",
    "Mijn oude paard (23) is afgelopen week gestorven, ik mis hem elke dag op stal.",
]
# (text, the ages a person has)
PET_TWINS = [
    ("Onze hond is dood en mijn zoon van 9 huilt elke avond.", [9]),
    ("Mijn hond is 12 en ik ben 70, ik kan niet meer goed lopen.", [70]),
    ("Mijn dochter van 8 wil dolgraag een hondje.", [8]),
]


@pytest.mark.parametrize("text", PETS)
def test_a_pets_age_is_no_persons_age(text: str) -> None:
    assert [m.lo for m in in_text(text)] == []


@pytest.mark.parametrize(("text", "expected"), PET_TWINS)
def test_a_persons_age_near_a_pet_stays(text: str, expected: list[int]) -> None:
    assert [m.lo for m in in_text(text)] == expected


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(load_ontology(), load_gazetteer())


def _asker(analyzer: Analyzer, text: str) -> list[Person]:
    return [p for p in analyzer.analyze(text).ages.persons if p.asker]


ADULT_SERVICE = [(18, None)]


@pytest.mark.parametrize(
    "text",
    [
        "ik ben 17 en gestopt met mijn mbo-opleiding. nu zit ik thuis en weet ik niet wat ik wil.",
        "Ik ben 16, zit op het mbo maar ik wil eigenlijk gewoon werken. Wie denkt mee?",
        "ik ben 17 jaar en mijn mbo opleiding is niks voor mij. ik wil een baan zoeken.",
    ],
)
def test_a_stated_age_under_18_makes_adult_services_no_fit(analyzer: Analyzer, text: str) -> None:
    askers = _asker(analyzer, text)
    assert askers and all(p.fit(ADULT_SERVICE) is False for p in askers)


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben 24, heb mijn mbo-opleiding nooit afgemaakt en zoek nu werk.",
        "ik ben 19 en zit op het mbo, ik zoek een bijbaan",
    ],
)
def test_a_stated_adult_age_keeps_adult_services(analyzer: Analyzer, text: str) -> None:
    assert any(p.fit(ADULT_SERVICE) is True for p in _asker(analyzer, text))


@pytest.mark.parametrize(
    "text",
    [
        "over twee weken begint mijn eindexamen vwo en ik slaap slecht van de stress",
        "ik zit in de examenklas van het vmbo en ik blokkeer bij elke toets",
        "volgend jaar heb ik mijn eindexamen havo, hoe kom ik van mijn faalangst af?",
        "ik ben eindexamenkandidaat en ik ga echt dood van de stress, mijn hoofd is leeg bij toetsen",
    ],
)
def test_the_examenklas_is_a_pupils_age(analyzer: Analyzer, text: str) -> None:
    askers = _asker(analyzer, text)
    assert askers and all(p.fit(ADULT_SERVICE) is False for p in askers)


@pytest.mark.parametrize(
    "text",
    [
        "ik heb volgende week mijn rijexamen en ik ben zo zenuwachtig",
        "Mijn inburgeringsexamen is over een maand en ik slaap slecht van de stress",
    ],
)
def test_other_exams_say_no_age(analyzer: Analyzer, text: str) -> None:
    assert not any(p.typical is not None and p.typical < 18 for p in _asker(analyzer, text))
