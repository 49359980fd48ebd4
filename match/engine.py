"""Wie kan hier helpen: from a hulpvraag to ranked services, the answer of `kaart match` and /api/v1/match.

Ranking, in order of weight (see docs/adr/0003-ranking.md and 0031-proportionate-safety-and-fit.md):
0. Doelgroep: a service whose ages exclude the asker's is no fit (professionals see it apart, labelled).
1. Veiligheid voorop, proportionate: the safety level of the danger (ontology/safety.yaml) puts the help for
   that danger on top: 112 only for acute danger, 113 only for suicidal thoughts, Veilig Thuis for geweld thuis.
2. Theme fit: services about the detected themes (exact > narrower > broader; central > derived > incidental).
3. Text relevance: BM25 over name, description, organisation and theme words (whoosh), negated needs left out.
4. Niveau: for the same need the lightest adequate help first (vrij-toegankelijk → … → specialistisch).
5. Distance to the place in the field or the text, and how recently the entry was verified.
Never a dead end: when nothing fits, the front door of the gemeente (ontology/gemeenten/*.yaml) comes first.

Modules: match.weights (how much each need counts), match.answer (result rows, why-lines, the front door), match.candidates (the snapshot of each service: ages, central themes, safety routes), match.safety
(safety levels), match.places (the place field and the text), match.nlp and match.compounds (Dutch analysis).
The candidate data (themes, niveau, ages, coordinates) is a per-process copy of the graph, loaded once and then
kept current service by service from the graph's change sequence (graph/changes.py); the graph stays the source
of truth. The hulpvraag itself is never logged or stored.
"""

from __future__ import annotations

import heapq
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from graph.errors import GraphError
from graph.models import STALE_AFTER_DAYS
from graph.search import MatchData
from graph.store import GraphStore
from match.acute_body import bodily_emergency
from match.after_crisis import settle_needs
from match.answer import Answerer, Context, Scored
from match.asked_need import weigh_the_ask
from match.audience import ProfessionalOnly
from match.candidates import Candidate, CandidateBuilder, age_fit, distance, freshness
from match.carer import carer_and_cared_for, carer_from_situation, door_gaps, together
from match.child_reach import child_reach
from match.consult_need import assess_keeping_consultation, need_after_one_route
from match.groups import name_the_group
from match.help_had import had_only
from match.index import GraphSearchIndex, SearchIndex
from match.kern_note import nearest_help_note
from match.language import hardly_dutch
from match.lighter import lighter_first
from match.live import POLL_SECONDS, LiveData
from match.needfit import (
    asked_first,
    below_denied,
    central_needs,
    denied_stems,
    diversify,
    minor_reads_school,
    other_condition,
    other_needs_first,
    other_side,
)
from match.nlp import CHILD_WORDS, Analysis, Analyzer
from match.own_cause import consequence_gives_way
from match.persons import asker_speaks as _asker_speaks
from match.persons import fits_nobody as _fits_nobody
from match.persons import names_own_parent as _names_own_parent
from match.persons import persons_in_question, youth_in_passing
from match.places import Place, resolve_place, without_places
from match.pool import CandidatePool, Columns
from match.rank import (
    DROPPED,
    NeedDoor,
    RankContext,
    ThemeFit,
    children_of,
    fits_first,
    negated_needs,
    only_for_negated,
)
from match.register25_unsure import age_untold
from match.relief import relief
from match.roof_after_crisis import roof_after_crisis
from match.safety import Safety, SafetyAssessor
from match.safety_wandering import wander_note
from match.safety_youth_route import minor_consultation, youth_first, youth_weights
from match.school_setting import everyday_need_first
from match.select import K_RESULTS, select
from match.setting_words import setting_is_no_need
from match.shown import cards_shown
from match.statuses import StatusEffects
from match.story import weigh_story
from match.themeclf import MODEL_WHY, W_MODEL, model_for, model_themes
from match.weights import W_YOUTH_DOMAIN, YOUTH_DOMAIN, NeedWeights
from match.whose_need import for_the_people_in_need, settle_persons
from match.why_once import tidy_whys
from match.wordhits import model_text, need_word_hits
from match.young_door import young_door_after_youth_help, youth_walk_in_after_door
from match.youth_domain import named_needs_first, young_asker

log = logging.getLogger(__name__)

