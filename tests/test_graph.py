"""The graph layer, on both backends (the `store` fixture runs every test on FalkorDB and on Neo4j 5.26)."""

from __future__ import annotations

import dataclasses

import pytest
from builders import base_themes, doelgroep, location, netwerk, organisation, service

from graph import ensure_schema
from graph.errors import ConstraintViolation
from graph.repositories import (
    DoelgroepRepository,
    LocationRepository,
    NetwerkRepository,
    OrganisationRepository,
    ServiceRepository,
    ThemeRepository,
)


def _seed(store):
    ThemeRepository(store).upsert(base_themes())
    DoelgroepRepository(store).upsert([doelgroep()])
    OrganisationRepository(store).upsert([organisation("org-1"), organisation("org-2")])
    LocationRepository(store).upsert(
        [location("loc-1", "org-1"), location("loc-2", "org-2", lat=51.863, lon=6.488)]
    )
    ServiceRepository(store).upsert(
        [
            service(
                "svc-1", "org-1", themes=("schulden",), doelgroepen=("volwassenen",), location_ids=("loc-1",)
            ),
            service("svc-2", "org-1", themes=("eenzaamheid",), location_ids=("loc-1",)),
            service("svc-3", "org-2", themes=("schulden",), location_ids=("loc-2",), scales_up_to=("svc-1",)),
        ]
    )
    NetwerkRepository(store).upsert(
        [netwerk("net-vat", (("org-1", "lid", "huidig"), ("org-2", "voorzitter", "voorgesteld")))]
    )


def _counts(store) -> dict[str, int]:
    rows = store.read("MATCH (n) RETURN count(n) AS nodes")
    rels = store.read("MATCH ()-[r]->() RETURN count(r) AS rels")
    return {"nodes": rows[0]["nodes"], "rels": rels[0]["rels"]}


def test_schema_setup_is_idempotent(store):
    ensure_schema(store)
    ensure_schema(store)
    _seed(store)
    assert ServiceRepository(store).count() == 3


def test_upsert_is_idempotent(store):
    _seed(store)
    before = _counts(store)
    again = ServiceRepository(store).upsert(
        [
            service(
                "svc-1", "org-1", themes=("schulden",), doelgroepen=("volwassenen",), location_ids=("loc-1",)
            ),
            service("svc-2", "org-1", themes=("eenzaamheid",), location_ids=("loc-1",)),
            service("svc-3", "org-2", themes=("schulden",), location_ids=("loc-2",), scales_up_to=("svc-1",)),
        ]
    )
    assert again.as_dict() == {"created": 0, "updated": 0, "unchanged": 3}
    _seed(store)
    assert _counts(store) == before
    # 4 themes, 1 doelgroep, 2 organisations, 2 locations, 3 services, 1 network; BROADER 2, FOR 1,
    # HAS_LOCATION 2, PROVIDES 3, ABOUT 3, AT 3, SCALES_UP_TO 1, MEMBER_OF 2.
    assert before == {"nodes": 13, "rels": 17}


def test_update_replaces_fields_and_relationships(store):
    _seed(store)
    repo = ServiceRepository(store)
    old = repo.get("svc-1")
    changed = dataclasses.replace(
        old, name="Schuldhulpmaatje", themes=("eenzaamheid",), doelgroepen=(), description=""
    )
    assert repo.upsert([changed]).as_dict() == {"created": 0, "updated": 1, "unchanged": 0}
    got = repo.get("svc-1")
    assert got == changed
    assert repo.meta("svc-1")["version"] == 2


def test_get_returns_dataclasses_with_relationships(store):
    _seed(store)
    svc = ServiceRepository(store).get("svc-3")
    assert svc.organization_id == "org-2"
    assert svc.themes == ("schulden",)
    assert svc.scales_up_to == ("svc-1",)
    assert ServiceRepository(store).get("does-not-exist") is None
    theme = ThemeRepository(store).get("schulden")
    assert theme.parents == ("financien",)


def test_delete_removes_node_and_its_relationships(store):
    _seed(store)
    assert ServiceRepository(store).delete("svc-2") is True
    assert ServiceRepository(store).delete("svc-2") is False
    assert ServiceRepository(store).get("svc-2") is None
    assert ServiceRepository(store).count() == 2


