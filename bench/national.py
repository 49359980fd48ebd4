"""National bench (issue 14): every figure of the issue's table in one run, on one kaart per backend.

`make bench SERVICES=350000` runs this. The synthetic kaart (bench/common.py: services spread over 30 towns past
the first 10 000) is written once per backend and every step measures that same graph: the graph upsert is the
seeding itself, then the neighbourhood reads, the full whoosh reindex, and one web worker per code tree and
backend (bench/match_worker.py, in processes of their own, all at the same time so the machine's noise falls on
each alike): its load time, memory, `match()` and `POST /api/v1/match` latency, and the first request after an
edit. Last the search backends side by side (bench/search_backends.py). Every step has a time budget (what it may
cost at 350 000 services for the run to fit in 45 minutes) and prints its elapsed time; a table at the end gives
every figure with the ratios Neo4j/embedded and, with --baseline REF, this checkout/REF (one worker per tree).

Usage: python bench/national.py [--services 350000] [--skip-neo4j] [--baseline main] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from common import Steps, load_average, percentile, seed_kaart, start_neo4j, warm_up  # noqa: E402

# Budgets at 350 000 services, in seconds (scaled down linearly for smaller kaarten): 45 minutes in all.
BUDGET = {
    "seed": 420,
    "neighbourhood": 60,
    "reindex": 420,
    "neo4j start": 60,
    "workers": 900,
    "search backends": 300,
}
# The targets, for the table: (figure, at 100 000, at 350 000).
TARGETS = {
    "http_p95": (50, 100),
    "after_edit_ms": (200, 200),
    "rss_mb": (400, None),
    "reindex_s": (30, None),
}


def rss_mb(pid: int | None) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, TypeError):
        return None
    return None


def graph_figures(store: Any, n: int, seconds: dict[str, float], queries: int = 200) -> dict[str, float]:
    """The graph upsert (the seeding just done) and the neighbourhood read of random organisations."""
    from graph.repositories import OrganisationRepository

    orgs = OrganisationRepository(store)
    rng = random.Random(7)
    for i in range(20):  # not timed: the server plans the query once
        orgs.neighbourhood(f"org-{i}")
    lat = []
    for _ in range(queries):
        t = time.perf_counter()
        orgs.neighbourhood(f"org-{rng.randrange(max(1, n // 4))}")
        lat.append((time.perf_counter() - t) * 1000)
    return {
        "upsert_per_s": n / seconds["services_s"],
        "seed_s": seconds["total_s"],
        "neighbourhood_p50_ms": statistics.median(lat),
        "neighbourhood_p95_ms": percentile(lat, 0.95),
    }


def reindex_with(code: Path, uri: str, into: Path) -> float:
    """The whoosh index built by another code tree (a --baseline: its schema may differ from this checkout's),
    in a process of its own on the same graph; returns its seconds."""
    shutil.rmtree(into, ignore_errors=True)
    script = (
        "import sys, time\nfrom pathlib import Path\nfrom graph.store import connect\n"
        "from match.index import rebuild_index\nstore = connect(sys.argv[1])\nt = time.perf_counter()\n"
        "rebuild_index(store, Path(sys.argv[2]))\nprint(time.perf_counter() - t)\nstore.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, uri, str(into)],
        env={**os.environ, "PYTHONPATH": str(code)}, cwd=code, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return float(done.stdout.strip().splitlines()[-1])


def fresh_copy(src: Path, dst: Path) -> None:
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst)


def index_copy(store: Any, built: Path, into: Path) -> Path:
    """The whoosh index built from the embedded graph, for a worker on another graph with the same kaart (the
    same `n` gives the same documents): copied, its seq set to that graph's, so only later edits are applied."""
    from graph import changes
    from match.index import SEQ_FILE, current_generation

    shutil.rmtree(into, ignore_errors=True)
    shutil.copytree(built, into)
    generation = current_generation(into)
    if generation is None:
        raise RuntimeError(f"no index generation in {built}")
    (into / generation / SEQ_FILE).write_text(json.dumps({"seq": changes.current_seq(store)}))
    return into


def start_workers(
    jobs: dict[str, dict[str, Any]], args: argparse.Namespace, barrier: Path
) -> dict[str, subprocess.Popen]:
    """bench/match_worker.py per (code tree, backend), all at once; each measures once all have loaded."""
    shutil.rmtree(barrier, ignore_errors=True)
    barrier.mkdir(parents=True)
    procs = {}
    for name, job in jobs.items():
        env = {**os.environ, "PYTHONPATH": str(job["code"])}
        # stderr to a file: a pipe nobody reads while the others load could fill up and block the worker
        procs[name] = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "bench" / "match_worker.py"),
                job["uri"],
                str(job["index"]),
                "--queries",
                str(args.queries),
                "--http",
                str(args.queries),
                "--edits",
                str(args.edits),
                "--first-service",
                str(job["first"]),
                "--search-backend",
                job.get("search", "whoosh"),
                "--barrier",
                str(barrier),
            ],
            env=env,
            cwd=job["code"],
            stdout=subprocess.PIPE,
            stderr=(barrier / f"{name}.err").open("w"),
            text=True,
        )
    return procs


