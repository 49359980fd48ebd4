"""The write paths per backend lose and duplicate nothing (ADR 0096): Neo4j CREATEs what it knows is new and
the relationships of every record it writes, after one statement dropped the old ones; FalkorDB MERGEs."""

from __future__ import annotations

import dataclasses
import uuid

from builders import base_themes, doelgroep, location, organisation, service

from graph import ensure_schema
from graph.repositories import (
    DoelgroepRepository,
    LocationRepository,
    OrganisationRepository,
    ServiceRepository,
    ThemeRepository,
)
from graph.store import connect


def _seed(store) -> None:
    ThemeRepository(store).upsert(base_themes())
    DoelgroepRepository(store).upsert([doelgroep(), doelgroep("jongeren", 12, 18)])
    OrganisationRepository(store).upsert([organisation("org-1"), organisation("org-2")])
    LocationRepository(store).upsert([location("loc-1", "org-1"), location("loc-2", "org-2", lat=51.86)])


def _links(store, sid: str) -> list[tuple[str, str]]:
    """Every relationship of one service as (type, other end), duplicates kept: what the graph really holds."""
    rows = store.read(
        "MATCH (s:Service {id: $id})-[x]-(t) RETURN type(x) AS type, t.id AS to ORDER BY type, to",
        {"id": sid},
    )
    return [(r["type"], r["to"]) for r in rows]


def test_links_removed_from_a_record_are_gone_after_the_next_upsert(store):
    _seed(store)
    services = ServiceRepository(store)
    full = service(
        "svc-1", "org-1", themes=("schulden", "financien"), doelgroepen=("volwassenen", "jongeren"),
        location_ids=("loc-1", "loc-2"),
    )  # fmt: skip
    services.upsert([full])
    fewer = dataclasses.replace(full, themes=("schulden",), doelgroepen=(), location_ids=("loc-2",))
    assert services.upsert([fewer]).updated == 1
    assert _links(store, "svc-1") == [("ABOUT", "schulden"), ("AT", "loc-2"), ("PROVIDES", "org-1")]
    moved = dataclasses.replace(fewer, organization_id="org-2", themes=(), location_ids=())
    services.upsert([moved])
    assert _links(store, "svc-1") == [("PROVIDES", "org-2")]
    # and back: links on a record that had none of that type
    services.upsert([full])
    assert _links(store, "svc-1") == [
        ("ABOUT", "financien"), ("ABOUT", "schulden"), ("AT", "loc-1"), ("AT", "loc-2"),
        ("FOR", "jongeren"), ("FOR", "volwassenen"), ("PROVIDES", "org-1"),
    ]  # fmt: skip


def test_a_target_named_twice_is_one_relationship_new_or_updated(store):
    _seed(store)
    services = ServiceRepository(store)
    twice = service("svc-1", "org-1", themes=("schulden", "schulden"), location_ids=("loc-1", "loc-1"))
    services.upsert([twice])
    assert _links(store, "svc-1") == [("ABOUT", "schulden"), ("AT", "loc-1"), ("PROVIDES", "org-1")]
    services.upsert([dataclasses.replace(twice, description="anders")])
    assert _links(store, "svc-1") == [("ABOUT", "schulden"), ("AT", "loc-1"), ("PROVIDES", "org-1")]


class _ReadBeforeTheOtherWriter(ServiceRepository):
    """A repository whose hash read ran before another writer committed: it takes every record for new."""


_ReadBeforeTheOtherWriter._q_existing = (
    "MATCH (n:Service) WHERE n.id IN $ids AND false RETURN n.id AS id, n.hash AS hash"
)


def test_a_record_another_writer_created_since_the_read_is_written_once(store):
    _seed(store)
    ServiceRepository(store).upsert(
        [service("svc-1", "org-1", themes=("schulden",), location_ids=("loc-1",))]
    )
    late = service("svc-1", "org-1", name="Nieuwe naam", themes=("financien",), location_ids=("loc-1",))
    _ReadBeforeTheOtherWriter(store).upsert([late])
    assert store.read("MATCH (s:Service {id: 'svc-1'}) RETURN count(s) AS c")[0]["c"] == 1
    assert ServiceRepository(store).get("svc-1").name == "Nieuwe naam"
    links = _links(store, "svc-1")
    assert links.count(("AT", "loc-1")) == 1 and links.count(("PROVIDES", "org-1")) == 1
    if store.dialect.create_known_new:
        # Neo4j's CREATE was refused by the uniqueness constraint: written again as an existing record, so the
        # old theme is dropped. (FalkorDB MERGEs into the existing node and keeps the old links: ADR 0096.)
        assert ("ABOUT", "schulden") not in links and ("ABOUT", "financien") in links


def _shape(store) -> tuple[list, list]:
    """Nodes per label and relationships per (type, from label, to label): what an import left, without the
    timestamps that differ between two runs."""
    nodes = store.read("MATCH (n) RETURN labels(n)[0] AS label, count(*) AS c")
    rels = store.read(
        "MATCH (a)-[x]->(b) RETURN type(x) AS t, labels(a)[0] AS a, labels(b)[0] AS b, count(*) AS c"
    )
    return sorted((r["label"], r["c"]) for r in nodes), sorted((r["t"], r["a"], r["b"], r["c"]) for r in rels)


def test_the_demo_import_leaves_the_same_graph_shape_on_both_backends(falkor_server, neo4j_server):
    """The demo kaart (HSDS package, netwerken, opschalen) through each backend's write path, imported twice:
    the same number of nodes and relationships of every kind."""
    from ingest.demo import load_demo

    shapes = {}
    for uri in (f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}", neo4j_server.uri):
        with connect(uri) as store:
            store.clear()
            ensure_schema(store)
            load_demo(store)
            first = _shape(store)
            again = load_demo(store)
            assert again["created"] == 0 and again["updated"] == 0
            assert _shape(store) == first
            shapes[store.dialect.name] = first
            store.clear()
    assert shapes["neo4j"] == shapes["falkordb"]
    assert any(t == "ABOUT" and c > 50 for t, _, _, c in shapes["neo4j"][1])
