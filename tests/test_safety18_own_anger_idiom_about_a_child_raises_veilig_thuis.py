"""A parent's own anger idiom about a family member with an everyday cause raised Veilig Thuis and the Raad voor de
Kinderbescherming (tester17 BROKEN 3; helper safety18, ADR 0158): "ik kan mijn dochter wel schieten, ze doet niks
in huis". The writer is the one who speaks, in the conditional of an idiom ("kan … wel", "zou … wel", "nog eens
als"), about a child who does something ordinary; no act was done. The twins tell an act done or a fear of doing
one, and keep Veilig Thuis.

Sentences are our own (the first is tester17's), written before the code changed; none an eval question's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

RAAD = "svc-raad-voor-de-kinderbescherming"
PARENTING = {"svc-inhuis-steungezin", "svc-yunio-home-start", "svc-yunio-jgz", "svc-aalten-jeugdconsulent"}
DANGER_AT_HOME = {"onveilig-thuis", "acuut-gevaar"}


@pytest.mark.parametrize(
    "text",
    [
        "Ik kan mijn dochter van 15 wel schieten, ze doet niks in huis en ligt de hele dag op haar telefoon",
        "ik kan mijn zoon wel wurgen, hij heeft weer zijn huiswerk niet gedaan",
        "Mijn puber van 14 kan ik soms wel achter het behang plakken, hij ruimt nooit zijn kamer op",
        "ik zou mijn man wel de nek om kunnen draaien, hij is alweer vergeten de kinderen op te halen",
        "Ik vermoord mijn zoon nog eens als hij weer zo laat thuiskomt",
        "mijn dochter van 12 maakt me gek, ik kan haar wel schieten met dat gezeur over een telefoon",
        "Soms zou ik die jongen van 16 wel kunnen wurgen, hij liegt over zijn cijfers",
    ],
)
def test_an_anger_idiom_about_ordinary_behaviour_raises_no_danger(demo, text):
    res = demo.match(text)
    assert not DANGER_AT_HOME & set(res.safety_levels), res.safety_levels
    assert VEILIG_THUIS not in top_ids(res) and RAAD not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Ik kan mijn dochter van 15 wel schieten, ze doet niks in huis en ligt de hele dag op haar telefoon",
        "ik kan mijn zoon wel wurgen, hij heeft weer zijn huiswerk niet gedaan",
        "Ik vermoord mijn zoon nog eens als hij weer zo laat thuiskomt",
        "Soms zou ik die jongen van 16 wel kunnen wurgen, hij liegt over zijn cijfers",
    ],
)
def test_an_anger_idiom_about_a_child_gets_parenting_help(demo, text):
    res = demo.match(text)
    assert PARENTING & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "ik ben bang dat ik mijn dochter iets aandoe, ik heb haar gisteren geslagen",
        "ik heb mijn zoontje zo hard door elkaar geschud",
        "Ik kan mijn dochter wel schieten en gisteren heb ik haar echt een klap gegeven",
        "ik ben zo boos op mijn zoon dat ik hem bijna gewurgd heb",
    ],
)
def test_an_act_done_or_feared_keeps_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
