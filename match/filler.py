"""No filler cards: a card shows a reason a reader can check, or it is not shown (tester21 N-D, ADR 0174).

Why: with few services for a need the answer was topped up with cards whose only reason the reader cannot check:
"Gevonden met woorden uit uw vraag" (a word of the question in a service's text: Talentverbinder for an amicable
ex) and services for a group the question does not show ("Welkomstgesprek voor nieuwe inwoners" for a 17-year-old
asking about huurtoeslag or for someone sleeping in a car, Vluchtelingenwerk for pills kept back). ADR 0115 already
put them after every fit; here, once the question's needs are read, they never fill the first three: with fewer
than three cards with a reason they are not shown at all (better fewer cards than these), else they stay behind
them, in the weak tail the page folds away. Never an empty answer: the front door (added after this step when a
need has no help, or nothing fits) always remains. A question the kaart reads no need in keeps its word matches.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

TOP = 3  # the cards every reader sees (the page folds the weak tail behind "Meer resultaten tonen")


def without_filler(best: list[Any], weights: Mapping[str, float], groups: Any, ctx: Any) -> list[Any]:
    """`best` (Scored, in the order shown) with words-only cards and cards only for groups the question does not
    signal taken out of the first three, when needs were read: behind at least three cards with a reason they stay
    as the weak tail, else they go. A danger's help always stays."""
    if not weights or not best:
        return best
    signalled = groups.signalled(ctx) if groups is not None else frozenset()

    def filler(s: Any) -> bool:
        if s.top > 0:
            return False
        if s.fit <= 0:
            return True
        return groups is not None and bool(groups.for_others(s.cand, signalled))

    kept = [s for s in best if not filler(s)]
    if len(kept) < TOP:
        return kept
    return kept + [s for s in best if filler(s)]  # behind every card with a reason: the page's weak tail
