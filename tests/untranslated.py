"""The untranslated-text checker (ADR 0084): visible text in a template that does not go through gettext.

A template is read as text: comments, `{% trans %}…{% endtrans %}` blocks and Jinja tags go; in `{{ … }}` the
arguments of `_()`/`gettext()`/`ngettext()` go and any other string literal with words in it counts; in HTML,
script, style and code bodies go, the attributes people read (aria-label, title, alt, placeholder, data-label) count, and every
text node with a letter left in it counts. Only names (brands, organisations, phone services) are allowed.

Run it to list what is left: `.venv/bin/python tests/untranslated.py`.
"""

from __future__ import annotations

import re
import sys
from html import unescape
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "webapp" / "templates"

# Proper names and the brand: the same in every language.
ALLOWED = {
    "Veilig Thuis",
    "Leaflet",
    "OpenStreetMap",
    "PDOK",
    "BRT-Achtergrondkaart",
    "Kadaster",
    "HSDS",
    "CSV",
    "TOTP",
    "QR",
}

_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_TRANS = re.compile(r"\{%-?\s*trans\b.*?\{%-?\s*endtrans\s*-?%\}", re.S)
# `{% set x %}…{% endset %}`: markup (attributes) kept for later, not text.
_SET_BLOCK = re.compile(r"\{%-?\s*set\s+\w+\s*-?%\}.*?\{%-?\s*endset\s*-?%\}", re.S)
_EXPR = re.compile(r"\{\{.*?\}\}", re.S)
_TAG = re.compile(r"\{%.*?%\}", re.S)
_LITERAL = r"(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')"
_GETTEXT_CALL = re.compile(
    r"\b(?:_|gettext|ngettext|pgettext|lazy_gettext)\(\s*" + _LITERAL + r"(?:\s*,\s*" + _LITERAL + r")?"
)
_STRING = re.compile(_LITERAL)
# Script and style bodies are code; <code> holds names to type as they are (`KAART_EMBED_ORIGINS`).
_SCRIPT = re.compile(r"<(script|style|code)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG = re.compile(r"<[a-zA-Z/!][^>]*>", re.S)
_READ_ATTRS = re.compile(r"\b(aria-label|title|alt|placeholder|data-label)\s*=\s*(\"[^\"]*\"|'[^']*')", re.I)
_LETTER = re.compile(r"[^\W\d_]", re.U)
# Jinja replaced by this mark: not a letter, so "{{ name }}" alone is no text.
_MARK = "\x00"


def _words(text: str) -> str:
    """`text` without the allowed names, entities decoded, whitespace collapsed."""
    text = unescape(text).replace(_MARK, " ")
    for name in ALLOWED:
        text = text.replace(name, " ")
    return " ".join(text.split())


def _literals_in_expression(expr: str) -> list[str]:
    """String literals with words in a `{{ … }}` that are not gettext arguments."""
    rest = _GETTEXT_CALL.sub(" ", expr)
    # A value compared against is data ("temporarily closed"), not text for people.
    rest = re.sub(r"(==|!=|\bin)\s*" + _LITERAL, " ", rest)
    rest = re.sub(_LITERAL + r"\s*(==|!=|:)", " ", rest)  # and a key of a mapping
    found = []
    for lit in _STRING.findall(rest):
        body = lit[1:-1]
        # Words for people have a space between letters or end in a full stop; ids, classes, separators not.
        if (
            re.search(r"[^\W\d_]\s+[^\W\d_]", body)
            or re.search(r"[^\W\d_]{2,}[.!?]$", body)
            or re.fullmatch(r"[A-ZÀ-Þ][a-zß-ÿ]{2,}", body)  # "Locatie", "Open": a word for people
        ) and _LETTER.search(_words(body)):
            found.append(body)
    return found


def untranslated(source: str) -> list[str]:
    """The pieces of visible text in a template source that do not go through gettext."""
    found: list[str] = []
    text = _COMMENT.sub(" ", source)
    text = _TRANS.sub(_MARK, text)
    text = _SET_BLOCK.sub(_MARK, text)
    for expr in _EXPR.findall(text):
        found += _literals_in_expression(expr)
    text = _EXPR.sub(_MARK, text)
    text = _TAG.sub(_MARK, text)
    text = _SCRIPT.sub(" ", text)
    text = _HTML_COMMENT.sub(" ", text)
    for tag in _HTML_TAG.findall(text):
        for _, value in _READ_ATTRS.findall(tag):
            words = _words(value[1:-1])
            if _LETTER.search(words):
                found.append(words)
    for piece in _HTML_TAG.split(text):
        words = _words(piece)
        if _LETTER.search(words):
            found.append(words)
    return found


def check_all(root: Path = TEMPLATES) -> dict[str, list[str]]:
    """Template path (relative) -> its untranslated texts; only templates with any."""
    out = {}
    for path in sorted(root.rglob("*.html")):
        found = untranslated(path.read_text(encoding="utf-8"))
        if found:
            out[str(path.relative_to(root))] = found
    return out


if __name__ == "__main__":
    result = check_all()
    for name, texts in result.items():
        print(name)
        for t in texts:
            print("   ", t[:150])
    print(sum(map(len, result.values())), "untranslated texts in", len(result), "templates")
    sys.exit(1 if result else 0)
