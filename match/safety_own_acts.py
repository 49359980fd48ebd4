"""What a person does to themself, what a fall does to a body, and things given away with an everyday ask are no
danger (safety.yaml `phrase_guards.own_acts`, helper safety24, ADR 0183).

Why a module of its own: three everyday texts raised a crisis line because a danger rule saw a surface phrase and
nobody asked who does what to whom (tester24, docs/usertest/m12test24.md class A):
- "Mijn man valt steeds vaker thuis en ik ben bang dat hij iets breekt" put Veilig Thuis first: "breekt" next to
  a partner and "thuis". A fall breaks a bone; nobody breaks him. A break verb in a text that tells a fall, with no
  person who hits, pushes or kicks anyone (the harm reading's harm verbs, ADR 0142), is an accident.
- "na school sluit ik me altijd op in mijn kamer" and "mijn dochter van 15 sluit zich op in haar kamer" put Veilig
  Thuis first: "sluit … op" next to a person. The object of the lock verb is the subject itself (zich, zichzelf,
  mezelf; "me" after "ik"): locking oneself in is no being locked up. "papa sluit mij op" keeps its danger: the
  one who locks is not the one locked in.
- "Ik heb al mijn babyspullen weggegeven, we krijgen toch geen kinderen meer. Waar kan ik de rest van de
  kinderkleding kwijt?" put 113 first: things given away. Giving away is a farewell sign when nothing else tells
  what the things are for; here the text asks where the rest of the things can go (a practical ask) and tells no
  word of the writer's own end. "ik heb al mijn spullen weggegeven, ik heb toch niks meer nodig binnenkort" asks
  nothing and tells an end: it keeps 113.

A hit is dropped when its own clause holds such an act (the fear "bang dat hij" drops with the "iets breekt" that
fills it); `found` keeps the word model from reading danger at home into the same words. A person who harms
anyone anywhere in the text keeps everything as it is.

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.harm_reading import PERSON, UNKNOWN, HarmReading
from match.words import fold, has_phrase, phrase_seqs

_SENTENCE_END = frozenset({".", "!", "?", ";", "\n"})


def _set(values: Any) -> frozenset[str]:
    return frozenset(fold(str(v)) for v in values or () if v)


@dataclass(frozen=True)
class OwnActs:
    """`phrase_guards.own_acts`: the lock verbs and their particle, the reflexive objects, the break verbs and the
    fall words, the giving verbs, the practical asks and the words of a life's end."""

    home_themes: frozenset[str]
    lock_verbs: frozenset[str]
    lock_particles: frozenset[str]
    reflexive: frozenset[str]  # always the subject itself: zich, zichzelf, mezelf
    first_person: frozenset[str]  # me, mij: the subject itself after "ik"
    states: frozenset[str]  # "zit opgesloten op zijn kamer": a state, nobody named who locks
    rooms: frozenset[str]
    break_verbs: frozenset[str]
    falls: frozenset[str]
    not_falls: frozenset[
        str
    ]  # a particle after the fall verb that makes it another verb (aanvallen, lastigvallen)
    suicide_themes: frozenset[str]
    giving: frozenset[str]
    asks: tuple[tuple[str, ...], ...]
    disposal: frozenset[str]
    own_end: tuple[tuple[str, ...], ...]
    harm: HarmReading
    reach: int = 4

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None, harm: HarmReading) -> OwnActs:
        cfg = cfg or {}
        return cls(
            home_themes=_set(cfg.get("home_themes")),
            lock_verbs=_set(cfg.get("lock_verbs")),
            lock_particles=_set(cfg.get("lock_particles")),
            reflexive=_set(cfg.get("reflexive")),
            first_person=_set(cfg.get("first_person")),
            states=_set(cfg.get("states")),
            rooms=_set(cfg.get("rooms")),
            break_verbs=_set(cfg.get("break_verbs")),
            falls=_set(cfg.get("falls")),
            not_falls=_set(cfg.get("not_falls")),
            suicide_themes=_set(cfg.get("suicide_themes")),
            giving=_set(cfg.get("giving")),
            asks=tuple(phrase_seqs(cfg.get("asks"))),
            disposal=_set(cfg.get("disposal")),
            own_end=tuple(phrase_seqs(cfg.get("own_end"))),
            harm=harm,
            reach=int(cfg.get("reach", 4)),
        )

    # -- who does it --------------------------------------------------------------------------------------------

    def _someone_harms(self, words: list[str]) -> bool:
        """A person (or someone unread) is the agent of a harm verb anywhere in the text."""
        return any(self.harm.agent_kind(words, v) in (PERSON, UNKNOWN) for v in self.harm.harm_verbs(words))

    def _own_lock(self, words: list[str], i: int) -> bool:
        """The lock verb at `i` has the subject itself as its object ("sluit ik me op", "sluit zich op"), or tells
        a state in one's own room with nobody named who locks ("zit opgesloten op zijn kamer")."""
        lo, hi = max(0, i - self.reach), min(len(words), i + self.reach + 1)
        near = words[lo:hi]
        if "door" in words[i + 1 : hi]:
            return False
        if self.reflexive.intersection(near):
            return True
        subject_ik = (i > 0 and words[i - 1] == "ik") or (i + 1 < len(words) and words[i + 1] == "ik")
        if subject_ik and self.first_person.intersection(
            words[i + 1 : hi]
        ):  # "sluit ik me op", not "sluit hij me op"
            return True
        return bool(self.states.intersection(words[lo:i]) and self.rooms.intersection(words[i + 1 : i + 5]))

    def _own_acts(self, words: list[str]) -> list[int]:
        """The positions of locks of oneself (only when every lock in the text is one), and of breaks in a text
        that tells a fall."""
        fall = any(
            w in self.falls and not self.not_falls.intersection(words[i + 1 : i + 4])
            for i, w in enumerate(words)
        )  # "valt me aan", "valt ons lastig": an attack, no fall
        locks = [i for i, w in enumerate(words) if w in self.lock_verbs]
        own_locks = [i for i in locks if self._own_lock(words, i)]
        if len(own_locks) < len(locks):  # someone else locks someone in too ("hij sloot me op"): no own act
            own_locks = []
        return own_locks + [i for i, w in enumerate(words) if fall and w in self.break_verbs]

    # -- giving away ----------------------------------------------------------------------------------------------

    def _practical_giving(self, words: list[str]) -> bool:
        """Things given away, an ask where the rest can go, and no word of the writer's (or anyone's) own end."""
        if not self.giving.intersection(words):
            return False
        if has_phrase(words, self.own_end):
            return False
        return has_phrase(words, self.asks) or self._where_to(words)

    def _where_to(self, words: list[str]) -> bool:
        """ "waar" and, later in its sentence, a verb of getting rid of things ("waar kan ik de rest kwijt")."""
        for i, w in enumerate(words):
            if w != "waar":
                continue
            j = i + 1
            while j < len(words) and words[j] not in _SENTENCE_END:
                if words[j] in self.disposal:
                    return True
                j += 1
        return False

    # -- the guard ------------------------------------------------------------------------------------------------

    def drops(self, words: list[str], label: str, start: int, end: int) -> bool:
        """A danger-at-home hit whose clause holds an act on oneself or a fall's break, or a giving-away hit of
        suicide in a text with a practical ask, when no person harms anyone."""
        if label in self.suicide_themes:
            return bool(self.giving.intersection(words[start:end])) and self._practical_giving(words)
        if label not in self.home_themes:
            return False
        acts = self._own_acts(words)
        if not acts or self._someone_harms(words):
            return False
        hi = end  # the hit and the rest of its sentence ("bang dat hij" … "iets breekt")
        while hi < len(words) and words[hi] not in _SENTENCE_END:
            hi += 1
        return any(start <= a < hi for a in acts)

    def found(self, words: list[str]) -> bool:
        """The text tells such an act and no person who harms: the word model reads no danger at home into it."""
        return bool(self._own_acts(words)) and not self._someone_harms(words)

    def giving_found(self, words: list[str]) -> bool:
        """Things given away with a practical ask: the word model reads no suicide into it."""
        return self._practical_giving(words)
