"""`kaart reindex` builds a new index generation off to the side and swaps it in without pausing searches.

A worker that has the old generation open, or that read the pointer just before the swap, keeps answering
with the full text (not the degraded theme-only answer) while rebuilds replace the generation under it.
"""

from __future__ import annotations

import threading
import time

import pytest
from builders import organisation, service

from graph.repositories import OrganisationRepository, ServiceRepository
from graph.store import connect

WORD = "zonnewijzerklussen"  # only in svc-1's description: found through the full text alone


@pytest.fixture
def kaart_with_a_word(kaart):
    OrganisationRepository(kaart).upsert([organisation("org-1", name="Stichting Rond")])
    ServiceRepository(kaart).upsert(
        [
            service("svc-1", name="Budgetcoach", description=f"Hulp bij geldzaken en {WORD}"),
            service("svc-2", name="Koffieochtend", description="Samen koffie drinken"),
        ]
    )
    return kaart


def test_an_open_index_keeps_answering_after_its_generation_is_replaced_twice(kaart_with_a_word, tmp_path):
    from match.index import SearchIndex, current_generation, rebuild_index

    rebuild_index(kaart_with_a_word, tmp_path)
    index = SearchIndex(tmp_path)
    try:
        first = index.generation
        rebuild_index(kaart_with_a_word, tmp_path)
        assert (tmp_path / first).exists()  # the replaced generation stays until the next swap
        rebuild_index(kaart_with_a_word, tmp_path)
        assert not (tmp_path / first).exists()  # then it goes: no pile of old generations on disk
        assert [d.name for d in tmp_path.iterdir() if d.is_dir()].__len__() == 2
        assert current_generation(tmp_path) != first
        assert [i for i, _ in index.search(WORD)] == ["svc-1"]  # its open files still answer
    finally:
        index.close()


@pytest.mark.timeout(600)  # a matcher builds its Dutch pipeline: a minute on a busy machine
def test_searches_keep_finding_by_text_while_rebuilds_swap_the_generation(kaart_with_a_word, tmp_path):
    from match.engine import Matcher
    from match.index import current_generation, rebuild_index

    store = kaart_with_a_word
    rebuild_index(store, tmp_path)
    matcher = Matcher(connect(store.uri), tmp_path, poll_seconds=0.2)
    generations = {current_generation(tmp_path)}
    stop = threading.Event()
    errors: list[BaseException] = []

    def rebuild_over_and_over() -> None:
        rebuild_store = connect(store.uri)
        try:
            while not stop.is_set():
                rebuild_index(rebuild_store, tmp_path)
                generations.add(current_generation(tmp_path))
        except BaseException as exc:  # reported by the test below
            errors.append(exc)
        finally:
            rebuild_store.close()

    try:
        assert "svc-1" in [r["service_id"] for r in matcher.match(f"ik zoek {WORD}").results]
        builder = threading.Thread(target=rebuild_over_and_over, daemon=True)
        builder.start()
        answers, missed = 0, 0
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and (len(generations) < 12 or answers < 100):
            found = [r["service_id"] for r in matcher.match(f"ik zoek {WORD}").results]
            answers += 1
            missed += "svc-1" not in found
        stop.set()
        builder.join(timeout=60)
        assert not errors
        assert len(generations) >= 5, "the rebuilds swapped too few generations to show anything"
        assert missed == 0, f"{missed} of {answers} searches lost the full text during a rebuild"
    finally:
        stop.set()
        matcher.store.close()
