"""The full CI of session 15 failed once in tests/eval/test_scoring.py with FileNotFoundError under /tmp/MAIN.tmp:
whoosh's RAM writer spills into <tmp>/MAIN.tmp, one folder for the whole machine, so a `kaart eval` running next to a
test worker removed the other's files. The BM25 baseline now spills into a folder of its own process and index."""

from __future__ import annotations

import tempfile

from match.evaluate import BM25Baseline


def test_a_foreign_main_tmp_in_the_temp_folder_does_not_break_the_baseline(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / "MAIN.tmp").write_text("another process's spill", encoding="utf-8")
    services = [
        (f"svc-{i}", f"Dienst {i}", "Hulp bij schulden en geldzaken voor inwoners") for i in range(50)
    ]
    baseline = BM25Baseline(services)
    assert baseline.search("schulden", limit=3)
    assert (tmp_path / "MAIN.tmp").read_text(encoding="utf-8") == "another process's spill"
