"""The age range of an asker who is the parent of a young child (dev a588 as a class, ADR 0141).

Why: a parent's own needs (meeting people, a few hours of help) were matched with ouderenwerk (55+), because the
asker without an age was any adult. A parent is at most PARENT_OLDER_BY years older than their youngest child
named with an age. Not for a grandparent ("mijn kleinzoon van 3"), a neighbour or a teacher: only "mijn/onze" +
a child word, or "moeder/vader van".
"""

from __future__ import annotations

from collections.abc import Iterable

ADULT = (18, None)
PARENT_OLDER_BY = 45
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
    return (ADULT[0], min(kids) + PARENT_OLDER_BY) if own and kids else ADULT
