"""A parent afraid of hurting a baby while caring for it (cutting its nails, bathing it, brushing its teeth, combing
its hair, holding it for a vaccination) fears an accident of the care, not their own impulse: no Veilig Thuis, no
Raad voor de Kinderbescherming (tester20 BROKEN B6, helper safety21, ADR 0170). "Ik ben bang dat ik mijn baby pijn
doe als ik zijn nageltjes knip" got the red box, Veilig Thuis and the Raad. The real fear of harming a crying baby
(ADR 0161) keeps Veilig Thuis and the parenting help.

Sentences are our own, written before the code changed, except the one marked as tester20's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

RAAD = "svc-raad-voor-de-kinderbescherming"


@pytest.mark.parametrize(
    "text",
    [
        # tester20's R-afraid_harm_baby-twin (docs/usertest/m12test20.md)
        "Ik ben bang dat ik mijn baby pijn doe als ik zijn nageltjes knip.",
        "ik durf mijn dochtertje niet in bad te doen, ik ben bang dat ik haar pijn doe",
        "Bij het tandenpoetsen van onze peuter ben ik altijd bang dat ik hem pijn doe.",
        "mn baby heeft zoveel klitten, ik ben bang dat ik haar pijn doe als ik haar haartjes kam",
        "Als ik de neus van onze baby schoonmaak ben ik bang dat ik hem pijn doe.",
        "Ik ben bang dat ik mijn kindje van 3 weken pijn doe bij het verschonen, zijn navel is nog niet genezen.",
        "Mijn vrouw en ik zijn bang dat we ons zoontje pijn doen als we hem vasthouden bij de vaccinatie.",
    ],
)
def test_a_fear_of_hurting_a_baby_in_its_care_raises_no_danger(demo, text):
    res = demo.match(text)
    assert not {"onveilig-thuis", "acuut-gevaar", "consultatie"} & set(res.safety_levels), res.safety_levels
    assert not {VEILIG_THUIS, RAAD} & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "ik ben bang dat ik mijn baby iets aandoe als hij blijft huilen",
        "ik ben bang dat ik mijn dochtertje pijn doe, ik word zo boos als ze 's nachts blijft huilen",
        "Ik ben bang dat ik mijn baby van 2 maanden door elkaar schud als ik hem weer niet stil krijg.",
        "Als ik zijn nageltjes knip en hij blijft krijsen, ben ik bang dat ik hem iets aandoe, ik word zo boos.",
        "Soms ben ik zo moe dat ik bang ben dat ik onze baby iets aandoe als ze bij het badderen blijft huilen.",
        "ik ben doodsbang dat ik mijn zoontje van 5 weken pijn doe, ik heb mezelf niet meer in de hand als hij huilt",
    ],
)
def test_a_fear_of_harming_a_crying_baby_keeps_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)


def test_the_testers_nail_clipping_fear_gets_the_jgz_not_a_dead_end(demo):
    # added with the code (ADR 0170): the dropped hit names the young child's care, so the JGZ is in view
    res = demo.match("Ik ben bang dat ik mijn baby pijn doe als ik zijn nageltjes knip.")
    assert {"svc-yunio-jgz", "svc-ggd-nog-jgz"} & set(top_ids(res)), top_ids(res)
