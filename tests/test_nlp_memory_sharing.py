"""Memory the matcher won back by sharing equal data (ADR 0168): the same data, read the same way, held once.

The proof that no answer changed is tools/answers_digest.py (every dev, safety and lay answer on both kaarten,
minutes); these checks are the cheap part of it: each shared structure is equal to what was built before.
"""

from __future__ import annotations

import pytest

from match import parse, signals
from match.nlp import Analyzer
from ontology import load_gazetteer, load_ontology


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(load_ontology(), load_gazetteer())


def test_blank_dutch_built_without_the_pronoun_stops_has_the_rules_of_the_rebuilt_tokenizer(monkeypatch):
    """Before: blank Dutch loaded its 4 670 special cases and `pronouns_end_sentences` replaced them all (~2.5 MB
    of every process). Now it is built without "me." and friends: the same rules in the same order, the same
    tokens, and "slaat me." still ends a sentence."""
    import spacy

    monkeypatch.setenv("KAART_NLP_MODEL", "blank")
    built, _ = parse.load_pipeline(signals.pronoun_stops())
    rebuilt = spacy.blank("nl")
    signals.pronouns_end_sentences(rebuilt)
    assert list(built.tokenizer.rules.items()) == list(rebuilt.tokenizer.rules.items())
    assert "me." not in built.tokenizer.rules and "me." in spacy.blank("nl").tokenizer.rules
    text = "Mijn man slaat me. Mevr. de Vries zegt: bel z.s.m. de huisarts, o.a. 's nachts; ME. en Me. ook."
    assert [t.text for t in built(text)] == [t.text for t in rebuilt(text)]
    signals.pronouns_end_sentences(built)  # nothing left to drop: the rules stay as they are
    assert list(built.tokenizer.rules) == list(rebuilt.tokenizer.rules)


def test_the_signal_rules_hold_one_object_per_distinct_key_set(analyzer):
    """Before: 15 164 key sets for 3 328 distinct ones in the signal rules alone (~9.5 MB with the kind rules)."""
    rules = signals._RULES[id(analyzer.nlp)]
    keys = [k for r in rules.rules for g in r.groups for item in g for k in item]
    assert len(keys) > 5_000
    assert len({id(k) for k in keys}) == len(set(keys))
    items = [item for r in rules.rules for g in r.groups for item in g]
    assert len({id(i) for i in items}) == len(set(items))


def test_the_professional_askers_are_indexed_once_per_process(analyzer):
    """The safety reading, the professional voice and the asker's role read one index (it was built three
    times, ~1.5 MB each), the same one role_spans builds."""
    from match import roles
    from match.safety import SafetyAssessor
    from match.voice import ProfessionalVoice

    onto = load_ontology()
    voice = ProfessionalVoice(onto)
    assessor = SafetyAssessor(onto, {})
    assert voice.askers.by_word is assessor.askers.by_word
    assert voice.askers.by_word is roles.phrase_index(tuple(onto.safety.professional_askers))
    assert analyzer.analyze("ik ben wijkverpleegkundige, een cliënt van mij is erg eenzaam").role_spans


def test_the_thesaurus_patterns_share_one_read_only_spec_per_word(analyzer):
    specs = [s for p in analyzer.thesaurus.patterns for s in p["pattern"] if isinstance(s.get("NORM"), str)]
    assert len({id(s) for s in specs}) == len({s["NORM"] for s in specs}) < len(specs)
