"""A long story read sentence by sentence: the danger told in one sentence is not drowned by the everyday ones
(issue 12 point 5, model25, ADR 0190).

Why: the safety word model reads a text as one bag of words, normalised by its length: a 16-year-old who tells of a
move, a new school and a father abroad before "gisteren heb ik opgezocht hoe hoog de brug is" reads as `geen` (0.92),
while that sentence alone reads 0.99 as suicide. Its training sentences are one or two sentences long, so its
thresholds mean what they say for a sentence, not for a page. When the whole text of three or more sentences raises
nothing, each sentence of at least `min_words` words (the model's MIN_WORDS) is read on its own, for the
kinds in `PER_SENTENCE` only (measured leave-one-author-out with tools/model25_loao.py: which kinds a sentence alone
may raise without a raise on any twin), and the one that passes its threshold by the most is the reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from match.themeclf import words_of

# a sentence ends at . ! ? or a line break followed by space; "sinds 3.5 jaar" and "o.a." stay whole
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|\n+")
# the kinds a single sentence of a longer text may raise (ADR 0190, by leave-one-author-out on twins)
PER_SENTENCE = ("suicide",)
# runs of this many adjacent sentences are read too; 1: a sentence alone (ADR 0190: runs of two put 113 on dev a328,
# a carer's "ik slaap slecht … ik hou het zo niet lang meer vol", 0.958 against 0.96 — a knife edge, not a sentence)
WINDOW = 1
# a story is three sentences or more: the training sentences are one or two sentences long, so the whole reading is
# what the thresholds were chosen for up to two (ADR 0190: two-sentence texts read per sentence raised one control of
# a measuring batch more; leave-one-author-out, 25 -> 20 suicide sentences gained, no twin raised either way)
MIN_SENTENCES = 3


def sentences(text: str, min_words: int, window: int = WINDOW) -> list[str]:
    """The sentences of a text (and its runs of up to `window` adjacent sentences), each of at least `min_words` words
    (none when the text is shorter than MIN_SENTENCES)."""
    parts = [s for s in SENTENCE_END.split(text) if s.strip()]
    if len(parts) < MIN_SENTENCES:
        return []
    runs = [" ".join(parts[i : i + n]) for n in range(1, window + 1) for i in range(len(parts) - n + 1)]
    return [r for r in runs if r != text and len(words_of(r)) >= min_words]


def story_reading(
    model: Any,
    text: str,
    professional: bool,
    limits: dict[str, float],
    group: Callable[[str], str],
    min_words: int,
    kinds: tuple[str, ...] = PER_SENTENCE,
) -> tuple[str, float]:
    """The model's reading of the whole text, or, when that raises nothing and the text has two or more
    sentences, the reading of the sentence that passes its class's threshold by the most (kinds in `kinds`)."""
    # the thresholds, the class of a kind and the shortest text come from match/safety_model.py, passed in: it
    # calls this module (no import cycle)
    whole = model.reading(text, professional)
    if _margin(whole, limits, group) >= 0:
        return whole
    best, margin = whole, -1.0
    for part in sentences(text, min_words):
        kind, p = model.reading(part, professional)
        m = _margin((kind, p), limits, group)
        if kind in kinds and m >= 0 and m > margin:
            best, margin = (kind, p), m
    return best


def _margin(reading: tuple[str, float], limits: dict[str, float], group: Callable[[str], str]) -> float:
    """How far the reading is over its class's threshold (negative: under, or a class that raises nothing)."""
    kind, p = reading
    t = limits.get(group(kind))
    return -1.0 if t is None else p - t
