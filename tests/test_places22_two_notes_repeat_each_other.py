"""m12test20 "Place messages" (issue 12 point 8; ADR 0175): "Mijn dochter woont in Winterswijk en heeft schulden"
showed two notes that repeat each other: the box for a place outside the gemeente ("Winterswijk ligt niet in de
gemeente Aalten … Woont u ergens anders? Kijk dan op de website van uw eigen gemeente.") above "Uw dochter woont in
Winterswijk, buiten de gemeente Aalten …". When the place outside is a relative's, one note says it: the relative's,
in the box with the front door ("Woont u in de gemeente Aalten? Dan kunt u altijd terecht bij"), and no "Woont u
ergens anders?" (the writer did not say he lives elsewhere). When the writer's own place is outside, the box stays as
it was. Sentences of our own.
"""

from __future__ import annotations

import pytest
from site_data import close_app, demo_app, public_page
from test_places22_uw_kinderen_woont import notes_on_page

# (text, the relative, the town): the need is the relative's, the town outside the gemeente
A_RELATIVE_OUTSIDE = [
    ("Mijn dochter woont in Winterswijk en heeft schulden, wie kan haar helpen?", "dochter", "Winterswijk"),
    ("Mijn moeder woont in Winterswijk en kan niet meer alleen douchen.", "moeder", "Winterswijk"),
    ("mijn broer woont in Doetinchem en kan zijn huur niet meer betalen", "broer", "Doetinchem"),
    ("Onze kinderen wonen in Utrecht en zijn erg eenzaam, wie helpt hen?", "kinderen", "Utrecht"),
    ("Mijn vader van 88 woont in Groenlo. Wie kan hem helpen met boodschappen?", "vader", "Groenlo"),
    ("mn zus woont in Lichtenvoorde en is heel somber", "zus", "Lichtenvoorde"),
]
# the twins: the writer's own place is outside (the box as it was)
THE_WRITER_OUTSIDE = [
    ("ik woon in Winterswijk en heb schulden", "Winterswijk"),
    ("Wij wonen in Doetinchem en zoeken hulp bij de opvoeding van onze zoon", "Doetinchem"),
    ("ben 16 en woon in Groenlo, ik word gepest", "Groenlo"),
    ("Ik woon in Utrecht en ben eenzaam.", "Utrecht"),
    ("hoi ik woon in Lichtenvoorde en heb hulp nodig met mijn post", "Lichtenvoorde"),
    (
        "Ik woon in Winterswijk en mijn moeder woont in Dinxperlo. Ik zoek hulp voor mezelf bij mijn schulden.",
        "Winterswijk",
    ),
]


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("places22-twonotes"))
    yield app
    close_app(app)


@pytest.mark.parametrize(("text", "who", "town"), A_RELATIVE_OUTSIDE)
def test_a_relatives_town_outside_gets_one_note(site, text, who, town):
    html = public_page(site, text)
    notes = notes_on_page(html)
    # "Uw" or "Je": the page's register (a young writer's "mn zus" may read as a teenager's)
    assert notes.count(f"Uw {who} ") + notes.count(f"Je {who} ") == 1, notes
    assert f" in {town}, buiten de gemeente Aalten" in notes, notes
    assert "ergens anders" not in html and "ligt niet in de gemeente" not in html, notes
    assert "altijd terecht bij" in html  # the front door stays


@pytest.mark.parametrize(("text", "town"), THE_WRITER_OUTSIDE)
def test_twin_the_writers_own_place_outside_keeps_the_box(site, text, town):
    html = public_page(site, text)
    assert f"{town} ligt niet in de gemeente Aalten" in html, notes_on_page(html)
    assert html.count("ergens anders?") == 1 and "buiten de gemeente Aalten" not in html


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_one_note_in_another_language(site, lang):
    notes = notes_on_page(public_page(site, A_RELATIVE_OUTSIDE[0][0], lang=lang))
    assert notes.count("Winterswijk") >= 1 and notes.count("dochter") == 1, notes
