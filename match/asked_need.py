"""The asked need of a short question over the feelings told on the way (tester20 B12, ADR 0169).

Why: a long story's need is read in the sentence that asks (match/story.py, ADR 0132 and 0151), but a question of
fewer than `clauses.STORY_MIN_WORDS` words is no story there, so every need named counted alike: "Sinds mijn vrouw
is overleden ben ik vaak verdrietig. Mijn kleinzoon deed altijd mijn bankzaken op de computer, maar hij is
verhuisd. Wie kan mij leren internetbankieren?" put grief and the POH above digital help. Here, in a question of two
or more sentences that match/story.py does not weigh, a feeling (ontology/asked-need.yaml `feelings`) told only
outside the last sentence that asks, while that sentence names another specific need, is the setting and keeps
`clauses.SETTING_WEIGHT` of its weight. A feeling the ask itself names stays; a danger is never lowered.

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.clauses import SETTING_WEIGHT, asks, focus, sentence_spans

ASKED_FILE = Path(__file__).resolve().parents[1] / "ontology" / "asked-need.yaml"


@cache
def feelings() -> frozenset[str]:
    """The theme ids of feelings (ontology/asked-need.yaml)."""
    raw = yaml.safe_load(ASKED_FILE.read_text(encoding="utf-8")) or {}
    return frozenset(str(t) for t in raw.get("feelings") or ())


def weigh_the_ask(onto: Any, text: str, hits: Iterable[Any], weights: dict[str, float]) -> None:
    """Lower the feelings a short question tells only outside the sentence that asks for another need (changes
    `weights` in place). Stories (match/clauses.py `focus`) are match/story.py's."""
    if focus(text) is not None:
        return
    spans = sentence_spans(text)
    asking = [(a, b) for a, b in spans if asks(text[a:b])]
    if len(spans) < 2 or not asking:
        return
    lo, hi = asking[-1]
    themes = onto.themes
    told = [h for h in hits if not h.negated and h.theme_id in weights]
    in_ask = {h.theme_id for h in told if h.start < hi and lo < h.end}
    asked = {
        t for t in in_ask if t in themes and themes[t].parents and not getattr(themes[t], "signal", None)
    }
    if not asked - feelings():
        return  # the ask names no need, or a feeling: the feeling is the need
    for tid in {h.theme_id for h in told} - in_ask:
        if tid in feelings() and not getattr(themes.get(tid), "signal", None):
            weights[tid] *= SETTING_WEIGHT
