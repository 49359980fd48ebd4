"""With no need read, words alone bring up a service only through a word that can name a need (ADR 0144).

Why: when the matcher reads no theme it answers with the gemeente's front door, and the word search fills the
rows below it. Those rows came from words every story holds: "Drie kinderen, fulltime werk" brought the primary
school, JGZ and childcare for an exhausted parent; "'s nachts ... in bed" a complaints service for a bedwetting
question (tester14 class E, t14-07 and t14-11). A B1 reader takes such a row as advice. So, with no theme read,
a word-only hit stays only when a word of the question that is no child or family word (words.yaml `child-words`
and the `relations`) finds it on its own. With a theme read nothing changes: the word search then only adds to
services the needs already rank. A first version also left out setting words (werk, huis, brief, nacht, verbs of
coping); it lowered the synthetic kaart's held-out useful@3 below its floor (totals only read), so it was narrowed
to the person words the tester's class names.

Privacy: the text is processed in memory only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache

from match.words import _data, fold, word_set

_WORD = re.compile(r"[^\W_]{3,}")  # letters and digits, as the index keeps a word ("wmo", "bewerking500x0")


@cache
def generic_words() -> frozenset[str]:
    """Child and family words: no need on their own ("kind", "kinderen", "vader", "moeder")."""
    relations = {fold(w) for r in _data().get("relations") or () for w in r.get("words") or ()}
    return word_set("child-words") | frozenset(relations)


def need_word_hits(
    weights: Mapping[str, float],
    query: str,
    hits: dict[str, float],
    search: Callable[[str], dict[str, float]],
) -> dict[str, float]:
    """The word-search hits to keep: all of them when a need is read, else those a non-generic word finds."""
    if weights or not hits:
        return hits
    generic = generic_words()
    words = {w for w in (fold(m.group()) for m in _WORD.finditer(query)) if w not in generic}
    found: set[str] = set()
    for word in sorted(words):
        found.update(search(word))
    return {sid: score for sid, score in hits.items() if sid in found}
