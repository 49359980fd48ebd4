"""The carer and the person cared for, together (issue 12 point 2, tester10 class C2, ADR 0132).

A combination of ontology/matching.yaml (`mantelzorg-overbelasting`: the asker's exhaustion and someone else's
illness) adds the carer's need and lowers the other person's illness, so that the mantelzorg support comes first.
Two ways that went wrong:
- the cared-for person's need fell out of the top 3 ("mijn man heeft parkinson en ik kan het niet meer aan": the
  wijkverpleging for him fourth). The services for that person's need and the support for the carer belong
  together: the cared-for need keeps `CARED_FOR_SHARE` of the carer's need, so it stays a central need and
  `needfit.diversify` gives it a place in the top 3 (the carer's support still comes first);
- an illness told of someone who died ("mijn broer is vorig jaar gestorven aan kanker en ik kan het niet meer
  aan") made a carer of a mourner, and mantelzorg came first. When every mention of the other person's need
  shares its clause with a mention of a theme the combination excepts (rouw: a death), and the asker did not name
  the added need itself, the combination did not happen: the added need goes, the grief leads.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from match.clauses import clause_spans

CARED_FOR_SHARE = 0.75  # needfit.CENTRAL_SHARE: the cared-for person's need stays central next to the carer's


def carer_and_cared_for(weights: dict[str, float], hits: Iterable[Any], onto: Any, text: str) -> None:
    """After the combinations: drop a carer's need inferred from a dead person's illness; keep the need of a
    living person cared for central. Changes `weights` in place."""
    told = [h for h in hits if not h.negated]
    for combo in onto.matching.combinations:
        if combo.adds not in weights:
            continue
        others = _cared_for(combo, weights, onto)
        if not others:
            continue
        named = any(h.theme_id == combo.adds for h in told)  # "ik ben mantelzorger": the asker says so
        if combo.other_except and not named and _all_of_the_dead(others, told, combo.other_except, text):
            del weights[combo.adds]
            continue
        floor = CARED_FOR_SHARE * weights[combo.adds]
        for tid in others:
            if onto.themes[tid].parents:  # a specific need, not a whole leefgebied
                weights[tid] = max(weights[tid], floor)


def _cared_for(combo: Any, weights: dict[str, float], onto: Any) -> set[str]:
    """The needs of the other person in a combination: under its other themes, not the asker's own kind of need,
    not an excepted theme, not the added need."""
    roots = set(combo.other_themes)
    skip = set(combo.self_themes) | set(combo.other_except) | {combo.adds}
    return {
        t
        for t in weights
        if t not in skip
        and not getattr(onto.themes.get(t), "signal", None)
        and (t in roots or roots & set(onto.ancestors(t)))
    }


def _all_of_the_dead(others: set[str], told: list[Any], excepted: Iterable[str], text: str) -> bool:
    """Every mention of the other person's needs shares a clause with a mention of an excepted theme (a death)."""
    excepted = set(excepted)
    clauses = clause_spans(text)
    deaths = {i for h in told if h.theme_id in excepted for i in _clauses_of(h, clauses)}
    mentions = [h for h in told if h.theme_id in others]
    return bool(deaths and mentions) and all(set(_clauses_of(h, clauses)) <= deaths for h in mentions)


def _clauses_of(hit: Any, clauses: list[tuple[int, int]]) -> list[int]:
    return [i for i, (a, b) in enumerate(clauses) if hit.start < b and a < hit.end]
