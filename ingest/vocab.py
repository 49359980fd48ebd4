"""Words in a spreadsheet cell → ontology ids: themes, doelgroepen, niveau, toegang, organisatiesoort.

A cell may hold ids (`schulden`), labels (`Schulden`), B1 labels or synonyms from the ontology, separated by
`,` `;` `|` or `/`. What does not resolve is returned separately so the importer can report it.
"""

from __future__ import annotations

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
_NIVEAU_WORDS = {
    "vrij toegankelijk": "vrij-toegankelijk", "sociale basis": "vrij-toegankelijk", "basis": "vrij-toegankelijk",
    "pedagogische basis": "vrij-toegankelijk", "lokaal team": "lokaal-team", "wijkteam": "lokaal-team",
    "vat": "lokaal-team", "maatwerk": "maatwerk", "specialistisch": "specialistisch", "specialistische hulp": "specialistisch",
    "crisis": "crisis", "spoed": "crisis",
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
        found = table.get(fold(part))
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


def niveau(value: str | None) -> str | None:
    """A niveau id, or None (empty). Raises ValueError for an unknown word."""
    if not value or not value.strip():
        return None
    key = fold(value)
    for code in NIVEAUS:
        if key == fold(code):
            return code
    if key in _NIVEAU_WORDS:
        return _NIVEAU_WORDS[key]
    raise ValueError(f"onbekend niveau {value!r}")


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
    raise ValueError(f"onbekende toegang {value!r}")
