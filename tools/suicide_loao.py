"""Leave-one-author-out numbers for the suicide class of the safety word model (ADR 0124, 0164).

Why: the model may raise 113 only if, across authors, some threshold raises no `geen` sentence of any left-out
author as suicide and still recognises a share worth having. Prints per threshold: suicide raises, right ones,
precision, recall, controls raised as suicide (any author), and per author at the chosen threshold.
Usage: PYTHONPATH=. python tools/suicide_loao.py [--with <candidate author file>] [--without <author>] [--table]
(a candidate file, safety-kandidaat-voorbeelden-<author>.yaml, is not read by the shipped model; authG was one in ADR
0164 and is training data since ADR 0165). --table also prints the all-kinds table at the shipped thresholds.
"""

from __future__ import annotations

import sys
from pathlib import Path

from match import safety_model as sm


def table(points: list[sm.Point]) -> list[tuple[float, int, int, int, int]]:
    """(threshold, raised, right, suicide told, controls raised) for thresholds 0.50 … 0.99."""
    told = sum(1 for p in points if p.gold == "suicide")
    out = []
    for t100 in range(50, 100):
        t = t100 / 100
        raised = [p for p in points if p.kind == "suicide" and p.probability >= t]
        right = sum(1 for p in raised if p.gold == "suicide")
        controls = sum(1 for p in raised if p.gold == "geen")
        out.append((t, len(raised), right, told, controls))
    return out


def main() -> None:
    """Print the table (author files named after --without are left out of the data)."""
    skip = sys.argv[sys.argv.index("--without") + 1] if "--without" in sys.argv else None
    extra = [Path(sys.argv[sys.argv.index("--with") + 1])] if "--with" in sys.argv else []
    docs = [d for d in sm.authored([*sm.example_files(), *extra]) if d.author != skip]
    points = sm.leave_one_author_out(docs)
    print("authors:", sorted({p.author for p in points}), "sentences:", len(points))
    for t, n, right, told, controls in table(points):
        prec = right / n if n else 1.0
        print(
            f"t={t:.2f} raised={n:4d} right={right:4d} prec={prec:.3f} recall={right / told:.3f} controls={controls}"
        )
    for author in sorted({p.author for p in points}):
        mine = [p for p in points if p.author == author]
        told = sum(1 for p in mine if p.gold == "suicide")
        best = max((p.probability for p in mine if p.kind == "suicide" and p.gold == "geen"), default=0.0)
        wrong = max(
            (p.probability for p in mine if p.kind == "suicide" and p.gold not in ("suicide", "geen")),
            default=0.0,
        )
        print(
            f"{author}: suicide told {told}, highest control read as suicide {best:.3f}, other kind {wrong:.3f}"
        )
    if "--table" in sys.argv:
        print(sm.format_table(sm.loao_table(points)))


if __name__ == "__main__":
    main()
