"""Help someone already gives is the setting of a question, not a need asked (dev a602 as a class; ADR 0151).

Why: "Mijn buurman helpt me met internetbankieren, maar er gaan bedragen naar een rekening die ik niet ken" read
the online banking as a need, and the library's course for basic skills stood next to Veilig Thuis. Who does
what: someone else who helps the asker ("X helpt me met …", "ik krijg hulp van X bij …") tells help that is
there. A need read only inside that help is dropped when the question reads another need outside it; alone it
stays the need, and so it does when the text tells the help ends ("mijn zoon helpt me met internetbankieren, maar
hij gaat verhuizen": words.yaml `help_had.ends`). A clause
that asks or denies ("wie helpt me met", "kan iemand me helpen met", "… nodig", "helpt me niet meer") is no help
had. Words are data (ontology/words.yaml
`help_had`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from match.words import _data, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ENDS = frozenset({".", "!", "?", ";", ":", "\n", ",", "maar", "want", "omdat", "en"})


@cache
def _words() -> dict[str, frozenset[str]]:
    raw = _data().get("help_had") or {}
    return {k: frozenset(fold(str(w)) for w in v) for k, v in raw.items()}


def help_had_spans(words: list[str]) -> list[tuple[int, int]]:
    """Token ranges of the help someone else already gives: from the helping verb to the end of its clause."""
    w = _words()
    if not w:
        return []
    out = []
    for i, word in enumerate(words):
        if word not in w["gives"] and not (word in w["gets"] and "hulp" in words[i + 1 : i + 2]):
            continue
        start = i
        while start > 0 and words[start - 1] not in _ENDS:
            start -= 1
        end = i + 1
        while end < len(words) and words[end] not in _ENDS:
            end += 1
        if w["asks"] & set(words[start:end]):
            continue  # "wie helpt me met", "ik krijg hulp nodig bij", "helpt me niet meer met": no help had
        if word in w["gives"] and not w["objects"] & set(words[i + 1 : i + 3]):
            continue  # "helpt" with no "me/mij/ons" after it: not help for the asker
        out.append((i, end))
    return out


def drop_help_had(doc: Doc) -> Doc:
    """Drop needs read only inside help already had, when a need is read outside it."""
    spans = list(doc.spans.get("themes", []))
    if len(spans) < 2:
        return doc
    words = [fold(t.text) for t in doc]
    had = help_had_spans(words)
    if not had or _words()["ends"] & set(words[had[0][1] :]):
        return doc  # "… maar hij gaat verhuizen": the help ends, so it is asked for again

    def inside(s: Any) -> bool:
        return any(a <= s.start and s.end <= b for a, b in had)

    if all(inside(s) for s in spans):
        return doc
    doc.spans["themes"] = [s for s in spans if not inside(s)]
    return doc


_TOKEN = re.compile(r"\w+|[.!?;:,\n]")


def had_only(text: str, hits: Iterable[Any], weights: dict[str, float], danger: bool) -> None:
    """After the danger is read: a need told only inside help already had gives way to the danger ("mijn buurman
    helpt me met internetbankieren, maar er gaan bedragen naar een rekening die ik niet ken": the danger read by
    the word model is the need read outside it). Changes `weights` in place; nothing without a danger."""
    if not danger or len(weights) < 2:
        return
    toks = [(m.start(), m.end(), fold(m.group(0))) for m in _TOKEN.finditer(text)]
    words = [w for _, _, w in toks]
    had = help_had_spans(words)
    if not had or _words()["ends"] & set(words[had[0][1] :]):
        return
    spans = [(toks[a][0], toks[b - 1][1]) for a, b in had if b > a]
    for tid in list(weights):
        told = [h for h in hits if h.theme_id == tid and not h.negated]
        if told and all(any(a <= h.start and h.end <= b for a, b in spans) for h in told):
            del weights[tid]
