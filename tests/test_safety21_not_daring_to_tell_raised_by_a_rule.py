"""B8 of tester20 ("Na 20 jaar ontslagen en ik durf het mijn vrienden niet te vertellen" → Veilig Thuis) is the word
model's (model21 owns it): no RULE reads shame about a dismissal, debts or a bad mark as a secret of danger. This
checks the rule side only (helper safety21, ADR 0170): the analysis has no danger hit for these sentences, and a
secret told with a perpetrator or a victim keeps its rule hit. Sentences are our own, except tester20's.
"""

from __future__ import annotations

import pytest

DANGER = {
    "huiselijk-geweld",
    "kindermishandeling",
    "ouderenmishandeling",
    "seksueel-geweld",
    "veiligheid",
    "acuut-gevaar",
    "suicidaliteit",
    "uitbuiting",
}


@pytest.fixture(scope="module")
def analyzer():
    from match.nlp import Analyzer
    from ontology import load_gazetteer, load_ontology

    return Analyzer(load_ontology(), load_gazetteer())


@pytest.mark.parametrize(
    "text",
    [
        # tester20's B8 (docs/usertest/m12test20.md)
        "Na 20 jaar ontslagen en ik durf het mijn vrienden niet te vertellen",
        "Ik durf het mijn vrienden niet te vertellen.",
        "ik heb schulden en ik durf het niet aan mijn vrouw te vertellen",
        "Mijn zoon heeft een onvoldoende en durft het niet thuis te vertellen.",
        "Ik ben gezakt voor mijn rijexamen en durf het niemand te zeggen.",
        "mijn moeder van 80 is gevallen maar durft het niet aan de dokter te vertellen",
    ],
)
def test_shame_about_not_daring_to_tell_has_no_danger_rule_hit(analyzer, text):
    hits = {h.theme_id for h in analyzer.analyze(text).hits if not h.negated}
    assert not hits & DANGER, hits


@pytest.mark.parametrize(
    "text",
    [
        "Mijn stiefvader slaat me en ik durf het niemand te vertellen.",
        "mijn oom zit aan me en ik durf het niet aan mama te vertellen",
    ],
)
def test_a_secret_with_a_perpetrator_keeps_its_rule_hit(analyzer, text):
    hits = {h.theme_id for h in analyzer.analyze(text).hits if not h.negated}
    assert hits & DANGER, hits
