"""Bullying at a sports club read Pesten but did not show "OT op school en bij de sportclub" (the gemeente's support
team at schools and sports clubs) in the ten cards, and no card said "Helpt bij pesten" (tester22 N-I, Y1,
docs/usertest/m12test22.md; issue 12, ADR 0177). The writer names the club as "voetbalclub", "de hockey", "de
training": words the service's own text ("bij een aantal sportclubs") does not hold, while "op school" found it.
Our own wordings, written before the change; the twins name a club with no bullying and read no Pesten.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

OT_CLUB = "svc-aalten-ot-school-sportclub"

BULLIED_AT_THE_CLUB = [
    "ik ben 15 en in de groepsapp van mijn voetbalclub word ik buitengesloten en uitgelachen, niemand praat meer met me",
    "mijn zoon van 12 wordt bij de voetbal steeds uitgelachen door zijn teamgenoten",
    "Bij haar hockeyclub wordt onze dochter van 13 buitengesloten, ze wil niet meer naar de training",
    "ik word gepest op de voetbalvereniging en de trainer doet niks. ik ben 11",
    "ze lachen me uit bij korfbal en in de kleedkamer, ik ben 14",
    "Onze zoon van 10 wordt na de training op de club uitgescholden. Bij wie kunnen we terecht?",
]
A_CLUB_NO_BULLYING = [
    "ik ben 15 en wil op voetbal, welke club is er in Aalten?",
    "Mijn zoon van 9 wil graag op hockey maar de contributie is te duur",
    "onze dochter van 12 zit op turnen en heeft veel last van haar knie",
]


@pytest.mark.parametrize("text", BULLIED_AT_THE_CLUB)
def test_bullying_at_the_club_shows_the_club_team(demo, region, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "pesten" in themes_of(res), (text, themes_of(res))
    top = [r["service_id"] for r in res.results[:3]]
    assert OT_CLUB in top, (text, top)
    assert "pesten" in themes_of(region.match(text, near="Aalten", limit=5)), text


@pytest.mark.parametrize("text", A_CLUB_NO_BULLYING)
def test_a_club_without_bullying_reads_no_bullying(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "pesten" not in themes_of(res), (text, themes_of(res))
    assert OT_CLUB not in top_ids(res, 1), (text, top_ids(res))


@pytest.mark.xfail(
    strict=True,
    reason="safety.yaml `ik-wil-niet-meer` (safety rules, not lay22's): 'ik wil niet meer gaan' (to the club) raises "
    "113; its `unless` has 'naar de club' but no 'gaan'/'heen'. Reported to the lead.",
)
def test_not_wanting_to_go_to_the_club_any_more_is_no_death_wish(demo):
    text = "ik ben 13 en bij mijn voetbalteam noemen ze me steeds dik, ik wil niet meer gaan"
    res = demo.match(text, near="Aalten", limit=5)
    assert "suicidaliteit" not in themes_of(res), themes_of(res)
