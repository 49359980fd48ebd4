"""A secret alone is no sign of danger at home (safety.yaml `phrase_guards.secret_alone`, helper safety16, ADR 0150).

Why: "een vriendin van me krast in haar armen en ze zegt dat ik het niemand mag vertellen" got the child's box "Ben
je thuis niet veilig?", Veilig Thuis and the wijkagent (tester15 BROKEN 2, t15-29): the word model reads "niemand mag
vertellen" as the secrecy of abuse. The Meldcode's signal is a secret a grown-up imposes on a child; a friend's or a
sister's secret is none. When the text keeps a secret and names no grown-up who could impose it (`grown_ups`) and no
act of harm by a person, the word model is not asked about danger at home. A rule that reads a real danger (abuse, a
threat, self-harm) still raises its own level.

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.harm_reading import PERSON, HarmReading
from match.words import fold, has_phrase
from match.words import phrase_seqs as _seqs


@dataclass(frozen=True)
class SecretAlone:
    """The reading compiled once; `found` is pure."""

    secrets: tuple[tuple[str, ...], ...]
    grown_ups: frozenset[str]
    harm: HarmReading

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None, harm: HarmReading) -> SecretAlone:
        cfg = cfg or {}
        return cls(
            _seqs(cfg.get("secrets")), frozenset(fold(str(w)) for w in cfg.get("grown_ups") or ()), harm
        )

    def found(self, words: list[str]) -> bool:
        """The text keeps a secret, names no grown-up who could impose it and tells no act of harm by a person."""
        if not self.secrets or not has_phrase(words, self.secrets):
            return False
        if self.grown_ups.intersection(words):
            return False
        return not any(self.harm.agent_kind(words, v) == PERSON for v in self.harm.harm_verbs(words))
