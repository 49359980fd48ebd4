"""Wie kan hier helpen: from a hulpvraag to ranked services, the answer of `kaart match` and /api/v1/match.

Ranking, in order of weight (see docs/adr/0003-ranking.md):
1. Veiligheid voorop: a safety signal puts the matching crisis services on top, always.
2. Theme fit: services about the detected themes (exact > narrower > broader; confirmed > derived).
3. Text relevance: BM25 over name, description, organisation and theme words (whoosh).
4. Niveau: for the same need the lightest adequate help first (vrij-toegankelijk → … → specialistisch).
5. Distance to the place in the text (or --near), and how recently the entry was verified.

The candidate data (themes, niveau, ages, coordinates) is a per-process snapshot of the graph, reloaded when the
index generation changes; the graph stays the source of truth. The hulpvraag itself is never logged or stored.
"""

from __future__ import annotations

import gc
import heapq
import logging
import math
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from graph.search import MatchData
from graph.store import GraphStore
from match.index import SearchIndex, current_generation
from match.nlp import Analysis, Analyzer

log = logging.getLogger(__name__)

NIVEAU_RANK = {"vrij-toegankelijk": 1, "lokaal-team": 2, "maatwerk": 3, "specialistisch": 4, "crisis": 5}
NIVEAU_SCORE = {
    "vrij-toegankelijk": 1.0,
    "lokaal-team": 0.8,
    "maatwerk": 0.6,
    "specialistisch": 0.4,
    "crisis": 0.3,
}
NIVEAU_LABEL = {
    "vrij-toegankelijk": "vrij toegankelijk",
    "lokaal-team": "lokaal team",
    "maatwerk": "maatwerk",
    "specialistisch": "specialistisch",
    "crisis": "crisisdienst",
}
W_THEME, W_NIVEAU, W_TEXT, W_DISTANCE, W_FRESH, W_GROUP = 0.55, 0.24, 0.08, 0.07, 0.03, 0.03
_EMPTY: frozenset[str] = frozenset()
# Words that say the lighter steps are not adequate: a professional asking for specialist treatment.
SPECIALIST_CUES = (
    "specialistisch",
    "specialistische",
    "behandeling",
    "behandelaar",
    "psychiater",
    "opname",
    "klinisch",
)
ALL_CLEAR_THEMES = {"veiligheid", "psychische-crisis"}
FIRM_DANGER = {"huiselijk-geweld", "kindermishandeling", "ouderenmishandeling", "suicidaliteit"}


@dataclass(frozen=True)
class Candidate:
    id: str
    organization_id: str
    name: str
    niveau: str | None
    status: str
    themes: frozenset[str]
    suggested: frozenset[str]
    doelgroepen: frozenset[str]
    min_age: int | None
    max_age: int | None
    assured_date: str | None
    available_24_7: bool
    points: tuple[tuple[float, float], ...]
    themes_up: frozenset[str] = frozenset()  # every ancestor of a confirmed theme
    suggested_up: frozenset[str] = frozenset()


@dataclass
class MatchResult:
    themes: list[dict[str, str]]
    signals: dict[str, bool]
    place: dict[str, Any] | None
    results: list[dict[str, Any]]
    timings: dict[str, float] = field(default_factory=dict)
    notice: str | None = None

    def as_contract(self) -> dict[str, Any]:
        """Exactly the shape of the contract in BRIEF.md."""
        return {"themes": self.themes, "signals": self.signals, "place": self.place, "results": self.results}


