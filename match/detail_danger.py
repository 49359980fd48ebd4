"""Dangers told in concrete, everyday detail stay dangers (ontology/danger-detail.yaml, helper danger25, ADR 0186).

Why: tester25 (docs/usertest/m12test25.md BROKEN 1, 2, 4, class N-Q) found that a danger caught in its bare words
was lost when the resident added what residents add: the instrument ("beschadigt zichzelf met een schaar"), what
was found ("bloed op haar handdoek"), the time and the story around it ("loopt 's avonds weg. Hij is nu zoek.").
The cause is in the signal rules of safety.yaml (match/signals.py): one `unless` word anywhere in the sentence
cancels a rule, and those lists mix words of an ACCIDENT or a task (per ongeluk, bij het koken, gesneden aan een
blikje) with words that are only DETAIL of the act (scissors, a shard, the bathroom, the dog he went out with).
So a detail cancelled the danger, while an accident told with words the list lacked ("bij het scheren") did not.

This module separates the two, all as data:
- `keeps`: an `unless` veto made only of detail words does not cancel a self-harm rule whose act is done on
  purpose to oneself ("zichzelf", "in haar armen") when no accident is told; for the rule of an old person missing
  now, a thing (a dog, a phone) cancels only when its own clause says it is the lost one ("zijn bril is zoek").
- `accident_drops`: a self-harm hit, and a weapon hit ("met een mes"), in a sentence that tells an accident or a
  task ("sneed zich per ongeluk", "bij het scheren gesneden") is no danger, whichever rule or phrase made it.
- `extra_rules`: rules in the shape of safety.yaml's: a passive death wish ("waarom ik nog besta"), and an old
  person missing now told over two sentences ("Mijn opa heeft alzheimer. Hij is nu zoek.").
- `story_found`: a confused old person who wandered, told by what happened (brought home by the police, ringing
  the neighbours' bell at night), for match/safety_wandering.py's note.

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold, has_phrase, phrase_seqs

DETAIL_FILE = Path(__file__).resolve().parents[1] / "ontology" / "danger-detail.yaml"
SENTENCE_END = frozenset({".", "!", "?", ";", "\n"})
NEGATORS = frozenset({"geen", "niet", "nooit", "zonder"})  # "het was geen ongeluk" tells no accident
DELIBERATE_REACH = 4  # words around a self-harm hit where the act done to oneself is read


def _set(values: Any) -> frozenset[str]:
    return frozenset(fold(str(v)) for v in values or () if v)


def _at(words: list[str], phrase: tuple[str, ...], lo: int, hi: int) -> list[int]:
    """Where `phrase` starts in words[lo:hi]."""
    n = len(phrase)
    return [i for i in range(max(lo, 0), min(hi, len(words)) - n + 1) if tuple(words[i : i + n]) == phrase]


def _sentence(words: list[str], i: int) -> tuple[int, int]:
    """The sentence around token i."""
    lo = i
    while lo > 0 and words[lo - 1] not in SENTENCE_END:
        lo -= 1
    hi = i
    while hi < len(words) and words[hi] not in SENTENCE_END:
        hi += 1
    return lo, hi


@dataclass(frozen=True)
class DetailDanger:
    """The readings of ontology/danger-detail.yaml, compiled once; every method is pure."""

    self_harm_rules: frozenset[str]
    deliberate: tuple[tuple[str, ...], ...]
    detail: frozenset[tuple[str, ...]]
    accident: tuple[tuple[str, ...], ...]
    task_frames: tuple[tuple[str, ...], ...]
    cut_on: frozenset[str]
    cut_on_after: tuple[tuple[str, ...], ...]
    weapon_themes: frozenset[str]
    clause_rules: frozenset[str]
    clause_ends: frozenset[str]
    things: frozenset[str]
    lost: frozenset[str]
    raw_rules: tuple[dict[str, Any], ...]
    events: tuple[tuple[str, ...], ...]
    places: tuple[tuple[str, ...], ...]
    night: tuple[tuple[str, ...], ...]
    confusion: tuple[tuple[str, ...], ...]
    story_unless: tuple[tuple[str, ...], ...]
    story_keep: tuple[tuple[str, ...], ...]

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None) -> DetailDanger:
        cfg = cfg or {}
        harm = cfg.get("self_harm") or {}
        clause = cfg.get("clause_bound") or {}
        story = cfg.get("wander_story") or {}
        return cls(
            self_harm_rules=frozenset(str(r) for r in harm.get("rules") or ()),
            deliberate=phrase_seqs(harm.get("deliberate")),
            detail=frozenset(phrase_seqs(harm.get("detail"))),
            accident=phrase_seqs(harm.get("accident")),
            task_frames=phrase_seqs(harm.get("task_frames")),
            cut_on=_set(harm.get("cut_on")),
            cut_on_after=phrase_seqs(harm.get("cut_on_after")),
            weapon_themes=frozenset(str(t) for t in harm.get("weapon_themes") or ()),
            clause_rules=frozenset(str(r) for r in clause.get("rules") or ()),
            clause_ends=_set(clause.get("clause_ends")),
            things=_set(clause.get("things")),
            lost=_set(clause.get("lost")),
            raw_rules=tuple(dict(r) for r in cfg.get("rules") or () if r),
            events=phrase_seqs(story.get("events")),
            places=phrase_seqs(story.get("places")),
            night=phrase_seqs(story.get("night")),
            confusion=phrase_seqs(story.get("confusion")),
            story_unless=phrase_seqs(story.get("unless")),
            story_keep=phrase_seqs(story.get("unless_keep")),
        )

    # -- the `unless` veto of a signal rule ----------------------------------------------------------------------

    def keeps(
        self, rule_id: str, words: list[str], vetoes: list[tuple[int, int]], hit: tuple[int, int]
    ) -> bool:
        """Does the rule's hit stand although `unless` words were found (`vetoes`, token spans)? Only when every
        veto is detail of the act, never an accident or a task (match/signals.py asks this)."""
        if rule_id in self.self_harm_rules:
            lo, hi = _sentence(words, hit[0])
            return (
                all(tuple(words[s:e]) in self.detail for s, e in vetoes)
                and self._deliberate(words, hit)
                and not self.accident_in(words, lo, hi)
            )
        if rule_id in self.clause_rules:
            return all(self._detail_thing(words, s, e) for s, e in vetoes)
        return False

    def slack(self, rule_id: str, words: list[str], lo: int, hi: int) -> int:
        """Words of detail in the sentence that do not count in a self-harm rule's window: the instrument with its
        article and an age ("krast mijn dochter van 14 met een glasscherf in haar armen")."""
        if rule_id not in self.self_harm_rules:
            return 0
        extra = 0
        for phrase in self.detail:
            for i in _at(words, phrase, lo, hi):
                extra += len(phrase) + (2 if i >= 2 and words[i - 2] == "met" else 0)
        ages = [
            i
            for i in range(max(lo, 0), min(hi, len(words)) - 1)
            if words[i] == "van" and words[i + 1].isdigit()
        ]
        return extra + 2 * len(ages)

    def _deliberate(self, words: list[str], hit: tuple[int, int]) -> bool:
        """An act done on purpose to oneself near the hit: "beschadigt zichzelf", "krast in haar armen"."""
        lo, hi = hit[0] - DELIBERATE_REACH, hit[1] + DELIBERATE_REACH
        return any(_at(words, p, lo, hi) for p in self.deliberate)

    def _detail_thing(self, words: list[str], s: int, e: int) -> bool:
        """A thing named in a clause that does not say it is lost ("ging de hond uitlaten en is niet
        teruggekomen"): detail of the story. Any other veto word (vroeger, gevonden) is no detail."""
        if e - s != 1 or words[s] not in self.things:
            return False
        lo = s
        while lo > 0 and words[lo - 1] not in self.clause_ends:
            lo -= 1
        hi = e
        while hi < len(words) and words[hi] not in self.clause_ends:
            hi += 1
        return not self.lost.intersection(words[lo:hi])

    # -- an accident told -----------------------------------------------------------------------------------------

    def accident_in(self, words: list[str], lo: int, hi: int) -> bool:
        """An accident or a task in words[lo:hi]: "per ongeluk", "bij het scheren", "gesneden aan een blikje";
        not a denied one ("het is geen ongeluk")."""
        for phrase in self.accident:
            for i in _at(words, phrase, lo, hi):
                if not NEGATORS.intersection(words[max(lo, i - 2) : i]):
                    return True
        for frame in self.task_frames:
            for i in _at(words, frame, lo, hi):
                nxt = i + len(frame)
                if nxt < hi and len(words[nxt]) > 4 and words[nxt].endswith("en"):
                    return True
        for i in range(max(lo, 0), min(hi, len(words))):
            if words[i] in self.cut_on and any(
                _at(words, p, i + 1, min(hi, i + 5)) for p in self.cut_on_after
            ):
                after = [j for p in self.cut_on_after for j in _at(words, p, i + 1, min(hi, i + 5))]
                if all(words[j + 2 : j + 3] != [words[i]] for j in after):  # "is aan het snijden"
                    return True
        return False

    def accident_veto(self, rule_id: str, words: list[str], lo: int, hi: int) -> bool:
        """A self-harm rule cancelled by an accident told in its sentence ("mezelf gesneden aan een glasscherf"):
        the word model must not read self-harm into the same words (its theme joins the guarded ones)."""
        return rule_id in self.self_harm_rules and self.accident_in(words, lo, hi)

    def accident_drops(self, words: list[str], label: str, span_id: str, start: int, end: int) -> bool:
        """A self-harm hit or a weapon hit in a sentence that tells an accident or a task: no danger (the phrase
        guard asks this, match/safety_guard.py)."""
        rule = span_id[len("rule:") :] if span_id.startswith("rule:") else ""
        if not (rule in self.self_harm_rules or label in self.weapon_themes):
            return False
        if label in self.weapon_themes and rule:
            return False  # a rule of acute danger is no weapon phrase
        lo, hi = _sentence(words, start)
        return self.accident_in(words, lo, hi)

    # -- a confused old person who wandered, told by what happened ---------------------------------------------

    def story_found(self, words: list[str], old: bool) -> bool:
        """An old person (`old`, read by the caller), a sign of confusion (dementia, a lost way, night clothes, the
        police) and an event of wandering (brought home, ringing the neighbours' bell), or a place outside at night
        or with a lost way; no outing, round or alarm (`unless`)."""
        if not old or not has_phrase(words, self.confusion):
            return False
        if not (
            has_phrase(words, self.events)
            or (has_phrase(words, self.places) and has_phrase(words, self.night))
        ):
            return False
        return not has_phrase(words, self.story_unless) or has_phrase(words, self.story_keep)

    def story_span(self, words: list[str]) -> tuple[int, int] | None:
        """The first event of the story, as token offsets: where the need of dementia is marked."""
        spans = [(i, i + len(p)) for p in self.events + self.places for i in _at(words, p, 0, len(words))]
        return min(spans) if spans else None


@lru_cache(maxsize=1)
def detail_danger() -> DetailDanger:
    """The readings of ontology/danger-detail.yaml (read once per process)."""
    with DETAIL_FILE.open(encoding="utf-8") as fh:
        return DetailDanger.from_config(yaml.safe_load(fh))


def extra_rules() -> tuple[Any, ...]:
    """danger-detail.yaml `rules` as safety.yaml signal rules (ontology.schema.SignalRule), for match/signals.py."""
    from ontology.schema import SignalRule, normalize_phrase

    def flat(group: Any) -> tuple[str, ...]:
        return tuple(normalize_phrase(str(w)) for w in group or () if w)

    return tuple(
        SignalRule(
            id=str(r["id"]),
            theme=str(r.get("theme") or ""),
            groups=tuple(flat(g) for g in r.get("all") or ()),
            window=int(r.get("window", 14)),
            unless=flat(r.get("unless")),
            sentences=max(1, int(r.get("sentences", 1))),
        )
        for r in detail_danger().raw_rules
    )