W_THEME, W_NIVEAU, W_TEXT, W_DISTANCE, W_FRESH, W_GROUP = 0.55, 0.20, 0.12, 0.07, 0.03, 0.03
# A service for children or young people only, when nobody in the question can be young: after the others.
W_NOT_FOR_ADULTS = 0.06
_EMPTY: frozenset[str] = frozenset()
MAX_EXCLUDED = 10
# A place known: services further than this (by their nearest location) are not scored, when enough are nearer.
REACH_KM, REACH_MIN_POOL = 30.0, 50

# A postcode lookup: postcode -> (label, lat, lon), or None when it cannot be found (or no lookup is possible).
PostcodeLookup = Callable[[str], "tuple[str, float, float] | None"]


@dataclass
class MatchResult:
    themes: list[dict[str, str]]
    signals: dict[str, bool]
    place: dict[str, Any] | None
    results: list[dict[str, Any]]
    timings: dict[str, float] = field(default_factory=dict)
    notice: str | None = None
    place_source: str | None = None  # "veld" (the place field), "tekst" (named in the question) or None
    messages: list[str] = field(
        default_factory=list
    )  # Dutch, for the asker (unknown place, which place used)
    front_door: bool = False  # nothing fitted: the first result is the gemeente's front door
    # main needs no service exists for, and the rows that are the door for them (match/rank.py)
    uncovered: list[str] = field(default_factory=list)
    door_ids: list[str] = field(default_factory=list)
    excluded: list[dict[str, Any]] = field(default_factory=list)  # professional: not for this age
    safety_levels: list[str] = field(default_factory=list)
    register: str = "u"  # how the resident page addresses the asker: "je" for a child or teenager (ADR 0121)
    box_writer: str = (
        ""  # "kind": a child hit at home, in a child's words; "volwassene"; "": the register (0154)
    )
    age_untold: bool = False  # nothing tells the writer's age: the box speaks to both (ADR 0189)

    def as_contract(self) -> dict[str, Any]:
        """The shape of the contract in BRIEF.md, plus `place_source` and `messages` (added fields)."""
        return {
            "themes": self.themes,
            "signals": self.signals,
            "place": self.place,
            "results": self.results,
            "place_source": self.place_source,
            "messages": self.messages,
        }


