"""`kaart eval`: match quality on graded hulpvragen, next to a plain BM25 baseline over the same data, in one run.

Why this shape:
- Each kaart is loaded into a fresh, temporary embedded graph, so evaluating never touches the real kaart. The
  loading itself (HSDS import, the demo's networks) belongs to `ingest`, which `match` may not import: the caller
  passes a `load(store, path)` that fills an empty store (webapp/cli.py and the tests do).
- Judgments are graded (2 = clearly the right help, 1 = useful) and name *wrong* services (wrong age, wrong need),
  so the set can show a matcher that finds something useful but also puts a wrong-age service in the top 3.
- Safety is judged by danger kind: the route for that danger must be in the top 3, and the lines for *other*
  dangers (112 without acute danger, 113 without suicidal thoughts) must not be: that is over-escalation.
- The baseline is deliberately plain: whoosh BM25F over service name + description, no ontology, no thesaurus, no
  rules, no distance. It shows how much the matcher adds.

Question file format: see tests/eval/README.md. The older flat list format (`relevant`, `safety: true`) is read
too: `relevant` becomes grade 2.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from whoosh.analysis import Filter

from graph import ensure_schema
from graph.repositories import ServiceRepository
from graph.store import GraphStore, connect

Load = Callable[[GraphStore, Path], Any]

# Danger kinds (issue 12, deliverable 5). The services that answer each kind are named per kaart in the question
# file (`routes`); these are the kinds a question's `safety` may take.
SAFETY_KINDS = ("acuut", "veilig-thuis", "suicide", "psychiatrisch", "consultatie")
ENV_PROFILE = "KAART_GEMEENTE_PROFILE"
SPLITS = ("dev", "heldout")
HIDDEN = "heldout"  # per-question failures of this split are never reported: it is not for tuning
# per category, dev only: where to look when tuning
CATEGORY_KEYS = ("questions", "useful@3", "wrong_in_top3", "safety@3", "over_escalation", "empty", "MRR")


@dataclass
class Question:
    id: str
    kaart: str
    text: str
    split: str
    category: str = ""
    audience: str = "public"
    near: str | None = None
    age: str | None = None
    grades: dict[str, int] = field(default_factory=dict)
    wrong: dict[str, str] = field(default_factory=dict)
    safety: str | None = None
    negated: bool = False
    front_door: bool = False
    expect_place: str | None = None
    lighter_first: tuple[str, str] | None = None
    forbidden: frozenset[str] = frozenset()  # crisis lines that must not be in the top 3 (over-escalation)
    safety_route: frozenset[str] = frozenset()  # any of these in the top 3 = the safety case is met


@dataclass
class Kaart:
    name: str
    path: Path
    front_door: tuple[str, ...] = ()
    routes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    alarm: str | None = None  # 112
    suicide_line: str | None = None  # 113
    gemeente_profile: Path | None = None  # its front door; selected while this kaart is evaluated


def _norm_kaart(raw: dict[str, Any], name: str, base: Path) -> Kaart:
    path = Path(raw["path"])
    if not path.is_absolute():
        path = (base / path).resolve()
    profile = Path(raw["gemeente_profile"]) if raw.get("gemeente_profile") else None
    if profile is not None and not profile.is_absolute():
        profile = (base / profile).resolve()
    return Kaart(
        name=name,
        path=path,
        gemeente_profile=profile,
        front_door=tuple(raw.get("front_door") or ()),
        routes={k: tuple(v) for k, v in (raw.get("routes") or {}).items()},
        alarm=raw.get("alarm"),
        suicide_line=raw.get("suicide_line"),
    )


def forbidden_lines(kaart: Kaart, safety: str | None, extra: Iterable[str]) -> frozenset[str]:
    """112 is for acute danger only; 113 for suicidal thoughts (or acute danger). Anything else is escalation."""
    out = set(extra)
    if kaart.alarm and safety != "acuut":
        out.add(kaart.alarm)
    if kaart.suicide_line and safety not in ("suicide", "acuut"):
        out.add(kaart.suicide_line)
    return frozenset(out)


def load_question_file(
    path: Path, *, legacy_kaart: Kaart | None = None
) -> tuple[dict[str, Kaart], list[Question]]:
    """Read a question file: the graded format (`kaarten:` + `questions:`) or the older flat list.

    The older flat list (tests/eval/questions.yaml) has no kaart; it is run on `legacy_kaart`.
    """
    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, list):
        if legacy_kaart is None:
            raise ValueError(f"{path}: vragen zonder kaart; geef een dataset mee")
        return {legacy_kaart.name: legacy_kaart}, [_legacy_question(q, legacy_kaart) for q in data]
    base = path.parent
    repo_root = base
    for parent in [base, *base.parents]:
        if (parent / "pyproject.toml").exists():
            repo_root = parent
            break
    kaarten = {name: _norm_kaart(raw, name, repo_root) for name, raw in (data.get("kaarten") or {}).items()}
    questions = []
    for raw in data.get("questions") or []:
        kaart = kaarten[raw["kaart"]]
        safety = raw.get("safety") or None
        grades = {str(k): int(v) for k, v in (raw.get("grades") or {}).items()}
        route = frozenset(kaart.routes.get(safety, ())) if safety else frozenset()
        for sid in route:
            grades.setdefault(sid, 2)
        if raw.get("front_door"):
            for sid in kaart.front_door:
                grades.setdefault(sid, 2)
        pair = raw.get("lighter_first")
        questions.append(
            Question(
                id=str(raw["id"]),
                kaart=kaart.name,
                text=str(raw["text"]),
                split=str(raw.get("split", "dev")),
                category=str(raw.get("category", "")),
                audience=raw.get("audience") or "public",
                near=raw.get("near"),
                age=raw.get("age"),
                grades=grades,
                wrong={str(k): str(v) for k, v in (raw.get("wrong") or {}).items()},
                safety=safety,
                negated=bool(raw.get("negated")),
                front_door=bool(raw.get("front_door")),
                expect_place=raw.get("expect_place"),
                lighter_first=tuple(pair) if pair else None,
                forbidden=forbidden_lines(kaart, safety, raw.get("not_top3") or ()),
                safety_route=route,
            )
        )
    return kaarten, questions


def _legacy_question(q: dict[str, Any], kaart: Kaart) -> Question:
    relevant = list(q.get("relevant") or [])
    pair = q.get("lighter_first")
    return Question(
        id=str(q["id"]),
        kaart=kaart.name,
        text=str(q["text"]),
        split=str(q.get("split", "dev")),
        category="v1",
        audience=q.get("audience") or "public",
        near=q.get("near"),
        grades={sid: 2 for sid in relevant},
        safety="legacy" if q.get("safety") else None,
        negated=bool(q.get("negated")),
        expect_place=q.get("expect_place"),
        lighter_first=tuple(pair) if pair else None,
    )


# ----------------------------------------------------------------------------------------------------- scoring
@dataclass
class Metrics:
    n: int = 0
    hit1: int = 0
    hit5: int = 0
    useful3: int = 0  # some grade >= 1 in the top 3
    right3: int = 0  # some grade 2 in the top 3
    rr: float = 0.0
    ndcg5: float = 0.0
    wrong3: int = 0  # questions with a judged-wrong service in the top 3
    wrong_age3: int = 0
    safety_n: int = 0
    safety3: int = 0
    over_escalation: int = 0
    empty: int = 0
    negated_n: int = 0
    negation_errors: int = 0
    lighter_n: int = 0
    lighter_ok: int = 0
    place_n: int = 0
    place_ok: int = 0
    failures: list[str] = field(default_factory=list)
    # The same failures as kinds without question ids (e.g. "veilig@3 gemist: consultatie"): the only view of the
    # held-out split's failures, so the team knows which class to write independent material for.
    kinds: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: float, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {
            "questions": self.n,
            "hit@1": ratio(self.hit1, self.n),
            "hit@5": ratio(self.hit5, self.n),
            "useful@3": ratio(self.useful3, self.n),
            "right@3": ratio(self.right3, self.n),
            "MRR": ratio(self.rr, self.n),
            "nDCG@5": ratio(self.ndcg5, self.n),
            "wrong_in_top3": self.wrong3,
            "wrong_age_in_top3": self.wrong_age3,
            "safety@3": ratio(self.safety3, self.safety_n),
            "safety_cases": self.safety_n,
            "over_escalation": self.over_escalation,
            "empty": self.empty,
            "negation_errors": self.negation_errors,
            "negated_cases": self.negated_n,
            "lighter_first": ratio(self.lighter_ok, self.lighter_n),
            "lighter_cases": self.lighter_n,
            "place": ratio(self.place_ok, self.place_n),
            "place_cases": self.place_n,
        }


def score(
    m: Metrics,
    q: Question,
    ranked: list[str],
    *,
    signals: dict[str, Any] | None = None,
    place: str | None = None,
    with_signals: bool = True,
) -> None:
    """Add one answer (a ranked list of service ids) to the metrics; failures name the question id only."""
    m.n += 1
    top3 = ranked[:3]
    if not ranked:
        m.empty += 1
        m.failures.append(f"{q.id}: leeg antwoord")
        m.kinds["leeg antwoord"] += 1
    first = next((i for i, sid in enumerate(ranked) if q.grades.get(sid, 0) >= 1), None)
    if first is not None:
        m.rr += 1.0 / (first + 1)
        m.hit1 += first == 0
        m.hit5 += first < 5
    if first is not None and first < 3:
        m.useful3 += 1
    elif ranked:
        m.failures.append(f"{q.id}: niets bruikbaars in top 3")
        m.kinds[f"niets bruikbaars in top 3: {q.category or '-'}"] += 1
    if any(q.grades.get(sid, 0) >= 2 for sid in top3):
        m.right3 += 1
    gains = [q.grades.get(sid, 0) for sid in ranked[:5]]
    ideal = sorted(q.grades.values(), reverse=True)[:5]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    if idcg:
        m.ndcg5 += sum(g / math.log2(i + 2) for i, g in enumerate(gains)) / idcg
    wrong = [sid for sid in top3 if sid in q.wrong]
    if wrong:
        m.wrong3 += 1
        if any(q.wrong[sid] == "leeftijd" for sid in wrong):
            m.wrong_age3 += 1
        m.failures.append(f"{q.id}: fout in top 3: " + ", ".join(f"{s} ({q.wrong[s]})" for s in wrong))
        m.kinds["fout in top 3: " + "+".join(sorted({q.wrong[s] for s in wrong}))] += 1
    if q.safety:
        m.safety_n += 1
        if any(sid in q.safety_route for sid in top3):
            m.safety3 += 1
        else:
            m.failures.append(f"{q.id}: hulp voor dit gevaar ({q.safety}) niet in top 3")
            m.kinds[f"veilig@3 gemist: {q.safety}"] += 1
    escalated = [sid for sid in top3 if sid in q.forbidden]
    if escalated:
        m.over_escalation += 1
        m.failures.append(f"{q.id}: overescalatie: {', '.join(escalated)} in top 3")
        m.kinds["overescalatie"] += 1
    if q.negated and with_signals:
        m.negated_n += 1
        if not q.safety and signals and (signals.get("veiligheid") or signals.get("crisis")):
            m.negation_errors += 1
            m.failures.append(f"{q.id}: veiligheidssignaal op ontkende tekst")
    if q.lighter_first:
        light, heavy = q.lighter_first
        pos = {sid: i for i, sid in enumerate(ranked)}
        m.lighter_n += 1
        if light in pos and (heavy not in pos or pos[light] < pos[heavy]):
            m.lighter_ok += 1
        else:
            m.failures.append(f"{q.id}: lichtere hulp niet boven zwaardere")
    if q.expect_place and not q.near and with_signals:
        m.place_n += 1
        if place and place.lower() == q.expect_place.lower():
            m.place_ok += 1
        else:
            m.failures.append(f"{q.id}: plaats {q.expect_place!r} niet herkend (wel: {place!r})")


# ------------------------------------------------------------------------------------------------ BM25 baseline
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _lemma(word: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang="nl").lower()


def _plain_tokens(text: str) -> list[str]:
    """Lower-cased simplemma lemmas: the same light normalisation as the index side, nothing more."""
    return [_lemma(w) for w in _WORD.findall(unicodedata.normalize("NFKC", text).lower())]


class LemmaFilter(Filter):
    """whoosh filter: each token becomes its simplemma lemma (pickled with the schema, so module level)."""

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for t in tokens:
            t.text = _lemma(t.text)
            yield t


class BM25Baseline:
    """whoosh BM25F over service name + description: no ontology, no thesaurus, no safety rules, no distance."""

    def __init__(self, services: Iterable[tuple[str, str, str]]) -> None:
        from whoosh.analysis import LowercaseFilter, RegexTokenizer
        from whoosh.fields import ID, TEXT, Schema
        from whoosh.filedb.filestore import RamStorage

        analyzer = RegexTokenizer(r"[^\W_]+") | LowercaseFilter() | LemmaFilter()
        self.schema = Schema(
            id=ID(stored=True), name=TEXT(analyzer=analyzer), description=TEXT(analyzer=analyzer)
        )
        storage = RamStorage()
        # whoosh's RAM writer spills into <tmp>/MAIN.tmp, one folder for every process on the machine: two evals (a
        # test worker and `kaart eval`) removed each other's files. One folder per process and index instead.
        shared = storage.temp_storage
        storage.temp_storage = lambda name=None: shared(f"{name or 'tmp'}-{os.getpid()}-{id(storage)}")
        self.ix = storage.create_index(self.schema)
        with self.ix.writer() as w:
            for sid, name, desc in services:
                w.add_document(id=sid, name=name or "", description=desc or "")

    def search(self, text: str, limit: int = 10) -> list[str]:
        from whoosh import scoring
        from whoosh.query import Or, Term

        terms = sorted(set(_plain_tokens(text)))
        if not terms:
            return []
        query = Or([Term(f, t) for t in terms for f in ("name", "description")])
        with self.ix.searcher(weighting=scoring.BM25F()) as s:
            return [hit["id"] for hit in s.search(query, limit=limit)]


# ------------------------------------------------------------------------------------------------------- running
def _latency(values: list[float]) -> dict[str, float | None]:
    values = sorted(values)
    if not values:
        return {"p50": None, "p95": None}
    return {
        "p50": round(values[len(values) // 2], 2),
        "p95": round(values[max(0, math.ceil(len(values) * 0.95) - 1)], 2),
    }


@contextmanager
def _gemeente_profile(path: Path | None) -> Iterator[None]:
    """Select the kaart's gemeente profile (front door) the documented way, KAART_GEMEENTE_PROFILE, and restore."""
    if path is None:
        yield
        return
    before = os.environ.get(ENV_PROFILE)
    os.environ[ENV_PROFILE] = str(path)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENV_PROFILE, None)
        else:
            os.environ[ENV_PROFILE] = before


