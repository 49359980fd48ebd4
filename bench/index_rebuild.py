"""Whoosh index bench (issue 14 points 2–4): full rebuild, search and catch-up at national size, this checkout
next to a baseline revision in the same run, on the same graph (embedded FalkorDB).

Per code tree, in a process of its own: `rebuild_index` (wall time and CPU seconds: on a shared machine the
CPU seconds are the steadier figure, and with 2 cores the rebuild's processes share them), the search the
matcher asks (`SearchIndex.search(text, limit=60)`) p50/p95, one edit applied by `catch_up`'s step
(`_apply`: update_document + commit) and the search after it. The trees' top-60 answers are compared. With a
numpy postings sidecar (ADR 0099), also whoosh's own search on the same index in the same process.

Usage: python bench/index_rebuild.py [--services 100000] [--baseline main] [--graph DIR] [--rounds 20]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from common import QUERIES  # noqa: E402 - bench/common.py, next to this script (sys.path[0])


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def worker(uri: str, index_dir: Path, rounds: int, edits: int) -> dict:
    """Run inside one code tree (PYTHONPATH): its rebuild, search and catch-up on the graph at `uri`."""
    from graph.store import connect
    from match.index import SearchIndex, rebuild_index
    from ontology import load_ontology

    store = connect(uri)
    onto = load_ontology()
    out: dict = {"load_before": os.getloadavg()[0]}
    t, c = time.perf_counter(), _cpu()
    out["services"] = rebuild_index(store, index_dir, onto)
    out["reindex_s"], out["reindex_cpu_s"] = time.perf_counter() - t, _cpu() - c
    index = SearchIndex(index_dir)
    out["answers"] = {q: index.search(q, limit=60) for q in QUERIES}
    latencies = []
    for _ in range(rounds):
        for q in QUERIES:
            t = time.perf_counter()
            index.search(q, limit=60)
            latencies.append((time.perf_counter() - t) * 1000)
    out["search_p50_ms"], out["search_p95_ms"] = _p50_p95(latencies)
    out["sidecar_mb"] = _mb(Path(index.path) / "postings")
    out["index_mb"] = _mb(Path(index.path)) - out["sidecar_mb"]
    if out["sidecar_mb"]:  # whoosh's own search on the same handle, same run: the ratio of the two paths
        out.update(_whoosh_on(index, rounds))
    applied, after = [], []
    for i in range(edits):
        sid = f"svc-{(i * 7919) % out['services']}"
        t = time.perf_counter()
        index._apply(store, [sid], onto)  # catch_up's step for one changed service
        applied.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        index.search(QUERIES[i % len(QUERIES)], limit=60)  # the first search sees the commit
        after.append((time.perf_counter() - t) * 1000)
    out["apply_ms"], out["search_after_apply_ms"] = applied, after
    out["load_after"] = os.getloadavg()[0]
    index.close()
    store.close()
    return out


def _p50_p95(latencies: list[float]) -> tuple[float, float]:
    latencies = sorted(latencies)
    return statistics.median(latencies), latencies[max(0, round(len(latencies) * 0.95) - 1)]


def _mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6 if path.exists() else 0.0


def _whoosh_on(index, rounds: int) -> dict:
    """Whoosh's collector on the handle's own searcher (the path without a sidecar), and whether its top 60
    equal the numpy path's."""
    from match.index import _clean

    parsed = {q: index._parser.parse(_clean(q)) for q in QUERIES}
    # whoosh's exact top 60 is its full answer cut at 60 (its own top-k skips blocks by a bound that can drop
    # a hit, ADR 0099)
    same = all(
        [(h["id"], float(h.score)) for h in index._searcher.search(parsed[q], limit=None)][:60]
        == index.search(q, limit=60)
        for q in QUERIES
    )
    latencies = []
    for _ in range(rounds):
        for q in QUERIES:
            t = time.perf_counter()
            [(h["id"], float(h.score)) for h in index._searcher.search(parsed[q], limit=60)]
            latencies.append((time.perf_counter() - t) * 1000)
    p50, p95 = _p50_p95(latencies)
    return {"whoosh_p50_ms": p50, "whoosh_p95_ms": p95, "whoosh_same": same}


