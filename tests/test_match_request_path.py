"""What a match request costs outside the full-text search (issue 14, docs/adr/0100-match-request-path.md):
the Dutch analysis, the candidate pool and the ranking do work that does not grow with the kaart, and a saved
change is applied by a worker's own follower thread, not inside somebody's request.

Speed is asserted only as a ratio of two measurements in the same run.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    """Hulpvragen of our own (never the held-out questions): the old question list and the safety sentences."""
    questions = yaml.safe_load((ROOT / "tests/eval/questions.yaml").read_text(encoding="utf-8"))
    out = [q["text"] for q in questions if str(q.get("split", "dev")) == "dev"]
    sentences = yaml.safe_load((ROOT / "tests/eval/safety_sentences.yaml").read_text(encoding="utf-8"))
    for group in sentences["groups"]:
        out += [s if isinstance(s, str) else s.get("text", "") for s in group.get("sentences", [])]
    return [t for t in out if t]


def _timed(fn, texts, docs) -> tuple[list, float]:
    t0 = time.perf_counter()
    found = [sorted(set(fn(doc))) for doc in docs]
    return found, time.perf_counter() - t0


@pytest.mark.timeout(300)
def test_the_theme_ruler_finds_what_spacys_matcher_finds_in_a_fraction_of_the_time():
    """The thesaurus phrases found in a hulpvraag are the same as with one spaCy Matcher over all ~4 800 patterns
    (which starts every pattern at every word: most of the Dutch analysis), at a fraction of its cost."""
    from spacy.matcher import Matcher

    from match.nlp import warm

    nlp = warm().nlp
    ruler = nlp.get_pipe("span_ruler")
    reference = Matcher(nlp.vocab)
    for entry in ruler.patterns:
        reference.add(repr((entry["label"], entry.get("id", ""))), [entry["pattern"]])
    texts = _texts()
    assert len(texts) > 100
    with nlp.select_pipes(disable=["span_ruler", "kaart_signal_rules", "doelgroep_ruler"]):
        docs = [nlp(t) for t in texts]  # tokens with their NORM, as the ruler sees them
    for fn in (ruler.matcher, reference):  # warm both (lexemes, caches)
        _timed(fn, texts, docs[:20])
    ours, ours_s = min((_timed(ruler.matcher, texts, docs) for _ in range(3)), key=lambda r: r[1])
    theirs, theirs_s = min((_timed(reference, texts, docs) for _ in range(3)), key=lambda r: r[1])
    assert ours == theirs
    assert sum(map(len, ours)) > 100  # the texts do name needs
    assert ours_s < 0.5 * theirs_s, (ours_s, theirs_s)


# --- a saved change: applied by the worker's follower thread, not inside a request ------------------------------

WORD = "zonnewijzerklussen"  # a word no service has before the edit


def _small_kaart(store) -> None:
    from builders import location, organisation, service

    from graph.repositories import LocationRepository, OrganisationRepository, ServiceRepository
    from ingest.ontology_loader import load_ontology_into_graph

    load_ontology_into_graph(store)
    OrganisationRepository(store).upsert([organisation("org-1", name="Stichting Rond")])
    LocationRepository(store).upsert([location("loc-1", "org-1")])
    ServiceRepository(store).upsert(
        [
            service("svc-1", name="Budgetcoach", description="Hulp bij geldzaken", themes=("schulden",)),
            service("svc-2", name="Koffieochtend", description="Samen koffie", themes=("eenzaamheid",)),
        ]
    )


def _edit_description(store, text: str) -> None:
    import dataclasses

    from graph.editing import save_edit
    from graph.repositories import ServiceRepository

    repo = ServiceRepository(store)
    before = repo.get("svc-1")
    version = int((repo.meta("svc-1") or {}).get("version") or 0)
    save_edit(
        store, "Service", dataclasses.replace(before, description=text), "coordinator@example.org", version
    )


@pytest.mark.timeout(600)
def test_a_saved_edit_is_applied_by_the_workers_follower_not_inside_a_request(falkor_store, tmp_path):
    """The first request after a change answered at once from the snapshot it has; the worker's follower thread
    applies the change to the full-text index (a whoosh commit: 136 ms at 100 000 services) and to the
    candidates, and the edit is found well within 2 s, without a request doing any of that work."""
    import threading

    from graph.store import connect
    from match.engine import Matcher
    from match.index import rebuild_index

    store = falkor_store
    _small_kaart(store)
    rebuild_index(store, tmp_path / "index")
    matcher = Matcher(connect(store.uri), tmp_path / "index", poll_seconds=0.2, follow=True)
    work: list[tuple[str, str]] = []  # (what, thread) for every step that applied a change

    def recorded(what, fn, changed):
        def wrapper(*args, **kwargs):
            before = changed()
            try:
                return fn(*args, **kwargs)
            finally:
                if changed() != before:
                    work.append((what, threading.current_thread().name))

        return wrapper

    index = matcher.live.index
    index.catch_up = recorded("full-text index", index.catch_up, index.seq)
    pool = matcher.live.pool
    pool.update = recorded("candidates", pool.update, lambda: id(pool.cols))
    try:
        assert "svc-1" not in [r["service_id"] for r in matcher.match(f"ik zoek {WORD}").results]
        _edit_description(store, f"Hulp bij geldzaken en {WORD}")
        t0 = time.monotonic()
        found = False
        while not found and time.monotonic() - t0 < 2.0:
            found = "svc-1" in [r["service_id"] for r in matcher.match(f"ik zoek {WORD}").results]
            time.sleep(0.02)
        assert found, "de bewerking niet gevonden binnen 2 s"
        assert {what for what, _ in work} == {"full-text index", "candidates"}
        request_thread = threading.current_thread().name
        assert all(thread != request_thread for _, thread in work), work
    finally:
        matcher.close()
        matcher.store.close()
    assert not matcher.live.following()


def test_a_web_worker_follows_changes_until_its_store_is_closed(app):
    """The matcher of the web app has a follower thread; closing the app's store stops it first (a read on a
    closed store would reconnect, and could start a stopped embedded server again)."""
    import threading

    from webapp.answer import get_matcher
    from webapp.db import close_store

    with app.app_context():
        matcher = get_matcher()
        assert matcher.live.following()
        follower = matcher.live._follower
        close_store(app)
    follower.join(timeout=5)
    assert not follower.is_alive()
    assert "kaart-follow" not in {t.name for t in threading.enumerate() if t is follower}


# --- a request's work follows its answer, not the size of the kaart ---------------------------------------------


def _same_kind_of_services(store, n: int) -> None:
    """`n` debt services that share everything the ranking reads (one group, no location): the kind of pool an
    import of one provider's services gives, and the one whose order is decided by the service ids."""
    from builders import organisation, service

    from graph.repositories import OrganisationRepository, ServiceRepository
    from ingest.ontology_loader import load_ontology_into_graph

    load_ontology_into_graph(store)
    OrganisationRepository(store).upsert([organisation("org-1")])
    ServiceRepository(store).upsert(
        service(f"svc-{i:05d}", name=f"Dienst {i}", description="Voor inwoners", themes=("schulden",))
        for i in range(n)
    )


