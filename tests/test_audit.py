"""The dependency audit (tools/audit.py) on saved pip-audit reports: it fails on a known vulnerability, never
passes a non-audit silently, and refuses an ignore entry without a reason."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "audit"
_spec = importlib.util.spec_from_file_location("kaart_audit", ROOT / "tools" / "audit.py")
audit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(audit)


def _report(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text())


def test_a_known_vulnerability_fails_the_audit_and_names_the_fix():
    code, lines = audit.judge(_report("vulnerable-package.json"), {}, required=False)
    assert code == 1
    assert any("jinja2 3.1.4: GHSA-q2x7-8rv6-6q7h (fixed in 3.1.5)" in line for line in lines)


def test_an_ignored_vulnerability_passes_by_id_or_alias_and_is_listed():
    for vuln in ("GHSA-q2x7-8rv6-6q7h", "CVE-2024-56326"):
        code, lines = audit.judge(
            _report("vulnerable-package.json"), {vuln: "not reachable: no sandbox"}, False
        )
        assert code == 0 and any(f"ignored {vuln}" in line for line in lines)


def test_a_clean_report_passes():
    code, lines = audit.judge(_report("clean.json"), {}, required=True)
    assert code == 0 and lines[0].startswith("audit: 2 packages audited, 1 not audited, 0 vulnerabilities")


def test_an_unreachable_service_is_reported_loudly_and_fails_when_required():
    code, lines = audit.judge(_report("service-unreachable.json"), {}, required=False)
    assert code == 0 and any("AUDIT NOT DONE" in line for line in lines)
    code, _ = audit.judge(_report("service-unreachable.json"), {}, required=True)
    assert code == 2


def test_an_ignore_entry_needs_a_reason(tmp_path):
    path = tmp_path / "audit-ignore.txt"
    path.write_text("# comment\nGHSA-aaaa-bbbb-cccc  # test-only dependency, 2026-12\n")
    assert audit.ignored_ids(path) == {"GHSA-aaaa-bbbb-cccc": "test-only dependency, 2026-12"}
    path.write_text("GHSA-aaaa-bbbb-cccc\n")
    with pytest.raises(SystemExit):
        audit.ignored_ids(path)
    assert audit.ignored_ids(ROOT / "tools" / "audit-ignore.txt") == {}  # the shipped list is empty