class Matcher:
    def __init__(
        self, store: GraphStore, index_dir: Path, ontology: Any = None, places: list[Any] | None = None
    ) -> None:
        from ontology import load_gazetteer, load_ontology

        self.store = store
        self.index_dir = Path(index_dir)
        self.onto = ontology or load_ontology()
        self._places = places if places is not None else load_gazetteer()
        self._lock = threading.Lock()
        self._generation: str | None = None
        self.index: SearchIndex | None = None
        self.candidates: dict[str, Candidate] = {}
        self._by_theme: dict[str, set[str]] = {}
        self._by_exact: dict[str, set[str]] = {}
        self._crisis_ids: set[str] = set()
        self.analyzer: Analyzer | None = None
        self._parents = {t.id: tuple(getattr(t, "parents", ()) or ()) for t in self.onto.themes.values()}
        self._ancestors = {tid: self._walk_up(tid) for tid in self._parents}
        self.refresh()

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
        """Reload the index and the candidate snapshot when the index was rebuilt."""
        gen = current_generation(self.index_dir)
        if not force and gen == self._generation and self.analyzer is not None:
            return
        with self._lock:
            if not force and gen == self._generation and self.analyzer is not None:
                return
            try:
                index = SearchIndex(self.index_dir) if gen else None
            except (FileNotFoundError, OSError, ValueError):
                # Derived data gone or damaged: keep answering from the graph (themes, niveau, distance)
                # until `kaart reindex` rebuilds it; `kaart check` reports the problem.
                log.warning(
                    "zoekindex in %s ontbreekt of is beschadigd; alleen zoeken op thema", self.index_dir
                )
                index = None
            cands: dict[str, Candidate] = {}
            kern_names: set[str] = set()
            for r in MatchData(self.store).candidates():
                pts = tuple(
                    (float(p[0]), float(p[1]))
                    for p in (r["pts"] or [])
                    if p and p[0] is not None and p[1] is not None
                )
                cands[r["id"]] = Candidate(
                    id=r["id"],
                    organization_id=r["org"],
                    name=r["name"],
                    niveau=r["niveau"],
                    status=r["status"] or "active",
                    themes=frozenset(r["themes"] or ()),
                    suggested=frozenset(r["suggested"] or ()),
                    doelgroepen=frozenset(r["groups"] or ()),
                    min_age=r["min_age"],
                    max_age=r["max_age"],
                    assured_date=r["assured"],
                    available_24_7=bool(r["h24"]),
                    points=pts,
                    themes_up=frozenset(a for t in (r["themes"] or ()) for a in self._ancestors.get(t, ())),
                    suggested_up=frozenset(
                        a for t in (r["suggested"] or ()) for a in self._ancestors.get(t, ())
                    ),
                )
            by_theme: dict[str, set[str]] = {}  # theme -> services about it or something narrower
            by_exact: dict[str, set[str]] = {}  # theme -> services about exactly it
            crisis_ids: set[str] = set()
            for cand in cands.values():
                if cand.niveau == "crisis":
                    crisis_ids.add(cand.id)
                for tid in cand.themes | cand.suggested:
                    by_exact.setdefault(tid, set()).add(cand.id)
                    for key in {tid} | self._ancestors.get(tid, set()):
                        by_theme.setdefault(key, set()).add(cand.id)
            for r in MatchData(self.store).kernen():
                kern_names.add(r["name"])
            if self.analyzer is None or force:
                self.analyzer = Analyzer(self.onto, self._places, data_places=kern_names)
            old = self.index
            self.index, self.candidates, self._generation = index, cands, gen
            self._by_theme, self._by_exact, self._crisis_ids = by_theme, by_exact, crisis_ids
            # The snapshot lives until the next index generation: move it out of the cyclic GC's way, so
            # full collections do not walk 10 000s of objects during a request (a ~20 ms tail otherwise).
            gc.collect()
            gc.freeze()
            if old is not None:
                old.close()

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
        hits = self._specific(analysis.themes())
        weights: dict[str, float] = {}
        if themes_override is not None:
            weights = {t: 1.0 for t in themes_override if t in self.onto.themes}
        else:
            for tid, hit in hits.items():
                weights[tid] = 0.6 if hit.uncertain else 0.8 if hit.historical else 1.0
        signals = self._signals(analysis, set(weights))
        place = self._place(analysis, near)
        text_hits: dict[str, float] = {}
        if self.index is not None:
            try:
                text_hits = dict(self.index.search(text, limit=60))
            except (OSError, ValueError):  # index files removed under us: graph-only answer
                log.warning("zoekindex niet leesbaar; alleen zoeken op thema")
                self._generation = None
        t2 = time.perf_counter()
        ranked = self._rank(weights, text_hits, analysis, place, signals, limit)
        t3 = time.perf_counter()
        themes_out = [
            {"id": tid, "label": self.onto.themes[tid].label, "text": hits[tid].text if tid in hits else ""}
            for tid in weights
        ]
        return MatchResult(
            themes=themes_out,
            signals={"veiligheid": signals["veiligheid"], "crisis": signals["crisis"]},
            place={"name": place[0], "lat": round(place[1], 5), "lon": round(place[2], 5)} if place else None,
            results=ranked,
            timings={"nlp_ms": (t1 - t0) * 1000, "index_ms": (t2 - t1) * 1000, "rank_ms": (t3 - t2) * 1000},
            notice=_notice(signals),
        )

    def _specific(self, hits: dict[str, Any]) -> dict[str, Any]:
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

    def _signal_of(self, tid: str) -> str | None:
        theme = self.onto.themes.get(tid)
        return getattr(theme, "signal", None) if theme else None

    def _signals(self, analysis: Analysis, theme_ids: set[str]) -> dict[str, Any]:
        veiligheid = crisis = False
        uncertain_only = True
        danger: set[str] = set()
        for tid in theme_ids:
            sig = self._signal_of(tid)
            if sig is None:
                continue
            hit = analysis.themes().get(tid)
            danger.add(tid)
            if sig == "veiligheid":
                veiligheid = True
            if sig == "crisis":
                veiligheid = True
                if hit is None or not hit.uncertain:
                    crisis = True
            if hit is None or not hit.uncertain:
                uncertain_only = False
        # An explicit all-clear ("geen acuut gevaar", "geen acute onveiligheid") outweighs vague or
        # non-violent danger words, never an affirmed mention of geweld, mishandeling or suïcide.
        all_clear = any(h.negated and h.theme_id in ALL_CLEAR_THEMES for h in analysis.hits)
        if all_clear and danger:
            firm = {
                tid
                for tid in danger
                if tid in FIRM_DANGER
                and not (analysis.themes().get(tid) and analysis.themes()[tid].uncertain)
            }
            if not firm:
                veiligheid = crisis = False
                danger = set()
        return {
            "veiligheid": veiligheid,
            "crisis": crisis,
            "danger": danger,
            "uncertain": uncertain_only and bool(danger),
        }

    def _place(
        self, analysis: Analysis, near: str | tuple[float, float] | None
    ) -> tuple[str, float, float] | None:
        if isinstance(near, tuple):
            return ("locatie", float(near[0]), float(near[1]))
        if isinstance(near, str) and near.strip():
            parsed = parse_latlon(near)
            if parsed:
                return ("locatie", parsed[0], parsed[1])
            found = self.analyzer.analyze(near.strip().title()).places if self.analyzer else []
            if found:
                return (found[0].name, found[0].lat, found[0].lon)
            return None
        if analysis.places:
            p = analysis.places[-1]
            return (p.name, p.lat, p.lon)
        return None

    def _theme_fit(self, cand: Candidate, weights: dict[str, float], total: float) -> tuple[float, list[str]]:
        """Weighted coverage of the detected needs: exact 1.0, narrower 0.75, broader 0.45; derived × 0.8."""
        got = 0.0
        matched: list[str] = []
        for tid, w in weights.items():
            if tid in cand.themes:
                best = 1.0
            elif tid in cand.themes_up:
                best = 0.75  # the service is about something narrower
            elif tid in cand.suggested:
                best = 0.8
            elif tid in cand.suggested_up:
                best = 0.6
            elif cand.themes & self._ancestors.get(tid, _EMPTY):
                best = 0.45  # the service covers the broader leefgebied
            elif cand.suggested & self._ancestors.get(tid, _EMPTY):
                best = 0.36
            else:
                continue
            matched.append(tid)
            got += w * best
        return got / total, matched

    def _rank(
        self,
        weights: dict[str, float],
        text_hits: dict[str, float],
        analysis: Analysis,
        place: tuple[str, float, float] | None,
        signals: dict[str, Any],
        limit: int,
    ) -> list[dict[str, Any]]:
        max_text = max(text_hits.values(), default=0.0) or 1.0
        today = date.today()
        total = sum(weights.values()) or 1.0
        safety = signals["veiligheid"] or signals["crisis"]
        groups = set(analysis.doelgroepen)
        niveau_pref = _niveau_preference(analysis)
        # Only services that share a theme (or a broader/narrower one) with the need, or the words, or —
        # when there is danger — the crisis services are scored: not the whole kaart.
        pool: set[str] = set(text_hits)
        specific = any(self._parents.get(t) for t in weights)
        for tid in weights:
            if specific and not self._parents.get(tid):
                # A broad leefgebied next to specific needs: its own services, not all of the domain's.
                pool |= self._by_exact.get(tid, _EMPTY)
                continue
            pool |= self._by_theme.get(tid, _EMPTY)
            for anc in self._ancestors.get(tid, _EMPTY):
                pool |= self._by_exact.get(anc, _EMPTY)
        if safety:
            pool |= self._crisis_ids
        scored: list[tuple[int, float, str, Candidate, float, list[str], float | None, bool]] = []
        for cid in pool:
            cand = self.candidates.get(cid)
            if cand is None or cand.status != "active":
                continue
            if analysis.ages and not any(_age_fits(cand, a) for a in analysis.ages):
                continue
            is_crisis = cand.niveau == "crisis"
            fit, matched = self._theme_fit(cand, weights, total) if weights else (0.0, [])
            text_score = text_hits.get(cid, 0.0) / max_text
            if weights and fit == 0 and not (safety and is_crisis):
                text_score *= 0.5  # words in common but none of the needs: keep it low
            niveau = niveau_pref.get(cand.niveau or "", 0.5)
            dist = _distance(cand, place)
            dist_score = 0.5 if dist is None else 1.0 / (1.0 + dist / 8.0)
            fresh = _freshness(cand.assured_date, today)
            group_fit = 1.0 if (groups and cand.doelgroepen & groups) else 0.0
            if weights:
                # Needs recognised: theme fit first, then the lightest adequate help; text only breaks ties.
                score = (
                    W_THEME * fit
                    + W_NIVEAU * niveau * (1.0 if fit > 0 else 0.3)
                    + W_TEXT * text_score
                    + W_DISTANCE * dist_score
                    + W_FRESH * fresh
                    + W_GROUP * group_fit
                )
            else:
                # Nothing recognised: the words decide, niveau and distance still order equals.
                score = (
                    0.55 * text_score
                    + 0.2 * niveau
                    + W_DISTANCE * dist_score
                    + W_FRESH * fresh
                    + W_GROUP * group_fit
                )
            top = 0
            if safety and is_crisis:
                crisis_fit = self._crisis_fit(cand, signals)
                top = 2 if crisis_fit > 0 else 1
                score += crisis_fit
            scored.append((top, score, cid, cand, fit, matched, dist, group_fit > 0))
        best = heapq.nsmallest(
            max(1, min(limit, 100)),
            scored,
            key=lambda x: (-x[0], -x[1], NIVEAU_RANK.get(x[3].niveau or "", 9), x[2]),
        )
        out = []
        for top, score, cid, cand, _fit, matched, dist, group_ok in best:
            why: list[str] = []
            if top:
                why.append(
                    "Veiligheid voorop" + (": 24 uur per dag bereikbaar" if cand.available_24_7 else "")
                )
            if matched:
                why.append("Past bij " + ", ".join(self.onto.themes[t].label.lower() for t in matched[:3]))
            elif cid in text_hits:
                why.append("Gevonden op woorden uit uw vraag")
            if cand.niveau:
                why.append(NIVEAU_LABEL.get(cand.niveau, cand.niveau))
            if dist is not None and place is not None:
                why.append(f"{_km(dist)} van {place[0]}")
            if group_ok:
                why.append("voor deze doelgroep")
            out.append(
                {
                    "service_id": cid,
                    "organization_id": cand.organization_id,
                    "name": cand.name,
                    "niveau": cand.niveau,
                    "distance_km": None if dist is None else round(dist, 1),
                    "score": round(score + top, 4),
                    "why": " · ".join(why),
                }
            )
        return out

    def _crisis_fit(self, cand: Candidate, signals: dict[str, Any]) -> float:
        """How well a crisis service fits the danger: Veilig Thuis for geweld, 113 for suïcide, …"""
        danger = signals["danger"]
        own = cand.themes | cand.suggested
        if own & danger:
            # Focus: a service whose themes all lie in the danger's leefgebied (Veilig Thuis for geweld, 113
            # for suïcide) comes before a generalist one (112, which the notice names for direct danger).
            domains = {a for d in danger for a in ({d} | self._ancestors.get(d, set()))}
            focused = sum(1 for o in own if o in domains or self._ancestors.get(o, set()) & domains)
            return 1.0 + 0.5 * focused / max(1, len(own))
        if any(
            d in self._ancestors.get(o, set()) or o in self._ancestors.get(d, set())
            for o in own
            for d in danger
        ):
            return 0.6
        return 0.0


