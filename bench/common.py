"""What every bench shares: running the same measurement on a freshly started Neo4j 5.26 test server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def on_neo4j(results: dict[str, Any], measure: Callable[[str], Any]) -> None:
    """Start Neo4j (tests/neo4j_server.py), run `measure(uri)`, store it as `results["neo4j <version>"]`, stop.

    When Neo4j cannot start, say so and leave the FalkorDB figures standing alone."""
    from neo4j_server import Neo4jUnavailable, start

    try:
        server = start()
    except Neo4jUnavailable as exc:
        print(f"neo4j: skipped ({exc})")
        return
    try:
        results[f"neo4j {server.version}"] = measure(server.uri)
    finally:
        server.stop()
