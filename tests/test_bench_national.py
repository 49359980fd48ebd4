"""The measuring harness of issue 14 (`make bench`, `make load`) at a small size: it runs to the end, prints every
figure of the issue's table with its elapsed time per step, and fails when a web worker cannot be measured."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

FIGURES = (
    "POST /api/v1/match p95",
    "match(): index p95",
    "match(): rank p95",
    "first request after an edit (median)",
    "worker RSS",
    "full reindex (whoosh)",
    "graph upsert",
    "neighbourhood read p95",
)


def test_national_bench_at_500_services_prints_every_figure_with_a_baseline(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "bench/national.py", "--services", "500", "--skip-neo4j", "--skip-search-backends",
         "--queries", "10", "--edits", "2", "--baseline", "HEAD", "--data-dir", str(tmp_path / "data"),
         "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=280,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    table = done.stdout.split("national bench: 500 services, load average now")[1]
    for figure in FIGURES:
        line = next(x for x in table.splitlines() if x.strip().startswith(figure))
        assert " ms" in line or " MB" in line or " s" in line or "/s" in line, line
    assert "now/base" in table  # the ratios this checkout / the baseline, measured in the same run
    figures = json.loads(out.read_text())["figures"]
    for tree in ("falkordb", "baseline"):
        assert figures[tree]["http_p95"] > 0 and figures[tree]["after_edit_ms"] > 0
    assert figures["falkordb"]["upsert_per_s"] > 0 and figures["falkordb"]["reindex_s"] > 0
    steps = [s[0] for s in json.loads(out.read_text())["steps"]]
    assert steps[:3] == [
        "seed embedded (graph upsert)",
        "neighbourhood reads, embedded",
        "full reindex (whoosh), embedded",
    ]
    assert "elapsed" in done.stdout.split("steps:")[1]  # the elapsed time and budget per step


def test_load_test_on_a_synthetic_kaart_reports_every_kind_of_request_without_errors() -> None:
    done = subprocess.run(
        [sys.executable, "bench/load.py", "--services", "400", "--users", "4", "--seconds", "6", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=280,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = json.loads(done.stdout[done.stdout.index("{") :])
    assert report["errors"] == 0 and report["services"] == 400
    assert {"match", "detail", "kaart", "hsds", "hsds-list"} <= set(report["latency_ms"])
    assert all(v["p95"] > 0 for v in report["latency_ms"].values())
