"""A card only a parent can use is not shown to a child who writes (ontology/setting-words.yaml `parent_door`;
helper fix25, ADR 0188; tester25 N-T).

Why: Steungezin and Home-Start, which a parent of young children asks for, were shown to a lonely teenager at 4 and
5 with "je kunt er zelf terecht". ADR 0169 moved such a card (match/child_reach.py `parents_only`: doelgroep ouders,
parenting themes only) out of a child's top 3; it is still no self-referral for the child, so when the page speaks
to a child it is not shown at all. A danger's route keeps its place; a parent who asks keeps the card.

Privacy: only service data is read.
"""

from __future__ import annotations

from typing import Any

from match.child_reach import parents_only
from match.setting_words import data


def no_parent_doors(best: list[Any], young_writer: bool) -> list[Any]:
    """Without the cards only a parent can use when a child writes (`parent_door.young_writer_sees` false); a
    danger's route stays. Unchanged for everyone else."""
    if not young_writer or (data().get("parent_door") or {}).get("young_writer_sees", True):
        return best
    kept = [s for s in best if getattr(s, "top", 0) > 0 or not parents_only(s.cand)]
    return kept if kept else best
