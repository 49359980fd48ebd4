"""Load test: gunicorn (2 workers) on loopback with the Aalten demo or (--services N, `make load SERVICES=N`) the
synthetic national kaart of bench/common.py, N concurrent users, bounded in time.

Users mix the public home page, the public search (`POST /zoeken` with its CSRF token, as a browser sends it),
`POST /api/v1/match`, service detail pages, the filtered kaart and the HSDS API (a service, and a page of a
theme's services). Every worker is warmed up first (at 100 000 services its first match loads the candidates:
minutes on a busy machine), then the users run. Prints throughput, latency percentiles per kind of request, the
error rate and the memory of the workers and of the graph server over time (for the soak: no growth). Traffic
goes to 127.0.0.1 only; every loop stops by itself at the deadline.

Usage: python bench/load.py [--users 50] [--seconds 30] [--workers 2] [--services 100000] [--json]
Exit code 1 when any request failed or memory grew more than --max-growth-mb.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

from common import load_average, percentile

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "ik kom niet rond en de rekeningen stapelen zich op",
    "mijn man slaat me",
    "ik voel me alleen sinds mijn vrouw is overleden",
    "zoon van 15 gaat niet meer naar school",
    "ik zorg voor mijn moeder met dementie",
    "we gaan scheiden, hoe vertellen we het de kinderen",
    "hulp bij formulieren in Dinxperlo",
    "geen sprake van huiselijk geweld, wel huurachterstand",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def children(pid: int) -> list[int]:
    out = subprocess.run(
        ["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    return [int(p) for p in out]


def graph_server_pids(data_dir: str) -> list[int]:
    """The embedded FalkorDB server of this data dir, from its pid file."""
    try:
        return [int((Path(data_dir) / "graph" / "falkordb.pid").read_text().strip())]
    except (OSError, ValueError):
        return []


def prepare(data_dir: Path, env: dict[str, str], services: int = 0) -> list[str]:
    """The Aalten demo, or (services > 0) the synthetic kaart of that size from bench/common.py, indexed."""
    kaart = [sys.executable, "-m", "webapp.cli"]
    t0 = time.perf_counter()
    subprocess.run([*kaart, "init"], env=env, check=True, capture_output=True, cwd=ROOT)
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    from graph.repositories import ServiceRepository
    from graph.store import connect

    if not services:
        subprocess.run([*kaart, "demo"], env=env, check=True, capture_output=True, cwd=ROOT)
    store = connect(env["KAART_GRAPH_URI"])
    try:
        if services:
            from common import seed_kaart

            seeded = seed_kaart(store, services)
            print(f"  seeded {services} services in {seeded['total_s']:.0f} s", flush=True)
        ids = ServiceRepository(store).ids()
    finally:
        store.close()
    if services:
        t1 = time.perf_counter()
        subprocess.run([*kaart, "reindex"], env=env, check=True, capture_output=True, cwd=ROOT)
        print(f"  kaart reindex {time.perf_counter() - t1:.0f} s", flush=True)
    print(f"  kaart ready in {time.perf_counter() - t0:.0f} s", flush=True)
    return ids


def deployed_config() -> list[str]:
    """Gunicorn as `kaart serve --workers N` and the Dockerfile run it (webapp/gunicorn_conf.py: the master builds
    the NLP once and the workers share it), when this checkout has that file."""
    return ["-c", "python:webapp.gunicorn_conf"] if (ROOT / "webapp" / "gunicorn_conf.py").exists() else []


def prepared(data_dir: Path, env: dict[str, str], services: int) -> list[str] | None:
    """The ids of the kaart seeded (and indexed) by an earlier run in this --data-dir, if it has this size."""
    try:
        if json.loads((data_dir / "load-seeded.json").read_text())["services"] != services or not services:
            return None
    except (OSError, ValueError, KeyError):
        return None
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    from graph.repositories import ServiceRepository
    from graph.store import connect

    store = connect(env["KAART_GRAPH_URI"])
    try:
        ids = ServiceRepository(store).ids()
    finally:
        store.close()
    print(f"  --reuse: the kaart of {len(ids)} services seeded before in {data_dir}", flush=True)
    return ids if len(ids) >= services else None


def warm_up(port: int, workers: int, threads: int, timeout: float) -> float:
    """Rounds of concurrent matches (as many as the workers have threads) until a whole round answers fast: then
    every worker has its matcher (a round cannot all land on one worker while the other is still loading)."""
    t0 = time.perf_counter()
    deadline = time.monotonic() + timeout

    def one(times: list[float]) -> None:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        t = time.perf_counter()
        c.request(
            "POST",
            "/api/v1/match",
            body=json.dumps({"text": "schulden"}),
            headers={"Content-Type": "application/json"},
        )
        resp = c.getresponse()
        resp.read()
        if resp.status == 200:
            times.append(time.perf_counter() - t)
        c.close()

    while time.monotonic() < deadline:
        times: list[float] = []
        round_ = [threading.Thread(target=one, args=(times,)) for _ in range(workers * threads)]
        for t in round_:
            t.start()
        for t in round_:
            t.join()
        if len(times) == len(round_) and max(times) < 2.0:
            return time.perf_counter() - t0
    raise SystemExit(f"workers not warm after {timeout:.0f} s")


def user(
    port: int,
    deadline: float,
    ids: list[str],
    themes: list[str],
    stats: dict,
    lock: threading.Lock,
    seed: int,
    only_match: bool = False,
    timeout: float = 30,
) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    cookie, token = "", ""
    while time.monotonic() < deadline:
        roll = 0.0 if only_match else rng.random()
        if roll < 0.30:
            kind, method, path = "match", "POST", "/api/v1/match"
            body = json.dumps({"text": rng.choice(QUERIES), "limit": 10})
            headers = {"Content-Type": "application/json"}
        elif roll < 0.45 and token:
            kind, method, path = "zoeken", "POST", "/zoeken"
            body = urlencode({"csrf_token": token, "vraag": rng.choice(QUERIES), "plaats": ""})
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
        elif roll < 0.55:
            kind, method, path, body, headers = "home", "GET", "/", None, {"Cookie": cookie} if cookie else {}
        elif roll < 0.75:
            kind, method, path, body, headers = "detail", "GET", f"/dienst/{rng.choice(ids)}", None, {}
        elif roll < 0.85:
            kind, method, path, body, headers = "kaart", "GET", f"/kaart?thema={rng.choice(themes)}", None, {}
        elif roll < 0.95:
            kind, method, body, headers = "hsds", "GET", None, {}
            path = f"/api/hsds/services/{rng.choice(ids)}"
        else:
            kind, method, body, headers = "hsds-list", "GET", None, {}
            path = f"/api/hsds/services?taxonomy_term_id=thema-{rng.choice(themes)}&page={rng.randint(1, 5)}"
        t0 = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            page = resp.read()
            ok, why = resp.status < 400, str(resp.status)
            if kind == "home" and ok and not token:
                # Like a browser: keep the session cookie and the form's CSRF token for the search.
                cookie = (resp.getheader("Set-Cookie") or "").split(";", 1)[0]
                found = re.search(rb'name="csrf_token" value="([^"]+)"', page)
                token = found.group(1).decode() if found else ""
        except (OSError, http.client.HTTPException) as exc:
            ok, why = False, type(exc).__name__
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        ms = (time.perf_counter() - t0) * 1000
        with lock:
            stats[kind].append(ms)
            if not ok:
                stats["errors"].append(f"{kind}:{why}")
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    parser.add_argument("--max-growth-mb", type=float, default=50)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--services", type=int, default=0, help="synthetic kaart of this size instead of the demo"
    )
    parser.add_argument("--only", choices=["match"], help="only POST /api/v1/match (the brief's latency bar)")
    parser.add_argument("--data-dir", type=Path, help="where the kaart goes (default: a temp dir, removed)")
    parser.add_argument(
        "--reuse", action="store_true", help="keep a kaart of this size seeded before in --data-dir"
    )
    parser.add_argument(
        "--request-timeout",
        type=float,
        default=30,
        help="seconds a user waits for an answer (then: an error)",
    )
    parser.add_argument(
        "--warm-up-timeout", type=float, default=1800, help="seconds for every worker's first match"
    )
    args = parser.parse_args()
    print(
        f"load: {args.services or 'demo'} services, {args.users} users, {args.seconds:.0f} s, "
        f"load average {load_average()}",
        flush=True,
    )
    with contextlib.ExitStack() as stack:
        if args.data_dir:
            args.data_dir.mkdir(parents=True, exist_ok=True)
            tmp = str(args.data_dir.resolve())
        else:
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="kaart-load-"))
        env = {
            **os.environ,
            "KAART_DATA_DIR": tmp,
            "KAART_GRAPH_URI": f"falkordb://{tmp}/graph",
            "KAART_TILE_URL": "",
            "KAART_SESSION_COOKIE_SECURE": "0",
            "KAART_LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
        ids = prepared(Path(tmp), env, args.services) if args.reuse else None
        ids = ids or prepare(Path(tmp), env, args.services)
        if args.services:
            (Path(tmp) / "load-seeded.json").write_text(json.dumps({"services": args.services}))
        port = free_port()
        # The server's log (warnings and errors: a 500 names its exception) is printed when a request failed.
        server_log = tempfile.TemporaryFile("w+")  # noqa: SIM115 - closed after the server stopped
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", *deployed_config(), "--workers", str(args.workers), "--threads", str(args.threads),
             "--timeout", "900", "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "webapp.wsgi:app"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=server_log,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                    c.request("GET", "/api/v1/health")
                    if c.getresponse().status == 200:
                        break
                except OSError:
                    time.sleep(0.2)
            else:
                raise SystemExit("gunicorn startte niet")
            # Warm up every worker (index, matcher) before measuring.
            warm_s = warm_up(port, args.workers, args.threads, args.warm_up_timeout)
            print(f"  workers warm in {warm_s:.0f} s (load average {load_average()})", flush=True)
            workers = children(server.pid)
            graph_server = graph_server_pids(tmp)
            themes = ["schulden", "eenzaamheid", "opvoeding", "mantelzorg", "huiselijk-geweld"]
            stats: dict[str, list] = defaultdict(list)
            lock = threading.Lock()
            memory = [(0.0, rss_mb(workers), rss_mb(graph_server))]
            start = time.monotonic()
            stop_at = start + args.seconds
            threads = [
                threading.Thread(
                    target=user,
                    args=(
                        port,
                        stop_at,
                        ids,
                        themes,
                        stats,
                        lock,
                        n,
                        args.only == "match",
                        args.request_timeout,
                    ),
                    daemon=True,
                )
                for n in range(args.users)
            ]
            for t in threads:
                t.start()
            while any(t.is_alive() for t in threads):
                time.sleep(min(5.0, max(0.1, stop_at - time.monotonic())))
                memory.append((time.monotonic() - start, rss_mb(workers), rss_mb(graph_server)))
            for t in threads:
                t.join(60)
            elapsed = time.monotonic() - start
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
            server_log.seek(0)
            server_errors = [line.rstrip() for line in server_log if " ERROR " in line or "Traceback" in line]
            server_log.close()
    kinds = [k for k in ("home", "zoeken", "match", "detail", "kaart", "hsds", "hsds-list") if stats.get(k)]
    total = sum(len(stats[k]) for k in kinds)
    errors = len(stats.get("errors", []))
    # Growth: compare the second half's peak with the first sample after warm-up.
    settled = [m for m in memory if m[0] >= min(10.0, args.seconds / 3)] or [memory[-1]]
    growth = max(m[1] for m in settled) - settled[0][1]
    graph_growth = max(m[2] for m in settled) - settled[0][2]
    report = {
        "services": args.services or "demo",
        "load_average": load_average(),
        "users": args.users,
        "seconds": round(elapsed, 1),
        "requests": total,
        "throughput_rps": round(total / elapsed, 1),
        "error_rate": round(errors / total, 4) if total else None,
        "errors": errors,
        "error_kinds": sorted(set(stats.get("errors", []))),
        "latency_ms": {
            k: {
                "p50": round(statistics.median(stats[k]), 1),
                "p95": round(percentile(stats[k], 0.95), 1),
                "n": len(stats[k]),
            }
            for k in kinds
        },
        "worker_rss_mb": {
            "start": round(memory[0][1], 1),
            "end": round(memory[-1][1], 1),
            "growth_after_warmup": round(growth, 1),
        },
        "graph_server_rss_mb": {
            "start": round(memory[0][2], 1),
            "end": round(memory[-1][2], 1),
            "growth_after_warmup": round(graph_growth, 1),
        },
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(
            f"load: {args.users} users, {report['seconds']} s, {total} requests, {report['throughput_rps']} req/s, errors {errors}"
        )
        if errors:
            print(f"  errors by kind: {', '.join(report['error_kinds'])}")
            for line in server_errors[-10:]:
                print(f"  server: {line}")
        for k, v in report["latency_ms"].items():
            print(f"  {k:9s} p50 {v['p50']:7.1f} ms  p95 {v['p95']:7.1f} ms  n={v['n']}")
        for label, key in (("worker RSS", "worker_rss_mb"), ("graph server RSS", "graph_server_rss_mb")):
            m = report[key]
            print(
                f"  {label} {m['start']} MB -> {m['end']} MB (growth after warm-up {m['growth_after_warmup']} MB)"
            )
    return 1 if errors or growth > args.max_growth_mb or graph_growth > args.max_growth_mb else 0


if __name__ == "__main__":
    raise SystemExit(main())
