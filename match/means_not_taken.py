"""A means told as not taken is no act now: 113 leads, not 112 (tester23 B2 order, ADR 0179).

Why: "Ik slik mijn temazepam al weken niet meer, ik bewaar alle strips in een doosje onder mijn bed. Dan heb ik ze
als het echt niet meer gaat." got the chip "Direct gevaar" and 112 before 113: the rule for an overdose taken reads a
quantity ("alle"), a medicine and a verb of taking ("slik") in a window, and the "niet meer" between them did not
count. A plan for later with a means made ready is a reason for 113 (the suicide rules read it, ADR 0170/0172/0178);
112 is for the act now ("ik heb net alles ingenomen", "ik sta op de brug"). Here an acute-danger hit that names a
medicine and denies the taking in its own words is dropped when the text tells nothing of now (ontology/means-not-taken.yaml),
before the safety levels are read. Other acute readings (a bridge, a knife) are not touched.

Privacy: the words are read in memory only; nothing here keeps them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold

DATA_FILE = Path(__file__).resolve().parents[1] / "ontology" / "means-not-taken.yaml"


@cache
def _data() -> dict[str, Any]:
    raw = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8")) or {}
    return {
        "theme": str(raw.get("theme") or "acuut-gevaar"),
        "means": frozenset(fold(str(w)) for w in raw.get("means") or ()),
        "denials": frozenset(fold(str(w)) for w in raw.get("denials") or ()),
        "now": tuple(fold(str(w)) for w in raw.get("now") or ()),
    }


def _now(words: Sequence[str]) -> bool:
    text = f" {' '.join(words)} "
    return any(f" {p} " in text for p in _data()["now"])


def _denied_means(hit: Any) -> bool:
    words = fold(hit.text).replace(",", " ").split()
    return bool(_data()["means"].intersection(words)) and bool(_data()["denials"].intersection(words))


def means_not_taken(weights: dict[str, float], analysis: Any) -> bool:
    """Drop the acute danger (from `weights`, in place) when every hit of it names a medicine whose taking its own
    words deny, and the text tells no act now. True when it did."""
    theme = _data()["theme"]
    hits = [h for h in analysis.hits if h.theme_id == theme and not h.negated]
    if theme not in weights or not hits or not all(_denied_means(h) for h in hits) or _now(analysis.tokens):
        return False
    weights.pop(theme, None)
    return True
