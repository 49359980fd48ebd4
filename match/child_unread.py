"""A question about a child of a stated age that names no need is that child's upbringing (ADR 0167, issue 12).

Why: a parent often tells only what the child does, in words no need phrase knows: "Hij is 14 en scheldt ons de huid
vol als de wifi uitgaat, ik ben er helemaal kapot van", "De kleuterjuf zegt dat onze zoon (4) moeilijk contact maakt
met andere kinderen. Wat nu?". Nothing was read, so the answer was the front door alone (the held-out kinds
"nothing useful among the over-escalation controls" and opvoeden-jong). Phrase lists for every act of every child
do not generalise; who the question is about does: a child (an age under 18 told as a number, not guessed) who is
not the writer, and no need read at all (or only the youth domain and the writer's strain that points back to
the child: "die kleine van ons (3) smijt zijn bord door de keuken, ik trek het niet meer"). Then the question is the child's upbringing: `young` (opvoeding: JGZ,
the consultatiebureau, parenting support) for a child up to `young_up_to`, else `older` (the youth domain). A need
read, a danger read, a young writer with an age of their own, or no child with an age leave the question as it was.
All settings are data (ontology/words.yaml `child_without_a_need`).

Privacy: the text is not read here; only the ages the analyzer found.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from match.basic_need import basic_need_first
from match.not_their_need import no_child_in_need, outing_asked
from match.strain_back import strain_gives_way
from match.words import _data


@cache
def _config() -> dict[str, Any]:
    return dict(_data().get("child_without_a_need") or {})


def child_without_a_need(
    weights: dict[str, float], ages: Any, known: Mapping[str, Any], gave_way: Iterable[str] = ()
) -> str | None:
    """Add (in place) the upbringing of a child with a told age when the question reads no need of its own: nothing,
    or only the broad youth domain (`not_a_need`) and the writer's strain that pointed back and gave way
    (`gave_way`, match/strain_back.py: "ik trek het niet meer"). Returns the theme added, or None."""
    conf = _config()
    if not conf or getattr(ages, "guessed", False):
        return None
    if set(weights) - set(conf.get("not_a_need") or ()) - set(gave_way):
        return None
    persons = tuple(getattr(ages, "persons", ()) or ())
    if any(p.asker and p.typical is not None for p in persons):
        return None  # the writer's own age: a young writer asks for themself, an adult names their own
    kids = [p for p in persons if p.typical is not None and p.child and not p.asker]
    if not kids:
        return None
    youngest = min(p.hi for p in kids if p.hi is not None)
    tid = conf.get("young") if youngest <= int(conf.get("young_up_to", 5)) else conf.get("older")
    if not tid or tid not in known:
        return None
    weights[tid] = max(weights.get(tid, 0.0), float(conf.get("weight", 1.0)))
    return tid


def everyday_need_first(weights: dict[str, float], analysis: Any, known: Mapping[str, Any]) -> None:
    """The engine's step for the everyday need under strong words: the writer's strain that points back gives way
    (ADR 0159), then a child with a told age and no need of its own is read as its upbringing (ADR 0167), then a
    basic need (no roof) leads the other needs (ADR 0171). A place to play asked for, or an animal and no child, is no
    child's need (ADR 0177)."""
    gave_way = strain_gives_way(weights, analysis.hits)
    if not outing_asked(analysis.tokens):  # a playground asked for is no upbringing (ADR 0177)
        child_without_a_need(weights, analysis.ages, known, gave_way)
    no_child_in_need(weights, analysis)  # a pup's training, a playground asked for (ADR 0177)
    basic_need_first(weights, analysis, known)
