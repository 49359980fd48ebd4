"""Things are no victims: a harm verb whose object is a thing ("slaat met de deuren", "slaat de deuren dicht",
"slaat met zijn vuist op tafel", "schopt tegen de muur") tells no violence against a person (safety.yaml
`phrase_guards.thing_object`, helper safety19, ADR 0161).

Why: "Onze zoon van 16 scheldt ons uit en slaat met de deuren als hij zijn zin niet krijgt" raised the theme of
violence at home and put Veilig Thuis first (tester18 BROKEN B3): a rule read "slaat" as hitting. Earlier fixes
listed phrases ("slaat deuren dicht"); a plural, an article or an inversion slipped past them. The reading is by
structure: the clause of the harm verb (ADR 0142's harm reading), without its subject when it stands after the verb
("sinds de scheiding slaat onze dochter met de deuren"), names a thing (`things`, or a word that ends in one:
"kastdeur") and no person (an object pronoun that is not a determiner, or a person word). A danger hit whose every
harm verb acts on a thing drops. The twins keep their hit: "slaat mij met de deur" (a person before the thing),
"slaat zijn zusje" (no thing), "gooit een stoel naar mij" (not a harm verb on a thing: its own rule).

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.harm_reading import THING, HarmReading
from match.words import fold
from match.words import folded_set as _set

_AGE = {"(", ")", "van", "jaar", "jarige"}


@dataclass(frozen=True)
class ThingObject:
    """The reading compiled once; `drops` is pure."""

    themes: frozenset[str]
    things: frozenset[str]
    endings: tuple[str, ...]
    instruments: frozenset[str]  # "met haar vuist": "haar" is a determiner here, no person hit
    harm: HarmReading
    # a door kicked in or broken open is a way in to the people behind it ("mijn ex trapt nu de voordeur in", dev s072)
    breaks_in: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None, harm: HarmReading) -> ThingObject:
        """The reading from `phrase_guards.thing_object`; an empty config drops nothing."""
        cfg = cfg or {}
        return cls(
            themes=_set(cfg.get("themes")),
            things=_set(cfg.get("things")),
            endings=tuple(fold(str(e)) for e in cfg.get("endings") or ()),
            instruments=_set(cfg.get("instruments")),
            breaks_in=_set(cfg.get("breaks_in")),
            harm=harm,
        )

    def drops(self, words: list[str], label: str, start: int, end: int) -> bool:
        """The danger hit [start, end) tells harm verbs that all act on a thing, none on a person."""
        if label not in self.themes or not self.things:
            return False
        verbs = self.harm.harm_verbs(words, start, end)
        return bool(verbs) and all(self.on_a_thing(words, v) for v in verbs)

    def on_a_thing(self, words: list[str], v: int) -> bool:
        """The clause of the verb at `v` names a thing and no person besides its subject."""
        lo, hi = self.harm.clause(words, v)
        agent = self.harm.agent(words, v)
        if agent is not None and agent.start < v and self.harm.agent_kind(words, v) == THING:
            # "sinds de scheiding slaat onze dochter met de deuren": a time or a cause before the verb, its subject
            # right after it (an inversion the agent reading took for a thing)
            agent = self.harm.phrase_at(words, v + 1, hi)
        skip = range(0)
        if agent is not None and agent.start > v:
            end = (
                agent.end
            )  # a compound split in two ("onze tiener dochter (14)") and an age are the subject too
            while end < hi and (
                self.harm.is_person_word(words[end]) or words[end] in _AGE or words[end].isdigit()
            ):
                end += 1
            skip = range(agent.start, end)
        if hi - 1 > v and words[hi - 1] in self.breaks_in:
            return False  # a particle that ends the clause: "trapt de deur in" (intrappen), "slaat de ruit kapot"
        thing = False
        for i in range(v + 1, hi):
            if i in skip:
                continue
            w = words[i]
            if self._thing(w):
                thing = True
            elif self._person(words, i, hi):
                return False
        return thing

    def _thing(self, w: str) -> bool:
        return w in self.things or (bool(self.endings) and w.endswith(self.endings) and len(w) > 4)

    def _person(self, words: list[str], i: int, hi: int) -> bool:
        w = words[i]
        nxt = words[i + 1] if i + 1 < hi else ""
        if w in self.harm.objects:
            # "haar vuist", "zijn kastdeur": a determiner before a thing or a hand is no person hit
            return not (nxt and (self._thing(nxt) or nxt in self.instruments))
        return self.harm.is_person_word(w)
