"""Dutch names kept as written: one place that turns a register's CAPITALS into the way the name is written.

National registers (LRK, DUO) publish place and street names in capitals (`'S-HEERENBERG`, `IJZERLO`,
`BURGEMEESTER VAN DER VELDESTRAAT`). Python's `str.title()` gets Dutch wrong: "Ijzerlo", "'S-Heerenberg",
"Van Der". `dutch_title` knows the rules that matter here:

- IJ is one letter: `IJZERLO` → "IJzerlo";
- the particles 's, 't and 'n stay lower case, also at the start: `'S-HEERENBERG` → "'s-Heerenberg",
  `'T HUMMELHUIS` → "'t Hummelhuis";
- tussenvoegsels in the middle of a name are lower case: `VAN DER` → "van der" (at the start: "Van der");
- hyphenated parts each get a capital: `SINT-JORIS` → "Sint-Joris";
- apostrophes are kept; the variants ’ and ‘ are kept as written, a backtick or acute accent used as an
  apostrophe becomes `'`;
- known abbreviations stay capitals (CBS, OBS, KDV, BSO, HAVO, GGD, B.V.: the list is ontology/afkortingen.yaml).

`readable` applies it only to text written entirely in capitals, so a name the source already wrote in mixed
case is never touched.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

APOSTROPHES = "'’‘`´"
_TO_ASCII = str.maketrans({"`": "'", "´": "'"})
PARTICLES = {"s", "t", "n"}  # 's, 't, 'n (des, het, een)
TUSSENVOEGSELS = {
    "van",
    "der",
    "den",
    "ter",
    "ten",
    "te",
    "op",
    "aan",
    "in",
    "bij",
    "en",
    "onder",
    "uit",
    "voor",
}
# "de" and "het" are lower case after another tussenvoegsel ("van de", "op het"), else kept as a capital
# ("Kinderopvang De Proeftuin"): in names of organisations they usually start the proper name.
ARTICLES = {"de", "het"}
AFKORTINGEN_FILE = Path(__file__).resolve().parents[1] / "ontology" / "afkortingen.yaml"


def _load_acronyms(path: Path = AFKORTINGEN_FILE) -> frozenset[str]:
    """Abbreviations that stay capitals (CBS, OBS, KDV, HAVO, B.V., …): vocabulary is data, in ontology/."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    groups = data.get("afkortingen") or {}
    return frozenset(
        str(a).strip().upper() for items in groups.values() for a in items or () if str(a).strip()
    )


ACRONYMS = _load_acronyms()
_WORD = re.compile(r"(\s+)")
_PART = re.compile(r"([-/(])")


def _is_particle(part: str) -> bool:
    """`'s`, `'t`, `'n` (with any apostrophe variant)."""
    return len(part) == 2 and part[0] in APOSTROPHES and part[1].lower() in PARTICLES


def _cap(part: str) -> str:
    """One hyphen-free part: first letter capital (IJ as one letter), the rest lower case."""
    if not part:
        return part
    if part.upper() in ACRONYMS:
        return part.upper()
    if _is_particle(part):
        return part[0] + part[1].lower()
    low = part.lower()
    lead = ""
    while low and not low[0].isalnum():  # leading quote or bracket
        lead, low = lead + low[0], low[1:]
    if low.startswith("ij"):
        return lead + "IJ" + low[2:]
    return lead + low[:1].upper() + low[1:]


def _word(word: str) -> str:
    """A word that may have hyphens or slashes: each part capitalised ('s/'t kept lower case)."""
    return "".join(p if _PART.fullmatch(p) else _cap(p) for p in _PART.split(word))


def dutch_title(text: str) -> str:
    """Capitalise a Dutch name the way it is written: IJ, 's-/'t, tussenvoegsels, hyphens, apostrophes.

    >>> dutch_title("'S-HEERENBERG"), dutch_title("IJZERLO"), dutch_title("'T HUMMELHUIS")
    ("'s-Heerenberg", 'IJzerlo', "'t Hummelhuis")
    """
    text = text.translate(_TO_ASCII)
    pieces = _WORD.split(text)
    out: list[str] = []
    previous = ""  # the previous word, lower case
    first = True
    for piece in pieces:
        if not piece or piece.isspace():
            out.append(piece)
            continue
        low = piece.lower()
        if first:
            out.append(_word(piece))
        elif low in TUSSENVOEGSELS or (low in ARTICLES and previous in TUSSENVOEGSELS):
            out.append(low)
        else:
            out.append(_word(piece))
        previous = low
        first = False
    return "".join(out)


def readable(text: str | None) -> str | None:
    """`dutch_title` for text written entirely in capitals (a register's habit); anything else as written."""
    if not text:
        return text
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return dutch_title(text)
    return text.translate(_TO_ASCII)


def unwrap(value: str | None) -> str | None:
    """A field the LRK export wraps in apostrophes (`'0543-000010'`) without them; an apostrophe that is part
    of the text (`'t Hummelhuis`, `Oma's Huis`) is kept."""
    text = (value or "").strip()
    if len(text) >= 2 and text[0] in APOSTROPHES and text[-1] in APOSTROPHES:
        text = text[1:-1].strip()
    return text or None
