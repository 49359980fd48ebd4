"""The writer's age untold: the safety box speaks to a teenager and an adult alike (ADR 0189).

Why: "ik wil eigenlijk gewoon niet meer wakker worden. niemand zou het merken als ik er niet meer ben" (tester24
d01, tester25 BROKEN 9) names no age, no school, no parent, nothing of an adult's life: nothing tells who writes, so
the page says "u" by default and the 113 box said "Denkt u aan zelfdoding". A fourteen-year-old on a phone read a
line for an adult at the one moment the line must reach them. A guess is no ground to call an adult "je" either
(lower case, chat words: adults write them too). So when nothing tells the age, the box lines that say "u" take their
form for both (safety.yaml `box.for_unsure`: "Gedachten aan zelfdoding, of zorgen om iemand? Bel 113 …"), in any
hand (a phone capitalises a sentence by itself). The rest of the page keeps "u": it is no mistake for either.

What tells the age is read elsewhere and wins: a stated age or any number, a child's or an adult's cue
(labels-inwoner.yaml `child_speaker`), an adult's own words or acts (match/writer_age.py, match/writer_acts.py), a
professional's role (match/voice.py), the box's own reading of who writes (safety.yaml `box.child_writer`).

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from typing import Any

from match import writer
from match.writer_acts import adult_by_acts
from match.writer_age import adult_by_own_words
from match.young_hand import cue_words


def age_untold(text: str, tokens: list[str], ctx: Any, register: str, box_writer: str) -> bool:
    """Nothing in the question tells the writer's age: a resident's page in "u" only because "u" is the default
    (not a professional, no age, no cue either way, no writer the box read). `tokens`: folded (match/nlp.py
    `Analysis.tokens`)."""
    if ctx.audience != "public" or register != "u" or ctx.child_speaker is not False or box_writer:
        return False
    if any(p.asker and (p.child or p.hi is not None) for p in getattr(ctx.ages, "persons", ())):
        return False  # an age of the asker said ("ik ben 15"); not a range read from a need ("18+")
    if not writer.rules_silent(text):
        return False  # a number, a child's or an adult's cue ("mijn man", "mijn werk")
    return not (adult_by_own_words(list(tokens)) or adult_by_acts(cue_words(tokens)))
