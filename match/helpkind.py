"""The kind of help asked decides between services that share their themes (ADR 0144).

Why: odd jobs ("een lamp vervangen en de tuin bijhouden", "de dakgoot zit vol blad") and household help
(schoonmaken, de was) are both `huishouden` and `zelfredzaamheid` in the theme tree, so the Wmo household help
and a klushulp scored alike and the Wmo came into the top 3 for a question about a lamp and a garden (dev s014,
s440). The question names the kind of help in everyday words; a service's name names the kind it gives. Words
of both are data (ontology/words.yaml `help_kinds`). When the question names one kind and no word of another, a
top-3 service whose name gives only that other kind moves just below the top 3. Safety help keeps its place;
with no kind named, or every kind named, nothing changes.
A clause in which the asker says he still does a kind himself ("schoonmaken doe ik nog prima zelf") asks for
nothing (words.yaml `help_kinds_self_done`, ADR 0149, dev s472).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from match.words import _data, fold

TOP = 3
_WORD = re.compile(r"[^\W\d_]+")


@cache
def help_kinds() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """(kind id, words that ask for it, words of a service name that give it), from words.yaml `help_kinds`."""
    return tuple(
        (
            str(k["id"]),
            frozenset(fold(w) for w in k.get("asked") or ()),
            frozenset(fold(w) for w in k.get("named") or ()),
        )
        for k in _data().get("help_kinds") or ()
    )


_CLAUSE = re.compile(r"[.,;!?]|\bmaar\b|\ben\b")
_NEGATORS = frozenset({"niet", "geen", "nooit", "niemand", "niks", "niets"})


@cache
def _self_done() -> tuple[tuple[str, ...], ...]:
    """Word groups that tell the asker still does something himself, from words.yaml `help_kinds_self_done`."""
    return tuple(
        tuple(fold(w) for w in _WORD.findall(str(m))) for m in _data().get("help_kinds_self_done") or ()
    )


def _without_self_done(text: str) -> str:
    """The text without the clauses in which the asker says he still does it himself and denies nothing
    ("schoonmaken doe ik nog prima zelf": no ask for cleaning; "de tuin lukt niet meer zelf" stays)."""
    kept = []
    for clause in _CLAUSE.split(text):
        words = [fold(w) for w in _WORD.findall(clause)]
        said = any(
            any(tuple(words[i : i + len(g)]) == g for i in range(len(words))) for g in _self_done() if g
        )
        if said and not _NEGATORS & set(words):
            continue
        kept.append(clause)
    return " . ".join(kept)


def _words(text: str) -> set[str]:
    return {fold(m.group()) for m in _WORD.finditer(text)}


def _affirmed(text: str, hits: Any) -> str:
    """The text without the needs the asker denies ("daar hoef ik geen hulp bij")."""
    for h in hits or ():
        if getattr(h, "negated", False):
            text = text[: h.start] + " " * (h.end - h.start) + text[h.end :]
    return text


def asked_kind_first(best: list[Any], text: str, hits: Any = ()) -> list[Any]:
    """Move a top-3 service whose name gives only a kind of help the question does not ask, while it asks
    another kind, to just below the top 3."""
    kinds = help_kinds()
    if not kinds or len(best) <= TOP:
        return best
    said = _words(_without_self_done(_affirmed(text, hits)))
    asked = {k for k, words, named in kinds if said & (words | named)}
    if not asked or len(asked) == len(kinds):
        return best
    out = list(best)
    for e in list(out[:TOP]):
        if getattr(e, "top", 0) != 0:
            continue
        name = _words(e.cand.name)
        gives = {k for k, _, named in kinds if name & named}
        if gives and not gives & asked:
            out.remove(e)
            out.insert(TOP, e)
    return out
