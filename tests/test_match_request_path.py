"""What a match request costs outside the full-text search (issue 14, docs/adr/0100-match-request-path.md):
the Dutch analysis, the candidate pool and the ranking do work that does not grow with the kaart, and a saved
change is applied by a worker's own follower thread, not inside somebody's request.

Speed is asserted only as a ratio of two measurements in the same run.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    """Hulpvragen of our own (never the held-out questions): the old question list and the safety sentences."""
    questions = yaml.safe_load((ROOT / "tests/eval/questions.yaml").read_text(encoding="utf-8"))
    out = [q["text"] for q in questions if str(q.get("split", "dev")) == "dev"]
    sentences = yaml.safe_load((ROOT / "tests/eval/safety_sentences.yaml").read_text(encoding="utf-8"))
    for group in sentences["groups"]:
        out += [s if isinstance(s, str) else s.get("text", "") for s in group.get("sentences", [])]
    return [t for t in out if t]


def _timed(fn, texts, docs) -> tuple[list, float]:
    t0 = time.perf_counter()
    found = [sorted(set(fn(doc))) for doc in docs]
    return found, time.perf_counter() - t0


@pytest.mark.timeout(300)
def test_the_theme_ruler_finds_what_spacys_matcher_finds_in_a_fraction_of_the_time():
    """The thesaurus phrases found in a hulpvraag are the same as with one spaCy Matcher over all ~4 800 patterns
    (which starts every pattern at every word: most of the Dutch analysis), at a fraction of its cost."""
    from spacy.matcher import Matcher

    from match.nlp import warm

    nlp = warm().nlp
    ruler = nlp.get_pipe("span_ruler")
    reference = Matcher(nlp.vocab)
    for entry in ruler.patterns:
        reference.add(repr((entry["label"], entry.get("id", ""))), [entry["pattern"]])
    texts = _texts()
    assert len(texts) > 100
    with nlp.select_pipes(disable=["span_ruler", "kaart_signal_rules", "doelgroep_ruler"]):
        docs = [nlp(t) for t in texts]  # tokens with their NORM, as the ruler sees them
    for fn in (ruler.matcher, reference):  # warm both (lexemes, caches)
        _timed(fn, texts, docs[:20])
    ours, ours_s = min((_timed(ruler.matcher, texts, docs) for _ in range(3)), key=lambda r: r[1])
    theirs, theirs_s = min((_timed(reference, texts, docs) for _ in range(3)), key=lambda r: r[1])
    assert ours == theirs
    assert sum(map(len, ours)) > 100  # the texts do name needs
    assert ours_s < 0.5 * theirs_s, (ours_s, theirs_s)
