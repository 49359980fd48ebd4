"""Negation, uncertainty, experiencer and historical cue words (ontology/negation.yaml) as token tuples, and the
clause rules the analysis applies with them (match/nlp.py `Analyzer._context`).

Split from match/nlp.py (ADR 0094) so that module stays within the size rule; it imports no spaCy: the
tokenizer is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.words import fold


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    kind: str  # negation | uncertainty | experiencer | historical | pseudo
    direction: str  # pre | post | bi


# When one cue text is in several lists, the first kind here wins ("niet uitgesloten" is uncertainty).
_PRIORITY = ("pseudo", "uncertainty", "negation", "historical", "experiencer")


class CueSet:
    """Cue words from ontology/negation.yaml as token tuples; longest match first across all lists."""

    def __init__(self, neg: Any, tokenizer: Any) -> None:
        def toks(text: str) -> tuple[str, ...]:
            return tuple(fold(t.text) for t in tokenizer(text))

        lists: list[tuple[str, str, tuple[str, ...]]] = []
        if neg is not None:
            lists += [
                ("pseudo", "pre", neg.pseudo),
                ("uncertainty", "pre", neg.uncertainty_pre),
                ("uncertainty", "post", neg.uncertainty_post),
                ("negation", "pre", neg.negation_pre),
                ("negation", "post", neg.negation_post),
                ("negation", "bi", neg.negation_bidirectional),
                ("historical", "bi", neg.historical),
                ("experiencer", "bi", neg.experiencer),
            ]
            self.forward, self.backward = neg.forward_tokens, neg.backward_tokens
            self.bi_backward = neg.bidirectional_backward_tokens
            self.terminators = {fold(t) for t in neg.terminators}
            self.backward_terminators = {fold(t) for t in neg.backward_terminators}
            self.ability_verbs = {fold(t) for t in getattr(neg, "ability_verbs", ())}
        else:  # pragma: no cover - the shipped ontology always has cues
            lists += [("negation", "pre", ("geen", "geen sprake van")), ("negation", "bi", ("niet",))]
            self.forward, self.backward, self.bi_backward = 5, 3, 2
            self.terminators, self.backward_terminators = {".", ",", "maar", "en"}, set()
            self.ability_verbs = set()
        self.map: dict[tuple[str, ...], tuple[str, str]] = {}
        for kind, direction, items in sorted(lists, key=lambda x: _PRIORITY.index(x[0])):
            for item in items:
                key = toks(item)
                if key and key not in self.map:
                    self.map[key] = (kind, direction)
        self.max_len = max((len(k) for k in self.map), default=1)

    def scan(self, words: list[str], spans: list[tuple[int, int]]) -> list[Cue]:
        covered: set[int] = set()
        for a, b in spans:
            covered.update(range(a, b))
        out: list[Cue] = []
        i = 0
        while i < len(words):
            for size in range(min(self.max_len, len(words) - i), 0, -1):
                hit = self.map.get(tuple(words[i : i + size]))
                if hit is None:
                    continue
                kind, direction = hit
                # A cue word inside a theme phrase belongs to the phrase ("kom niet rond", "geen geld").
                if kind != "pseudo" and any(j in covered for j in range(i, i + size)):
                    continue
                out.append(Cue(i, i + size, kind, direction))
                i += size - 1
                break
            i += 1
        return out

    def ability_before(self, words: list[str], start: int, reach: int = 6) -> bool:
        """An ability verb (snap, kan, durf, …) shortly before the theme, within its clause."""
        for i in range(start - 1, max(-1, start - 1 - reach), -1):
            if words[i] in self.terminators:
                return False
            if words[i] in self.ability_verbs:
                return True
        return False

    def blocked(self, words: list[str], a: int, b: int, *, backward: bool = False) -> bool:
        stop = self.terminators | (self.backward_terminators if backward else set())
        return any(w in stop for w in words[a:b])
