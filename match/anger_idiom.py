"""The writer's anger idiom with an absurd object: "straks sla ik hem met de koekenpan als hij weer niet de
vaatwasser uitruimt" is a figure of speech over an everyday thing, not violence at home (safety.yaml
`phrase_guards.anger_idiom`, helper safety20, ADR 0166; dev a760's class, lay20's xfail).

Why: ADR 0142/0158 read the writer's idiom by its modal shape ("ik kan hem wel schieten"); a blow the writer says
they *will* give, with a household thing as the weapon (a pan, a tea towel, a pillow, the remote), "straks" or "nog
eens", or "als" + what the other does, got Veilig Thuis. The decision is by sentence shape, not by phrase: the writer
is the agent of a blow verb in the present (`verbs`, with "ik" right before or after it), the instrument is an
absurd thing (`objects`, or a compound ending in one of `endings`: "koekenpan"), and the blow is to come: a
future word (`future`) or a condition on the other's act ("als" not followed by "ik"). A blow told as done (`past`),
a real instrument (a belt is not in the list) or a young child (`young`, or an age under `young_under`) keeps the signal: "gisteren heb ik mijn
dochter met de pan geslagen", "als ik boos word sla ik mijn kinderen met de riem".

safety22 (ADR 0176): a laugh or "grapje" (`joke`) in the sentence marks the blow as a joke as a future word does,
and the absurd thing may be what is thrown right after the verb ("straks gooi ik een slipper naar mijn man lol").

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.words import folded_set as _set

_SENTENCE_END = {".", "!", "?", ";", "\n"}


@dataclass(frozen=True)
class AngerIdiom:
    """The idiom's shape compiled once; every method is pure."""

    themes: frozenset[str]
    verbs: frozenset[str]
    writer: frozenset[str]
    objects: frozenset[str]
    endings: frozenset[str]
    future: frozenset[str]
    condition: frozenset[str]
    past: frozenset[str]
    young: frozenset[str]
    young_under: int = 0
    joke: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None) -> AngerIdiom:
        """The shape from `phrase_guards.anger_idiom`; an empty config finds nothing."""
        cfg = cfg or {}
        return cls(
            themes=_set(cfg.get("themes")),
            verbs=_set(cfg.get("verbs")),
            writer=_set(cfg.get("writer")),
            objects=_set(cfg.get("objects")),
            endings=_set(cfg.get("endings")),
            future=_set(cfg.get("future")),
            condition=_set(cfg.get("condition")),
            past=_set(cfg.get("past")),
            young=_set(cfg.get("young")),
            young_under=int(cfg.get("young_under", 0)),
            joke=_set(cfg.get("joke")),
        )

    def sentences(self, words: list[str]) -> list[tuple[int, int]]:
        """[lo, hi) of every sentence that tells the writer's idiom."""
        out: list[tuple[int, int]] = []
        if not self.verbs or self.young.intersection(words) or self._young_age(words):
            return out
        for i, w in enumerate(words):
            if w not in self.verbs:
                continue
            writer = (i > 0 and words[i - 1] in self.writer) or (
                i + 1 < len(words) and words[i + 1] in self.writer
            )
            lo, hi = _sentence(words, i)
            if writer and (lo, hi) not in out and self._shape(words[lo:hi]):
                out.append((lo, hi))
        return out

    def found(self, words: list[str]) -> bool:
        """The text tells the writer's anger idiom: the word model reads no danger at home into it."""
        return bool(self.sentences(words))

    def drops(self, words: list[str], label: str, start: int, end: int) -> bool:
        """A danger-at-home hit [start, end) that starts in a sentence of the idiom is no danger."""
        if label not in self.themes:
            return False
        return any(lo <= start < hi for lo, hi in self.sentences(words))

    def _shape(self, sent: list[str]) -> bool:
        if self.past.intersection(sent):
            return False
        thing = (
            any(
                sent[j] == "met" and any(self._absurd(x) for x in sent[j + 1 : j + 4])
                for j in range(len(sent))
            )
            or any(  # the thing thrown: "gooi ik een slipper naar hem" (safety22, ADR 0176)
                w in self.verbs and any(self._absurd(x) for x in sent[j + 1 : j + 5])
                for j, w in enumerate(sent)
            )
        )
        if not thing:
            return False
        joke = any(w.strip(".!?,") in self.joke for w in sent)  # "… met de pollepel haha" (ADR 0176)
        to_come = (
            joke
            or bool(self.future.intersection(sent))
            or any(
                w in self.condition and j + 1 < len(sent) and sent[j + 1] not in self.writer
                for j, w in enumerate(sent)
            )
        )
        return to_come

    def _young_age(self, words: list[str]) -> bool:
        """An age under `young_under` told with "van" ("mijn zoon van 6"): a young child keeps the signal."""
        return any(
            w == "van"
            and j + 1 < len(words)
            and words[j + 1].isdigit()
            and int(words[j + 1]) < self.young_under
            for j, w in enumerate(words)
        )

    def _absurd(self, w: str) -> bool:
        w = w.rstrip(".!?,")
        return w in self.objects or any(w.endswith(e) and len(w) > len(e) for e in self.endings)


def _ends(w: str) -> bool:
    """A sentence end, also glued to its word: spaCy keeps "pan." whole as it keeps "me." (an abbreviation)."""
    return w in _SENTENCE_END or (len(w) > 1 and w[-1] in ".!?")


def _sentence(words: list[str], i: int) -> tuple[int, int]:
    lo, hi = i, i
    while lo > 0 and not _ends(words[lo - 1]):
        lo -= 1
    while hi < len(words) and words[hi] not in _SENTENCE_END:
        hi += 1
        if _ends(words[hi - 1]):
            break
    return lo, hi
