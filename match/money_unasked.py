"""No money cards for a question about post, forms or a login when no money trouble is told (tester23 N-E, N-M;
ADR 0180).

Why: "Ik ben 82 en kan mijn post niet meer goed lezen. Wie leest mijn brieven voor en helpt met antwoorden?" read
help with post and forms (administratie) rightly, and the Sociaal raadslid came first; but cards 2-4 were Financiële
ondersteuning, Bijzondere bijstand and Schuldhulpverlening: administratie sits under financien, and every service for
a money need shares that domain, or is tagged with the post help as one of its tasks. "Hoe kan ik mijn toeslagen zien
in de app van de Belastingdienst?" likewise got Bijzondere bijstand as card 2. Help with the post, a form, a login or a
call is no money trouble unless the question tells one. So when the needs read are only such help (words.yaml
`lay23.money_unasked.paper_needs`) and none of the money troubles (`money_needs`: debts, poverty, money at large) is
read, a card whose own themes hold a money trouble goes behind every other card with a reason (kept, in the weak tail
the page folds away); with three or fewer other cards they are not shown (better fewer cards), with none
nothing moves. The debt twin ("ik krijg steeds aanmaningen en
kan de rekeningen niet betalen") reads debts and keeps the debt help first.

The themes are data; this module knows no word. Privacy: only theme ids are read.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from match.words import _data

TOP = 3


@cache
def _conf() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(paper needs, money needs read in the question, money troubles a card may serve) of `lay23.money_unasked`."""
    c = dict(dict(_data().get("lay23") or {}).get("money_unasked") or {})
    return (
        frozenset(c.get("paper_needs") or ()),
        frozenset(c.get("money_needs") or ()),
        frozenset(c.get("card_money_themes") or ()),
    )


def money_cards_behind(best: list[Any], weights: Mapping[str, float]) -> list[Any]:
    """`best` (Scored, in the order shown) with the money-trouble cards behind the other cards with a reason, when
    the question reads only help with post, forms, a login or a call and no money trouble. A danger's help stays."""
    paper, money, card_money = _conf()
    needs = set(weights)
    if not best or not paper or not needs & paper or needs & money:
        return best

    def money_card(s: Any) -> bool:
        return s.top <= 0 and bool(set(s.cand.central) & card_money)

    kept = [s for s in best if not money_card(s)]
    with_reason = sum(1 for s in kept if s.fit > 0)  # a words-only card is no reason (match/filler.py, next)
    if not with_reason:
        return best
    if with_reason <= TOP:
        return kept  # better fewer cards than money help for a letter (the front door stays, ADR 0174)
    return kept + [s for s in best if money_card(s)]
