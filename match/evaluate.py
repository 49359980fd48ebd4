"""`kaart eval`: match quality on a question set, next to a plain BM25 baseline over the same data, one run.

The dataset is loaded into a fresh, temporary embedded graph, so evaluating never touches the real kaart.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.store import GraphStore, connect


@dataclass
class Metrics:
    n: int = 0
    hit1: int = 0
    hit5: int = 0
    rr: float = 0.0
    safety_n: int = 0
    safety3: int = 0
    negated_n: int = 0
    negation_errors: int = 0
    lighter_n: int = 0
    lighter_ok: int = 0
    place_n: int = 0
    place_ok: int = 0
    failures: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: float, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {
            "questions": self.n,
            "hit@1": ratio(self.hit1, self.n),
            "hit@5": ratio(self.hit5, self.n),
            "MRR": ratio(self.rr, self.n),
            "safety@3": ratio(self.safety3, self.safety_n),
            "safety_cases": self.safety_n,
            "negation_errors": self.negation_errors,
            "negated_cases": self.negated_n,
            "lighter_first": ratio(self.lighter_ok, self.lighter_n),
            "lighter_cases": self.lighter_n,
            "place": ratio(self.place_ok, self.place_n),
        }


def load_questions(path: Path, split: str | None = None) -> list[dict[str, Any]]:
    items = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if isinstance(items, dict):
        items = items.get("questions", [])
    return [q for q in items if split in (None, "all") or q.get("split", "dev") == split]


def score(
    metrics: Metrics,
    q: dict[str, Any],
    ranked: list[str],
    niveaus: dict[str, str | None],
    signals: dict[str, bool] | None,
    place: str | None,
) -> None:
    relevant = set(q.get("relevant") or [])
    metrics.n += 1
    first = next((i for i, sid in enumerate(ranked) if sid in relevant), None)
    if first == 0:
        metrics.hit1 += 1
    if first is not None and first < 5:
        metrics.hit5 += 1
    if first is not None:
        metrics.rr += 1.0 / (first + 1)
    if first is None or first >= 5:
        metrics.failures.append(f"{q['id']}: geen relevante dienst in top 5")
    if q.get("safety"):
        metrics.safety_n += 1
        crisis_relevant = {sid for sid in relevant if niveaus.get(sid) == "crisis"}
        top3 = ranked[:3]
        ok = (
            any(sid in crisis_relevant for sid in top3)
            if crisis_relevant
            else any(niveaus.get(s) == "crisis" for s in top3)
        )
        if ok:
            metrics.safety3 += 1
        else:
            metrics.failures.append(f"{q['id']}: crisisdienst niet in top 3")
    if q.get("negated"):
        metrics.negated_n += 1
        if signals and (signals.get("veiligheid") or signals.get("crisis")) and not q.get("safety"):
            metrics.negation_errors += 1
            metrics.failures.append(f"{q['id']}: veiligheidssignaal op ontkende tekst")
    pair = q.get("lighter_first")
    if pair and len(pair) == 2:
        metrics.lighter_n += 1
        light, heavy = pair
        pos = {sid: i for i, sid in enumerate(ranked)}
        if light in pos and (heavy not in pos or pos[light] < pos[heavy]):
            metrics.lighter_ok += 1
        else:
            metrics.failures.append(f"{q['id']}: lichtere hulp niet boven zwaardere")
    if q.get("expect_place") and not q.get("near"):
        metrics.place_n += 1
        if place and place.lower() == str(q["expect_place"]).lower():
            metrics.place_ok += 1


def evaluate(
    dataset: Path,
    questions_path: Path,
    *,
    load: Callable[[GraphStore, Path], dict[str, Any]],
    split: str | None = None,
    limit: int = 10,
) -> dict[str, Any]:
    """`load` fills the empty store from `dataset` and returns its import counts (injected: match sits above
    graph, not above ingest; the CLI passes `ingest.demo.load_hsds_kaart`)."""
    from match.derive import derive_themes
    from match.engine import Matcher
    from match.index import rebuild_index

    questions = load_questions(questions_path, split)
    with tempfile.TemporaryDirectory(prefix="kaart-eval-") as tmp:
        store = connect(f"falkordb://{tmp}/graph")
        try:
            imported = load(store, Path(dataset))
            index_dir = Path(tmp) / "index"
            rebuild_index(store, index_dir)
            matcher = Matcher(store, index_dir)
            derived = derive_themes(store, matcher.analyzer)
            rebuild_index(store, index_dir)
            matcher.refresh(force=True)
            niveaus = {c.id: c.niveau for c in matcher.candidates.values()}
            ours, base = Metrics(), Metrics()
            latencies = []
            for q in questions:
                t0 = time.perf_counter()
                res = matcher.match(
                    q["text"], near=q.get("near"), audience=q.get("audience", "public"), limit=limit
                )
                latencies.append((time.perf_counter() - t0) * 1000)
                score(
                    ours,
                    q,
                    [r["service_id"] for r in res.results],
                    niveaus,
                    res.signals,
                    res.place["name"] if res.place else None,
                )
                plain = [sid for sid, _ in matcher.index.search(q["text"], limit=limit, plain=True)]
                score(base, q, plain, niveaus, None, None)
            latencies.sort()
            return {
                "dataset": str(dataset),
                "split": split or "all",
                "imported": imported,
                "derived_theme_services": len(derived),
                "matcher": ours.as_dict(),
                "bm25": base.as_dict(),
                "latency_ms": {
                    "p50": round(latencies[len(latencies) // 2], 2) if latencies else None,
                    "p95": round(latencies[max(0, int(len(latencies) * 0.95) - 1)], 2) if latencies else None,
                },
                "failures": ours.failures,
            }
        finally:
            store.close()
