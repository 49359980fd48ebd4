"""Real headless Chromium at desktop and phone width (issue 16.5, 16.8): the "lees voor" control (the browser's
own speechSynthesis, stubbed here to record what would be spoken), the temporary status on pages and cards, the
professional notes and own lists, and zero axe-core violations on every new page and state."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from browser.conftest import login, run_axe, settled

pytestmark = pytest.mark.slow

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
SERVICE = "svc-test-schuldhulp"  # planted by tests/site_data.py
ORG = "org-test-schuldhulp"

# Records what would be spoken instead of speaking: window.__spoken (texts), window.__cancelled (count).
SPEECH_STUB = """
(() => {
  window.__spoken = []; window.__cancelled = 0;
  const fake = {
    speaking: false, pending: false, paused: false,
    speak(u) { window.__spoken.push({text: u.text, lang: u.lang}); },
    cancel() { window.__cancelled += 1; },
    pause() {}, resume() {},
    getVoices() { return []; },
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", {value: fake, configurable: true});
})();
"""
NO_SPEECH = """
(() => {
  try { delete window.speechSynthesis; } catch (e) {}
  Object.defineProperty(window, "speechSynthesis", {value: undefined, configurable: true});
  try { delete Window.prototype.speechSynthesis; } catch (e) {}
})();
"""


@pytest.fixture(params=sorted(WIDTHS))
def width(request) -> str:
    return request.param


def _page(browser, live_site, width: str, script: str | None = SPEECH_STUB, **kw):
    w, h = WIDTHS[width]
    context = browser.new_context(locale="nl-NL", viewport={"width": w, "height": h}, **kw)
    if script:
        context.add_init_script(script)
    page = context.new_page()
    page.kaart_errors = []
    page.on("pageerror", lambda e: page.kaart_errors.append(str(e)))
    page.base = live_site[1]
    return context, page


def _tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element is focused: it is reachable by keyboard."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(sel) => document.activeElement === document.querySelector(sel)", selector):
            return
    raise AssertionError(f"{selector} is niet met Tab te bereiken")


def test_lees_voor_reads_the_service_page_and_stops_on_a_second_press(browser, live_site, width):
    context, page = _page(browser, live_site, width)
    try:
        page.goto(f"{page.base}/dienst/{SERVICE}")
        button = page.locator("button[data-lees-voor]").first
        assert button.is_visible()
        assert button.get_attribute("aria-pressed") == "false"  # off by default
        assert page.evaluate("window.__spoken.length") == 0
        _tab_to(page, "button[data-lees-voor]")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("", "none")  # visible focus
        page.keyboard.press("Enter")
        spoken = page.evaluate("window.__spoken")
        assert len(spoken) == 1 and spoken[0]["lang"] == "nl-NL"
        assert "Schuldhulp en budgetcoaching test" in spoken[0]["text"]
        assert "Hulp bij schulden, rekeningen en geldzorgen" in spoken[0]["text"]
        assert "Lees voor" not in spoken[0]["text"]  # the control itself is not read
        assert button.get_attribute("aria-pressed") == "true"
        page.keyboard.press("Enter")  # second press stops
        assert button.get_attribute("aria-pressed") == "false"
        assert page.evaluate("window.__spoken.length") == 1 and page.evaluate("window.__cancelled") >= 2
        assert page.kaart_errors == []
    finally:
        context.close()


def test_lees_voor_reads_one_result_card(browser, live_site, width):
    context, page = _page(browser, live_site, width)
    try:
        page.goto(page.base + "/")
        page.get_by_label("Uw vraag").fill("ik heb schulden")
        page.get_by_role("button", name="Zoek hulp").click()
        page.wait_for_url(re.compile(r"/zoeken$"))
        settled(page)
        cards = page.locator("article.kaart-kaartje")
        assert cards.count() >= 2
        second = cards.nth(1)
        name = second.locator(".kaart-kaartje__titel").inner_text().strip()
        second.locator("button[data-lees-voor]").click()
        spoken = page.evaluate("window.__spoken")
        assert len(spoken) == 1 and spoken[0]["text"].startswith(name)
        first_name = cards.nth(0).locator(".kaart-kaartje__titel").inner_text().strip()
        assert first_name not in spoken[0]["text"]  # only that card
    finally:
        context.close()


def test_no_lees_voor_button_without_speech_synthesis(browser, live_site, width):
    context, page = _page(browser, live_site, width, script=NO_SPEECH)
    try:
        page.goto(f"{page.base}/dienst/{SERVICE}")
        assert page.locator("button[data-lees-voor]").count() >= 1
        assert not page.locator("button[data-lees-voor]").first.is_visible()
    finally:
        context.close()
    context, page = _page(browser, live_site, width, script=None, java_script_enabled=False)
    try:
        page.goto(f"{page.base}/dienst/{SERVICE}")
        assert not page.locator("button[data-lees-voor]").first.is_visible()
    finally:
        context.close()


def _set_status(app, entity: str, id: str, kind: str, text: str) -> None:
    from graph.statuses import StatusRepository, TemporaryStatus, today_local
    from webapp.db import get_store

    end = (today_local() + timedelta(days=14)).isoformat()
    with app.app_context():
        StatusRepository(get_store()).set(TemporaryStatus(entity, id, kind, text, end=end), "test")


def _clear_status(app, entity: str, id: str) -> None:
    from graph.statuses import StatusRepository
    from webapp.db import get_store

    with app.app_context():
        StatusRepository(get_store()).clear(entity, id, "test")


def test_status_notes_and_lists_have_no_axe_violations(browser, live_site, width):
    app = live_site[0]
    _set_status(app, "Service", SERVICE, "tijdelijk-gesloten", "Verbouwing van het kantoor")
    _set_status(app, "Organisation", ORG, "verhuisd", "Nu aan de Markt 9")
    context, page = _page(browser, live_site, width, bypass_csp=True)
    checked = {}
    try:
        page.goto(f"{page.base}/dienst/{SERVICE}")
        assert "Tijdelijk gesloten tot en met" in page.locator(".kaart-status").first.inner_text()
        checked["public service with status"] = run_axe(page)
        page.goto(f"{page.base}/kaart?dienst={SERVICE}")
        assert page.locator("article .kaart-status").count() == 1
        checked["card with status"] = run_axe(page)
        page.goto(f"{page.base}/organisatie/{ORG}")
        checked["organisation with status"] = run_axe(page)

        login(page, app, "coordinator", "/professional/", r"/professional/$")
        page.goto(f"{page.base}/professional/dienst/{SERVICE}")
        page.get_by_label("Nieuwe notitie").fill("Bel eerst de coördinator.")
        page.get_by_role("button", name="Notitie opslaan").click()
        page.wait_for_selector(".kaart-notitie")
        checked["professional service with note"] = run_axe(page)
        page.get_by_label("Naam van een nieuwe lijst").fill("Schulden Aalten")
        page.get_by_role("button", name="Nieuwe lijst maken").click()
        page.wait_for_url(re.compile(r"/professional/lijsten/lijst-"))
        checked["own list"] = run_axe(page)
        page.get_by_role("button", name="Delen met een link").click()
        link = page.locator("#deellink").input_value()
        checked["own list, shared"] = run_axe(page)
        page.goto(f"{page.base}/professional/lijsten")
        checked["my lists"] = run_axe(page)
        page.goto(f"{page.base}/beheer/dienst/{SERVICE}")
        assert page.locator("#tijdelijke-status").count() == 1
        checked["beheer service with status and notes"] = run_axe(page)
        page.goto(f"{page.base}/beheer/organisatie/{ORG}")
        checked["beheer organisation with status"] = run_axe(page)
        page.goto(f"{page.base}/beheer/statussen")
        checked["beheer status overview"] = run_axe(page)
        page.goto(link)
        assert "Schuldhulp en budgetcoaching test" in page.content()
        checked["shared list"] = run_axe(page)
    finally:
        context.close()
        _clear_status(app, "Service", SERVICE)
        _clear_status(app, "Organisation", ORG)
    bad = {k: v for k, v in checked.items() if v}
    assert not bad, json.dumps(bad, indent=1, ensure_ascii=False)


def _read_card(page, card_id: str) -> list[dict]:
    page.evaluate("window.__spoken = []")
    page.locator(f"#{card_id} button[data-lees-voor]").click()
    return page.evaluate("window.__spoken")


def test_lees_voor_reads_chips_apart_the_status_once_and_dutch_data_in_dutch(browser, live_site):
    """Topics are separate sentences, "Klopt er iets niet?" is not read, the status is read once, and on an
    English page the Dutch names and descriptions go to a Dutch voice (lang nl-NL)."""
    app = live_site[0]
    _set_status(app, "Service", SERVICE, "tijdelijk-gesloten", "Verbouwing van het kantoor")
    context, page = _page(browser, live_site, "phone")
    try:
        page.goto(f"{page.base}/dienst/svc-vat-aalten-vraag-advies")
        page.locator("button[data-lees-voor]").first.click()
        text = " ".join(s["text"] for s in page.evaluate("window.__spoken"))
        chips = page.locator(".kaart-chip").all_inner_texts()
        assert len(chips) >= 2, chips
        for a, b in zip(chips, chips[1:], strict=False):
            assert f"{a}{b}" not in text and f"{a}. {b}" in text, text
        assert "Klopt er iets niet" not in text
        page.evaluate("window.__spoken = []")
        page.goto(f"{page.base}/dienst/{SERVICE}")
        page.locator("button[data-lees-voor]").first.click()
        text = " ".join(s["text"] for s in page.evaluate("window.__spoken"))
        assert text.lower().count("tijdelijk gesloten") == 1, text
        page.goto(f"{page.base}/")
        page.locator("#vraag").fill("ik heb schulden en kom niet rond")
        page.locator(".kaart-zoekformulier button[type=submit]").click()
        page.wait_for_url(re.compile(r"/zoeken$"))
        settled(page)
        card = _read_card(page, f"dienst-{SERVICE}")
        text = " ".join(s["text"] for s in card)
        assert "Klopt er iets niet" not in text
        assert text.lower().count("tijdelijk gesloten") == 1, text
        # English page: the interface in English, the Dutch data with a Dutch voice
        page.goto(f"{page.base}/dienst/{SERVICE}?lang=en")
        page.evaluate("window.__spoken = []")
        page.locator("button[data-lees-voor]").first.click()
        spoken = page.evaluate("window.__spoken")
        langs = {s["lang"] for s in spoken}
        assert langs == {"en", "nl-NL"}, spoken
        dutch = " ".join(s["text"] for s in spoken if s["lang"] == "nl-NL")
        assert "Schuldhulp en budgetcoaching test" in dutch
        english = " ".join(s["text"] for s in spoken if s["lang"] == "en")
        assert "What is it?" in english and "Temporarily closed" in english
        assert "Is something wrong" not in english
        assert not page.kaart_errors
    finally:
        _clear_status(app, "Service", SERVICE)
        context.close()
