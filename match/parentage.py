"""The age range of an asker who is the parent of a young child (dev a588 as a class, ADR 0141).

Why: a parent's own needs (meeting people, a few hours of help) were matched with ouderenwerk (55+), because the
asker without an age was any adult. A parent is at most PARENT_OLDER_BY years older than their youngest child
named with an age. Not for a grandparent ("mijn kleinzoon van 3"), a neighbour or a teacher: only "mijn/onze" +
a child word, or "moeder/vader van". An asker who has just become a parent ("ik ben net moeder geworden", words.yaml
`new-parent-cues`) has a child of 0 even when the child is not named (dev a679 as a class, ADR 0147).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from match.words import fold, word_list

ADULT = (18, None)
PARENT_OLDER_BY = 45
NEW_PARENT_FROM = 16  # the youngest asker who says they just became a parent
PARENT_WORDS = frozenset({"moeder", "vader", "ouder", "mama", "papa"})
GRAND_WORDS = frozenset(
    {
        "kleinkind",
        "kleinkinderen",
        "kleinzoon",
        "kleindochter",
        "kleinzoontje",
        "kleindochtertje",
        "oma",
        "opa",
    }
)


def parent_range(folded: list[str], parent: bool, kid_ages: Iterable[int]) -> tuple[int, int | None]:
    """(lo, hi) of the asker: an adult, capped above when they are the parent of a child with a known age."""
    if GRAND_WORDS.intersection(folded):
        return ADULT
    own = parent or any(w in PARENT_WORDS and n == "van" for w, n in zip(folded, folded[1:], strict=False))
    kids = list(kid_ages)
    if new_parent(folded):  # a teenage mother too: the youth health care serves her (ADR 0147)
        return (NEW_PARENT_FROM, min([*kids, 0]) + PARENT_OLDER_BY)
    return (ADULT[0], min(kids) + PARENT_OLDER_BY) if own and kids else ADULT


@cache
def _new_parent_cues() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(c).split()) for c in word_list("new-parent-cues"))


def new_parent(folded: list[str]) -> bool:
    """Whether the asker says they have just become a parent (words.yaml `new-parent-cues`, whole words in order)."""
    for cue in _new_parent_cues():
        n = len(cue)
        if any(tuple(folded[i : i + n]) == cue for i in range(len(folded) - n + 1)):
            return True
    return False


NEWBORN_GROUP = 7000  # the group number of the unnamed newborn among the ages read (match/ages.py `_numbers`)


def with_newborn(text: str, numbers: list[tuple[int, int, int, bool]]) -> list[tuple[int, int, int, bool]]:
    """The ages read, plus a child of 0 when the asker has just become a parent and names no child's age ("ik ben
    net moeder geworden"): the new parent's own need is then a young adult's, not a 55+ asker's (ADR 0147)."""
    if any(age < 18 and not asker for _, age, _, asker in numbers):
        return numbers
    words = [(m.start(), fold(m.group(0))) for m in re.finditer(r"\w+", text)]
    folded = [w for _, w in words]
    for cue in _new_parent_cues():
        n = len(cue)
        at = next((i for i in range(len(folded) - n + 1) if tuple(folded[i : i + n]) == cue), None)
        if at is not None:
            return [
                *numbers,
                (words[at + n - 1][0], 0, NEWBORN_GROUP, False),
            ]  # at "moeder" of "ben net moeder"
    return numbers
