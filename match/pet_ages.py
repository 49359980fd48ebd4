"""An age told of a pet is no person's age.

"Mijn hondje is ingeslapen, veertien jaar is ze geworden" made a widow who misses her dog a teenager: youth work came
first, "voor tieners" (dev a864). A number of years told in the same sentence after a pet word (words.yaml `pets`),
with no person word between them (`pet-persons`: "onze hond is dood en mijn zoon van 9 huilt" keeps the 9), is the
animal's age; an age told with "ik" itself ("ik ben 15") is never dropped (ADR 0191).
"""

from __future__ import annotations

import re
from typing import Any

from match.words import fold, word_set

SENTENCE_END = re.compile(r"[.!?;:\n]")
OWN = re.compile(r"\b(?:ik|ben)\b", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def pets_age(text: str, start: int, end: int) -> bool:
    """Is the age at characters `start`..`end` of `text` told of a pet: a pet word earlier in its sentence or in the
    mention itself ("paard (23)") and no person word between that pet word and the age?"""
    begin = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    words = [fold(w) for w in WORD.findall(text[begin:end])]
    pets, persons = word_set("pets"), word_set("pet-persons")
    last_pet = max((i for i, w in enumerate(words) if w in pets), default=-1)
    return last_pet >= 0 and not any(w in persons for w in words[last_pet + 1 :])


def without_pets(text: str, mentions: list[Any]) -> list[Any]:
    """`mentions` (each has `start` and `end`) without the ages told of a pet."""
    return [m for m in mentions if OWN.search(text[m.start : m.end]) or not pets_age(text, m.start, m.end)]