def _niveau_preference(analysis: Analysis) -> dict[str, float]:
    """Lighter first, unless the text asks for specialist help explicitly ("specialistische behandeling")."""
    if analysis.words & set(SPECIALIST_CUES):
        return {
            "specialistisch": 1.0,
            "maatwerk": 0.8,
            "lokaal-team": 0.6,
            "vrij-toegankelijk": 0.5,
            "crisis": 0.3,
        }
    return NIVEAU_SCORE


def _age_fits(cand: Candidate, age: int) -> bool:
    if cand.min_age is not None and age < cand.min_age:
        return False
    return not (cand.max_age is not None and age > cand.max_age)


def _distance(cand: Candidate, place: tuple[str, float, float] | None) -> float | None:
    if place is None or not cand.points:
        return None
    return min(haversine_km(place[1], place[2], lat, lon) for lat, lon in cand.points)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def _freshness(assured: str | None, today: date) -> float:
    if not assured:
        return 0.0
    try:
        d = date.fromisoformat(assured[:10])
    except ValueError:
        return 0.0
    days = (today - d).days
    return 1.0 if days <= 183 else 0.5 if days <= 366 else 0.0


def _km(d: float) -> str:
    return f"{d:.1f} km".replace(".", ",")


def parse_latlon(text: str) -> tuple[float, float] | None:
    parts = text.replace(";", ",").split(",")
    if len(parts) != 2:
        return None
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if -90 <= lat <= 90 and -180 <= lon <= 180:
        return lat, lon
    return None


def _notice(signals: dict[str, Any]) -> str | None:
    if signals["crisis"]:
        return (
            "Is er direct gevaar? Bel 112. Denkt u aan zelfdoding? Bel 113 of 0800-0113 (gratis, dag en nacht). "
            "Bij geweld thuis: Veilig Thuis 0800-2000 (gratis, dag en nacht)."
        )
    if signals["veiligheid"]:
        prefix = "Twijfelt u over de veiligheid?" if signals.get("uncertain") else "Veiligheid gaat voor."
        return (
            f"{prefix} Bel Veilig Thuis voor advies of een melding: 0800-2000 (gratis, dag en nacht). "
            "Bij direct gevaar: bel 112."
        )
    return None
