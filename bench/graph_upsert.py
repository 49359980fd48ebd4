"""Graph bench: upsert 10 000 services with 30 000 relationships, then time the neighbourhood query.

Runs on the embedded FalkorDB and on Neo4j 5.26 (started from Maven Central like the tests) in one run and
prints figures plus the Neo4j/FalkorDB ratio, because absolute numbers on shared machines are noisy.
Both backends first write (and clear) a small warm-up kaart, not timed: a freshly started Neo4j plans its
queries and compiles its JVM code during the first seconds, which a long-running server has long behind it.
Usage: python bench/graph_upsert.py [--services 10000] [--skip-neo4j]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from builders import synthetic  # noqa: E402
from common import on_neo4j, percentile, size_arguments  # noqa: E402

from graph import ensure_schema  # noqa: E402
from graph.repositories import (  # noqa: E402
    DoelgroepRepository,
    LocationRepository,
    OrganisationRepository,
    ServiceRepository,
    ThemeRepository,
)
from graph.search import MatchData  # noqa: E402
from graph.store import connect  # noqa: E402


def _setup(store, n: int) -> dict[str, list]:
    store.clear()
    ensure_schema(store)
    data = synthetic(n)
    ThemeRepository(store).upsert(data["themes"])
    DoelgroepRepository(store).upsert(data["doelgroepen"])
    OrganisationRepository(store).upsert(data["organisations"])
    LocationRepository(store).upsert(data["locations"])
    return data


def run(uri: str, n: int, queries: int = 300, warmup: int = 1000) -> dict[str, float]:
    store = connect(uri)
    try:
        if warmup:  # not timed: see the module docstring
            ServiceRepository(store).upsert(_setup(store, warmup)["services"])
        data = _setup(store, n)
        t0 = time.perf_counter()
        result = ServiceRepository(store).upsert(data["services"])
        elapsed = time.perf_counter() - t0
        assert result.created == n, result.as_dict()
        rels = MatchData(store).service_relationships()
        t1 = time.perf_counter()
        again = ServiceRepository(store).upsert(data["services"])
        unchanged_s = time.perf_counter() - t1
        assert again.unchanged == n
        orgs = OrganisationRepository(store)
        ids = [o.id for o in data["organisations"]]
        rng = random.Random(7)
        lat = []
        for _ in range(queries):
            q0 = time.perf_counter()
            orgs.neighbourhood(rng.choice(ids))
            lat.append((time.perf_counter() - q0) * 1000)
        lat.sort()
        store.clear()
        return {
            "services_per_s": n / elapsed,
            "relationships": rels,
            "unchanged_per_s": n / unchanged_s,
            "neighbourhood_p50_ms": statistics.median(lat),
            "neighbourhood_p95_ms": percentile(lat, 0.95),
        }
    finally:
        store.close()


def main() -> int:
    args = size_arguments().parse_args()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["falkordb"] = run(f"falkordb://{tmp}", args.services)
    if not args.skip_neo4j:
        on_neo4j(results, lambda uri: run(uri, args.services))
    print(f"graph upsert bench: {args.services} services")
    for name, r in results.items():
        print(
            f"  {name:16s} upsert {r['services_per_s']:8.0f} services/s ({r['relationships']} service relationships), "
            f"unchanged re-run {r['unchanged_per_s']:8.0f}/s, neighbourhood p50 {r['neighbourhood_p50_ms']:.1f} ms "
            f"p95 {r['neighbourhood_p95_ms']:.1f} ms"
        )
    names = list(results)
    if len(names) == 2:
        a, b = results[names[0]], results[names[1]]
        print(
            f"  ratio neo4j/falkordb: upsert throughput {b['services_per_s'] / a['services_per_s']:.2f}x, "
            f"neighbourhood p95 {b['neighbourhood_p95_ms'] / a['neighbourhood_p95_ms']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
