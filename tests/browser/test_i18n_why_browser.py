"""Why-lines, counts and the shared list in every interface language, in real Chromium at desktop and phone width
(issue 12 points 6 and 9, i18n7): a results page in Turkish, Polish, Ukrainian and Arabic has no Dutch why-line
part left (marked lang="nl"), its count takes the language's plural form, nothing sticks out sideways; a shared
list with help for professionals only leaves it out and says why."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser.conftest import settled

pytestmark = pytest.mark.slow

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
SHOTS = Path(os.environ.get("KAART_SHOTS", "/tmp/kaart-shots"))
DEBTS = "ik heb schulden en de deurwaarder komt"
COUNT = {  # the heading for 3..10 results: Arabic's fourth form, Polish and Ukrainian's second or third
    "ar": re.compile(r"^(نتيجة واحدة|نتيجتان|\d+ (نتائج|نتيجة))$"),
    "pl": re.compile(r"^\d+ (wynik|wyniki|wyników)$"),
    "uk": re.compile(r"^\d+ (результат|результати|результатів)$"),
    "tr": re.compile(r"^\d+ sonuç$"),
}


@pytest.fixture(params=sorted(WIDTHS))
def width(request) -> str:
    return request.param


def _page(browser, width: str):
    w, h = WIDTHS[width]
    context = browser.new_context(locale="nl-NL", viewport={"width": w, "height": h})
    return context, context.new_page()


def _no_overflow(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.mark.parametrize("lang", sorted(COUNT))
def test_a_results_page_has_no_dutch_why_line_and_a_plural_count(browser, live_site, width, lang):
    context, page = _page(browser, width)
    try:
        page.goto(f"{live_site[1]}/?lang={lang}")
        page.locator("#vraag").fill(DEBTS)
        page.locator(".kaart-zoekformulier button[type=submit]").click()
        page.wait_for_url(re.compile(r"/zoeken$"))
        settled(page)
        whys = page.locator(".kaart-waarom")
        assert whys.count() > 0
        assert page.locator('.kaart-waarom [lang="nl"]').count() == 0, whys.all_inner_texts()[:3]
        heading = page.locator("#resultaten-kop").inner_text().strip()
        assert COUNT[lang].match(heading), heading
        _no_overflow(page)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"i18n7-results-{lang}-{width}.png"), full_page=False)
    finally:
        context.close()


def test_a_shared_list_leaves_out_help_for_professionals(browser, live_site, width):
    from graph.shortlists import ShortlistRepository
    from webapp.db import get_store

    app, base = live_site
    with app.app_context():
        lists = ShortlistRepository(get_store())
        lst = lists.create("acc-browser", "Voor mevrouw")
        lists.add(
            lst.id,
            "acc-browser",
            ["svc-aalten-aandachtsfunctionaris-hg-km", "svc-veilig-thuis-advies-melden"],
        )
        token = lists.share(lst.id, "acc-browser")
    context, page = _page(browser, width)
    try:
        page.goto(f"{base}/gedeeld/{token}?lang=pl")
        settled(page)
        cards = page.locator(".kaart-resultaten > li")
        assert cards.count() == 1
        assert "Aandachtsfunctionaris" not in page.locator("main").inner_text()
        notice = page.locator(".kaart-voor-professionals-melding")
        assert notice.is_visible() and "zespół lokalny" in notice.inner_text()
        _no_overflow(page)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"i18n7-shared-{width}.png"), full_page=True)
    finally:
        context.close()
