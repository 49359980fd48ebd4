"""The README and docs/ are how a newcomer finds their way: every setting documented, every relative link
resolving, every ADR in the index, the glossary complete."""

from __future__ import annotations

import re
from pathlib import Path

from webapp.config import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


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


DOCS = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|^\[[^\]]+\]:\s*(\S+)", re.M)


def _relative_links(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)  # not inside code blocks
    targets = [a or b for a, b in LINK.findall(text)]
    return [t for t in targets if not re.match(r"^[a-z][a-z0-9+.-]*:", t) and not t.startswith("#")]


def test_every_relative_link_in_the_docs_resolves():
    broken = []
    for doc in DOCS:
        for target in _relative_links(doc):
            if not (doc.parent / target.split("#", 1)[0]).exists():
                broken.append(f"{doc.relative_to(ROOT)}: {target}")
    assert broken == []


# A repository path in backticks (`tests/test_layers.py`, `ingest/demo/aalten/`) is how these docs link code.
CODE_PATH = re.compile(r"`([\w.-]+(?:/[\w.-]+)+/?)`")
TOP_LEVEL = {p.name for p in ROOT.iterdir() if p.name not in {".venv", ".git"}}


def test_every_repository_path_in_the_docs_exists():
    missing = []
    for doc in DOCS:
        for path in CODE_PATH.findall(doc.read_text(encoding="utf-8")):
            if path.split("/")[0] in TOP_LEVEL and not (ROOT / path).exists():
                missing.append(f"{doc.relative_to(ROOT)}: {path}")
    assert missing == []
    assert sum(len(CODE_PATH.findall(d.read_text(encoding="utf-8"))) for d in DOCS) > 30  # it sees them


def test_the_link_check_sees_links():
    """The check above must not pass because it finds nothing: the ADR index links every ADR."""
    links = _relative_links(ROOT / "docs" / "adr" / "README.md")
    assert len(links) >= 10 and all(link.endswith(".md") for link in links)


def test_every_adr_is_in_the_index():
    index = (ROOT / "docs" / "adr" / "README.md").read_text(encoding="utf-8")
    missing = [
        p.name for p in sorted((ROOT / "docs" / "adr").glob("[0-9]*.md")) if f"]({p.name})" not in index
    ]
    assert missing == [], "add a row to docs/adr/README.md for: " + ", ".join(missing)


def test_glossary_has_the_domain_words_and_the_spelling_rule():
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip() for line in glossary.splitlines() if line.startswith("| ")}
    words = (
        "netwerk",
        "beheer",
        "toegang",
        "organisatiesoort",
        "dekking",
        "partnerlink",
        "LRK",
        "DUO",
        "niveau",
    )
    assert [w for w in words if not any(row.startswith(w) for row in rows)] == []
    assert any("signal" in row for row in rows)  # the safety signals
    assert "organisation in our code, organization in HSDS fields" in glossary
