"""A child hit at home who writes in a child's words ("als papa gedronken heeft … slaat hij mij") read the adult's box
"Niet veilig thuis, of zorgen over een kind of een oudere?" because the page's register read an adult (tester16
BROKEN 4, class B; helper safety17, ADR 0154). The box follows the writer: a child's words (papa, mama, the juf,
school, "onder mijn bed") and the writer as the one hurt give the child's line; an adult who names a partner or her
children keeps the adult line.

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from site_data import close_app, demo_app, public_page

CHILD_LINE = "Praat met iemand die je vertrouwt, of bel Veilig Thuis"
ADULT_LINE = "zorgen over een kind of een oudere"


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("safety17-box"))
    yield app
    close_app(app)


@pytest.mark.parametrize(
    "text",
    [
        "als papa boos is moet ik me verstoppen in de kast want anders slaat hij me",
        "mama slaat me met de slipper als ik te laat uit school kom",
        "ik verstop me onder mijn bed als papa dronken is, hij schopt me dan",
        "als mama gedronken heeft slaat ze mij en mijn broertje",
        "Papa slaat mij als ik huil en ik mag het niet tegen de juf zeggen.",
    ],
)
def test_a_child_hit_at_home_reads_the_childs_box(demo, site, text):
    res = demo.match(text, limit=5)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    page = public_page(site, text)
    assert CHILD_LINE in page and ADULT_LINE not in page


@pytest.mark.parametrize(
    "text",
    [
        "Mijn man slaat mij als hij gedronken heeft, de kinderen roepen dan om papa.",
        "Mijn vriend slaat me en zegt dat de kinderen hun papa nooit meer zien als ik wegga.",
        "Mijn ex schopt mij als hij de kinderen komt halen, ze zijn bang voor papa.",
    ],
)
def test_an_adult_hit_at_home_keeps_the_adult_box(demo, site, text):
    res = demo.match(text, limit=5)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    page = public_page(site, text)
    assert ADULT_LINE in page and CHILD_LINE not in page
