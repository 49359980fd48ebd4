"""Not being somewhere on a day, at an hour or at work is no death wish (helper safety15, ADR 0148).

The rule `er-niet-meer-zijn-beter` reads "het is beter als ik er niet meer ben" (a wish to be dead). The same words
with a setting right after them tell an absence from that setting: "beter als zij er niet meer is op woensdag, ze
wil minder werken", "als ik er niet meer ben bij die vergaderingen", "als mijn zoon er niet meer is na drie uur".
So a hit of `themes` on one of `phrases` is dropped when, in the same clause and within `reach` words after the
phrase, a preposition of `preps` is followed (within `reach` words) by a word of `settings` (a weekday, a part of
the day, an hour, work, school, a meeting). The setting must follow the phrase in its own clause: "het is beter als
ik er niet meer ben, dan heeft niemand op het werk nog last van mij" keeps 113. Data: safety.yaml
`phrase_guards.absent_from_setting`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.words import fold

_CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?", "\n", "want", "maar", "dus", "omdat", "dan", "en"})


def _toks(raw: Any) -> tuple[str, ...]:
    return tuple(fold(w) for w in str(raw).split())


@dataclass(frozen=True)
class AbsentFromSetting:
    """The guard compiled once from safety.yaml; `drops` is pure."""

    themes: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    preps: frozenset[str]
    settings: frozenset[str]
    reach: int

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None) -> AbsentFromSetting:
        """Compile `absent_from_setting`; an empty config drops nothing."""
        cfg = cfg or {}
        return cls(
            frozenset(str(t) for t in cfg.get("themes") or ()),
            tuple(_toks(p) for p in cfg.get("phrases") or () if str(p).strip()),
            frozenset(fold(str(w)) for w in cfg.get("preps") or ()),
            frozenset(fold(str(w)) for w in cfg.get("settings") or ()),
            int(cfg.get("reach", 3)),
        )

    def drops(self, words: list[str], label: str, start: int, end: int) -> bool:
        """The hit [start, end) of `label` tells being absent from a setting, not a wish to be dead."""
        if label not in self.themes:
            return False
        found = False
        for phrase in self.phrases:
            n = len(phrase)
            for i in range(max(0, start - n), min(end + 1, len(words) - n + 1)):
                if tuple(words[i : i + n]) != phrase:
                    continue
                if not self._setting_after(words, i + n):
                    return False  # one reading as a wish keeps the hit
                found = True
        return found

    def _setting_after(self, words: list[str], at: int) -> bool:
        for j in range(at, min(len(words), at + self.reach)):
            if words[j] in _CLAUSE_END:
                return False
            if words[j] not in self.preps:
                continue
            for k in range(j + 1, min(len(words), j + 1 + self.reach)):
                if words[k] in _CLAUSE_END:
                    return False
                if words[k] in self.settings:
                    return True
        return False
