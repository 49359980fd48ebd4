"""After the crisis line, a minor's self-harm or thoughts of suicide go on to the youth route (ontology/youth-route.yaml,
helper safety24, ADR 0183).

Why a module of its own: tester24 (docs/usertest/m12test24.md class D) asked, as a mentor, "Een leerling van 15
vertelde me dat ze zichzelf 's avonds snijdt. Wie schakel ik in …?" and got 113, then the adult "Huisarts en
praktijkondersteuner (POH)", brede intake and VAT; "ik ben 14 en ik snij mezelf" the same. The age was read (the
register said "je") but did not steer the cards after the crisis card: the only theme read is suicidaliteit, and
the youth services (POH jeugd, JGZ, school social work, jeugd-ggz) exist for psychische-klachten, so they were not
scored at all; the adult POH, for everyone, shares the danger's theme and came second.

Two steps, when a level of `levels` is raised and every person in need of its danger is a minor:
1. `youth_weights`: `follow_up` (psychische-klachten) is weighed for ranking, as after_crisis.py does for the person
   behind a danger at home (ADR 0174): no chip, the shown needs stay the question's.
2. `youth_first`: after the leading crisis cards (one per raised level: a second consultation card waits), the
   cards made for young people that fit the minor come first; a card for everyone keeps its place after them.
   Nothing is dropped.
3. `minor_consultation`: on the professional page, "moet ik haar ouders inlichten", "wie schakel ik in" next to a
   minor's self-harm raise the consultation level too (the aandachtsfunctionaris, Veilig Thuis' advice).
An adult who harms themself ("ik ben 34 en ik snij mezelf") keeps the adult help: no person in need is a minor.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.words import has_phrase, phrase_seqs

DATA_FILE = Path(__file__).resolve().parents[1] / "ontology" / "youth-route.yaml"


@cache
def _data() -> dict[str, Any]:
    raw = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8")) or {}
    return {
        "levels": frozenset(str(x) for x in raw.get("levels") or ()),
        "follow_up": tuple(str(x) for x in raw.get("follow_up") or ()),
        "consult_level": str(raw.get("consult_level") or ""),
        "consult_theme": str(raw.get("consult_theme") or ""),
        "consult_asks": phrase_seqs(raw.get("consult_asks")),
        "weight": float(raw.get("weight") or 0.5),
        "youth_max": int(raw.get("youth_max") or 27),
    }


def minor_in_danger(safety: Any, ages: Any, child_speaker: bool | None) -> bool:
    """A level of the youth route is raised and every person the text names in need of its danger is a minor;
    with nobody read for it, a writer read as a child (the register) and no adult age told."""
    levels = _data()["levels"]
    themes = {t for lv, told in getattr(safety, "triggers", {}).items() if lv in levels for t in told}
    if not themes:
        return False
    by_need = getattr(ages, "by_need", {}) or {}
    people = [p for t in themes for p in by_need.get(t, ())]
    if people:
        return all(p.child for p in people)
    return bool(child_speaker) and not any(a >= 18 for a in ages or ())


def youth_weights(ctx: Any, ages: Any) -> None:
    """Weigh the youth follow-up need for ranking (changes `ctx.weights` and `ctx.total`)."""
    data = _data()
    if not data["follow_up"] or not minor_in_danger(ctx.safety, ages, ctx.child_speaker):
        return
    danger = max(
        (ctx.weights.get(t, 0.0) for told in ctx.safety.triggers.values() for t in told), default=1.0
    )
    for need in data["follow_up"]:
        ctx.weights.setdefault(need, (danger or 1.0) * data["weight"])
    ctx.total = sum(ctx.weights.values()) or 1.0


def _for_young(s: Any, youth_max: int) -> bool:
    ages = s.cand.ages
    return bool(ages) and s.age_fit is not False and any(hi is not None and hi <= youth_max for _, hi in ages)


def youth_first(best: list[Any], ctx: Any, ages: Any) -> list[Any]:
    """`best` (Scored, in the order shown) with the cards made for young people right after the crisis cards."""
    if not best or not minor_in_danger(ctx.safety, ages, ctx.child_speaker):
        return best
    lead = 0
    while lead < len(best) and ctx.safety.rank_of(best[lead].cand) is not None:
        lead += 1
    youth_max = _data()["youth_max"]
    ranks: set[int | None] = set()
    first, more = [], []  # one crisis card per raised level leads; a second card of a level follows the youth
    for s in best[:lead]:
        rank = ctx.safety.rank_of(s.cand)
        (more if rank in ranks else first).append(s)
        ranks.add(rank)
    young = [s for s in best[lead:] if _for_young(s, youth_max)]
    rest = [s for s in best[lead:] if not _for_young(s, youth_max)]
    return first + young + more + rest


def minor_consultation(assessor: Any, safety: Any, analysis: Any, audience: str) -> Any:
    """A professional who tells a minor's self-harm and asks whether to tell the parents or whom to bring in asks
    for a consultation too: `safety` with the consultation level added after the crisis level (a new Safety)."""
    data = _data()
    level = assessor.onto.safety.level(data["consult_level"]) if data["consult_level"] else None
    if (
        audience != "professional"
        or level is None
        or level in safety.levels
        or not minor_in_danger(safety, analysis.ages, None)
        or not has_phrase(analysis.tokens, data["consult_asks"])
    ):
        return safety
    levels = sorted([*safety.levels, level], key=lambda lv: lv.rank)
    triggers = {**safety.triggers, level.id: {data["consult_theme"]}}
    return replace(safety, levels=levels, veiligheid=True, triggers=triggers)
