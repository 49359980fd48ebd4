"""The public site on the Aalten demo: search (POST, no-store, no trace), list/map filters in the URL, detail
pages in B1 Dutch, confidential and approximate locations, safety notice, vendored assets and page weight."""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
from pathlib import Path

import pytest
from site_data import (
    CONFIDENTIAL_ADDRESS,
    CONFIDENTIAL_POSTCODE,
    PLANTED_ORG,
    PLANTED_SERVICE,
    PUBLIC,
    SHELTER_SERVICE,
    close_app,
    csrf_from,
    demo_app,
)

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "webapp" / "static" / "vendor"


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("site"))
    yield app
    close_app(app)


@pytest.fixture
def web(site):
    return site.test_client()


def _search(web, text: str, place: str = ""):
    token = csrf_from(web.get("/").text)
    return web.post("/zoeken", data={"vraag": text, "plaats": place, "csrf_token": token})


def test_home_has_search_box_and_theme_tiles(web):
    html = web.get("/").text
    assert "Waar zoekt u hulp bij?" in html
    assert 'method="post" action="/zoeken"' in html
    assert 'href="/kaart?thema=financien"' in html  # a top-level theme tile
    assert "Geld en rekeningen" in html  # its B1 label


def test_search_is_post_only_no_store_and_leaves_no_trace(site, web, caplog):
    secret = "mijn buurman Zebedeus heeft schulden en krijgt aanmaningen"
    caplog.set_level(logging.DEBUG)
    resp = _search(web, secret)
    assert resp.status_code == 200
    assert resp.headers["Cache-Control"] == "no-store"
    assert "Schuldhulp en budgetcoaching test" in resp.text or "Schuldhulpverlening" in resp.text
    assert "Zebedeus" not in caplog.text
    # the text is not put in any link of the answer
    for href in re.findall(r'href="([^"]+)"', resp.text):
        assert "Zebedeus" not in href and "buurman" not in href and "aanmaningen" not in href
    assert web.get("/zoeken").status_code == 302  # no GET search
    from webapp.db import get_store

    with site.app_context():
        rows = get_store().read(
            "MATCH (n) WHERE any(k IN keys(n) WHERE toString(n[k]) CONTAINS 'Zebedeus') RETURN count(n) AS c"
        )
    assert rows[0]["c"] == 0


def test_share_link_holds_service_ids_only(web):
    resp = _search(web, "ik heb schulden en kom niet rond")
    share = re.search(r'href="(/kaart\?dienst=[^"]+)"', resp.text).group(1)
    assert "schulden" not in share.replace("svc-", "").split("dienst=", 1)[0]
    shared = web.get(share.replace("&amp;", "&"))
    assert shared.status_code == 200 and "vormen van hulp gevonden" in shared.text


def test_safety_notice_on_top_for_danger(web):
    resp = _search(web, "mijn man slaat me en ik ben bang")
    html = resp.text
    assert 'role="alert"' in html
    notice = html.index("kaart-veiligheid")
    assert notice < html.index("<h1")
    for number in ("0800-2000", "112", "113"):
        assert number in html[notice : notice + 3000]


def test_no_safety_notice_for_ordinary_questions(web):
    assert "kaart-veiligheid" not in _search(web, "ik zoek vrijwilligerswerk").text


def test_empty_question_asks_again(web):
    resp = _search(web, "   ")
    assert resp.status_code == 400 and "Schrijf eerst uw vraag" in resp.text


def test_kaart_filters_are_in_the_url(web):
    all_ = web.get("/kaart").text
    total = int(re.search(r"(\d+) vormen van hulp gevonden", all_).group(1))
    assert total >= 60
    crisis = web.get("/kaart?niveau=crisis").text
    n = int(re.search(r"(\d+) vorm(?:en)? van hulp gevonden", crisis).group(1))
    assert 0 < n < total and "Veilig Thuis" in crisis
    money = web.get("/kaart?thema=financien").text  # includes narrower themes (schulden)
    assert "Schuldhulp en budgetcoaching test" in money
    assert "Vrouwenopvang test" not in money
    open_now = web.get("/kaart?open=1").text  # 24/7 services are always open
    assert "113" in open_now and "Schuldhulp en budgetcoaching test" not in open_now
    assert 'value="financien" selected' in money
    # unknown values are ignored, not errors
    assert web.get("/kaart?thema=bestaat-niet&niveau=x&kern=y").status_code == 200


