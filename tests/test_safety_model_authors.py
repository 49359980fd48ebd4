"""The safety word model learns from every author's file, and never from a sentence it is measured on (ADR 0124).

Issue 12 point 5: the model of ADR 0117 read one team's sentences and recognised 7 of 35 dangers written by a new
author. New authors write their own file (ontology/safety-voorbeelden-<author>.yaml); a file that is not read is a
voice the model never hears, and a training sentence that is also a measured one makes every number a lie.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from match import safety_model as sm

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "eval"
# sets the matcher is measured on, never trained on: the eval questions, safety batches 5 and 6
MEASURED = [EVAL / "hulpvragen.yaml", *sorted(EVAL.glob("safety_batch*.yaml"))]
KINDS = set(sm.KINDS)

# A plan told without a word of death, which the team's own sentences never did: read as no danger by their model.
PLAN = "ik heb mijn pillen gespaard en weet wanneer ik ze neem"
PLAN2 = "de tabletten liggen verzameld in een doosje en de datum staat vast"


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _keys(path: Path) -> set[str]:
    """Every string of a yaml file, as the model's dedup key (folded words): the structure need not be known."""
    return {sm._key(s) for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))}


def test_a_sentence_of_a_second_authors_file_is_learned(tmp_path: Path):
    """A file next to the team's is read: the suicide plan told in its words is learned (without the file it is
    read as no danger at all)."""
    shutil.copy(sm.EXAMPLES, tmp_path)
    alone = sm.SafetyModel(sm.authored(sm.example_files(tmp_path)))
    assert alone.predict(PLAN)[0][0] == "geen"
    (tmp_path / "safety-voorbeelden-nieuw.yaml").write_text(
        yaml.safe_dump(
            {"sentences": [{"kind": "suicide", "text": PLAN}, {"kind": "suicide", "text": PLAN2}]}
        ),
        encoding="utf-8",
    )
    files = sm.example_files(tmp_path)
    assert [sm.author_of(f) for f in files] == ["team", "nieuw"]
    learned = sm.SafetyModel(sm.authored(files))
    assert learned.predict(PLAN)[0][0] == "suicide"
    assert {e.author for e in sm.authored(files)} == {"team", "nieuw", "lay"}


def test_the_shipped_model_reads_every_authors_file():
    """Every ontology/safety-voorbeelden*.yaml is training data, each with a header that names its sources, kinds
    the model knows, and no sentence twice across the files."""
    files = sm.example_files()
    assert files[0] == sm.EXAMPLES
    seen: dict[str, str] = {}
    for path in files:
        raw = path.read_text(encoding="utf-8")
        assert raw.startswith("#"), f"{path.name}: a header comment with the author's sources first"
        for s in yaml.safe_load(raw)["sentences"]:
            assert s["kind"] in KINDS, f"{path.name}: unknown kind {s['kind']!r}"
            key = sm._key(str(s["text"]))
            assert key not in seen, f"{path.name}: {s['text']!r} also in {seen.get(key)}"
            seen[key] = path.name
    authors = {e.author for e in sm.authored()}
    assert authors == {"lay"} | {sm.author_of(f) for f in files}


def test_no_training_sentence_is_a_measured_one():
    """No safety training sentence (any author) is a question of hulpvragen.yaml (either split) or of a safety
    batch; no new author's sentence is one of the team's test sentences (the team file is their copy, ADR 0117);
    the everyday sentences (lay batch 1, also the theme model's) are in no held-out question or safety batch.
    Reported by file and position only: a measured text is not to be read."""
    measured = {p.name: _keys(p) for p in MEASURED}
    heldout = {
        sm._key(str(q["text"]))
        for q in yaml.safe_load((EVAL / "hulpvragen.yaml").read_text(encoding="utf-8"))["questions"]
        if q.get("split") == "heldout"
    }
    team_tests = _keys(EVAL / "safety_sentences.yaml")
    leaks = []
    for i, e in enumerate(sm.authored()):
        key = sm._key(e.text)
        if e.author == "lay":
            places = [n for n in measured if n != "hulpvragen.yaml" and key in measured[n]]
            places += ["heldout"] if key in heldout else []
        else:
            places = [n for n in measured if key in measured[n]]
            places += ["safety_sentences.yaml"] if e.author != "team" and key in team_tests else []
        leaks += [(e.author, i, p) for p in places]
    assert not leaks, f"training sentences (author, position, measured in): {leaks}"


@pytest.mark.parametrize("path", MEASURED, ids=lambda p: p.name)
def test_the_measured_sets_exist(path: Path):
    """The leak check reads real files: a renamed batch must not make it pass vacuously."""
    assert len(_keys(path)) > 40
