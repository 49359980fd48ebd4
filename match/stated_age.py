"""The age a writer states as a number outranks the band of a life stage of the writer's own.

"Ik ben 17 en gestopt met mijn mbo-opleiding" read two ages of the writer: 17, and the band of "mijn mbo-opleiding"
(16-23, typically 18). The typical 18 made services for adults a fit ("Voor volwassenen", a participation
consultant for a 17-year-old, dev a879). A number the writer tells of himself is exact; the band of his school or
life stage is a guess, so the number replaces it (ADR 0191). Stages of other people ("mijn zoon zit in groep 6")
keep their band.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def stated_own_age(numbers: Iterable[tuple[int, int, int, bool]]) -> int | None:
    """The first age the writer states of himself as a number ((offset, age, group, asker) per number), or None."""
    return next((age for _, age, _, asker in numbers if asker and age > 0), None)


def stage_band(stage: Any, asker: bool, stated: int | None) -> tuple[int, int | None, int]:
    """(lo, hi, typical) of a life stage read in the text: the stated age for the writer's own stage, else the
    stage's band (`min_age`, `max_age`, `typical_age`)."""
    if asker and stated is not None:
        return stated, stated, stated
    return stage.min_age, stage.max_age, stage.typical_age
