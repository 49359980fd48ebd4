"""A child who writes that a parent hurts them is a child unsafe at home (tester21 N-A, ADR 0174).

Why: "ik ben 14 en mijn moeder slaat mij", "mn vader slaat me als hij boos is" and "papa schopt mij" were read as
huiselijk-geweld, violence between adults ("Helpt bij geweld of dreiging thuis"), and a parent who drinks and shouts
once as ouderenmishandeling ("een oudere die slecht behandeld wordt"): the relation word decided, not who writes.
Here who writes decides: when the page speaks to a child ("je": the writer's age, a child's own words, the box's
writer) and the text names a parent (or a step-, foster parent, a parent's partner: ontology/child-at-home.yaml),
the danger at home is the child's: kindermishandeling takes the place and the weight of the adult readings. The
safety level is not touched (Veilig Thuis serves both); only the need, its chip and the why-lines change.
Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold, folded_set

DATA_FILE = Path(__file__).resolve().parents[1] / "ontology" / "child-at-home.yaml"


@cache
def _data() -> dict[str, Any]:
    raw = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8")) or {}
    return {
        "parents": folded_set(raw.get("parents")),
        "from": tuple(str(t) for t in raw.get("from") or ()),
        "to": str(raw.get("to") or "kindermishandeling"),
        "from_when_home": tuple(str(t) for t in raw.get("from_when_home") or ()),
    }


def child_unsafe_at_home(
    weights: dict[str, float], tokens: Sequence[str], child_writes: bool, home_raised: bool = False
) -> bool:
    """With a child writing and a parent named, the adult readings of a danger at home become the child's
    (changes `weights` in place, keeping the order of the needs). True when it did. `home_raised`: the danger at
    home is raised, so the safety domain read alone (the word model's guess, tester23 N-A) is the child's too."""
    data = _data()
    sources = data["from"] + (data["from_when_home"] if home_raised else ())
    adult = [t for t in sources if t in weights]
    if not child_writes or not adult or not any(fold(w) in data["parents"] for w in tokens):
        return False
    to = data["to"]
    weight = max([weights.get(to, 0.0)] + [weights[t] for t in adult])
    items = list(weights.items())
    weights.clear()
    for tid, w in items:
        if tid in adult or tid == to:
            if to not in weights:
                weights[to] = weight
            continue
        weights[tid] = w
    return True
