"""A child who writes gets no card that only a parent can use in the top 3 (tester20 section 3, ADR 0169).

Why: a child who wrote "als papa gedronken heeft moeten ik en mijn zusje op zolder blijven …" got Home-Start
(volunteers who visit the parents of young children) as card 3, also in Arabic. The service's age bands include the
child's, so the doelgroep fit passed it; but its way in is the parent: its doelgroepen include ouders and every
theme it exists for is parenting support (ontology/writer-acts.yaml `parents_only`). When the page speaks to a
child (the register "je", one decision with the box: match/answer.py `register`), such a service goes after the
first `after` cards; a parent who asks keeps it where it was.

Privacy: nothing here reads or keeps the text.
"""

from __future__ import annotations

from typing import Any

from match.writer_acts import _data


def parents_only(cand: Any) -> bool:
    """The service's only way in is the parent: doelgroep ouders, and only parenting themes as its own."""
    rule = _data().get("parents_only") or {}
    central = set(getattr(cand, "central", ()) or ())
    return (
        str(rule.get("doelgroep") or "ouders") in (getattr(cand, "doelgroepen", ()) or ())
        and bool(central)
        and central <= {str(t) for t in rule.get("themes") or ()}
    )


def child_reach(best: list[Any], young_writer: bool) -> list[Any]:
    """The ranked list with a parents-only service moved after the first cards when a child writes (order kept
    otherwise); unchanged for everyone else and when a danger's route is on top of it (`top` > 0)."""
    if not young_writer:
        return best
    after = int((_data().get("parents_only") or {}).get("after") or 3)
    keep, moved = [], []
    for s in best:
        (moved if parents_only(s.cand) and not getattr(s, "top", 0) else keep).append(s)
    if not moved:
        return best
    return keep[:after] + moved + keep[after:] if len(keep) >= after else keep + moved
