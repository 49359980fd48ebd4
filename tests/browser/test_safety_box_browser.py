"""Real headless Chromium at phone width (390 px): the safety box shows what fits the danger (ADR 0107). A woman
afraid of her partner sees Veilig Thuis first and no 113; someone with thoughts of suicide sees 113 first."""

from __future__ import annotations

import pytest
from browser.test_public_phone import CONTROL, DANGER, PHONE, _open, _search

pytestmark = pytest.mark.slow


def _box(pg) -> tuple[str, str]:
    box = pg.locator(".kaart-veiligheid")
    box.wait_for()
    return box.inner_text(), pg.locator(".kaart-veiligheid__eerst").inner_text()


def test_danger_at_home_shows_veilig_thuis_and_no_113_on_a_phone(browser, live_site):
    context, pg = _open(browser, live_site, PHONE)
    try:
        _search(pg, CONTROL)
        text, first = _box(pg)
        assert "Veilig Thuis" in first and "0800-2000" in first
        assert "113" not in text
        assert pg.locator(".kaart-veiligheid__eerst a", has_text="0800-2000").is_visible()
        assert pg.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


def test_thoughts_of_suicide_show_113_first_on_a_phone(browser, live_site):
    context, pg = _open(browser, live_site, PHONE)
    try:
        _search(pg, DANGER)
        text, first = _box(pg)
        assert first.index("113") < (text.index("112") if "112" in text else len(text))
        assert "0800-2000" not in text
        link = pg.locator(".kaart-veiligheid__eerst a", has_text="113").first
        assert link.is_visible() and link.get_attribute("href") == "tel:113"
    finally:
        context.close()


def test_the_first_line_is_the_largest_of_the_box_on_a_phone(browser, live_site):
    """An acute danger: 112 is the first line and must stand out from the other lines on a small screen."""
    context, pg = _open(browser, live_site, PHONE)
    try:
        _search(pg, "mijn man slaat me nu en hij heeft een mes, ik ben bang")
        _box(pg)
        size = "el => parseFloat(getComputedStyle(el).fontSize)"
        first = pg.locator(".kaart-veiligheid__eerst").evaluate(size)
        rest = pg.locator(".kaart-veiligheid__nummers li").first.evaluate(size)
        assert "112" in pg.locator(".kaart-veiligheid__eerst").inner_text()
        assert first > rest
    finally:
        context.close()
