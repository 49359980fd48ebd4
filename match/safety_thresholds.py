"""How the safety word model's thresholds are chosen: leave-one-author-out, a precision per class, and for 112 and
113 no sentence without danger read as that class (ADR 0124, 0130, 0165, 0182).

Why a module of its own: match/safety_model.py reached the 620-line limit, and the choice is a measurement of the
model, not part of reading a text (the matcher never imports it). ADR 0182 adds
one rule: a control kind only one author wrote (`APART`: authH's shame, secrets and an old parent short of money,
ADR 0165) is counted on its own for the no-control rule of 112 and 113, at most `CONTROLS_CAP` of its controls raised,
as tests/test_safety_model_scope.py already counts it for Veilig Thuis: with authI's and authJ's indirect suicide in
training one such sentence (a dismissal told to nobody) read 0.983 as suicide and held 113 at 0.99 for every author,
recall across authors 0.23 (ADR 0173, and again in ADR 0182 step A).
"""

from __future__ import annotations

import math
from pathlib import Path

from match.safety_model import (
    CONTROLS_CAP,
    NO_CONTROLS,
    RAISES,
    TARGET_PRECISION,
    TARGETS,
    Settings,
    authored,
    group_of,
    leave_one_author_out,
)

# authors whose controls are a kind no other author wrote (ADR 0165: authH); their controls count on their own
APART = ("authH",)
# (read kind, its probability, gold kind, author): a point of the cross-validation
Point4 = tuple[str, float, str, str]


def cross_validate(path: Path | list[Path] | None = None, settings: Settings | None = None) -> list[Point4]:
    """(read kind, its probability, gold kind, author) for every training sentence, each read by a model trained on
    the OTHER AUTHORS only (`leave_one_author_out`): the data the thresholds are chosen on (ADR 0124). Random folds
    (ADR 0117) let a sentence's own author teach the model its style: on the same data they chose 0.70 to 0.80,
    by the order of the file alone."""
    return [(p.kind, p.probability, p.gold, p.author) for p in leave_one_author_out(authored(path), settings)]


def right(predicted: str, gold: str) -> bool:
    """A raise is right when the sentence tells that danger: for the home kinds either one (on a kaart the
    consultation level falls back to Veilig Thuis and a professional's danger at home is asked as consultation)."""
    return predicted in RAISES and group_of(predicted) == group_of(gold)


def choose_threshold(
    points: list[Point4] | list[tuple[str, float, str]],
    precision: float = TARGET_PRECISION,
    group: str = "home",
) -> float:
    """The lowest probability above which the model's raises of this class are right at least `precision` of the
    time (going down from 1.0, until it fails with 20 or more raises)."""
    raises = [(pt[1], right(pt[0], pt[2])) for pt in points if pt[0] in RAISES and group_of(pt[0]) == group]
    best = 1.0
    for t in sorted({round(p, 2) for p, _ in raises}, reverse=True):
        kept = [r for p, r in raises if p >= t]
        if kept and sum(kept) / len(kept) >= precision:
            best = t
        elif len(kept) >= 20:
            break
    return math.floor(best * 100) / 100


def choose_thresholds(
    points: list[Point4] | list[tuple[str, float, str]], apart: tuple[str, ...] = APART
) -> dict[str, float]:
    """A threshold per class the model may raise, each at its own precision target (`TARGETS`); a class of
    `NO_CONTROLS` (acute danger, suicide) then goes up until no sentence without danger reads as it — the controls
    of an author in `apart` (a kind no other author wrote) counted on their own: at most `CONTROLS_CAP` of that
    author's controls (ADR 0182); then the home threshold goes up until at most `CONTROLS_CAP` of all sentences
    without danger get a raise (with authD's file the precision target alone chose 0.76, which raised 27 of 1 040
    controls across authors). Points without an author (three-tuples) count as no author's in `apart`."""
    out = {group: choose_threshold(points, target, group) for group, target in TARGETS.items()}
    controls = [(pt[0], pt[1], pt[3] if len(pt) > 3 else "") for pt in points if pt[2] == "geen"]
    own = {a: sum(1 for *_, author in controls if author == a) for a in apart}

    def breaks(group: str) -> bool:
        hits = [a for k, p, a in controls if group_of(k) == group and p >= out[group]]
        return any(a not in own for a in hits) or any(
            hits.count(a) > CONTROLS_CAP * n for a, n in own.items()
        )

    for group in NO_CONTROLS:
        while out.get(group, 1.0) < 1.0 and breaks(group):
            out[group] = round(out[group] + 0.01, 2)

    def raised() -> int:
        return sum(1 for kind, p, _ in controls if kind in RAISES and p >= out.get(group_of(kind), 2.0))

    while controls and raised() > CONTROLS_CAP * len(controls) and out["home"] < 1.0:
        out["home"] = round(out["home"] + 0.01, 2)
    return out
