"""The weak tail of a long result list, for the public and the professional results pages (presentation only:
the match JSON keeps every result it returns)."""

from __future__ import annotations

from typing import Any

from webapp.answer import get_matcher

SAFETY_WHY = ("Veiligheid voorop", "Veiligheid gaat voor")

# The weak tail of a long list (issue 12, user test m12test3 class 7): after the first MIN_SHOWN results, the
# list is cut where a result only touches the need or shares words, or scores under TAIL_RATIO of the best
# (safety help not counted), and after MAX_SHOWN results in any case. The tail stays on the page behind a
# <details> "Meer resultaten tonen" (no JavaScript); the ranking order is kept (the tail is the end of the
# list). ADR 0105.
MIN_SHOWN = 3
TAIL_RATIO = 0.4
# At most this many before the control, however many fit: on a phone ten cards are ~6 000 px already, and the
# rest is one tap away, in the same order.
MAX_SHOWN = 10


def tail_start(rows: list[dict[str, Any]], strong: Any) -> int:
    """Where the weak tail of ranked result rows starts (len(rows) when there is none). `strong(row)` says
    whether the service exists for the need or its area (match/answer.py `Answerer.strong`)."""
    plain = [r["score"] for r in rows if not r["why"].startswith(SAFETY_WHY)]
    best = max(plain, default=0.0)
    for n, row in enumerate(rows):
        if n >= MAX_SHOWN:
            return n
        if n < MIN_SHOWN or row["why"].startswith(SAFETY_WHY):
            continue
        if not strong(row) or row["score"] < TAIL_RATIO * best:
            return n
    return len(rows)


def row_strength(result: Any) -> Any:
    """strong(row) for the rows of one answer: the service exists for one of the needs read, or its area."""
    matcher = get_matcher()
    themes = [t["id"] for t in result.themes]

    def strong(row: dict[str, Any]) -> bool:
        cand = matcher.candidates.get(row["service_id"])
        return cand is not None and matcher.answer.strong(cand, themes)

    return strong
