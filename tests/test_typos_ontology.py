"""Typo repair takes its word-family endings from the ontology loader (i18n7), not from a second read of
ontology/spelling.yaml by path: a kaart with its own ontology directory gets its own endings, and the loader
validates and caches them with the rest of the ontology."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from ontology import load_ontology

ROOT = Path(__file__).resolve().parents[1]


def _ontology_with_endings(tmp_path: Path, endings: list[str]):
    copy = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", copy)
    rows = yaml.safe_load((copy / "spelling.yaml").read_text(encoding="utf-8"))
    for row in rows:
        if row.get("id") == "typo-family-endings":
            row["endings"] = endings
    (copy / "spelling.yaml").write_text(yaml.safe_dump(rows, allow_unicode=True), encoding="utf-8")
    return load_ontology(copy)


def test_the_shipped_ontology_carries_the_typo_family_endings():
    assert {"er", "s"} <= set(load_ontology().typo_endings)


def test_a_kaart_with_its_own_spelling_file_gets_its_own_endings(tmp_path):
    """Without "er" among its endings, "mantelzorgr" (one edit from "mantelzorg" and "mantelzorger") is no
    longer one family: the thesaurus built on that ontology leaves it alone. Read by path, the shipped file
    would still repair it."""
    from spacy.lang.nl import Dutch

    from match.nlp import Thesaurus

    tokenizer = Dutch().tokenizer
    shipped = Thesaurus(load_ontology(), tokenizer)
    assert shipped.repair("mantelzorgr") == "mantelzorger"
    own = _ontology_with_endings(tmp_path, ["e", "s"])
    assert own.typo_endings == ("e", "s")
    assert Thesaurus(own, tokenizer).repair("mantelzorgr") == "mantelzorgr"
