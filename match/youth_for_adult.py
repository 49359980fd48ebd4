"""No youth service for an adult who names no child (tester23 N-M; ADR 0180).

Why: "Mijn pinpas is gestolen en ik wil een nieuwe aanvragen. Wie helpt me met de bank bellen? Ik ben slechthorend."
got Jeugdgezondheidszorg "Helpt bij uw gezondheid in het algemeen" as card 4: a card an adult cannot use. The age
filter let it through because the service's doelgroepen hold "ouders" (no age: parents of any age) beside its youth
bands, and an adult writer without an age stated may be a parent; with one person in the question and a need in
common (health, through the parent domain) nothing ruled it out. But a parent's way in is for a question about a
child: when the page speaks to an adult ("u"), the question names no child (no age under 18, no child word read:
`ctx.parent`) and no need of growing up (`ctx.parenting`), a service whose ages are a child's only and whose one
adult way in is "ouders" is not shown when it serves none of the needs read itself (only through a domain: "uw
gezondheid in het algemeen"); a teenager without an age who asks about exam stress keeps the JGZ nurse, whose own
themes hold the stress. A danger's help (a crisis route) always stays. "Mijn zoon van 3 hoort slecht"
names a child and keeps JGZ.

Privacy: only the request's context is read.
"""

from __future__ import annotations

from typing import Any

PARENTS = "ouders"
ADULT = 18


def _youth_only(cand: Any) -> bool:
    """The service's ages are a child's only, and its one adult way in is the parent."""
    ages = cand.ages
    if PARENTS not in cand.doelgroepen or not ages:
        return False
    return all(hi is not None and hi < ADULT for _, hi in ages)


def no_youth_cards_for_an_adult(best: list[Any], ctx: Any, register: str) -> list[Any]:
    """`best` without youth-only services (through "ouders") that serve no need read directly, when the page
    speaks to an adult ("u") and the question names no child."""
    if register != "u" or ctx.parent or ctx.parenting or ctx.audience == "professional":
        return best
    if any(a < ADULT for a in (ctx.ages or ())):
        return best
    needs = set(ctx.weights)
    kept = [
        s for s in best if s.top > 0 or not _youth_only(s.cand) or (s.cand.central | s.cand.themes_up) & needs
    ]
    return kept if kept else best
