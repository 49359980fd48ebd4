"""A sign of acute danger told as a routine is no acute danger (safety.yaml `phrase_guards.habit_frame`, helper
calm24, ADR 0185).

Why: "niet wakker te krijgen" is how a bystander tells an unconscious person ("mijn man is niet wakker te krijgen en
ademt raar"), so it raises 112. Parents and pupils use the same words for a morning routine: "mijn dochter van 14
gamet tot diep in de nacht en is 's ochtends niet wakker te krijgen", "ik ben elke dag niet wakker te krijgen voor
school". 112 on top frightens them and leaves the everyday need (sleep, gaming, upbringing, school) out of the top 3.
The decision is by the hit's frame, not by phrase: a hit of `themes` that holds a word of waking (`hit_words`) is
dropped when its sentence tells a recurring time or a routine (`habit`: "'s ochtends", "elke dag", "voor school",
"de wekker") and the text tells nothing of an acute body (`keep`: breathing, pills, drink, a fall, "nu", "help").
Without a routine word nothing changes; with a keep word anywhere nothing changes.

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.clauses import token_run
from match.words import folded_set as _set
from match.words import phrase_seqs


def _has(words: list[str], seqs: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(words[i : i + len(s)]) == s for s in seqs for i in range(len(words) - len(s) + 1))


@dataclass(frozen=True)
class HabitFrame:
    """The frame compiled once; every method is pure."""

    themes: frozenset[str]
    hit_words: frozenset[str]
    habit: tuple[tuple[str, ...], ...]
    keep: frozenset[str]
    keep_phrases: tuple[tuple[str, ...], ...]

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None) -> HabitFrame:
        """The frame from `phrase_guards.habit_frame`; an empty config drops nothing."""
        cfg = cfg or {}
        return cls(
            themes=frozenset(str(t) for t in cfg.get("themes") or ()),
            hit_words=_set(cfg.get("hit_words")),
            habit=phrase_seqs(cfg.get("habit")),
            keep=_set(cfg.get("keep")),
            keep_phrases=phrase_seqs(cfg.get("keep_phrases")),
        )

    def drops(self, words: list[str], label: str, start: int, end: int) -> bool:
        """A hit [start, end) of an acute sign of waking told in a sentence of a routine, with no acute body told."""
        if label not in self.themes or not self.habit:
            return False
        if not self.hit_words.intersection(words[start:end]):
            return False
        if self.keep.intersection(words) or _has(words, self.keep_phrases):
            return False
        lo, hi = token_run(words, start, end)
        return _has(words[lo:hi], self.habit)
