"""Where the shared reference files live (`../shared`: HSDS 3.0 schemas and examples, the compose spec, the seed
documents), and what a test does when they are missing: skip locally, FAIL in CI.

A silent skip in CI would let the HSDS round-trip or the compose check pass without ever running.
Looked up in `KAART_SHARED_DIR`, then `shared/` next to the project, then next to its parent (a git worktree
such as `/work/wt/<name>` next to `/work/shared`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def shared_dir() -> Path:
    candidates = [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    if os.environ.get("KAART_SHARED_DIR"):
        candidates.insert(0, Path(os.environ["KAART_SHARED_DIR"]))
    return next((c for c in candidates if c.is_dir()), candidates[0])


def shared(*parts: str) -> Path:
    """The path under ../shared (it may not exist; use `need_shared` in a test that depends on it)."""
    return shared_dir().joinpath(*parts)


def need_shared(*parts: str) -> Path:
    """The path under ../shared; missing: the test fails in CI (`CI=true`) and is skipped locally."""
    path = shared(*parts)
    if not path.exists():
        message = f"{'/'.join(parts)} niet gevonden onder {shared_dir()} (zet KAART_SHARED_DIR)"
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path
