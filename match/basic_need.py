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

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

from match.words import _data
from match.writer_put_out import read_the_roof


@cache
def _config() -> tuple[frozenset[str], float]:
    raw = _data().get("basic_needs") or {}
    return frozenset(str(t) for t in raw.get("themes") or ()), float(raw.get("others_keep", 1.0))


def basic_need_first(weights: dict[str, float], analysis: Any, known: Mapping[str, Any]) -> None:
    """Lower the other needs (no danger, not above the basic need) when a basic need is told (changes `weights`
    in place). An adult put out of the home tells it by what was done to them (match/writer_put_out.py, ADR 0178)."""
    basic, keep = _config()
    hits: Iterable[Any] = analysis.hits
    read = read_the_roof(weights, analysis)
    told = ({h.theme_id for h in hits if not getattr(h, "negated", False)} | read) & basic & set(weights)
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


def basic_need_line(weights: Mapping[str, float], name: Callable[[str], str], template: str) -> str:
    """The front door's line when nothing on the kaart fits and a basic need was told: it names what was
    understood ("Voor geen huis of slaapplek staat nog geen aanbod in de kaart", tester22 B10, ADR 0178), not
    "Voor deze vraag". "" when no basic need is among the needs (or no template)."""
    told = [t for t in weights if t in _config()[0]]
    return template.format(need=name(told[0]), age="") if told and template else ""
