"""Needs that exist for one age group only, vetoed by a stated age of the person they are said of (ADR 0144).

Why: one word can carry a need of another age. "Thuis zegt hij bijna niks meer" reads as a young child's speech
development (ontwikkeling-taal), but said of "mijn zoon van 15" it is a teenager who withdraws: JGZ "leren praten"
at #1 is the wrong age (tester14 t14-26, class D). A phrase list cannot tell the two apart; the age can. A need of
`need_age_bands` (ontology/words.yaml, data) whose people in need (match/ages.py `by_need`, else every person
with an age) are all stated to be outside its band is no need of this question: it is read as its parent theme
(the broader need, here opvoeden-opgroeien), so the worry stays and the help fits the age. Without a stated age
nothing changes, and a guessed writer's age (ADR 0131) vetoes nothing. A child's need read for an adult is
dropped without a growing-up need in its place. And in a minor asker's text an adult's daily-life need gives way
to the parent's problem it describes (`minor_asker_gives_way`: "ik ben 12 en mijn moeder ligt de hele dag op de
bank" is her low mood, not the child's dagbesteding), while an adult child's story about an old parent keeps it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from match.asker_age import _young_band
from match.words import _data, fold, has_phrase, phrase_seqs


@cache
def need_age_bands() -> dict[str, tuple[int, int]]:
    """theme id -> (youngest, oldest) age the need exists for (words.yaml `need_age_bands`)."""
    raw = _data().get("need_age_bands") or {}
    return {tid: (int(lo), int(hi)) for tid, (lo, hi) in raw.items()}


def _outside(person: Any, lo: int, hi: int) -> bool:
    """The person's stated age lies wholly outside the band."""
    if person.hi is None:
        return person.lo > hi
    return person.lo > hi or person.hi < lo


def veto_other_ages(
    weights: dict[str, float], ages: Any, known: Mapping[str, Any], words: Sequence[str] = ()
) -> list[str]:
    """Drop the needs whose people in need are all outside the need's age band; the parent theme takes the
    weight. Returns the vetoed theme ids (for tests and the ADR's numbers)."""
    writer_age_by_need(weights, ages)
    if getattr(ages, "guessed", False):
        return []
    by_need = getattr(ages, "by_need", {}) or {}
    persons = [p for p in getattr(ages, "persons", ()) if p.typical is not None]
    vetoed = []
    for tid, (lo, hi) in need_age_bands().items():
        if tid not in weights:
            continue
        people = by_need.get(tid) or persons
        if not people or not all(_outside(p, lo, hi) for p in people):
            continue
        w = weights.pop(tid)
        vetoed.append(tid)
        if any(p.lo >= 18 for p in people):
            continue  # a child's need read for an adult is no need of theirs at all, not a growing-up need
        for parent in getattr(known.get(tid), "parents", ()) or ():
            if parent in known:
                weights[parent] = max(w, weights.get(parent, 0.0))
    return vetoed + _minor_asker(weights, ages) + young_child_reads(weights, ages, known, words)


@cache
def _gives_way() -> dict[str, frozenset[str]]:
    """need -> the needs it gives way to in a minor asker's text (words.yaml `minor_asker_gives_way`)."""
    return {k: frozenset(v or ()) for k, v in (_data().get("minor_asker_gives_way") or {}).items()}


def _minor_asker(weights: dict[str, float], ages: Any) -> list[str]:
    """A minor asker ("ik ben 12"): an adult's daily-life need gives way to the parent's problem it describes."""
    if not any(p.asker and p.child for p in getattr(ages, "persons", ())):
        return []
    out = []
    for tid, others in _gives_way().items():
        if tid in weights and others & set(weights):
            weights.pop(tid)
            out.append(tid)
    return out


@cache
def _writer_need_ages() -> dict[str, tuple[int, int, int]]:
    """need -> (min, max, typical) age of a young writer whose own need it is (words.yaml `young_writer_need_ages`)."""
    raw = _data().get("young_writer_need_ages") or {}
    return {tid: (int(lo), int(hi), int(typ)) for tid, (lo, hi, typ) in raw.items()}


def writer_age_by_need(weights: Mapping[str, float], ages: Any) -> bool:
    """A writer who may be young and states no age (a youth cue, or an age guessed from a child's words: 8-17,
    typically 12) and whose own need tells an older age band: a pupil who vapes, blows or drinks is of secondary
    school age (tester18 B8, ADR 0162), so the guessed 12 no longer makes a primary school fit. Changes `ages` (the
    asker and the list of years) in place; returns whether it did. A stated age, or another person named with an
    age, keeps everything as it is."""
    bands = [b for tid, b in _writer_need_ages().items() if tid in weights]
    persons = tuple(getattr(ages, "persons", ()))
    askers = [p for p in persons if p.asker]
    if ages is None or not bands or not askers or any(not p.asker and p.typical is not None for p in persons):
        return False
    young = _young_band()[:2]
    if not all((p.hi is None and p.typical is None and p.lo < 18) or (p.lo, p.hi) == young for p in askers):
        return False  # a stated age ("ik ben 13"), or an adult asker
    lo, hi, typical = max(bands)
    swap = {p: dataclasses.replace(p, lo=lo, hi=hi, typical=typical) for p in askers}
    ages.persons = tuple(swap.get(p, p) for p in persons)
    ages.by_need = {t: tuple(swap.get(p, p) for p in ps) for t, ps in getattr(ages, "by_need", {}).items()}
    ages[:] = [typical]
    ages.guessed = True
    return True


@cache
def _young_child() -> dict[str, Any]:
    """words.yaml `young_child_needs`: the needs, the age up to which a child is young, what they read as."""
    return dict(_data().get("young_child_needs") or {})


def young_child_reads(
    weights: dict[str, float], ages: Any, known: Mapping[str, Any], words: Sequence[str] = ()
) -> list[str]:
    """A need of the mind said of a baby or toddler is a parenting question (ADR 0160): `reads` (opvoeding) comes
    next to it with its weight, and the need itself counts `shared_weight` (the parent worn out by the nights may
    still need help of their own). Returns the needs it changed."""
    conf = _young_child()
    reads, up_to = conf.get("reads"), conf.get("up_to")
    if not reads or reads not in known or up_to is None or getattr(ages, "guessed", False):
        return []
    # a mother low after the birth is her own need, not the baby's (`not_with`: safety18's postnatal sentences)
    if has_phrase([fold(w) for w in words], phrase_seqs(conf.get("not_with"))):
        return []
    by_need = getattr(ages, "by_need", {}) or {}
    # the people in need of it; a need read from the whole text (the theme model) has none: everyone with an age
    aged = tuple(p for p in getattr(ages, "persons", ()) if p.typical is not None)
    out = []
    for tid in conf.get("needs") or ():
        if tid not in weights:
            continue
        people = by_need.get(tid) or aged
        if not any(p.hi is not None and p.hi <= int(up_to) for p in people):
            continue
        w = weights[tid]
        weights[reads] = max(w, weights.get(reads, 0.0))
        # kept, lighter: the combinations of match/weights.py read the hits and count on the need being there
        weights[tid] = w * float(conf.get("shared_weight", 1.0))
        out.append(tid)
    return out
