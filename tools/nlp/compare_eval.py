"""`kaart eval` with the blank-nl path and with a trained pipeline, in one run, side by side.

Usage: python tools/nlp/compare_eval.py [--split dev|heldout|all] [--model PATH]

Runs the standard suite (the graded hulpvragen on both kaarten, tests/eval) once per pipeline and prints, per
kaart and split, the matcher's row for each pipeline and BM25 once. Held-out failures stay hidden, as in
`kaart eval`: only their numbers are printed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

COLS = ["useful@3", "wrong_in_top3", "safety@3", "over_escalation", "empty", "MRR", "negation_errors"]


def run(split: str | None, model: str) -> dict:
    from webapp.cli_eval import run_default_eval

    os.environ["KAART_NLP_MODEL"] = model
    return run_default_eval(split)


def main(argv: list[str] | None = None) -> int:
    from match.parse import SHIPPED

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    ap.add_argument("--model", default=str(SHIPPED), help="the trained pipeline (package name or folder)")
    args = ap.parse_args(argv)
    split = None if args.split == "all" else args.split
    rows = {"blank": run(split, "blank"), "trained": run(split, args.model)}
    print(f"{'':34s}" + "".join(f"{c:>16s}" for c in COLS) + f"{'p50 ms':>9s}{'p95 ms':>9s}")
    trained = {k["kaart"]: k for k in rows["trained"]["kaarten"]}
    for kaart in rows["blank"]["kaarten"]:
        for name, res in (("blank", kaart), ("trained", trained[kaart["kaart"]])):
            for sp, per in res["splits"].items():
                r, lat = per["matcher"], res["latency_ms"]
                label = f"{kaart['kaart']} {sp} ({r['questions']}) {name}"
                print(
                    f"{label:34s}"
                    + "".join(f"{str(r.get(c)):>16s}" for c in COLS)
                    + f"{lat.get('p50')!s:>9}{lat.get('p95')!s:>9}"
                )
        for sp, per in kaart["splits"].items():
            r = per["bm25"]
            print(
                f"{kaart['kaart'] + ' ' + sp + ' bm25':34s}" + "".join(f"{str(r.get(c)):>16s}" for c in COLS)
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
