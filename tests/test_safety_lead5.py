"""Two findings of this session's helpers, each with controls (fifth session, lead): a threat said with one
compound verb ("neersteken") raised nothing (guard5); "een last kwijt" (relief) raised 113 through the phrase
"ben een last" (a control of safety6's batch D, fixed after it was measured: disclosed in the issue note)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "mijn vriend zegt dat hij me gaat neersteken",
        "mijn ex zei dat hij me zal doodschieten als ik de kinderen houd",
        "mijn man dreigt me dood te slaan als ik wegga",
    ],
)
def test_a_threat_in_one_compound_verb_raises_veilig_thuis(demo, text):
    levels = demo.match(text, limit=5).safety_levels
    assert levels and levels[0] in {"onveilig-thuis", "acuut-gevaar"}, (text, levels)


@pytest.mark.parametrize(
    "text",
    [
        "ik ben een last kwijt sinds mijn schulden zijn afgelost",
        "er is een last van mijn schouders gevallen nu de schuldhulp alles regelt",
    ],
)
def test_relief_is_no_burden(demo, text):
    res = demo.match(text, limit=5)
    assert "suicide" not in res.safety_levels, (text, res.safety_levels)
    assert "svc-113-hulplijn" not in [r["service_id"] for r in res.results[:3]]


def test_being_a_burden_still_raises_113(demo):
    res = demo.match("ik ben een last voor iedereen, ze zijn beter af zonder mij", limit=5)
    assert res.safety_levels[:1] == ["suicide"], res.safety_levels


@pytest.mark.parametrize(
    "text",
    [  # tester9 T9-F1: an older person alone at home, the grown-up children away
        "Sinds mijn man overleden is zit ik de hele dag alleen thuis, de kinderen wonen ver weg",
        "mijn opa woont alleen thuis, de kinderen komen nooit langs",
        "mijn moeder is weduwe en zit de hele dag alleen thuis, de kinderen bellen bijna nooit",
        "ik ben de hele dag alleen thuis want mijn kinderen zijn volwassen en wonen ver weg",
    ],
)
def test_a_lonely_older_person_is_no_neglected_child(demo, text):
    res = demo.match(text, limit=5)
    assert not res.safety_levels, (text, res.safety_levels)
    assert "eenzaamheid" in {t["id"] for t in res.themes}, (text, res.themes)


@pytest.mark.parametrize(
    "text",
    [
        "de kinderen zijn vaak alleen thuis en krijgen geen eten",
        "de buurvrouw laat haar kinderen van 4 en 6 's avonds alleen thuis",
    ],
)
def test_children_left_alone_still_raise_veilig_thuis(demo, text):
    assert demo.match(text, limit=5).safety_levels[:1] == ["onveilig-thuis"], text


@pytest.mark.parametrize(
    "text",
    [  # tester9 T9-F4: a child's own words for bullying
        "ik word uitgescholden in de groepsapp van mijn klas",
        "mijn juf zegt dat ik niet goed kan lezen en nu lachen ze me uit",
    ],
)
def test_a_bullied_child_gets_help_for_bullying_not_veilig_thuis(demo, text):
    res = demo.match(text, limit=5)
    assert "pesten" in {t["id"] for t in res.themes} and not res.safety_levels, (text, res.themes)
    assert res.register == "je"
