"""The matcher's view of one service: themes (central, incidental, derived), ages, places, safety routes.

Built from `graph.search.MatchData` rows once per process, then only for the services the graph's change
sequence names (graph/changes.py); stored as columns by match.pool.CandidatePool, which makes a Candidate again
for the services a request looks at. The hulpvraag never touches this.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from match.ages import Ages, people_fit
from match.nlp import fold
from match.places import Place

# Someone asking about their child is an adult of about these ages: a service whose ages overlap them fits the
# parent (schuldhulp for the mother of a 7-year-old), one for 65+ or for young people does not.
PARENT_AGES = (30, 60)


@dataclass(
    slots=True
)  # not frozen: made per row a request looks at (match/pool.py), a frozen __init__ is slow
class Candidate:
    id: str
    organization_id: str
    name: str
    niveau: str | None
    status: str
    themes: frozenset[str]  # confirmed: central and incidental
    suggested: frozenset[str]
    doelgroepen: frozenset[str]
    min_age: int | None
    max_age: int | None
    assured_date: str | None
    available_24_7: bool
    points: tuple[tuple[float, float], ...]
    themes_up: frozenset[str] = frozenset()  # every ancestor of a central theme
    suggested_up: frozenset[str] = frozenset()
    incidental: frozenset[str] = frozenset()  # of `themes`, the ones the service merely touches
    incidental_up: frozenset[str] = frozenset()
    ages: tuple[tuple[int, int | None], ...] | None = None  # inclusive age ranges; None: unknown
    age_source: str = ""  # data | doelgroep | soort
    kernen: tuple[str, ...] = ()
    routes: frozenset[str] = frozenset()  # safety levels this service is the help for
    incidental_derived: bool = False  # `incidental` guessed from the name (imports), not curated
    professional_only: bool = False  # never offered to residents (ADR 0116, match/audience.py)

    @property
    def central(self) -> frozenset[str]:
        return self.themes - self.incidental


class CandidateBuilder:
    """Turns graph rows into Candidates: ages from data, doelgroep bands or kind; central vs incidental themes
    (curated, or derived from the name for imports); the safety levels the service is the help for."""

    def __init__(
        self, onto: Any, parents: dict[str, tuple[str, ...]], ancestors: dict[str, set[str]], safety: Any
    ) -> None:
        self.onto = onto
        self.parents = parents
        self.ancestors = ancestors
        self.safety = safety
        self.kinds = [(k, [tuple(w.split()) for w in k.words]) for k in onto.matching.service_kinds]
        # first word -> (phrase, rank of its kind): one dictionary lookup per word of a name
        self.kind_index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for rank, (_, phrases) in enumerate(self.kinds):
            for phrase in phrases:
                self.kind_index.setdefault(phrase[0], []).append((phrase, rank))
        self._words_cache: dict[str, str] | None = None

    def candidate(self, r: dict[str, Any]) -> Candidate:
        """One row of `MatchData.candidates()` as a Candidate (derived sets computed once)."""
        pts = tuple(
            (float(p[0]), float(p[1]))
            for p in (r["pts"] or [])
            if p and p[0] is not None and p[1] is not None
        )
        themes = frozenset(r["themes"] or ())
        incidental = frozenset(r.get("incidental") or ()) & themes
        central = themes - incidental
        ages, source = self.age_ranges(r)
        cand = Candidate(
            id=r["id"],
            organization_id=r["org"],
            name=r["name"],
            niveau=r["niveau"],
            status=r["status"] or "active",
            themes=themes,
            suggested=frozenset(r["suggested"] or ()),
            doelgroepen=frozenset(r["groups"] or ()),
            min_age=r["min_age"],
            max_age=r["max_age"],
            assured_date=r["assured"],
            available_24_7=bool(r["h24"]),
            points=pts,
            themes_up=frozenset(a for t in central for a in self.ancestors.get(t, ())),
            suggested_up=frozenset(a for t in (r["suggested"] or ()) for a in self.ancestors.get(t, ())),
            incidental=incidental,
            incidental_derived=bool(r.get("incidental_derived")),
            incidental_up=frozenset(a for t in incidental for a in self.ancestors.get(t, ())),
            ages=ages,
            age_source=source,
            kernen=tuple(dict.fromkeys(c for c in (r.get("cities") or ()) if c)),
            professional_only=bool(r.get("pro_only")),
        )
        routes = self.routes(cand)
        return cand if not routes else _replace(cand, routes=routes)

    def derive_incidental(self, rows: list[dict[str, Any]]) -> None:
        """Imported data without `thema-bijzaak`: a service whose name names some of its themes exists for those
        (and the themes above and below them); its other themes it merely touches. Words only, no NLP: cheap
        enough for every refresh. Curated data (any TOUCHES in the graph) is never second-guessed."""
        words = self.name_words()
        for r in rows:
            themes = set(r["themes"] or ())
            if len(themes) < 2:
                continue
            named = {
                words[w] for w in (fold(x).strip(".,:;()") for x in (r["name"] or "").split()) if w in words
            }
            named = {t for t in named if t in self.parents}
            if not named:
                continue
            related = set(named)
            for t in named:
                related |= self.ancestors.get(t, set())
            central = {t for t in themes if t in related or self.ancestors.get(t, set()) & named}
            if central and themes - central:
                r["incidental"] = sorted(themes - central)
                r["incidental_derived"] = True

    def name_words(self) -> dict[str, str]:
        """Single words of theme labels and synonyms (folded) -> theme id, for deriving central themes."""
        if self._words_cache is None:
            out: dict[str, str] = {}
            for theme in self.onto.themes.values():
                for term in (theme.label, *theme.synonyms):
                    if " " not in term.strip():
                        out.setdefault(fold(term.strip()), theme.id)
            self._words_cache = out
        return self._words_cache

    def age_ranges(self, r: dict[str, Any]) -> tuple[tuple[tuple[int, int | None], ...] | None, str]:
        """Ages a service is for: its own min/max, else its doelgroepen with an age band, else its kind."""
        if r["min_age"] is not None or r["max_age"] is not None:
            return ((int(r["min_age"] or 0), None if r["max_age"] is None else int(r["max_age"])),), "data"
        groups = [self.onto.doelgroepen.get(g) for g in (r["groups"] or ())]
        bands = [g for g in groups if g is not None and g.is_age_band]
        if bands and not any(g is not None and g.id == "iedereen" for g in groups):
            return (
                tuple((b.min_age or 0, None if b.max_age is None else b.max_age - 1) for b in bands),
                "doelgroep",
            )
        if any(g is not None and g.id == "iedereen" for g in groups):
            return ((0, None),), "doelgroep"
        words = tuple(
            fold(w) for w in f"{r['name'] or ''} {r.get('organisation') or ''}".replace("-", " ").split()
        )
        words = tuple(w.strip(".,:;()") for w in words)
        best: int | None = None  # the first kind in matching.yaml that the name names
        for i, word in enumerate(words):
            for phrase, rank in self.kind_index.get(word, ()):
                if (best is None or rank < best) and words[i : i + len(phrase)] == phrase:
                    best = rank
        if best is None:
            return None, ""
        kind = self.kinds[best][0]
        return ((kind.min_age or 0, kind.max_age),), "soort"

    def routes(self, cand: Candidate) -> frozenset[str]:
        """The safety levels this service is the help for (match/safety.py)."""
        named: set[str] = set()
        if cand.niveau == "crisis":  # "Alarmnummer 112", "113 Zelfmoordpreventie": words only, no NLP (fast)
            words = self.name_words()
            named = {words[w] for w in (fold(x).strip(".,:;()") for x in cand.name.split()) if w in words}
        return self.safety.routes(cand.central, cand.niveau, named)


def _replace(cand: Candidate, **changes: Any) -> Candidate:
    return dataclasses.replace(cand, **changes)


def age_fit(cand: Candidate, ages: list[int], parent: bool, needs: Iterable[str] = ()) -> bool | None:
    """True: the service is for someone in need (an age in the text); False: it excludes every one; None: unknown.
    With `needs` (the needs the service matched), only the people in need of those count: the mother's age for her
    debts, the children's for their school (match/ages.py, ADR 0110). A parent asking about a child (ouders) fits
    an adults' service: the asker is the adult, unless the asker is young ("ik ben een jongen van 16": the child
    word is the asker; ADR 0128)."""
    if not ages or cand.ages is None:
        return None
    people = ages.for_needs(needs, cand.central) if isinstance(ages, Ages) else None  # by its own needs
    if people is not None:
        fit = people_fit(people, cand.ages)
    else:
        fit = any(lo <= a and (hi is None or a <= hi) for a in ages for lo, hi in cand.ages)
    if fit is not False:
        return fit
    if people and all(p.child for p in people) and any(hi is not None and hi < 18 for _, hi in cand.ages):
        return False  # a children's service of another age for the child in need ("de oudste (13)": no basisschool)
    young_asker = any(p.asker and p.child for p in getattr(ages, "persons", ()))
    if (
        parent
        and not young_asker
        and any(lo <= PARENT_AGES[1] and (hi is None or hi >= PARENT_AGES[0]) for lo, hi in cand.ages)
    ):
        return None
    return False


def distance(cand: Candidate, place: Place | None) -> float | None:
    if place is None or not cand.points:
        return None
    return min(haversine_km(place.lat, place.lon, lat, lon) for lat, lon in cand.points)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def freshness(assured: str | None, today: date, stale_after_days: int) -> float:
    if not assured:
        return 0.0
    try:
        d = date.fromisoformat(assured[:10])
    except ValueError:
        return 0.0
    days = (today - d).days
    return 1.0 if days <= stale_after_days else 0.5 if days <= 2 * stale_after_days else 0.0


CELL_LAT, CELL_LON = 0.1, 0.15  # degrees: about 11 × 10 km in the Netherlands


def _cell_lat(lat: float) -> int:
    return math.floor(lat / CELL_LAT)


def _cell_lon(lon: float) -> int:
    return math.floor(lon / CELL_LON)
