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


def youth_walk_in_after_door(
    results: list[dict[str, Any]], weights: Any, matcher: Any, ctx: Any, limit: int
) -> list[dict[str, Any]]:
    """No need read at all and a young writer ("je"): the front door, then the help young people walk into
    themselves (ontology/word-hits.yaml `youth_walk_in`: the jongerenwerk), instead of a row found by a word
    (tester15 r15-K1, t15-30; ADR 0152). Never a dead end, never a random hit. Else the rows as they are."""
    if weights or not results or ctx.audience == "professional" or matcher.answer.register(ctx) != "je":
        return results
    door_ids = matcher.answer._front_door_ids(ctx)
    if results[0]["service_id"] not in door_ids:
        return results
    walk_in = _youth_walk_in(matcher, ctx)
    if walk_in is None:
        return results
    row = matcher.answer.result(walk_in, ctx)
    n_doors = next((n for n, r in enumerate(results) if r["service_id"] not in door_ids), len(results))
    rest = [r for r in results[n_doors:] if r["service_id"] != row["service_id"]]
    return [*results[:n_doors], row, *rest][: max(1, limit)]


def _youth_walk_in(matcher: Any, ctx: Any) -> Any:
    """The best scored (nearest) service of `youth_walk_in` whose ages fit the writer, or None. Reads the
    groups of the pool (match/pool.py), so only the services of fitting groups are scored."""
    import numpy as np

    from match.wordhits import word_hits_data

    cfg = word_hits_data().get("youth_walk_in") or {}
    cols = matcher.pool.snapshot()
    rows = np.flatnonzero(cols.alive)
    if not len(rows):
        return None
    groups = cols.col["group"][rows]
    wanted = [code for code in np.unique(groups).tolist() if _walks_in(cols.representative(code), cfg)]
    if not wanted:
        return None
    skips = matcher.pro_only.skip(matcher._skips, ctx.audience)
    best = None
    for row in rows[np.isin(groups, wanted)].tolist():
        cand = cols.candidate(row)
        if skips(cand, ctx):
            continue
        scored = matcher._score(cand, ctx)
        if scored.age_fit is not False and (best is None or scored.key() < best.key()):
            best = scored
    return best


def _walks_in(cand: Any, cfg: dict[str, Any]) -> bool:
    """Made for young people, freely accessible, for the young themselves and not a school's own service."""
    themes = set(cand.themes or ())
    return (
        _for_young(cand)
        and cand.niveau in set(cfg.get("niveaus") or ())
        and bool(cand.doelgroepen)
        and not set(cfg.get("not_for") or ()) & set(cand.doelgroepen)
        and bool(themes)
        and not themes <= set(cfg.get("not_only_themes") or ())
    )
