"""Backup and restore: everything comes back, on both backends, and across backends."""

from __future__ import annotations

import gzip

import pytest
from builders import base_themes, location, netwerk, organisation, service

from graph.backup import backup, dump, restore
from graph.errors import GraphError
from graph.repositories import (
    LocationRepository,
    NetwerkRepository,
    OrganisationRepository,
    ServiceRepository,
    ThemeRepository,
)


def _seed(store):
    ThemeRepository(store).upsert(base_themes())
    OrganisationRepository(store).upsert([organisation("org-1", "Figulus Welzijn"), organisation("org-2")])
    LocationRepository(store).upsert([location("loc-1", "org-1")])
    ServiceRepository(store).upsert(
        [service("svc-1", "org-1", themes=("schulden",), location_ids=("loc-1",), assured_date="2026-10-01")]
    )
    NetwerkRepository(store).upsert([netwerk("net-vat", (("org-1", "lid", "huidig"),))])
    # Accounts, audit and proposals live in the graph as well: a node of each kind must survive too.
    store.write("CREATE (:Account {id: 'acc-1', email: 'c@example.org', role: 'coordinator'})")
    store.write("CREATE (:Change {id: 'chg-1', entity_id: 'svc-1', field: 'name', old: 'a', new: 'b'})")


def test_backup_restore_round_trip_is_identical(store, tmp_path):
    _seed(store)
    before = list(dump(store))
    counts = backup(store, tmp_path / "kaart.jsonl.gz")
    assert counts["nodes"] == len([i for i in before if "node" in i])
    store.clear()
    assert ServiceRepository(store).count() == 0
    restore(store, tmp_path / "kaart.jsonl.gz")
    assert list(dump(store)) == before
    # Derived data is rebuilt: the point index answers again.
    assert [i for i, _ in LocationRepository(store).near(51.9253, 6.5806, km=1)] == ["loc-1"]
    assert ServiceRepository(store).get("svc-1").themes == ("schulden",)


def test_restore_refuses_a_foreign_file_and_keeps_the_graph(store, tmp_path):
    _seed(store)
    bad = tmp_path / "bad.gz"
    with gzip.open(bad, "wt") as fh:
        fh.write('{"format": "iets anders"}\n')
    with pytest.raises(GraphError):
        restore(store, bad)
    assert ServiceRepository(store).count() == 1


@pytest.mark.neo4j  # asks for the server at run time (request.getfixturevalue)
def test_backup_moves_between_backends(request, tmp_path):
    """A backup of the embedded FalkorDB restores into Neo4j with the same content."""
    from graph import ensure_schema
    from graph.store import connect

    falkor = request.getfixturevalue("falkor_store")
    neo = request.getfixturevalue("neo4j_server")
    _seed(falkor)
    backup(falkor, tmp_path / "move.jsonl.gz")
    with connect(neo.uri) as target:
        target.clear()
        ensure_schema(target)
        restore(target, tmp_path / "move.jsonl.gz")
        assert list(dump(target)) == list(dump(falkor))
        target.clear()


def test_cli_backup_and_restore(app, tmp_path):
    """`kaart backup` then `kaart restore --yes` on the app's graph brings every record back."""
    from webapp.cli import cli
    from webapp.db import get_store

    with app.app_context():
        store = get_store()
        from graph import ensure_schema

        ensure_schema(store)
        _seed(store)
        before = list(dump(store))
    env = {
        "KAART_GRAPH_URI": app.config["GRAPH_URI"],
        "KAART_DATA_DIR": app.config["DATA_DIR"],
        "KAART_INDEX_DIR": app.config["INDEX_DIR"],
    }
    runner = app.test_cli_runner()
    out = runner.invoke(cli, ["backup", str(tmp_path / "b.jsonl.gz")], env=env)
    assert out.exit_code == 0, out.output
    with app.app_context():
        get_store().clear()
    out = runner.invoke(cli, ["restore", "--yes", str(tmp_path / "b.jsonl.gz")], env=env)
    assert out.exit_code == 0, out.output
    with app.app_context():
        assert list(dump(get_store())) == before
