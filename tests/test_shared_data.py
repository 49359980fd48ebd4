"""Tests that need ../shared (HSDS examples and schemas, compose spec, seeds) fail in CI when it is missing,
instead of skipping silently and letting the round-trip or compose checks pass without running."""

from __future__ import annotations

import pytest
import shared_data


def test_missing_shared_files_fail_in_ci(monkeypatch):
    monkeypatch.setattr(shared_data, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match="bestaat-niet.json niet gevonden"):
        shared_data.need_shared("hsds-3.0", "bestaat-niet.json")


def test_missing_shared_files_skip_locally(monkeypatch):
    monkeypatch.setattr(shared_data, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception):
        shared_data.need_shared("hsds-3.0", "bestaat-niet.json")


def test_shared_dir_can_be_given(monkeypatch, tmp_path):
    (tmp_path / "hsds-3.0").mkdir()
    monkeypatch.setenv("KAART_SHARED_DIR", str(tmp_path))
    assert shared_data.need_shared("hsds-3.0") == tmp_path / "hsds-3.0"
