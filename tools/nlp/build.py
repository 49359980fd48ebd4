"""Build the small Dutch spaCy pipeline the matcher uses when `nl_core_news_sm` is not installed.

Offline, from the UD Dutch treebank samples in ../shared/ud-dutch/ (CC BY-SA 4.0; see
match/models/ATTRIBUTION.md):

- training: nl_alpino-ud-dev, nl_lassysmall-ud-dev, nl_lassysmall-ud-test (every 10th document set aside as the
  dev set spaCy uses to pick the best checkpoint);
- held out: nl_alpino-ud-test, never seen in training; `--evaluate` scores the pipeline on it.

Steps: copy each .conllu with the compound marks taken out of the lemmas (Alpino writes "basis_niveau"; the
matcher wants "basisniveau"), `spacy convert` to .spacy, split, `spacy train` with tools/nlp/config.cfg, and copy
the best checkpoint to match/models/nl_kaart_ud_sm. The inputs (data, config, BUILD_VERSION) are hashed into the
model's meta.json, so a second run with the same inputs does nothing (`--force` rebuilds).

Usage: python tools/nlp/build.py [--data DIR] [--out DIR] [--force] [--evaluate]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DEFAULT_DATA = Path(os.environ.get("KAART_UD_DUTCH", ROOT.parent.parent / "shared" / "ud-dutch"))
DEFAULT_OUT = ROOT / "match" / "models" / "nl_kaart_ud_sm"
BUILD = ROOT / ".cache" / "nlp-build"
TRAIN_FILES = ("nl_alpino-ud-dev.conllu", "nl_lassysmall-ud-dev.conllu", "nl_lassysmall-ud-test.conllu")
HELDOUT_FILE = "nl_alpino-ud-test.conllu"
SENTS_PER_DOC = 10
BUILD_VERSION = "1"  # raise when a change to this script changes the pipeline it builds


def find_data(explicit: str | None) -> Path:
    """The treebank folder: --data, $KAART_UD_DUTCH, or ../shared/ud-dutch next to the checkout."""
    candidates = [Path(explicit)] if explicit else [DEFAULT_DATA, ROOT.parent / "shared" / "ud-dutch"]
    candidates.append(Path("/work/shared/ud-dutch"))
    for c in candidates:
        if all((c / f).is_file() for f in (*TRAIN_FILES, HELDOUT_FILE)):
            return c
    sys.exit(f"UD Dutch treebank files not found (tried {', '.join(map(str, candidates))}); use --data")


def inputs_hash(data: Path) -> str:
    h = hashlib.sha256()
    for f in (*TRAIN_FILES, HELDOUT_FILE):
        h.update(f.encode())
        h.update((data / f).read_bytes())
    h.update((HERE / "config.cfg").read_bytes())
    h.update(BUILD_VERSION.encode())
    return h.hexdigest()[:16]


def clean_conllu(src: Path, dst: Path) -> None:
    """Copy a .conllu with "_" compound marks removed from lemmas ("basis_niveau" → "basisniveau")."""
    out = []
    for line in src.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and cols[2] not in ("_", "") and "_" in cols[2]:
            cols[2] = cols[2].replace("_", "")
            line = "\t".join(cols)
        out.append(line)
    dst.write_text("\n".join(out) + "\n", encoding="utf-8")


def spacy_cli(*args: str) -> None:
    cmd = [sys.executable, "-m", "spacy", *args]
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def convert(data: Path) -> tuple[Path, Path, Path]:
    """`spacy convert` every file; train/dev split by document; returns (train, dev, heldout) .spacy paths."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    conllu, converted = BUILD / "conllu", BUILD / "converted"
    for d in (conllu, converted):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    for f in (*TRAIN_FILES, HELDOUT_FILE):
        clean_conllu(data / f, conllu / f)
        spacy_cli("convert", str(conllu / f), str(converted), "--converter", "conllu",
                  "--n-sents", str(SENTS_PER_DOC), "--lang", "nl")  # fmt: skip
    vocab = Vocab()
    train, dev = DocBin(), DocBin()
    n = 0
    for f in TRAIN_FILES:
        for doc in DocBin().from_disk(converted / f.replace(".conllu", ".spacy")).get_docs(vocab):
            (dev if n % 10 == 9 else train).add(doc)
            n += 1
    paths = BUILD / "train.spacy", BUILD / "dev.spacy", BUILD / "heldout.spacy"
    train.to_disk(paths[0])
    dev.to_disk(paths[1])
    shutil.copy(converted / HELDOUT_FILE.replace(".conllu", ".spacy"), paths[2])
    print(f"train docs {len(train)}, dev docs {len(dev)} ({SENTS_PER_DOC} sentences each)")
    return paths


