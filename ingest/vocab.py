"""Words in a spreadsheet cell → ontology ids: themes, doelgroepen, niveau, toegang, organisatiesoort.

A cell may hold ids (`schulden`), labels (`Schulden`), B1 labels or synonyms from the ontology, separated by
`,` `;` `|` or `/`. What does not resolve is returned separately so the importer can report it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from graph.models import NIVEAUS
from ontology import load_ontology
from ontology.model import REQUIRED_ORGANISATIESOORT_IDS

TOEGANG = ("vrij-toegankelijk", "verwijzing", "beschikking")
ORG_KINDS = REQUIRED_ORGANISATIESOORT_IDS  # the organisatiesoorten of the ontology

_SPLIT = re.compile(r"\s*[,;|/\n]\s*")
_TOEGANG_WORDS = {
    "vrij": "vrij-toegankelijk", "vrij toegankelijk": "vrij-toegankelijk", "zonder verwijzing": "vrij-toegankelijk",
    "open": "vrij-toegankelijk", "inloop": "vrij-toegankelijk", "verwijzing": "verwijzing", "met verwijzing": "verwijzing",
    "verwijsbrief": "verwijzing", "via huisarts": "verwijzing", "huisarts": "verwijzing", "beschikking": "beschikking",
    "indicatie": "beschikking", "met indicatie": "beschikking", "maatwerkvoorziening": "beschikking",
}  # fmt: skip


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation as spaces, single spaces."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def split_cell(value: str | None) -> list[str]:
    if not value:
        return []
    return [p for p in (x.strip() for x in _SPLIT.split(str(value))) if p]


@dataclass
class Resolved:
    ids: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


@cache
def _lookup(kind: str) -> dict[str, str]:
    onto = load_ontology()
    items: dict[str, Any] = onto.themes if kind == "themes" else onto.doelgroepen
    table: dict[str, str] = {}
    for item in items.values():
        names = [item.id, item.label, getattr(item, "b1_label", None), *(getattr(item, "synonyms", ()) or ())]
        for name in names:
            if name:
                table.setdefault(fold(str(name)), item.id)
    for item in items.values():  # ids and labels win over another item's synonym
        table[fold(item.id)] = item.id
        table[fold(item.label)] = item.id
    return table


def _resolve(kind: str, value: str | None) -> Resolved:
    table = _lookup(kind)
    out = Resolved()
    for part in split_cell(value):
        found = table.get(fold(part)) or _without_brackets(part, table)
        if found:
            if found not in out.ids:
                out.ids.append(found)
        else:
            out.unknown.append(part)
    return out


def themes(value: str | None) -> Resolved:
    return _resolve("themes", value)


def doelgroepen(value: str | None) -> Resolved:
    return _resolve("doelgroepen", value)


@cache
def _niveau_words() -> dict[str, str]:
    """Folded id, label, short label and synonyms of every niveau (ontology/niveaus.yaml) -> niveau id."""
    import yaml

    from ontology.model import DATA_DIR

    table: dict[str, str] = {}
    for raw in yaml.safe_load((DATA_DIR / "niveaus.yaml").read_text(encoding="utf-8")) or []:
        code = str(raw["id"])
        for name in (code, raw.get("short_label"), raw.get("label"), *(raw.get("synonyms") or ())):
            if name:
                table.setdefault(fold(str(name)), code)
    for code in NIVEAUS:
        table[fold(code)] = code
    return table


def suggest(value: str, table: dict[str, str], label: Any = None) -> str:
    """' (bedoelt u …?)' with the closest known words, or '' when nothing is close: for the report."""
    close = difflib.get_close_matches(fold(value), list(table), n=3, cutoff=0.75)
    names: list[str] = []
    for key in close:
        name = label(table[key]) if label else key
        if name not in names:
            names.append(name)
    return f" (bedoelt u {' of '.join(repr(n) for n in names)}?)" if names else ""


def _without_brackets(key: str, table: dict[str, str]) -> str | None:
    """`Maatwerk (beschikking)` when only `maatwerk` is known: the words before the brackets."""
    return table.get(fold(key.split("(", 1)[0])) if "(" in key else None


def niveau(value: str | None) -> str | None:
    """A niveau id, or None (empty). Raises ValueError for an unknown word, with a suggestion."""
    if not value or not value.strip():
        return None
    table = _niveau_words()
    found = table.get(fold(value)) or _without_brackets(value, table)
    if found:
        return found
    raise ValueError(f"onbekend niveau {value!r}{suggest(value, table, lambda code: code)}")


def theme_suggestion(value: str) -> str:
    """' (bedoelt u …?)' for an unknown theme: the labels of the closest themes."""
    onto = load_ontology()
    return suggest(value, _lookup("themes"), lambda tid: onto.themes[tid].label)


def doelgroep_suggestion(value: str) -> str:
    onto = load_ontology()
    return suggest(value, _lookup("doelgroepen"), lambda gid: onto.doelgroepen[gid].label)


def toegang(value: str | None) -> str | None:
    """The intake route (vrij-toegankelijk | verwijzing | beschikking), or None. Raises ValueError."""
    if not value or not value.strip():
        return None
    key = fold(value)
    for code in TOEGANG:
        if key == fold(code):
            return code
    for words, code in sorted(_TOEGANG_WORDS.items(), key=lambda kv: -len(kv[0])):
        if key == words or key.startswith(words + " "):
            return code
    known = {**{w: c for w, c in _TOEGANG_WORDS.items()}, **{fold(c): c for c in TOEGANG}}
    raise ValueError(f"onbekende toegang {value!r}{suggest(value, known, lambda code: code)}")