class Matcher:
    def __init__(
        self,
        store: GraphStore,
        index_dir: Path,
        ontology: Any = None,
        places: list[Any] | None = None,
        postcode_lookup: PostcodeLookup | None = None,
        profile: Any = None,
        stale_after_days: int = STALE_AFTER_DAYS,
        poll_seconds: float = POLL_SECONDS,
        search_backend: str = "whoosh",
        follow: bool = False,
    ) -> None:
        from ontology import load_gazetteer, load_ontology
        from ontology.gemeente import load_profile

        self.store = store
        self.index_dir = Path(index_dir)
        self.onto = ontology or load_ontology()
        self.profile = profile or load_profile()
        self.statuses = StatusEffects(store)  # temporary status: decided per request (match/statuses.py)
        self.postcode_lookup = postcode_lookup
        self._places = places if places is not None else load_gazetteer()
        self._kern_names: set[str] = set()
        self.analyzer: Analyzer | None = None
        self._parents = {t.id: tuple(getattr(t, "parents", ()) or ()) for t in self.onto.themes.values()}
        self._ancestors = {tid: self._walk_up(tid) for tid in self._parents}
        self._roots = frozenset(t for t, up in self._parents.items() if not up)  # the leefgebieden
        cfg = self.onto.matching
        self.fit = ThemeFit(
            self._ancestors,
            self._parents,
            cfg.incidental_weight,
            cfg.derived_incidental_weight,
            cfg.served_by,
        )
        self._children = children_of(self._parents)
        self.needs = NeedWeights(self.onto, self._ancestors)  # how much each need counts (match/weights.py)
        self._stale_days = stale_after_days  # the setting KAART_STALE_AFTER_DAYS, passed by the web layer
        self._specialist_cues = set(cfg.specialist_cues)
        self._levels = self.onto.safety.levels
        self.safety = SafetyAssessor(self.onto, self._ancestors)
        self.builder = CandidateBuilder(self.onto, self._parents, self._ancestors, self.safety)
        self.pool = CandidatePool(self.builder, self._ancestors)
        self.answer = Answerer(
            self.onto, self.profile, self.statuses, self.pool, self._parents, self._ancestors
        )
        self.theme_model = model_for(self.onto)  # words where no phrase fits (ADR 0112); None switches it off
        self.door = NeedDoor(self.onto, self._ancestors, self._roots, self.answer)  # per need (match/rank.py)
        self.pro_only = ProfessionalOnly(self.answer)  # services for professionals only (match/audience.py)
        self.live = LiveData(
            store, index_dir, self.pool, self.onto, search_backend=search_backend, poll_seconds=poll_seconds,
            follow=follow,  # a web worker: changes applied by a follower thread, not in requests (match/live.py)
        )  # fmt: skip
        self.refresh()

    def close(self) -> None:
        """Stop following the graph's changes (the store is about to be closed)."""
        self.live.stop()

    # -- data --------------------------------------------------------------------------------------------

    def _walk_up(self, tid: str) -> set[str]:
        seen: set[str] = set()
        stack = list(self._parents.get(tid, ()))
        while stack:
            p = stack.pop()
            if p not in seen:
                seen.add(p)
                stack.extend(self._parents.get(p, ()))
        return seen

    def refresh(self, force: bool = False) -> None:
        """Load the index and the candidates on first use or after a rebuild (a new index generation); else,
        at most every `poll_seconds`, apply what changed in the graph since (match/live.py)."""
        self.live.refresh(force, self.analyzer is not None, self._on_open)

    def _on_open(self, data: MatchData, force: bool) -> None:
        self._kern_names = {r["name"] for r in data.kernen()}
        if self.analyzer is None or force:
            self.analyzer = Analyzer(self.onto, self._places, data_places=self._kern_names)

    @property
    def index(self) -> SearchIndex | GraphSearchIndex | None:
        return self.live.index

    @property
    def candidates(self) -> Mapping[str, Candidate]:
        """Service id -> Candidate, made on access from the columns (match/pool.py)."""
        return self.pool.by_id

    @property
    def _by_route(self) -> frozenset[str]:
        """The safety levels some service on this kaart is the help for."""
        return self.pool.served_routes()

    # -- matching ------------------------------------------------------------------------------------------

    def match(
        self,
        text: str,
        *,
        near: str | tuple[float, float] | None = None,
        audience: str = "public",
        limit: int = 10,
        themes_override: list[str] | None = None,
    ) -> MatchResult:
        self.refresh()
        t0 = time.perf_counter()
        analysis = self.analyzer.analyze(text)
        t1 = time.perf_counter()
        hits = self.needs.negation_wins(analysis, self.needs.specific(analysis.themes()))
        weights = self.needs.weights(hits, themes_override)
        by_model = set() if themes_override is not None else self._model_themes(text, analysis, weights)
        if themes_override is None:
            self.needs.danger_context(analysis, weights)
            self.needs.youth_domain(analysis, weights)
            youth_in_passing(weights, analysis, text, YOUTH_DOMAIN, W_YOUTH_DOMAIN)  # ADR 0156
            minor_reads_school(weights, analysis.ages, self.onto.themes, analysis.tokens)
            consequence_gives_way(weights, analysis.tokens)  # the writer bullied: not the school (ADR 0152)
            everyday_need_first(weights, analysis, self.onto.themes, text)  # a child, school (0167, 0185)
            by_model -= set(setting_is_no_need(weights, text, self._signal, analysis.hits))  # ADR 0188
        extra_groups = (
            self.needs.combinations(hits, weights, _asker_speaks(analysis.tokens))
            | carer_from_situation(weights, analysis.hits, self.onto, text)  # no "zorg voor" (ADR 0156)
            if themes_override is None
            else set()
        )
        care = carer_and_cared_for(weights, analysis.hits, self.onto, text) if themes_override is None else []
        safety = self._assess(analysis, weights, audience)
        self.needs.past_danger(analysis, weights, safety, self.analyzer.cues.present)
        had_only(text, analysis.hits, weights, bool(safety.raised))  # help had gives way to a danger (0151)
        place, messages = resolve_place(analysis, near, self.analyzer, self.postcode_lookup, self._kern_names)
        query = analysis.query_text(text)
        text_hits = need_word_hits(weights, query, self._text_hits(query), self._text_hits)  # ADR 0144
        t2 = time.perf_counter()
        ctx = self._context(analysis, weights, text_hits, place, safety, audience)
        ctx.groups |= extra_groups
        parent_alone = settle_persons(
            ctx, analysis, text, lambda t: self.needs.under(t, {YOUTH_DOMAIN})
        )  # 0151
        n = max(1, min(limit, 100))
        scored, excluded = self._score_pool(ctx, max(n, 10))  # 10: a missing need's service for diversify
        scored = self.statuses.apply(scored, audience)
        excluded = [s for s in excluded if s.score > DROPPED]
        needs = central_needs(weights, self._ancestors, lambda t: self.onto.themes[t].signal)
        uncovered, for_other_ages = door_gaps(self.door, self.pool, ctx, self._skips, care)  # ADR 0180
        needs = {t: up for t, up in needs.items() if t not in uncovered}  # the door serves those
        order = (scored, ctx, needs, uncovered, care, text, analysis, parent_alone)
        best = child_reach(self._order(*order, 10), self.answer.register(ctx) == "je")  # ten first; ADR 0169
        if n > 10:
            ids = {s.cand.id for s in best}
            best += [s for s in self._order(*order, n) if s.cand.id not in ids]
        best = cards_shown(self, best, ctx, weights, scored)[:n]  # a reason for every card (ADR 0174)
        results = [self.answer.result(s, ctx) for s in best]
        messages += nearest_help_note(place, best, self._places, self.answer.profile)  # ADR 0184
        model_why = self.answer.model_why(ctx) if audience != "professional" else MODEL_WHY
        tidy_whys(best, results, by_model, model_why)  # the guess once; "niet speciaal voor" (ADR 0184)
        name_the_group(best, results, ctx, self.door.groups, self.answer)  # not a fit: for whom (ADR 0115)
        guessed = bool(by_model) and not safety.raised and set(weights) <= by_model | self._roots  # ADR 0136
        front_door, door_ids = self._door_first(best, ctx, guessed, uncovered), []
        if front_door:  # a guessed need keeps the front door first, with the why of an unplaced question
            results = self.answer.with_front_door(
                results, replace(ctx, weights={}) if guessed else ctx, limit, guessed=guessed
            )
            results = young_door_after_youth_help(results, best, self.answer, ctx, guessed)  # ADR 0140
            results = youth_walk_in_after_door(results, weights, self, ctx, limit)  # ADR 0152
        elif uncovered:
            results, door_ids = self.door.insert(results, best, ctx, uncovered, for_other_ages, limit)
        results = self._finish(results, best, ctx, limit)  # ADR 0116, 0179
        t3 = time.perf_counter()
        themes_out = [
            {"id": tid, "label": self.onto.themes[tid].label, "text": hits[tid].text if tid in hits else ""}
            | ({"found_by": "model"} if tid in by_model else {})
            for tid in weights
        ]
        return MatchResult(
            themes=themes_out,
            signals={"veiligheid": safety.veiligheid, "crisis": safety.crisis},
            place={"name": place.name, "lat": round(place.lat, 5), "lon": round(place.lon, 5)}
            if place
            else None,
            results=results,
            timings={"nlp_ms": (t1 - t0) * 1000, "index_ms": (t2 - t1) * 1000, "rank_ms": (t3 - t2) * 1000},
            notice=self.safety.notice(safety),
            place_source=place.source if place else None,
            messages=messages + wander_note(self.safety, analysis.tokens, safety),  # lost at night (safety24)
            front_door=front_door,
            uncovered=uncovered,
            door_ids=door_ids,
            excluded=[self.answer.result(s, ctx) for s in excluded] if audience == "professional" else [],
            safety_levels=[lv.id for lv in safety.levels],
            register=self.answer.register(ctx),
            box_writer=safety.box_writer,
            age_untold=age_untold(text, analysis.tokens, ctx, self.answer.register(ctx), safety.box_writer),
        )

    def _finish(
        self, results: list[dict[str, Any]], best: list[Scored], ctx: Context, limit: int
    ) -> list[Any]:
        """The last steps on the rows: after a danger the door for a roof lost (ADR 0179), then the cards a
        resident cannot use (ADR 0116)."""
        results = roof_after_crisis(self.door, results, best, ctx, limit)
        return self.pro_only.finish(self, results, best, ctx, limit)

    def _assess(self, analysis: Analysis, weights: dict[str, float], audience: str) -> Safety:
        """The safety levels of the question: the assessment keeping a consultation (ADR 0163, 0170), a bodily
        emergency (ADR 0169) and a professional's question about a minor's self-harm (safety24)."""
        safety = assess_keeping_consultation(self.safety, analysis, weights, audience, set(self._by_route))
        safety = bodily_emergency(safety, analysis.tokens, weights, self.safety.acute_kinds)  # ADR 0169
        return minor_consultation(self.safety, safety, analysis, audience)  # ouders inlichten? (safety24)

    def _model_themes(self, text: str, analysis: Analysis, weights: dict[str, float]) -> set[str]:
        """No need found by the rules, or only a leefgebied: the word model's confident themes, weighted as
        uncertain needs; never a denied theme, never safety (ADR 0112). Changes `weights` in place."""
        # a theme a phrase guard took out is denied too ("de trein valt steeds uit", ADR 0114)
        denied = {h.theme_id for h in analysis.hits if h.negated} | analysis.guarded
        # another language: words it has barely seen, no guess (ADR 0129; a cat in the garden read as opvoeding)
        if hardly_dutch(text):
            return set()
        added = model_themes(
            self.theme_model,
            model_text(without_places(text, analysis.places)),
            weights,
            denied,
            self._roots,
            self._ancestors,
        )  # a town names no need (ADR 0163)
        weights.update({g.theme_id: W_MODEL for g in added})
        story = weigh_story(self.theme_model, self.onto, text, analysis.hits, weights, denied)  # ADR 0132
        weigh_the_ask(self.onto, text, analysis.hits, weights)  # a short question's ask (ADR 0169)
        return {g.theme_id for g in added} | story

    def _text_hits(self, query: str) -> dict[str, float]:
        index = self.index  # read once: another thread may swap in a new generation meanwhile
        if index is None:
            return {}
        try:
            return dict(index.search(query, limit=60))
        except (OSError, ValueError, GraphError):  # index files removed under us: graph-only answer
            log.warning("zoekindex niet leesbaar; alleen zoeken op thema")
            self.live.generation = None
            return {}

    # -- ranking -------------------------------------------------------------------------------------------

    def _context(
        self,
        analysis: Analysis,
        weights: dict[str, float],
        text_hits: dict[str, float],
        place: Place | None,
        safety: Safety,
        audience: str,
    ) -> Context:
        groups = set(analysis.doelgroepen)
        persons = () if analysis.ages else persons_in_question(analysis.tokens)
        if "ouders" in groups and _names_own_parent(analysis.tokens):
            groups.discard("ouders")  # "mijn vader": the asker's father, not the asker as a parent
        ctx = RankContext(
            negated=negated_needs(analysis.hits, weights, self._children),
            named_groups=frozenset(groups),  # said in words, not read from a need (match/groups.py)
            weights=weights,
            total=sum(weights.values()) or 1.0,
            text_hits=text_hits,
            max_text=max(text_hits.values(), default=0.0) or 1.0,
            place=place,
            safety=safety,
            groups=groups,
            ages=analysis.ages,  # match.ages.Ages: who each age belongs to
            # Someone asking about a child (a parent, a professional) is an adult: adults' services fit them, but
            # only when the asker speaks of themself too ("... wat kan ik doen"); "mijn dochter van 12 is somber"
            # is the child's need, so a service for adults is no fit (match/words.py `asker-pronouns`).
            # A pronoun only in "ik maak me zorgen" is worry about the child, not a need of the asker's own.
            parent=("ouders" in groups or bool(analysis.words & CHILD_WORDS))
            and _asker_speaks(analysis.tokens),
            niveau_pref=self._niveau_preference(analysis),
            today=date.today(),
            audience=audience,
            persons=persons,
            parenting=any(self.needs.under(t, {YOUTH_DOMAIN}) for t in weights),
            child_speaker=self.answer.speaks_as_child(analysis.tokens, analysis.role_spans),
        )
        # a child's danger at home is the child's; the person's help after the crisis (ADR 0174)
        settle_needs(ctx, weights, analysis.tokens, self.answer.register(ctx) == "je", self._ancestors)
        youth_weights(ctx, analysis.ages)  # youth route after 113 (safety24)
        return ctx

    def _pool(self, ctx: Context, cols: Columns) -> np.ndarray:
        """Only services that share a theme (or a broader/narrower one) with the need, or the words, or that are
        the help for a raised safety level are scored: not the whole kaart. With a place, the theme and word
        part is cut to what is within REACH_KM (and everything without a location, such as national
        helplines), unless that leaves fewer than REACH_MIN_POOL: a national kaart's pool stays a region's.
        A boolean mask over the rows of `cols` (match/pool.py)."""
        pool = self._theme_pool(ctx, cols)
        unknown = cols.mark_ids(pool, ctx.text_hits)  # words found in services no longer in the kaart count
        if ctx.place is not None and int(pool.sum()) + unknown > REACH_MIN_POOL:
            near = pool & cols.within(ctx.place.lat, ctx.place.lon, REACH_KM)
            if int(near.sum()) >= REACH_MIN_POOL:
                pool = near
        for lv in ctx.safety.levels:
            cols.mark(pool, "route", lv.id)
        return pool & cols.alive

    def _theme_pool(self, ctx: Context, cols: Columns) -> np.ndarray:
        pool = cols.empty()
        specific = any(self._parents.get(t) for t in ctx.weights)
        for tid in ctx.weights:
            if specific and not self._parents.get(tid):
                # A broad leefgebied next to specific needs: its own services, not all of the domain's.
                cols.mark(pool, "exact", tid)
                continue
            cols.mark(pool, "theme", tid)
            for anc in self._ancestors.get(tid, _EMPTY) - ctx.negated:  # "geen geldzorgen": no road in
                cols.mark(pool, "exact", anc)
        return pool & cols.alive

    def _order(
        self,
        scored: list[Scored],
        ctx: Context,
        needs: dict[str, Any],
        uncovered: list[str],
        care: list[Any],
        text: str,
        analysis: Analysis,
        parent_alone: bool,
        size: int,
    ) -> list[Scored]:
        """The best `size` of the pool in the order shown. The order steps look at the whole list they get (a
        missing need's service moves up from place 8), so the API and the page call this with the same size for
        the first ten: asking for 20 results must not change the top 3 (tester16)."""
        best = heapq.nsmallest(size, scored, key=Scored.key)
        best = fits_first(best, ctx, self._ancestors, self.door.exists_for, self.door.groups)
        best = together(diversify(best, needs, self._roots), care, self._roots, self._ancestors)  # ADR 0132
        best = other_needs_first(best, needs, uncovered, self._roots)  # ADR 0128
        best = for_the_people_in_need(best, ctx, parent_alone, tokens=analysis.tokens)  # ADR 0151, 0156
        best = named_needs_first(
            best, ctx.weights, analysis.hits, young_asker(analysis.ages), self._ancestors, self._roots
        )  # the youth domain is a fallback (ADR 0160)
        best = asked_first(best, text, analysis.hits, needs, self._roots)  # the need a story asks (ADR 0135)
        best = lighter_first(best, ctx, self._ancestors, self._roots, self.onto.niveaus)
        best = relief().order(best, text, ctx.weights)  # the first stop before relief help (ADR 0172)
        denied = denied_stems(analysis.hits, text, lambda t: getattr(self.onto.themes.get(t), "signal", None))
        best = below_denied(best, denied)  # a service whose name says it is the help ruled out goes down
        asks = tuple(self.onto.safety.need_after_route.get("asks") or ())  # a professional's need (ADR 0143)
        best = need_after_one_route(best, ctx, self.door, self._ancestors, analysis.tokens, asks)
        return youth_first(best, ctx, analysis.ages)  # youth route after 113 (safety24)

    def _score_pool(self, ctx: Context, limit: int = K_RESULTS) -> tuple[list[Scored], list[Scored]]:
        """Scores for the pool; services that do not fit the asker's age come back apart (best first). Only the
        services that can be among the best (and those with a temporary status) are scored one by one
        (match/select.py): the best `limit` are the ones scoring the whole pool gives."""
        cols = self.pool.snapshot()
        keep = self.statuses.board().by_service
        skips = self.pro_only.skip(self._skips, ctx.audience)  # a resident: no professionals-only service
        return select(cols, self._pool(ctx, cols), ctx, self._score, skips, keep, limit, MAX_EXCLUDED)

    def _skips(self, cand: Candidate, ctx: Context) -> bool:
        """Not scored at all: not active; 112, 113, Veilig Thuis only for their own danger (no escalation
        without it). Reads only what services of one group share (match/select.py)."""
        if cand.status != "active":
            return True
        return bool(cand.routes and ctx.safety.rank_of(cand) is None and self._danger_only(cand))

    def _door_first(self, best: list[Scored], ctx: Context, guessed: bool, uncovered: list[str]) -> bool:
        """The front door with the why of an unplaced question: nothing fits (or the need is a guess), unless the
        cards were only filler for a need the kaart has no help for: then the door says so (ADR 0174)."""
        return bool(guessed or self.answer.needs_front_door(best, ctx)) and bool(best or not uncovered)

    def _signal(self, tid: str) -> bool:
        """The theme is a danger (it has a safety signal), not a need of the person."""
        return bool(getattr(self.onto.themes.get(tid), "signal", None))

    def _danger_only(self, cand: Candidate) -> bool:
        """A crisis line, or a service that exists for danger alone (Veilig Thuis' advice for the lokaal team):
        shown only when the text raises its danger, never on shared words."""
        return cand.niveau == "crisis" or (
            bool(cand.central)
            and all(self.onto.themes[t].signal for t in cand.central if t in self.onto.themes)
        )

    def _score(self, cand: Candidate, ctx: Context) -> Scored:
        negated = getattr(ctx, "negated", _EMPTY)
        fit, matched = self.fit.fit(cand, ctx.weights, ctx.total, negated) if ctx.weights else (0.0, [])
        if fit and (
            other_condition(cand.central, ctx.weights) or other_side(cand.themes, matched, self.fit.ancestors)
        ):
            fit, matched = 0.0, []  # help for a condition not named (ADR 0104), or the other side (ADR 0160)
        text_score = ctx.text_hits.get(cand.id, 0.0) / ctx.max_text
        rank = ctx.safety.rank_of(cand)
        if rank is None and only_for_negated(cand, ctx.weights, negated, self._parents):
            return Scored(
                0, DROPPED, cand, 0.0, [], None, None, False
            )  # help for a need ruled out (ADR 0111)
        if ctx.weights and fit == 0 and rank is None:
            text_score *= 0.5  # words in common but none of the needs: keep it low
        niveau = ctx.niveau_pref.get(cand.niveau or "", 0.5)
        dist = distance(cand, ctx.place)
        dist_score = 0.5 if dist is None else 1.0 / (1.0 + dist / 8.0)
        fresh = freshness(cand.assured_date, ctx.today, self._stale_days)
        fits_age = age_fit(cand, ctx.ages, ctx.parent, matched)  # per need: match/ages.py
        for_nobody = (
            fits_age is None
            and _fits_nobody(cand, ctx.persons)
            and not (ctx.parenting and "ouders" in cand.doelgroepen)  # JGZ is for parents-to-be too
        )
        if for_nobody and (len(ctx.persons) > 1 or fit == 0) and not ctx.safety.raised:
            # only adults and named relations in the question ("mijn vader" is no child), or found on words alone
            fits_age = False
        group_fit = bool(ctx.groups & cand.doelgroepen) or (fits_age is True and cand.age_source != "soort")
        group_score = 1.0 if group_fit else 0.0
        if ctx.weights:
            # Needs recognised: theme fit first, then the lightest adequate help; text breaks ties.
            score = (
                W_THEME * fit
                + W_NIVEAU * niveau * (1.0 if fit > 0 else 0.3)
                + W_TEXT * text_score
                + W_DISTANCE * dist_score
                + W_FRESH * fresh
                + W_GROUP * group_score
            )
        else:
            # Nothing recognised: the words decide, niveau and distance still order equals.
            score = (
                0.55 * text_score
                + 0.2 * niveau
                + W_DISTANCE * dist_score
                + W_FRESH * fresh
                + W_GROUP * group_score
            )
        if for_nobody and fits_age is None:
            score -= W_NOT_FOR_ADULTS  # an adult asking for themself, as far as the text says
        top = 0.0
        if rank is not None and not (cand.age_source == "data" and (fits_age is False or for_nobody)):
            # the help for the most urgent danger first (not a crisis team for another age: ADR 0114)
            top = 1 + len(self._levels) - rank + ctx.safety.route_fit(cand)
        return Scored(top, score, cand, fit, matched, dist, fits_age, group_fit)

    def _niveau_preference(self, analysis: Analysis) -> dict[str, float]:
        """Lighter first, unless the text asks for specialist help explicitly ("specialistische behandeling")."""
        specialist = bool(analysis.words & self._specialist_cues)
        return {
            code: (n.specialist_preference if specialist else n.preference)
            for code, n in self.onto.niveaus.items()
        }
