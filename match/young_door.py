"""Which door a young writer meets first (ADR 0140, fix12's leftover from ADR 0138).

When only the word model placed a question (match/engine.py `guessed`), the gemeente's front door (the adult
intake, written in "u") goes first. For a child or teenager ("je") whose best fitting help is made for young people,
that help leads and the door follows it, still in the top 3: never a dead end. For an adult, or when no such help
fits, the door stays first.
"""

from __future__ import annotations

from typing import Any

YOUTH_MAX_AGE = 27  # a service whose ages end by here is made for young people (jongeren tot 23 / 27)


def young_door_after_youth_help(
    results: list[dict[str, Any]], best: list[Any], answer: Any, ctx: Any, guessed: bool
) -> list[dict[str, Any]]:
    """For a young writer ("je": match/answer.py `register`) whose question only the word model placed
    (`guessed`), the best fitting help made for young people before the front door; the door follows it, in
    the top 3 (never a dead end). Else the rows as they are."""
    if not guessed or not results or answer.register(ctx) != "je":
        return results
    door_ids = answer._front_door_ids(ctx)
    if results[0]["service_id"] not in door_ids:
        return results
    scored = {s.cand.id: s for s in best}
    youth = next(
        (
            n
            for n, r in enumerate(results)
            if r["service_id"] not in door_ids
            and (s := scored.get(r["service_id"])) is not None
            and s.fit > 0
            and s.age_fit is not False
            and _for_young(s.cand)
        ),
        None,
    )
    if youth is None:
        return results
    doors = [r for r in results if r["service_id"] in door_ids]
    rest = [r for n, r in enumerate(results) if r["service_id"] not in door_ids and n != youth]
    return [results[youth], *doors, *rest]


def _for_young(cand: Any) -> bool:
    """Made for young people: every age range the service has ends by YOUTH_MAX_AGE."""
    ranges = cand.ages or ((cand.min_age, cand.max_age),)
    return bool(ranges) and all(hi is not None and hi <= YOUTH_MAX_AGE for _, hi in ranges)
