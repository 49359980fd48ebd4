"""One web worker's matcher, measured in a process of its own (so its memory is its own): load time, resident
memory, match() latency, and the first request after an edit. Run by bench/match_latency.py, once with this
checkout and, with `--baseline REF`, once with the code of REF on the same graph (the ratios in one run).

Prints one JSON object. Usage: python bench/match_worker.py URI INDEX_DIR [--queries 300]
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import statistics
import sys
import time
from pathlib import Path

from common import QUERIES  # noqa: E402 - bench/common.py, next to this script (sys.path[0])


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(len(values) * p)) - 1))] if values else 0.0


def _time_parts(matcher) -> dict[str, list[float]]:
    """Wrap the parts of catching up with an edit so each adds its time to the last entry of its list."""
    from graph import changes
    from graph.search import MatchData

    parts: dict[str, list[float]] = {"since": [], "rows": [], "pool": [], "index": []}

    def timed(fn, key):
        def wrapper(*a, **kw):
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                if parts[key]:
                    parts[key][-1] += (time.perf_counter() - t) * 1000

        return wrapper

    changes.since = timed(changes.since, "since")
    MatchData.candidates = timed(MatchData.candidates, "rows")
    matcher.live.pool.update = timed(matcher.live.pool.update, "pool")
    index = matcher.live.index
    if index is not None:
        index.catch_up = timed(index.catch_up, "index")
    return parts


def wait_for_the_others(barrier: Path, timeout: float = 3600) -> None:
    """Workers started together load at different speeds (the backends, the code trees): each measures only once
    every one has loaded, so their measurements overlap in time and the machine's noise falls on each alike."""
    import os

    (barrier / f"loaded-{os.getpid()}").touch()
    deadline = time.monotonic() + timeout
    while not (barrier / "go").exists() and time.monotonic() < deadline:
        time.sleep(0.2)


