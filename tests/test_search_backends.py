"""The full-text search in the graph server (KAART_SEARCH_BACKEND=graph) behind the same interface as whoosh:
Dutch stemming, no query syntax from the user, one index shared by every web node and kept current by the
change sequence. Runs on both backends (Neo4j: Lucene's Dutch analyser; FalkorDB: RediSearch on our terms).
"""

from __future__ import annotations

import dataclasses
import time
import uuid

import pytest
from builders import base_themes, organisation, service

from graph import changes
from graph.editing import save_edit
from graph.repositories import OrganisationRepository, ServiceRepository, ThemeRepository
from graph.store import connect


@pytest.fixture
def two_services(store):
    ThemeRepository(store).upsert(base_themes())
    OrganisationRepository(store).upsert([organisation("org-1", name="Stichting Rond")])
    ServiceRepository(store).upsert(
        [
            service(
                "svc-1",
                name="Budgetcoach",
                description="Hulp bij geldzaken en schulden",
                themes=("schulden",),
            ),
            service("svc-2", name="Koffieochtend", description="Samen koffie drinken tegen eenzaamheid"),
        ]
    )
    return store


def test_the_graph_index_finds_dutch_word_forms_and_ignores_query_syntax(two_services):
    from match.index import GraphSearchIndex, rebuild_graph_index

    assert rebuild_graph_index(two_services) == 2
    index = GraphSearchIndex(two_services)
    assert [i for i, _ in index.search("geldzaak")] == ["svc-1"]  # geldzaken: the Dutch stem
    assert [i for i, _ in index.search("ik ben zo eenzaam")] == ["svc-2"]  # eenzaamheid
    assert [i for i, _ in index.search("budgetcoach", plain=True)] == ["svc-1"]
    for hostile in ("@plain:(x) OR *", 'schulden" OR "a', "-koffie", "%koffi%2", "NOT schulden"):
        found = [i for i, _ in index.search(hostile)]
        assert found in ([], ["svc-1"], ["svc-2"])  # words only: no operator changes what is found
    assert set(index.fingerprints()) == {"svc-1", "svc-2"}


def test_an_edit_reaches_the_shared_graph_index_once_for_every_node(two_services, tmp_path):
    from match.engine import Matcher
    from match.index import GraphSearchIndex, rebuild_graph_index

    rebuild_graph_index(two_services)
    nodes = [
        Matcher(connect(two_services.uri), tmp_path / f"node-{n}", poll_seconds=0.2, search_backend="graph")
        for n in range(2)
    ]
    try:
        for m in nodes:
            assert "svc-1" not in [r["service_id"] for r in m.match("zonnewijzerklussen").results]
        repo = ServiceRepository(two_services)
        before = repo.get("svc-1")
        version = int((repo.meta("svc-1") or {}).get("version") or 0)
        edited = dataclasses.replace(before, description="Hulp bij geldzaken en zonnewijzerklussen")
        save_edit(two_services, "Service", edited, "c@example.org", version)
        for m in nodes:
            deadline = time.monotonic() + 2
            while "svc-1" not in [r["service_id"] for r in m.match("zonnewijzerklussen").results]:
                assert time.monotonic() < deadline, "niet binnen 2 s gevonden"
                time.sleep(0.05)
        assert GraphSearchIndex(two_services).seq() == changes.current_seq(two_services)
        assert not list((tmp_path).glob("node-*"))  # no files on the web nodes
    finally:
        for m in nodes:
            m.store.close()


def test_the_app_searches_the_graph_when_configured(falkor_server, tmp_path):
    from graph import ensure_schema
    from ingest.demo import load_demo
    from webapp import create_app
    from webapp.db import close_store, get_store

    uri = f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}"
    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path),
            "GRAPH_URI": uri,
            "TILE_URL": "",
            "SEARCH_BACKEND": "graph",
        }
    )
    try:
        with app.app_context():
            ensure_schema(get_store())
            load_demo(get_store(), None)
        resp = app.test_client().post("/api/v1/match", json={"text": "ik kom niet rond, schulden"})
        assert resp.status_code == 200 and resp.get_json()["results"]
        with app.app_context():
            assert get_store().read("MATCH (d:SearchDoc) RETURN count(d) AS c")[0]["c"] > 10
        assert not (tmp_path / "index").exists()  # nothing on disk: the index is the graph's
    finally:
        with app.app_context():
            get_store().clear()
        close_store(app)
