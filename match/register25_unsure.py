"""The writer's age untold, in a chat hand: the safety box speaks to a teenager and an adult alike (ADR 0189).

Why: "ik wil eigenlijk gewoon niet meer wakker worden. niemand zou het merken als ik er niet meer ben" (tester24
d01, tester25 BROKEN 9) names no age, no school, no parent: nothing tells who writes, so the page says "u" and the
113 box said "Denkt u aan zelfdoding". A fourteen-year-old on a phone reads a line for an adult at the one moment the
line must reach them. A guess is no ground to call an adult "je" either. So when nothing tells the age and the hand is
a chat hand (ontology/writer-unsure.yaml), the box lines that say "u" take their form for both (safety.yaml
`box.for_unsure`: "Gedachten aan zelfdoding, of zorgen om iemand? Bel 113 …"). The rest of the page keeps "u".

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match import writer
from match.words import fold
from match.writer_acts import adult_by_acts
from match.writer_age import adult_by_own_words
from match.young_hand import cue_words

UNSURE_FILE = Path(__file__).resolve().parents[1] / "ontology" / "writer-unsure.yaml"


@cache
def _hands() -> tuple[dict[str, Any], ...]:
    raw = yaml.safe_load(UNSURE_FILE.read_text(encoding="utf-8")) or {}
    return tuple(
        {
            "id": str(h["id"]),
            "no_capitals": bool(h.get("no_capitals")),
            "first_person": frozenset(fold(str(w)) for w in h.get("first_person") or ()),
        }
        for h in raw.get("hands") or ()
    )


def chat_hand(text: str, tokens: list[str]) -> str:
    """The id of the first hand of writer-unsure.yaml this text is written in, or ""."""
    for hand in _hands():
        if hand["no_capitals"] and any(c.isupper() for c in text):
            continue
        if hand["first_person"] and not hand["first_person"].intersection(tokens):
            continue
        return hand["id"]
    return ""


def age_untold(text: str, tokens: list[str], ctx: Any, register: str, box_writer: str) -> bool:
    """Nothing in the question tells the writer's age, and it is written in a chat hand: a resident's page in "u"
    only because "u" is the default (not a professional, not an age, not a cue either way, no writer the box
    read) (folded tokens: match/nlp.py `Analysis.tokens`)."""
    if ctx.audience != "public" or register != "u" or ctx.child_speaker is not False or box_writer:
        return False
    if any(p.asker and (p.child or p.hi is not None) for p in getattr(ctx.ages, "persons", ())):
        return False  # an age of the asker said ("ik ben 15"); not a range read from a role ("18+")
    if not writer.rules_silent(text) or adult_by_own_words(list(tokens)) or adult_by_acts(cue_words(tokens)):
        return False
    return bool(chat_hand(text, tokens))