def post_match(uri: str, index_dir: Path, matcher: object, n: int) -> list[float]:
    """`POST /api/v1/match` n times through the Flask app (test client, this worker's matcher): what a web
    worker adds to match() — request parsing, the contract JSON, the response."""
    import tempfile

    from webapp import create_app

    with tempfile.TemporaryDirectory(prefix="kaart-worker-") as tmp:
        app = create_app({"DATA_DIR": tmp, "GRAPH_URI": uri, "INDEX_DIR": str(index_dir), "TESTING": True})
        app.extensions["kaart_matcher"] = matcher
        client = app.test_client()
        out = []
        for i in range(n):
            t = time.perf_counter()
            resp = client.post("/api/v1/match", json={"text": QUERIES[i % len(QUERIES)], "limit": 10})
            out.append((time.perf_counter() - t) * 1000)
            assert resp.status_code == 200, resp.status_code
        app.extensions.pop("kaart_matcher", None)
        from webapp.db import close_store

        close_store(app)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("uri")
    parser.add_argument("index_dir", type=Path)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument(
        "--barrier",
        type=Path,
        help="dir: say loaded (a file), then measure once `go` is there (workers in step)",
    )
    parser.add_argument("--first-service", type=int, default=1, help="edits svc-N, svc-N+7, …")
    parser.add_argument(
        "--search-backend", default="whoosh", help="graph: the full-text index in the graph server"
    )
    parser.add_argument(
        "--http", type=int, default=0, help="also time N `POST /api/v1/match` through the Flask app"
    )
    args = parser.parse_args()

    from graph.editing import save_edit
    from graph.repositories import ServiceRepository
    from graph.store import connect
    from match.engine import Matcher

    store = connect(args.uri)
    rss0, _ = rss_mb()
    t0 = time.perf_counter()
    # Only passed when not the default: a --baseline tree from before the graph search backend has no such argument.
    backend = {"search_backend": args.search_backend} if args.search_backend != "whoosh" else {}
    # A web worker follows the graph's changes in a thread of its own (ADR 0100), as webapp.answer builds it;
    # a --baseline tree from before that has no such argument (its requests catch up themselves).
    if "follow" in inspect.signature(Matcher).parameters:
        backend["follow"] = True
    matcher = Matcher(store, args.index_dir, **backend)
    following = bool(getattr(matcher.live, "follow", False))
    load_s = time.perf_counter() - t0
    if args.barrier:
        wait_for_the_others(args.barrier)
    total: list[float] = []
    # CPU time of this thread per match as well: on a shared machine the wall clock also counts the time other
    # processes ran (the baseline worker beside this one among them), CPU time much less so (ADR 0118)
    cpu: list[float] = []
    parts: dict[str, list[float]] = {"nlp_ms": [], "index_ms": [], "rank_ms": []}
    for i in range(args.queries):
        t, c = time.perf_counter(), time.thread_time()
        res = matcher.match(QUERIES[i % len(QUERIES)], limit=10)
        total.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
        for k in parts:
            parts[k].append(res.timings.get(k, 0.0))
    near: list[
        float
    ] = []  # the same questions with the place field filled in (a national kaart's usual case)
    near_cpu: list[float] = []
    for i in range(args.queries):
        t, c = time.perf_counter(), time.thread_time()
        matcher.match(QUERIES[i % len(QUERIES)], near="Aalten", limit=10)
        near.append((time.perf_counter() - t) * 1000)
        near_cpu.append((time.thread_time() - c) * 1000)
    http: list[float] = []
    if args.http:
        try:
            http = post_match(args.uri, args.index_dir, matcher, args.http)
        except Exception as exc:  # an older code tree (a --baseline) may build its app differently
            print(f"POST /api/v1/match not timed: {type(exc).__name__}: {exc}", file=sys.stderr)
    rss, peak = rss_mb()
    # What a new index generation (after `kaart reindex`) costs this worker's next request.
    incremental = hasattr(matcher, "live")
    t = time.perf_counter()
    if incremental:
        matcher.live.generation = None
    else:
        matcher._generation = None
    matcher.refresh()
    generation_s = time.perf_counter() - t

    # The first request after an edit: with the change sequence, the edit is applied to this worker's
    # candidates and index; without it (the baseline) a rebuild of the index and a reload of the snapshot.
    # With a follower thread (ADR 0100) it applies the edit while requests go on: requests are sent one after
    # the other from the save until one finds the edit, and the slowest of them counts (with the time until
    # found); without one, the first request applies it and finds it.
    repo = ServiceRepository(store)
    after: list[float] = []
    found_after: list[float] = []
    asked: list[int] = []
    try:
        parts_after = _time_parts(matcher) if incremental else {}
    except AttributeError:  # an older code tree (a --baseline) without one of the timed parts
        parts_after = {}
    for n in range(args.edits):
        sid = f"svc-{n * 7 + args.first_service}"
        before = repo.get(sid)
        version = int((repo.meta(sid) or {}).get("version") or 0)
        edited = dataclasses.replace(
            before, description=f"{before.description} bewerking{args.first_service}x{n}"
        )
        save_edit(store, "Service", edited, "bench@example.org", version)
        t = time.perf_counter()
        for v in parts_after.values():
            v.append(0.0)
        if following:
            matcher.live.wake()  # as if the poll interval had passed
        elif incremental:
            matcher.live.next_poll = 0.0  # as if the poll interval had passed
        else:
            from match.index import rebuild_index

            rebuild_index(store, args.index_dir)
        slowest, tries = 0.0, 0
        while True:
            t1 = time.perf_counter()
            res = matcher.match(f"bewerking{args.first_service}x{n}", limit=10)
            slowest, tries = max(slowest, (time.perf_counter() - t1) * 1000), tries + 1
            if sid in [r["service_id"] for r in res.results]:
                break
            assert following and time.perf_counter() - t < 2.0, (sid, "edit not found")
        # the baseline's figure includes the rebuild of a tree without the change sequence, as before
        after.append(slowest if following else (time.perf_counter() - t) * 1000)
        found_after.append((time.perf_counter() - t) * 1000)
        asked.append(tries)
    print(
        json.dumps(
            {
                "load_s": load_s,
                "generation_s": generation_s,
                "rss_mb": rss,
                "rss_peak_mb": peak,
                "rss_matcher_mb": rss - rss0,
                "match_p50": statistics.median(total),
                "match_p95": pct(total, 0.95),
                "match_cpu_p50": statistics.median(cpu),
                "match_cpu_p95": pct(cpu, 0.95),
                "near_p50": statistics.median(near),
                "near_p95": pct(near, 0.95),
                "near_cpu_p95": pct(near_cpu, 0.95),
                **{f"{k}_p95": pct(v, 0.95) for k, v in parts.items()},
                "after_edit_ms": statistics.median(after) if after else None,
                "after_edit_max_ms": max(after) if after else None,
                "incremental": incremental,
                "following": following,
                "after_edit_found_ms": statistics.median(found_after) if found_after else None,
                "after_edit_requests": statistics.median(asked) if asked else None,
                # the first request after an edit, by part (medians): the change log, the graph rows of the
                # changed services, the candidates' update, the full-text index's catch-up
                **{f"after_edit_{k}_ms": statistics.median(v) for k, v in parts_after.items() if v},
                "http_p50": statistics.median(http) if http else None,
                "http_p95": pct(http, 0.95) if http else None,
            }
        )
    )
    store.close()
    return 0


if __name__ == "__main__":
    # The code under test comes from PYTHONPATH (this checkout, or the baseline's copy): nothing added here.
    sys.exit(main())
