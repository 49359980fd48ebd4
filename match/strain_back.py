"""Strain that points back gives way to the need it points to (ADR 0159, issue 12: strong words, everyday need).

Why: an everyday worry is often told with the writer's strain next to it: "mijn kleindochter van 3 bijt haar
broertje steeds, mijn dochter zit er helemaal doorheen", "onze hond is dood en ik ga er kapot aan". The strain idiom
("zit er doorheen", "ga eraan onderdoor", "ben er kapot van") was read as a need of its own (psychische-klachten)
with the full weight of the need it is about, and its services (the GP, social work) pushed the help for that need
(the consultatiebureau, a talk about loss) out of the top 3. The word "er" ("eraan", "ervan", "daardoor" …) points
back to what was told: the strain is that need's consequence, not a second need. So when the strain is only read
through words that point back and a need it can point to is read too, the strain keeps a lower weight: its help
may still fill a place, but not before the help for the need. The strain told on its own ("ik kan niet meer",
"ik zit helemaal doorheen") or next to no such need (work, a danger) keeps its weight. All words are data
(ontology/words.yaml `strain_points_back`).

Privacy: the text is read in memory only.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold

WORDS_FILE = Path(__file__).resolve().parents[1] / "ontology" / "words.yaml"


@cache
def _config() -> tuple[frozenset[str], frozenset[str], frozenset[str], float]:
    raw = (yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")) or {}).get("strain_points_back") or {}
    return (
        frozenset(raw.get("strain_themes") or ()),
        frozenset(fold(w) for w in raw.get("back_words") or ()),
        frozenset(raw.get("needs") or ()),
        float(raw.get("weight", 0.5)),
    )


def strain_gives_way(weights: dict[str, float], hits: Iterable[Any]) -> list[str]:
    """Lower (in place) the weight of a strain theme read only through words that point back ("er", "eraan"),
    when a need it points to is read too: the help for the need comes first. Returns the themes lowered."""
    strain, back, needs, factor = _config()
    if not needs & set(weights):
        return []
    lowered: list[str] = []
    for tid in sorted(strain & set(weights)):
        mentions = [h for h in hits if h.theme_id == tid and not h.negated]
        if mentions and all(back & set(fold(h.text).split()) for h in mentions):
            weights[tid] = min(weights[tid], weights[tid] * factor)
            lowered.append(tid)
    return lowered
