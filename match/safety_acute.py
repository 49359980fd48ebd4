"""The kind of an acute danger and the help after 112 (safety.yaml `acute_kinds`, ADR 0136).

112 is the first answer for every acute danger, but the answers after it differ by kind: a head injury, an allergic
reaction or someone who collapsed needs the huisarts or the huisartsenpost next, not the wijkagent or a
veiligheidshuis (tester12 F6); a knife at the door needs the police and Veilig Thuis. The words of each kind and the
needs they add to the question are data; a text with words of violence is never read as medical only ("hij heeft
me geslagen en nu bloedt mijn hoofd" keeps the police and Veilig Thuis).

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.words import has_phrase
from match.words import phrase_seqs as _phrases


@dataclass(frozen=True)
class AcuteKind:
    """One kind of acute danger: its words, the needs it adds after 112, and whether partner violence at home
    (`acute_at_home`) can follow from it."""

    id: str
    words: tuple[tuple[str, ...], ...]
    needs: tuple[str, ...]
    overrides: bool  # when found, the other kinds' words do not count (violence over medical)
    at_home: bool  # acute danger of this kind may be geweld thuis as well


class AcuteKinds:
    """safety.yaml `acute_kinds`, read once; `kind` is pure."""

    def __init__(self, raw: tuple[dict[str, Any], ...]) -> None:
        self.kinds = tuple(
            AcuteKind(
                id=str(k.get("id")),
                words=_phrases(k.get("words")),
                needs=tuple(str(n) for n in k.get("needs") or ()),
                overrides=bool(k.get("overrides", False)),
                at_home=bool(k.get("at_home", True)),
            )
            for k in raw
        )

    def kind(self, words: list[str]) -> AcuteKind | None:
        """The kind of acute danger the words tell: a kind that `overrides` (violence) first, else the first kind
        whose words are there; None when no kind's words are."""
        found = [k for k in self.kinds if has_phrase(words, k.words)]
        return next((k for k in found if k.overrides), found[0] if found else None)

    def add_needs(self, kind: AcuteKind | None, weights: dict[str, float], acute_theme: str) -> None:
        """Give the question the needs of this kind next to the acute danger itself (changes `weights` in
        place): the huisarts after 112 for a medical emergency."""
        if kind is None:
            return
        w = weights.get(acute_theme, 1.0)
        for need in kind.needs:
            weights[need] = max(weights.get(need, 0.0), w)
