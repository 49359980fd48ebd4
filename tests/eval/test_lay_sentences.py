"""Lay Dutch at scale (issue 12, deliverable 4): theme recall and precision on hulpvragen in residents' own words.

tests/eval/lay_sentences.yaml holds short questions written from resident forums, FAQ pages, ZRM domain
descriptions and the seeds (not from the matcher's synonym lists, never from the held-out questions), each with
the themes a wijkcoach would give it. The matcher must name those themes (recall) and few others (precision), and
never the theme a sentence denies ("geen schulden, maar ..."). The floors are what the ontology reaches now; a
change that loses lay wordings fails here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

EVAL = Path(__file__).resolve().parent
SENTENCES = EVAL / "lay_sentences.yaml"
BATCH_1 = EVAL.parents[1] / "ontology" / "lay-voorbeelden.yaml"  # the theme model's training data (ADR 0112)
# All batches together (batch 4, unseen wording, lowered them from 0.983 / 0.960 to 0.964 / 0.950; ADR 0112).
# With batch 5 (session 6, 100 sentences by a measuring author, never tuned on): 0.930 / 0.887 over all batches.
# With batch 6 (session 7, 100 sentences by a measuring author, never tuned on): 0.903 / 0.852 at the start (77e6831).
# After lay8 + youth8 merged (session 7): 0.900 / 0.850 (start 0.903 / 0.852); see BATCH_FLOORS.
RECALL_FLOOR = 0.895
PRECISION_FLOOR = 0.845
# Batches by position (batch 1 from ontology/lay-voorbeelden.yaml, then tests/eval/lay_sentences.yaml): 1 fixed the ontology and trains the theme model (match/themeclf.py); 2 and 3
# were measured before their own fixes; 4 was written after the model was frozen and measured once (ADR 0112).
# Batch 1 lost 6 sentences in session 6 that were near copies of measured ones (tests/test_training_data.py).
# Batches measured once as unseen wording (4, 5, 6): a failure shows their totals, never their sentences.
MEASURED = frozenset({4, 5, 6})
BATCHES = {1: (0, 256), 2: (256, 306), 3: (306, 336), 4: (336, 396), 5: (396, 496), 6: (496, 596)}
# Per batch (recall, precision) reached now; 2, 3 and 4 need the theme model (rules alone: recall 0.941, 0.935,
# 0.667).
BATCH_FLOORS = {
    1: (0.99, 0.96),
    # session 7 (lay8, ADR 0132): lay authors P and Q (long stories) train the theme model; measured once after, totals
    # only: 2 0.980 / 0.905 -> 0.980 / 0.891, 3 1.0 -> 0.968 recall, 5 0.788 / 0.696 -> 0.769 / 0.690 (main's code
    # with the two files alone: 3 0.968, 5 0.760 / 0.684); 4 and 6 rose (0.882 -> 0.918, 0.770 -> 0.780). With youth8
    # merged too (lead): 5 0.769 / 0.677 — the new authors' data costs the measured batch 5 what it gains on 4 and 6.
    2: (0.98, 0.89),
    3: (0.96, 0.95),
    4: (0.80, 0.88),
    # batch 5 (session 6, measureL, ADR 0127): start dc6a736 0.702 / 0.703, end 0.788 / 0.696 — never tuned on
    5: (0.76, 0.67),
    # batch 6 (session 7, measureL6, with `writer`): start 77e6831 0.770 / 0.715, end 7f4cf66 0.790 / 0.716 — never
    # tuned on. Session 12 (model21, ADR 0165): with the safety authors G and H in training precision 0.709 (recall
    # 0.800): one false theme more, accepted with the suicide switch; totals only, never read
    6: (0.79, 0.70),
}  # session 6 (ADR 0127): 2's precision raised; 4 0.783 / 0.903 -> 0.80 / 0.882 (recall up, two false themes more)


@dataclass(frozen=True)
class Sentence:
    text: str
    themes: tuple[str, ...]
    ok: tuple[str, ...] = ()
    denied: tuple[str, ...] = ()


def load_sentences() -> list[Sentence]:
    raw = [
        s
        for path in (BATCH_1, SENTENCES)
        for s in yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]
    ]
    return [
        Sentence(s["text"], tuple(s["themes"]), tuple(s.get("ok") or ()), tuple(s.get("not") or ()))
        for s in raw
    ]


@cache
def _ancestors() -> dict[str, frozenset[str]]:
    from ontology import load_ontology

    parents = {t.id: tuple(t.parents) for t in load_ontology().themes.values()}

    def up(tid: str) -> frozenset[str]:
        out: set[str] = set()
        for p in parents.get(tid, ()):
            out |= {p} | up(p)
        return frozenset(out)

    return {tid: up(tid) for tid in parents}


def recognised(want: str, found: set[str]) -> bool:
    """The wanted theme, a more specific one under it, or its direct parent (the leefgebied of a specific need)."""
    anc = _ancestors()
    return any(f == want or want in anc.get(f, ()) for f in found) or bool(found & set(_direct_parents(want)))


def _direct_parents(tid: str) -> tuple[str, ...]:
    from ontology import load_ontology

    theme = load_ontology().themes.get(tid)
    return tuple(theme.parents) if theme else ()


def related(found: str, allowed: set[str]) -> bool:
    """A found theme is right when it is an allowed theme, lies under one, or is broader than one."""
    anc = _ancestors()
    return any(found == a or a in anc.get(found, ()) or found in anc.get(a, ()) for a in allowed)


def measure(matcher, sentences: list[Sentence] | None = None) -> dict:
    wanted = hits = named = right = 0
    misses: list[str] = []
    for s in load_sentences() if sentences is None else sentences:
        res = matcher.match(s.text, limit=3)
        found = {t["id"] for t in res.themes}
        lost = [w for w in s.themes if not recognised(w, found)]
        wanted += len(s.themes)
        hits += len(s.themes) - len(lost)
        allowed = set(s.themes) | set(s.ok)
        wrong = sorted(f for f in found if f in s.denied or not related(f, allowed))
        named += len(found)
        right += len(found) - len(wrong)
        if lost or wrong or not res.results:
            misses.append(f"{s.text!r}: missed {lost} false {wrong} found {sorted(found)}")
    return {
        "recall": hits / wanted,
        "precision": right / named if named else 0.0,
        "misses": misses,
    }


def test_the_lay_set_is_big_and_uses_known_themes():
    from ontology import load_ontology

    known = set(load_ontology().themes)
    sentences = load_sentences()
    assert len(sentences) >= 200
    assert len({s.text for s in sentences}) == len(sentences), "no duplicates"
    for s in sentences:
        assert set(s.themes) | set(s.ok) | set(s.denied) <= known, s.text
    assert sum(1 for s in sentences if s.denied) >= 5, "negation ('geen X maar Y') is in the set"


def test_lay_wordings_find_their_themes_and_few_others(demo):
    got = measure(demo)
    # totals only: the misses of batches measured as unseen wording are never shown (see the per-batch test)
    report = f"recall {got['recall']:.3f} precision {got['precision']:.3f}"
    print(report)
    assert got["recall"] >= RECALL_FLOOR, report
    assert got["precision"] >= PRECISION_FLOOR, report


def test_each_lay_batch_keeps_its_floor(demo):
    sentences = load_sentences()
    for batch, (recall, precision) in BATCH_FLOORS.items():
        lo, hi = BATCHES[batch]
        got = measure(demo, sentences[lo:hi])
        shown = [] if batch in MEASURED else got["misses"]  # a measured batch's sentences are never shown
        report = f"batch {batch}: recall {got['recall']:.3f} precision {got['precision']:.3f}\n" + "\n".join(
            shown
        )
        assert got["recall"] >= recall and got["precision"] >= precision, report
