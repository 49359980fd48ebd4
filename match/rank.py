"""Ranking rules that keep an answer honest about fit (docs/adr/0111-central-first-negation-and-a-door-per-need.md).

Why: a service that exists for the need must come before one that merely shares a word with the question; a need
the asker rules out ("geen geldzorgen") must not bring its services in through the back door of its leefgebied;
and a need that is recognised but that nobody on the kaart exists for (alcohol on a kaart without addiction care)
must not be answered silently with something else: the gemeente's front door takes its place, with an honest line.

- `ThemeFit`: the weighted coverage of the needs (exact > narrower > broader; central > derived > incidental),
  moved here from match/engine.py, with the negated needs blocked as a road to the broader leefgebied.
- `RankContext`: the per-request `Context` plus the negated needs (and everything under them).
- `fits_first`: found on words alone never ranks above a service that fits a recognised need, and a service that
  exists only for a negated need is not shown at all.
- `NeedDoor`: the needs no service on the kaart exists for (for this age), and the front door in their place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from match.answer import Context, Scored
from match.basic_need import door_first
from match.candidates import Candidate, age_fit, distance
from match.groups import GroupRules, group_rules
from match.needfit import NAMED_CONDITIONS
from match.words import word_set

_EMPTY: frozenset[str] = frozenset()
# Theme fit of a service that is in the need's leefgebied only for another specific need of it (ADR 0102).
W_SIBLING = 0.3
# A score no shown result has: a service that exists only for a need the asker ruled out.
DROPPED = -1.0
TOP = 3  # the door for an uncovered need always lands in the top 3
# A need counts as a main need of the question at this share of the heaviest (needfit.CENTRAL_SHARE).
MAIN_SHARE = 0.75
OWN_HELP = word_set("own-help-themes")  # a need only help made for it serves (ADR 0138)
FEW_AREAS = 2  # a service for more leefgebieden than this (a brede intake) exists for none in particular


@dataclass
class RankContext(Context):
    """`Context` plus what the asker ruled out: the negated needs and every theme under them."""

    negated: frozenset[str] = _EMPTY
    named_groups: frozenset[str] = _EMPTY  # doelgroepen the text names, not those a need implies (ADR 0115)


def negated_needs(
    hits: Any, weights: Mapping[str, float], children: Mapping[str, set[str]]
) -> frozenset[str]:
    """The needs mentioned only negated ("geen geldzorgen, maar ..."), with every narrower theme: a need affirmed
    elsewhere in the question is not ruled out."""
    out: set[str] = set()
    stack = [h.theme_id for h in hits if h.negated and h.theme_id not in weights]
    while stack:
        tid = stack.pop()
        if tid not in out and tid not in weights:
            out.add(tid)
            stack.extend(children.get(tid, ()))
    return frozenset(out)


def children_of(parents: Mapping[str, tuple[str, ...]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for tid, ups in parents.items():
        for p in ups:
            out.setdefault(p, set()).add(tid)
    return out


class ThemeFit:
    """How well a service's themes cover the needs read (weights per need, summing to `total`)."""

    def __init__(
        self,
        ancestors: Mapping[str, set[str]],
        parents: Mapping[str, tuple[str, ...]],
        incidental_weight: float,
        derived_incidental_weight: float,
        served_by: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.ancestors = ancestors
        self.parents = parents
        self.inc = incidental_weight
        self.inc_derived = derived_incidental_weight
        self.served_by = served_by or {}  # matching.yaml: schulden help for a rent arrears

    def fit(
        self, cand: Candidate, weights: Mapping[str, float], total: float, blocked: frozenset[str] = _EMPTY
    ) -> tuple[float, list[str]]:
        """Weighted coverage of the detected needs: exact 1.0, narrower (or `served_by`) 0.75, broader 0.45;
        derived × 0.8;
        a theme the service merely touches × incidental_weight (matching.yaml). A leefgebied the asker ruled out
        (`blocked`: "geen geldzorgen, maar de post...") is no road to broader help: only services for the need
        itself (post) fit."""
        got = 0.0
        matched: list[str] = []
        # A guess from the name counts less than a curated `thema-bijzaak`.
        inc = self.inc_derived if cand.incidental_derived else self.inc
        central = cand.central
        direct = not central.isdisjoint(weights)  # the service exists for one of the needs named
        for tid, w in weights.items():
            anc = self.ancestors.get(tid, _EMPTY)
            if blocked:
                anc = anc - blocked
            best = max(
                1.0 if tid in central else 0.0,
                0.8 if tid in cand.suggested else 0.0,
                0.75 if tid in cand.themes_up else 0.0,  # the service is about something narrower
                0.75
                if not central.isdisjoint(self.served_by.get(tid, ()))
                else 0.0,  # its help is the need's
                0.6 if tid in cand.suggested_up else 0.0,
                self._broad(central, anc, tid, direct),  # the service covers the broader leefgebied
                inc if tid in cand.incidental else 0.0,
                0.36 if cand.suggested & anc else 0.0,
                0.75 * inc if tid in cand.incidental_up else 0.0,
                0.45 * inc if cand.incidental & anc else 0.0,
            )
            if best == 0.0:
                continue
            matched.append(tid)
            got += w * best
        return got / total, matched

    def _broad(self, central: frozenset[str], anc: Any, tid: str, direct: bool) -> float:
        """A service about the leefgebied of the need: 0.45; but a service that is in that leefgebied only for
        one other specific need of it (levensvragen, rouw, for a psychosis; passend onderwijs for bullying) and
        for none of the needs named: W_SIBLING (ADR 0102). A service for several needs of the leefgebied (the POH:
        psychische klachten and crisis) or for both leefgebieden of the need (JGZ for zwangerschap) is broad help."""
        shared = central & anc
        if not shared:
            return 0.0
        if direct or len(shared) > 1:
            return 0.45
        siblings = [c for c in central if c != tid and shared.intersection(self.parents.get(c, ()))]
        return W_SIBLING if len(siblings) == 1 else 0.45


def only_for_negated(
    cand: Candidate, weights: Mapping[str, float], negated: frozenset[str], parents: Any
) -> bool:
    """The service exists only for needs the asker ruled out (its specific themes, else its leefgebieden, all
    negated) and for none of the needs affirmed: "geen geldzorgen" shows no schuldhulp, also not on words."""
    if not negated:
        return False
    own = cand.central | cand.suggested
    specific = {t for t in own if parents.get(t)} or own
    if not specific or not specific <= negated:
        return False
    return not any(
        t in own or t in cand.themes_up or t in cand.suggested_up for t in weights
    )  # it exists for an affirmed need too: it stays


def fits_first(
    best: list[Scored],
    ctx: Context,
    ancestors: Mapping[str, set[str]] | None = None,
    exists_for: Callable[[Candidate, str], bool] | None = None,
    groups: GroupRules | None = None,
) -> list[Scored]:
    """Needs recognised: the help for a danger first, then the services that fit a need, then those found on
    words alone; in the order the scores gave within each. Among the fits, a service that merely touches every
    need it matched (a curated `thema-bijzaak`: a welcome talk that touches loneliness) comes after the others
    when one of them exists for such a need; when none does, the touch is the best the kaart has and keeps its
    place. A service dropped for a negated need goes. With `groups` (match/groups.py, ADR 0115): a service for a
    specific group the question signals ("we zijn net komen wonen") leads the fits; one for groups it does not
    signal comes after every fit for everyone (when there is one), and after the words-only matches for everyone."""
    kept = [s for s in best if s.score > DROPPED or s.top > 0]
    signalled = groups.signalled(ctx) if groups is not None else _EMPTY

    def own(s: Scored) -> bool:  # with needs read it must fit one; on words alone its words count
        if groups is None:
            return False
        return (s.fit > 0 or (not ctx.weights and s.cand.id in ctx.text_hits)) and groups.leads(s.cand, ctx)

    def other(s: Scored) -> bool:
        return groups is not None and s.top <= 0 and bool(groups.for_others(s.cand, signalled))

    if not ctx.weights:  # words alone: the signalled group's services first, other groups' last
        if groups is None:
            return kept
        return sorted(kept, key=lambda s: (s.top <= 0, 0 if own(s) else 2 if other(s) else 1))
    served: set[str] = set()
    if ancestors is not None and exists_for is not None:
        served = {t for s in kept if s.fit > 0 for t in s.matched if exists_for(s.cand, t)}

    def tier(s: Scored) -> int:
        if s.top > 0:
            return 0
        if s.fit <= 0:
            return 3
        touch = served and ancestors is not None and touches_only(s.cand, s.matched, ancestors)
        return 2 if touch and served.intersection(s.matched) else 1

    tiers = {id(s): tier(s) for s in kept}
    others = {id(s) for s in kept if other(s)}
    fit_for_all = any(tiers[id(s)] in (1, 2) and id(s) not in others for s in kept)

    def key(s: Scored) -> tuple[int, int]:
        t = tiers[id(s)]
        if t == 0:
            return (0, 0)
        if id(s) in others:
            return (2, 2) if fit_for_all and t < 3 else (t, 2)
        if own(s):
            return (1, 0)
        return (t, 1)

    return sorted(kept, key=key)  # stable: the score order within a tier


def touches_only(cand: Candidate, matched: list[str], ancestors: Mapping[str, set[str]]) -> bool:
    """Curated data says the service merely touches every need it matched (none is, or is under, or is the area
    of, one of its own themes). A guess from the name (imports) is not enough to move it down."""
    if cand.incidental_derived or not cand.incidental:
        return False
    own = cand.central | cand.suggested
    return all(
        t not in own
        and t not in cand.themes_up
        and t not in cand.suggested_up
        and own.isdisjoint(ancestors.get(t, _EMPTY))
        for t in matched
    )


class NeedDoor:
    """Per need, never a dead end: a main need of the question that no service on the kaart exists for (for the
    asker's age) gets the gemeente's front door in its place, with the line "Voor <need> staat nog geen aanbod in
    de kaart; hier helpen ze u verder". First when no other main need is served; else right after the services
    that exist for the needs that are (always in the top 3)."""

    def __init__(
        self, onto: Any, ancestors: Mapping[str, set[str]], roots: frozenset[str], answer: Any
    ) -> None:
        self.onto = onto
        self.ancestors = ancestors
        self.roots = roots
        self.answer = answer
        self.groups = group_rules(onto)  # services for a specific group (match/groups.py, ADR 0115)

    def main_needs(self, weights: Mapping[str, float]) -> list[str]:
        """The needs that carry the question: no danger (safety orders those), no leefgebied next to its own
        specific need, at least MAIN_SHARE of the heaviest (the youth domain added at half weight is not)."""
        if not weights:
            return []
        heaviest = max(weights.values())
        themes = self.onto.themes
        return [
            t
            for t, w in weights.items()
            if w >= MAIN_SHARE * heaviest
            and t in themes
            and not themes[t].signal
            and not any(t in self.ancestors.get(o, ()) for o in weights if o != t)
        ]

    def exists_for(self, cand: Candidate, need: str) -> bool:
        """The service exists for the need, a narrower one, or the specific need above it (not only for its
        leefgebied, and not merely touching it)."""
        own = cand.central | cand.suggested
        if need in own or need in cand.themes_up or need in cand.suggested_up:
            return True
        if not own.isdisjoint(self.onto.matching.served_by.get(need, ())):
            return True  # matching.yaml `served_by`: schulden help for a rent arrears
        anc = self.ancestors.get(need, _EMPTY)
        # help across every area of the need (OT op school for pesten: school and growing up) is help for it
        if own & (anc - self.roots) or len(own & anc) > 1:
            return True
        # a service for the whole leefgebied of the need (OT op school for spijbelen), one of few leefgebieden
        # and with no specific need of that leefgebied of its own: not the POH (psychische klachten) for alcohol,
        # not the brede intake (every leefgebied)
        areas = own & self.roots
        if (
            len(areas) > FEW_AREAS or need in NAMED_CONDITIONS | OWN_HELP
        ):  # NAH, buurtbemiddeling: help for it
            return False
        return any(
            not any(area in self.ancestors.get(t, _EMPTY) for t in own - self.roots) for area in areas & anc
        )

    def uncovered(
        self, cols: Any, ctx: Context, skip: Callable[[Candidate, Any], bool]
    ) -> tuple[list[str], set[str]]:
        """(the main needs no live, active service on the kaart exists for, those of them that have services
        only for other ages). Services for danger alone do not count. Reads the posting lists and one
        representative per group of services (match/pool.py): a few lookups, also at national size."""
        out: list[str] = []
        other_ages: set[str] = set()
        signalled = self.groups.signalled(ctx)  # a service for a group the asker is not in serves no need
        for need in self.main_needs(ctx.weights):
            mask = cols.empty()
            cols.mark(mask, "theme", need)
            for anc in self.ancestors.get(need, _EMPTY) | set(self.onto.matching.served_by.get(need, ())):
                cols.mark(mask, "exact", anc)
            rows = np.flatnonzero(mask & cols.alive)
            groups = np.unique(cols.col["group"][rows]).tolist() if len(rows) else []
            reps = [cols.representative(int(g)) for g in groups]
            serving = [
                r
                for r in reps
                if self._serves(r, need, ctx, skip) and not self.groups.for_others(r, signalled)
            ]
            if not any(age_fit(r, ctx.ages, ctx.parent, (need,)) is not False for r in serving):
                out.append(need)
                if serving:
                    other_ages.add(need)
        return out, other_ages

    def _serves(
        self, rep: Candidate, need: str, ctx: Context, skip: Callable[[Candidate, Any], bool]
    ) -> bool:
        return (
            rep.status == "active"
            and rep.niveau != "crisis"
            and not skip(rep, ctx)
            and self.exists_for(rep, need)
        )

    def slot(self, best: list[Scored], covered: list[str], uncovered: list[str], door: list[str]) -> int:
        """Where the door goes: after the leading results that exist for a need that is served, or whose curated
        data says they touch a need that is not (an activity centre for "iets zinvols overdag": the best the kaart
        has for it, weaker than help made for it), at most TOP-1."""
        n = 0
        for s in [s for s in best if s.cand.id not in door][: TOP - 1]:  # the door itself moves
            touches = not s.cand.incidental_derived and not s.cand.incidental.isdisjoint(uncovered)
            if not (s.top > 0 or touches or any(self.exists_for(s.cand, need) for need in covered)):
                break
            n += 1
        return n

    def why(self, uncovered: list[str], other_ages: set[str], ctx: Context) -> str:
        """The honest line (matching.yaml `front_door_why_uncovered*`): the needs in B1 words for residents,
        their labels for professionals; "voor deze leeftijd" when the kaart has help for them for other ages.
        A child asking reads it in its own register (labels-inwoner.yaml `registers.je.lines.door_uncovered`)."""
        cfg = self.onto.matching
        themes = self.onto.themes
        if ctx.audience == "professional":
            names = [_in_line(themes[t].label) for t in uncovered]
            template = cfg.front_door_why_uncovered_professional
        else:
            words = self.answer.words(ctx)
            names = [words.theme(t, themes[t].label) for t in uncovered]
            template = words.lines.get("door_uncovered") or cfg.front_door_why_uncovered
        age = cfg.uncovered_for_age if set(uncovered) <= other_ages else ""
        return template.format(need=" en ".join(names[:2]), age=age) if template else ""

    def insert(
        self,
        results: list[dict[str, Any]],
        best: list[Scored],
        ctx: Context,
        uncovered: list[str],
        other_ages: set[str],
        limit: int,
    ) -> tuple[list[dict[str, Any]], list[str]]:
        """(the answer with the front door in the place of the uncovered needs, with the honest line; moved there
        when it is further down already, never twice; the door's ids as shown)."""
        why = self.why(uncovered, other_ages, ctx)
        ids = [sid for sid in self.answer._front_door_ids(ctx) if sid]
        if not why or not ids:
            return results, []
        covered = [t for t in self.main_needs(ctx.weights) if t not in uncovered]
        at = 0 if door_first(uncovered) else self.slot(best, covered, uncovered, ids)  # ADR 0171
        door = []
        for sid in ids:
            cand = self.answer.candidates[sid]
            # its row without a claim of fit (no "in het algemeen", no "gevonden met woorden"): where it is and
            # the way in
            entry = Scored(0, 0.0, cand, 0.0, [], distance(cand, ctx.place), None, False)
            row = self.answer.result(entry, replace(ctx, text_hits={}))
            row["why"] = " · ".join(p for p in [why, *row["why"].split(" · ")] if p)
            door.append(row)
        keep = [r for r in results if r["service_id"] not in ids]
        at = min(at, len(keep))
        score = keep[at - 1]["score"] if at > 0 else max([r["score"] for r in keep], default=0.0) + 0.001
        for row in door:
            row["score"] = round(score, 4)
        out = (keep[:at] + door + keep[at:])[: max(1, limit)]
        return out, [r["service_id"] for r in out if r["service_id"] in ids]


def _in_line(label: str) -> str:
    """A theme label inside a sentence: only its first letter lower-case, unless it starts with an
    abbreviation ("NAH", "LVB")."""
    first = label.split(" ", 1)[0]
    return label if first.isupper() and len(first) > 1 else label[:1].lower() + label[1:]
