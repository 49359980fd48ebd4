"""Search backends side by side: `kaart eval` on the demo kaart with whoosh and with the graph server's full-text
index (KAART_SEARCH_BACKEND=graph, embedded FalkorDB), the scores and their difference (issue 14: within 0.02).

Usage: python bench/search_backends.py [--kaart aalten-demo]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
METRICS = ("hit@1", "hit@5", "MRR", "nDCG@5", "safety@3")


def scores(backend: str, kaart: str) -> tuple[dict, float]:
    env = {**os.environ, "KAART_SEARCH_BACKEND": backend}
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "webapp.cli", "eval", "--kaart", kaart, "--json"],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout), time.perf_counter() - t0


def _splits(result: dict) -> dict[str, dict]:
    """(kaart, split) -> the matcher's figures, from `kaart eval --json`."""
    return {
        f"{k['kaart']} {split}": figures["matcher"]
        for k in result["kaarten"]
        for split, figures in k["splits"].items()
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kaart", default="aalten-demo")
    args = parser.parse_args()
    results = {b: scores(b, args.kaart) for b in ("whoosh", "graph")}
    print(f"search backends, kaart eval on {args.kaart} (embedded FalkorDB):")
    worst = 0.0
    whoosh, graph = _splits(results["whoosh"][0]), _splits(results["graph"][0])
    for name in whoosh:
        for metric in METRICS:
            a, b = whoosh[name].get(metric), graph.get(name, {}).get(metric)
            if a is None or b is None:
                continue
            worst = max(worst, abs(a - b))
            print(f"  {name:22s} {metric:9s} whoosh {a:.3f}  graph {b:.3f}  difference {b - a:+.3f}")
    print(
        f"  largest difference {worst:.3f} (issue 14: within 0.02); eval run "
        f"{results['whoosh'][1]:.0f} s / {results['graph'][1]:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
