"""What every bench shares: its size options, the percentile, and running the same measurement on a freshly
started Neo4j 5.26 test server."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def size_arguments() -> argparse.ArgumentParser:
    """--services (the kaart size, `make bench SERVICES=…`) and --skip-neo4j; a bench adds its own."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--skip-neo4j", action="store_true")
    return parser


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..1); 0 for no values."""
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(len(values) * p)) - 1))] if values else 0.0


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
