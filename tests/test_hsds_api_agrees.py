"""One HSDS mapping, two projections: for every record of the demo kaart, what the HSDS API serves and what
`kaart export hsds --public` writes agree — the same ids (UUIDs), names and every mapped field, the same
attributes, phones, schedules, service_at_location rows, locations and addresses, the same taxonomy texts.
Before, the API and the export each mapped records by hand and had drifted (service_at_location ids, attribute
ids, organisatiesoort, when an address is written, taxonomy texts, extra fields)."""

from __future__ import annotations

import csv

import pytest
from site_data import close_app, demo_app

from ingest.hsds_export import export_hsds
from ingest.hsds_profile import hsds_id, typed
from webapp.db import get_store


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("agree"))
    yield app
    close_app(app)


@pytest.fixture(scope="module")
def export(site, tmp_path_factory) -> dict[str, dict[str, dict]]:
    out = tmp_path_factory.mktemp("public")
    with site.app_context():
        assert export_hsds(get_store(), out, public=True).problems == []
    tables = {}
    for path in out.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            tables[path.stem] = {
                r["id"]: typed(path.stem, {k: v for k, v in r.items() if v}) for r in csv.DictReader(fh)
            }
    return tables


def _flat(item: dict) -> dict:
    return {k: v for k, v in item.items() if not isinstance(v, (list, dict))}


def _children(export, table: str, column: str, value: str) -> dict[str, dict]:
    return {i: r for i, r in export[table].items() if r.get(column) == value}


def test_every_public_service_is_served_as_exported(site, export):
    client = site.test_client()
    assert len(export["services"]) >= 60
    for sid, row in export["services"].items():
        item = client.get(f"/api/hsds/services/{sid}").json
        assert _flat(item) == row, sid  # every field, typed as HSDS (numbers as numbers)
        assert _flat(item["organization"]) == export["organizations"][row["organization_id"]]
        attrs = {a["id"]: a for a in item.get("attributes", [])}
        assert {i: _flat(a) for i, a in attrs.items()} == _children(export, "attributes", "link_id", sid), sid
        for a in attrs.values():
            assert a["taxonomy_term"] == export["taxonomy_terms"][a["taxonomy_term_id"]]
        phones = {p["id"]: _flat(p) for p in item.get("phones", [])}
        expected = {
            i: p
            for i, p in _children(export, "phones", "service_id", sid).items()
            if not p.get("location_id")
        }
        assert phones == expected, sid
        schedules = {s["id"]: _flat(s) for s in item.get("schedules", [])}
        want = {
            i: s
            for i, s in _children(export, "schedules", "service_id", sid).items()
            if not s.get("location_id") and not s.get("service_at_location_id")
        }
        assert schedules == want, sid
        sals = {s["id"]: s for s in item.get("service_at_locations", [])}
        assert set(sals) == set(_children(export, "service_at_location", "service_id", sid)), sid
        for sal in sals.values():
            loc = sal["location"]
            assert _flat(loc) == export["locations"][sal["location_id"]]
            addresses = {a["id"]: a for a in loc.get("addresses", [])}
            assert addresses == _children(export, "addresses", "location_id", loc["id"])


def test_every_public_organisation_is_served_as_exported(site, export):
    client = site.test_client()
    listed = []
    page = 1
    while True:
        data = client.get(f"/api/hsds/organizations?per_page=100&page={page}").json
        listed += data["contents"]
        if data["last_page"]:
            break
        page += 1
    assert {o["id"]: o for o in listed} == export["organizations"]
    for oid, row in export["organizations"].items():
        item = client.get(f"/api/hsds/organizations/{oid}").json
        assert _flat(item) == row
        kinds = {a["id"] for a in item.get("attributes", [])}
        assert kinds == set(_children(export, "attributes", "link_id", oid))  # organisatiesoort, as exported
        ids = {x["id"] for x in item.get("organization_identifiers", [])}
        assert ids == set(_children(export, "organization_identifiers", "organization_id", oid))


def test_taxonomies_and_terms_are_served_as_exported(site, export):
    client = site.test_client()
    taxonomies = client.get("/api/hsds/taxonomies?per_page=100").json["contents"]
    assert {t["id"]: t for t in taxonomies} == export["taxonomies"]
    terms, page = [], 1
    while True:
        data = client.get(f"/api/hsds/taxonomy_terms?per_page=100&page={page}").json
        terms += data["contents"]
        if data["last_page"]:
            break
        page += 1
    assert {t["id"]: t for t in terms} == export["taxonomy_terms"]


def test_service_at_locations_are_served_as_exported(site, export):
    client = site.test_client()
    items, page = [], 1
    while True:
        data = client.get(f"/api/hsds/service_at_locations?per_page=100&page={page}").json
        items += data["contents"]
        if data["last_page"]:
            break
        page += 1
    assert {i["id"] for i in items} == set(export["service_at_location"])
    one = items[0]
    assert client.get(f"/api/hsds/service_at_locations/{one['id']}").json["location"] == one["location"]


def test_readable_ids_stay_aliases(site, export):
    client = site.test_client()
    by_uuid = client.get(f"/api/hsds/services/{hsds_id('svc-113-hulplijn')}").json
    assert client.get("/api/hsds/services/svc-113-hulplijn").json == by_uuid
    assert by_uuid["id"] in export["services"]


def test_a_service_added_later_is_found_by_its_uuid(site):
    import time

    from graph.models import Service
    from graph.repositories import ServiceRepository

    client = site.test_client()
    assert client.get(f"/api/hsds/services/{hsds_id('svc-113-hulplijn')}").status_code == 200
    with site.app_context():
        ServiceRepository(get_store()).upsert(
            [Service(id="svc-test-later", organization_id="org-vat-aalten", name="Later toegevoegd")]
        )
    time.sleep(2.1)  # the id map is extended at most every 2 s (webapp/hsds_nest.Resolver)
    item = client.get(f"/api/hsds/services/{hsds_id('svc-test-later')}").json
    assert item["name"] == "Later toegevoegd"
