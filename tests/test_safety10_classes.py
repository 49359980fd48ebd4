"""Proportionate safety for the classes independent testers found on main (issue 12 point 5, helper safety10,
ADR 0134).

A "wat als" worry with almost no content put Veilig Thuis first: the word model read function words ("wat als",
"als ik", "mijn moeder") as danger at home. Danger at home told indirectly (a partner who drinks, and a family
that keeps quiet or hides) raised nothing. Acute danger told in plain medical words and suicide told by a place,
a method or what others say raised nothing. "hij doet me nooit iets aan" and a teenager's joke about a parent's
threat ("… vermoordt me … haha") raised Veilig Thuis. A fear of one's own illness "net als mijn vader" was read as
caring for the father. Each class has controls both ways. The sentences are our own, none a tester's or an eval
question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, LINE_113, VEILIG_THUIS, themes_of, top_ids

CRISIS_LINES = {VEILIG_THUIS, ALARM, LINE_113}
CARER_SUPPORT = {"svc-academie-vrijwilligers-mantelzorgers", "svc-figulus-mantelzorgondersteuning"}


@pytest.mark.parametrize(
    "text",
    [
        "wat als ik later ziek word?",
        "wat als mijn schoonvader ziek wordt?",
        "wat als ik mijn werk kwijtraak?",
        "wat als mijn vrouw overlijdt?",
        "wat als ik de huur niet kan betalen?",
    ],
)
def test_a_what_if_worry_with_almost_no_content_raises_nothing(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not CRISIS_LINES & set(top_ids(res)[:3]), top_ids(res)


@pytest.fixture(scope="module")
def model():
    from match.safety_model import SafetyModel, authored

    return SafetyModel(authored())


def test_the_word_model_reads_a_text_without_content_toward_no_danger(model):
    """Few known content words pull the reading toward the prior: below every threshold (main read 0.81-0.93)."""
    from match.safety_model import THRESHOLDS

    for text in ("wat als ik ziek word?", "wat als mijn moeder ziek wordt?", "wat als ik ontslagen word?"):
        kind, p = model.reading(text)
        assert kind == "geen" or p < THRESHOLDS["home"], (text, kind, p)
    assert model.evidence("wat als mijn moeder ziek wordt?") < model.settings.evidence
    # a story with content is read as before: the evidence floor does not touch it
    kind, p = model.reading("mijn man slaat me als hij gedronken heeft en de kinderen zijn bang voor hem")
    assert kind == "veilig-thuis" and p >= THRESHOLDS["home"], (kind, p)


@pytest.mark.parametrize(
    "text",
    [
        "als mijn partner gedronken heeft moet ik heel stil zijn, de kleine verstopt zich dan boven",
        "ik ben bang als hij laat uit de kroeg komt, dan gaan de kinderen snel naar hun kamer",
        "mijn man drinkt en dan moeten we op onze tenen lopen, ik weet niet wat hij gaat doen",
    ],
)
def test_danger_at_home_told_by_drinking_and_fear_puts_veilig_thuis_first(demo, text):
    res = demo.match(text)
    assert res.safety_levels == ["onveilig-thuis"], res.safety_levels
    assert top_ids(res)[0] == VEILIG_THUIS, top_ids(res)
    assert "dementie" not in themes_of(res) and "rouw" not in themes_of(res), themes_of(res)


@pytest.mark.parametrize(
    "text",
    [
        "sinds mijn vader is overleden drinkt mijn moeder meer en is ze heel stil",
        "mijn opa met dementie komt soms verdwaald thuis na een rondje naar het café",
    ],
)
def test_drinking_grief_or_quiet_children_alone_raise_nothing(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert VEILIG_THUIS not in top_ids(res)[:3], top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "mijn zoontje at een koekje met noten en nu is zijn tong dik en hij hapt naar lucht",
        "mijn dochter viel van het klimrek op haar hoofd en is nu heel suf en moet steeds overgeven",
        "mijn man en ik hebben hoofdpijn en zijn duizelig sinds de gaskachel aan staat",
    ],
)
def test_acute_danger_in_plain_medical_words_puts_112_first(demo, text):
    res = demo.match(text)
    assert "acuut-gevaar" in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == ALARM, top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "mijn zoon had als baby een allergie voor melk, waar vind ik een kinderdiëtist",
        "ik heb al weken hoofdpijn, kan ik bij de huisarts terecht",
        "mijn dochter stootte gisteren haar hoofd maar speelt nu weer vrolijk, gaat het goed met haar",
        "wie kan onze oude gaskachel vervangen, we hebben weinig geld",
    ],
)
def test_a_past_allergy_a_headache_or_a_stove_alone_is_no_emergency(demo, text):
    res = demo.match(text)
    assert "acuut-gevaar" not in res.safety_levels, res.safety_levels
    assert ALARM not in top_ids(res)[:3], top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "ik sta 's nachts vaak op het viaduct en kijk naar beneden, niemand zou het merken",
        "ik heb uitgezocht hoe hoog de flat van mijn tante is",
        "in de groepsapp zeggen ze allemaal dat ik beter kan verdwijnen",
    ],
)
def test_suicide_told_by_a_place_a_method_or_what_others_say_puts_113_first(demo, text):
    res = demo.match(text)
    assert "suicide" in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == LINE_113, top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "we gaan met de trein naar oma, hoe vraag ik reisassistentie aan",
        "de brug naar het centrum is dicht vanwege onderhoud, hoe kom ik bij de apotheek",
        "mijn broer zegt dat ik moet verdwijnen uit zijn kamer, mag dat",
    ],
)
def test_a_train_a_closed_bridge_or_a_sibling_quarrel_is_no_suicide(demo, text):
    res = demo.match(text)
    assert "suicide" not in res.safety_levels, res.safety_levels
    assert LINE_113 not in top_ids(res)[:3], top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "hij doet mij nooit iets aan, maar we praten niet meer met elkaar sinds de geboorte van ons kind",
        "mijn vrouw heeft me nog nooit iets gedaan, we hebben wel veel ruzie over de verbouwing",
    ],
)
def test_a_denied_harm_raises_nothing(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert VEILIG_THUIS not in top_ids(res)[:3], top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "hij heeft me nog nooit iets gedaan, maar vannacht heeft hij me geschopt",
        "mijn vriend zegt dat hij me iets aandoet als ik bij hem wegga",
    ],
)
def test_harm_told_around_a_denial_still_raises_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res)[:3], top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "mijn vader zegt dat hij me vermoordt als ik zijn auto weer leen lol. waar kan ik rijles nemen",
        "mijn moeder zei dat ze me gaat afmaken als ik nog een keer te laat thuiskom haha, hoe laat mag ik weg op mijn 15e",
    ],
)
def test_a_parents_joking_threat_told_by_a_teen_raises_nothing(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not CRISIS_LINES & set(top_ids(res)[:3]), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "haha mijn vader zegt dat hij me vermoordt als ik iets zeg, ik ben echt bang voor hem",
        "mijn moeder zegt dat ze me afmaakt lol maar ze heeft me gisteren echt geslagen",
    ],
)
def test_a_threat_told_with_a_laugh_by_a_scared_child_still_raises(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res)[:3], top_ids(res)


def test_a_fear_of_ones_own_illness_like_a_parents_is_no_caring(demo):
    res = demo.match("ik ben 52 en bang dat ik net als mijn moeder ms krijg, met wie kan ik daarover praten")
    assert not CARER_SUPPORT & set(top_ids(res)[:3]), top_ids(res)
    assert "mantelzorg" not in themes_of(res), themes_of(res)
    # a carer still gets the support for carers
    res = demo.match("mijn moeder heeft ms en ik zorg elke dag voor haar, ik ben op")
    assert CARER_SUPPORT & set(top_ids(res)[:3]), top_ids(res)
