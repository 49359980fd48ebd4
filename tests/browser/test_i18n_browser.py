"""The site in English and in Arabic (right to left) in real Chromium, at desktop and phone width (issue 16,
ADR 0084): the switch keeps the page, the browser's language is the default, the Arabic layout mirrors and
nothing sticks out sideways, and axe-core finds no violations."""

from __future__ import annotations

import re

import pytest
from browser.conftest import run_axe, settled

pytestmark = pytest.mark.slow

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
PAGES = {
    "home": "/",
    "kaart": "/kaart?thema=financien",
    "service": "/dienst/svc-vat-aalten-vraag-advies",
    "login": "/inloggen",
}


@pytest.fixture(params=sorted(WIDTHS))
def width(request) -> str:
    return request.param


def _context(browser, width: str, locale: str, **kw):
    w, h = WIDTHS[width]
    return browser.new_context(locale=locale, viewport={"width": w, "height": h}, **kw)


def _no_overflow(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def _search(page, text: str) -> None:
    page.locator("#vraag").fill(text)
    page.locator(".kaart-zoekformulier button[type=submit]").click()
    page.wait_for_url(re.compile(r"/zoeken$"))
    settled(page)


def test_the_switch_keeps_the_page_and_arabic_runs_right_to_left(browser, live_site, width):
    context = _context(browser, width, "nl-NL")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(live_site[1] + "/kaart?thema=financien")
        assert page.locator("html").get_attribute("lang") == "nl"
        page.locator(".kaart-talen").get_by_role("link", name="English").click()
        page.wait_for_url(re.compile(r"/kaart\?.*lang=en"))
        assert "thema=financien" in page.url
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_role("heading", level=1).inner_text() == "Help on the map"
        page.locator(".kaart-talen").get_by_role("link", name="العربية").click()
        page.wait_for_url(re.compile(r"lang=ar"))
        html = page.locator("html")
        assert html.get_attribute("lang") == "ar" and html.get_attribute("dir") == "rtl"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        # The layout mirrors: the logo starts at the right edge of the header.
        header = page.locator(".kaart-header").bounding_box()
        logo = page.locator(".kaart-logo").bounding_box()
        assert logo["x"] + logo["width"] > header["x"] + header["width"] / 2
        _no_overflow(page)
        # The choice is remembered: a plain link elsewhere stays Arabic.
        page.goto(live_site[1] + "/")
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert not errors
    finally:
        context.close()


def test_the_browser_language_is_the_default(browser, live_site, width):
    context = _context(browser, width, "en-GB")
    page = context.new_page()
    try:
        page.goto(live_site[1] + "/")
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_role("heading", level=1).inner_text() == "What do you need help with?"
        assert page.get_by_text("Searching works best with Dutch words").is_visible()
        _search(page, "ik heb schulden")  # a Dutch question in the English interface
        assert page.locator(".kaart-kaartje").count() > 0
        assert page.get_by_role("heading", name="Or choose a topic").is_visible()
        _no_overflow(page)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_axe_in_english_and_arabic(browser, live_site, width, lang):
    context = _context(browser, width, "nl-NL", bypass_csp=True)
    page = context.new_page()
    checked = {}
    try:
        for name, path in PAGES.items():
            page.goto(live_site[1] + path + ("&" if "?" in path else "?") + f"lang={lang}")
            assert page.locator("html").get_attribute("lang") == lang
            _no_overflow(page)
            checked[name] = run_axe(page)
        page.goto(live_site[1] + "/")
        _search(page, "ik heb schulden en kom niet rond")
        _no_overflow(page)
        checked["results"] = run_axe(page)
    finally:
        context.close()
    bad = {name: found for name, found in checked.items() if found}
    assert not bad, bad


def test_switching_language_on_a_results_page_keeps_the_results(browser, live_site):
    """The switch on a results page sends the same question again by POST; the question is in no URL."""
    context = _context(browser, "phone", "nl-NL")
    page = context.new_page()
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    try:
        page.goto(live_site[1] + "/")
        _search(page, "ik heb schulden Zebedeus")
        assert page.locator(".kaart-kaartje").count() > 0
        page.locator(".kaart-talen").get_by_role("button", name="English").click()
        page.wait_for_url(re.compile(r"/zoeken\?lang=en$"))
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_role("heading", level=1).inner_text() == "Help with your question"
        assert page.locator(".kaart-kaartje").count() > 0
        assert page.locator("#vraag").input_value() == "ik heb schulden Zebedeus"
        assert not any("Zebedeus" in u for u in urls), urls
        # the switch looks like the other language links: underlined, no button frame, big enough to tap
        knop = page.locator(".kaart-talen").get_by_role("button", name="Nederlands")
        style = knop.evaluate(
            "e => [getComputedStyle(e).textDecorationLine, getComputedStyle(e).borderTopWidth]"
        )
        assert style == ["underline", "0px"]
        assert knop.bounding_box()["height"] >= 44
        _no_overflow(page)
    finally:
        context.close()


def _punctuation_after(page, selector: str) -> bool:
    """Whether the last character of the element's text is drawn after (to the right of) the first one."""
    return page.locator(selector).first.evaluate(
        """e => {
            const node = [...e.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
            const text = node.textContent, start = text.search(/\\S/), end = text.trimEnd().length - 1;
            const at = i => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                              return r.getBoundingClientRect().left; };
            return at(end) > at(start);
        }"""
    )


def test_a_dutch_fallback_runs_left_to_right_on_an_arabic_page(browser, live_site):
    """Arabic at phone width: a text without an Arabic translation shows in Dutch, left to right with its
    question mark at the end; an Arabic heading stays right to left."""
    from browser.conftest import login

    context = _context(browser, "phone", "nl-NL")
    page = context.new_page()
    page.base = live_site[1]
    try:
        login(page, live_site[0], "professional", "/professional/", r"/professional/")
        page.goto(live_site[1] + "/professional/?lang=ar")
        assert page.locator("html").get_attribute("dir") == "rtl"
        h1 = page.get_by_role("heading", level=1)
        assert h1.inner_text() == "Wie kan hier helpen?"  # no Arabic translation yet: Dutch
        assert _punctuation_after(page, "h1")  # "Wie kan hier helpen?", not "?Wie kan hier helpen"
        page.goto(live_site[1] + "/dienst/svc-vat-aalten-vraag-advies/klopt-niet")
        assert page.get_by_role("heading", level=1).inner_text() == "هل هناك خطأ ما؟"
        assert not _punctuation_after(page, "h1")  # Arabic: the question mark is on the left
        _no_overflow(page)
    finally:
        context.close()


def test_the_share_link_of_a_list_fits_a_phone(browser, live_site):
    """At 390 px the link field gets the width and the copy button is not broken mid-word (it goes under it)."""
    from browser.conftest import login

    context = _context(browser, "phone", "nl-NL")
    page = context.new_page()
    page.base = live_site[1]
    try:
        login(page, live_site[0], "professional", "/professional/", r"/professional/")
        page.goto(live_site[1] + "/professional/lijst?dienst=svc-vat-aalten-vraag-advies")
        page.locator("#lijstnaam").fill("Telefoon test")
        page.locator("#lijstnaam").press("Enter")
        page.wait_for_url(re.compile(r"/professional/lijsten/"))
        page.get_by_role("button", name="Delen met een link").click()
        field = page.locator("#deellink")
        field.wait_for()
        box = page.locator(".kaart-deellink").bounding_box()
        assert field.bounding_box()["width"] >= 0.9 * box["width"]
        button = page.get_by_role("button", name="Kopieer de link")
        line = button.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || 24")
        assert (
            button.bounding_box()["height"] < 2 * line + 24
        )  # one line of text, not "Kopi / eer / de / link"
        _no_overflow(page)
    finally:
        context.close()
