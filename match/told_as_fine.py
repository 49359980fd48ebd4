"""An arrangement the writer tells as fine is no danger at home (safety.yaml `phrase_guards.told_as_fine`, helper
safety20, ADR 0166).

Why: the indirect signs of danger at home (a son who manages his mother's pension, a partner who looks at a phone,
a child who would rather not go home) raised Veilig Thuis by the rules and the word model also when the writer
says in the same text that it goes well: "mijn broer beheert het pensioen van onze moeder met een volmacht en doet
dat keurig", "mijn vrouw kijkt weleens op mijn telefoon, dat vind ik niet erg", "mijn dochter wil liever bij haar
vriendin spelen dan naar huis". Whose judgement and what is asked: the writer's own judgement that the arrangement is
fine (`fine`: a word of approval or consent) or a child's preference told by its fun (`enjoy`), and no word of fear,
harm, lack or a ban anywhere (`keep`), make the danger at home no hit and no guess of the word model.

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.words import folded_set as _set
from match.words import phrase_seqs


def _has(words: list[str], seqs: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(words[i : i + len(s)]) == s for s in seqs for i in range(len(words) - len(s) + 1))


@dataclass(frozen=True)
class ToldAsFine:
    """The reading compiled once; every method is pure."""

    themes: frozenset[str]
    fine: tuple[tuple[str, ...], ...]
    enjoy: tuple[tuple[str, ...], ...]
    keep: frozenset[str]
    keep_phrases: tuple[tuple[str, ...], ...]

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None) -> ToldAsFine:
        """The reading from `phrase_guards.told_as_fine`; an empty config finds nothing."""
        cfg = cfg or {}
        return cls(
            themes=_set(cfg.get("themes")),
            fine=phrase_seqs(cfg.get("fine")),
            enjoy=phrase_seqs(cfg.get("enjoy")),
            keep=_set(cfg.get("keep")),
            keep_phrases=phrase_seqs(cfg.get("keep_phrases")),
        )

    def found(self, words: list[str]) -> bool:
        """The writer tells the arrangement as fine, or a child's wish by its fun, with no fear, harm, lack or ban."""
        if not (self.fine or self.enjoy) or self.keep.intersection(words) or _has(words, self.keep_phrases):
            return False
        return _has(words, self.fine) or _has(words, self.enjoy)

    def drops(self, words: list[str], label: str) -> bool:
        """A danger-at-home hit in a text that tells the arrangement as fine is no danger."""
        return label in self.themes and self.found(words)
