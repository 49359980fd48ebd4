"""A body that hurts is no self-harm: "ik loop rondjes tot mijn armen pijn doen", "mijn rug doet pijn van het tillen"
(safety.yaml `phrase_guards.body_pain`, helper safety22, ADR 0176).

Why: the self-harm rule (ADR 0150, `zelfbeschadiging`) reads an act ("krast", "snijdt", "pijn doet") and one's own
body or self in one stretch. "Pijn doen" has two shapes: someone does pain to someone ("ik doe mezelf pijn", "hij
doet zichzelf pijn") and a body part hurts ("mijn armen doen pijn", "mijn rug doet zeer"). In the second the body part
is the subject; nobody does anything to anyone. dev s569 (a crying baby carried "tot mijn armen pijn doen") got 113
first, and "ik sjouw boodschappen voor mijn opa en mn armen doen pijn" got Veilig Thuis from the word model. The
reading is by shape: a body word (`body`) right before the pain words (`pain`: pijn, zeer, a form of doen) or right
after them with only a possessive in between ("doen pijn in mijn armen"), with no word of self (`self`) and no act
of harm (`acts`: kras, snij, sla, brand …) in the text. Then a self-harm or home hit made of those words drops and
the word model is not asked for 113 or danger at home about them.

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.words import folded_set as _set


@dataclass(frozen=True)
class BodyPain:
    """The shape compiled once; every method is pure."""

    themes: frozenset[str]
    body: frozenset[str]
    pain: frozenset[str]
    possessive: frozenset[str]
    self_words: frozenset[str]
    acts: frozenset[str]

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None) -> BodyPain:
        """The shape from `phrase_guards.body_pain`; an empty config finds nothing."""
        cfg = cfg or {}
        return cls(
            themes=_set(cfg.get("themes")),
            body=_set(cfg.get("body")),
            pain=_set(cfg.get("pain")),
            possessive=_set(cfg.get("possessive")),
            self_words=_set(cfg.get("self")),
            acts=_set(cfg.get("acts")),
        )

    def spans(self, words: list[str]) -> list[tuple[int, int]]:
        """[lo, hi) of every "body part hurts" phrase, when the text tells no self and no act of harm."""
        if not self.body or self.self_words.intersection(words) or self._acts(words):
            return []
        out: list[tuple[int, int]] = []
        for i, w in enumerate(words):
            if w not in self.body:
                continue
            hi = i + 1
            while hi < len(words) and hi - i <= 3 and words[hi] in self.pain:
                hi += 1
            if hi - i >= 2 and {"pijn", "zeer"}.intersection(words[i + 1 : hi]):
                out.append((i, hi))  # "mijn armen pijn doen", "mn armen doen pijn"
                continue
            lo = i - 1
            while lo >= 0 and words[lo] in self.possessive | {"in", "aan", "op"}:
                lo -= 1
            if lo < i - 1 and lo >= 1 and words[lo] in self.pain and words[lo - 1] in self.pain:
                out.append((lo - 1, i + 1))  # "doen pijn in mijn armen"
        return out

    def found(self, words: list[str]) -> bool:
        """The text tells a body part that hurts and no harm: no 113 or danger at home from the word model."""
        return bool(self.spans(words))

    def drops(self, words: list[str], label: str, start: int, end: int) -> bool:
        """A hit [start, end) whose act is only a body part's pain ("armen pijn doen") is no self-harm or violence."""
        if label not in self.themes:
            return False
        return any(lo < end and start < hi for lo, hi in self.spans(words))

    def _acts(self, words: list[str]) -> bool:
        return any(w in self.acts or any(w.startswith(a) for a in self.acts if len(a) >= 5) for w in words)
