"""Match bench: `kaart match` internals and `POST /api/v1/match` at 10 000 services.

Builds a synthetic kaart (themes from the real ontology, Dutch descriptions, the first 10 000 services across the
Achterhoek and the rest across towns in the whole country, as a national kaart would have them),
then times NLP, index and ranking separately, the whole `Matcher.match` call, and the HTTP endpoint through
the Flask app. Runs on the embedded backend and on Neo4j in one run and prints the ratio.
Usage: python bench/match_latency.py [--services 10000] [--skip-neo4j] [--queries 300]
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from common import QUERIES, on_neo4j, percentile, seed_kaart, size_arguments  # noqa: E402

from graph.store import connect  # noqa: E402


def build(store, n: int) -> None:
    """The synthetic kaart of `n` services (bench/common.py), written through the repositories."""
    seed_kaart(store, n)


def code_of(ref: str, into: Path) -> Path:
    """The tree of git revision `ref` (the baseline of a before/after run) extracted into `into`."""
    into.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def workers(
    codes: dict[str, Path],
    uri: str,
    index_root: Path,
    queries: int,
    edits: int = 5,
    baseline_edits: int | None = None,
) -> dict[str, dict[str, float]]:
    """bench/match_worker.py in a process of its own per code tree (the memory of one web worker), all at the
    same time on their own copy of the index: the machine's noise falls on each alike, so ratios hold."""
    procs = {}
    for first, (name, code) in enumerate(codes.items(), start=1):
        env = {**os.environ, "PYTHONPATH": str(code)}
        procs[name] = subprocess.Popen(
            [sys.executable, str(ROOT / "bench" / "match_worker.py"), uri, str(index_root / f"index-{name}"),
             "--queries", str(queries), "--first-service", str(first),
             "--edits", str(edits if name == "now" or baseline_edits is None else baseline_edits)],
            env=env, cwd=code, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
    out = {}
    for name, proc in procs.items():
        stdout, stderr = proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(f"worker {name} failed: {stderr[-2000:]}")
        out[name] = json.loads(stdout.strip().splitlines()[-1])
    return out


def run(
    uri: str,
    n: int,
    queries: int,
    baseline: Path | None = None,
    edits: int = 5,
    workers_only: bool = False,
    baseline_edits: int | None = None,
) -> dict[str, float]:
    from match.engine import Matcher
    from match.index import compare_with_graph, rebuild_index
    from webapp import create_app

    store = connect(uri)
    timings: dict[str, list[float]] = {"nlp_ms": [], "index_ms": [], "rank_ms": [], "total_ms": []}
    http: list[float] = []
    check_s = snapshot_s = 0.0
    try:
        store.clear()
        build(store, n)
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            rebuild_index(store, Path(tmp) / "index")
            reindex_s = time.perf_counter() - t0
            if not workers_only:
                t0 = time.perf_counter()
                assert compare_with_graph(store, Path(tmp) / "index").current  # `kaart check`
                check_s = time.perf_counter() - t0
                matcher = Matcher(store, Path(tmp) / "index")
                t0 = time.perf_counter()
                matcher.refresh(force=True)  # graph part: all candidates, as a new worker reads them
                snapshot_s = time.perf_counter() - t0
                for i in range(queries):
                    q = QUERIES[i % len(QUERIES)]
                    t = time.perf_counter()
                    res = matcher.match(q, limit=10)
                    timings["total_ms"].append((time.perf_counter() - t) * 1000)
                    for k, v in res.timings.items():
                        timings[k].append(v)
                app = create_app(
                    {
                        "DATA_DIR": tmp,
                        "GRAPH_URI": uri,
                        "INDEX_DIR": str(Path(tmp) / "index"),
                        "TESTING": True,
                    }
                )
                app.extensions["kaart_matcher"] = matcher
                client = app.test_client()
                for i in range(queries):
                    t = time.perf_counter()
                    resp = client.post("/api/v1/match", json={"text": QUERIES[i % len(QUERIES)], "limit": 10})
                    http.append((time.perf_counter() - t) * 1000)
                    assert resp.status_code == 200
                from webapp.db import close_store

                app.extensions.pop("kaart_matcher", None)
                close_store(app)
                del matcher, app
            # One web worker, in a process of its own: this checkout, then (with --baseline) the old code,
            # each on its own copy of the index of the same graph.
            codes = {"now": ROOT, **({"baseline": baseline} if baseline else {})}
            for name in codes:
                shutil.copytree(Path(tmp) / "index", Path(tmp) / f"index-{name}")
            measured = workers(codes, uri, Path(tmp), queries, edits, baseline_edits)
        store.clear()
        out = {f"{k}_p50": statistics.median(v) if v else 0.0 for k, v in timings.items()}
        out.update({f"{k}_p95": percentile(v, 0.95) for k, v in timings.items()})
        out["http_p50"] = statistics.median(http) if http else 0.0
        out["http_p95"] = percentile(http, 0.95)
        out["reindex_s"] = reindex_s
        out["check_s"] = check_s
        out["snapshot_s"] = snapshot_s
        for name, w in measured.items():
            out.update({f"{name}_{k}": v for k, v in w.items()})
        return out
    finally:
        store.close()


def print_worker(r: dict[str, float], baseline: str | None) -> None:
    """One web worker (its own process): memory, load, match() and the first request after an edit."""
    rows = [("now", "this checkout")] + ([("baseline", f"baseline {baseline}")] if baseline else [])
    for key, label in rows:
        if f"{key}_rss_mb" not in r:
            continue
        if r.get(f"{key}_after_edit_ms") is None and not r[f"{key}_incremental"]:
            # Not timed (large runs): without the change sequence an edit needs a reindex, then the snapshot
            # reload of the next request; both are measured in this run.
            r[f"{key}_after_edit_ms"] = (r["reindex_s"] + r[f"{key}_generation_s"]) * 1000
            r[f"{key}_after_edit_max_ms"] = r[f"{key}_after_edit_ms"]
            how = "reindex + snapshot reload, the two measured in this run, added"
        elif r[f"{key}_incremental"]:
            how = "edit applied from the change sequence"
        else:
            how = "reindex + snapshot reload"
        print(
            f"    worker, {label}: RSS {r[f'{key}_rss_mb']:.0f} MB (peak {r[f'{key}_rss_peak_mb']:.0f}), "
            f"load {r[f'{key}_load_s']:.1f} s, new index generation {r[f'{key}_generation_s'] * 1000:.0f} ms, "
            f"match() p50 {r[f'{key}_match_p50']:.1f} ms p95 "
            f"{r[f'{key}_match_p95']:.1f} ms (nlp {r[f'{key}_nlp_ms_p95']:.1f}, index {r[f'{key}_index_ms_p95']:.1f}, "
            f"rank {r[f'{key}_rank_ms_p95']:.1f}), CPU time p50 {r.get(f'{key}_match_cpu_p50', 0.0):.1f} ms p95 "
            f"{r.get(f'{key}_match_cpu_p95', 0.0):.1f} ms, with a place p95 {r[f'{key}_near_p95']:.1f} ms, "
            f"first request after an edit {r[f'{key}_after_edit_ms']:.0f} ms "
            f"(max {r[f'{key}_after_edit_max_ms']:.0f}; {how})"
        )
        if f"{key}_after_edit_pool_ms" in r:
            print(
                f"      after an edit, median ms: change log {r[f'{key}_after_edit_since_ms']:.1f}, graph rows "
                f"{r[f'{key}_after_edit_rows_ms']:.1f}, candidates update {r[f'{key}_after_edit_pool_ms']:.1f}, "
                f"full-text index {r.get(f'{key}_after_edit_index_ms', 0.0):.1f}"
            )
    if baseline and "baseline_rss_mb" in r:
        print(
            "    ratio now/baseline: "
            + ", ".join(
                f"{label} {r[f'now_{k}'] / r[f'baseline_{k}']:.2f}x"
                for k, label in (
                    ("rss_mb", "RSS"),
                    ("load_s", "load"),
                    ("generation_s", "new index generation"),
                    ("match_p50", "match() p50"),
                    ("match_p95", "match() p95"),
                    ("nlp_ms_p95", "NLP p95"),
                    ("match_cpu_p50", "match() CPU p50"),
                    ("match_cpu_p95", "match() CPU p95"),
                    ("near_p95", "match() p95 with a place"),
                    ("near_cpu_p95", "match() CPU p95 with a place"),
                    ("after_edit_ms", "first request after an edit"),
                )
                if r.get(f"baseline_{k}")
            )
        )


def main() -> int:
    parser = size_arguments()
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--baseline", help="git revision to compare one web worker with (e.g. main, HEAD~3)")
    parser.add_argument(
        "--edits", type=int, default=5, help="edits timed per worker (baseline: a reindex each)"
    )
    parser.add_argument(
        "--baseline-edits", type=int, help="edits for the baseline (0: reindex + load, added)"
    )
    parser.add_argument(
        "--workers-only", action="store_true", help="only the per-worker figures (large runs)"
    )
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as base_tmp:
        base = code_of(args.baseline, Path(base_tmp) / "code") if args.baseline else None
        with tempfile.TemporaryDirectory() as tmp:
            results["falkordb"] = run(
                f"falkordb://{tmp}/graph",
                args.services,
                args.queries,
                base,
                args.edits,
                args.workers_only,
                args.baseline_edits,
            )
        if not args.skip_neo4j:
            on_neo4j(
                results,
                lambda uri: run(
                    uri, args.services, args.queries, base, args.edits, args.workers_only, args.baseline_edits
                ),
                args.services,
            )
    print(f"match bench: {args.services} services, {args.queries} queries")
    for name, r in results.items():
        print(f"  {name:16s} full reindex {r['reindex_s']:.1f} s")
        if r["http_p95"]:
            print(
                f"  {name:16s} POST /api/v1/match p50 {r['http_p50']:.1f} ms p95 {r['http_p95']:.1f} ms | "
                f"match() p95 {r['total_ms_p95']:.1f} ms (nlp {r['nlp_ms_p95']:.1f}, index {r['index_ms_p95']:.1f}, "
                f"rank {r['rank_ms_p95']:.1f}; graph 0 per request, all candidates read in "
                f"{r['snapshot_s'] * 1000:.0f} ms) | staleness check {r['check_s']:.1f} s"
            )
        print_worker(r, args.baseline)
    names = list(results)
    if len(names) == 2:
        a, b = results[names[0]], results[names[1]]
        print(
            f"  ratio neo4j/falkordb: http p95 {b['http_p95'] / (a['http_p95'] or 1):.2f}x, "
            f"reindex {b['reindex_s'] / a['reindex_s']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
