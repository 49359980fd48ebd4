"""Real headless Chromium: search → results → detail, map filters in sync with the list, keyboard-only use,
and zero axe-core WCAG 2.1 A/AA violations on the main pages."""

from __future__ import annotations

import json
import re

import pytest
from browser.conftest import login, run_axe, settled
from site_data import PLANTED_SERVICE

pytestmark = pytest.mark.slow


def _no_errors(page) -> None:
    assert [e for e in page.kaart_errors if "favicon" not in e] == []


def test_search_results_detail(page):
    page.goto(page.base + "/")
    page.get_by_label("Uw vraag").fill("Ik heb schulden en krijg steeds aanmaningen")
    page.get_by_role("button", name="Zoek hulp").click()
    page.wait_for_url(re.compile(r"/zoeken$"))
    settled(page)
    assert "schulden" not in page.url and "aanmaningen" not in page.url
    assert page.get_by_role("heading", level=1).inner_text() == "Hulp bij uw vraag"
    first = page.locator(".kaart-kaartje__titel a").first
    name = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/dienst/"))
    # the heading may hold soft hyphens at a compound's seam (ADR 0157): the same words on the screen
    assert page.get_by_role("heading", level=1).inner_text().replace("\u00ad", "") == name
    assert page.get_by_text("Laatst gecontroleerd").count() >= 1
    _no_errors(page)


def test_safety_notice_is_on_top(page):
    page.goto(page.base + "/")
    page.get_by_label("Uw vraag").fill("mijn vriend slaat mij en ik ben bang")
    page.get_by_role("button", name="Zoek hulp").click()
    alert = page.get_by_role("alert")
    assert "0800-2000" in alert.inner_text() and "112" in alert.inner_text()
    assert alert.bounding_box()["y"] < page.get_by_role("heading", level=1).bounding_box()["y"]


def test_map_filters_and_list_in_sync(page):
    page.goto(page.base + "/kaart")
    page.wait_for_selector(".leaflet-container")
    all_count = int(re.search(r"\d+", page.locator("#aantal").inner_text()).group(0))
    page.get_by_label("Onderwerp").select_option("financien")
    page.get_by_label("Soort hulp").select_option("vrij-toegankelijk")
    page.get_by_role("button", name="Toon hulp").click()
    page.wait_for_url(re.compile(r"thema=financien.*niveau=vrij-toegankelijk"))
    count = int(re.search(r"\d+", page.locator("#aantal").inner_text()).group(0))
    assert 0 < count < all_count
    listed = page.locator(".kaart-lijst .kaart-kaartje").count()
    assert listed == count
    # markers: every listed service with a public location has one (clustered or single)
    page.wait_for_selector(".leaflet-marker-icon")
    button = page.locator(f'.kaart-toon[data-id="{PLANTED_SERVICE}"]')
    assert button.is_visible()
    button.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Schuldhulp en budgetcoaching test" in popup.inner_text()
    assert "kaart-kaartje--actief" in page.locator(f"#dienst-{PLANTED_SERVICE}").get_attribute("class")
    _no_errors(page)


def test_keyboard_only(page):
    page.goto(page.base + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    page.keyboard.press("Enter")
    # from the main content, Tab reaches the question field
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "vraag":
            break
    assert page.evaluate("document.activeElement.id") == "vraag"
    page.keyboard.type("ik voel me eenzaam")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "plaats"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken$"))
    settled(page)
    # tab to the first result and open it
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.kaart-kaartje__titel') !== null"):
            break
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/dienst/"))
    # the map page: filter with the keyboard only
    page.goto(page.base + "/kaart")
    page.focus("#f-niveau")
    page.keyboard.press("ArrowDown")  # crisis is the last option; go through the list
    page.keyboard.press("End")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Toon hulp":
            break
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"niveau="))
    # visible focus: the next focused element shows an outline
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def _login(pg, app) -> None:
    login(pg, app, "professional", "/inloggen", r"/professional/")


def test_axe_finds_no_wcag_violations(axe_page, live_site):
    pg = axe_page
    checked = {}
    pg.goto(pg.base + "/")
    checked["home"] = run_axe(pg)
    pg.get_by_label("Uw vraag").fill("schulden en zorgen over de kinderen, mijn man slaat soms")
    pg.get_by_role("button", name="Zoek hulp").click()
    pg.wait_for_url(re.compile(r"/zoeken$"))
    settled(pg)
    checked["results"] = run_axe(pg)
    pg.goto(pg.base + f"/dienst/{PLANTED_SERVICE}")
    checked["detail"] = run_axe(pg)
    pg.goto(pg.base + "/organisatie/org-figulus-welzijn")
    checked["organisation"] = run_axe(pg)
    pg.goto(pg.base + "/kaart?thema=financien")
    pg.wait_for_selector(".leaflet-marker-icon")
    checked["kaart"] = run_axe(pg)
    pg.goto(pg.base + "/inloggen")
    checked["login"] = run_axe(pg)
    _login(pg, live_site[0])
    checked["professional search"] = run_axe(pg)
    pg.get_by_label("Beschrijf de situatie").fill(
        "moeder met schulden en vermoedelijk LVB, zorgen over de kinderen"
    )
    pg.get_by_role("button", name="Zoek", exact=True).click()
    pg.wait_for_selector("#resultaten-kop")
    settled(pg)
    checked["professional results"] = run_axe(pg)
    pg.goto(pg.base + "/professional/organisatie/org-figulus-welzijn")
    checked["professional network"] = run_axe(pg)
    bad = {k: v for k, v in checked.items() if v}
    assert not bad, json.dumps(bad, indent=1, ensure_ascii=False)
