"""Cards whose way in the asker does not have (ontology/setting-words.yaml `school_door`, `parent_door`; helper
fix25, ADR 0188; tester25 E and N-T).

Why: "Basisschool: zorgen signaleren en samenwerken" is how a primary school works with its worries ("via de
leerkracht of de intern begeleider"); it was card 1 for a parent whose boy of 9 is bullied, and card 2 for teen
writers who wrote "school" or "toets", above the support team at school that a parent or child can call. And
Steungezin and Home-Start, which a parent of young children asks for, were shown to a lonely teenager with "je kunt
er zelf terecht". A card whose way in is the school (its own application_process, read with the same route phrases
as the why-line: labels-inwoner.yaml `application_process`) goes behind the first `after` other cards with a reason;
a card whose only way in is the parent (match/child_reach.py `parents_only`) is not shown when a child writes. A
danger's route keeps its place.

The routes are data; this module knows no word. Privacy: only service data is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from match.child_reach import parents_only
from match.setting_words import data


def _via(facts: Any, routes: Any, vias: frozenset[str]) -> bool:
    """The service's own application_process names one of the `vias` routes (whole-phrase, case-folded)."""
    text = " ".join(str(getattr(facts, "application_process", "") or "").casefold().split())
    if not text:
        return False
    for route in routes or ():
        if getattr(route, "via", None) in vias and any(
            re.search(rf"(?<!\w){re.escape(p.casefold())}", text + " ") for p in route.phrases
        ):
            return True
    return False


def school_door_behind(best: list[Any], way_in: Callable[[Any], Any], routes: Any) -> list[Any]:
    """`best` (Scored, in the order shown) with the cards whose way in is the school behind the first `after`
    other cards with a reason (order kept otherwise). Unchanged when there are no such cards or no others."""
    conf = dict(data().get("school_door") or {})
    vias = frozenset(str(v) for v in conf.get("vias") or ())
    if not best or not vias:
        return best
    after = int(conf.get("after") or 3)
    school = [s for s in best if getattr(s, "top", 0) <= 0 and _via(way_in(s.cand), routes, vias)]
    if not school:
        return best
    ids = {id(s) for s in school}
    others = [s for s in best if id(s) not in ids]
    reasoned = [i for i, s in enumerate(others) if getattr(s, "fit", 0) > 0]
    if not reasoned:
        return best
    cut = reasoned[min(after, len(reasoned)) - 1] + 1
    return others[:cut] + school + others[cut:]


def no_parent_doors(best: list[Any], young_writer: bool) -> list[Any]:
    """Without the cards only a parent can use when a child writes (`parent_door.young_writer_sees` false); a
    danger's route stays. Unchanged for everyone else."""
    if not young_writer or (data().get("parent_door") or {}).get("young_writer_sees", True):
        return best
    kept = [s for s in best if getattr(s, "top", 0) > 0 or not parents_only(s.cand)]
    return kept if kept else best
