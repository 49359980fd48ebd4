"""Real headless Chromium, at 390 and 1280 px, for the site-side findings of user test m12test11 (ADR 0133):
the safety box reads in the interface language (Arabic right to left, the numbers as written, left to right),
and a shared list shows the shared help on the first phone screen, its filters folded after it. Screenshots go
to KAART_SHOTS when that is set."""

from __future__ import annotations

import os

import pytest
from browser.conftest import settled

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
DANGER_AT_HOME = "mijn man slaat mij en ik ben bang"
SHARED = ("svc-vat-aalten-vraag-advies", "svc-aalten-schuldhulpverlening", "svc-bfo-financiele-ondersteuning")


def _open(browser, live_site, viewport):
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    pg = context.new_page()
    pg.base = live_site[1]
    return context, pg


def _shot(pg, name: str) -> None:
    where = os.environ.get("KAART_SHOTS")
    if where:
        pg.screenshot(path=os.path.join(where, f"{name}.png"), full_page=False)


def _search(pg, text: str, lang: str) -> None:
    pg.goto(f"{pg.base}/?lang={lang}")
    pg.locator("#vraag").fill(text)
    pg.locator("form button[type=submit]").first.click()
    pg.wait_for_selector(".kaart-veiligheid")
    settled(pg)


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["en", "ar", "uk"])
def test_the_safety_advice_reads_in_the_interface_language(browser, live_site, lang, size):
    viewport = PHONE if size == "phone" else DESKTOP
    context, pg = _open(browser, live_site, viewport)
    try:
        _search(pg, DANGER_AT_HOME, lang)
        _shot(pg, f"fix11-safety-{lang}-{size}")
        first = pg.locator(".kaart-veiligheid__eerst")
        text = pg.locator(".kaart-veiligheid").inner_text()
        assert "Bel Veilig Thuis" not in text and "dag en nacht" not in text and "direct gevaar" not in text
        assert "Veilig Thuis" in first.inner_text()
        number = first.locator("a", has_text="0800-2000")
        assert number.is_visible() and number.get_attribute("href") == "tel:08002000"
        assert number.inner_text() == "0800-2000"
        direction = "el => getComputedStyle(el).direction"
        assert first.evaluate(direction) == ("rtl" if lang == "ar" else "ltr")
        assert number.evaluate(direction) == "ltr"  # "0800-2000", never "2000-0800" in an Arabic line
        assert first.get_attribute("lang") is None  # no longer marked as Dutch
        assert pg.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        context.close()


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_shared_list_opens_on_the_shared_help(browser, live_site, size):
    viewport = PHONE if size == "phone" else DESKTOP
    context, pg = _open(browser, live_site, viewport)
    try:
        pg.goto(pg.base + "/kaart?" + "&".join(f"dienst={s}" for s in SHARED))
        settled(pg)
        _shot(pg, f"fix11-shared-list-{size}")
        first = pg.locator(".kaart-resultaten > li").first
        top = first.evaluate("el => el.getBoundingClientRect().top + window.scrollY")
        assert top < viewport["height"] - 150, f"the first shared service starts at {top:.0f} px"
        assert pg.locator(".kaart-resultaten > li").count() == len(SHARED)
        # the filters are there, folded, after the help
        assert not pg.locator("#f-thema").is_visible()
        pg.locator(".kaart-filters-inklap summary").click()
        assert pg.locator("#f-thema").is_visible()
        pg.locator("#f-thema").scroll_into_view_if_needed()
        _shot(pg, f"fix11-shared-list-{size}-filters")
        assert pg.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        context.close()


def test_the_share_link_holds_the_help_shown_on_a_phone(browser, live_site):
    """The link passes on the results above "Meer resultaten tonen", in their order, not the tail (F8)."""
    from urllib.parse import parse_qs, urlparse

    context, pg = _open(browser, live_site, PHONE)
    try:
        pg.goto(pg.base + "/")
        pg.locator("#vraag").fill("ik heb schulden en de deurwaarder komt")
        pg.locator("form button[type=submit]").first.click()
        pg.wait_for_selector(".kaart-resultaten > li")
        settled(pg)
        shown = pg.locator(".kaart-resultaten > li .kaart-kaartje__titel a").evaluate_all(
            "els => els.map(a => a.getAttribute('href').split('/').pop())"
        )
        link = pg.locator("#deellink").input_value()
        assert parse_qs(urlparse(link).query)["dienst"] == shown
        assert pg.locator(".kaart-meer-resultaten").count() == 1  # there is a tail, and it is not in the link
        pg.locator("#delen-kop").scroll_into_view_if_needed()
        _shot(pg, "fix11-share-phone")
        assert "Meer resultaten tonen" in pg.locator("#deellink-uitleg").inner_text()
    finally:
        context.close()
