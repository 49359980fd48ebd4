"""Which words of a question may bring up a service on their own (ADR 0144, ADR 0152).

Why: when the matcher reads no theme it answers with the gemeente's front door, and the word search fills the
rows below it. Those rows came from words every story holds: "Drie kinderen, fulltime werk" brought the primary
school, JGZ and childcare for an exhausted parent; "'s nachts ... in bed" a complaints service for a bedwetting
question (tester14 class E, t14-07 and t14-11). A B1 reader takes such a row as advice. So, with no theme read,
a word-only hit stays only when a word of the question that is no child or family word (words.yaml `child-words`
and the `relations`) finds it on its own. A first version also left out setting words (werk, huis, brief, nacht,
verbs of coping); it lowered the synthetic kaart's held-out useful@3 below its floor (totals only read), so it was
narrowed to the person words the tester's class names.

ADR 0152 (tester15 class D): with no need read, a plain word (ontology/word-hits.yaml `plain_words`: a light verb
such as "komt", "staat", "weet", a quantifier, a word of frequency, asking for help; and spaCy's Dutch stop words)
finds no service on its own either: "Mijn schoonmoeder komt elke dag langs" brought the Welkomstgesprek for new
residents, "ik ben 11 en ... ik weet niet wat ik moet doen" Vluchtelingenwerk. A first version also did this with a
need read; on the dev questions it took away rows that had kept a wrong service out of the top 3 (synthetic wrong
3 -> 5) and the front door of a question read as several problems (demo a305), so with a need read the hits stay
as they were. The theme word model reads the question without words of time and frequency
(`model_text`): "elk weekend" alone was drinking (middelengebruik) to it.

ADR 0177 (tester22 N-H): with no need read, a word of time finds no service on its own either: "mijn puppy van 10
weken plast overal" brought a family volunteer through "weken", "blaft de hele dag" through "dag".

Privacy: the text is processed in memory only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.words import _data, fold, word_set

_WORD = re.compile(r"[^\W_]{3,}")  # letters and digits, as the index keeps a word ("wmo", "bewerking500x0")
HITS_FILE = Path(__file__).resolve().parents[1] / "ontology" / "word-hits.yaml"


@cache
def word_hits_data() -> dict[str, Any]:
    """ontology/word-hits.yaml, read once."""
    return yaml.safe_load(HITS_FILE.read_text(encoding="utf-8")) or {}


@cache
def generic_words() -> frozenset[str]:
    """Child and family words: no need on their own ("kind", "kinderen", "vader", "moeder")."""
    relations = {fold(w) for r in _data().get("relations") or () for w in r.get("words") or ()}
    return word_set("child-words") | frozenset(relations)


@cache
def plain_words() -> frozenset[str]:
    """Light verbs, quantifiers, words of frequency and Dutch stop words: no need on their own ("komt", "weet")."""
    from spacy.lang.nl.stop_words import STOP_WORDS

    return frozenset(fold(w) for w in word_hits_data().get("plain_words") or ()) | frozenset(
        fold(w) for w in STOP_WORDS
    )


@cache
def time_words() -> frozenset[str]:
    """Words of time and frequency (ontology/word-hits.yaml `time_words`): no need, and no part of a cue."""
    return frozenset(fold(w) for w in word_hits_data().get("time_words") or ())


_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?|[^\w\s]")


def model_text(text: str) -> str:
    """The question as the theme word model reads it: without words of time and frequency ("elk weekend", "elke
    avond"), which name no need."""
    times = time_words()
    kept = [m.group() for m in _TOKEN.finditer(text) if fold(m.group()) not in times]
    return " ".join(kept)


def need_word_hits(
    weights: Mapping[str, float],
    query: str,
    hits: dict[str, float],
    search: Callable[[str], dict[str, float]],
) -> dict[str, float]:
    """The word-search hits to keep: all of them when a need is read, else those a word that is no plain word, no
    word of time and no child or family word finds on its own."""
    if weights or not hits:
        return hits
    ignored = plain_words() | generic_words() | time_words()
    words = {w for w in (fold(m.group()) for m in _WORD.finditer(query)) if w not in ignored}
    found: set[str] = set()
    for word in sorted(words):
        found.update(search(word))
    return {sid: score for sid, score in hits.items() if sid in found}
