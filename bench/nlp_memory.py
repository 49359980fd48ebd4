"""Memory and start-up of the Dutch NLP (issue 14 point 2, ADR 0094), this checkout next to `--baseline REF`, in
one run on the demo kaart:

- `kaart --help`: wall time of the whole command, and whether it imported spaCy;
- one matcher process: resident memory after the imports, after `Matcher(...)` (NLP + candidates) and after
  some questions; the time to build the matcher;
- `kaart serve --workers 2`: Rss, Pss and Uss (private pages) of the master and each worker from
  /proc/<pid>/smaps_rollup after both workers answered questions (Pss counts a shared page once in total).

Usage: python bench/nlp_memory.py [--baseline main] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

QUESTIONS = [
    "ik kom niet rond en de rekeningen stapelen zich op",
    "mijn man slaat me en ik durf niet naar huis",
    "ik voel me alleen sinds mijn vrouw is overleden",
    "zoon van 15 gaat niet meer naar school, wij wonen in Dinxperlo",
    "ik zorg voor mijn moeder van 82 met dementie en ik kan het niet meer aan",
    "geen sprake van huiselijk geweld, wel huurachterstand en schlden",
]


def memory(pid: int | str = "self") -> dict[str, float]:
    """Rss, Pss, Uss (private clean + dirty) and RssAnon of a process, in MB."""
    out: dict[str, float] = {}
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    fields = {line.split(":")[0]: int(line.split()[1]) for line in rollup[1:] if line.split()[-1] == "kB"}
    out["rss"] = fields["Rss"] / 1024
    out["pss"] = fields["Pss"] / 1024
    out["uss"] = (fields["Private_Clean"] + fields["Private_Dirty"]) / 1024
    out["anon"] = fields["Anonymous"] / 1024
    return {k: round(v, 1) for k, v in out.items()}


def child_matcher(data_dir: Path) -> None:
    """One matcher process (run with PYTHONPATH = the code tree): prints one JSON object."""
    t0 = time.perf_counter()
    import graph.store
    import match.engine

    imported = time.perf_counter()
    result: dict[str, object] = {"import_s": round(imported - t0, 2), "after_import": memory()}
    result["spacy_after_import"] = "spacy" in sys.modules
    store = graph.store.connect(f"falkordb://{data_dir}/graph")
    t1 = time.perf_counter()
    matcher = match.engine.Matcher(store, data_dir / "index")
    result["build_s"] = round(time.perf_counter() - t1, 2)
    result["after_build"] = memory()
    for _ in range(5):
        for q in QUESTIONS:
            matcher.match(q)
    result["after_questions"] = memory()
    print(json.dumps(result))


def kaart(code: Path, data_dir: Path, *args: str, **kw: object) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(code), "KAART_DATA_DIR": str(data_dir)}
    cmd = [sys.executable, "-c", "from webapp.cli import cli; cli()", *args]
    return subprocess.run(cmd, cwd=code, env=env, check=True, capture_output=True, text=True, **kw)


def help_run(code: Path, data_dir: Path) -> tuple[float, bool]:
    """Wall time of `kaart --help`, and whether that process imported spaCy."""
    probe = (
        "import atexit, sys; atexit.register(lambda: sys.stderr.write('SPACY=%s' % ('spacy' in sys.modules)));"
        " from webapp.cli import cli; cli()"
    )
    env = {**os.environ, "PYTHONPATH": str(code), "KAART_DATA_DIR": str(data_dir)}
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", probe, "--help"], cwd=code, env=env, capture_output=True, text=True
    )
    return time.perf_counter() - t0, "SPACY=True" in done.stderr


def matcher_run(code: Path, data_dir: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code), "KAART_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child-matcher", str(data_dir)],
        cwd=code,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _children(pid: int) -> list[int]:
    out = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                stat = (proc / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(proc.name))
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ask(port: int, text: str) -> None:
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/match",
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=120) as resp:
        resp.read()


def serve_run(code: Path, data_dir: Path, workers: int = 2) -> dict:
    """`kaart serve --workers N` of this tree; memory of its master and workers after both answered."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(code), "KAART_DATA_DIR": str(data_dir)}
    env["KAART_SESSION_COOKIE_SECURE"] = "0"
    cmd = [sys.executable, "-c", "from webapp.cli import cli; cli()", "serve", "--workers", str(workers)]
    proc = subprocess.Popen(
        [*cmd, "--port", str(port)], cwd=code, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    t0 = time.perf_counter()
    try:
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=5).read()
                break
            except OSError:
                if time.perf_counter() - t0 > 180:
                    raise RuntimeError("kaart serve did not start") from None
                time.sleep(0.5)
        started = time.perf_counter() - t0
        masters = _children(proc.pid)
        master = masters[0]
        t1 = time.perf_counter()
        for _ in range(10):  # until every worker answered (a worker that did holds a matcher)
            threads = [threading.Thread(target=_ask, args=(port, q)) for q in QUESTIONS * 2]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            mem = {pid: memory(pid) for pid in _children(master)}
            if len(mem) == workers and min(m["rss"] for m in mem.values()) > memory(master)["rss"] + 20:
                break
        first_answers = time.perf_counter() - t1
        out = {
            "ready_s": round(started, 1),
            "first_answers_s": round(first_answers, 1),
            "master": memory(master),
            "workers": list(mem.values()),
        }
        out["total_pss"] = round(out["master"]["pss"] + sum(m["pss"] for m in mem.values()), 1)
        return out
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def print_ratios(now: dict, base: dict) -> None:
    """now / baseline for the figures the ADR quotes (same run, so the machine's load falls on both)."""

    def med(r: dict, stage: str, key: str) -> float:
        return statistics.median(m[stage][key] for m in r["matcher"])

    def load_s(r: dict) -> float:
        return statistics.median(m["import_s"] + m["build_s"] for m in r["matcher"])

    rows = [
        ("kaart --help", statistics.median(now["help_s"]), statistics.median(base["help_s"]), "s"),
        ("matcher RSS", med(now, "after_questions", "rss"), med(base, "after_questions", "rss"), "MB"),
        ("matcher imports + build", load_s(now), load_s(base), "s"),
        ("worker RSS", now["serve"]["workers"][0]["rss"], base["serve"]["workers"][0]["rss"], "MB"),
        ("worker PSS", now["serve"]["workers"][0]["pss"], base["serve"]["workers"][0]["pss"], "MB"),
        ("master + 2 workers PSS", now["serve"]["total_pss"], base["serve"]["total_pss"], "MB"),
    ]
    print("\n== now / baseline")
    for label, a, b, unit in rows:
        print(f"{label:26s} {b:7.1f} -> {a:7.1f} {unit:2s} ({a / b:.2f}x)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", help="git revision to compare with (e.g. main)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child-matcher", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_matcher:
        child_matcher(args.child_matcher)
        return 0
    from match_latency import code_of

    with tempfile.TemporaryDirectory(prefix="nlp-memory-") as tmp:
        data_dir = Path(tmp) / "data"
        codes = {"now": ROOT}
        if args.baseline:
            codes["baseline"] = code_of(args.baseline, Path(tmp) / "baseline")
        kaart(ROOT, data_dir, "init")
        kaart(ROOT, data_dir, "demo")
        print(f"load average at start: {os.getloadavg()}")
        results: dict[str, dict] = {name: {"help_s": [], "matcher": []} for name in codes}
        for _ in range(args.rounds):  # interleaved: the machine's noise falls on both trees alike
            for name, code in codes.items():
                seconds, spacy = help_run(code, data_dir)
                results[name]["help_s"].append(round(seconds, 2))
                results[name]["help_imports_spacy"] = spacy
                results[name]["matcher"].append(matcher_run(code, data_dir))
        for name, code in codes.items():
            results[name]["serve"] = serve_run(code, data_dir)
        print(f"load average at end: {os.getloadavg()}")
        for name, r in results.items():
            ms = r["matcher"]
            print(f"\n== {name}")
            print(
                f"kaart --help: median {statistics.median(r['help_s']):.2f} s {r['help_s']}"
                f" (imports spaCy: {r['help_imports_spacy']})"
            )
            for stage in ("after_import", "after_build", "after_questions"):
                rss = statistics.median(m[stage]["rss"] for m in ms)
                anon = statistics.median(m[stage]["anon"] for m in ms)
                print(f"matcher process {stage:16s} RSS {rss:6.1f} MB  anon {anon:6.1f} MB")
            print(f"matcher imports: median {statistics.median(m['import_s'] for m in ms):.2f} s")
            print(
                f"matcher build (NLP + candidates): median {statistics.median(m['build_s'] for m in ms):.2f} s"
            )
            s = r["serve"]
            print(
                f"serve --workers 2: ready {s['ready_s']} s, both workers answered after {s['first_answers_s']} s"
            )
            print(f"  master  {s['master']}")
            for w in s["workers"]:
                print(f"  worker  {w}")
            print(f"  total PSS (master + workers): {s['total_pss']} MB")
        if "baseline" in results:
            print_ratios(results["now"], results["baseline"])
        print("\n" + json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
