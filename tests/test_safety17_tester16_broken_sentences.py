"""tester16's own BROKEN sentences (docs/usertest/m12test16.md 1, 3, 4, 5, 6, 8), kept as a check after the contrast
tests of helper safety17 (ADR 0154). The first version of the young-care guard kept "huilt uren achter elkaar" as a
danger ("elkaar" was a keep word for "door elkaar geschud"): this file found it.
"""

from __future__ import annotations

import pytest
from builders import ALARM, HUISARTS, LINE_113, VEILIG_THUIS, top_ids
from site_data import close_app, demo_app, public_page


@pytest.mark.parametrize(
    "text",
    [
        "ik snap mijn huiswerk niet en mijn moeder kan me niet helpe, wie kan mij helpn",
        "Onze baby van 3 maanden huilt uren achter elkaar, ook 's nachts. We zijn allebei uitgeput.",
        "mn moeder maakt me echt dood als ze mn rapport ziet haha, ik sta voor bijna alles onvoldoende",
        "Mijn dochter van 15 is niet te harden. Ze scheldt me uit en smijt met de deuren, ik ben er klaar mee.",
    ],
)
def test_no_danger_at_home_without_a_harm_act(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)


def test_a_psychosis_with_a_knife_gets_112_then_the_huisarts(demo):
    res = demo.match(
        "Mijn broer hoort al dagen stemmen, slaapt niet en zegt dat de buren hem willen vergiftigen. "
        "Hij loopt met een mes rond."
    )
    assert res.safety_levels[:2] == ["acuut-gevaar", "psychische-crisis"], res.safety_levels
    assert top_ids(res)[:2] == [ALARM, HUISARTS] and VEILIG_THUIS not in top_ids(res), top_ids(res)


def test_soon_rid_of_me_told_by_a_friend_gets_113(demo):
    res = demo.match("Mijn vriend zei gisteren: straks zijn jullie van me af, het duurt niet lang meer.")
    assert top_ids(res)[0] == LINE_113, top_ids(res)


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("safety17-tester16"))
    yield app
    close_app(app)


def test_a_child_hit_by_a_drunk_father_reads_the_childs_box(site):
    page = public_page(
        site, "als papa gedronken heeft moet ik me verstoppen onder mijn bed want anders slaat hij mij"
    )
    assert "Praat met iemand die je vertrouwt, of bel Veilig Thuis" in page
    assert "zorgen over een kind of een oudere" not in page