class _Counted:
    """The store, with every statement sent to the graph counted (the boundary of our storage, not a mock)."""

    def __init__(self, store) -> None:
        self._store = store
        self.statements = 0

    def __getattr__(self, name):
        value = getattr(self._store, name)
        if name in ("read", "write"):

            def one(*args, **kwargs):
                self.statements += 1
                return value(*args, **kwargs)

            return one
        if name in ("read_all", "write_all"):

            def many(statements, *args, **kwargs):
                self.statements += len(statements)
                return value(statements, *args, **kwargs)

            return many
        return value


def _per_request(store, index_dir, n: int) -> tuple[int, int, list[str]]:
    """(graph statements, service ids decoded) for one request on a kaart of `n` such services, and its answer."""
    from match import pool
    from match.engine import Matcher
    from match.index import rebuild_index

    _same_kind_of_services(store, n)
    rebuild_index(store, index_dir)
    counted = _Counted(store)
    matcher = Matcher(counted, index_dir, poll_seconds=0.0)  # polls the change sequence on every request
    # The need given (as a professional's theme filter does) and no words in common: the order among these
    # equals is decided by their ids alone.
    ask = {"text": "qwzx", "themes_override": ["schulden"]}
    matcher.match(**ask)  # the first: lexemes, the status board
    decoded = 0
    real = pool.Texts.__getitem__

    def counting(self, row):
        nonlocal decoded
        decoded += 1
        return real(self, row)

    counted.statements = 0
    pool.Texts.__getitem__ = counting
    try:
        answer = [r["service_id"] for r in matcher.match(**ask).results]
    finally:
        pool.Texts.__getitem__ = real
    return counted.statements, decoded, answer


