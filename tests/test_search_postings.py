"""The numpy search over the postings sidecar gives whoosh's answers (match/postings.py, ADR 0099, issue 14).

Whoosh stays the stored index; a search of a generation with a sidecar is computed with numpy. The oracle here is
whoosh itself on the same files: the same ids in the same order with the same scores (bit for bit), for the bench
queries, the dev hulpvragen and random word lists, on one big segment (whoosh's union tree), on two small ones
(its array union), after edits applied as `catch_up` applies them, and on a generation without a sidecar.
"""

from __future__ import annotations

import importlib.util
import random
import shutil
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml
from whoosh import index as windex
from whoosh import qparser, scoring
from whoosh.matching import ListMatcher, UnionMatcher
from whoosh.searching import Searcher
from whoosh.util import make_weighted_tree

from match import index_build, postings
from match.index import SEARCHED, SearchIndex, _clean, _parser, _schema, _switch, index_fields
from match.index_build import TermCache, write_generation
from ontology import load_ontology

ROOT = Path(__file__).resolve().parents[1]


def _bench_queries() -> list[str]:
    """The bench's questions (bench/common.py), so the exactness test covers what the benches time."""
    spec = importlib.util.spec_from_file_location("bench_common", ROOT / "bench" / "common.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_common", module)  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return list(module.QUERIES)


BENCH_QUERIES = _bench_queries()
TOWNS = ["Aalten", "Dinxperlo", "Bredevoort", "Winterswijk", "Lichtenvoorde", "Zwolle"]


def _dev_questions() -> list[str]:
    """The dev split of the eval's hulpvragen only (the held-out ones stay unseen)."""
    data = yaml.safe_load((ROOT / "tests" / "eval" / "questions.yaml").read_text())
    return [q["text"] for q in data if q.get("split") == "dev"]


def _docs(n: int, seed: int = 11) -> list[dict]:
    """A kaart like bench/common.py's synthetic one, with uneven lengths (whoosh stores lengths as a lossy
    byte), repeated names and descriptions (equal scores, so the order of ties counts) and tricky words."""
    onto = load_ontology()
    themes = [t for t in onto.themes.values() if t.parents]
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        t = themes[i % len(themes)]
        phrases = list(getattr(t, "synonyms", ()) or ())[:3]
        extra = " ".join(rng.choice(phrases or [t.label]) for _ in range(rng.choice([0, 0, 1, 3, 12, 60])))
        picked = [t.id] + [x.id for x in rng.sample(themes, rng.randint(0, 2))]
        docs.append(
            {
                "id": f"svc-{i}",
                "name": rng.choice(
                    [f"{t.label} hulp {i}", f"{t.label} hulp", "Budgetcoach", "Koffieochtend"]
                ),
                "organisation": rng.choice([f"Stichting {i % 97}", "Gemeente Aalten", None]),
                "description": rng.choice(
                    [
                        f"Wij helpen bij {t.label.lower()}: {', '.join(phrases)}. Voor inwoners van {rng.choice(TOWNS)}.",
                        "Hulp bij geldzaken, e-mail en 's avonds; café ﬁets-reparatie",
                        "",
                    ]
                )
                + " "
                + extra,
                "themes": picked,
            }
        )
    return docs


def _build(path: Path, docs: list[dict], procs: int, sidecar: bool = True) -> Path:
    """A generation as `rebuild_index` writes it, with `current` pointing at it."""
    onto, terms = load_ontology(), TermCache()
    gen = path / "gen-1"
    gen.mkdir(parents=True)
    write_generation(
        gen,
        _schema(),
        docs,
        lambda d: index_fields(d, onto, terms),
        procs,
        sidecar=SEARCHED if sidecar else None,
    )
    _switch(path, gen.name)
    return gen


def _whoosh(gen: Path, text: str, limit: int | None) -> list[tuple[str, float]]:
    """The answer of whoosh itself: a fresh searcher on the generation's latest commit."""
    ix = windex.open_dir(str(gen))
    with ix.searcher(weighting=scoring.BM25F()) as s:
        q = _parser(SEARCHED, ix.schema, qparser.OrGroup).parse(_clean(text))
        return [(h["id"], float(h.score)) for h in s.search(q, limit=limit)]


