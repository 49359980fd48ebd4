"""A child at home with a parent in a psychiatric crisis tells the crisis, not neglect (safety.yaml
`phrase_guards.crisis_alone`, helper safety22, ADR 0176).

Why: "papa zegt dat er mensen in de muren wonen … mama werkt tot laat. ik ben alleen thuis met mijn zusje" (dev s588)
got Veilig Thuis third: the rule `kind-alleen-thuis` read a child and "alleen thuis" as neglect. The child tells who is
at home and why it is frightened: the parent's psychosis. The crisis route (the crisisdienst, the huisarts) helps
both. So a child-safety hit made only of being alone (`alone`) is dropped when the text tells a psychiatric crisis (a
crisis hit of `crisis_themes`, or one of `signs`: stemmen, psychose, afluisteren …) and no word of harm or neglect
(`keep`: slaat, honger, opgesloten, dagen alleen …). A parent in a psychosis who hits or locks the children in keeps
Veilig Thuis.

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.words import folded_set as _set


@dataclass(frozen=True)
class CrisisAlone:
    """The reading compiled once; `drops` is pure."""

    themes: frozenset[str]
    crisis_themes: frozenset[str]
    alone: frozenset[str]
    signs: frozenset[str]
    keep: frozenset[str]

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None) -> CrisisAlone:
        """The reading from `phrase_guards.crisis_alone`; an empty config drops nothing."""
        cfg = cfg or {}
        return cls(
            themes=_set(cfg.get("themes")),
            crisis_themes=_set(cfg.get("crisis_themes")),
            alone=_set(cfg.get("alone")),
            signs=_set(cfg.get("signs")),
            keep=_set(cfg.get("keep")),
        )

    def drops(self, words: list[str], label: str, start: int, end: int, labels: set[str]) -> bool:
        """A child-safety hit [start, end) of being alone, in a text that tells a psychiatric crisis and no harm."""
        if label not in self.themes or not self.alone.intersection(words[start:end]):
            return False
        if self.keep.intersection(words):
            return False
        return bool(self.crisis_themes & labels) or bool(self.signs.intersection(words))