def test_neighbourhood_of_an_organisation(store):
    _seed(store)
    hood = OrganisationRepository(store).neighbourhood("org-1")
    assert hood.organisation.id == "org-1"
    assert [s.id for s in hood.services] == ["svc-1", "svc-2"]
    assert [loc.id for loc in hood.locations] == ["loc-1"]
    assert [t.id for t in hood.themes] == ["eenzaamheid", "schulden"]
    assert [(n.id, m.rol, m.status) for n, m in hood.networks] == [("net-vat", "lid", "huidig")]
    assert OrganisationRepository(store).neighbourhood("nope") is None


def test_network_members_keep_roles(store):
    _seed(store)
    net = NetwerkRepository(store).get("net-vat")
    assert [(m.organisation_id, m.rol, m.status) for m in net.members] == [
        ("org-1", "lid", "huidig"),
        ("org-2", "voorzitter", "voorgesteld"),
    ]


def test_constraint_violation_is_a_domain_error(store):
    _seed(store)
    with pytest.raises(ConstraintViolation):
        store.write("CREATE (:Service {id: $id})", {"id": "svc-1"})
    # Nothing half-written: the failed statement left no node behind.
    assert ServiceRepository(store).count() == 3


def test_failed_unit_of_work_writes_nothing(store):
    _seed(store)
    with pytest.raises(ConstraintViolation):
        store.write("UNWIND $ids AS id CREATE (:Organisation {id: id})", {"ids": ["org-new", "org-1"]})
    assert OrganisationRepository(store).get("org-new") is None


def test_locations_near_a_point(store):
    _seed(store)
    near = LocationRepository(store).near(51.9253, 6.5806, km=5)
    assert [loc_id for loc_id, _ in near] == ["loc-1"]
    both = LocationRepository(store).near(51.9253, 6.5806, km=20)
    assert [loc_id for loc_id, _ in both] == ["loc-1", "loc-2"]
    assert 8 < both[1][1] < 10  # Aalten - Dinxperlo is about 8.8 km


def test_upsert_counts_created_updated_unchanged_in_one_batch(store):
    _seed(store)
    result = OrganisationRepository(store).upsert(
        [organisation("org-1"), organisation("org-2", name="Nieuwe naam"), organisation("org-3")]
    )
    assert result.as_dict() == {"created": 1, "updated": 1, "unchanged": 1}


def test_large_batch_upsert(store):
    from builders import synthetic

    data = synthetic(1200, n_orgs=300)
    ThemeRepository(store).upsert(data["themes"])
    DoelgroepRepository(store).upsert(data["doelgroepen"])
    OrganisationRepository(store).upsert(data["organisations"])
    LocationRepository(store).upsert(data["locations"])
    first = ServiceRepository(store).upsert(data["services"])
    second = ServiceRepository(store).upsert(data["services"])
    assert first.created == 1200 and second.unchanged == 1200
    rels = store.read("MATCH (:Service)-[r]-() RETURN count(r) AS c")[0]["c"]
    assert rels == 1200 * 4


def test_delete_all_services_leaves_no_orphan_schedules(store):
    """The import benchmark empties the services this way; their own schedule nodes must go with them, or a
    re-import of the same ids would meet stale schedules."""
    from graph.models import Schedule

    OrganisationRepository(store).upsert([organisation("org-x")])
    sched = Schedule(id="sch-x", freq="WEEKLY", byday="MO", opens_at="09:00", closes_at="12:00")
    ServiceRepository(store).upsert([dataclasses.replace(service("svc-x", "org-x"), schedules=(sched,))])
    assert ServiceRepository(store).get("svc-x").schedules
    ServiceRepository(store).delete_all()
    assert ServiceRepository(store).count() == 0
    assert store.read("MATCH (n:Schedule) RETURN count(n) AS c")[0]["c"] == 0


