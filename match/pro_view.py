"""What a professional sees in the top 3, and which door a young writer meets first (ADR 0140).

- **Partners in view** (`partners_in_view`). On the professional page the safety box already names Veilig Thuis and
  the aandachtsfunctionaris. When a danger level puts three or more consultation routes on top (Aandachtsfunctionaris,
  Veilig Thuis voor het lokale team, Veilig Thuis 0800-2000), they fill the top 3 and hide the partners a wijkcoach
  brings in next to them (huisarts/POH, schuldhulpverlening, Home-Start: tester13 class E). So the top 3 keeps the
  best routes, at most `MAX_ROUTES`, and then the best fitting other help; the other routes follow it. With no
  fitting other help nothing moves, and at least one route always stays in the top 3.
- **A young writer's door** (`young_door_after_youth_help`). When only the word model placed a question, the
  gemeente's front door (the adult intake, written in "u") goes first. For a child or teenager ("je") whose best
  fitting help is made for young people, that help leads and the door follows it (fix12's leftover).
"""

from __future__ import annotations

from typing import Any

TOP = 3
MAX_ROUTES = 2  # consultation routes kept in the top 3 on the professional page
YOUTH_MAX_AGE = 27  # a service whose ages end by here is made for young people (jongeren tot 23 / 27)


def partners_in_view(results: list[dict[str, Any]], best: list[Any]) -> list[dict[str, Any]]:
    """The professional rows with at most MAX_ROUTES safety routes before the best fitting other help, when the
    routes would otherwise fill the top 3. `best`: the Scored rows the results were made from (`top` > 0: a
    route a danger level put on top; `fit` > 0: help that exists for a need)."""
    scored = {s.cand.id: s for s in best}
    routes = [n for n, r in enumerate(results) if _top(scored, r) > 0]
    if len([n for n in routes if n < TOP]) <= MAX_ROUTES:
        return results
    other = next(
        (
            n
            for n, r in enumerate(results)
            if n not in routes and r["service_id"] in scored and scored[r["service_id"]].fit > 0
        ),
        None,
    )
    if other is None:
        return results
    keep = routes[:MAX_ROUTES]
    head = [results[n] for n in keep] + [results[other]]
    taken = {results[n]["service_id"] for n in keep} | {results[other]["service_id"]}
    return head + [r for r in results if r["service_id"] not in taken]


def _top(scored: dict[str, Any], row: dict[str, Any]) -> float:
    s = scored.get(row["service_id"])
    return s.top if s is not None else 0.0


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
