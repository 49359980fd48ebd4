"""A basic need with more needs around it: the gemeente's front door among the first three (dev q076, ADR 0174).

Why: since ADR 0171 a basic need leads and the other needs keep half their weight. "ex-gedetineerde komt volgende
week vrij, heeft geen woning en geen inkomen" then got a reporting point for nuisance and services that only touch
income in its top 3, and lost the sociaal team: no single service serves a roof, an income and a return from
prison, and the one that looks at the whole situation (the front door: "hier kunt u altijd terecht, ook met meer
vragen tegelijk") scored below services for one of them each. When a basic need (ontology/words.yaml
`basic_needs`) is told together with at least `OTHER_NEEDS` other needs that are no danger and not above it, the
front door is put third when it is not in the first three already. Without a danger only; fix19's order of the
first two cards stays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from match.basic_need import _config

OTHER_NEEDS = 2
PLACE = 2  # the third card


def door_for_the_whole(
    best: list[Any],
    weights: Mapping[str, float],
    ancestors: Mapping[str, Iterable[str]],
    is_danger: Callable[[str], bool],
    door_ids: list[str],
    scored: list[Any],
    raised: bool,
) -> list[Any]:
    """`best` (Scored, in the order shown) with the front door moved or added at the third place when a basic
    need is told with at least two other needs."""
    basic = _config()[0] & set(weights)
    if raised or not basic or not door_ids:
        return best
    above = {a for t in basic for a in ancestors.get(t, ())}
    others = [t for t in weights if t not in basic and t not in above and not is_danger(t)]
    if len(others) < OTHER_NEEDS:
        return best
    if any(s.cand.id in door_ids for s in best[: PLACE + 1]):
        return best
    door = next((s for s in best if s.cand.id in door_ids), None)
    door = door or next((s for s in scored if s.cand.id in door_ids), None)
    if door is None:
        return best
    rest = [s for s in best if s is not door]
    return rest[:PLACE] + [door] + rest[PLACE:]