def run_tree(code: Path, uri: str, index_dir: Path, rounds: int, edits: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code)}
    args = [sys.executable, str(Path(__file__).resolve()), "--worker", uri, str(index_dir)]
    args += ["--rounds", str(rounds), "--edits", str(edits)]
    proc = subprocess.run(args, env=env, cwd=code, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{code}: {proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _same(a: dict, b: dict) -> str:
    """How the answers of two trees compare: identical ids and scores, or what differs."""
    ids = sum(1 for q in QUERIES if [i for i, _ in a[q]] != [i for i, _ in b[q]])
    scores = max(abs(x[1] - y[1]) for q in QUERIES for x, y in zip(a[q], b[q], strict=False))
    return (
        "identical"
        if not ids and not scores
        else f"{ids} queries differ in ids, scores by up to {scores:.2e}"
    )


def main() -> int:
    sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]
    from common import size_arguments
    from match_latency import build, code_of

    parser = size_arguments()
    parser.add_argument("--baseline", help="git revision to compare with (e.g. main)")
    parser.add_argument("--graph", help="data dir of an embedded graph to (re)use: built when empty")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--edits", type=int, default=10)
    args = parser.parse_args()
    from graph.search import MatchData
    from graph.store import connect

    with tempfile.TemporaryDirectory() as tmp:
        graph_dir = Path(args.graph) if args.graph else Path(tmp) / "graph"
        uri = f"falkordb://{graph_dir}"
        store = connect(uri)
        try:
            if len(MatchData(store).service_ids()) != args.services:
                store.clear()
                build(store, args.services)
        finally:
            store.close()
        trees = {"now": ROOT}
        if args.baseline:
            trees["baseline"] = code_of(args.baseline, Path(tmp) / "baseline")
        results = {}
        for name, code in trees.items():
            results[name] = run_tree(code, uri, Path(tmp) / f"index-{name}", args.rounds, args.edits)
    print(f"whoosh index bench: {args.services} services, {len(QUERIES) * args.rounds} searches")
    for name, r in results.items():
        label = "this checkout" if name == "now" else f"baseline {args.baseline}"
        print(
            f"  {label:24s} full reindex {r['reindex_s']:.1f} s ({r['reindex_cpu_s']:.1f} CPU s) | search "
            f"p50 {r['search_p50_ms']:.1f} ms p95 {r['search_p95_ms']:.1f} ms | one edit applied: median "
            f"{statistics.median(r['apply_ms']):.0f} ms max {max(r['apply_ms']):.0f} ms, search after it "
            f"median {statistics.median(r['search_after_apply_ms']):.0f} ms | load "
            f"{r['load_before']:.1f} -> {r['load_after']:.1f}"
        )
        print(
            f"  {'':24s} index {r.get('index_mb', 0):.0f} MB, numpy postings sidecar {r.get('sidecar_mb', 0):.0f} MB"
        )
        if "whoosh_p95_ms" in r:
            print(
                f"  {'':24s} whoosh's own search on the same index: p50 {r['whoosh_p50_ms']:.1f} ms p95 "
                f"{r['whoosh_p95_ms']:.1f} ms (sidecar/whoosh p95 {r['search_p95_ms'] / r['whoosh_p95_ms']:.3f}x);"
                f" top-60 answers {'identical' if r['whoosh_same'] else 'DIFFERENT'}"
            )
    if "baseline" in results:
        a, b = results["now"], results["baseline"]
        print(
            f"  ratio now/baseline: reindex {a['reindex_s'] / b['reindex_s']:.2f}x (CPU "
            f"{a['reindex_cpu_s'] / b['reindex_cpu_s']:.2f}x), search p95 "
            f"{a['search_p95_ms'] / b['search_p95_ms']:.2f}x, edit applied "
            f"{statistics.median(a['apply_ms']) / statistics.median(b['apply_ms']):.2f}x; top-60 answers "
            f"{_same(a['answers'], b['answers'])}"
        )
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        import argparse

        p = argparse.ArgumentParser()
        p.add_argument("--worker", action="store_true")
        p.add_argument("uri")
        p.add_argument("index_dir", type=Path)
        p.add_argument("--rounds", type=int, default=20)
        p.add_argument("--edits", type=int, default=10)
        a = p.parse_args()
        print(json.dumps(worker(a.uri, a.index_dir, a.rounds, a.edits)))
        raise SystemExit(0)
    raise SystemExit(main())
