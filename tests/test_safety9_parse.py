"""A parse that is no tree never fails or hangs a hulpvraag (spaCy E039, ADR 0130).

Why: the decompounder splits a word before the trained parser runs ("buurtcoach" → "buurt" "coach",
"wmo-consulent" → "wmo" "-" "consulent"), and the shipped pipeline can then make the two pieces each other's head:
a cycle, no root. On such a Doc `Span.root` raises spaCy E039 and `Token.subtree` never ends. Helper safety8 guarded
`victim_of`; the negation scope still used both, so "ik ben wmo-consulent, de man slaat zijn vrouw niet" failed the
hulpvraag and "hij is geen buurtcoach maar hij slaat me" kept a worker busy for ever. These run the shipped, trained
pipeline (as tests/test_nlp_parse.py) on texts that produced the error class, and on empty and whitespace texts.
"""

from __future__ import annotations

import pytest

from match import parse
from match.nlp import Analyzer

pytestmark = pytest.mark.skipif(
    not (parse.SHIPPED / "meta.json").is_file(), reason="no shipped pipeline: run `make nlp-model`"
)


@pytest.fixture(scope="module")
def trained() -> Analyzer:
    from ontology import load_gazetteer, load_ontology

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KAART_NLP_MODEL", str(parse.SHIPPED))
        analyzer = Analyzer(load_ontology(), load_gazetteer())
    assert analyzer.parsed, "the shipped pipeline has a parser"
    return analyzer


# each of these gets a parse with a cycle from the shipped pipeline (checked in the first test)
CYCLIC = [
    "ik ben wmo-consulent, de man slaat zijn vrouw niet",
    "hij is geen buurtcoach maar hij slaat me",
    "niet de buurtcoach maar mijn man slaat me",
    "ik ben buurtcoach, een bewoner van 60 zegt dat de overheid zijn gedachten afluistert en heeft zijn voordeur "
    "dichtgetimmerd",
    "ik ben buurtcoach, een vader zegt dat hij zijn kinderen niet slaat",
]


@pytest.mark.parametrize("text", CYCLIC)
def test_the_error_class_is_still_produced_by_the_shipped_pipeline(trained, text):
    """The texts below are the class (a parse with a cycle); if the pipeline stops producing it, pick others."""
    doc = trained.nlp(text)
    assert not parse.is_tree(doc)
    spans = list(doc.spans.get("themes", []))
    assert spans and all(parse.root_of(s) is None for s in spans)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", CYCLIC)
def test_a_parse_with_a_cycle_answers_by_the_cue_rules(trained, text):
    analysis = trained.analyze(text)  # main: RuntimeError E039 (the first) or no end at all (the second)
    assert analysis.victim is None
    assert analysis.themes(include_negated=True)


@pytest.mark.timeout(60)
def test_a_denial_on_a_parse_with_a_cycle_stays_denied(trained):
    hits = trained.analyze(CYCLIC[0]).themes(include_negated=True)
    assert hits["huiselijk-geweld"].negated


@pytest.mark.timeout(60)
def test_danger_after_a_negated_compound_stays_affirmed(trained):
    assert "huiselijk-geweld" in trained.analyze(CYCLIC[1]).themes()


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text", ["", " ", "   \n\n  ", "\t", ".", " , ", "hij slaat me  \n\n  en de kinderen"]
)
def test_empty_and_whitespace_texts_answer(trained, text):
    doc = trained.nlp(text)
    for span in doc.spans.get("themes", []):
        parse.root_of(span)  # never raises
    trained.analyze(text)


def test_an_empty_span_has_no_root(trained):
    doc = trained.nlp("mijn man slaat me")
    assert parse.root_of(doc[len(doc) : len(doc)]) is None
    assert parse.root_of(doc[0:4]) is not None


def test_a_healthy_parse_is_a_tree_and_keeps_its_victim(trained):
    assert parse.is_tree(trained.nlp("hij slaat de kinderen"))
    assert trained.analyze("hij slaat de kinderen").victim == "child"