@contextmanager
def kaart_matcher(kaart: Kaart, load: Load, backend: str = "whoosh") -> Iterator[tuple[GraphStore, Any, Any]]:
    """(store, matcher, what `load` returned) over one kaart in a temporary graph, themes derived where its data has
    none, the kaart's gemeente profile in force. Why: the eval, the answer digest (tools/answers_digest.py) and the
    calm measure (tools/calm_measure.py) must answer with the same matcher over the same kaart."""
    from match.derive import derive_themes
    from match.engine import Matcher
    from match.index import rebuild

    with tempfile.TemporaryDirectory(prefix="kaart-eval-") as tmp, _gemeente_profile(kaart.gemeente_profile):
        store = connect(f"falkordb://{tmp}/graph")
        try:
            ensure_schema(store)
            loaded = load(store, kaart.path)
            index_dir = Path(tmp) / "index"
            rebuild(backend, store, index_dir)
            matcher = Matcher(store, index_dir, search_backend=backend)
            derive_themes(store, matcher.analyzer)
            rebuild(backend, store, index_dir)
            matcher.refresh(force=True)
            yield store, matcher, loaded
        finally:
            store.close()


def run_kaart(kaart: Kaart, questions: list[Question], load: Load, *, limit: int = 10) -> dict[str, Any]:
    """Load one kaart into a temporary graph, answer its questions with the matcher and with BM25, per split."""
    backend = os.environ.get("KAART_SEARCH_BACKEND") or "whoosh"  # the graph's full-text index: `graph`
    with kaart_matcher(kaart, load, backend) as (store, matcher, loaded):
        services = ServiceRepository(store).all(limit=100_000)
        baseline = BM25Baseline((s.id, s.name, s.description) for s in services)
        crisis = frozenset(s.id for s in services if s.niveau == "crisis")
        for q in questions:  # older questions: the relevant crisis services, else any crisis service
            if q.safety == "legacy" and not q.safety_route:
                q.safety_route = frozenset(s for s in q.grades if s in crisis) or crisis
        splits: dict[str, dict[str, Metrics]] = {}
        overall = {"matcher": Metrics(), "bm25": Metrics()}
        by_category: dict[str, Metrics] = {}  # matcher only, dev only: where to look when tuning
        latencies: list[float] = []
        for q in questions:
            per = splits.setdefault(q.split, {"matcher": Metrics(), "bm25": Metrics()})
            t0 = time.perf_counter()
            res = matcher.match(q.text, near=q.near, audience=q.audience, limit=limit)
            latencies.append((time.perf_counter() - t0) * 1000)
            ranked = [r["service_id"] for r in res.results]
            plain = baseline.search(q.text, limit=limit)
            place = res.place["name"] if res.place else None
            for metrics in (per, overall):
                score(metrics["matcher"], q, ranked, signals=res.signals, place=place)
                score(metrics["bm25"], q, plain, with_signals=False)
            if q.split != HIDDEN and q.category:
                score(
                    by_category.setdefault(q.category, Metrics()),
                    q,
                    ranked,
                    signals=res.signals,
                    place=place,
                )
    out: dict[str, Any] = {
        "kaart": kaart.name,
        "path": str(kaart.path),
        "services": len(services),
        "loaded": loaded if isinstance(loaded, dict) else None,
        "latency_ms": _latency(latencies),
        "splits": {},
        "all": {
            "matcher": overall["matcher"].as_dict(),
            "bm25": overall["bm25"].as_dict(),
            "failures": [
                f for name, per in splits.items() if name != HIDDEN for f in per["matcher"].failures
            ],
        },
    }
    for split in sorted(splits, key=lambda s: (s not in SPLITS, SPLITS.index(s) if s in SPLITS else 0, s)):
        per = splits[split]
        failures = per["matcher"].failures
        out["splits"][split] = {
            "matcher": per["matcher"].as_dict(),
            "bm25": per["bm25"].as_dict(),
            # Held-out questions are never used for tuning: only their numbers leave this function.
            "failures": [] if split == HIDDEN else failures,
            "hidden_failures": len(failures) if split == HIDDEN else 0,
            "hidden_by_kind": dict(sorted(per["matcher"].kinds.items())) if split == HIDDEN else {},
        }
    out["dev_categories"] = {  # per category, matcher only, never for the held-out split
        cat: {k: v for k, v in m.as_dict().items() if k in CATEGORY_KEYS}
        for cat, m in sorted(by_category.items())
    }
    return out


