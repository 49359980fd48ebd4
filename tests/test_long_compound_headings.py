"""A long Dutch compound in a heading breaks at its seam on a phone, not at a random letter (tester16 saw
"Mantelzorgondersteunin / g" at 390 px: Chromium on Linux has no Dutch hyphenation dictionary)."""

from __future__ import annotations

import pytest
from site_data import close_app, demo_app

from webapp.hyphens import SHY, soft_hyphens


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Mantelzorgondersteuning", "Mantelzorg|ondersteuning"),
        ("Jeugdgezondheidszorg", "Jeugd|gezondheids|zorg"),
        ("Schuldhulpverlening", "Schuld|hulpverlening"),
        ("Aandachtsfunctionaris huiselijk geweld", "Aandachts|functionaris huiselijk geweld"),
        ("Vluchtelingenwerk Oost-Nederland", "Vluchtelingen|werk Oost-Nederland"),
    ],
)
def test_a_long_compound_gets_a_soft_hyphen_at_its_seam(name, shown):
    assert soft_hyphens(name).replace(SHY, "|") == shown


@pytest.mark.parametrize(
    "name",
    ["Ouderenwerk", "Maatschappelijk werk", "Bredevoort", "Huishoudelijke hulp (Wmo)", "Ondersteuning", ""],
)
def test_short_words_and_words_without_a_clear_seam_stay_whole(name):
    assert soft_hyphens(name) == name


def test_the_service_page_heading_can_break_at_the_seam(falkor_server, tmp_path):
    app = demo_app(falkor_server, tmp_path)
    try:
        html = app.test_client().get("/dienst/svc-figulus-mantelzorgondersteuning").text
        assert f"Mantelzorg{SHY}ondersteuning</h1>" in html
        assert "<title>Mantelzorgondersteuning" in html or "Mantelzorgondersteuning" in html.split("<h1")[0]
    finally:
        close_app(app)
