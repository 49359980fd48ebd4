"""Proportionate safety for worried relatives and professionals (issue 12 point 5, helper safety8, ADR 0129).

A worry the rules placed in an everyday need (bullying, truancy, loneliness, money) is no danger at home: the word
model read a grandmother's worry about a bullied grandson as Veilig Thuis (0.93). A lonely grandfather waiting for
someone to ring the bell is no stalking. Paranoid content (a barricaded door, hidden cameras, thoughts listened in
on) is a psychiatric crisis, also in a professional's words. Each class has a danger told by the same speaker that
must still raise.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, themes_of, top_ids

ADVICE = {"svc-aalten-aandachtsfunctionaris-hg-km", "svc-veilig-thuis-consultatie", VEILIG_THUIS}


@pytest.mark.parametrize(
    "text, audience",
    [
        ("mijn kleinzoon van 12 wordt gepest, ik ben zijn oma en maak me zorgen", "public"),
        ("mijn kleinzoon van 15 spijbelt al weken en zijn ouders weten niet wat ze moeten doen", "public"),
        ("mijn zus redt het niet met geld, ze komt elke maand tekort en schaamt zich", "public"),
        ("mijn oma van 90 zit de hele dag alleen en wacht tot de thuiszorg komt", "public"),
        ("Gezin met drie kinderen (4, 9 en 13), de oudste spijbelt", "professional"),
        (
            "een jongen van 12 in mijn klas heeft geen vrienden en wordt buitengesloten, wat kan ik doen",
            "professional",
        ),
    ],
)
def test_a_worry_about_an_everyday_need_gets_no_veilig_thuis(demo, text, audience):
    res = demo.match(text, audience=audience)
    assert not res.safety_levels, res.safety_levels
    assert not ADVICE & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "mijn opa van 88 zit elke dag in zijn stoel te wachten tot er iemand aanbelt",
        "mijn vader van 79 belt me elke dag omdat hij zich verveelt en niemand ziet",
        "mijn opa zit elke avond bij de telefoon te wachten tot iemand belt",
        "mijn buurvrouw van 85 wacht de hele dag tot iemand haar komt opzoeken",
    ],
)
def test_a_lonely_old_man_waiting_for_a_visit_is_no_stalking(demo, text):
    res = demo.match(text)
    assert not themes_of(res) & {"huiselijk-geweld", "ouderenmishandeling"}, themes_of(res)
    assert not res.safety_levels and VEILIG_THUIS not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text, audience",
    [
        (
            "mijn kleinzoon van 12 wordt gepest en heeft blauwe plekken, hij zegt dat zijn stiefvader hem slaat",
            "public",
        ),
        ("mijn ex staat elke dag voor mijn deur te wachten tot ik naar buiten kom", "public"),
        ("een jongen van 12 in mijn klas spijbelt en zegt dat er thuis vaak geslagen wordt", "professional"),
    ],
)
def test_a_danger_told_next_to_an_everyday_need_still_raises(demo, text, audience):
    res = demo.match(text, audience=audience)
    assert res.safety_levels and top_ids(res)[0] in ADVICE, (res.safety_levels, top_ids(res))


def test_called_names_on_the_playground_is_bullying_not_abuse_at_home(demo):
    school = demo.match(
        "mijn neefje van 9 wordt uitgescholden op het schoolplein en wil niet meer naar school"
    )
    assert "huiselijk-geweld" not in themes_of(school) and not school.safety_levels
    home = demo.match("mijn moeder van 84 wordt door mijn broer uitgescholden en geduwd")
    assert home.safety_levels and top_ids(home)[0] == VEILIG_THUIS


def test_a_partners_cannabis_that_costs_money_puts_no_veilig_thuis_first(demo):
    res = demo.match(
        "mijn vriend blowt elke dag en gooit al ons geld erdoorheen, ik weet niet meer hoe we rond moeten komen"
    )
    assert not res.safety_levels and VEILIG_THUIS not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text, audience",
    [
        (
            "wijkcoach hier: een man heeft zijn deur gebarricadeerd omdat de buren hem zouden afluisteren",
            "professional",
        ),
        (
            "een bewoner van ons plakt de ramen af met folie omdat hij denkt dat hij bestraald wordt",
            "professional",
        ),
        ("mijn moeder heeft de deur gebarricadeerd want ze denkt dat iemand haar wil vergiftigen", "public"),
    ],
)
def test_shutting_oneself_in_against_a_persecutor_is_a_psychiatric_crisis(demo, text, audience):
    res = demo.match(text, audience=audience)
    assert "psychische-crisis" in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == "svc-huisartsen-poh", top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "na de inbraak heeft mijn moeder haar achterdeur dichtgetimmerd, wie kan een nieuw slot zetten",
        "we hebben folie op de ramen geplakt tegen de hitte, kan de woningcorporatie zonwering plaatsen",
        "de storm heeft de schuurdeur kapot gemaakt, mijn buurman heeft hem dichtgetimmerd",
    ],
)
def test_a_door_nailed_shut_after_a_burglary_or_a_storm_is_no_crisis(demo, text):
    assert not demo.match(text).safety_levels


@pytest.mark.parametrize(
    "text",
    [
        "als de thuiszorg er niet is slaat hij haar",
        "als mijn moeder niet thuis is slaat mijn stiefvader ons",
    ],
)
def test_a_niet_about_someone_away_does_not_deny_the_violence_after_it(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels and top_ids(res)[0] == VEILIG_THUIS, top_ids(res)


def test_a_denied_blow_stays_denied(demo):
    assert not demo.match("hij slaat me niet, hij is alleen vergeetachtig").safety_levels
