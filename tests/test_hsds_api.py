"""The read-only HSDS 3.0 API: responses validate against the official compiled schemas, filters and paging
work, CORS is open, the OpenAPI document is served, and schemathesis finds no server errors."""

from __future__ import annotations

import functools
import json

import jsonschema
import pytest
from shared_data import need_shared
from site_data import CONFIDENTIAL_ADDRESS, PLANTED_SERVICE, SHELTER_SERVICE, close_app, demo_app

from ingest.hsds_profile import hsds_id


@functools.cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(need_shared("hsds-3.0", "schema", name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _validate(instance, name: str) -> None:
    _validator(name).validate(instance)


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("hsds"))
    yield app
    close_app(app)


@pytest.fixture
def api(site):
    return site.test_client()


def _all_pages(api, path: str) -> list[dict]:
    out, page = [], 1
    while True:
        sep = "&" if "?" in path else "?"
        data = api.get(f"{path}{sep}page={page}&per_page=25").json
        out.extend(data["contents"])
        if data["last_page"]:
            return out
        page += 1


def test_service_list_and_full_services_validate(api):
    services = _all_pages(api, "/api/hsds/services")
    assert len(services) >= 65
    for item in services:
        _validate(item, "compiled/service_list.json")
    for item in services:
        full = api.get(f"/api/hsds/services/{item['id']}").json
        _validate(full, "compiled/service.json")
    crisis = api.get("/api/hsds/services/svc-veilig-thuis-advies-melden").json
    assert any(p["number"] == "0800-2000" for p in crisis["phones"])
    assert {"niveau", "bereikbaarheid"} <= {a["link_type"] for a in crisis["attributes"]}


def test_organizations_validate(api):
    orgs = _all_pages(api, "/api/hsds/organizations")
    assert len(orgs) >= 43
    for item in orgs:
        _validate(item, "compiled/organization_list.json")
    full = api.get("/api/hsds/organizations/org-vat-aalten").json
    _validate(full, "compiled/organization.json")
    assert full["services"]


def test_service_at_locations_validate_and_hide_confidential_locations(api):
    items = _all_pages(api, "/api/hsds/service_at_locations")
    assert items
    for item in items:
        _validate(item, "compiled/service_at_location_list.json")
    assert hsds_id(SHELTER_SERVICE) not in {i["service_id"] for i in items}
    one = api.get(f"/api/hsds/service_at_locations/{items[0]['id']}").json
    _validate(one, "compiled/service_at_location.json")
    shelter = api.get(f"/api/hsds/services/{SHELTER_SERVICE}").get_data(as_text=True)
    assert CONFIDENTIAL_ADDRESS not in shelter and "51.9111" not in shelter


def test_taxonomies_validate(api):
    for item in api.get("/api/hsds/taxonomies").json["contents"]:
        _validate(item, "taxonomy.json")
    terms = _all_pages(api, "/api/hsds/taxonomy_terms")
    for item in terms:
        _validate(item, "taxonomy_term.json")
    ids = {t["id"] for t in terms}
    assert {hsds_id("niveau-crisis"), hsds_id("thema-schulden"), hsds_id("doelgroep-volwassenen")} <= ids
    niveau = api.get("/api/hsds/taxonomy_terms?taxonomy_id=tax-niveau").json
    assert niveau["total_items"] == 5
    schulden = api.get("/api/hsds/taxonomy_terms/thema-schulden").json  # the readable id is an alias
    assert schulden["parent_id"] == hsds_id("thema-financien")
    assert api.get(f"/api/hsds/taxonomy_terms/{schulden['id']}").json == schulden


def test_filters(api):
    by_term = api.get("/api/hsds/services?taxonomy_term_id=thema-financien&per_page=100").json
    ids = {s["id"] for s in by_term["contents"]}
    assert hsds_id(PLANTED_SERVICE) in ids  # narrower theme (schulden) counts
    by_uuid = api.get(f"/api/hsds/services?taxonomy_term_id={hsds_id('thema-financien')}&per_page=100").json
    assert {s["id"] for s in by_uuid["contents"]} == ids
    crisis = api.get("/api/hsds/services?taxonomy_term_id=niveau-crisis").json
    assert crisis["total_items"] >= 3
    found = api.get("/api/hsds/services?search=budgetcoaching").json
    assert [s["id"] for s in found["contents"]] == [hsds_id(PLANTED_SERVICE)]
    by_pc = api.get("/api/hsds/services?postcode=7121CS").json
    assert hsds_id(PLANTED_SERVICE) in {s["id"] for s in by_pc["contents"]}
    near = api.get("/api/hsds/services?postcode=7121&proximity=500&per_page=100").json
    assert hsds_id(PLANTED_SERVICE) in {s["id"] for s in near["contents"]}
    far = api.get("/api/hsds/services?postcode=9999&proximity=500").json
    assert far["empty"] is True
    unknown = api.get("/api/hsds/services?taxonomy_term_id=onbekend-x").json
    assert unknown["total_items"] == 0


def test_paging_and_errors(api):
    first = api.get("/api/hsds/services?per_page=10").json
    assert first["size"] == 10 and first["first_page"] and not first["last_page"]
    assert first["total_pages"] == -(-first["total_items"] // 10)
    last = api.get(f"/api/hsds/services?per_page=10&page={first['total_pages']}").json
    assert last["last_page"]
    for bad in ("page=0", "per_page=1000", "page=x", "postcode=abc", "proximity=100"):
        resp = api.get(f"/api/hsds/services?{bad}")
        assert resp.status_code == 400 and resp.json["status"] == 400, bad
    assert api.get("/api/hsds/services/bestaat-niet").status_code == 404


def test_cors_is_open(api):
    resp = api.get("/api/hsds/services", headers={"Origin": "https://example.org"})
    assert resp.headers["Access-Control-Allow-Origin"] == "*"
    assert api.get("/api/openapi.json").headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in api.post("/api/v1/match", json={"text": "x"}).headers


def test_openapi_document_is_valid(site, api):
    import schemathesis

    doc = api.get("/api/openapi.json").json
    assert doc["openapi"].startswith("3.1")
    schemathesis.openapi.from_wsgi("/api/openapi.json", site)  # parses and checks the document
    assert {"/api/hsds/services", "/api/hsds/services/{id}", "/api/hsds/organizations", "/api/hsds/taxonomies",
            "/api/hsds/taxonomy_terms", "/api/hsds/service_at_locations"} <= set(doc["paths"])  # fmt: skip
    names = {p["name"] for p in doc["paths"]["/api/hsds/services"]["get"]["parameters"]}
    assert {"search", "taxonomy_term_id", "postcode", "proximity", "page", "per_page"} <= names
    for path, item in doc["paths"].items():
        for op in item.values():
            assert "200" in op["responses"], path


@pytest.mark.slow
def test_schemathesis_finds_no_server_errors(site):
    """Generated requests for every operation of the OpenAPI document (the JSON match API included)."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error

    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", site)
    failures: list[str] = []
    ran = 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(
            max_examples=20,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
            derandomize=True,
        )
        @given(case=operation.as_strategy())
        def run(case):
            nonlocal ran
            ran += 1
            response = case.call()
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}")
            case.validate_response(response, checks=[not_a_server_error])

        try:
            run()
        except Exception as exc:  # noqa: BLE001 - collect all, report together
            failures.append(
                f"{operation.method.upper()} {operation.path}: {type(exc).__name__}: {str(exc)[:300]}"
            )
    assert ran > 100
    assert failures == []


def test_service_nests_its_schedules_as_hsds(api):
    full = api.get("/api/hsds/services/svc-113-hulplijn").json
    _validate(full, "compiled/service.json")
    assert full["schedules"] == [
        {
            "id": hsds_id("sched-113-hulplijn"),
            "service_id": hsds_id("svc-113-hulplijn"),
            "freq": "WEEKLY",
            "byday": "MO,TU,WE,TH,FR,SA,SU",
            "opens_at": "00:00:00",
            "closes_at": "23:59:59",
            "attending_type": "Telefonisch",
            "description": "24 uur per dag, 7 dagen per week (24/7).",
        }
    ]
