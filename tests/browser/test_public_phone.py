"""Real headless Chromium on the public search page (issue 12, user test m12test2 "Phone width"): on a phone
(390 × 844) the first result started 820–940 px down, 1230–1255 px with the safety box, so a resident saw no
help without scrolling. The first result must start on the first screen, with and without the safety box, on a
phone and on a desktop (1280 × 900); the safety numbers and "Snel weg" stay above it; the question can still be
changed. Screenshots go to KAART_SHOTS when that is set."""

from __future__ import annotations

import os

import pytest
from browser.conftest import settled

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
FIRST_SCREEN = 700  # px: the top of the first result card, room to see its title and why-line

EVERYDAY = (
    "ik zie door de bomen het bos niet meer. schulden, kinderen die niet luisteren en mijn rug is ook kapot"
)
DANGER = "ik wil er niet meer zijn. iedereen is beter af zonder mij"
CONTROL = "mijn vriend kijkt in mijn telefoon, houdt mijn pinpas en ik mag mijn familie niet meer zien"
CONFUSED = "mijn zoon is helemaal in de war, hoort stemmen en slaapt al dagen niet"


def _open(browser, live_site, viewport):
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    pg = context.new_page()
    pg.base = live_site[1]
    return context, pg


def _search(pg, text: str, place: str = "") -> None:
    pg.goto(pg.base + "/")
    pg.get_by_label("Uw vraag", exact=True).fill(text)
    if place:
        pg.get_by_label("Woonplaats of postcode (niet verplicht)").fill(place)
    pg.get_by_role("button", name="Zoek hulp").click()
    pg.wait_for_selector(".kaart-resultaten li")
    settled(pg)


def _top(pg, selector: str) -> float:
    return pg.locator(selector).first.evaluate("el => el.getBoundingClientRect().top + window.scrollY")


def _shot(pg, name: str) -> None:
    where = os.environ.get("KAART_SHOTS")
    if where:
        pg.screenshot(path=os.path.join(where, f"{name}.png"), full_page=False)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_first_result_is_on_the_first_screen_without_danger(browser, live_site, size):
    viewport = PHONE if size == "phone" else DESKTOP
    context, pg = _open(browser, live_site, viewport)
    try:
        _search(pg, EVERYDAY)
        _shot(pg, f"public-{size}-everyday")
        top = _top(pg, ".kaart-resultaten li")
        assert top <= FIRST_SCREEN, f"{size}: first result starts at {top:.0f} px"
        assert pg.locator(".kaart-veiligheid").count() == 0
        # the question is still there to change, and nothing scrolls sideways
        assert pg.locator("#vraag").input_value().startswith("ik zie door de bomen")
        assert pg.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        context.close()


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("text", [DANGER, CONTROL, CONFUSED], ids=["zelfdoding", "controle", "psychisch"])
def test_first_result_is_on_the_first_screen_under_the_safety_box(browser, live_site, size, text):
    viewport = PHONE if size == "phone" else DESKTOP
    context, pg = _open(browser, live_site, viewport)
    try:
        _search(pg, text)
        _shot(pg, f"public-{size}-danger-{text.split()[1]}")
        box = _top(pg, ".kaart-veiligheid")
        first = _top(pg, ".kaart-resultaten li")
        assert box < first, "the safety box comes before the results"
        assert first <= FIRST_SCREEN, f"{size}: first result starts at {first:.0f} px under the safety box"
        # the numbers for this danger are on the first screen and can be tapped (ADR 0107: 113 only for thoughts
        # of suicide, Veilig Thuis for danger at home, the huisarts without a number of ours for a crisis)
        numbers = {DANGER: ("113", "112"), CONTROL: ("0800-2000", "112"), CONFUSED: ("112",)}[text]
        for number in numbers:
            link = pg.locator(".kaart-veiligheid a", has_text=number).first
            assert link.is_visible() and _top(pg, f".kaart-veiligheid a:has-text('{number}')") < FIRST_SCREEN
        snel = pg.get_by_role("link", name="Snel weg")
        assert snel.is_visible() and snel.bounding_box()["y"] < 100
        assert pg.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        context.close()


def test_changing_the_question_on_a_phone_still_works(browser, live_site):
    """The compact form after a search opens again and searches again."""
    context, pg = _open(browser, live_site, PHONE)
    try:
        _search(pg, EVERYDAY)
        vraag = pg.locator("#vraag")
        if not vraag.is_visible():
            pg.locator(".kaart-vraag-terug summary").click()
        vraag.fill("ik voel me alleen sinds mijn man is overleden")
        pg.get_by_label("Woonplaats of postcode (niet verplicht)").fill("Dinxperlo")
        pg.get_by_role("button", name="Zoek opnieuw").click()
        pg.wait_for_selector(".kaart-resultaten li")
        settled(pg)
        assert pg.locator("#vraag").input_value().startswith("ik voel me alleen")
        _shot(pg, "public-phone-again")
    finally:
        context.close()


def test_a_place_outside_the_gemeente_is_said_on_the_first_phone_screen(browser, live_site):
    """Utrecht in the place field (user test m12test2 "Places"): no "101,5 km" on every card, but a plain
    message that the kaart covers the gemeente, with its front door, before the results."""
    context, pg = _open(browser, live_site, PHONE)
    try:
        _search(pg, "ik voel me eenzaam en zoek contact met anderen", "Utrecht")
        _shot(pg, "public-phone-outside")
        box = pg.locator(".kaart-buiten-gemeente")
        assert box.is_visible() and _top(pg, ".kaart-buiten-gemeente") < PHONE["height"]
        assert "gaat over de gemeente Aalten" in box.inner_text()
        assert box.get_by_role(
            "link", name="Wat doet Team Mens & Samenleving (gemeente Aalten)?"
        ).is_visible()
        assert pg.locator(".kaart-resultaten .kaart-afstand").count() == 0
        assert "km van Utrecht" not in pg.locator(".kaart-resultaten").inner_text()
    finally:
        context.close()


def test_the_compact_results_page_has_no_wcag_violations_on_a_phone(browser, live_site):
    from browser.conftest import run_axe

    context = browser.new_context(locale="nl-NL", bypass_csp=True, viewport=PHONE)
    pg = context.new_page()
    pg.base = live_site[1]
    try:
        for text, place in ((DANGER, ""), (EVERYDAY, "Utrecht")):
            _search(pg, text, place)
            violations = run_axe(pg)
            assert not violations, violations
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_every_language_is_on_the_phone_screen_of_the_results_page(browser, live_site, lang):
    """tester7 F3: the languages row scrolled sideways on a phone, and Türkçe, Polski and Українська sat past
    the right edge (past the left in Arabic) with nothing to show they were there."""
    context, pg = _open(browser, live_site, PHONE)
    try:
        pg.goto(pg.base + f"/?lang={lang}")
        pg.locator("#vraag").fill("ik heb schulden en kom niet rond")
        pg.locator(".kaart-zoekformulier button[type=submit]").click()
        pg.wait_for_selector(".kaart-resultaten li")
        settled(pg)
        _shot(pg, f"public-phone-talen-{lang}")
        boxes = pg.locator(".kaart-talen li").evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.innerText, r.left, r.right]; })"
        )
        assert len(boxes) >= 6, boxes
        off = [b for b in boxes if b[1] < 0 or b[2] > PHONE["width"]]
        assert not off, off
        if lang == "nl":  # (an Arabic page adds the note that the search reads Dutch words)
            assert _top(pg, ".kaart-resultaten li") < 480  # the row costs little
    finally:
        context.close()
