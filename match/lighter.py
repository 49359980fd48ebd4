"""Lighter help first, also when a heavier service names the need more exactly (issue 12, docs/usertest/m12test4.md
class 6; ADR 0110).

The score prefers the lighter niveau, but a maatwerk service whose theme is the exact need ("passend onderwijs"
for dyslexia) still outranks the school that serves the same need from its leefgebied, and a casemanager dementie
(dementia and mantelzorg) outranks the mantelzorg support when the carer asks for herself. The rule here moves,
within the top 3, a lighter service (a niveau the question prefers: `Context.niveau_pref`, so not when it asks for
specialist help) above a heavier one when the lighter one serves every need of the person in need that the heavier
one serves (match/ages.py: the dementia of the husband is not the carer's need), and exists for one of them
itself (not only for their leefgebied: a community centre is no mantelzorg support). Scores are unchanged; only
the order of the top 3 moves, and never around a safety service.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

TOP = 3
HEAVY_FROM_RANK = 3  # niveaus.yaml rank: maatwerk and specialistisch, help behind a referral or an indication
FEW_LEEFGEBIEDEN = (
    2  # a service central for more leefgebieden serves none of them in particular (brede intake)
)


def lighter_first(
    best: list[Any],
    ctx: Any,
    ancestors: Mapping[str, set[str]],
    roots: frozenset[str],
    niveaus: Mapping[str, Any],
) -> list[Any]:
    """`best` (Scored, best first) with lighter help moved above heavier help for the same needs. Only help
    behind a referral or indication (`HEAVY_FROM_RANK`) gives way, each service once, to the first lighter one."""
    out = list(best)
    others = getattr(ctx.ages, "others_needs", lambda: frozenset())()
    prefer = ctx.niveau_pref
    moved: set[str] = set()
    for i in range(min(TOP, len(out))):
        heavy = out[i]
        if heavy.top or heavy.fit <= 0 or heavy.cand.id in moved:
            continue
        if getattr(niveaus.get(heavy.cand.niveau or ""), "rank", 0) < HEAVY_FROM_RANK:
            continue
        needs = {t for t in heavy.matched if t not in others} or set(heavy.matched)
        if not needs or not all(_serves(heavy.cand, t, ancestors, roots) for t in needs):
            continue
        weight = prefer.get(heavy.cand.niveau or "", 0.5)
        for j in range(i + 1, len(out)):
            light = out[j]
            if (
                light.top
                or not _for_someone(light, ctx)
                or prefer.get(light.cand.niveau or "", 0.5) <= weight
                or not needs <= set(light.matched)
                or not all(_serves(light.cand, t, ancestors, roots) for t in needs)
                or not any(t in light.cand.central or t in light.cand.themes_up for t in needs)
            ):
                continue
            moved.update((heavy.cand.id, light.cand.id))
            out.insert(i, out.pop(j))
            break
    return out


def _for_someone(entry: Any, ctx: Any) -> bool:
    """The service's ages fit someone in the question (the youth POH is no lighter help for an adult)."""
    if entry.age_fit is not None:
        return bool(entry.age_fit)
    ages, persons = entry.cand.ages, getattr(ctx, "persons", ())
    return (
        ages is None
        or not persons
        or any(
            lo <= (200 if p_hi is None else p_hi) and (hi is None or hi >= p_lo)
            for lo, hi in ages
            for p_lo, p_hi in persons
        )
    )


def _serves(cand: Any, need: str, ancestors: Mapping[str, set[str]], roots: frozenset[str]) -> bool:
    """The service exists for the need, for something narrower, or for its leefgebied as one of few."""
    if need in cand.central or need in cand.themes_up:
        return True
    shared = cand.central & ancestors.get(need, set())
    return bool(shared) and len(cand.central & roots) <= FEW_LEEFGEBIEDEN
