"""A need told and then declined by a word that points back to it is no need of the question.

"Het huishouden lukt nog net, daar hoef ik geen hulp bij. Maar de dakgoot zit vol blad …" put the Wmo household help
in the top 3 (dev s440): the denial stands after the need, behind "daar", out of reach of the negation cues, which
look a few words back within one clause. Here an anaphor ("daar", "daarvoor", "dat") followed in its clause by a
decline ("hoef ik geen hulp", "heb ik niemand voor nodig", "red ik zelf") rules out the everyday needs of the
clause(s) it points back to: the words before it in its sentence, or, when it opens the sentence, the sentence
before. Ruled out like a denied need (`negated`: its words leave the search). A danger is never touched; a need
also told outside that stretch stays a need through that other mention (Analysis.themes keeps an affirmed one), while
the declined words still leave the search (ADR 0191). The words are data: ontology/declined-there.yaml.

Privacy: the words are read in memory only; nothing here keeps them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold

DATA_FILE = Path(__file__).resolve().parents[1] / "ontology" / "declined-there.yaml"
SENTENCE_END = frozenset({".", "!", "?"})


@cache
def _data() -> dict[str, Any]:
    raw = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8")) or {}
    return {
        "window": int(raw.get("window", 8)),
        "anaphors": frozenset(fold(str(w)) for w in raw.get("anaphors") or ()),
        "declines": tuple(tuple(fold(str(w)) for w in d["words"]) for d in raw.get("declines") or ()),
        "clause_end": frozenset(fold(str(w)) for w in raw.get("clause_end") or ()),
    }


def _in_order(words: Sequence[str], seq: tuple[str, ...]) -> bool:
    at = 0
    for w in words:
        if at < len(seq) and w == seq[at]:
            at += 1
    return at == len(seq)


def declined_stretches(words: Sequence[str]) -> list[tuple[int, int]]:
    """Token ranges [a, b) of what a decline points back to: the sentence before its anaphor, or the sentence
    before that when the anaphor opens its sentence."""
    data = _data()
    out = []
    for i, w in enumerate(words):
        if w not in data["anaphors"]:
            continue
        clause = []
        for nxt in words[i + 1 : i + 1 + data["window"]]:
            if nxt in data["clause_end"]:
                break
            clause.append(nxt)
        if not any(_in_order(clause, seq) for seq in data["declines"]):
            continue
        start = i
        while start > 0 and words[start - 1] not in SENTENCE_END:
            start -= 1
        if start == i and start > 0:  # "… lukt nog. Daar hoef ik geen hulp bij.": the sentence before
            start -= 1
            while start > 0 and words[start - 1] not in SENTENCE_END:
                start -= 1
        out.append((start, i))
    return out


def mark(
    hits: list[Any], spans: Sequence[Any], words: Sequence[str], danger: Callable[[str], bool]
) -> list[Any]:
    """The hits with an everyday need told only in a declined stretch ruled out (`negated`); `spans` are the theme
    spans the hits were made from, in order (token positions)."""
    stretches = declined_stretches(words)
    if not stretches or not hits:
        return hits
    return [
        replace(hit, negated=True)
        if not hit.negated
        and not danger(hit.theme_id)
        and any(a <= span.start and span.end <= b for a, b in stretches)
        else hit
        for hit, span in zip(hits, spans, strict=True)
    ]