def _dump(store) -> tuple[list, list]:
    """Every node (label, properties) and relationship (type, from id, to id, properties), sorted: the graph as a
    user of either backend would read it. Floats rounded (FalkorDB and Neo4j print them differently); the
    derived point left out (its own test: test_locations_near_a_point)."""

    def plain(props: dict) -> tuple:
        return tuple(
            sorted((k, round(v, 6) if isinstance(v, float) else v) for k, v in props.items() if k != "point")
        )

    nodes = store.read("MATCH (n) RETURN labels(n)[0] AS label, properties(n) AS p")
    rels = store.read("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS p")
    return (
        sorted((n["label"], plain(n["p"])) for n in nodes),
        sorted((r["type"], r["a"], r["b"], plain(r["p"])) for r in rels),
    )


def _batch_then_update(store) -> None:
    """A batch with every kind of relationship, written new, then updated: links replaced, one record added."""
    from graph.models import Schedule

    sched = Schedule(id="sch-1", freq="WEEKLY", byday="MO", opens_at="09:00", closes_at="12:00")
    ThemeRepository(store).upsert(base_themes())
    DoelgroepRepository(store).upsert([doelgroep(), doelgroep("jongeren", 12, 18)])
    OrganisationRepository(store).upsert([organisation("org-1"), organisation("org-2")])
    LocationRepository(store).upsert([location("loc-1", "org-1"), location("loc-2", "org-2", lat=51.86)])
    services = ServiceRepository(store)
    first = [
        # svc-1 scales up to svc-3, later in the same batch: that link needs every node of the batch first
        service("svc-1", "org-1", themes=("schulden", "financien"), incidental_themes=("financien",),
                suggested_themes=("eenzaamheid",), doelgroepen=("volwassenen",), location_ids=("loc-1", "loc-2"),
                scales_up_to=("svc-3",), schedules=(sched,), minimum_age=18),
        service("svc-2", "org-1", themes=("eenzaamheid",), location_ids=("loc-1",)),
        service("svc-3", "org-2", themes=("schulden",), doelgroepen=("jongeren", "onbekend"), url="https://x.nl"),
    ]  # fmt: skip
    assert services.upsert(first).created == 3
    second = [
        dataclasses.replace(first[0], themes=("schulden",), incidental_themes=(), location_ids=("loc-2",),
                            schedules=(), description="Nieuw"),
        first[1],
        dataclasses.replace(first[2], organization_id="org-1", doelgroepen=(), url=None),
        service("svc-4", "org-2", themes=("financien",), scales_up_to=("svc-1",)),
    ]  # fmt: skip
    assert services.upsert(second).as_dict() == {"created": 1, "updated": 2, "unchanged": 1}
    NetwerkRepository(store).upsert(
        [
            netwerk(
                "net-vat", (("org-1", "lid", "huidig"), ("org-1", "trekker", "huidig"), ("org-2", "lid", "x"))
            )
        ]
    )


def test_batch_upsert_writes_the_same_graph_on_both_backends(falkor_server, neo4j_server):
    """Neo4j writes a record and its links in one statement per batch, FalkorDB one statement per relationship
    type (graph/dialect.py `links_in_node_statement`): both must leave the same nodes, properties and edges."""
    import uuid

    from graph.store import connect

    dumps = {}
    for uri in (f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}", neo4j_server.uri):
        with connect(uri) as store:
            store.clear()
            ensure_schema(store)
            _batch_then_update(store)
            dumps[store.dialect.name] = _dump(store)
            got = {s.id: s for s in ServiceRepository(store).get_many(["svc-1", "svc-3", "svc-4"])}
            store.clear()
        assert got["svc-1"].scales_up_to == ("svc-3",) and got["svc-1"].location_ids == ("loc-2",)
        assert got["svc-1"].schedules == () and got["svc-1"].incidental_themes == ()
        assert got["svc-3"].organization_id == "org-1" and got["svc-3"].doelgroepen == ()
        assert got["svc-4"].scales_up_to == ("svc-1",)
    nodes, rels = dumps["neo4j"]
    assert dumps["falkordb"] == (nodes, rels)
    members = [(r[1], dict(r[3])["rol"]) for r in rels if r[0] == "MEMBER_OF"]
    assert sorted(members) == [("org-1", "lid"), ("org-1", "trekker"), ("org-2", "lid")]
    assert len([r for r in rels if r[0] == "PROVIDES"]) == 4
