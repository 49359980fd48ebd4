"""An age of a person told in a clause of its own: "mijn zoon schopt als hij boos is, hij is 3" (helper safety15, ADR
0148).

ADR 0142 reads an age only inside the agent's phrase ("mijn zoon (3)", "zoontje van twee"). A parent often tells the
age afterwards, as a clause of its own ("…, hij is 3", "ze is pas twee", "Hij is net 4 geworden."); then the toddler
was read as an adult perpetrator. This finds such a clause for a child word (zoon, dochter, kind …): a subject
pronoun at the start of a clause whose gender fits, with no other person of that gender named in between (so "mijn man
schopt mij waar onze zoon bij is, die is 3" gives the man no age), a copula, optional fillers ("pas", "nog maar") and
a number with its unit. A comparison or a count ("hij is 3 jaar ouder dan ik", "3 keer") is no age. Data:
safety.yaml `phrase_guards.harm_reading.told_age`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from match.words import fold


def _set(raw: Any) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in raw or () if str(w).strip())


@dataclass(frozen=True)
class ToldAge:
    """The words of a told-age clause, compiled once."""

    heads: frozenset[str]
    copulas: frozenset[str]
    fillers: frozenset[str]
    not_after: frozenset[str]

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None) -> ToldAge:
        """Compile `told_age` of the harm reading; an empty config finds nothing."""
        cfg = cfg or {}
        return cls(
            _set(cfg.get("heads")),
            _set(cfg.get("copulas")),
            _set(cfg.get("fillers")),
            _set(cfg.get("not_after")),
        )

    def find(
        self,
        words: list[str],
        head_at: int,
        genders: frozenset[str],
        pronouns: dict[str, frozenset[str]],
        ends: frozenset[str],
        other_gender: Callable[[str], str | None],
        age_at: Callable[[list[str], int], tuple[float | None, int]],
    ) -> float | None:
        """The age told for the child word at `head_at` in a later clause ("…, hij is 3"), or None.

        `genders`: the genders the head can have; `other_gender(w)`: the gender of a person word w (None if w names
        no person); `age_at(words, k)`: a number and its unit at k (the harm reading's own age reader)."""
        if words[head_at] not in self.heads:
            return None
        for j in range(head_at + 1, len(words)):
            w = words[j]
            gender = other_gender(w)
            if gender is not None and gender in genders and j != head_at:
                return None  # another person who fits is named first: a later pronoun is theirs
            fits = pronouns.get(w)
            if fits is None or not (fits & genders) or (j > 0 and words[j - 1] not in ends):
                continue
            k = j + 1
            if k >= len(words) or words[k] not in self.copulas:
                continue
            k += 1
            while k < len(words) and words[k] in self.fillers:
                k += 1
            age, end = age_at(words, k)
            if age is None:
                continue
            if end < len(words) and words[end] in self.not_after:
                return None  # "hij is 3 jaar ouder dan ik", "3 keer"
            return age
        return None
