"""Whose help a service is: for the person in need themselves, or also for the people around them (ADR 0181).

Why: a parent asking about a child ("mijn dochter van 15 is somber") is an adult, and `candidates.age_fit` lets an
adults' service fit that parent: parenting help, a family's buddy, the sociaal team. But a course "voor volwassenen
met lichte somberheid" or adult mental-health care is help for the adult's OWN need: the daughter is the one in
need and it excludes her age. The service's doelgroepen say which it is: a service that names none of the groups
that stand next to someone in need (parents, carers, everyone) is for the person in need alone. On a kaart whose
data names no doelgroepen nothing changes (unknown stays unknown).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# doelgroepen (ontology/doelgroepen.yaml) whose members ask for help for someone else's need
FOR_THE_PEOPLE_AROUND = frozenset({"ouders", "mantelzorgers", "iedereen"})


def adults_own_help(cand: Any, people: Iterable[Any] | None) -> bool:
    """True when the people in need of the needs the service matched are all children and the service's
    doelgroepen (known) name no group that asks for another's need: then the parent asking does not make it fit."""
    people = tuple(people or ())
    groups = frozenset(getattr(cand, "doelgroepen", ()) or ())
    if not people or not groups:
        return False
    return all(getattr(p, "child", False) for p in people) and groups.isdisjoint(FOR_THE_PEOPLE_AROUND)
