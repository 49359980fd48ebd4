"""A young writer gets an organisation's youth service before its service for everyone (tester24 class B, ADR 0184).

Why: "ik ben 14. ik wil eigenlijk gewoon niet meer wakker worden" got 113 and then "Huisarts en praktijkondersteuner
(POH)", the huisarts' help for everyone, while the same huisartsen have a "Praktijkondersteuner Jeugd" for children
and young people. The youth service was not in the answer at all: its data names somberheid and growing up, not
suicidal thoughts, so the score never reached it. Who the writer is decides whose door it is: when the page speaks
to a child or teenager ("je", match/answer.py `register`), a card for every age of an organisation that also runs a
service only for young people with a need in common (a central theme both share) gets that youth service right before it, with
the same score and distance. Not for a crisis card, not for a parents-only service (match/child_reach.py), not for a
service the writer's age does not fit or a resident cannot reach on their own (professionals only), and not
before the gemeente's front door, which serves everyone. An adult, a parent and a professional keep the score's
order.

Privacy: nothing here reads or keeps the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from match.child_reach import parents_only

YOUTH_UNTIL = 18  # a service whose every age range ends by this age is a service for young people


def youth_only(cand: Any) -> bool:
    """Every age range of the service ends before adulthood ("Praktijkondersteuner Jeugd": 4-18)."""
    ages = getattr(cand, "ages", None)
    return bool(ages) and all(hi is not None and hi <= YOUTH_UNTIL for _, hi in ages)


def for_everyone(cand: Any) -> bool:
    """The service is for people of every age (an age range from 0 without an end: "Huisarts en praktijkondersteuner
    (POH)"); a service for 0 to 27 (the OT) is a youth service of its own, not the everyone's version."""
    return any(lo == 0 and hi is None for lo, hi in getattr(cand, "ages", None) or ())


def _fits(cand: Any, writer_ages: list[int]) -> bool:
    ages = getattr(cand, "ages", None)
    if not writer_ages or not ages:
        return True
    return any(lo <= a and (hi is None or a <= hi) for a in writer_ages for lo, hi in ages)


def youth_first(
    best: list[Any],
    young: bool,
    pool: Mapping[str, Any],
    ctx: Any,
    ancestors: Mapping[str, Any],
    doors: Iterable[str | None] = (),
) -> list[Any]:
    """`best` (Scored, in the order shown) with, for a young writer on a resident's page, each card for everyone
    preceded by its organisation's youth service with a need in common that is the question's need or of its area
    (taken from `pool`, the kaart's candidates, when the score left it out); unchanged for everyone else."""
    if not young or getattr(ctx, "audience", "public") == "professional" or not best:
        return best
    youth_by_org: dict[str, list[Any]] = {}
    for cand in pool.values():
        if youth_only(cand) and not getattr(cand, "professional_only", False) and not parents_only(cand):
            youth_by_org.setdefault(cand.organization_id, []).append(cand)
    if not youth_by_org:
        return best
    shown = {s.cand.id for s in best}
    skip = {d for d in doors if d}  # the front door serves everyone, young writers too (ADR 0140)
    out: list[Any] = []
    for s in best:
        plain = s.top > 0 or not for_everyone(s.cand) or s.cand.id in skip
        sibling = None if plain else _sibling(s, youth_by_org, ctx, ancestors)
        if sibling is not None:
            placed = next((b for b in best if b.cand.id == sibling.id), None)
            if placed is None or placed not in out:
                out.append(placed if placed is not None else _as_scored(s, sibling, ancestors))
                shown.add(sibling.id)
        if s not in out:
            out.append(s)
    return out


def _sibling(
    s: Any, youth_by_org: Mapping[str, list[Any]], ctx: Any, ancestors: Mapping[str, Any]
) -> Any | None:
    """The youth service of the card's organisation that shares a central theme with it, in the area of a need the
    card was matched on (not any youth service of a big organisation: the gemeente's), and fits the writer."""
    asked: set[str] = set()
    for t in s.matched:
        asked |= {t, *ancestors.get(t, ())}
    if not asked:
        return None
    for cand in sorted(youth_by_org.get(s.cand.organization_id, ()), key=lambda c: c.id):
        shared = _shared(s.cand, cand, asked, ancestors)
        if cand.id != s.cand.id and shared and _fits(cand, getattr(ctx, "ages", [])):
            return cand
    return None


def _shared(card: Any, cand: Any, asked: set[str], ancestors: Mapping[str, Any]) -> list[str]:
    """The central themes both services share that lie in the asked needs' area, sorted."""
    both = set(card.central) & set(cand.central)
    return sorted(t for t in both if asked & {t, *ancestors.get(t, ())})


def _as_scored(s: Any, cand: Any, ancestors: Mapping[str, Any]) -> Any:
    """The youth service as a card in the place of its organisation's card: the same score and distance; its
    reason is the need both share (the why-line names what the youth service is for, never the question's topic
    it is not for)."""
    asked: set[str] = set()
    for t in s.matched:
        asked |= {t, *ancestors.get(t, ())}
    return replace(s, cand=cand, matched=_shared(s.cand, cand, asked, ancestors)[:1], age_fit=True)
