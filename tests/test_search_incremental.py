"""An edit is searchable at once, on every worker and every web node, without `kaart reindex`.

Every worker (a `Matcher`) learns of changes through the graph's change sequence (graph/changes.py), not
through the file system: a second node with an index directory of its own finds the edit as quickly as the
worker next to the one that saved it. Runs on both backends.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
from builders import location, organisation, service

from graph import changes
from graph.editing import delete_record, save_edit
from graph.repositories import LocationRepository, OrganisationRepository, ServiceRepository
from graph.store import connect

WORD = "zonnewijzerklussen"  # a word no service has before the edit


@pytest.fixture
def kaart_with_budgetcoach(kaart):
    OrganisationRepository(kaart).upsert([organisation("org-1", name="Stichting Rond")])
    LocationRepository(kaart).upsert([location("loc-1", "org-1")])
    ServiceRepository(kaart).upsert(
        [
            service(
                "svc-1",
                name="Budgetcoach",
                description="Hulp bij geldzaken",
                themes=("schulden",),
                location_ids=("loc-1",),
            ),
            service(
                "svc-2", name="Koffieochtend", description="Samen koffie drinken", themes=("eenzaamheid",)
            ),
        ]
    )
    return kaart


def _worker(store, index_dir: Path):
    """One worker's matcher with its own graph connection (as a gunicorn worker has)."""
    from match.engine import Matcher

    return Matcher(connect(store.uri), index_dir, poll_seconds=0.2)


