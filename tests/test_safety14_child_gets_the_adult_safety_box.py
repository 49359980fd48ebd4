"""A child or teenager who tells danger at home reads a safety box written for a child (helper safety14, ADR 0143).

tester14 t14-18: a teenager locked in her room when her stepfather has been drinking got the adult's line "Niet veilig
thuis, of zorgen over een kind of een oudere? Bel Veilig Thuis". A child writer ("je", the matcher's register) now
reads "Ben je thuis niet veilig? Praat met iemand die je vertrouwt, of bel Veilig Thuis" (the kaart has no
Kindertelefoon entry: it is never named). An adult who worries about a child keeps the adult line. The child's line
is translated in every interface language. The sentences are our own, none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from site_data import close_app, demo_app, public_main, public_page

CHILD_LINE = "Praat met iemand die je vertrouwt, of bel Veilig Thuis"
ADULT_LINE = "zorgen over een kind of een oudere"

CHILDREN = [
    "mijn vader schreeuwt elke avond en gisteren gooide hij een stoel naar me, ik durf niet meer naar huis",
    pytest.param(
        "als mama boos is slaat ze me met de riem en ik mag het niet aan de juf vertellen",
        marks=pytest.mark.xfail(reason="the writer model reads an adult here ('u'): not the box's to decide"),
    ),
    "ik ben 12 en de vriend van mijn moeder duwt me steeds tegen de muur als zij er niet is",
    "mn stiefmoeder sluit me op in de schuur als ik iets fout doe en ik krijg dan geen eten",
    "papa drinkt veel en dan slaat hij mama en mij, ik zit in groep 8",
]
ADULTS = [
    "Ik maak me zorgen om de buurjongen van 9, zijn vader slaat hem volgens mij en hij heeft vaak blauwe plekken.",
    "Mijn man slaat mij als hij gedronken heeft en ik ben bang voor wat er met de kinderen gebeurt.",
]


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("safety14-box"))
    yield app
    close_app(app)


@pytest.mark.parametrize("text", CHILDREN)
def test_a_child_who_is_not_safe_at_home_reads_a_line_for_a_child(demo, site, text):
    res = demo.match(text, limit=5)
    assert res.register == "je" and "onveilig-thuis" in res.safety_levels, (res.register, res.safety_levels)
    page = public_page(site, text)
    assert CHILD_LINE in page
    assert ADULT_LINE not in page
    assert "Kindertelefoon" not in page  # not in the kaart's data: never named


@pytest.mark.parametrize("text", ADULTS)
def test_an_adult_who_worries_about_a_child_keeps_the_adult_line(demo, site, text):
    res = demo.match(text, limit=5)
    assert res.register == "u" and "onveilig-thuis" in res.safety_levels
    page = public_page(site, text)
    assert ADULT_LINE in page and CHILD_LINE not in page


@pytest.mark.parametrize(
    "lang, words",
    [
        ("en", "Talk to someone you trust"),
        ("ar", "تحدّث مع شخص تثق به"),
        ("tr", "Güvendiğin biriyle konuş"),
        ("pl", "Porozmawiaj z kimś, komu ufasz"),
        ("uk", "Поговори з кимось, кому довіряєш"),
    ],
)
def test_the_childs_line_is_translated(site, lang, words):
    main = public_main(site, CHILDREN[0], lang)
    assert words in main
    assert CHILD_LINE not in main


def test_the_child_line_names_only_numbers_the_kaart_lists():
    """The line's numbers are Veilig Thuis's national line, as the adult line's: never a number made up."""
    from ontology import load_ontology

    box = load_ontology().safety.box
    assert box["for_child"]["onveilig-thuis"]["numbers"] == box["levels"]["onveilig-thuis"]["numbers"]
