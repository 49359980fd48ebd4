"""A professional's consultation question that also names an everyday need: one route, then that need's help
(ADR 0143, helper safety14).

Why: on the professional page a doubt about safety raises the consultation level, and its three routes (the
aandachtsfunctionaris, Veilig Thuis for the lokale team, Veilig Thuis 0800-2000) filled the top 3. A question that
also asked who could help with the need itself ("wie kan ik inschakelen" for a mother low after a birth, a family
with debts) had that help out of view (tester13 class E, tester14 t14-21). Capping the routes at two and moving up
the best other fitting help put a wrong service into a held-out top 3 (ADR 0140). This rule is narrower: only a
service MADE for an everyday need the question names (the need, or a narrower one, is among its central themes;
not its leefgebied, not a service that merely touches it), of a fitting age, comes second, after the first route.
The other routes follow it. A question with only the doubt, or with a crisis level (112, 113), is left as it is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from match.consult_cue import consultation_needs_a_cue
from match.means_not_taken import means_not_taken
from match.words import fold

LEVEL = "consultatie"
ALLOWED = frozenset({LEVEL, "onveilig-thuis"})  # with 112 or 113 raised the routes for those stay on top
TOP = 3


def need_after_one_route(
    best: list[Any],
    ctx: Any,
    door: Any,
    ancestors: dict[str, set[str]],
    tokens: list[str],
    asks: tuple[str, ...],
) -> list[Any]:
    """`best` (Scored, in order) with the best service made for a named everyday need moved to place 2, when the
    professional's top 3 would be only the consultation routes and the question asks who can help
    (safety.yaml `need_after_route.asks`, in `tokens`: the folded words). Else `best` as it is."""
    levels = {lv.id for lv in ctx.safety.levels}
    if ctx.audience != "professional" or LEVEL not in levels or not levels <= ALLOWED or len(best) <= TOP:
        return best
    if not all(s.top > 0 for s in best[:TOP]):
        return best  # a non-route already stands in the top 3
    needs = set(door.main_needs(ctx.weights))
    if not needs or not _asks_for_help(tokens, asks):
        return best
    for n, s in enumerate(best[TOP:], start=TOP):
        if s.top > 0 or s.age_fit is False or not _made_for(s.cand, needs, ancestors):
            continue
        return [best[0], s, *best[1:n], *best[n + 1 :]]
    return best


def _asks_for_help(tokens: list[str], asks: tuple[str, ...]) -> bool:
    """The question asks who can help: one of `asks` (phrases) among the text's folded words."""
    text = f" {' '.join(tokens)} "
    return any(f" {' '.join(fold(w) for w in a.split())} " in text for a in asks)


def _made_for(cand: Any, needs: set[str], ancestors: dict[str, set[str]]) -> bool:
    """The service exists for one of the needs: it, or a narrower theme of it, is among its central themes."""
    return any(t in needs or needs & ancestors.get(t, set()) for t in cand.central)


def assess_keeping_consultation(
    assessor: Any, analysis: Any, weights: dict[str, float], audience: str, served: set[str]
) -> Any:
    """The safety levels of the question (`assessor.assess`), with a consultation question's all-clear read as
    the meldcode's frame (`consultation_despite_all_clear`, ADR 0163)."""
    means_not_taken(weights, analysis)  # pills kept for later are no act now: 113, not 112 (ADR 0179)
    before = dict(weights)
    safety = assessor.assess(analysis, weights, audience, served=served)
    safety = consultation_despite_all_clear(assessor, analysis, weights, audience, served, safety)
    return consultation_needs_a_cue(assessor, analysis, audience, safety, weights, before)  # ADR 0170


def consultation_despite_all_clear(
    assessor: Any, analysis: Any, weights: dict[str, float], audience: str, served: set[str], safety: Any
) -> Any:
    """A professional's concern told in words of its own ("signalen van kindermishandeling") with an all-clear
    ("maar geen acuut gevaar") and a question whom to consult is a consultation question (ADR 0163, tester18 B6):
    "no acute danger" is the meldcode's own frame, no denial of the concern. The safety levels read once more without
    the all-clear's denied hits; kept only when every level then raised is a professional's consultation (never 112,
    never a report) and the concern was affirmed. Else `safety` as it is. Changes `weights` in place when kept."""
    if safety.levels:
        return safety
    onto = assessor.onto
    clears = set(onto.safety.all_clear_themes)
    cleared = [h for h in analysis.hits if h.negated and h.theme_id in clears]
    concern = any(
        not h.negated and h.theme_id not in clears and getattr(onto.themes.get(h.theme_id), "signal", None)
        for h in analysis.hits
    )
    if not cleared or not concern:
        return safety
    again_weights = dict(weights)
    again = assessor.assess(
        replace(analysis, hits=[h for h in analysis.hits if h not in cleared]),
        again_weights,
        audience,
        served,
    )
    if not again.levels or not all(lv.professional_vermoeden for lv in again.levels):
        return safety
    weights.clear()
    weights.update(again_weights)
    return again
