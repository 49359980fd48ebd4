"""`kaart eval` with the blank-nl path and with a trained pipeline, in one run, side by side.

Usage: python tools/nlp/compare_eval.py [DATASET QUESTIONS] [--split dev|heldout|all] [--model PATH]

Prints the eval row of each pipeline (and BM25 once), and which questions changed their failures.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

COLS = ["hit@1", "hit@5", "MRR", "safety@3", "negation_errors", "lighter_first", "place"]


def run(dataset: Path, questions: Path, split: str | None, model: str) -> dict:
    from match.evaluate import evaluate

    os.environ["KAART_NLP_MODEL"] = model
    return evaluate(dataset, questions, split=split)


def main(argv: list[str] | None = None) -> int:
    from match.parse import SHIPPED

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset", nargs="?", default=str(ROOT / "tests" / "eval" / "dataset"))
    ap.add_argument("questions", nargs="?", default=str(ROOT / "tests" / "eval" / "questions.yaml"))
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    ap.add_argument("--model", default=str(SHIPPED), help="the trained pipeline (package name or folder)")
    args = ap.parse_args(argv)
    split = None if args.split == "all" else args.split
    rows = {
        "blank": run(Path(args.dataset), Path(args.questions), split, "blank"),
        "trained": run(Path(args.dataset), Path(args.questions), split, args.model),
    }
    first = rows["blank"]
    print(f"{first['matcher']['questions']} vragen ({first['split']})")
    print(f"{'':22s}" + "".join(f"{c:>16s}" for c in COLS) + f"{'p50 ms':>9s}{'p95 ms':>9s}")
    for name, res in rows.items():
        r = res["matcher"]
        lat = res["latency_ms"]
        print(
            f"{'matcher ' + name:22s}"
            + "".join(f"{str(r[c]):>16s}" for c in COLS)
            + f"{lat['p50']:>9}{lat['p95']:>9}"
        )
    r = first["bm25"]
    print(f"{'bm25':22s}" + "".join(f"{str(r[c]):>16s}" for c in COLS))
    before, after = set(rows["blank"]["failures"]), set(rows["trained"]["failures"])
    for f in sorted(before - after):
        print(f"  opgelost met trained: {f}")
    for f in sorted(after - before):
        print(f"  nieuw met trained:    {f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
