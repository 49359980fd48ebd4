"""A consequence the writer tells of their own need gives way to that need (ADR 0152, tester15 t15-28).

Why: "ze pesten me in de groepsapp en nu wil ik niet meer naar school" was read as bullying and school refusal, and
the primary school's signalling service (for school refusal) came first. The writer is the one bullied: the others
act on "me". What follows (not wanting to go to school, the school itself) is the bullying's consequence and setting,
so the help for bullying should lead. The rule is who does what to whom, not the words of one sentence: a parent's
"ze pesten mijn zoon en nu wil hij niet meer naar school" keeps the school need, as does a school refusal told alone.
ADR 0144 kept the school need for a guessed young writer (a guessed age vetoes nothing); this reads the writer as
the object of the act instead of their age. The words are data (ontology/own-cause.yaml).

Privacy: the text is read in memory only.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold

CAUSE_FILE = Path(__file__).resolve().parents[1] / "ontology" / "own-cause.yaml"


@cache
def _rules() -> tuple[tuple[str, tuple[tuple[str, ...], ...], frozenset[str]], ...]:
    raw = yaml.safe_load(CAUSE_FILE.read_text(encoding="utf-8")) or {}
    return tuple(
        (
            str(r["when"]),
            tuple(tuple(fold(p).split()) for p in r.get("writer_is_the_object") or ()),
            frozenset(r.get("needs") or ()),
        )
        for r in raw.get("gives_way") or ()
    )


def consequence_gives_way(weights: dict[str, Any], tokens: Sequence[str]) -> list[str]:
    """Drop from `weights` (in place) the needs that are the consequence of the writer's own need, when the writer
    is the one the act is done to ("ze pesten me"). Returns the needs dropped."""
    dropped: list[str] = []
    for when, phrases, needs in _rules():
        if when not in weights or not needs & set(weights) or not _says(tokens, phrases):
            continue
        for tid in sorted(needs & set(weights)):
            weights.pop(tid)
            dropped.append(tid)
    return dropped


def _says(tokens: Sequence[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    words = list(tokens)
    return any(tuple(words[i : i + len(p)]) == p for p in phrases for i in range(len(words) - len(p) + 1))
