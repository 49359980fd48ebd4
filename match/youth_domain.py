"""The youth domain is the fallback for a minor's need, not the need itself (ADR 0160).

Why: for a minor in need every question also counts the jeugd domain (opvoeden-opgroeien, match/weights.py
`youth_domain`, ADR 0102), so a grieving 13-year-old whose grief help is for adults still finds the youth team. But
that weight made every youth service a near-equal answer to every need of a teenager: "ik ben 16 en wil graag
sporten" showed jongerenwerk and both JGZ services before the beweegmakelaar, and "ik ben 16 en heb schulden"
youth health care, the ties between them broken by the alphabet. Two order rules, on the pool the matcher scored,
when the minor asks for themself (a parent who asks about a child is helped by the youth domain's parenting
services, and the order steps after this one weigh them):
- a service that meets a need the question names, made for the person's age or for every age, comes before a
  service that meets only the added youth domain (safety help keeps its slot);
- among the services for the youth domain only, a service for young people comes before one for their parents
  (JGZ, the POH Jeugd and a steungezin are reached through the parents).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

YOUTH_DOMAIN = "opvoeden-opgroeien"
PARENTS = "ouders"


def domain_added(weights: Mapping[str, float], hits: Iterable[Any]) -> bool:
    """The youth domain weighs in only because a minor is in need: no phrase of the question reads it."""
    return YOUTH_DOMAIN in weights and not any(
        h.theme_id == YOUTH_DOMAIN and not getattr(h, "negated", False) for h in hits
    )


def _own(entry: Any, need: str, ancestors: Mapping[str, Any], roots: frozenset[str]) -> bool:
    """The service is about the need itself, something narrower, or the specific need above it; sharing only the
    need's leefgebied (JGZ's lichamelijke gezondheid for sport, a club for every kind of participation) is not
    enough: broad help stays where its score puts it."""
    cand = entry.cand
    if need in cand.themes or need in cand.themes_up or need in cand.incidental_up or need in cand.suggested:
        return True
    return bool((set(ancestors.get(need, ())) - roots) & cand.themes)


def _named(entry: Any, needs: list[str], ancestors: Mapping[str, Any], roots: frozenset[str]) -> bool:
    """The service meets a need the question names (not only the added youth domain) and is for the person."""
    # made for the person's age, or for every age: an adults' service that may fit only the parent
    # (verslavingszorg 18+ for "mijn dochter van 17 drinkt") keeps its place
    return (
        (entry.age_fit is True or (entry.age_fit is None and not entry.cand.ages))
        and entry.fit > 0
        and any(_own(entry, t, ancestors, roots) for t in entry.matched if t in needs)
    )


def young_asker(ages: Any) -> bool:
    """The writer is the minor in need ("ik ben 16 en ..."), not a parent asking about a child."""
    return any(p.asker and p.child for p in getattr(ages, "persons", ()))


def named_needs_first(
    best: list[Any],
    weights: Mapping[str, float],
    hits: Iterable[Any],
    young: bool,
    ancestors: Mapping[str, Any],
    roots: frozenset[str],
) -> list[Any]:
    """For a minor who asks for themself (`young`): services for a named need before services for the added youth
    domain only; among those, services for young people before services for their parents. Safety help keeps its
    slot, the order is otherwise kept."""
    if not young or not domain_added(weights, hits) or len(weights) < 2:
        return best  # a parent who asks about a child: the youth domain's services are parenting help
    rest = [e for e in best if e.top == 0]
    needs = [t for t in weights if t != YOUTH_DOMAIN]
    named = [e for e in rest if _named(e, needs, ancestors, roots)]
    domain = [e for e in rest if e not in named]
    domain = [e for e in domain if PARENTS not in e.cand.doelgroepen] + [
        e for e in domain if PARENTS in e.cand.doelgroepen
    ]
    order = iter(named + domain)
    return [e if e.top != 0 else next(order) for e in best]
