"""School as the place where a child's behaviour shows is no school need (ontology/school-setting.yaml, helper
calm24, ADR 0185; dev a818's class).

Why: "Onze zoon van 7 liegt over alles, over zijn huiswerk en over wat hij op school heeft gedaan. Ik word er gek
van." read upbringing and school at the same weight, and the demo kaart's school cards (the support team at school,
"Basisschool: zorgen signaleren", the samenwerkingsverband) took the first places over the JGZ and the
jeugdconsulent. What is asked is the behaviour; "zijn huiswerk", "op school", "de juf" only tell where it shows.
When a need of a child's behaviour is read and every hit of the school need is a setting word alone, the school need
weighs a share of the behaviour need: parenting help leads and school help may follow. A school need told in its own
words (marks, reading, not going to school) is a hit of other words and keeps its weight; with no behaviour need
nothing changes.

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold

_DATA = Path(__file__).resolve().parents[1] / "ontology" / "school-setting.yaml"


@cache
def _config() -> tuple[frozenset[str], str, float, frozenset[str]]:
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8")) or {}
    setting = frozenset(" ".join(fold(w) for w in str(p).split()) for p in raw.get("setting") or ())
    return (
        frozenset(str(t) for t in raw.get("behaviour") or ()),
        str(raw.get("school") or ""),
        float(raw.get("share", 0.5)),
        setting,
    )


def school_as_setting(weights: dict[str, float], hits: Iterable[Any]) -> bool:
    """Lower (in place) the school need to a share of a child's behaviour need when every school hit is a setting
    word alone ("op school", "zijn huiswerk"). True when it changed."""
    behaviour, school, share, setting = _config()
    if school not in weights:
        return False
    told = [w for t, w in weights.items() if t in behaviour]
    if not told:
        return False
    school_hits = [h for h in hits if h.theme_id == school and not h.negated]
    if not school_hits:
        return False
    if any(" ".join(fold(w) for w in str(h.text).split()) not in setting for h in school_hits):
        return False
    lowered = share * max(told)
    if weights[school] <= lowered:
        return False
    weights[school] = lowered
    return True
