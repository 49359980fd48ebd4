"""The HSDS-3.0 test profile of the Open Referral UK validator (tpximpact/oruk-validator, fixtures/oruk-validator),
replayed against our HSDS API through the Flask test client, the way its ValidatorService runs it:

- every test of the profile's level 1 (`/`, `/services`, `/services/{id}`) and level 2 (taxonomies, taxonomy
  terms, organizations, service_at_locations, list and by id) in order, the id for a `/…/{id}` test taken from
  the first item of the list test before it (`saveIds` / `useIdFrom`);
- each response validated against the schema the profile names, with format checks on (uuid, uri, email,
  date, date-time) — the validator's Newtonsoft JSchema checks formats, which is what failed before: ids that
  are not UUIDs, a `profile` with spaces and a relative `openapi_url`;
- its pagination check: up to three pages requested with `perPage` (its spelling) and `page`; `total_items`
  stable, `size` = `perPage` before the last page and = the number of items, `first_page`/`last_page` right.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from urllib.parse import urlencode

import jsonschema
import pytest
from shared_data import need_shared
from site_data import close_app, demo_app

PROFILE_DIR = Path(__file__).parent / "fixtures" / "oruk-validator"
BIG = {"V3.0/service.json", "V3.0/organization.json", "V3.0/service_at_location.json"}
BASE = "/api/hsds"


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("oruk"))
    yield app
    close_app(app)


@functools.cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    if name in BIG:  # the compiled HSDS 3.0 schema the validator ships under this name (README)
        path = need_shared("hsds-3.0", "schema", "compiled", name.split("/")[1])
    else:
        path = PROFILE_DIR / name
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _issues(body: dict, schema: str) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator(schema).iter_errors(body)
    ]


def _pagination(client, endpoint: str, first: dict) -> list[str]:
    """ValidatorService.ValidatePagination, as written."""
    issues = []
    total_pages = min(first["total_pages"], 3)
    per_page = 20
    if first["total_items"] < 60 and total_pages > 0:
        per_page = (first["total_items"] + (total_pages - 1)) // total_pages
    for page in range(1, total_pages + 1):
        resp = client.get(f"{BASE}{endpoint}?{urlencode({'perPage': per_page, 'page': page})}")
        if resp.status_code != 200:
            issues.append(f"{endpoint} page {page}: status {resp.status_code}")
            continue
        current = resp.json
        if current["total_items"] != first["total_items"]:
            issues.append(f"{endpoint} page {page}: total_items changed")
        if page < total_pages and current["size"] != per_page:
            issues.append(f"{endpoint} page {page}: size {current['size']} != perPage {per_page}")
        if current["size"] != len(current["contents"]):
            issues.append(f"{endpoint} page {page}: size != number of items")
        if (page == 1) != current["first_page"]:
            issues.append(f"{endpoint} page {page}: first_page wrong")
        if (page == first["total_pages"]) != current["last_page"]:
            issues.append(f"{endpoint} page {page}: last_page wrong")
    return issues


def _run_profile(client) -> dict[str, dict[str, list[str]]]:
    profile = json.loads((PROFILE_DIR / "HSDS-3.0.json").read_text(encoding="utf-8"))
    saved: dict[str, str] = {}
    results: dict[str, dict[str, list[str]]] = {}
    for group in profile["testGroups"]:
        results[group["name"]] = {}
        for test in group["tests"]:
            endpoint = test["endpoint"]
            url = BASE + endpoint
            if test.get("useIdFrom"):
                if test["useIdFrom"] not in saved:
                    results[group["name"]][test["name"]] = ["Could not get a valid `id` for the request"]
                    continue
                url += saved[test["useIdFrom"]]
            resp = client.get(url)
            if resp.status_code != 200 or not resp.is_json:
                results[group["name"]][test["name"]] = [f"{url}: status {resp.status_code}"]
                continue
            issues = _issues(resp.json, test["schema"])
            if test.get("saveIds") and resp.json.get(test["saveIdField"]):
                saved[f"{endpoint}-id"] = resp.json[test["saveIdField"]][0]["id"]
            if test.get("pagination"):
                issues += _pagination(client, endpoint, resp.json)
            results[group["name"]][test["name"]] = issues
    return results


def test_every_level_1_and_level_2_test_of_the_hsds_3_0_profile_passes(site):
    results = _run_profile(site.test_client())
    assert [len(tests) for tests in results.values()] == [3, 8]  # every test of both levels ran
    failing = {
        f"{group} / {name}": issues
        for group, tests in results.items()
        for name, issues in tests.items()
        if issues
    }
    assert failing == {}


def test_api_details_are_absolute_uris_and_ids_are_uuids(site):
    client = site.test_client()
    details = client.get(f"{BASE}/").json
    assert details["profile"].startswith("http") and " " not in details["profile"]
    assert details["openapi_url"] == "http://localhost/api/openapi.json"
    assert client.get(details["openapi_url"].removeprefix("http://localhost")).status_code == 200
    assert _issues(details, "V3.0/api_details.json") == []
    # the defect the validator reported: a relative openapi_url and a profile with spaces fail its schema
    assert _issues({**details, "openapi_url": "/api/openapi.json"}, "V3.0/api_details.json")
    assert _issues({**details, "profile": "https://x (HSDS 3.0), profiel"}, "V3.0/api_details.json")


def test_readable_ids_fail_the_uuid_check_of_the_profile(site):
    """Why the ids had to change: the same page with a readable id fails the validator's schema."""
    page = site.test_client().get(f"{BASE}/services?per_page=1").json
    assert _issues(page, "V3.0/service_list.json") == []
    page["contents"][0]["id"] = "svc-veilig-thuis-advies-melden"
    assert any("is not a 'uuid'" in i for i in _issues(page, "V3.0/service_list.json"))
