"""The README is how a newcomer configures the kaart: every setting must be in it."""

from __future__ import annotations

from pathlib import Path

from webapp.config import SETTINGS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    head = "\n".join(README.splitlines()[:8])
    assert "make run" in head and "make test" in head


def test_every_setting_is_documented_in_the_readme():
    missing = []
    for key in SETTINGS:
        full = f"KAART_{key}"
        # Grouped rows write the common prefix once: `KAART_SMTP_HOST` / `_PORT`.
        short = "_" + key.split("_", 1)[1] if "_" in key else key
        if full not in README and f"`{short}`" not in README:
            missing.append(full)
    assert missing == []
