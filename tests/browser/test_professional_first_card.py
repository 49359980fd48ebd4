"""Real headless Chromium at phone width (390 × 844), professional "Wie kan hier helpen?" with a safety box
(user test m12test3, "Screenshot observations"): the first result card was at 734–782 px, only its title peeking
in (header ~150, safety box ~250, the summary ~300 px); the h1 was drawn smaller than the h2 "Resultaten"; the
box said 112 three times. Now the first card's name, organisation and niveau are on the first screen. ADR 0105.
Screenshots go to KAART_SHOTS when that is set."""

from __future__ import annotations

import os

import pytest
from browser.conftest import PHONE, login, settled

pytestmark = pytest.mark.slow

# Our own words: a danger now (112 and Veilig Thuis), and a professional's consultation question.
ACUTE = "mijn ex-partner staat nu voor de deur, hij dreigt mij te slaan en ik ben bang"
CONSULT = "als leerkracht twijfel ik of ik een melding moet doen over een leerling, ik wil eerst overleggen"


def _ask(pg, live_site, text: str, shot: str) -> dict:
    login(pg, live_site[0], "professional", "/inloggen", r"/professional/")
    pg.get_by_label("Beschrijf de situatie").fill(text)
    pg.get_by_role("button", name="Zoek", exact=True).click()
    pg.wait_for_selector("#resultaten-kop")
    settled(pg)
    where = os.environ.get("KAART_SHOTS")
    if where:
        pg.screenshot(path=os.path.join(where, f"{shot}.png"), full_page=False)
    return pg.evaluate(
        """() => {
        const top = el => el.getBoundingClientRect().top + window.scrollY;
        const bottom = el => el.getBoundingClientRect().bottom + window.scrollY;
        const card = document.querySelector('.kaart-resultaten li');
        const box = document.querySelector('.kaart-veiligheid');
        return {
          card: top(card), title: bottom(card.querySelector('.kaart-kaartje__titel')),
          why: bottom(card.querySelector('.kaart-waarom')),
          labels: bottom(card.querySelector('.kaart-kaartje__labels')),
          h1: parseFloat(getComputedStyle(document.querySelector('h1')).fontSize),
          h2: parseFloat(getComputedStyle(document.querySelector('#resultaten-kop')).fontSize),
          box: box ? box.innerText : '', boxHeight: box ? box.getBoundingClientRect().height : 0,
          width: document.documentElement.scrollWidth,
        };
    }"""
    )


@pytest.mark.parametrize("text,shot", [(ACUTE, "prof-390-acuut"), (CONSULT, "prof-390-overleg")])
def test_first_professional_card_with_its_why_line_is_on_the_first_phone_screen(phone, live_site, text, shot):
    m = _ask(phone, live_site, text, shot)
    print(
        f"\n{shot}: card {m['card']:.0f} px, title to {m['title']:.0f}, labels to {m['labels']:.0f}, why-line to {m['why']:.0f}, box {m['boxHeight']:.0f}"
    )
    assert m["box"], "the question raises the safety box (else this test proves nothing)"
    # the card says what it is on the first screen: its name, its organisation and its niveau
    assert m["labels"] <= PHONE["height"], f"first card's name and niveau end at {m['labels']:.0f} px"
    assert m["h1"] >= m["h2"], f"h1 {m['h1']} px is smaller than the h2 'Resultaten' {m['h2']} px"
    # 112 once for acute danger; never for a consultation question (ADR 0107)
    assert m["box"].count("112") == (1 if text == ACUTE else 0), m["box"]
    assert m["width"] <= PHONE["width"]