def _found_within(matcher, text: str, service_id: str, seconds: float = 2.0) -> float | None:
    """Seconds until a search for `text` returns `service_id`, or None when it does not within `seconds`."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds:
        if service_id in [r["service_id"] for r in matcher.match(text).results]:
            return time.monotonic() - t0
        time.sleep(0.05)
    return None


def _edit_service(store, **changed) -> None:
    repo = ServiceRepository(store)
    before = repo.get("svc-1")
    version = int((repo.meta("svc-1") or {}).get("version") or 0)
    save_edit(store, "Service", dataclasses.replace(before, **changed), "coordinator@example.org", version)


@pytest.mark.timeout(900)  # three matchers, each building its Dutch pipeline: minutes on a busy machine
def test_an_edit_is_found_on_every_worker_and_node_within_two_seconds(kaart_with_budgetcoach, tmp_path):
    from match.index import rebuild_index

    store = kaart_with_budgetcoach
    node_a, node_b = tmp_path / "node-a", tmp_path / "node-b"
    rebuild_index(store, node_a)
    rebuild_index(store, node_b)
    workers = [_worker(store, node_a), _worker(store, node_a), _worker(store, node_b)]
    try:
        for w in workers:
            assert "svc-1" not in [r["service_id"] for r in w.match(f"ik zoek {WORD}").results]
        _edit_service(store, description=f"Hulp bij geldzaken en {WORD}")
        saved = time.monotonic()
        time.sleep(max(0.0, saved + 2.0 - time.monotonic()))
        for w in workers:  # a search asked 2 s after the save finds it, on the first try, on every worker
            assert "svc-1" in [r["service_id"] for r in w.match(f"ik zoek {WORD}").results]
        # the index files of both nodes hold it (not only one process's memory), at the graph's seq
        from match.index import SearchIndex

        for node in (node_a, node_b):
            index = SearchIndex(node)
            try:
                assert [h[0] for h in index.search(WORD)] == ["svc-1"]
                assert index.seq() == changes.current_seq(store)
            finally:
                index.close()
    finally:
        for w in workers:
            w.store.close()


def test_a_renamed_organisation_and_changed_themes_reach_the_ranking(kaart_with_budgetcoach, tmp_path):
    """Not only the text: the candidate data (themes, organisation) of the changed service is re-read too."""
    from match.index import rebuild_index

    store = kaart_with_budgetcoach
    rebuild_index(store, tmp_path / "index")
    worker = _worker(store, tmp_path / "index")
    try:
        assert "svc-1" not in [r["service_id"] for r in worker.match("ik voel me zo alleen").results]
        _edit_service(store, themes=("schulden", "eenzaamheid"))
        org = OrganisationRepository(store).get("org-1")
        version = int((OrganisationRepository(store).meta("org-1") or {}).get("version") or 0)
        save_edit(
            store, "Organisation", dataclasses.replace(org, name="Stichting Kwelderwind"), "c@x.nl", version
        )
        assert _found_within(worker, "ik voel me zo alleen", "svc-1") is not None
        assert worker.candidates["svc-1"].themes == frozenset({"schulden", "eenzaamheid"})
        assert _found_within(worker, "kwelderwind", "svc-1") is not None
    finally:
        worker.store.close()


def test_a_deleted_location_takes_its_distance_with_it(kaart_with_budgetcoach, tmp_path):
    from match.index import rebuild_index

    store = kaart_with_budgetcoach
    rebuild_index(store, tmp_path / "index")
    worker = _worker(store, tmp_path / "index")
    try:
        assert worker.candidates["svc-1"].points
        version = int((LocationRepository(store).meta("loc-1") or {}).get("version") or 0)
        delete_record(store, "Location", "loc-1", "c@x.nl", version)
        deadline = time.monotonic() + 2
        while worker.candidates["svc-1"].points and time.monotonic() < deadline:
            worker.match("schulden")
            time.sleep(0.05)
        assert worker.candidates["svc-1"].points == ()
    finally:
        worker.store.close()


def test_a_worker_behind_the_change_log_reloads_everything(kaart_with_budgetcoach, tmp_path, monkeypatch):
    """The log keeps the last KEEP units: a worker further behind reloads all candidates, still correct."""
    from match.index import rebuild_index

    store = kaart_with_budgetcoach
    rebuild_index(store, tmp_path / "index")
    worker = _worker(store, tmp_path / "index")
    monkeypatch.setattr(changes, "KEEP", 1)
    try:
        _edit_service(store, name="Budgetcoach Oost")
        _edit_service(store, name="Budgetcoach West")
        assert changes.since(store, changes.current_seq(store) - 2).full
        deadline = time.monotonic() + 2
        while worker.candidates["svc-1"].name != "Budgetcoach West" and time.monotonic() < deadline:
            worker.match("schulden")
            time.sleep(0.05)
        assert worker.candidates["svc-1"].name == "Budgetcoach West"
    finally:
        worker.store.close()


def test_the_sequence_counts_units_in_commit_order(store):
    before = changes.current_seq(store)
    store.write_all([changes.bump_statement(["Service:a", "Organisation:o"])])
    store.write_all([changes.bump_statement(["Service:b"])])
    assert changes.current_seq(store) == before + 2
    found = changes.since(store, before)
    assert found.seq == before + 2 and not found.full
    assert found.services == frozenset({"a", "b"})  # org o provides nothing here
    assert changes.since(store, before + 1).services == frozenset({"b"})


@pytest.mark.slow
def test_two_gunicorn_nodes_find_an_edit_saved_on_one_of_them_within_two_seconds(tmp_path):
    """As in production: `kaart serve --workers 2` twice on one graph (two web nodes, each its own index
    directory). A coördinator saves a description on node A; both workers of both nodes find it."""
    from live import Browser, LiveSite, form_fields, prepare_site

    data_dir = tmp_path / "data"
    uri = f"falkordb://{data_dir}/graph"
    (coordinator,) = prepare_site(data_dir, uri, ("coordinator",))
    # Debt help: not a crisis line nor a service for danger alone (those show only when the text raises their
    # danger, whatever their words).
    svc = "svc-aalten-schuldhulpverlening"
    store = connect(uri)
    try:
        assert ServiceRepository(store).get(svc) is not None
    finally:
        store.close()
    node_a = LiveSite(data_dir, uri, tmp_path / "a.log")
    node_b = LiveSite(data_dir, uri, tmp_path / "b.log", KAART_INDEX_DIR=str(tmp_path / "index-b"))

    def found(site: LiveSite) -> bool:
        status, _, text = Browser(site.base).request(
            "POST", "/api/v1/match", f'{{"text": "{WORD}"}}'.encode(), {"Content-Type": "application/json"}
        )
        assert status == 200, text
        return f'"service_id":"{svc}"' in text.replace(" ", "")

    try:
        for site in (node_a.start(), node_b.start()):
            assert not any(found(site) for _ in range(6))  # every worker has its matcher, without the word
        browser = Browser(node_a.base)
        browser.login(coordinator)
        url = f"/beheer/dienst/{svc}"
        status, _, html = browser.request("GET", url)
        assert status == 200
        form = form_fields(html, url)
        form["description"] = f"{form.get('description') or ''} Ook voor {WORD}.".strip()
        status, _, _ = browser.request("POST", url, form)
        assert status == 302
        time.sleep(2.0)
        for site in (node_a, node_b):  # asked 2 s after the save: every answer of both workers of both nodes
            assert all(found(site) for _ in range(8)), f"{site.base} vond de bewerking niet binnen 2 s"
    finally:
        node_a.stop()
        node_b.stop()


def test_with_a_place_a_national_kaart_scores_only_what_is_within_reach(kaart, tmp_path):
    """A national kaart: budget help in Aalten and in Groningen, and a national helpline without a location.
    Asked near Aalten, nothing from Groningen is even scored; the helpline is."""
    from match.engine import REACH_MIN_POOL, Matcher
    from match.index import rebuild_index

    n = REACH_MIN_POOL + 10
    OrganisationRepository(kaart).upsert(
        [organisation("org-a"), organisation("org-g"), organisation("org-n")]
    )
    LocationRepository(kaart).upsert(
        [location("loc-a", "org-a", 51.9253, 6.5806), location("loc-g", "org-g", 53.2194, 6.5665)]
    )
    ServiceRepository(kaart).upsert(
        [service(f"aalten-{i}", "org-a", themes=("schulden",), location_ids=("loc-a",)) for i in range(n)]
        + [
            service(f"groningen-{i}", "org-g", themes=("schulden",), location_ids=("loc-g",))
            for i in range(n)
        ]
        + [service("geldfit-landelijk", "org-n", name="Geldfit", themes=("schulden",))]
    )
    rebuild_index(kaart, tmp_path / "index")
    matcher = Matcher(kaart, tmp_path / "index")
    near = [r["service_id"] for r in matcher.match("ik heb schulden", near="Aalten", limit=100).results]
    assert "geldfit-landelijk" in near
    assert not [s for s in near if s.startswith("groningen")]
    assert len([s for s in near if s.startswith("aalten")]) == n
    # No place: the whole country is in reach.
    anywhere = [r["service_id"] for r in matcher.match("ik heb schulden", limit=100).results]
    assert [s for s in anywhere if s.startswith("groningen")]


def test_an_edited_or_deleted_service_is_no_longer_found_by_its_old_words(kaart_with_budgetcoach, tmp_path):
    """The open index of a worker, after a change applied to it: the old version is gone, not found next to
    the new one (whoosh's own refresh kept a segment's old deletions and so both versions)."""
    from match.index import SearchIndex, rebuild_index

    store = kaart_with_budgetcoach
    rebuild_index(store, tmp_path / "index")
    index = SearchIndex(tmp_path / "index")
    try:
        assert [i for i, _ in index.search("geldzaken")] == ["svc-1"]
        assert [i for i, _ in index.search("koffie")] == ["svc-2"]
        _edit_service(store, description=f"Hulp bij {WORD}")
        version = int((ServiceRepository(store).meta("svc-2") or {}).get("version") or 0)
        delete_record(store, "Service", "svc-2", "coordinator@example.org", version)
        assert index.catch_up(store, changes.current_seq(store))
        assert [i for i, _ in index.search(WORD)] == ["svc-1"]
        assert [i for i, _ in index.search("geldzaken")] == []  # the old description
        assert [i for i, _ in index.search("koffie")] == []  # the deleted service
        assert [i for i, _ in index.search("budgetcoach")] == ["svc-1"]  # once, not twice
    finally:
        index.close()
