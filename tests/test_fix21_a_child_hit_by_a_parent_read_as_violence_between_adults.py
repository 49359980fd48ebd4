"""tester21 N-A (docs/usertest/m12test21.md section 3): "ik ben 14 en mijn moeder slaat mij" got the theme
"huiselijk geweld" (violence between adults: "Helpt bij geweld of dreiging thuis") and never "een kind dat thuis
niet veilig is". When the writer is a child and a parent (or step-parent, a parent's partner) does it, the danger is
a child unsafe at home (kindermishandeling), never "een oudere die slecht behandeld wordt". Twins: an adult hit by
a partner stays huiselijk geweld; an old father hit by his carer stays elder abuse; a child whose father helps with
homework raises nothing. Sentences of our own (different persons, tenses, typos, ages), written before the code.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, themes_of, top_ids

CHILD = [
    "ik ben 14 en mijn moeder slaat mij",
    "mn vader slaat me als hij boos is",
    "papa schopt mij",
    "Mijn stiefvader geeft me klappen als ik te laat thuis kom. Ik ben 13.",
    "ik ben 15 en mijn vader duwt me tegen de muur als hij kwaad is",
    "mijn moeder sloeg me vroeger en nu doet ze het weer, ik zit in groep 8",
    "mama slaat me en mijn broertje als we ruzie maken",
    "ik ben 12, mijn moeders vriend heeft me gisteren geschopt",
]

ADULT = [
    "Mijn man slaat mij als hij gedronken heeft.",
    "Mijn vriendin slaat me soms als ze boos is, ik ben 34.",
]

ELDER = ["Mijn vader van 84 wordt door zijn verzorger geslagen."]

HARMLESS = [
    "ik ben 14 en mijn vader helpt me met huiswerk als ik boos ben",
    "mijn moeder slaat soms een ei kapot op mijn hoofd als grapje, ik ben 12 haha",
]


@pytest.mark.parametrize("text", CHILD)
def test_a_child_hit_by_a_parent_is_a_child_unsafe_at_home(demo, text):
    res = demo.match(text, limit=6)
    themes = themes_of(res)
    assert "kindermishandeling" in themes, (text, themes)
    assert "ouderenmishandeling" not in themes, (text, themes)
    assert res.signals.get("veiligheid"), (text, res.signals)
    assert top_ids(res, 1) == [VEILIG_THUIS], (text, top_ids(res))
    assert "een kind dat thuis niet veilig is" in res.results[0]["why"], res.results[0]["why"]


@pytest.mark.parametrize("text", CHILD[:4])
def test_a_child_hit_by_a_parent_on_the_synthetic_kaart(region, text):
    res = region.match(text, limit=6)
    assert "kindermishandeling" in themes_of(res), (text, themes_of(res))
    assert "ouderenmishandeling" not in themes_of(res), (text, themes_of(res))


@pytest.mark.parametrize("text", ADULT)
def test_twin_an_adult_hit_by_a_partner_stays_violence_at_home(demo, text):
    res = demo.match(text, limit=6)
    themes = themes_of(res)
    assert "huiselijk-geweld" in themes, (text, themes)
    assert "kindermishandeling" not in themes, (text, themes)


@pytest.mark.parametrize("text", ELDER)
def test_twin_an_old_father_hit_by_his_carer_stays_elder_abuse(demo, text):
    res = demo.match(text, limit=6)
    assert "ouderenmishandeling" in themes_of(res), (text, themes_of(res))
    assert "kindermishandeling" not in themes_of(res), (text, themes_of(res))


@pytest.mark.parametrize("text", HARMLESS)
def test_twin_a_parent_who_helps_raises_nothing(demo, text):
    res = demo.match(text, limit=6)
    assert not res.signals.get("veiligheid"), (text, res.signals, themes_of(res))
    assert VEILIG_THUIS not in top_ids(res, 3), (text, top_ids(res))
