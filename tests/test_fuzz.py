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
        assert {"themes", "signals", "place", "results"} <= set(resp.json)


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


HOSTILE = [
    "%00",
    "a%00b",
    "%01%1f%7f",
    "%0d%0aSet-Cookie:x=1",
    "..%2f..%2fetc%2fpasswd",
    "'})%20DETACH%20DELETE%20n%20//",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "javascript:alert(1)",
    "%E2%80%AE%F0%9F%99%82",
    "%FF%FE",
    "x" * 3000,
    "-2+3+cmd|'%20/C%20calc'!A0",
]
FORM_VALUES = [
    "a\x00b",
    "\x01\x7f",
    "x" * 20000,
    "=1+1",
    "javascript:alert(1)",
    "x@y.nl?cc=a@b.c",
    "Yunio\nBcc: a@b.c",
]


def test_every_route_and_role_answers_hostile_input_without_a_server_error(demo_app):
    """Issue 15: ≥ 5 000 requests over every route (path arguments, query strings, form bodies with NUL bytes,
    control characters, CRLF, traversal, Cypher, script, overlong values) as anonymous, professional,
    coördinator and admin: never a 5xx."""
    import re

    from site_data import add_account, login

    clients = {"anoniem": demo_app.test_client()}
    for role in ("professional", "coordinator", "admin"):
        client = demo_app.test_client()
        login(client, add_account(demo_app, role))
        clients[role] = client
    rules = [
        r for r in demo_app.url_map.iter_rules()
        if r.endpoint not in ("static", "auth.logout") and not r.rule.startswith("/static")
    ]  # fmt: skip
    sent, errors = 0, []
    for role, client in clients.items():
        with client.session_transaction() as sess:
            token = sess.get("csrf", "")
        for rule in rules:
            methods = sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})
            for value in HOSTILE:
                url = rule.rule
                for arg in rule.arguments:
                    url = re.sub(rf"<(?:[a-z]+:)?{arg}>", value, url)
                for method in methods:
                    for query in ("", f"?q={value}&id={value}&next={value}&page={value}"):
                        if method == "GET":
                            resp = client.get(url + query)
                        else:
                            data = {"csrf_token": token, **{f: FORM_VALUES[sent % len(FORM_VALUES)]
                                    for f in ("naam", "name", "email", "website", "vraag", "text", "organisatie")}}  # fmt: skip
                            resp = client.open(url + query, method=method, data=data)
                        sent += 1
                        if resp.status_code >= 500:
                            errors.append((role, method, (url + query)[:120], resp.status_code))
    assert sent >= 5000, sent
    assert errors == [], errors[:20]
