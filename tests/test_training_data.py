"""The word models learn from the project's own example files, never from what they are measured on.

Why: the theme model (match/themeclf.py) and the safety word model (match/safety_model.py) are trained at start-up
from ontology/*-voorbeelden*.yaml, written by several authors (ADR 0112, 0117, 0127). If a training sentence were a
copy, or a near copy, of a held-out evaluation question (tests/eval/hulpvragen.yaml) or of a sentence batch measured
as unseen wording (lay batches 2-4, safety batches 5 and later), the eval would measure memory, not understanding.
Near means most words shared (word Jaccard >= 0.6). Dev questions may be near: they are what we tune on. Session 6
found and removed 6 such sentences from lay batch 1 and 10 from the team's safety sentences (ADR 0127).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "eval"
NEAR = 0.6


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def _texts(node: object) -> list[str]:
    """Every string under a `text` key or in a list of strings, anywhere in a YAML tree."""
    out: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "text" and isinstance(value, str):
                out.append(value)
            else:
                out.extend(_texts(value))
    elif isinstance(node, list):
        for item in node:
            out.extend([item] if isinstance(item, str) and len(item.split()) >= 4 else _texts(item))
    return out


def training_files() -> list[Path]:
    onto = ROOT / "ontology"
    return [
        p for kind in ("lay", "offtopic", "safety") for p in sorted(onto.glob(f"{kind}-voorbeelden*.yaml"))
    ]


def measured_texts() -> list[tuple[str, str]]:
    """(file name, text) of every held-out question and every sentence of a batch measured as unseen."""
    questions = yaml.safe_load((EVAL / "hulpvragen.yaml").read_text(encoding="utf-8"))["questions"]
    out = [("hulpvragen.yaml", q["text"]) for q in questions if q["split"] == "heldout"]
    for path in (EVAL / "lay_sentences.yaml", *sorted(EVAL.glob("safety_batch*.yaml"))):
        out.extend((path.name, t) for t in _texts(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return out


def test_every_author_file_is_training_data_of_a_model():
    from match import themeclf

    lay = {p.name for p in themeclf.LAY_FILES}
    assert {p.name for p in training_files() if p.name.startswith("lay-")} == lay
    offtopic = {p.name for p in themeclf.OFFTOPIC_FILES}
    assert {p.name for p in training_files() if p.name.startswith("offtopic-")} == offtopic
    assert "lay-voorbeelden-authL.yaml" in lay  # session 6's lay author (ADR 0127)


def test_a_later_lay_author_teaches_the_theme_model():
    from match import themeclf
    from ontology import load_ontology

    later = yaml.safe_load((ROOT / "ontology" / "lay-voorbeelden-authL.yaml").read_text(encoding="utf-8"))
    docs = {text for text, _, _ in themeclf.training_docs(load_ontology())}
    assert all(s["text"] in docs for s in later["sentences"])


def test_no_training_sentence_is_a_near_copy_of_a_measured_one():
    measured = [(name, _words(t)) for name, t in measured_texts()]
    assert len(measured) > 500
    near = []
    for path in training_files():
        for text in _texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            a = _words(text)
            for name, b in measured:
                if len(a & b) / len(a | b) >= NEAR:
                    near.append((path.name, name))  # never the measured text: it may be held out
    assert not near, f"training sentences near a measured one (training file, measured file): {near}"
