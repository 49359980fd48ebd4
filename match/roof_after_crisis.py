"""A roof lost next to a danger: the door for the roof right after the crisis lines (tester23 B10, ADR 0179).

Why: a minor put out of the home, or an adult hit and put out, rightly gets Veilig Thuis first; but the answer then
had no card about where to sleep at all: "no door before the help for a danger" (the engine does not look for a
need the kaart cannot serve once a danger is raised) left the roof unanswered. When a basic need (words.yaml
`basic_needs`: a roof) is among the question's needs, the danger is raised, and no card in the first five serves the
roof, the kaart's front door with its honest line ("Voor geen huis of slaapplek staat nog geen aanbod in de kaart;
hier helpen ze u verder") is put right after the leading crisis cards. The crisis cards keep their place.

Privacy: reads theme ids and service ids only; nothing is kept.
"""

from __future__ import annotations

from typing import Any

from match.basic_need import _config

SHOWN = 5  # the cards a resident sees first


def roof_after_crisis(
    door: Any, results: list[dict[str, Any]], best: list[Any], ctx: Any, limit: int
) -> list[dict[str, Any]]:
    """`results` with the front door for a roof lost after the crisis cards (a new list), or `results`."""
    safety = ctx.safety
    told = [t for t in ctx.weights if t in _config()[0]]
    if not told or not safety.raised or not results:
        return results
    by_id = {s.cand.id: s for s in best}
    top = [by_id.get(r["service_id"]) for r in results[:SHOWN]]
    if any(s is not None and set(s.matched) & set(told) for s in top):
        return results  # a card for the roof is there already
    out, ids = door.insert(results, best, ctx, told, set(), limit)
    if not ids:
        return results
    doors = [r for r in out if r["service_id"] in ids]
    rest = [r for r in out if r["service_id"] not in ids]
    lead = 0
    while (
        lead < len(rest) and (s := by_id.get(rest[lead]["service_id"])) and safety.rank_of(s.cand) is not None
    ):
        lead += 1
    return (rest[:lead] + doors + rest[lead:])[: max(1, limit)]
