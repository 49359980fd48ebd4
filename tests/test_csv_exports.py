"""Safe exports (issue 15.6): every CSV for people goes through the one writer (graph/csv_export.py) that
neutralises formulas by the OWASP rule; the HSDS datapackage keeps exact values (it is data for programs)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from site_data import add_account, login
from test_beheer_review import _edit_name, _package

from graph import csv_export, ensure_schema
from ingest.base import Report
from ingest.hsds import import_hsds
from ingest.ontology_loader import load_ontology_into_graph

ROOT = Path(__file__).resolve().parents[1]
PAYLOADS = [
    "-2+3+cmd|' /C calc'!A0",
    '+1+HYPERLINK("https://evil.example/","klik")',
    "=1+1",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_writer_neutralises_every_formula_start(payload):
    text = csv_export.to_text(["a"], [[payload]])
    cell = next(iter(csv.DictReader(io.StringIO(text, newline=""))))["a"]
    assert cell == "'" + payload.replace("\r", "\n")


def test_plain_values_and_numbers_stay_as_they_are():
    text = csv_export.to_text(["a", "b", "c"], [["Formulierenhulp", -3, "0543-123456"]])
    assert text.splitlines()[1] == "Formulierenhulp,-3,0543-123456"


def test_history_csv_neutralises_formulas_in_edited_values(app, tmp_path):
    from webapp.db import get_store

    with app.app_context():
        store = get_store()
        ensure_schema(store)
        load_ontology_into_graph(store)
        import_hsds(store, _package(tmp_path, "p1"), source="hsds:aalten")
    client = app.test_client()
    login(client, add_account(app, "coordinator"))
    for payload in PAYLOADS[:2]:
        _edit_name(client, payload)
    rows = list(csv.DictReader(io.StringIO(client.get("/beheer/historie.csv").text)))
    values = {r["replacement_value"] for r in rows} | {r["previous_value"] for r in rows}
    for payload in PAYLOADS[:2]:
        assert payload not in values, f"formule onschadelijk gemaakt? {payload!r}"
        assert "'" + payload in values


def test_import_report_csv_neutralises_formulas(tmp_path):
    report = Report(source="csv:x.csv")
    report.reject("x.csv", 2, "-2+3+cmd|' /C calc'!A0", '=HYPERLINK("https://evil.example/")')
    report.write(tmp_path / "r.csv")
    with (tmp_path / "r.csv").open(encoding="utf-8", newline="") as fh:
        row = next(iter(csv.DictReader(fh)))
    assert row["id"].startswith("'-2+3") and row["reason"].startswith("'=HYPERLINK")


def test_every_csv_export_uses_the_one_writer():
    """No csv.writer/DictWriter outside graph/csv_export.py in the code that writes CSV for people or programs."""
    offenders = []
    for pkg in ("webapp", "ingest", "match", "graph"):
        for path in (ROOT / pkg).rglob("*.py"):
            if path.name == "csv_export.py":
                continue
            text = path.read_text(encoding="utf-8")
            if re.search(r"\bcsv\.(writer|DictWriter)\(", text):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
