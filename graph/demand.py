"""Optional demand statistics: counters per ISO week, kern and theme id. Never any text. See ADR 0022."""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from graph.store import GraphStore

_ready: weakref.WeakSet[GraphStore] = weakref.WeakSet()


def ensure_demand_schema(store: GraphStore) -> None:
    """Index for the demand counters. Idempotent, once per store object."""
    if store not in _ready:
        store.ensure_index("DemandStat", "id")
        _ready.add(store)


@dataclass(frozen=True)
class DemandRow:
    week: str  # ISO week, e.g. 2026-W07
    kern: str  # kern id, or "" when the question named no known kern
    theme: str
    count: int


def iso_week(day: date | None = None) -> str:
    d = day or datetime.now(UTC).date()
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


class DemandRepository:
    """Counters per (ISO week, kern, theme id). No text, no time of day, no user: nothing to trace back."""

    _q_hit = (
        "UNWIND $rows AS r MERGE (d:DemandStat {id: r.id}) "
        "ON CREATE SET d.week = r.week, d.kern = r.kern, d.theme = r.theme, d.count = 0 "
        "SET d.count = d.count + 1"
    )
    _q_purge = "MATCH (d:DemandStat) WHERE d.week < $oldest DELETE d RETURN count(*) AS c"
    _q_rows = (
        "MATCH (d:DemandStat) WHERE d.week >= $oldest "
        "RETURN d.week AS week, d.kern AS kern, d.theme AS theme, d.count AS count ORDER BY week DESC, theme, kern"
    )

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        ensure_demand_schema(store)

    def record(self, themes: Sequence[str], kern: str | None, week: str | None = None) -> int:
        week = week or iso_week()
        rows = [
            {"id": f"{week}|{kern or ''}|{t}", "week": week, "kern": kern or "", "theme": t}
            for t in sorted(set(themes))
        ]
        if rows:
            self.store.write(self._q_hit, {"rows": rows})
        return len(rows)

    def purge(self, oldest_week: str) -> int:
        rows = self.store.write(self._q_purge, {"oldest": oldest_week})
        return int(rows[0]["c"]) if rows else 0

    def rows(self, oldest_week: str = "") -> list[DemandRow]:
        return [
            DemandRow(r["week"], r["kern"] or "", r["theme"], int(r["count"] or 0))
            for r in self.store.read(self._q_rows, {"oldest": oldest_week})
        ]