def evaluate_questions(
    kaarten: dict[str, Kaart],
    questions: list[Question],
    load: Load,
    *,
    split: str | None = None,
    only_kaart: str | None = None,
    limit: int = 10,
) -> dict[str, Any]:
    """Every kaart that has questions, one temporary graph each; results per kaart and per split."""
    chosen = [q for q in questions if split in (None, "all") or q.split == split]
    results = []
    for name, kaart in kaarten.items():
        if only_kaart and name != only_kaart:
            continue
        qs = [q for q in chosen if q.kaart == name]
        if qs:
            results.append(run_kaart(kaart, qs, load, limit=limit))
    return {"split": split or "all", "kaarten": results}


def evaluate(
    dataset: Path,
    questions_path: Path,
    *,
    load: Load,
    split: str | None = None,
    limit: int = 10,
) -> dict[str, Any]:
    """One dataset and one question file (the older single-kaart form of `kaart eval DATASET QUESTIONS`)."""
    dataset = Path(dataset).resolve()
    legacy = Kaart(name=dataset.name, path=dataset)
    kaarten, questions = load_question_file(Path(questions_path), legacy_kaart=legacy)
    matching = [k for k in kaarten.values() if k.path == dataset]
    if matching:
        kaarten = {matching[0].name: matching[0]}
    else:
        kaarten = {legacy.name: legacy}
        questions = [q for q in questions if q.kaart == legacy.name]
    result = evaluate_questions(kaarten, questions, load, split=split, limit=limit)
    if result["kaarten"]:  # one kaart: its totals at the top, as the single-kaart form always returned them
        result.update(result["kaarten"][0]["all"])
        result["latency_ms"] = result["kaarten"][0]["latency_ms"]
        result["imported"] = result["kaarten"][0]["loaded"]
    return result
