"""A roof before a job: a basic need leads the answer (tester21 B10, ADR 0171).

Why: "Ik ben uit huis gezet en slaap nu in de auto, ik heb ook geen werk meer" put two work services first and the
front door that says the kaart has no shelter only third. Where to sleep tonight comes before the other needs told
with it. A basic need (ontology/words.yaml `basic_needs`) told as a need (not negated) makes the other needs that
are no danger keep `others_keep` of their weight, and when the kaart has no help for it, the front door that says so
comes first instead of after the services for the other needs. "Ik sta op straat" after a lost job is no basic need
here: words.yaml `figurative` drops it before this step (ADR 0167). A danger is never lowered.

Privacy: reads theme ids and weights only; nothing is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from match.words import _data


@cache
def _config() -> tuple[frozenset[str], float]:
    raw = _data().get("basic_needs") or {}
    return frozenset(str(t) for t in raw.get("themes") or ()), float(raw.get("others_keep", 1.0))


def basic_need_first(weights: dict[str, float], hits: Iterable[Any], known: Mapping[str, Any]) -> None:
    """Lower the other needs (no danger, not above the basic need) when a basic need is told (changes `weights`
    in place)."""
    basic, keep = _config()
    told = {h.theme_id for h in hits if not getattr(h, "negated", False)} & basic & set(weights)
    if not told or keep >= 1.0:
        return
    above = set().union(*(set(getattr(known.get(t), "parents", ()) or ()) for t in told))
    for tid in list(weights):
        if tid in basic or tid in above or getattr(known.get(tid), "signal", None):
            continue
        weights[tid] *= keep


def door_first(uncovered: Iterable[str]) -> bool:
    """A basic need the kaart has no help for: the front door that says so leads."""
    return not _config()[0].isdisjoint(uncovered)
