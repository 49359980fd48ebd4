"""Real headless Chromium on the public search and a service page for professionals only (ADR 0116), at phone
(390 × 844) and desktop (1280 × 900) width: a volunteer who asks what to do about violence sees Veilig Thuis
first and the front door with its honest line in the top 3 — since ADR 0145 the line for a writer at work in a
role ("Werkt u in zorg, onderwijs of welzijn? … Anders helpt het lokale team u verder"), not "via uw
hulpverlener" — never the lokaal team's aandachtsfunctionaris or Veilig Thuis' consultation for the team; the line
wraps inside the card (no sideways scroll). Screenshots go to KAART_SHOTS when that is set."""

from __future__ import annotations

import os

import pytest
from browser.conftest import settled

pytestmark = pytest.mark.slow

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
VOLUNTEER = "ik werk als vrijwilliger bij de voedselbank en een moeder vertelde dat haar man haar slaat"
HONEST = "Anders helpt het lokale team u verder"  # ontology/publiek.yaml `professional_asker_why`


def _shot(pg, name: str) -> None:
    where = os.environ.get("KAART_SHOTS")
    if where:
        pg.screenshot(path=os.path.join(where, f"{name}.png"))


@pytest.mark.parametrize("size", list(SIZES))
def test_the_public_page_offers_the_front_door_not_the_professionals_service(browser, live_site, size):
    context = browser.new_context(locale="nl-NL", viewport=SIZES[size])
    pg = context.new_page()
    try:
        pg.goto(live_site[1] + "/")
        pg.get_by_label("Uw vraag", exact=True).fill(VOLUNTEER)
        pg.get_by_role("button", name="Zoek hulp").click()
        pg.wait_for_selector(".kaart-resultaten li")
        settled(pg)
        _shot(pg, f"professional-only-{size}-results")
        cards = pg.locator(".kaart-resultaten li .kaart-kaartje")
        titles = [t.strip() for t in cards.locator("h3").all_inner_texts()]
        assert titles[0].startswith("Veilig Thuis: advies en melden"), titles
        assert not any("Aandachtsfunctionaris" in t or "voor het lokale team" in t for t in titles), titles
        honest = [n for n in range(min(3, cards.count())) if HONEST in cards.nth(n).inner_text()]
        assert honest, "the front door with the honest line in the top 3"
        cards.nth(honest[0]).scroll_into_view_if_needed()
        _shot(pg, f"professional-only-{size}-door")
        card = cards.nth(honest[0]).bounding_box()
        assert card["x"] >= 0 and card["x"] + card["width"] <= SIZES[size]["width"]
        assert pg.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
        pg.goto(live_site[1] + "/dienst/svc-veilig-thuis-consultatie")
        settled(pg)
        _shot(pg, f"professional-only-{size}-service")
        note = pg.locator(".kaart-voor-professionals-melding")
        assert note.is_visible() and "U kunt hier niet zelf naartoe" in note.inner_text()
        note.get_by_role("link").click()
        pg.wait_for_url("**/dienst/svc-aalten-brede-intake")
    finally:
        context.close()


def test_the_service_page_for_professionals_only_has_no_wcag_violations(axe_page):
    from browser.conftest import run_axe

    axe_page.goto(axe_page.base + "/dienst/svc-veilig-thuis-consultatie")
    settled(axe_page)
    assert run_axe(axe_page) == []
