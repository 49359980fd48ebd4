"""tester12 F5 (docs/usertest/m12test12.md, ADR 0137): the right help existed on the demo kaart but was not in the
top 3. Sentences of our own, never the tester's; each class with a control.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

CARER_SUPPORT = "svc-figulus-mantelzorgondersteuning"
ACADEMY = "svc-academie-vrijwilligers-mantelzorgers"
PARENTING = {
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-yunio-home-start",
    "svc-inhuis-steungezin",
    "svc-aalten-jeugdconsulent",
    "svc-aalten-ot-ondersteuning",
    "svc-huisartsen-poh-jeugd",
}
PAPERWORK = {
    "svc-sensire-sociaal-raadslid",
    "svc-bfo-financiele-ondersteuning",
    "svc-aalten-schuldhulpverlening",
}


# The support made for carers before an academy that is also for volunteers (a need nobody asked).
@pytest.mark.parametrize(
    "text",
    [
        "ik zorg voor mijn man met parkinson en wil graag eens met iemand praten over hoe ik dat volhoud",
        "mijn man heeft alzheimer en ik werk nog drie dagen. zou hij een paar dagen per week ergens naartoe kunnen"
        " zodat ik even op adem kom?",
    ],
)
def test_carer_support_comes_before_the_academy_for_volunteers_and_carers(demo, text):
    res = demo.match(text, near="Dinxperlo", limit=6)
    top = top_ids(res, 6)
    assert CARER_SUPPORT in top[:3], (text, top)
    assert ACADEMY not in top or top.index(CARER_SUPPORT) < top.index(ACADEMY), (text, top)


# A parent and a teenager at odds every day: parenting help, not home care. Whether "ruzie" next to a teenager
# raises a safety level (it does on main for the second sentence) is safety11's part: the everyday help that fits
# must come first among the help that is no safety help.
@pytest.mark.parametrize(
    "text",
    [
        "onze zoon van 16 houdt zich niet aan afspraken en we hebben constant ruzie",
        "mijn dochter van 14 komt elke avond te laat thuis en dan is het weer ruzie",
    ],
)
def test_daily_fights_with_a_teenager_get_parenting_help(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    everyday = [r["service_id"] for r in res.results if r["niveau"] not in ("crisis", "specialistisch")][:3]
    assert "opvoeding" in themes_of(res), (text, res.themes)
    assert len(PARENTING & set(everyday)) >= 2, (text, everyday)
    assert "svc-wijkverpleging" not in everyday and "svc-aalten-wmo-consulent" not in everyday, (
        text,
        everyday,
    )


@pytest.mark.parametrize(
    "text",
    [
        "ik heb elke avond ruzie met mijn ex over de kinderen",
        "we hebben al maanden ruzie met de buren over de heg",
    ],
)
def test_control_a_fight_with_an_ex_or_the_neighbours_is_no_parenting_question(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "opvoeding" not in themes_of(res), (text, res.themes)


# Post and bills one cannot keep up with (poor sight): someone who helps with the paperwork.
@pytest.mark.parametrize(
    "text",
    [
        "ik ben slechtziend en heb hulp nodig bij mijn post en de rekeningen",
        "ik zie slecht en kan mijn brieven en rekeningen niet meer lezen, wie helpt mij?",
    ],
)
def test_post_and_bills_with_poor_sight_get_help_with_paperwork(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "administratie" in themes_of(res), (text, res.themes)
    assert top_ids(res)[0] in PAPERWORK, (text, top_ids(res))


def test_control_letters_one_never_learnt_to_read_are_a_reading_need(demo):
    res = demo.match(
        "ik kan de brieven niet lezen want ik heb nooit goed leren lezen", near="Aalten", limit=5
    )
    assert "laaggeletterdheid" in themes_of(res), res.themes
    assert "administratie" not in themes_of(res), res.themes
    assert top_ids(res)[0] == "svc-bibliotheek-basisvaardigheden", top_ids(res)


# Who one falls for, told by a teenager: a place among peers, not parenting help for the parents (the safety level
# that "durf niemand te vertellen" raises on main is safety11's part).
@pytest.mark.parametrize(
    "text",
    [
        "ik ben 14 en ik denk dat ik op meisjes val",
        "ik ben 16 en durf niemand te vertellen dat ik op jongens val",
    ],
)
def test_a_teenager_about_who_they_fall_for_gets_youth_work(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    everyday = [r["service_id"] for r in res.results if r["niveau"] not in ("crisis", "specialistisch")][:3]
    assert "svc-figulus-jeugd-jongerenwerk" in everyday, (text, everyday)
    assert "svc-yunio-home-start" not in everyday, (text, everyday)