def _queries(docs: list[dict], rng: random.Random, n: int) -> list[str]:
    words = sorted({w for d in docs for w in f"{d['name']} {d['description']}".split()})
    out = BENCH_QUERIES + _dev_questions()
    out += [" ".join(rng.sample(words, rng.randint(1, 8))) for _ in range(n)]
    out += ["hulp", "hulp hulp geld", "Budgetcoach", "zonnewijzerklussen", "de het een", "e-mail 's avonds"]
    return out


def _assert_same(
    index: SearchIndex, gen: Path, queries: list[str], limits=(60, 10, None), fast: bool = True
) -> int:
    """Every query answered as whoosh answers it; returns how many queries had tied scores in their answer.
    `fast`: the handle must answer without whoosh's collector (the numpy path really ran)."""
    ties = 0
    for text in queries:
        for limit in limits:
            # whoosh's own top-k skips blocks by a quality bound that is not exact for BM25F (lossy length
            # bytes): at limit 10 it can drop a document scoring as high as its third hit. The exact top-k is
            # its full answer cut at the limit, in its order.
            want = _whoosh(gen, text, None)[:limit] if limit else _whoosh(gen, text, None)
            with pytest.MonkeyPatch.context() as mp:
                if fast:
                    mp.setattr(Searcher, "search", _not_whoosh)
                got = index.search(text, limit=limit)
            assert got == want, (text, limit)
            ties += len({s for _, s in want}) < len(want)
    return ties


def _not_whoosh(*args, **kwargs):
    raise AssertionError("whoosh's search ran where the sidecar should answer")


@pytest.fixture
def big_segment(tmp_path):
    """One segment of more than 5 000 services: whoosh adds a query's terms in a tree of unions."""
    docs = _docs(5600)
    return tmp_path, _build(tmp_path, docs, procs=1), docs


def test_one_big_segment_answers_as_whoosh_with_ties_in_its_order(big_segment):
    path, gen, docs = big_segment
    assert len(list((gen / postings.SIDECAR_DIR).iterdir())) == 1
    index = SearchIndex(path)
    try:
        ties = _assert_same(index, gen, _queries(docs, random.Random(1), 60))
        assert ties > 10  # the ordering of equal scores was really tested
    finally:
        index.close()


def test_two_small_segments_answer_as_whoosh(tmp_path, monkeypatch):
    """Two build processes, each segment under 5 000 (whoosh's array union) and the document numbers of the
    second segment offset by the first."""
    monkeypatch.setattr(index_build, "PARALLEL_FROM", 100)
    docs = _docs(3000, seed=5)
    gen = _build(tmp_path, docs, procs=2)
    assert len(list((gen / postings.SIDECAR_DIR).iterdir())) == 2
    index = SearchIndex(tmp_path)
    try:
        _assert_same(index, gen, _queries(docs, random.Random(2), 40))
    finally:
        index.close()


def _edit(index: SearchIndex, docs: list[dict], rng: random.Random) -> None:
    """Changes committed as `SearchIndex._apply` commits them: updates, deletes and new services."""
    onto = load_ontology()
    writer = index._ix.writer()
    for doc in rng.sample(docs, 25):
        changed = dict(doc, description=doc["description"] + " schuldhulp budgetcoach nieuw")
        fields = index_fields(changed, onto)
        del fields["plain"]
        writer.update_document(**fields)
    for doc in rng.sample(docs, 25):
        writer.delete_by_term("id", doc["id"])
    for doc in _docs(30, seed=99):
        fields = index_fields(dict(doc, id=f"new-{doc['id']}"), onto)
        del fields["plain"]
        writer.update_document(**fields)
    writer.commit()


def test_after_edits_the_answers_stay_whoosh_s(big_segment):
    """Edits add whoosh segments (scored by whoosh) and delete documents in the sidecar's segment (masked); the
    statistics (document count, average length, document frequency) are the whole index's."""
    path, gen, docs = big_segment
    index = SearchIndex(path)
    rng = random.Random(3)
    try:
        for _ in range(3):
            _edit(index, docs, rng)
            queries = _queries(docs, rng, 25) + ["schuldhulp budgetcoach nieuw"]
            _assert_same(index, gen, queries, limits=(60, None))
        assert len(index._searcher.reader().leaf_readers()) > 1
    finally:
        index.close()


