"""The last steps before the cards are shown (ADR 0174): after the crisis service what a resident can reach
(match/after_crisis.py), no card without a reason a reader can check (match/filler.py), a young writer's youth
service before its organisation's service for everyone (match/young_first.py, ADR 0184), and the front door for a
basic need told with more needs (match/whole_situation.py); no money cards for post and forms when no money
trouble is told (match/money_unasked.py, ADR 0180). One step here keeps the engine's `match` short."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from match.after_crisis import reachable_after_crisis
from match.child_reach import child_reach
from match.door_not_theirs import no_parent_doors
from match.filler import without_filler
from match.money_unasked import money_cards_behind
from match.whole_situation import door_for_the_whole
from match.young_first import youth_first
from match.youth_for_adult import no_youth_cards_for_an_adult


def cards_shown(
    engine: Any, best: list[Any], ctx: Any, weights: Mapping[str, float], scored: list[Any]
) -> list[Any]:
    """`best` (Scored, in the order shown) after the three steps; `weights` are the question's needs as shown."""
    signal = engine._signal
    best = reachable_after_crisis(
        best, ctx.safety, ctx.audience, weights, signal, engine.answer.way_in, list(ctx.ages or ())
    )
    best = child_reach(best, engine.answer.register(ctx) == "je")  # again after the reorder (ADR 0169, 0179)
    best = money_cards_behind(best, weights)  # post and forms are no money trouble (ADR 0180)
    best = no_parent_doors(best, engine.answer.register(ctx) == "je")  # the parent's door (ADR 0188)
    best = no_youth_cards_for_an_adult(best, ctx, engine.answer.register(ctx))  # ADR 0180
    best = without_filler(best, weights, engine.door.groups, ctx)
    doors = engine.answer.front_door_ids(ctx)
    best = youth_first(
        best, engine.answer.register(ctx) == "je", engine.candidates, ctx, engine._ancestors, doors
    )
    return door_for_the_whole(best, weights, engine._ancestors, signal, doors, scored, ctx.safety.raised)
