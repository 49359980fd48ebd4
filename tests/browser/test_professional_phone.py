"""Real headless Chromium at phone width (390 × 844): on the professional page "Wie kan hier helpen?" the first
result is on the first screen (issue 12: it started 1.6 screens down, under the form, the theme chips and the
"Thema toevoegen" list), the form to adjust the situation stays on the page, and a service in the asker's own
kern reads "in Aalten", never "0,0 km van Aalten". Screenshots go to KAART_SHOTS when that is set."""

from __future__ import annotations

import os
import re

import pytest
from browser.conftest import PHONE, login, settled

pytestmark = pytest.mark.slow


def _shot(pg, name: str) -> None:
    where = os.environ.get("KAART_SHOTS")
    if where:
        pg.screenshot(path=os.path.join(where, f"{name}.png"), full_page=False)


def test_first_professional_result_is_on_the_first_phone_screen(phone, live_site):
    pg = phone
    login(pg, live_site[0], "professional", "/inloggen", r"/professional/")
    pg.get_by_label("Beschrijf de situatie").fill(
        "man van 45 in Aalten, veel rekeningen die binnenkomen en hij kan de huur deze maand niet betalen"
    )
    pg.get_by_label("Woonplaats of postcode (niet verplicht)").fill("Aalten")
    pg.get_by_role("button", name="Zoek", exact=True).click()
    pg.wait_for_selector("#resultaten-kop")
    settled(pg)
    _shot(pg, "professional-390-results")
    first = pg.locator(".kaart-resultaten li").first
    top = first.evaluate("el => el.getBoundingClientRect().top + window.scrollY")
    assert top < PHONE["height"], f"first result starts at {top:.0f} px, below the first screen"
    # the themes read are named at the top (why this answer), before the first result
    themes_line = pg.locator("p", has_text="Thema's:").first
    assert "Huurachterstand" in themes_line.inner_text()
    assert themes_line.evaluate("el => el.getBoundingClientRect().top") < top
    # the form stays: the situation and the themes can still be adjusted, reached by a link at the top
    assert pg.get_by_label("Beschrijf de situatie").input_value().startswith("man van 45")
    pg.get_by_role("link", name="Situatie of thema's aanpassen").click()
    assert pg.get_by_role("heading", name="Situatie of thema's aanpassen").is_visible()
    # nothing scrolls sideways at phone width
    assert pg.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # a service in the kern of the place field: "in Aalten", not a distance of zero
    whys = " ".join(pg.locator(".kaart-resultaten").all_inner_texts())
    assert "0,0 km" not in whys
    assert re.search(
        r"\bin (de gemeente )?Aalten\b", whys
    )  # (only placed at the gemeente's centre: ADR 0133)


def test_with_a_safety_level_the_first_professional_result_is_still_on_the_first_phone_screen(
    phone, live_site
):
    """With the safety box on top (a danger in the situation), the help for that danger is still on the first
    screen at phone width: results come before the form."""
    pg = phone
    login(pg, live_site[0], "professional", "/inloggen", r"/professional/")
    pg.get_by_label("Beschrijf de situatie").fill(
        "moeder vertelt dat haar partner haar slaat en de kinderen bang zijn"
    )
    pg.get_by_role("button", name="Zoek", exact=True).click()
    pg.wait_for_selector("#resultaten-kop")
    settled(pg)
    _shot(pg, "professional-390-safety")
    first = pg.locator(".kaart-resultaten li").first
    top = first.evaluate("el => el.getBoundingClientRect().top + window.scrollY")
    assert top < PHONE["height"], f"first result starts at {top:.0f} px, below the first screen"