def collect(procs: dict[str, subprocess.Popen], timeout: float, barrier: Path) -> dict[str, dict[str, Any]]:
    """Each worker's JSON; a worker that fails or overruns `timeout` is reported and left out."""
    out: dict[str, dict[str, Any]] = {}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:  # every worker loaded (or gone): let them all measure at once
        alive = [p for p in procs.values() if p.poll() is None]
        if len(list(barrier.glob("loaded-*"))) >= len(alive):
            break
        time.sleep(0.5)
    (barrier / "go").touch()
    for name, proc in procs.items():
        try:
            stdout, _ = proc.communicate(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            print(f"  worker {name}: killed after {timeout:.0f} s (three times its budget: hung?)")
            continue
        if proc.returncode != 0:
            print(f"  worker {name}: failed\n{(barrier / f'{name}.err').read_text()[-1500:]}")
            continue
        out[name] = json.loads(stdout.strip().splitlines()[-1])
    return out


def search_backends(timeout: float) -> dict[str, Any]:
    """bench/search_backends.py (kaart eval, whoosh vs the graph server's index): its output and largest gap."""
    try:
        done = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "search_backends.py")],
            cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    print(done.stdout.rstrip())
    if done.returncode != 0:
        return {"error": done.stderr[-500:]}
    for line in done.stdout.splitlines():
        if "largest difference" in line:
            return {"largest_difference": float(line.split("largest difference")[1].split()[0])}
    return {}


