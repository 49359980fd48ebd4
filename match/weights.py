"""How much each need found in a hulpvraag counts before ranking (moved out of match/engine.py, which keeps the
order of the steps): the narrower of two overlapping themes, a negation that wins over a shared phrase, a need
that only shows how a danger shows, the jeugd domain next to a minor's needs, a danger long over, and needs that
show only together (caregiver overload). Each step changes the weights in place; nothing here ranks services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from match.clauses import OVER_WEIGHT
from match.frames import past_steps_back
from match.nlp import Analysis, ThemeHit
from match.safety import Safety

# For a minor in need, the jeugd domain is the broad leefgebied of every need: its weight next to the needs named.
W_YOUTH_DOMAIN = 0.5
YOUTH_DOMAIN = "opvoeden-opgroeien"


class NeedWeights:
    """The weight steps, for one ontology and its theme tree (`ancestors`: theme id -> every broader theme)."""

    def __init__(self, onto: Any, ancestors: dict[str, set[str]]) -> None:
        self.onto = onto
        self._ancestors = ancestors

    def negation_wins(self, analysis: Analysis, hits: dict[str, ThemeHit]) -> dict[str, ThemeHit]:
        """A need the asker rules out ("geen schulden, maar ik kom niet rond") is not brought back by a phrase
        that also means something else: drop it when all its affirmed mentions are shared with another theme."""
        negated = {h.theme_id for h in analysis.hits if h.negated}
        if not negated:
            return hits
        spans: dict[tuple[int, int], set[str]] = {}
        for h in analysis.hits:
            if not h.negated:
                spans.setdefault((h.start, h.end), set()).add(h.theme_id)
        out = {}
        for tid, hit in hits.items():
            if tid in negated:
                own = [k for k, ids in spans.items() if tid in ids]
                if own and all(len(spans[k]) > 1 for k in own):
                    continue
            out[tid] = hit
        return out

    def weights(self, hits: dict[str, ThemeHit], themes_override: list[str] | None) -> dict[str, float]:
        """Detected needs and how sure we are of each (uncertain 0.6, past 0.8); negated ones are not here."""
        if themes_override is not None:
            return {t: 1.0 for t in themes_override if t in self.onto.themes}
        return {tid: 0.6 if hit.uncertain else 0.8 if hit.historical else 1.0 for tid, hit in hits.items()}

    def danger_context(self, analysis: Analysis, weights: dict[str, float]) -> None:
        """A need whose every mention lies inside an affirmed mention of a danger counts
        `danger_context_weight` (matching.yaml): it is how the danger shows. Changes `weights` in place."""
        factor = self.onto.matching.danger_context_weight
        danger = [
            h
            for h in analysis.hits
            if not h.negated and getattr(self.onto.themes.get(h.theme_id), "signal", None)
        ]
        if factor >= 1.0 or not danger:
            return
        for tid in weights:
            if getattr(self.onto.themes.get(tid), "signal", None):
                continue
            mentions = [h for h in analysis.hits if h.theme_id == tid and not h.negated]
            if mentions and all(any(d.start <= h.start and h.end <= d.end for d in danger) for h in mentions):
                weights[tid] *= factor

    def youth_domain(self, analysis: Analysis, weights: dict[str, float]) -> None:
        """A minor in need (every age in the text under 18: "ik ben 13", "dochter van 16"): the services for
        growing up (the jeugd domain, W_YOUTH_DOMAIN) count next to the needs named, so a grieving 13-year-old
        finds the youth team and not only adult help that the age excludes (ADR 0102). Not next to a danger, whose
        help comes first anyway, nor when a need of that domain is named already."""
        if (
            not weights
            or not analysis.ages
            or max(analysis.ages) >= 18
            or getattr(analysis.ages, "guessed", False)  # a young writer guessed from words (ADR 0131)
            or YOUTH_DOMAIN not in self.onto.themes
        ):
            return
        if any(self.under(t, {YOUTH_DOMAIN}) or self.onto.themes[t].signal for t in weights):
            return
        weights[YOUTH_DOMAIN] = W_YOUTH_DOMAIN

    def past_danger(
        self, analysis: Analysis, weights: dict[str, float], safety: Safety, present: Callable[..., Any]
    ) -> None:
        """A danger that is long over and raised no safety level ("vroeger sloeg mijn ex me, dat is al tien jaar
        voorbij") is the background of the question, not its need: it counts `danger_context_weight`, and nothing
        when the question names a need of its own ("… nu wil ik praten met andere ouders over opvoeden": the police
        and the safety team are no answer to it; ADR 0101)."""
        factor = self.onto.matching.danger_context_weight
        themes = self.onto.themes
        past = set()
        for tid in weights:
            if tid in safety.danger or not getattr(themes.get(tid), "signal", None):
                continue
            mentions = [h for h in analysis.hits if h.theme_id == tid and not h.negated]
            if mentions and all(h.historical for h in mentions):
                past.add(tid)
        own_need = any(w >= 0.5 and not getattr(themes.get(t), "signal", None) for t, w in weights.items())
        own_need = own_need or past_steps_back(analysis, past, present)  # ADR 0119
        for tid in past:
            if own_need:
                del weights[tid]
            else:
                weights[tid] *= factor

    def under(self, tid: str, roots: set[str]) -> bool:
        return tid in roots or bool(self._ancestors.get(tid, set()) & roots)

    def combinations(self, hits: dict[str, ThemeHit], weights: dict[str, float], asker: bool) -> set[str]:
        """Needs that show only together (matching.yaml `combinations`): caregiver overload told as "mijn moeder
        heeft dementie en ik ben op". The asker's own part needs the asker in the text ("ik", "me"): "mijn vrouw
        is angstig en huilt de hele dag" is the wife's need, not caregiver overload. Changes `weights` in place;
        returns doelgroepen it implies."""
        groups: set[str] = set()
        for combo in self.onto.matching.combinations:
            own = {t for t, h in hits.items() if asker and not h.other_person and t in combo.self_themes}
            own = {
                t for t in own if weights.get(t, 1.0) > OVER_WEIGHT
            }  # not a complaint that is over (ADR 0147)
            roots = set(combo.other_themes)
            others = {
                t
                for t, h in hits.items()
                if t not in own and t != combo.adds and t not in combo.other_except and self.under(t, roots)
            }
            close = {t for t in others if hits[t].other_person}
            if not own or not (close or combo.adds in weights) or combo.adds not in self.onto.themes:
                continue
            weights[combo.adds] = max(weights.get(combo.adds, 0.0), 1.0)
            for t in own & set(combo.demote):
                weights[t] *= combo.demote_weight
            for t in (
                others & weights.keys()
            ):  # a hit the weights already dropped stays dropped ("18 maanden")
                weights[t] *= combo.other_weight
            if combo.doelgroep:
                groups.add(combo.doelgroep)
        return groups

    def specific(self, hits: dict[str, Any]) -> dict[str, Any]:
        """Drop a theme whose mention overlaps a mention of a narrower theme ("geen woning": dakloosheid, not
        also huisvesting); the narrower theme already reaches services of the broader one."""
        out = {}
        for tid, hit in hits.items():
            subsumed = any(
                tid in self._ancestors.get(other, ()) and o.start < hit.end and hit.start < o.end
                for other, o in hits.items()
                if other != tid
            )
            if not subsumed:
                out[tid] = hit
        return out
