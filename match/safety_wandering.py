"""A confused old person who wanders outside at night, or cannot find the way home, is a care question with a note
of its own, not danger at home (safety.yaml `phrase_guards.wandering`, helper safety24, ADR 0183).

Why a module of its own: ADR 0106 made the confused neighbour who wanders at night a care question (no safety
level, the casemanager dementie first). tester24 (docs/usertest/m12test24.md class C) found the two sides of it:
"Mijn vader van 80 liep vannacht in zijn pyjama over de provinciale weg en wist niet meer waar hij woonde" got no
word about what to do tonight, and "Mijn opa van 86 stond vannacht buiten in de kou en wist niet waar hij was" got
Veilig Thuis first: the word model read "buiten in de kou" as someone put out. Wandering is not abuse.

The reading (all data): a word of being lost (verdwaald, weet niet (meer) waar hij is, de weg kwijt, kan zijn huis
niet vinden) with a place outside (op straat, buiten, in de kou, in zijn pyjama), or a verb of wandering (dwaalt)
outside or at night; and an old person (an age of 65 or more, opa, oma, dementie, alzheimer; a verb of wandering
needs no age). "de weg kwijt" at home with a night is confusion, no wandering (dev a845's delusions keep their
psychiatric crisis). With it, and no person who harms him:
- the word model reads no danger at home into the same words (`found`, used by match/safety.py);
- the need is dementie when no hit named it (so "verward" alone is no psychiatric crisis, ADR 0106);
- the answer carries one proportionate message (`note`): the huisarts today, the casemanager dementie or the
  lokale team, and 112 only when he is missing or in danger now. No safety level is raised: the JSON signals stay
  false, as ADR 0106 chose, and no crisis line is put on top.
Missing now ("is weggelopen en we kunnen hem niet vinden") is the acute rule `acuut-oudere-kwijt`: 112 first, and
this note is not added next to it. Someone who harms him keeps Veilig Thuis (the rules raise it; no note then).

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.detail_danger import detail_danger
from match.harm_reading import PERSON, UNKNOWN, HarmReading
from match.words import fold, has_phrase, phrase_seqs


def _set(values: Any) -> frozenset[str]:
    return frozenset(fold(str(v)) for v in values or () if v)


@dataclass(frozen=True)
class Wandering:
    """`phrase_guards.wandering`: `lost`, `wanders`, `outside`, `night` and `old` words, `old_from` (an age), `puts_out` (someone
    who puts him out is danger, not wandering) and the Dutch `message`."""

    lost: tuple[tuple[str, ...], ...]
    wanders: frozenset[str]  # a verb of dementia's wandering itself (dwaalt): no age needed
    outside: tuple[tuple[str, ...], ...]
    night: tuple[tuple[str, ...], ...]
    old: frozenset[str]
    old_from: int
    puts_out: tuple[tuple[str, ...], ...]
    message: str
    need: str
    harm: HarmReading

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None, harm: HarmReading) -> Wandering:
        cfg = cfg or {}
        return cls(
            lost=phrase_seqs(cfg.get("lost")),
            wanders=_set(cfg.get("wanders")),
            outside=phrase_seqs(cfg.get("outside")),
            night=phrase_seqs(cfg.get("night")),
            old=_set(cfg.get("old")),
            old_from=int(cfg.get("old_from", 65)),
            puts_out=phrase_seqs(cfg.get("puts_out")),
            message=str(cfg.get("message") or ""),
            need=str(cfg.get("need") or ""),
            harm=harm,
        )

    def _old(self, words: list[str]) -> bool:
        """An old person: a word for one, or an age of `old_from` or more ("van 86", "(91)", "86-jarige")."""
        if self.old.intersection(words):
            return True
        for i, w in enumerate(words):
            if w.isdigit() and self.old_from <= int(w) < 120:
                before = words[i - 1] if i else ""
                after = words[i + 1] if i + 1 < len(words) else ""
                if before in {"van", "(", "is", "ben", "wordt"} or after in {"jaar", "-", "jarige", ")"}:
                    return True
        return False

    def found(self, words: list[str]) -> bool:
        """An old person lost outside, or wandering outside or at night, and nobody who harms or puts him out."""
        wanders = bool(self.wanders.intersection(words))
        outside = has_phrase(words, self.outside)
        if not (
            (wanders and (outside or has_phrase(words, self.night)))
            or (outside and has_phrase(words, self.lost))
            or detail_danger().story_found(words, self._old(words))  # told by what happened (ADR 0186)
        ):
            return False
        if not (wanders or self._old(words)) or has_phrase(words, self.puts_out):
            return False
        return not any(
            self.harm.agent_kind(words, v) in (PERSON, UNKNOWN) for v in self.harm.harm_verbs(words)
        )

    def need_spans(self, doc: Any, words: list[str], kept: list[Any]) -> list[Any]:
        """The need the reading names when no hit named it: dementie, over the first word of being lost, so that
        "verward" alone is no psychiatric crisis of an old person lost at night (ADR 0106's suppression)."""
        if not self.need or any(s.label_ == self.need for s in kept) or not self.found(words):
            return []
        from spacy.tokens import Span

        marks = [
            (i, i + len(p)) for p in self.lost for i in range(len(words)) if tuple(words[i : i + len(p)]) == p
        ]
        marks += [(i, i + 1) for i, w in enumerate(words) if w in self.wanders]
        story = detail_danger().story_span(words)  # brought home, out of the door at night (ADR 0186)
        marks += [story] if story else []
        if not marks:
            return []
        start, end = min(marks)
        return [Span(doc, start, end, label=self.need, span_id="rule:safety24-dwalen")]

    def note(self, words: list[str], raised: bool) -> list[str]:
        """The message for the answer: only when the reading holds and no safety level was raised."""
        return [self.message] if self.message and not raised and self.found(words) else []


def wander_note(assessor: Any, words: list[str], safety: Any) -> list[str]:
    """The wandering note for a match result (match/engine.py): the assessor's phrase guard holds the reading."""
    return assessor._phrase_guard().wandering.note(words, bool(safety.raised))
