"""A theft told with the writer as its victim is no behaviour of a child (tester15 r15-K2, class C; ADR 0151).

Why: "ik ben 10 jaar en mijn fiets is gestolen" read "gestolen" as the behaviour need "steelt" (gedragsproblemen),
and a child writer then got behaviour experts. Who does what decides, not the word: a participle of taking with a
passive auxiliary ("is gestolen", "werd gejat", "ben beroofd") or with an unnamed taker and the writer's own
thing ("ze hebben mijn telefoon afgepakt") makes the writer the victim; "mijn zoon van 10 steelt" and "onze
dochter heeft geld gestolen" keep the behaviour. In such a clause the behaviour reading is dropped and the victim
need (justitie: police, slachtofferhulp) is read. The words are data (ontology/words.yaml `victim_reading`).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from match.clauses import token_spans
from match.words import _data, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

_BOUNDS = frozenset({".", "!", "?", ",", ";", ":", "\n", "en", "maar", "want", "omdat"})


@cache
def _reading() -> dict[str, Any]:
    raw = _data().get("victim_reading") or {}
    return {
        k: (frozenset(fold(str(w)) for w in v) if isinstance(v, list) else str(v)) for k, v in raw.items()
    }


def _clauses(words: list[str]) -> list[tuple[int, int]]:
    return token_spans(words, _BOUNDS)


def victim_clauses(words: list[str]) -> list[tuple[int, int]]:
    """Token ranges of the clauses in which the writer (or their thing) had something taken."""
    r = _reading()
    if not r:
        return []
    out = []
    for a, b in _clauses(words):
        clause = words[a:b]
        if not r["taken"] & set(clause):
            continue
        have = bool(r["active_aux"] & set(clause))
        passive = bool(r["passive_aux"] & set(clause)) and not have
        unnamed = have and bool(r["unnamed_takers"] & set(clause)) and bool(r["own"] & set(clause))
        if (passive or unnamed) and not _takers(clause, r):
            out.append((a, b))
    return out


def _takers(clause: list[str], r: dict[str, Any]) -> set[str]:
    """The named takers of a clause, without an owner ("de scooter van mijn zoon": the son is the one robbed,
    ADR 0155)."""
    return {
        w
        for i, w in enumerate(clause)
        if w in r["named_takers"] and not (i >= 2 and clause[i - 2] == "van" and clause[i - 1] in r["own"])
    }


def read_victim(doc: Doc) -> Doc:
    """Drop the culprit reading of a theft in a clause where the writer is its victim, and read the victim's
    need there when no phrase did."""
    r = _reading()
    if not r:
        return doc
    words = [fold(t.text) for t in doc]
    found = victim_clauses(words)
    if not found:
        return doc
    from spacy.tokens import Span

    culprit, victim = r["culprit_themes"], r["victim_theme"]
    themes = [
        s
        for s in doc.spans.get("themes", [])
        if not (s.label_ in culprit and any(a <= s.start and s.end <= b for a, b in found))
    ]
    for a, b in found:
        if not any(s.label_ == victim and a <= s.start < b for s in themes):
            at = next(i for i in range(a, b) if words[i] in r["taken"])
            themes.append(Span(doc, at, at + 1, label=victim))
    doc.spans["themes"] = themes
    return doc
