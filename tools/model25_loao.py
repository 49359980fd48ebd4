"""Leave-one-author-out per candidate training set and per way of reading a long text (model25, ADR 0190).

Why: a candidate training file may raise recall on voices the model never read and at the same time put a raise on
everyday twins; and a danger told as one sentence of a long story may be drowned by the story's everyday words. This
measures both, on the same sentences for every candidate: every author of the shipped files and of the candidate
files is left out in turn (a candidate author not in training is simply unseen), and each left-out sentence is read
(a) alone, whole, and per sentence ("own": as the matcher reads it, `match.model25_story`), (b) inside a story of
everyday sentences (`STORY`, the same for every author), read whole, and (c) that
story read per sentence with the highest danger reading kept (`match.model25_story`).
Prints per candidate and reading: per danger kind recognised/told at the shipped thresholds, and the `geen`
sentences raised, per the danger kind they are twins of (the kind just before them in their file).
Usage: PYTHONPATH=. python tools/model25_loao.py [--only base,S] [--thresholds suicide=0.95,...] [--kinds suicide,acuut]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from match import safety_model as sm
from match.model25_story import PER_SENTENCE, story_reading

ONTOLOGY = sm.ONTOLOGY
CANDIDATES = {
    "S": [ONTOLOGY / "safety-kandidaat-voorbeelden-authS.yaml"],
    "IJ": [
        ONTOLOGY / "safety-kandidaat-voorbeelden-authI.yaml",
        ONTOLOGY / "safety-kandidaat-voorbeelden-authJ.yaml",
    ],
}
W = ONTOLOGY / "safety-kandidaat-voorbeelden-authW.yaml"
# everyday sentences around the held-out one: where one lives, school, work, family (no danger, no twin's words)
STORY = (
    "Wij wonen sinds een paar jaar in een rijtjeshuis in Aalten.",
    "Mijn moeder werkt drie dagen in de week in de winkel en mijn vader doet de tuin.",
    "De kinderen gaan op de fiets naar school en op woensdag naar zwemles.",
)


def twin_kinds(docs: list[sm.Example]) -> list[str]:
    """Per sentence its gold kind, a `geen` as `geen:<kind of the danger sentence before it in its file>`."""
    out, last, author = [], "geen", None
    for d in docs:
        if d.author != author:
            author, last = d.author, "geen"
        last = d.kind if d.kind != "geen" else last
        out.append(d.kind if d.kind != "geen" else "geen:" + last)
    return out


def measure(
    train_authors_files: list[Path],
    every: list[sm.Example],
    thresholds: dict[str, float],
    kinds: tuple[str, ...] = PER_SENTENCE,
) -> dict[str, dict[str, list[int]]]:
    """Per reading ("alone", "story", "per-sentence"): per gold kind (twins by kind) [raised right, told]."""
    train = sm.authored(train_authors_files)
    keys = twin_kinds(every)
    out: dict[str, dict[str, list[int]]] = {
        r: defaultdict(lambda: [0, 0]) for r in ("alone", "own", "story", "max")
    }
    for author in sorted({d.author for d in every}):
        model = sm.SafetyModel([d for d in train if d.author != author])
        for d, key in zip(every, keys, strict=True):
            if d.author != author:
                continue
            story = " ".join((*STORY[:2], d.text.rstrip(".") + ".", STORY[2]))
            for name, (kind, p) in (
                ("alone", model.reading(d.text, d.professional)),
                (
                    "own",
                    story_reading(
                        model, d.text, d.professional, thresholds, sm.group_of, sm.MIN_WORDS, kinds
                    ),
                ),
                ("story", model.reading(story, d.professional)),
                (
                    "max",
                    story_reading(model, story, d.professional, thresholds, sm.group_of, sm.MIN_WORDS, kinds),
                ),
            ):
                level = sm.raise_of(sm.Point(author, d.kind, d.professional, kind, p), thresholds)
                cell = out[name][key]
                cell[1] += 1
                cell[0] += bool(level) if d.kind == "geen" else bool(level and sm.right_level(level, d.kind))
    return out


def main() -> None:
    """Print the table per candidate set."""
    thresholds = dict(sm.THRESHOLDS)
    if "--thresholds" in sys.argv:
        for part in sys.argv[sys.argv.index("--thresholds") + 1].split(","):
            k, v = part.split("=")
            thresholds[k] = float(v)
    shipped = sm.example_files()
    sets = {"base": []} | {k: v for k, v in CANDIDATES.items()}
    if W.exists():
        sets["W"] = [W]
    sets["S+IJ"] = CANDIDATES["S"] + CANDIDATES["IJ"]
    if W.exists():
        sets["S+IJ+W"] = sets["S+IJ"] + [W]
        sets["IJ+W"] = CANDIDATES["IJ"] + [W]
    if "--only" in sys.argv:
        sets = {k: sets[k] for k in sys.argv[sys.argv.index("--only") + 1].split(",")}
    kinds = (
        tuple(sys.argv[sys.argv.index("--kinds") + 1].split(",")) if "--kinds" in sys.argv else PER_SENTENCE
    )
    every_files = [*shipped, *CANDIDATES["S"], *CANDIDATES["IJ"], *([W] if W.exists() else [])]
    every = sm.authored(every_files)
    print("sentences measured:", len(every), "thresholds:", thresholds)
    for name, extra in sets.items():
        res = measure([*shipped, *extra], every, thresholds, kinds)
        for reading, row in res.items():
            cells = " ".join(f"{k}={a}/{n}" for k, (a, n) in sorted(row.items()))
            print(f"{name:8s} {reading:6s} {cells}", flush=True)


if __name__ == "__main__":
    main()