def _fmt(value: Any, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "/s":
        return f"{value:,.0f}/s".replace(",", " ")
    if unit == "s":
        return f"{value:.1f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "":
        return f"{value:.3f}"
    return f"{value:.1f} ms"


def _ratio(a: Any, b: Any) -> str:
    return f"{a / b:.2f}x" if a is not None and b else "—"


def table(n: int, fig: dict[str, dict[str, Any]], baseline: str | None) -> list[str]:
    """Figure | embedded | Neo4j | Neo4j/embedded | baseline | now/baseline | the issue's target."""
    e, j, b = fig.get("falkordb", {}), fig.get("neo4j", {}), fig.get("baseline", {})
    rows = [
        ("POST /api/v1/match p95", "http_p95", "ms"),
        ("POST /api/v1/match p50", "http_p50", "ms"),
        ("match() p95, no place", "match_p95", "ms"),
        ("match() p95, with a place", "near_p95", "ms"),
        ("match(): index p95", "index_ms_p95", "ms"),
        ("match(): rank p95", "rank_ms_p95", "ms"),
        ("first request after an edit (median)", "after_edit_ms", "ms"),
        ("first request after an edit (max)", "after_edit_max_ms", "ms"),
        ("an edit found, after the save (median)", "after_edit_found_ms", "ms"),
        ("worker RSS", "rss_mb", "MB"),
        ("worker load (NLP + candidates)", "load_s", "s"),
        ("new index generation, next request", "generation_ms", "ms"),
        ("full reindex (whoosh)", "reindex_s", "s"),
        ("graph upsert", "upsert_per_s", "/s"),
        ("seeding the kaart (all)", "seed_s", "s"),
        ("neighbourhood read p95", "neighbourhood_p95_ms", "ms"),
        ("graph server RSS", "server_rss_mb", "MB"),
        ("search backends: largest eval gap", "search_gap", ""),
    ]
    head = f"  {'figure':38s} {'embedded':>11s} {'Neo4j':>11s} {'Neo4j/emb':>9s}"
    if baseline:
        head += f" {'baseline':>11s} {'now/base':>9s}"
    lines = [head + "  target (issue 14)"]
    for label, key, unit in rows:
        line = f"  {label:38s} {_fmt(e.get(key), unit):>11s} {_fmt(j.get(key), unit):>11s} "
        line += f"{_ratio(j.get(key), e.get(key)):>9s}"
        if baseline:
            line += f" {_fmt(b.get(key), unit):>11s} {_ratio(e.get(key), b.get(key)):>9s}"
        target = TARGETS.get(key)
        if target:
            at = target[0] if n <= 100_000 else target[1]
            line += f"  ≤ {at} {unit} at {'100 000' if n <= 100_000 else '350 000'}" if at else ""
        if key == "upsert_per_s":
            line += "  Neo4j ≥ 0.5x"
        if key == "search_gap":
            line += "  ≤ 0.02"
        lines.append(line.rstrip())
    if e.get("http_p95") and j.get("http_p95"):
        lines.append(
            f"  Neo4j POST /api/v1/match p95 within 2x of embedded: {j['http_p95'] / e['http_p95']:.2f}x"
        )
    return lines


def graph_search_table(fig: dict[str, dict[str, Any]]) -> list[str]:
    """The same web worker with the full-text index in the graph server (KAART_SEARCH_BACKEND=graph, ADR 0091)."""
    e, j = fig.get("falkordb-graph", {}), fig.get("neo4j-graph", {})
    if not e and not j:
        return []
    rows = [
        ("full-text index built in the graph", "graph_reindex_s", "s"),
        ("POST /api/v1/match p95", "http_p95", "ms"),
        ("match(): index p95", "index_ms_p95", "ms"),
        ("match() p95, with a place", "near_p95", "ms"),
        ("first request after an edit (median)", "after_edit_ms", "ms"),
        ("worker RSS", "rss_mb", "MB"),
    ]
    lines = [
        "\n  search in the graph server (KAART_SEARCH_BACKEND=graph), same run:",
        f"  {'figure':38s} {'embedded':>11s} {'Neo4j':>11s} {'Neo4j/emb':>9s} {'graph/whoosh, emb':>18s}"
        f" {'graph/whoosh, Neo4j':>20s}",
    ]
    w, wj = fig.get("falkordb", {}), fig.get("neo4j", {})
    for label, key, unit in rows:
        whoosh_key = "reindex_s" if key == "graph_reindex_s" else key
        lines.append(
            f"  {label:38s} {_fmt(e.get(key), unit):>11s} {_fmt(j.get(key), unit):>11s} "
            f"{_ratio(j.get(key), e.get(key)):>9s} {_ratio(e.get(key), w.get(whoosh_key)):>18s} "
            f"{_ratio(j.get(key), wj.get(whoosh_key)):>20s}"
        )
    return lines


def seed_once(steps: Steps, store: Any, n: int, data: Path, reuse: bool) -> dict[str, float]:
    """Seed the embedded graph, or (--reuse, the same size seeded before in this --data-dir) keep it."""
    stamp = data / "seeded.json"
    if reuse and stamp.exists():
        earlier = json.loads(stamp.read_text())
        if earlier.get("services") == n:
            steps.skipped(
                "seed embedded (graph upsert)", f"--reuse: seeded earlier in {earlier['total_s']:.0f} s"
            )
            return earlier
    store.clear()
    warm_up(store)
    seconds = steps.run("seed embedded (graph upsert)", BUDGET["seed"], lambda: seed_kaart(store, n))
    stamp.write_text(json.dumps({"services": n, **seconds}))
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=350_000)
    parser.add_argument("--skip-neo4j", action="store_true")
    parser.add_argument("--skip-search-backends", action="store_true")
    parser.add_argument("--baseline", help="git revision for a second embedded worker (ratios now/baseline)")
    parser.add_argument(
        "--queries", type=int, help="match() and POST per worker (default 200, 100 past 100 000)"
    )
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, help="where the graph and index go (default: a temp dir)")
    parser.add_argument("--json", type=Path, help="write every figure and step time here")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the embedded kaart seeded before in --data-dir (same size)"
    )
    parser.add_argument(
        "--graph-search",
        action="store_true",
        help="also build the full-text index in the graph and measure one more worker per backend with it",
    )
    args = parser.parse_args()
    n = args.services
    args.queries = args.queries or (200 if n <= 100_000 else 100)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    print(
        f"national bench: {n} services, commit {commit.stdout.strip() or '?'}, {args.queries} queries per worker, "
        f"load average {load_average()} on {os.cpu_count()} cores",
        flush=True,
    )
    steps = Steps(n)
    fig: dict[str, dict[str, Any]] = {"falkordb": {}, "neo4j": {}, "baseline": {}}
    own = args.data_dir is None
    data = Path(tempfile.mkdtemp(prefix=f"kaart-national-{n}-")) if own else args.data_dir
    data.mkdir(parents=True, exist_ok=True)
    neo4j = None
    try:
        from graph.store import connect
        from match.index import rebuild_index

        uri = f"falkordb://{data / 'graph'}"
        store = connect(uri)
        seconds = seed_once(steps, store, n, data, args.reuse)
        fig["falkordb"].update(
            steps.run(
                "neighbourhood reads, embedded",
                BUDGET["neighbourhood"],
                lambda: graph_figures(store, n, seconds),
                floor=10,
            )
        )
        shutil.rmtree(data / "index", ignore_errors=True)
        t0 = time.perf_counter()
        steps.run(
            "full reindex (whoosh), embedded", BUDGET["reindex"], lambda: rebuild_index(store, data / "index")
        )
        fig["falkordb"]["reindex_s"] = time.perf_counter() - t0
        jobs: dict[str, dict[str, Any]] = {}
        if args.graph_search:
            fig["falkordb-graph"] = {"graph_reindex_s": graph_reindex(steps, store, "embedded")}
            jobs["falkordb-graph"] = {
                "code": ROOT, "uri": uri, "index": data / "unused", "first": 3, "search": "graph",
            }  # fmt: skip
        jobs["falkordb"] = {"code": ROOT, "uri": uri, "index": data / "index-falkordb", "first": 1}
        fresh_copy(data / "index", jobs["falkordb"]["index"])
        if args.baseline:
            from match_latency import code_of

            jobs["baseline"] = {
                "code": code_of(args.baseline, data / "baseline-code"),
                "uri": uri,
                "index": data / "index-baseline",
                "first": 2,
            }
            fig["baseline"]["reindex_s"] = steps.run(
                f"full reindex (whoosh), baseline {args.baseline}",
                BUDGET["reindex"],
                lambda: reindex_with(jobs["baseline"]["code"], uri, jobs["baseline"]["index"]),
            )
        if not args.skip_neo4j:
            from neo4j_server import Neo4jUnavailable

            try:
                neo4j = steps.run("start Neo4j", BUDGET["neo4j start"], lambda: start_neo4j(n), floor=60)
            except Neo4jUnavailable as exc:
                steps.skipped("Neo4j", str(exc))
        if neo4j is not None:
            nstore = connect(neo4j.uri)
            nstore.clear()
            steps.run("warm up Neo4j (1 000 services, not timed)", 30, lambda: warm_up(nstore), floor=30)
            nseconds = steps.run("seed Neo4j (graph upsert)", BUDGET["seed"], lambda: seed_kaart(nstore, n))
            fig["neo4j"].update(
                steps.run(
                    "neighbourhood reads, Neo4j",
                    BUDGET["neighbourhood"],
                    lambda: graph_figures(nstore, n, nseconds),
                    floor=10,
                )
            )
            if args.graph_search:
                fig["neo4j-graph"] = {"graph_reindex_s": graph_reindex(steps, nstore, "Neo4j")}
                jobs["neo4j-graph"] = {
                    "code": ROOT, "uri": neo4j.uri, "index": data / "unused", "first": 3, "search": "graph",
                }  # fmt: skip
            jobs["neo4j"] = {
                "code": ROOT,
                "uri": neo4j.uri,
                "index": index_copy(nstore, data / "index", data / "index-neo4j"),
                "first": 1,
            }
            nstore.close()
        budget = steps.budget(BUDGET["workers"], 120)
        procs = start_workers(jobs, args, data / "barrier")
        workers = steps.run(
            f"web workers ({', '.join(jobs)}) at once",
            BUDGET["workers"],
            lambda: collect(procs, budget * 3, data / "barrier"),
            floor=120,
        )
        fig["falkordb"]["server_rss_mb"] = rss_mb(_falkordb_pid(data / "graph"))
        if neo4j is not None:
            fig["neo4j"]["server_rss_mb"] = rss_mb(neo4j.pid)
        for name, w in workers.items():
            w["generation_ms"] = w["generation_s"] * 1000
            fig.setdefault(name, {}).update(w)
        store.close()
    finally:
        if neo4j is not None:
            neo4j.stop()
        if own:
            shutil.rmtree(data, ignore_errors=True)
    if not args.skip_search_backends:
        found = steps.run(
            "search backends (kaart eval)", BUDGET["search backends"], lambda: search_backends(600)
        )
        fig["falkordb"]["search_gap"] = found.get("largest_difference")
    print(f"\nnational bench: {n} services, load average now {load_average()}")
    print("\n".join(table(n, fig, args.baseline) + graph_search_table(fig)))
    print("\nsteps:")
    print("\n".join(steps.table()))
    if args.json:
        args.json.write_text(
            json.dumps(
                {"services": n, "figures": fig, "steps": steps.done, "total_s": steps.total()},
                indent=2,
                default=str,
            )
        )
    missing = [
        name
        for name in ("falkordb", *(("baseline",) if args.baseline else ()))
        if "http_p95" not in fig[name]
    ]
    return 1 if missing else 0


def graph_reindex(steps: Steps, store: Any, backend: str) -> float:
    """`kaart reindex` with KAART_SEARCH_BACKEND=graph: every service's search document written into the graph."""
    from match.index import rebuild

    t0 = time.perf_counter()
    steps.run(
        f"full-text index in the graph, {backend}", BUDGET["reindex"], lambda: rebuild("graph", store, Path())
    )
    return time.perf_counter() - t0


def _falkordb_pid(graph_dir: Path) -> int | None:
    try:
        return int((graph_dir / "falkordb.pid").read_text().strip())
    except (OSError, ValueError):
        return None


if __name__ == "__main__":
    raise SystemExit(main())
