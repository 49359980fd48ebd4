"""A fast rebuild finds exactly what whoosh's own way of indexing finds (match/index_build.py, issue 14).

The rebuild analyses each distinct word once, hands whoosh lists of terms, groups postings in memory and
writes segments in parallel processes. None of that may change a search result: the same terms, postings,
lengths and scores, and equal scores in the same order, as an index written with `add_document(**text)`.
"""

from __future__ import annotations

import random

import pytest
from whoosh import index as windex
from whoosh import scoring
from whoosh.analysis import LanguageAnalyzer
from whoosh.query import Or, Term

from match import index_build
from match.index import _schema, index_fields
from match.index_build import TermCache, write_generation
from ontology import load_ontology

TRICKY = [
    "Hulp bij geldzaken, e.g. schulden (3.5 keer) en a..b of *ster's",
    "Café Œuvre: ﬁets-reparatie voor 12_3 inwoners; x.y.z. en De  Achterhoek",
    "İstanbul ÅNGSTRÖM naïeve coöperatie ’s-Hertogenbosch 's avonds",
    "de het een en van in op is te dat die voor zijn met als er maar om",
    "a b c d 1 22 333 ab",
    "",
]


def test_cached_analysis_gives_the_terms_of_the_analyzer_on_the_whole_text():
    analyzer = LanguageAnalyzer("nl")
    terms = TermCache()
    onto = load_ontology()
    texts = TRICKY + [t.label for t in onto.themes.values()]
    texts += [s for t in onto.themes.values() for s in getattr(t, "synonyms", ()) or ()]
    for text in texts * 2:  # the second time from the cache
        assert terms(text) == [t.text for t in analyzer(text)], text
        assert terms.repeated(text) == [t.text for t in analyzer(text)], text


def _docs(n: int) -> list[dict]:
    """Services with repeated and unique words, several themes, empty fields, ties on purpose."""
    onto = load_ontology()
    themes = sorted(t for t, v in onto.themes.items() if v.parents)
    rng = random.Random(7)
    docs = []
    for i in range(n):
        picked = rng.sample(themes, rng.randint(0, 3))
        docs.append(
            {
                "id": f"svc-{i}",
                "name": rng.choice(["Budgetcoach", "Schuldhulp", "Koffieochtend", ""]) + f" {i % 7}",
                "organisation": rng.choice(["Stichting Rond", "Gemeente Aalten", None]),
                "description": rng.choice(TRICKY) + " " + " ".join(rng.sample(picked, len(picked))),
                "themes": picked,
            }
        )
    return docs


def _whoosh_way(path, docs, onto):
    """The index as whoosh itself writes it from the text (one writer, its own analysis and pool)."""
    ix = windex.create_in(str(path), _schema())
    with ix.writer() as w:
        for doc in docs:
            fields = index_fields(doc, onto)
            del fields["plain"]
            w.add_document(**fields)
    return ix


@pytest.mark.parametrize("procs", [1, 2])
def test_a_fast_build_finds_the_same_services_with_the_same_scores_in_the_same_order(
    tmp_path, monkeypatch, procs
):
    onto = load_ontology()
    docs = _docs(600)
    monkeypatch.setattr(index_build, "PARALLEL_FROM", 100)  # two segments at this size
    (tmp_path / "fast").mkdir()
    (tmp_path / "slow").mkdir()
    terms = TermCache()
    segments = write_generation(
        tmp_path / "fast", _schema(), docs, lambda d: index_fields(d, onto, terms), procs
    )
    assert segments == procs
    fast, slow = windex.open_dir(str(tmp_path / "fast")), _whoosh_way(tmp_path / "slow", docs, onto)
    with fast.searcher(weighting=scoring.BM25F()) as a, slow.searcher(weighting=scoring.BM25F()) as b:
        ra, rb = a.reader(), b.reader()
        assert ra.doc_count() == rb.doc_count() == len(docs)
        assert list(ra.all_stored_fields()) == list(rb.all_stored_fields())
        assert ra.field_length("content") == rb.field_length("content")
        assert [ra.doc_field_length(d, "content") for d in range(len(docs))] == [
            rb.doc_field_length(d, "content") for d in range(len(docs))
        ]
        words = sorted(rb.lexicon("content"))
        assert sorted(ra.lexicon("content")) == words
        for word in words:
            assert ra.doc_frequency("content", word) == rb.doc_frequency("content", word)
            assert ra.frequency("content", word) == rb.frequency("content", word)
        rng = random.Random(3)
        queries = [[w] for w in words] + [rng.sample(words, 4) for _ in range(200)]
        for q in queries:
            query = Or([Term("content", w.decode() if isinstance(w, bytes) else w) for w in q])
            for limit in (5, 60, None):
                hits_a = [(h["id"], h.score) for h in a.search(query, limit=limit)]
                hits_b = [(h["id"], h.score) for h in b.search(query, limit=limit)]
                assert hits_a == hits_b, q
