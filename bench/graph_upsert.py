"""Graph bench: upsert 10 000 services with 30 000 relationships, then time the neighbourhood query.

Runs on the embedded FalkorDB and on Neo4j 5.26 (started from Maven Central like the tests) in one run and
prints figures plus the Neo4j/FalkorDB ratio, because absolute numbers on shared machines are noisy. Next to
the wall time it prints the CPU seconds of client and server per 1 000 services: on a machine shared with
other work they say more than the wall time, which mostly measures how long each process waits for a core.

Both backends first write, re-write and read a warm-up kaart three times (up to 5 000 services), not timed: a
freshly started Neo4j plans its queries and its JVM compiles the Cypher runtime's hot code only after many
thousands of rows (the first write of a batch costs 3-5x the tenth), which a long-running server has long
behind it. Neo4j runs with the memory a production server would get for this kaart (ADR 0096): heap 1 GB,
initial = maximum as Neo4j advises, and a page cache that holds the whole store (512 MB), instead of the test
server's 128-512 MB heap and 64 MB page cache.
Usage: python bench/graph_upsert.py [--services 10000] [--skip-neo4j]
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from builders import synthetic  # noqa: E402
from common import percentile, size_arguments  # noqa: E402
from neo4j_server import DEFAULT_JVM_OPTS, Neo4jUnavailable, start  # noqa: E402

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


# The bench's Neo4j: the test server's launcher with a production server's memory (see the module docstring).
NEO4J_JVM_OPTS = [o for o in DEFAULT_JVM_OPTS if not o.startswith(("-Xms", "-Xmx"))] + [
    "-Xms1g",
    "-Xmx1g",
    "-Dkaart.pagecache=512m",
]


def _cpu_seconds(pid: int | None) -> float:
    """User + system CPU of a process (the graph server), 0 when unknown."""
    if not pid:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class _Clock:
    """Wall time and CPU seconds (this process + the server process) of one measured step."""

    def __init__(self, server_pid: int | None) -> None:
        self.pid = server_pid
        self.t0, self.c0, self.s0 = time.perf_counter(), time.process_time(), _cpu_seconds(server_pid)

    def stop(self) -> tuple[float, float]:
        cpu = time.process_time() - self.c0 + _cpu_seconds(self.pid) - self.s0
        return time.perf_counter() - self.t0, cpu


def _neighbourhoods(store, data: dict[str, list], queries: int) -> list[float]:
    orgs = OrganisationRepository(store)
    ids = [o.id for o in data["organisations"]]
    rng = random.Random(7)
    lat = []
    for _ in range(queries):
        q0 = time.perf_counter()
        orgs.neighbourhood(rng.choice(ids))
        lat.append((time.perf_counter() - q0) * 1000)
    return sorted(lat)


def run(
    uri: str, n: int, queries: int = 300, warmup: int = 5000, server_pid: int | None = None
) -> dict[str, float]:
    store = connect(uri)
    if server_pid is None and getattr(store, "server", None) is not None:  # the embedded FalkorDB
        server_pid = int(store.server.pid_path.read_text())
    try:
        for _ in range(3 if warmup else 0):  # not timed: see the module docstring
            warm = _setup(store, min(n, warmup))
            ServiceRepository(store).upsert(warm["services"])
            ServiceRepository(store).upsert(warm["services"])
            _neighbourhoods(store, warm, 50)
        data = _setup(store, n)
        clock = _Clock(server_pid)
        result = ServiceRepository(store).upsert(data["services"])
        elapsed, cpu = clock.stop()
        assert result.created == n, result.as_dict()
        rels = MatchData(store).service_relationships()
        t1 = time.perf_counter()
        again = ServiceRepository(store).upsert(data["services"])
        unchanged_s = time.perf_counter() - t1
        assert again.unchanged == n
        lat = _neighbourhoods(store, data, queries)
        store.clear()
        return {
            "services_per_s": n / elapsed,
            "cpu_s_per_1000": cpu / n * 1000,
            "relationships": rels,
            "unchanged_per_s": n / unchanged_s,
            "neighbourhood_p50_ms": statistics.median(lat),
            "neighbourhood_p95_ms": percentile(lat, 0.95),
        }
    finally:
        store.close()


def _on_neo4j(results: dict[str, dict[str, float]], n: int) -> None:
    try:
        server = start(jvm_opts=NEO4J_JVM_OPTS)
    except Neo4jUnavailable as exc:
        print(f"neo4j: skipped ({exc})")
        return
    try:
        results[f"neo4j {server.version}"] = run(server.uri, n, server_pid=server.pid)
    finally:
        server.stop()


def main() -> int:
    args = size_arguments().parse_args()
    results: dict[str, dict[str, float]] = {}
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        results["falkordb"] = run(f"falkordb://{tmp}", args.services)
    if not args.skip_neo4j:
        _on_neo4j(results, args.services)
    print(
        f"graph upsert bench: {args.services} services (load average {load:.1f} -> {os.getloadavg()[0]:.1f})"
    )
    for name, r in results.items():
        print(
            f"  {name:16s} upsert {r['services_per_s']:8.0f} services/s, {r['cpu_s_per_1000']:.2f} cpu s/1000 "
            f"(client + server; {r['relationships']} service relationships), "
            f"unchanged re-run {r['unchanged_per_s']:8.0f}/s, neighbourhood p50 {r['neighbourhood_p50_ms']:.1f} ms "
            f"p95 {r['neighbourhood_p95_ms']:.1f} ms"
        )
    names = list(results)
    if len(names) == 2:
        a, b = results[names[0]], results[names[1]]
        print(
            f"  ratio neo4j/falkordb: upsert throughput {b['services_per_s'] / a['services_per_s']:.2f}x, "
            f"cpu per service {b['cpu_s_per_1000'] / a['cpu_s_per_1000']:.2f}x, "
            f"neighbourhood p95 {b['neighbourhood_p95_ms'] / a['neighbourhood_p95_ms']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
