"""Which rows of a pool the ranking scores in detail (docs/adr/0093-columnar-candidate-pool.md).

The answer is the same as scoring every row of the pool with the matcher's own `_score`, without doing that:
rows that share everything `_score` reads except identity and location (a *group*: theme profile, who it is
for, niveau, status, date, whether it has a location) score the same, but for the distance, and a
nearer location never scores lower. So one representative per group, placed at the asker's place, gives the
best score any row of the group can reach; groups are visited best first, and inside a group rows nearest
first (or, without a distance, smallest id first) until a row cannot enter the best `k`. Rows found by the
words of the question (their text score is their own) and rows with a temporary status (scored again after
this) are scored one by one, always.
"""

from __future__ import annotations

import dataclasses
import heapq
from collections.abc import Callable, Collection
from typing import Any

import numpy as np

from match.pool import Columns

K_RESULTS = 100  # the most results match() returns
EPS = 1e-9  # score margin for the numpy distances (they may differ from math's in the last bits)


class _Worst:
    """A heap entry that puts the worst of the best k on top."""

    __slots__ = ("key", "entry")

    def __init__(self, entry: Any) -> None:
        self.key = entry.key()
        self.entry = entry

    def __lt__(self, other: _Worst) -> bool:
        return self.key > other.key


class _Best:
    """The best `k` keys (Scored.key: smaller is better) seen so far; `bound` is the k-th, once there are k."""

    def __init__(self, k: int) -> None:
        self.k = k
        self.heap: list[_Worst] = []

    def push(self, entry: Any) -> None:
        item = _Worst(entry)
        if len(self.heap) < self.k:
            heapq.heappush(self.heap, item)
        elif item.key < self.heap[0].key:
            heapq.heapreplace(self.heap, item)

    def bound(self) -> tuple[Any, ...] | None:
        return self.heap[0].key if len(self.heap) >= self.k else None


Score = Callable[[Any, Any], Any]
Skip = Callable[[Any, Any], bool]


def select(
    cols: Columns,
    pool: np.ndarray,
    ctx: Any,
    score: Score,
    skip: Skip,
    keep: Collection[str],
    k: int = K_RESULTS,
    k_excluded: int = 10,
) -> tuple[list[Any], list[Any]]:
    """(scored, excluded) for the rows of the boolean `pool`: every service that can be among the best `k`
    of `scored` or the best `k_excluded` of `excluded` (age does not fit), and every service in `keep`."""
    scored: list[Any] = []
    excluded: list[Any] = []
    best, best_ex = _Best(k), _Best(k_excluded)
    keep_rows = {r for r in cols.rows(keep) if pool[r]}
    text_rows = {r for r in cols.rows(ctx.text_hits) if pool[r]}
    rest = pool.copy()
    for row in sorted(keep_rows | text_rows):
        rest[row] = False
        cand = cols.candidate(row)
        if skip(cand, ctx):
            continue
        entry = score(cand, ctx)
        if entry.age_fit is False:
            excluded.append(entry)
            best_ex.push(entry)
        else:
            scored.append(entry)
            if row not in keep_rows:  # a status changes its score after this: it sets no bound
                best.push(entry)
    rows = np.flatnonzero(rest)
    if len(rows) <= k or 2 * len(np.unique(cols.col["group"][rows])) > len(rows):
        # A small pool, or as many groups as services (data where every service differs): score each one.
        for row in rows.tolist():
            cand = cols.candidate(row)
            if not skip(cand, ctx):
                entry = score(cand, ctx)
                (excluded if entry.age_fit is False else scored).append(entry)
        return scored, heapq.nsmallest(k_excluded, excluded, key=lambda e: e.key())
    for top, value, ex, located, visit in _groups(cols, rows, ctx, score, skip):
        heap, out = (best_ex, excluded) if ex else (best, scored)
        bound = heap.bound()
        if bound is not None and (-top, -value) > bound[:2]:
            continue  # the group's best reachable score cannot enter the best k
        for row in visit:
            entry = score(cols.candidate(row), ctx)
            bound = heap.bound()
            if bound is not None and entry.key() > bound:
                if not located or (-entry.top, -entry.score) > (bound[0], bound[1] + EPS):
                    break  # the rows after this one have a larger id (or are further away): worse still
                continue
            heap.push(entry)
            out.append(entry)
    return scored, heapq.nsmallest(k_excluded, excluded, key=lambda e: e.key())


def _groups(cols: Columns, rows: np.ndarray, ctx: Any, score: Score, skip: Skip) -> list[tuple[Any, ...]]:
    """(top, best reachable score, age excluded?, located?, rows in visiting order) per group, best first."""
    if not len(rows):
        return []
    groups = cols.col["group"][rows]
    order = np.argsort(groups, kind="stable")
    codes, starts = np.unique(groups[order], return_index=True)
    place = ctx.place
    dist = cols.nearest_km(rows, place.lat, place.lon) if place is not None else None
    plan = []
    for code, members in zip(codes.tolist(), np.split(order, starts[1:]), strict=True):
        rep = cols.representative(code)
        if skip(rep, ctx):
            continue
        located = place is not None and cols.t.group.values[code][-1]
        at = dataclasses.replace(rep, points=((place.lat, place.lon),)) if located else rep
        entry = score(at, ctx)
        if located:
            by_distance = members[np.argsort(dist[members], kind="stable")]
            visit: Any = rows[by_distance].tolist()
        else:
            visit = _ById(cols, rows[members])
        plan.append((entry.top, entry.score, entry.age_fit is False, bool(located), visit))
    plan.sort(key=lambda p: (-p[0], -p[1]))
    return plan


class _ById:
    """Rows in order of their service id (the snapshot's `id_rank`), sorted only as far as they are visited:
    most groups stop after a row or two, so the first few come from a partial sort (no id is decoded)."""

    def __init__(self, cols: Columns, rows: np.ndarray) -> None:
        self.rows = rows
        self.rank = cols.id_rank[rows]

    def __iter__(self) -> Any:
        rows, rank = self.rows, self.rank
        done, first = 0, 16
        while done < len(rows):
            if first >= len(rows):
                part = np.argsort(rank)
            else:  # the `first` smallest ranks, then in order (ranks are distinct: one row per place)
                part = np.argpartition(rank, first)[:first]
                part = part[np.argsort(rank[part])]
            yield from rows[part[done:]].tolist()
            done, first = len(part), first * 8
