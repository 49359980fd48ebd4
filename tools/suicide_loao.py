"""Leave-one-author-out numbers for the suicide class of the safety word model (ADR 0124, 0164).

Why: the model may raise 113 only if, across authors, some threshold raises no `geen` sentence of any left-out
author as suicide and still recognises a share worth having. Prints per threshold: suicide raises, right ones,
precision, recall, controls raised as suicide (any author), and per author at the chosen threshold.
Usage: PYTHONPATH=. python tools/suicide_loao.py [--with <candidate author file>] [--without <author>] [--table]
(a candidate file, safety-kandidaat-voorbeelden-<author>.yaml, is not read by the shipped model; authG was one in ADR
0164 and is training data since ADR 0165). --table also prints the all-kinds table at the shipped thresholds.
`--unseen <file> [<file> …]` (ADR 0173): a model trained on every shipped author but these reads a new author's file it never
read, per kind recognised at the shipped thresholds, and its `geen` sentences raised, grouped by the danger kind they
are written as twins of (the kind of the sentences just before them): the honest number for a new voice.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

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


def unseen(paths: list[Path], thresholds: dict[str, float] | None = None) -> dict[str, dict[str, list[int]]]:
    """Per file: per danger kind [recognised, told], per twin kind `geen:<kind>` [raised, told], read by a model
    trained on every shipped author but the authors of these files."""
    new = {sm.author_of(p) for p in paths}
    model = sm.SafetyModel([d for d in sm.authored() if d.author not in new])
    out: dict[str, dict[str, list[int]]] = {}
    for path in paths:
        row: dict[str, list[int]] = {}
        last = "geen"
        for s in yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]:
            gold, prof = str(s["kind"]), bool(s.get("professional"))
            last = gold if gold != "geen" else last
            kind, p = model.reading(str(s["text"]), prof)
            level = sm.raise_of(sm.Point(path.stem, gold, prof, kind, p), thresholds)
            cell = row.setdefault(gold if gold != "geen" else "geen:" + last, [0, 0])
            cell[1] += 1
            cell[0] += bool(level) if gold == "geen" else bool(level and sm.right_level(level, gold))
        out[path.name] = row
    return out


def main() -> None:
    """Print the table (author files named after --without are left out of the data)."""
    if "--unseen" in sys.argv:
        for name, row in unseen([Path(a) for a in sys.argv[sys.argv.index("--unseen") + 1 :]]).items():
            print(name, {k: f"{a}/{n}" for k, (a, n) in row.items()})
        return
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
