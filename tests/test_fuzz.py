"""Hostile input: Cypher, Lucene/whoosh and HTML metacharacters, long input and odd Unicode never cause a server
error, an injection or unescaped output."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

META = st.sampled_from(
    [
        "'",
        '"',
        "\\",
        "MATCH (n) DETACH DELETE n",
        "'}) DETACH DELETE n //",
        "$text",
        "*",
        "?",
        "~2",
        "^3",
        "field:value",
        "AND",
        "OR NOT",
        "[a TO z]",
        "<script>alert(1)</script>",
        "&amp;",
        "\x00",
        "\u202e",
        "🙂",
        "i̇",
        "ﬁ",
        "ik kom niet rond",
        "Dinxperlo",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=30), META), min_size=1, max_size=10).map(" ".join)
# Slow (about 20 s): out of `make test-fast`, always in `make test`.
pytestmark = pytest.mark.slow
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory, falkor_server):
    from ingest.demo import load_demo
    from match.index import rebuild_index
    from webapp import create_app
    from webapp.db import close_store, get_store

    data = tmp_path_factory.mktemp("fuzz")
    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(data),
            "GRAPH_URI": f"falkordb://{falkor_server.data_dir}?graph=fuzz_{uuid.uuid4().hex[:8]}",
            "TILE_URL": "",
            "SESSION_COOKIE_SECURE": False,
        }
    )
    with app.app_context():
        load_demo(get_store(), lambda store: rebuild_index(store, Path(app.config["INDEX_DIR"])))
    # The baseline is taken before any fuzzer ran: a write by a fuzzer must show up as a difference.
    app.extensions["counts_before_fuzzing"] = _counts(app)
    yield app
    with app.app_context():
        get_store().clear()
    close_store(app)


def _counts(app) -> tuple[int, int]:
    from webapp.db import get_store

    with app.app_context():
        rows = get_store().read("MATCH (n) RETURN count(n) AS c")
        rels = get_store().read("MATCH ()-[r]->() RETURN count(r) AS c")
    return rows[0]["c"], rels[0]["c"]


@FUZZ
@given(text=TEXT, near=st.one_of(st.none(), TEXT), limit=st.one_of(st.integers(-5, 500), st.text(max_size=5)))
def test_match_api_survives_hostile_input(demo_app, text, near, limit):
    client = demo_app.test_client()
    resp = client.post("/api/v1/match", json={"text": text, "near": near, "limit": limit})
    assert resp.status_code in (200, 400)
    if resp.status_code == 200:
        assert set(resp.json) == {"themes", "signals", "place", "results"}


@FUZZ
@given(text=TEXT)
def test_public_search_escapes_and_never_fails(demo_app, text):
    client = demo_app.test_client()
    home = client.get("/")
    token = home.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    resp = client.post("/zoeken", data={"vraag": text, "csrf_token": token})
    assert resp.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in resp.text


@FUZZ
@given(
    search=TEXT,
    page=st.one_of(st.integers(-3, 10**6), TEXT),
    per_page=st.one_of(st.integers(-3, 10**4), TEXT),
    postcode=TEXT,
    proximity=TEXT,
)
def test_hsds_api_parameters_never_cause_errors(demo_app, search, page, per_page, postcode, proximity):
    client = demo_app.test_client()
    params = {
        "search": search,
        "page": page,
        "per_page": per_page,
        "postcode": postcode,
        "proximity": proximity,
    }
    for path in ("/api/hsds/services", "/api/hsds/organizations"):
        resp = client.get(path, query_string=params)
        assert resp.status_code in (200, 400, 422)


def test_no_input_changed_the_graph(demo_app):
    """Run after the fuzzers (same module, same graph): Cypher in their input must not have written anything.
    The baseline is the graph as loaded, before the first fuzzer ran."""
    before = demo_app.extensions["counts_before_fuzzing"]
    assert before[0] > 0
    client = demo_app.test_client()
    for text in ("MATCH (n) DETACH DELETE n", "'}) DETACH DELETE n //", "CREATE (:Service {id: 'x'})"):
        client.post("/api/v1/match", json={"text": text})
        client.get("/api/hsds/services", query_string={"search": text})
    assert _counts(demo_app) == before
