"""A belief of harm in a confused mind: a confused or hallucinating person who believes someone wants to harm them
tells a delusion, not danger at home (safety.yaml `phrase_guards.delusion_frame`, helper safety19, ADR 0161).

Why: dev a800, "mijn vader van 80 is sinds een paar dagen ineens heel verward, hij ziet beestjes op de muur en denkt
dat de thuiszorg hem wil ontvoeren", raised violence at home and elder abuse next to the psychiatric crisis: Veilig
Thuis as a wrong need. The frame: a sign of confusion or hallucination in the text (`signs`), and in the danger
hit's sentence a word of belief (`beliefs`: denkt, gelooft, overtuigd) followed by an intention (`intent`: wil,
willen, gaat) — what someone is believed to want, not an act done. A harm told as done ("de thuiszorg heeft haar
geslagen") keeps its hit.

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.clauses import token_run
from match.words import folded_set as _set


@dataclass(frozen=True)
class DelusionFrame:
    """The frame compiled once; `drops` is pure."""

    themes: frozenset[str]
    signs: frozenset[str]
    beliefs: frozenset[str]
    intent: frozenset[str]
    reach: int

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None) -> DelusionFrame:
        """The frame from `phrase_guards.delusion_frame`; an empty config drops nothing."""
        cfg = cfg or {}
        return cls(
            themes=_set(cfg.get("themes")),
            signs=_set(cfg.get("signs")),
            beliefs=_set(cfg.get("beliefs")),
            intent=_set(cfg.get("intent")),
            reach=int(cfg.get("reach", 8)),
        )

    def drops(self, words: list[str], label: str, start: int, end: int) -> bool:
        """The danger hit [start, end) stands in a sentence that tells a belief of an intention to harm, in a text
        with a sign of confusion."""
        if label not in self.themes or not self.signs.intersection(words):
            return False
        lo, hi = token_run(words, start, end)
        for i in range(lo, hi):
            if words[i] in self.beliefs and self.intent.intersection(
                words[i + 1 : min(hi, i + 1 + self.reach)]
            ):
                return True
        return False