def test_map_data_matches_the_list_and_hides_confidential_places(web):
    html = web.get("/kaart?thema=huiselijk-geweld").text
    points = json.loads(
        re.search(r'<script type="application/json" id="kaart-punten">(.*?)</script>', html, re.S).group(1)
    )
    listed = set(re.findall(r'data-id="([^"]+)"', html))
    assert {p["id"] for p in points} <= listed
    assert SHELTER_SERVICE in listed
    assert SHELTER_SERVICE not in {p["id"] for p in points}  # no pin for a confidential location
    assert CONFIDENTIAL_ADDRESS not in html and CONFIDENTIAL_POSTCODE not in html
    assert 'data-tiles=""' in html  # no tiles in tests: the page works without them


def test_service_page_in_b1_with_contact_and_verification(web):
    html = web.get(f"/dienst/{PLANTED_SERVICE}").text
    for text in (
        "Wat is het?",
        "Voor wie?",
        "Contact",
        "doorgegeven op 1 oktober",  # "(doorgegeven op 1 oktober)", or once stale "laatst doorgegeven op …"
        "Laatst gecontroleerd: 1 november 2026",
        PUBLIC["service_phone"],
        "Markt 1",
    ):
        assert text in html, text
    demo = web.get("/dienst/svc-vat-aalten-vraag-advies").text
    assert "nog niet geverifieerd" in demo
    assert "locatie bij benadering" in demo
    assert "Vraag- en Advies Team (VAT) Aalten" in demo  # its network


def test_confidential_location_never_shows_its_address(web):
    html = web.get(f"/dienst/{SHELTER_SERVICE}").text
    assert "het adres is geheim" in html
    assert CONFIDENTIAL_ADDRESS not in html and CONFIDENTIAL_POSTCODE not in html
    org = web.get(f"/organisatie/{PLANTED_ORG}").text
    assert CONFIDENTIAL_ADDRESS not in org and "Markt 1" in org


def test_organisation_page_lists_services_and_networks(web):
    html = web.get("/organisatie/org-figulus-welzijn").text
    assert "Netwerken" in html and "Vraag- en Advies Team (VAT) Aalten" in html
    assert "/dienst/" in html


def test_unknown_pages_are_404_in_dutch(web):
    resp = web.get("/dienst/bestaat-niet")
    assert resp.status_code == 404 and "Pagina niet gevonden" in resp.text


def test_json_list_endpoint(web):
    data = web.get("/api/v1/services?thema=financien&per_page=5").json
    assert data["total_items"] >= 2 and len(data["contents"]) <= 5
    assert {"id", "name", "niveau", "points"} <= set(data["contents"][0])
    assert web.get("/api/v1/services?page=x").status_code == 400


# --- assets, headers, weight ---------------------------------------------------------------------------


def test_vendored_files_match_the_manifest():
    for base in (VENDOR, ROOT / "tests" / "browser" / "vendor"):
        lines = (base / "MANIFEST.sha256").read_text().splitlines()
        assert lines
        for line in lines:
            digest, name = line.split("  ", 1)
            assert hashlib.sha256((base / name).read_bytes()).hexdigest() == digest, name
    licences = (VENDOR / "LICENSES.md").read_text()
    for pkg in (
        "@utrecht/component-library-css",
        "@nl-design-system-unstable/voorbeeld-design-tokens",
        "leaflet",
        "leaflet.markercluster",
    ):
        assert f"`{pkg}`" in licences
    assert "EUPL-1.2" in licences and "BSD-2-Clause" in licences


def test_pages_use_only_own_assets_and_a_strict_csp(web):
    for path in ("/", "/kaart", f"/dienst/{PLANTED_SERVICE}", "/inloggen"):
        resp = web.get(path)
        csp = resp.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe" not in csp
        for ref in re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', resp.text):
            assert ref.startswith("/static/"), ref
        assert "<script>" not in resp.text and " style=" not in resp.text  # nothing inline


def _weight(web, path: str) -> int:
    html = web.get(path).text
    total = 0
    for ref in re.findall(r'(?:src|href)="(/static/[^"]+\.(?:js|css))"', html):
        resp = web.get(ref)
        body = resp.data
        resp.close()
        total += len(gzip.compress(body, compresslevel=9))
    return total


def test_public_pages_weigh_at_most_300_kb_of_css_and_js_gzipped(web):
    for path in ("/", "/kaart"):
        kb = _weight(web, path) / 1024
        print(f"{path}: {kb:.0f} KB CSS+JS gzipped")
        assert kb <= 300, f"{path}: {kb:.0f} KB"


def test_print_stylesheet_hides_navigation():
    css = (ROOT / "webapp" / "static" / "css" / "site.css").read_text()
    block = css[css.index("@media print") :]
    assert ".kaart-header" in block and ".kaart-niet-printen" in block and "display: none" in block
