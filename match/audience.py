"""Services for professionals only, as the matcher answers about them (docs/adr/0116-services-for-professionals-only.md).

A casusoverleg, a consultation line for the lokaal team or an aandachtsfunctionaris for colleagues is help a
professional brings a question to; a resident cannot go there. So:
- for the public audience (the site's search, `/api/v1/match`, the embed, `kaart match`) such a service is not
  ranked at all (`skip`): it is never a result a resident could take for a place to go;
- where one would have been among the best help (the top 3 the professional answer has), the resident's answer
  gets the front door of the kern in that place instead, with the honest line "… Dit loopt via uw hulpverlener
  of het lokale team" (ontology/publiek.yaml): never a dead end, and no claim that nothing fits;
- professionals get them as any other service, marked: the row field `professional_only: true` and the why-line
  starting "Voor professionals".
Never above the help for a danger: the line goes after the rows a safety level put on top.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from match.answer import Scored
from match.candidates import Candidate, distance
from match.select import select
from ontology.publiek import Publiek, load_publiek

TOP = 3  # the honest line only where the hidden service would have been among these (eval's useful@3)

Skip = Callable[[Candidate, Any], bool]


class ProfessionalOnly:
    """What the answer does with services for professionals only, per audience."""

    def __init__(self, answer: Any, publiek: Publiek | None = None) -> None:
        self.answer = answer  # match.answer.Answerer: result rows and the front door of a kern
        self.publiek = publiek or load_publiek()

    def skip(self, skips: Skip, audience: str) -> Skip:
        """The matcher's `_skips`, plus: a service for professionals only is not scored for a resident."""
        if audience == "professional":
            return skips
        return lambda cand, ctx: cand.professional_only or skips(cand, ctx)

    def finish(
        self, matcher: Any, results: list[dict[str, Any]], best: list[Scored], ctx: Any, limit: int
    ) -> list[dict[str, Any]]:
        """The answer rows for this audience: marked for professionals; for residents the front door with the honest
        line where a professionals-only service would have been among the best help."""
        if ctx.audience == "professional":
            return self._marked(results)
        hidden = self._best_hidden(matcher, ctx)
        if hidden is None:
            return results
        at = max(
            sum(1 for s in best if s.key() < hidden.key()),
            sum(1 for s in best if s.top > 0),  # the help for a danger stays first
        )
        ids = [sid for sid in self.answer._front_door_ids(ctx) if sid]
        if at >= TOP or not ids:
            return results
        there = [n for n, r in enumerate(results) if r["service_id"] in ids]
        if there and there[0] <= at and not self._unplaced(results[there[0]]):
            return results  # the door stands there already, with a line of its own (a need without help)
        at = min([at, *there])
        keep = [r for r in results if r["service_id"] not in ids]
        at = min(at, len(keep))
        score = keep[at - 1]["score"] if at > 0 else max([r["score"] for r in keep], default=0.0) + 0.001
        door = []
        for sid in ids:
            cand = self.answer.candidates[sid]
            entry = Scored(0, 0.0, cand, 0.0, [], distance(cand, ctx.place), None, False)
            row = self.answer.result(
                entry, replace(ctx, text_hits={})
            )  # where it is and the way in, no fit claimed
            row["why"] = " · ".join(p for p in [self._resident_why(ctx), *row["why"].split(" · ")] if p)
            row["score"] = round(score, 4)
            row["via_professional"] = (
                True  # an added field: this row stands in for help only professionals reach
            )
            door.append(row)
        return (keep[:at] + door + keep[at:])[: max(1, limit)]

    def _resident_why(self, ctx: Any) -> str:
        """publiek.yaml's line in the asker's register: a "je" page says "je vraag" (ADR 0140); a professional at
        work who asks on the public page (`child_speaker` None, match/voice.py) is the hulpverlener the line
        would send them to, so they hear where professionals find that help (tester14, ADR 0145)."""
        if ctx.child_speaker is None and self.publiek.professional_asker_why:
            return self.publiek.professional_asker_why
        return self.answer.words(ctx).lines.get("resident_why") or self.publiek.resident_why

    def _unplaced(self, row: dict[str, Any]) -> bool:
        """The front door as the answer to a question we could not place: we did place it, so say why."""
        cfg = self.answer.onto.matching
        return any(
            w and row.get("why", "").startswith(w)
            for w in (cfg.front_door_why, cfg.front_door_why_no_service)
        )

    def _best_hidden(self, matcher: Any, ctx: Any) -> Scored | None:
        """The best service for professionals only that fits this question (it exists for a main need, or is the
        help for a raised danger; the asker's age), scored as the professional answer scores it; None when the kaart has none or none fits. Costs nothing on
        a kaart without such services (the who-table says so before any row is read)."""
        cols = matcher.pool.snapshot()
        codes = [n for n, who in enumerate(cols.t.who.values) if who[-1]]
        if not codes:
            return None
        mask = np.isin(cols.col["who"], codes) & cols.alive
        if not mask.any():
            return None
        mask &= matcher._pool(ctx, cols)
        if not mask.any():
            return None
        scored, _ = select(cols, mask, ctx, matcher._score, matcher._skips, (), 5, 1)
        needs = matcher.door.main_needs(ctx.weights)  # exists for a main need, not a leefgebied it touches
        fits = [
            s
            for s in scored
            if (s.top > 0 or any(matcher.door.exists_for(s.cand, t) for t in needs))
            and s.age_fit is not False
        ]
        return min(fits, key=Scored.key, default=None)

    def _marked(self, results: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for row in results:
            cand = self.answer.candidates.get(row["service_id"])
            if cand is not None and cand.professional_only:
                row["professional_only"] = True
                why = self.publiek.professional_why
                row["why"] = f"{why} · {row['why']}" if row.get("why") else why
        return results