def evaluate(model: Path, heldout: Path) -> dict[str, float]:
    """Accuracy on the held-out file (never trained on): POS, morph, tag, lemma, UAS/LAS."""
    out = BUILD / "heldout-scores.json"
    spacy_cli("evaluate", str(model), str(heldout), "--output", str(out))
    scores = json.loads(out.read_text())
    keys = ("pos_acc", "morph_acc", "tag_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f", "speed")
    return {k: round(float(scores[k]), 4) for k in keys if k in scores}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="folder with the UD Dutch .conllu files")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="where the pipeline goes")
    ap.add_argument("--force", action="store_true", help="rebuild even when the inputs did not change")
    ap.add_argument(
        "--evaluate", action="store_true", help="only score the built pipeline on the held-out file"
    )
    args = ap.parse_args(argv)
    data, out = find_data(args.data), Path(args.out)
    digest = inputs_hash(data)
    meta_path = out / "meta.json"
    if args.evaluate:
        heldout = BUILD / "heldout.spacy"
        if not heldout.exists():
            convert(data)
        print(json.dumps(evaluate(out, heldout), indent=2))
        return 0
    if meta_path.exists() and not args.force:
        meta = json.loads(meta_path.read_text())
        if meta.get("kaart", {}).get("inputs") == digest:
            print(f"{out} is up to date (inputs {digest}); --force rebuilds")
            return 0
    train, dev, heldout = convert(data)
    trained = BUILD / "trained"
    shutil.rmtree(trained, ignore_errors=True)
    spacy_cli("train", str(HERE / "config.cfg"), "--output", str(trained),
              "--paths.train", str(train), "--paths.dev", str(dev), "--nlp.batch_size", "256")  # fmt: skip
    best = trained / "model-best"
    scores = evaluate(best, heldout)
    meta = json.loads((best / "meta.json").read_text())
    meta.update(
        name="kaart_ud_sm",
        version="0.1.0",
        description="Small Dutch pipeline (tagger, morphologizer, edit-tree lemmatizer, parser) for the "
        "sociale kaart matcher, trained offline on UD Dutch Alpino and LassySmall samples.",
        author="sociale kaart contributors",
        spacy_version=">=3.8.0,<3.9.0",  # as pyproject.toml: no version warning on any 3.8 release
        license="CC BY-SA 4.0",
        sources=[
            {
                "name": "UD_Dutch-Alpino",
                "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
                "license": "CC BY-SA 4.0",
                "author": "Gosse Bouma, Gertjan van Noord",
            },
            {
                "name": "UD_Dutch-LassySmall",
                "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
                "license": "CC BY-SA 4.0",
                "author": "Gosse Bouma, Gertjan van Noord",
            },
        ],  # fmt: skip
        kaart={
            "inputs": digest,
            "train": list(TRAIN_FILES),
            "heldout": HELDOUT_FILE,
            "heldout_scores": scores,
        },
    )
    (best / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(best, out)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"pipeline in {out} ({size / 1e6:.1f} MB); held-out ({HELDOUT_FILE}): {json.dumps(scores)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
