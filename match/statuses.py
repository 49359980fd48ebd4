"""Temporary status as the matcher honours it (issue 16.3, docs/adr/0082-temporary-status.md).

Kept apart from the candidate data (match/candidates.py), which changes only when services change: whether a
status holds depends on today's date as well, so it is decided at request time.
"""

from __future__ import annotations

import threading
import time
from datetime import date
from typing import Any

from babel.dates import format_date

from graph.statuses import StatusBoard, today_local
from graph.store import GraphStore
from ontology.statuses import status_kinds

STATUS_PENALTY = 0.15  # "tijdelijk gesloten", "geen nieuwe aanmeldingen": below an equivalent open service
STATUS_TTL = 2.0  # seconds: a status set in beheer counts this soon on every worker


class StatusEffects:
    """Temporary statuses as the matcher honours them. Kept apart from the candidate data: re-read at most every STATUS_TTL seconds in one small read (only records that have a
    status), and whether a status holds is decided against today in Europe/Amsterdam, so one that ended drops
    out by itself. `lower`: ranked below equivalent open services and labelled; `hide` ("nu niet
    doorverwijzen", professional-only): left out of public results, for professionals last, with the reason."""

    def __init__(self, store: GraphStore, ttl: float = STATUS_TTL) -> None:
        self.store = store
        self.ttl = ttl
        self.kinds = status_kinds()
        self._board = StatusBoard({}, {})
        self._read_at: float | None = None
        self._lock = threading.Lock()

    def board(self) -> StatusBoard:
        now = time.monotonic()
        if self._read_at is None or now - self._read_at >= self.ttl:
            with self._lock:
                if self._read_at is None or now - self._read_at >= self.ttl:
                    self._board = StatusBoard.load(self.store, today_local())
                    self._read_at = now
        return self._board

    def apply(self, scored: list[Any], audience: str) -> list[Any]:
        """Scored entries (`match.answer.Scored`) with their status honoured; hidden ones dropped for the public."""
        board = self.board()
        if not board.by_service:
            return scored
        out = []
        for entry in scored:
            effects = {self.kinds[k].matcher for k in board.kinds_of(entry.cand.id) if k in self.kinds}
            if "hide" in effects:
                if audience != "professional":
                    continue
                entry.top = -1  # below every other result
            elif "lower" in effects:
                entry.score -= STATUS_PENALTY
            out.append(entry)
        return out

    def shown(self, service_id: str, audience: str) -> Any:
        """The status a result carries, from the statuses `apply` read for this request (no read of its own)."""
        public = {k.id for k in self.kinds.values() if k.public}
        return self._board.for_service(service_id, None if audience == "professional" else public)

    def fields(self, service_id: str, audience: str) -> dict[str, Any]:
        """An added field of a match result: the status it carries today (professionals: with the reason)."""
        status = self.shown(service_id, audience)
        if status is None or status.kind not in self.kinds:
            return {}
        kind = self.kinds[status.kind]
        out = {"id": kind.id, "label": kind.label, "until": status.end}
        if audience == "professional" or kind.public:
            out["text"] = status.text
        return {"temporary_status": out}

    def why(self, service_id: str, audience: str) -> list[str]:
        status = self.shown(service_id, audience)
        kind = self.kinds.get(status.kind) if status is not None else None
        if kind is None or not kind.why:
            return []
        if kind.matcher == "hide":
            return [f"{kind.why}: {status.text}" if status.text else kind.why]
        until = f" tot en met {_dutch_date(status.end)}" if status.end else ""
        return [f"Let op: {kind.why}{until}"]


def _dutch_date(iso: str | None) -> str:
    """`2027-01-03` → `3 januari 2027`, as the pages write dates (B1: no numbers-only dates)."""
    try:
        d = date.fromisoformat((iso or "")[:10])
    except ValueError:
        return iso or ""
    return format_date(d, "d MMMM y", locale="nl")  # Babel's Dutch month names: no list of our own
