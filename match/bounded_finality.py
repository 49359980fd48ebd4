"""A finality with a bounded object tells an end of that thing, not of a life (helper safety18, ADR 0158).

Why: "ik wil verdwijnen", "niet meer wakker worden", "het hoeft voor mij niet meer" are wordings of a death wish
(113's and heyhoegaathet.be's lists), and the thesaurus reads them so. The same words with an object of their own
end something smaller: "even verdwijnen op vakantie", "verdwijnen uit deze groepsapp", "niet meer wakker worden van
de buren", "het hoeft niet meer zo groot". ADR 0148's guard knew a list of settings after "er niet meer ben"; a list
of objects never ends. So the reading is general: a hit of `themes` that holds one of `heads` is dropped when, in its
own clause and right after it, a preposition (`preps`) opens a phrase with no word of a life (`life`: leven, wereld,
altijd, pijn …; or a person: iedereen, mij), or a degree word (`degree`: "zo", "te") follows, or a word of a short time (`brief`:
"even", "tijdje", "weekje") stands in the hit or just before it. "Verdwijnen voor altijd", "weg uit dit leven",
"niet meer wakker worden, ik ben zo moe" keep 113. Data: safety.yaml `phrase_guards.bounded_finality`.

safety22 (ADR 0176): "ik wil niet meer" is an ellipsis: its meaning ("… leven") is left out. It got 113 for "ik wil
niet meer naar gym" (dev a826), because the guard only knew heads of its own (verdwijnen, wakker, hoeft) and read
only a preposition or a degree word after them. A hit that ends in an open end (`open_ends`: "meer") is bounded
when its own clause goes on to fill the ellipsis: a preposition ("naar gym"), a "dat"-clause ("dat hij belt") or
an infinitive that is no word of living on (`live_verbs`: leven, bestaan, doorgaan …; "werken daar", "bij hem
wonen"), with no word of a life anywhere in that clause. Filler words ("hoor", "echt", "gewoon") fill nothing.

Privacy: reads the words in memory only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.words import fold

_CLAUSE_END = frozenset(
    {".", ",", ";", ":", "!", "?", "\n", "want", "maar", "dus", "omdat", "dan", "en", "die", "dat", "als"}
)


def _set(cfg: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in cfg.get(key) or () if str(w).strip())


@dataclass(frozen=True)
class BoundedFinality:
    """The guard compiled once from safety.yaml; `drops` is pure."""

    themes: frozenset[str]
    heads: frozenset[str]
    preps: frozenset[str]
    life: frozenset[str]
    persons: frozenset[str]
    degree: frozenset[str]
    brief: frozenset[str]
    reach: int
    open_ends: frozenset[str] = frozenset()
    live_verbs: frozenset[str] = frozenset()
    fillers: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None) -> BoundedFinality:
        """Compile `bounded_finality`; an empty config drops nothing."""
        cfg = cfg or {}
        return cls(
            frozenset(str(t) for t in cfg.get("themes") or ()),
            _set(cfg, "heads"),
            _set(cfg, "preps"),
            _set(cfg, "life"),
            _set(cfg, "persons"),
            _set(cfg, "degree"),
            _set(cfg, "brief"),
            int(cfg.get("reach", 4)),
            _set(cfg, "open_ends"),
            _set(cfg, "live_verbs"),
            _set(cfg, "fillers"),
        )

    def drops(self, words: list[str], label: str, start: int, end: int) -> bool:
        """The hit [start, end) of `label` ends a thing, a place or a stretch of time, not a life."""
        if label not in self.themes:
            return False
        if end > start and words[end - 1] in self.open_ends and self._filled(words, end):
            return True  # "ik wil niet meer naar gym", "ik wil niet meer werken daar" (ADR 0176)
        if not self.heads.intersection(words[start:end]):
            return False
        if self.life.intersection(words[start:end]):
            return False
        if self.brief.intersection(words[max(0, start - 2) : end]):
            return True  # "ik wil even verdwijnen"
        return self._bounded_after(words, end)

    def _bounded_after(self, words: list[str], at: int) -> bool:
        if at >= len(words) or words[at] in _CLAUSE_END:
            return False
        if words[at] in self.degree:  # "het hoeft niet meer zo groot"
            return at + 1 < len(words) and words[at + 1] not in _CLAUSE_END | self.life | self.persons
        if words[at] not in self.preps:
            return False
        obj = []
        for w in words[at + 1 : at + 1 + self.reach]:
            if w in _CLAUSE_END:
                break
            obj.append(w)
        return bool(obj) and not (self.life | self.persons).intersection(obj)

    def _filled(self, words: list[str], at: int) -> bool:
        """The clause after an open end fills its ellipsis with a thing, a place, a "dat"-clause or an everyday act,
        and names no life ("ik wil niet meer naar school"; not "ik wil niet meer, echt", "… meer zo leven")."""
        i = at
        while i < len(words) and words[i] in self.fillers:
            i += 1
        if i >= len(words):
            return False
        first = words[i]
        if first == "dat":  # "ik wil niet meer dat hij belt": a wish about another's act
            clause = words[i + 1 : i + 1 + 2 * self.reach]
            return bool(clause) and not (self.life | self.live_verbs | {"er"}).intersection(clause)
        if first in _CLAUSE_END:
            return False
        clause = []
        for k, w in enumerate(words[i : i + 2 * self.reach]):
            # "naar dat clubje": a determiner right after the preposition ends no clause
            if w in _CLAUSE_END and not (k == 1 and first in self.preps and w in ("dat", "die")):
                break
            clause.append(w)
        if (self.life | self.live_verbs).intersection(clause):
            return False
        if first in self.preps:
            return len(clause) > 1
        return any(len(w) > 3 and w.endswith("en") and w not in self.fillers for w in clause)