@pytest.mark.timeout(600)
def test_a_request_reads_and_decodes_as_much_on_a_big_kaart_as_on_a_small_one(falkor_server, tmp_path):
    """Ten times the services that fit equally well: the same graph statements per request (the change sequence,
    nothing per service) and about the same number of service ids decoded (the order among equals comes from
    the snapshot's id order, not from decoding every id of the pool: 2 000 per request before)."""
    from graph.store import connect

    uri = f"falkordb://{falkor_server.data_dir}?graph=t_small_{time.time_ns()}"
    with connect(uri) as small:
        small_statements, small_decoded, small_answer = _per_request(small, tmp_path / "small", 200)
        small.clear()
    uri = f"falkordb://{falkor_server.data_dir}?graph=t_big_{time.time_ns()}"
    with connect(uri) as big:
        big_statements, big_decoded, big_answer = _per_request(big, tmp_path / "big", 2000)
        big.clear()
    assert small_answer == big_answer == [f"svc-{i:05d}" for i in range(10)]  # equals: the smallest ids first
    assert big_statements == small_statements
    assert big_decoded <= small_decoded + 20, (small_decoded, big_decoded)


def test_the_embedded_graphs_replies_are_parsed_in_c(falkor_store):
    """A new worker reads every candidate (100 000s of rows): redis-py's pure-Python reply parser was the larger
    part of that load; with hiredis installed (pyproject.toml) redis-py parses in C, the same values."""
    pool = falkor_store._db.connection.connection_pool
    connection = pool.get_connection()
    try:
        assert type(connection._parser).__name__ == "_HiredisParser"
    finally:
        pool.release(connection)
    assert falkor_store.read("RETURN 1 AS one, 'één' AS word, [1.5, null] AS list") == [
        {"one": 1, "word": "één", "list": [1.5, None]}
    ]


def test_a_replys_scalar_values_are_passed_through_at_the_cost_of_a_call():
    """A worker's start converts millions of values of FalkorDB replies (`graph/store.py` `_plain`): a string,
    number or null comes back as it is, at about the cost of calling a function (it imported falkordb's Node and
    Edge for every value: ~80 times that). Lists and nested values are converted as before."""
    import timeit

    from graph.store import _plain

    values = ["svc-1", 12, 51.9, None, True, "Stichting Rond"] * 200
    assert [_plain(v) for v in values] == values
    assert _plain([["a", 1], {"k": [None, 2.5]}]) == [["a", 1], {"k": [None, 2.5]}]

    def identity(v):
        return v

    plain = min(timeit.repeat(lambda: [_plain(v) for v in values], number=20, repeat=5))
    call = min(timeit.repeat(lambda: [identity(v) for v in values], number=20, repeat=5))
    assert plain < 10 * call, (plain, call)
