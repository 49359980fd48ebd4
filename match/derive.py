"""Themes derived from a service's own text when it carries none of ours (import/reindex time).

They are stored as SUGGESTED links, not as confirmed themes: a coördinator can confirm or reject them.
"""

from __future__ import annotations

from typing import Any

from graph.changes import bump_statement, ref
from graph.repositories import ServiceRepository
from graph.store import GraphStore


def derive_themes(store: GraphStore, analyzer: Any, *, max_themes: int = 4) -> dict[str, list[str]]:
    repo = ServiceRepository(store)
    suggestions: dict[str, list[str]] = {}
    for row in repo.without_themes():
        analysis = analyzer.analyze(f"{row['name'] or ''}. {row['description'] or ''}")
        found = [tid for tid, hit in analysis.themes().items() if not hit.uncertain]
        suggestions[row["id"]] = found[:max_themes]
    if suggestions:
        repo.set_suggested_themes(suggestions)
        # every worker's matcher re-reads these services (graph/changes.py)
        store.write(*bump_statement(ref("Service", sid) for sid in suggestions))
    return suggestions
