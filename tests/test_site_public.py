"""The public site on the Aalten demo: search (POST, no-store, no trace), list/map filters in the URL, detail
pages in B1 Dutch, confidential and approximate locations, safety notice, vendored assets and page weight."""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
from html import escape as html_escape
from html import unescape as html_unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from site_data import (
    CONFIDENTIAL_ADDRESS,
    CONFIDENTIAL_POSTCODE,
    PLANTED_ORG,
    PLANTED_SERVICE,
    PUBLIC,
    SHELTER_SERVICE,
    close_app,
    demo_app,
    public_search,
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


def test_home_has_search_box_and_theme_tiles(web):
    html = web.get("/").text
    assert "Waar zoekt u hulp bij?" in html
    assert 'method="post" action="/zoeken"' in html
    assert 'href="/kaart?thema=financien"' in html  # a top-level theme tile
    assert "Geld en rekeningen" in html  # its B1 label


def test_search_is_post_only_no_store_and_leaves_no_trace(site, web, caplog):
    secret = "mijn buurman Zebedeus heeft schulden en krijgt aanmaningen"
    caplog.set_level(logging.DEBUG)
    resp = public_search(web, secret)
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
    resp = public_search(web, "ik heb schulden en kom niet rond")
    share = html_unescape(
        re.search(r'id="deellink" type="text" readonly value="([^"]+)"', resp.text).group(1)
    )
    url = urlsplit(share)
    assert url.path == "/kaart" and url.scheme in {"http", "https"}  # a full link to hand to a resident
    query = parse_qs(url.query)
    assert set(query) == {"dienst"} and all(i.startswith("svc-") for i in query["dienst"])
    assert "schulden" not in share and "rond" not in share
    assert f'href="{html_escape(share)}"' in resp.text  # the same link, to open
    shared = web.get(url.path + "?" + url.query)
    assert shared.status_code == 200 and "vormen van hulp gevonden" in shared.text
    assert "Hulp die met u is gedeeld" in shared.text
    for i in query["dienst"]:
        assert f'id="dienst-{i}"' in shared.text
    assert list(_cards(shared.text)) == query["dienst"]  # in the order they were found: best first


def test_safety_notice_on_top_for_danger(web):
    resp = public_search(web, "mijn man slaat me en ik ben bang")
    html = resp.text
    assert 'role="alert"' in html
    notice = html.index("kaart-veiligheid")
    assert notice < html.index("<h1")
    for number in ("0800-2000", "112"):
        assert number in html[notice : notice + 3000]
    assert "113" not in html[notice : notice + 3000]  # 113 is for thoughts of suicide only (ADR 0107)


def test_no_safety_notice_for_ordinary_questions(web):
    assert "kaart-veiligheid" not in public_search(web, "ik zoek vrijwilligerswerk").text


def test_empty_question_asks_again(web):
    resp = public_search(web, "   ")
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
            assert ref.startswith("/static/") or ref == "/gemeente.css", ref
        assert "<script>" not in resp.text and " style=" not in resp.text  # nothing inline


def _weight(web, path: str) -> int:
    html = web.get(path).text
    total = 0
    for ref in re.findall(r'(?:src|href)="(/static/[^"]+\.(?:js|css)|/gemeente\.css)"', html):
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


# --- issue 13: a way in for every result, the gemeente's site, compact results, quick exit ------------------

FRONT_DOOR = "U kunt altijd terecht bij:"


def _cards(html: str) -> dict[str, str]:
    """Service id -> the HTML of its result card."""
    parts = re.split(r'(?=<article class="kaart-kaartje")', html)
    return {re.search(r'data-id="([^"]+)"', p).group(1): p.split("</article>")[0] for p in parts[1:]}


def _has_a_way_in(card: str) -> bool:
    own = re.search(r'class="kaart-weg-in">.*?href="(tel:|mailto:|https?://)', card, re.S)
    door = (
        FRONT_DOOR in card or "Dit is de voordeur van" in card
    ) and 'href="https://www.aalten.nl/"' in card
    return bool(own) != bool(door)  # exactly one of the two, never neither


def test_every_result_card_has_its_contact_or_the_front_door(web):
    for html in (public_search(web, "ik heb schulden en krijg aanmaningen").text, web.get("/kaart").text):
        cards = _cards(html)
        assert len(cards) >= 5
        for sid, card in cards.items():
            assert _has_a_way_in(card), sid
            assert "contact opnemen" not in card and "neem zelf contact" not in card.lower()
    planted = _cards(web.get("/kaart?thema=financien").text)[PLANTED_SERVICE]
    assert PUBLIC["service_phone"] in planted and FRONT_DOOR not in planted  # its own details win
    # no phone number is ever shown for the front door in the demo: none is verified
    demo = _cards(public_search(web, "ik heb schulden en krijg aanmaningen").text)[
        "svc-vat-aalten-vraag-advies"
    ]
    assert (
        "Geen eigen contactgegevens bekend. U kunt altijd terecht bij: <strong>Team Mens &amp; Samenleving"
        in demo
    )
    assert 'href="tel:' not in demo


def test_service_page_without_contact_details_names_the_front_door(web):
    html = web.get("/dienst/svc-vat-aalten-vraag-advies").text
    assert "Er zijn nog geen contactgegevens bekend" not in html
    contact = html[html.index('id="contact"') :]
    assert FRONT_DOOR in contact[:1500] and "www.aalten.nl" in contact[:1500]
    assert 'href="/dienst/svc-aalten-brede-intake"' in contact[:2000]  # what the front door is
    assert 'href="#contact">Zo neemt u contact op</a>' in html  # "zelf contact opnemen" always says how
    own = web.get(f"/dienst/{PLANTED_SERVICE}").text
    assert FRONT_DOOR not in own and PUBLIC["service_phone"] in own
    org = web.get("/organisatie/org-figulus-welzijn").text
    assert "Er zijn nog geen contactgegevens bekend" not in org


def test_the_front_doors_own_page_does_not_send_people_to_itself(web):
    """The brede intake IS the front door: its page says so and how to reach it, not "ga naar de voordeur"."""
    html = web.get("/dienst/svc-aalten-brede-intake").text
    contact = html[html.index('id="contact"') :][:2000]
    assert "Dit is de voordeur van Gemeente Aalten" in contact and "www.aalten.nl" in contact
    assert FRONT_DOOR not in contact and 'href="/dienst/svc-aalten-brede-intake"' not in contact


def test_the_site_is_the_gemeentes(web):
    home = web.get("/").text
    assert "<title>Sociale kaart Aalten</title>" in home
    assert 'Sociale kaart <span class="kaart-logo__gemeente">Aalten</span>' in home
    assert "Gemeente Aalten" in home and "Dinxperlo" in home
    assert "— Sociale kaart Aalten</title>" in web.get(f"/dienst/{PLANTED_SERVICE}").text
    assert 'href="/gemeente.css"' in home and "kaart-gemeente" in home
    css = web.get("/gemeente.css")
    assert css.mimetype == "text/css"
    assert "--basis-color-accent-1-color-default: #154273;" in css.text  # NL Design System token
    assert "--basis-color-action-1-inverse-bg-default: #154273;" in css.text


@pytest.fixture(scope="module")
def testdorp(falkor_server, tmp_path_factory):
    """The same kaart run by another gemeente, from its own profile."""
    d = tmp_path_factory.mktemp("testdorp")
    profile = d / "testdorp.yaml"
    profile.write_text(
        "id: testdorp\nname: Gemeente Testdorp\nshort_name: Testdorp\nwebsite: https://www.testdorp.nl/\n"
        "colours:\n  primary: '#006400'\n  primary-contrast: 'red; } body { display: none'\n"
        "front_door:\n  name: Loket Testdorp\n  website: https://www.testdorp.nl/loket\n"
        "  phone: '0500-123456'\n",
        encoding="utf-8",
    )
    app = demo_app(falkor_server, d, GEMEENTE_PROFILE=str(profile))
    yield app.test_client()
    close_app(app)


def test_name_colours_and_front_door_come_from_the_gemeente_profile(testdorp):
    home = testdorp.get("/").text
    assert "<title>Sociale kaart Testdorp</title>" in home and "Aalten</title>" not in home
    css = testdorp.get("/gemeente.css").text
    assert "#006400" in css
    assert "display: none" not in css and "red;" not in css  # not a colour: left out, no CSS injection
    card = _cards(testdorp.get("/kaart?dienst=svc-vat-aalten-vraag-advies").text)[
        "svc-vat-aalten-vraag-advies"
    ]
    assert f"{FRONT_DOOR} <strong>Loket Testdorp</strong>" in card
    assert 'href="tel:0500123456"' in card and "www.testdorp.nl/loket" in card


def test_results_show_the_question_back_in_a_post_form(web):
    html = public_search(web, "ik heb schulden en krijg aanmaningen", "Dinxperlo").text
    form = html[html.index('class="kaart-vraag-terug') :]
    form = form[: form.index("</form>")]
    assert 'method="post" action="/zoeken"' in html[html.index('class="kaart-vraag-terug') - 80 :]
    assert ">ik heb schulden en krijg aanmaningen</textarea>" in form
    assert 'value="Dinxperlo"' in form and 'name="csrf_token"' in form


def test_result_cards_are_compact_and_say_not_verified_once(web):
    html = public_search(web, "ik heb schulden en krijg aanmaningen").text
    assert "Laatst gecontroleerd" not in html
    assert html.count("nog niet geverifieerd") == 1
    cards = _cards(html)
    assert PLANTED_SERVICE in cards and "Gecontroleerd op 1 november 2026" in cards[PLANTED_SERVICE]
    kaart = web.get("/kaart").text
    assert "Laatst gecontroleerd" not in kaart and kaart.count("nog niet geverifieerd") == 1


def test_results_print_with_the_share_link_and_without_the_form():
    css = (ROOT / "webapp" / "static" / "css" / "site.css").read_text()
    block = css[css.index("@media print") :]
    assert ".kaart-alleen-printen { display: block; }" in block and ".kaart-snelweg" in block


def test_print_view_names_the_kaart_and_the_share_link(web):
    html = public_search(web, "ik heb schulden en krijg aanmaningen").text
    line = re.search(r'<p class="utrecht-paragraph kaart-alleen-printen">(.*?)</p>', html, re.S).group(1)
    assert "Sociale kaart Aalten" in line and "/kaart?dienst=" in line and "schulden" not in line
    assert 'class="kaart-vraag-terug kaart-niet-printen"' in html
    # a QR code of exactly the share link, to scan from paper or a screen
    from webapp.site import qr_svg

    share = html_unescape(re.search(r'id="deellink" type="text" readonly value="([^"]+)"', html).group(1))
    assert (
        str(qr_svg(share)) in html
        and 'role="img" aria-label="QR-code: scan hem om deze hulp te openen"' in html
    )


def test_kaart_list_is_paged_and_the_map_keeps_everything(web):
    first = web.get("/kaart").text
    total = int(re.search(r"(\d+) vormen van hulp gevonden", first).group(1))
    assert total > 40
    assert len(_cards(first)) == 20
    assert 'aria-label="Pagina\'s van de lijst"' in first and 'aria-current="page"' in first
    points = json.loads(re.search(r'id="kaart-punten">(.*?)</script>', first, re.S).group(1))
    assert len({p["id"] for p in points}) > 20  # the map shows all that was found, not only this page
    second = web.get("/kaart?pagina=2").text
    assert len(_cards(second)) == 20 and not set(_cards(first)) & set(_cards(second))
    assert '<ol class="kaart-resultaten" start="21">' in second
    pages = -(-total // 20)
    last = web.get(f"/kaart?pagina={pages}").text
    assert len(_cards(last)) == total - 20 * (pages - 1)
    assert web.get("/kaart?pagina=999").text.count('aria-current="page"') == 1
    assert web.get("/kaart?pagina=x").status_code == 200
    # filters stay in the paging links
    niveau = web.get("/kaart?niveau=lokaal-team").text
    if "pagina=2" in niveau:
        assert re.search(r'href="/kaart\?niveau=lokaal-team&amp;pagina=2"', niveau)


def test_theme_tiles_without_services_are_not_offered(web):
    home = web.get("/").text
    counts = [int(n) for n in re.findall(r'kaart-tegel__aantal">(\d+) vorm', home)]
    assert counts and min(counts) > 0
    assert ">0 vormen van hulp" not in home


def test_doelgroep_iedereen_appears_once(web):
    kaart = web.get("/kaart").text
    select = kaart[kaart.index('id="f-doelgroep"') :]
    select = select[: select.index("</select>")]
    assert len(re.findall(r">[^<]*iedereen[^<]*</option>", select, re.I)) == 1


@pytest.mark.parametrize(
    "path",
    [
        "/dienst/svc-veilig-thuis-advies-melden",
        "/kaart?thema=huiselijk-geweld",
        f"/dienst/{SHELTER_SERVICE}",
        "/kaart?dienst=svc-aalten-schuldhulpverlening&dienst=svc-veilig-thuis-advies-melden",  # a shared list
    ],
)
def test_pages_about_violence_have_a_quick_exit(web, path):
    html = web.get(path).text
    assert 'href="https://www.google.nl/" rel="noreferrer" data-snelweg>Snel weg' in html
    # first thing after the skip link: reachable at once with the keyboard
    assert html.index("data-snelweg") < html.index('class="utrecht-page kaart-page"')
    assert "<script>" not in html and " onclick" not in html  # the strict CSP holds


def test_safety_results_have_a_quick_exit_and_ordinary_ones_do_not(web):
    assert "data-snelweg" in public_search(web, "mijn man slaat me en ik ben bang").text
    assert "data-snelweg" in public_search(web, "ik wil niet meer leven").text  # crisis signal
    assert "data-snelweg" not in public_search(web, "ik heb schulden").text
    for path in (
        "/",
        "/kaart",
        f"/dienst/{PLANTED_SERVICE}",
        "/kaart?thema=financien",
        "/kaart?dienst=svc-aalten-schuldhulpverlening",
    ):
        assert "data-snelweg" not in web.get(path).text, path


def test_controls_that_need_javascript_start_hidden(web):
    html = web.get("/kaart").text
    for button in re.findall(r"<button[^>]*kaart-toon[^>]*>", html):
        assert " hidden" in button
    assert re.search(r'<div id="kaart"[^>]*\shidden', html)
    assert re.search(r'<ul class="kaart-legenda"[^>]*\shidden', html)
    css = (ROOT / "webapp" / "static" / "css" / "site.css").read_text()
    assert "[hidden] { display: none !important; }" in css  # component CSS must not unhide them


def test_result_cards_show_the_short_hours_status_and_dated_wachttijd(site, web):
    """Hours and wachttijd on the card come from h-sched's texts (webapp/hours_text.py)."""
    import dataclasses

    from graph.repositories import ServiceRepository
    from ingest.hours import schedules_from_texts
    from webapp.db import get_store

    with site.app_context():
        repo = ServiceRepository(get_store())
        before = repo.get(PLANTED_SERVICE)
        repo.upsert(
            [
                dataclasses.replace(
                    before,
                    schedules=schedules_from_texts(
                        PLANTED_SERVICE, {"openingstijden": "ma t/m zo 9.00-17.00"}
                    ),
                )
            ]
        )
    try:
        card = _cards(web.get("/kaart?thema=financien").text)[PLANTED_SERVICE]
    finally:
        with site.app_context():
            ServiceRepository(get_store()).upsert([before])
    assert re.search(
        r"kaart-kaartje__tijd\">(Nu open · vandaag tot 17\.00|Gesloten · (vandaag|morgen) vanaf 9\.00)", card
    )
    assert re.search(r"kaart-kaartje__wachttijd\">Wachttijd .*doorgegeven op 1 oktober", card)
    other = _cards(web.get("/kaart?thema=financien").text)["svc-aalten-schuldhulpverlening"]
    assert "kaart-kaartje__tijd" not in other  # hours unknown: nothing, not "nog niet geverifieerd" per card


def test_theme_filter_offers_no_theme_without_services(web):
    kaart = web.get("/kaart").text
    select = kaart[kaart.index('id="f-thema"') :]
    select = select[: select.index("</select>")]
    for theme in re.findall(r'<option value="([^"]+)"', select):
        count = int(re.search(r"(\d+) vorm", web.get(f"/kaart?thema={theme}").text).group(1))
        assert count > 0, theme


def test_organisation_page_says_not_verified_once(web):
    html = web.get("/organisatie/org-figulus-welzijn").text
    assert html.count("nog niet geverifieerd") == 1 and "laatst gecontroleerd:" not in html.lower()


def test_doelgroep_labels_are_deduplicated():
    from types import SimpleNamespace as D

    from webapp.site import unique_doelgroep_labels

    groups = [
        D(label="Iedereen", b1_label="Voor iedereen"),
        D(label="Iedereen", b1_label=None),
        D(label="Ouders", b1_label="Ouders"),
    ]
    assert unique_doelgroep_labels(groups) == ["Voor iedereen", "Ouders"]
