"""A need told and then declined with a word that points back to it kept its service in the top 3 (dev s440: "Het
huishouden lukt nog net, daar hoef ik geen hulp bij", then odd jobs asked for; the Wmo household help came second).
The decline is read back to the sentence it points to (match/declined_there.py, ADR 0191). Our own sentences; the
twins: help asked or missed for it ("daar heb ik hulp bij nodig", "nooit hulp bij gehad") and a "dat" that is a
conjunction keep the need.
"""

from __future__ import annotations

import pytest

from match.nlp import Analyzer
from ontology import load_gazetteer, load_ontology

# (text, the need declined)
DECLINED = [
    (
        "Ik heb reuma. Het huishouden lukt nog net, daar hoef ik geen hulp bij. Maar ik voel me zo alleen sinds mijn "
        "man dood is.",
        "huishouden",
    ),
    (
        "Mijn administratie heb ik prima op orde. Daar hoef ik geen hulp bij. Wat ik mis is gezelschap.",
        "administratie",
    ),
    (
        "Het schoonmaken doe ik nog zelf, daar heb ik echt geen hulp bij nodig. Maar ik kom niemand meer tegen en "
        "zit de hele dag binnen.",
        "huishouden",
    ),
    (
        "Met de post en de formulieren red ik me nog, daarvoor heb ik niemand nodig. Mijn probleem is dat ik "
        "steeds somber ben.",
        "administratie",
    ),
]
KEPT = [
    ("Het huishouden lukt me niet meer sinds mijn operatie, daar heb ik hulp bij nodig.", "huishouden"),
    ("Het huishouden lukt niet meer en daar heb ik nooit hulp bij gehad. Wie kan helpen?", "huishouden"),
    ("Ik heb schulden en iedereen zegt dat ik geen hulp nodig heb, maar ik kom niet rond.", "schulden"),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(load_ontology(), load_gazetteer())


@pytest.mark.parametrize(("text", "need"), DECLINED)
def test_a_declined_need_is_no_need(analyzer: Analyzer, text: str, need: str) -> None:
    result = analyzer.analyze(text)
    assert need not in result.themes()
    assert all(h.negated for h in result.hits if h.theme_id == need)


@pytest.mark.parametrize(("text", "need"), KEPT)
def test_help_asked_or_missed_keeps_the_need(analyzer: Analyzer, text: str, need: str) -> None:
    assert need in analyzer.analyze(text).themes()
