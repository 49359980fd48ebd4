"""Start-up and memory with the word models as an artefact (ADR 0146), this checkout next to `--baseline REF`, in
one run on the demo kaart, rounds interleaved so the machine's load falls on every variant alike:

- baseline: the revision's code (it trains the three word models in every process);
- cold: this checkout with an empty model folder (it trains them and writes the artefacts);
- warm: this checkout with the artefacts written by `kaart models` before the rounds.

Per variant and round two processes:
- app: `create_app` + the first `answer_hulpvraag` (what `kaart match` and a web worker's first request do): the
  seconds from the first import to the answer, and VmRSS after it;
- matcher: tests/test_nlp_memory.py's harness (`Matcher` + four questions): VmRSS and seconds.

Usage: python bench/model_artefact.py [--baseline main] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

APP_PROCESS = """
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from webapp import create_app
from webapp.answer import answer_hulpvraag

def rss():
    return int(Path("/proc/self/status").read_text().split("VmRSS:")[1].split()[0]) / 1024

app = create_app({"DATA_DIR": sys.argv[1], "TESTING": True})
created = time.perf_counter() - t0
with app.app_context():
    answer_hulpvraag("ik kom niet rond en de rekeningen stapelen zich op")
print(json.dumps({"seconds": time.perf_counter() - t0, "create_app": created, "rss": rss(), "cpu": time.process_time()}))
"""


def matcher_process() -> str:
    """tests/test_nlp_memory.py's MATCHER_PROCESS, as the test runs it."""
    import test_nlp_memory

    return test_nlp_memory.MATCHER_PROCESS


def run(code: Path, script: str, args: list[str], model_dir: Path | None, data_dir: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code), "KAART_DATA_DIR": str(data_dir)}
    env.pop("KAART_MODEL_DIR", None)
    if model_dir is not None:
        env["KAART_MODEL_DIR"] = str(model_dir)
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=code,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def kaart(code: Path, data_dir: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(code), "KAART_DATA_DIR": str(data_dir)}
    cmd = [sys.executable, "-c", "from webapp.cli import cli; cli()", *args]
    return subprocess.run(cmd, cwd=code, env=env, check=True, capture_output=True, text=True).stdout


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", help="git revision to compare with (e.g. main)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from match_latency import code_of

    with tempfile.TemporaryDirectory(prefix="model-artefact-") as tmp:
        data_dir = Path(tmp) / "data"
        kaart(ROOT, data_dir, "init")
        kaart(ROOT, data_dir, "demo")
        warm_dir = Path(tmp) / "warm"
        print(kaart(ROOT, data_dir, "models").strip().replace(str(data_dir), "<data>"))
        subprocess.run(["cp", "-r", str(data_dir / "models"), str(warm_dir)], check=True)
        variants: dict[str, tuple[Path, Path | None]] = {}
        if args.baseline:
            variants["baseline"] = (code_of(args.baseline, Path(tmp) / "baseline"), None)
        variants["cold"] = (ROOT, None)  # an empty folder per round, below
        variants["warm"] = (ROOT, warm_dir)
        uri = f"falkordb://{data_dir}/graph"
        print(f"load average at start: {os.getloadavg()}")
        results: dict[str, dict[str, list[dict]]] = {v: {"app": [], "matcher": []} for v in variants}
        for r in range(args.rounds):
            for name, (code, models) in variants.items():
                if name == "cold":
                    models = Path(tmp) / f"cold-{r}"  # nothing in it: trains and writes
                elif name == "baseline":
                    models = Path(tmp) / "unused"
                for what, script, argv in (
                    ("app", APP_PROCESS, [str(data_dir)]),
                    ("matcher", matcher_process(), [uri, str(data_dir / "index")]),
                ):
                    if name == "cold":
                        subprocess.run(["rm", "-rf", str(models)], check=True)
                    results[name][what].append(run(code, script, argv, models, data_dir))
        print(f"load average at end: {os.getloadavg()}")

        def med(name: str, what: str, key: str) -> float:
            return statistics.median(m[key] for m in results[name][what])

        head = ("app s", "app CPU s", "app RSS", "matcher s", "matcher CPU s", "matcher RSS")
        print(f"\n{'variant':9s} " + " ".join(f"{h:>13s}" for h in head))
        for name in variants:
            cells = [med(name, w, k) for w in ("app", "matcher") for k in ("seconds", "cpu", "rss")]
            print(f"{name:9s} " + " ".join(f"{c:13.2f}" for c in cells))
        if "baseline" in variants:
            print("\nratios against the baseline (median of the rounds)")
            for name in ("cold", "warm"):
                cells = [
                    f"{label} {med(name, what, key) / med('baseline', what, key):.2f}x"
                    for label, what, key in (
                        ("start-up (create_app + first match)", "app", "seconds"),
                        ("its CPU time", "app", "cpu"),
                        ("RSS after the first match", "app", "rss"),
                        ("matcher harness seconds", "matcher", "seconds"),
                        ("its CPU time", "matcher", "cpu"),
                        ("matcher harness RSS", "matcher", "rss"),
                    )
                ]
                print(f"{name}: " + "; ".join(cells))
        print("\n" + json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
