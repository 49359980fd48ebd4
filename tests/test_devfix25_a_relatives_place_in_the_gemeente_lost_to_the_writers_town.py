"""A writer who lives outside the gemeente and asks about a relative who lives in it got help measured from the
writer's own town (dev s644: the mother in Dinxperlo, the writer in Zwolle; the answer spoke of Zwolle). The kaart's
help is for the person in the gemeente: that place is used, and the message says so (ADR 0191, match/place_of_need.py).
Our own sentences; the twins: a writer who lives in the gemeente keeps his own place.
"""

from __future__ import annotations

import pytest

from match.nlp import Analyzer
from match.places import resolve_place
from ontology import load_gazetteer, load_ontology

KERNEN = {"Aalten", "Bredevoort", "Dinxperlo", "IJzerlo", "De Heurne", "Barlo", "Lintelo"}

# (text, the place help is measured from)
RELATIVE_INSIDE = [
    (
        "Sinds mijn zus de post van vader (84) doet, krijgt hij zijn rekeningen niet meer te zien. Hij woont in "
        "Dinxperlo, ik in Zwolle. Wat kan ik doen?",
        "Dinxperlo",
    ),
    (
        "Mijn vader woont in Aalten en ik woon in Utrecht. Hij vereenzaamt sinds mam dood is. Wat kan ik regelen?",
        "Aalten",
    ),
    (
        "Ik woon in Deventer. Mijn schoonmoeder van 90 woont nog zelfstandig in Bredevoort maar vergeet steeds haar "
        "pillen. Waar kunnen we terecht?",
        "Bredevoort",
    ),
    (
        "ik zelf woon in Arnhem, maar mijn oma woont in IJzerlo en redt het huishouden niet meer sinds opa er niet "
        "meer is. ik bel haar elke dag maar ik kan er niet steeds heen. wie kan daar bij haar langs?",
        "IJzerlo",
    ),
]
# the twins: the writer lives in the gemeente, or only the writer's place is told
WRITER_INSIDE = [
    (
        "Ik woon zelf in Aalten, mijn zus woont in Zwolle. Ik heb schulden en weet niet waar ik moet beginnen.",
        "Aalten",
    ),
    ("Mijn zoon woont in Arnhem maar ik woon in Dinxperlo en heb zelf schulden.", "Dinxperlo"),
    ("Ik woon in Bredevoort en mijn moeder woont in Aalten, zij is eenzaam.", "Bredevoort"),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(load_ontology(), load_gazetteer())


@pytest.mark.parametrize(("text", "place"), RELATIVE_INSIDE + WRITER_INSIDE)
def test_help_is_measured_from_the_place_in_the_gemeente(analyzer: Analyzer, text: str, place: str) -> None:
    found, _ = resolve_place(analyzer.analyze(text), None, analyzer, None, KERNEN)
    assert found is not None and found.name == place


@pytest.mark.parametrize(("text", "place"), RELATIVE_INSIDE)
def test_the_message_says_whose_place_it_is(analyzer: Analyzer, text: str, place: str) -> None:
    _, messages = resolve_place(analyzer.analyze(text), None, analyzer, None, KERNEN)
    assert any(f"vanaf {place}, waar degene woont voor wie u hulp zoekt" in m for m in messages)


def test_without_the_kaarts_kernen_the_writers_place_stays(analyzer: Analyzer) -> None:
    text = "Mijn vader woont in Aalten en ik woon in Utrecht. Hij vereenzaamt. Wat kan ik regelen?"
    found, _ = resolve_place(analyzer.analyze(text), None, analyzer, None, None)
    assert found is not None and found.name == "Utrecht"
