"""HSDS import bench: a synthetic 10 000-service HSDS datapackage (ingest/synthetic.py) imported into an empty
graph (after a 1 000-service warm-up import), imported again (all unchanged), and exported, on the embedded
FalkorDB and on Neo4j 5.26 (started from Maven Central like the tests).

Prints services/s for each step, the target from the brief (≥ 2 000 services/s embedded; Neo4j within 2×),
and ratios measured in the same run: Neo4j/FalkorDB, and import vs. the bare repository upsert of the same
services (the graph layer's own speed on this machine, so a slow machine does not look like a slow importer).
Usage: python bench/ingest_hsds.py [--services 10000] [--skip-neo4j]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from common import on_neo4j, size_arguments  # noqa: E402

from graph import ensure_schema  # noqa: E402
from graph.repositories import ServiceRepository  # noqa: E402
from graph.store import connect  # noqa: E402
from ingest.hsds import import_hsds  # noqa: E402
from ingest.hsds_export import export_hsds  # noqa: E402
from ingest.ontology_loader import load_ontology_into_graph  # noqa: E402
from ingest.synthetic import write_package  # noqa: E402

TARGET = 2000.0


def run(uri: str, package: Path, n: int, work: Path, warmup: Path) -> dict[str, float]:
    store = connect(uri)
    try:
        # Warm-up (both backends alike): the JVM compiles and Neo4j plans its queries on the first import.
        store.clear()
        ensure_schema(store)
        load_ontology_into_graph(store)
        import_hsds(store, warmup, source="hsds:warmup")
        store.clear()
        ensure_schema(store)
        load_ontology_into_graph(store)
        t0 = time.perf_counter()
        report = import_hsds(store, package, source="hsds:bench")
        first = time.perf_counter() - t0
        counts = report.summary()
        assert counts["services_created"] == n and counts["rejected"] == 0, counts
        t1 = time.perf_counter()
        again = import_hsds(store, package, source="hsds:bench").summary()
        second = time.perf_counter() - t1
        assert again["services_unchanged"] == n and again["created"] == 0, again
        t2 = time.perf_counter()
        result = export_hsds(store, work / f"export-{store.dialect.name}", validate=False)
        exported = time.perf_counter() - t2
        assert result.counts["services"] == n
        # Baseline in the same run: the repository's own upsert of the same services into an empty graph.
        services = ServiceRepository(store).all(limit=n)
        ServiceRepository(store).delete_all()
        t3 = time.perf_counter()
        ServiceRepository(store).upsert(services)
        bare = time.perf_counter() - t3
        store.clear()
        return {
            "import_per_s": n / first,
            "import_s": first,
            "unchanged_per_s": n / second,
            "export_per_s": n / exported,
            "bare_upsert_per_s": n / bare,
        }
    finally:
        store.close()


def main() -> int:
    args = size_arguments().parse_args()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        counts = write_package(work / "pkg", args.services)
        write_package(work / "warmup", 1000)
        rows = sum(counts.values())
        results["falkordb"] = run(
            f"falkordb://{work / 'db'}", work / "pkg", args.services, work, work / "warmup"
        )
        if not args.skip_neo4j:
            on_neo4j(results, lambda uri: run(uri, work / "pkg", args.services, work, work / "warmup"))
    print(f"HSDS import bench: {args.services} services, {rows} HSDS rows in {len(counts)} files")
    for name, r in results.items():
        print(
            f"  {name:16s} import {r['import_per_s']:7.0f} services/s ({r['import_s']:.1f} s), "
            f"re-import unchanged {r['unchanged_per_s']:7.0f}/s, export {r['export_per_s']:7.0f}/s, "
            f"bare upsert {r['bare_upsert_per_s']:7.0f}/s (import/bare {r['import_per_s'] / r['bare_upsert_per_s']:.2f}x)"
        )
    falkor = results["falkordb"]["import_per_s"]
    verdict = "OK" if falkor >= TARGET else "BELOW TARGET"
    print(f"  target embedded ≥ {TARGET:.0f} services/s: {falkor:.0f} -> {verdict}")
    names = list(results)
    if len(names) == 2:
        a, b = results[names[0]], results[names[1]]
        ratio = a["import_per_s"] / b["import_per_s"]
        print(
            f"  Neo4j/FalkorDB import time: {ratio:.2f}x (brief: within 2x -> {'OK' if ratio <= 2 else 'SLOWER'}); "
            f"re-import {a['unchanged_per_s'] / b['unchanged_per_s']:.2f}x, export {a['export_per_s'] / b['export_per_s']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
