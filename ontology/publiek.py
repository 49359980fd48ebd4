"""Services for professionals only, as vocabulary (ontology/publiek.yaml, ADR 0116): the HSDS taxonomy and code
that mark them, the phrases an import may read them from, and the B1 lines residents and professionals see."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

PUBLIEK_FILE = Path(__file__).resolve().parent / "publiek.yaml"


@dataclass(frozen=True)
class Publiek:
    taxonomy: str
    code: str
    term: str
    description: str
    import_cues: tuple[str, ...]
    resident_why: str
    professional_why: str
    # the front door's line on the public page when the writer is a professional at work (ADR 0145)
    professional_asker_why: str = ""
    # a spreadsheet cell's words (`spreadsheet` in publiek.yaml): for professionals only / for residents
    sheet_professionals: tuple[str, ...] = ()
    sheet_residents: tuple[str, ...] = ()

    def says_professionals_only(self, *texts: str | None) -> bool:
        """Whether a source's own words say the service is for professionals only (an import cue, whole words,
        case and accents ignored)."""
        text = " ".join(_fold(t) for t in texts if t)
        return any(p.search(text) for p in _patterns(self.import_cues))


def _fold(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


@functools.cache
def _patterns(cues: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, _fold(c).split())) + r"(?!\w)") for c in cues
    )


@functools.cache
def load_publiek(path: Path = PUBLIEK_FILE) -> Publiek:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for key in ("taxonomy", "code", "term", "resident_why", "professional_why"):
        if not str(raw.get(key) or "").strip():
            raise ValueError(f"{path.name}: '{key}' ontbreekt")
    return Publiek(
        taxonomy=str(raw["taxonomy"]),
        code=str(raw["code"]),
        term=str(raw["term"]),
        description=" ".join(str(raw.get("description") or "").split()),
        import_cues=tuple(str(c) for c in raw.get("import_cues") or ()),
        resident_why=str(raw["resident_why"]),
        professional_why=str(raw["professional_why"]),
        professional_asker_why=str(raw.get("professional_asker_why") or ""),
        sheet_professionals=tuple(str(w) for w in (raw.get("spreadsheet") or {}).get("professionals") or ()),
        sheet_residents=tuple(str(w) for w in (raw.get("spreadsheet") or {}).get("residents") or ()),
    )
