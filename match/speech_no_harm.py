"""Another's harmless words raise no guess of danger (tester23 N-K, ADR 0179).

Why: "Mijn kleindochter van 5 zegt dat mama de leukste juf heeft gevonden voor haar. Waar is een peuterspeelzaal in
Aalten?" got the Veilig Thuis box and Veilig Thuis as the first card. No rule read a danger; the safety word model
did: a little child, "zegt dat" and "mama" are the words of many questions about a child who tells of harm at home,
so the model guessed a danger from who speaks, not from what is said. What a child (or anyone) is reported to say is
set apart here for the model's second opinion of a danger at home when it speaks of a parent ("mama", "papa": the
words of a child that the model reads as a child's worry) and holds no word of harm (`reported_speech.harm`: word
beginnings; a phrase when it has a space): the model reads the writer's own words only. When the reported words tell
a harm ("zegt dat mama haar slaat", "zegt dat papa hem opsluit") the model reads the whole text as before, and the
rules always read the whole text, and so does the model for every other level (a friend who "zegt dat hij berichten
krijgt via de nummerborden" is a psychiatric crisis told in reported words: dev a898). Reported speech is found by match/writer_speech.py (ADR 0178).

Privacy: the words are read in memory only; nothing here keeps them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from match.writer_acts import _list
from match.writer_speech import APART, parent_words, reported_apart


def _harm(words: Sequence[str]) -> bool:
    stems = _list("reported_speech", "harm")
    text = f" {' '.join(words)} "
    return any(w.startswith(s) for w in words for s in stems if " " not in s) or any(
        f" {s} " in text for s in stems if " " in s
    )


def words_for_the_model(tokens: list[str]) -> list[str]:
    """`tokens` without another's reported words that hold no harm (a new list), or `tokens` itself."""
    apart = reported_apart(tokens)
    reported = [w for w, a in zip(tokens, apart, strict=True) if a == APART and w != APART]
    # only a child's words about a parent ("zegt dat mama …"): an ex's "dat hij weet waar ik woon" is a threat the
    # harm words do not list (safety sentence s5a), so other reported words are read whole
    if not reported or not parent_words().intersection(reported) or _harm(reported):
        return tokens
    return [w for w in apart if w != APART]


def guess_apart(
    ask: Callable[[list[str], set[str]], Any], tokens: list[str], allowed: set[str], home: set[str]
) -> bool:
    """The model's guess (`ask(words, levels)`): every allowed level on the whole text; when another's harmless
    words were set apart, the danger at home only on the writer's own words. True when a level was raised."""
    words = words_for_the_model(tokens)
    if words is tokens:
        return bool(ask(tokens, allowed))
    return bool(ask(tokens, allowed - home) or ask(words, allowed & home))