def test_a_generation_built_before_the_sidecar_is_searched_by_whoosh(tmp_path):
    docs = _docs(1200, seed=8)
    gen = _build(tmp_path, docs, procs=1, sidecar=False)
    assert not (gen / postings.SIDECAR_DIR).exists()
    index = SearchIndex(tmp_path)
    try:
        _assert_same(index, gen, _queries(docs, random.Random(4), 10), fast=False)
    finally:
        index.close()


def test_a_damaged_sidecar_is_ignored(tmp_path):
    docs = _docs(800, seed=9)
    gen = _build(tmp_path, docs, procs=1)
    for sub in (gen / postings.SIDECAR_DIR).iterdir():
        (sub / "lengths.npy").write_bytes(b"not an array")
    index = SearchIndex(tmp_path)
    try:
        _assert_same(index, gen, BENCH_QUERIES, limits=(60,), fast=False)
    finally:
        index.close()
    shutil.rmtree(gen / postings.SIDECAR_DIR)


def test_the_numpy_search_is_at_least_five_times_faster_than_whoosh(big_segment):
    """Same machine, same run, same queries: a ratio, not a time. Whoosh decodes and scores one posting at a
    time in Python; the sidecar scores a posting list per numpy call."""
    path, gen, docs = big_segment
    index = SearchIndex(path)
    ix = windex.open_dir(str(gen))
    searcher = ix.searcher(weighting=scoring.BM25F())
    parser = _parser(SEARCHED, ix.schema, qparser.OrGroup)
    queries = BENCH_QUERIES + [f"{d['name']} {d['description'][:60]}" for d in docs[:10]]
    parsed = [parser.parse(_clean(q)) for q in queries]
    try:
        fast, slow = [], []
        for _ in range(3):
            t = time.perf_counter()
            for q in queries:
                index.search(q, limit=60)
            fast.append(time.perf_counter() - t)
            t = time.perf_counter()
            for q in parsed:
                searcher.search(q, limit=60)
            slow.append(time.perf_counter() - t)
        print(
            f"whoosh {min(slow) * 1000:.1f} ms, numpy {min(fast) * 1000:.1f} ms for {len(queries)} searches"
        )
        assert min(slow) >= 5 * min(fast), (min(slow), min(fast))
    finally:
        searcher.close()
        index.close()


class _Missing(ListMatcher):
    """A clause the segment does not have: whoosh gives it a matcher of another class (NullMatcher)."""


def _shape(m, leaves: dict[int, int]):
    if isinstance(m, UnionMatcher):
        return (_shape(m.a, leaves), _shape(m.b, leaves))
    return leaves[id(m)]


def _ours(node):
    return node if isinstance(node, int) else (_ours(node[1]), _ours(node[2]))


def test_the_order_of_additions_is_whoosh_s_union_tree_also_for_equal_frequencies():
    """Bit-equal sums need whoosh's tree: `make_weighted_tree` over (document frequency, matcher) pairs, whose
    comparison of equal frequencies falls through to matchers that compare equal."""
    rng = random.Random(6)
    for _ in range(300):
        weights = [rng.choice([0, 0, 1, 2, 3, 5, 8, rng.randint(0, 50)]) for _ in range(rng.randint(2, 14))]
        matchers = [(_Missing if w == 0 else ListMatcher)([1, 2]) for w in weights]
        leaves = {id(m): i for i, m in enumerate(matchers)}
        whoosh_tree = make_weighted_tree(UnionMatcher, list(zip(weights, matchers, strict=True)))
        assert _ours(postings.weighted_tree(weights)) == _shape(whoosh_tree, leaves), weights


def test_threads_of_a_worker_searching_one_handle_get_whoosh_s_answers(big_segment):
    """gunicorn threads share a handle: the numpy part runs outside the handle's lock, whoosh's part (the
    segment of an edit, its stored ids) inside it."""
    path, gen, docs = big_segment
    index = SearchIndex(path)
    try:
        _edit(index, docs, random.Random(5))
        queries = BENCH_QUERIES + ["schuldhulp budgetcoach nieuw", "hulp"]
        want = {q: _whoosh(gen, q, 60) for q in queries}
        wrong: list[str] = []

        def run(k: int) -> None:
            for i in range(40):
                q = queries[(i + k) % len(queries)]
                if index.search(q, limit=60) != want[q]:
                    wrong.append(q)

        threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert wrong == []
    finally:
        index.close()
