"""The main need of a long story in the matcher (issue 12 points 2 and 4, tester10 class C3, ADR 0132).

The rules find a theme in every sentence of a story, so the setting's themes (werk from "ik werk in de thuiszorg",
opvoeden from "de kinderen") weighed as much as the need, and the theme word model, asked only when the rules found
nothing, was never asked about the part that asks. Here a need told only outside the focus of match/clauses.py is
the setting and weighs `SETTING_WEIGHT` of what it weighed; when no need of the rules lies in the focus, the word
model reads the focus alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from match.clauses import OVER_WEIGHT, SETTING_WEIGHT, ask_span, focus, recovered_spans, settled_spans
from match.themeclf import THRESHOLD, ThemeModel, candidates

# A setting need the word model still reads in the part that asks, at this share of the main need's, keeps its weight
ECHO_SHARE = 0.25
# A need of the sentences just before a sentence that asks for another need keeps this share (ADR 0151)
ASK_CONTEXT_WEIGHT = 0.8
W_STORY_MODEL = 0.6  # a need the word model reads in the focus weighs as an uncertain one (themeclf.W_MODEL)


def weigh_story(
    model: ThemeModel | None,
    onto: Any,
    text: str,
    hits: Iterable[Any],
    weights: dict[str, float],
    denied: Iterable[str],
) -> set[str]:
    """Lower the needs a long story tells only in its setting; when the rules read no need in the part that asks,
    the word model reads that part. Changes `weights` in place; returns the themes the model added."""
    span = focus(text)
    if span is None or not weights:
        return set()
    lo, hi = span
    themes = onto.themes
    settled = settled_spans(text)
    told = [h for h in hits if not h.negated and h.theme_id in weights]
    inside = {
        h.theme_id
        for h in told
        if h.start < hi and lo < h.end and not any(a <= h.start and h.end <= b for a, b in settled)
    }
    asked = _asked(onto, text, told, settled)
    near = set()  # needs of the sentences just before an ask that names its own need: context (ADR 0151)
    if asked:
        near = {
            t for t in inside if t not in asked and not _signal(themes, t) and not _related(onto, t, asked)
        }
        inside -= near
        lo, hi = ask_span(text) or (lo, hi)
    outside = {h.theme_id for h in told} - inside - near
    recovered = recovered_spans(text)  # a complaint that is over (ADR 0147)
    over = {
        t
        for t in outside
        if all(any(a <= h.start and h.end <= b for a, b in recovered) for h in told if h.theme_id == t)
    }
    added: set[str] = set()
    specific_inside = {t for t in inside if not _signal(themes, t) and themes[t].parents}
    if not specific_inside and model is not None:
        added = _model_reads_focus(model, onto, text[lo:hi], weights, denied)
    for tid in near:  # still central (needfit.CENTRAL_SHARE), so the asked need's service is put first
        weights[tid] *= ASK_CONTEXT_WEIGHT
    if not (specific_inside or added):
        return added
    p = model.probabilities(text[lo:hi]) if model is not None else None
    main = max((_mass(model, onto, p, t) for t in specific_inside | added), default=0.0)
    for tid in outside:
        if _signal(themes, tid):
            continue
        if tid in over:  # told only as over ("mijn burn-out, dat gaat nu goed"): hardly a need (0147)
            weights[tid] *= OVER_WEIGHT
            continue
        if _related(onto, tid, specific_inside | added):
            continue
        if main and _mass(model, onto, p, tid) >= ECHO_SHARE * main:
            continue  # the part that asks still speaks of it, in other words ("een cursus waar niemand het weet")
        weights[tid] *= SETTING_WEIGHT
    return added


def _asked(onto: Any, text: str, told: list[Any], settled: list[tuple[int, int]]) -> set[str]:
    """The specific needs (no leefgebied, no danger) named in the last sentence that asks of a story of four or
    more sentences (match/clauses.py `ask_span`); empty when it names none ("Wie kan helpen?")."""
    span = ask_span(text)
    if span is None:
        return set()
    lo, hi = span
    themes = onto.themes
    return {
        h.theme_id
        for h in told
        if h.start < hi
        and lo < h.end
        and not _signal(themes, h.theme_id)
        and themes[h.theme_id].parents
        and not any(a <= h.start and h.end <= b for a, b in settled)
    }


def _mass(model: ThemeModel | None, onto: Any, p: Any, tid: str) -> float:
    """How much the word model reads a need in the part that asks: its probability with the needs above and
    under it."""
    if model is None or p is None:
        return 0.0
    return float(
        sum(p[i] for i, c in enumerate(model.classes) if c in onto.themes and _related(onto, c, {tid}))
    )


def _model_reads_focus(
    model: ThemeModel, onto: Any, part: str, weights: dict[str, float], denied: Iterable[str]
) -> set[str]:
    """The word model's confident themes for the part that asks, never a denied one (or one above or under it)."""
    denied = set(denied)
    out: set[str] = set()
    for g in candidates(model, part, THRESHOLD):
        if not onto.themes[g.theme_id].parents:
            continue  # a leefgebied says too little to outweigh the story's setting
        if g.theme_id in weights or any(_related(onto, g.theme_id, {d}) for d in denied):
            continue
        weights[g.theme_id] = W_STORY_MODEL
        out.add(g.theme_id)
    return out


def _signal(themes: Mapping[str, Any], tid: str) -> bool:
    return bool(getattr(themes.get(tid), "signal", None))


def _related(onto: Any, tid: str, others: set[str]) -> bool:
    """The same need, or one above or under it: a story's setting that names the broader need is no side need."""
    up = set(onto.ancestors(tid))
    return any(o == tid or o in up or tid in set(onto.ancestors(o)) for o in others)
