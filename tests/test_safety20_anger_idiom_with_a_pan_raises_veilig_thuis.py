"""The writer's anger idiom: a future or conditional blow with an absurd object over an everyday cause ("straks sla
ik hem met de koekenpan als hij weer niet de vaatwasser uitruimt") raises no violence at home (dev a760's class;
lay20's xfail). A real blow told as done or as a habit, to a child or by a partner, stays a signal (helper
safety20, ADR 0166; class 3 of the brief).

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Als hij nog een keer zijn sokken laat slingeren, sla ik hem met de pan.",
        "straks sla ik hem met de koekenpan als hij weer niet de vaatwasser uitruimt",
        "Als mijn man weer vergeet het vuilnis buiten te zetten, gooi ik hem met de afstandsbediening.",
        "Mijn vrouw zegt dat ze me met de deegroller slaat als ik weer te laat thuiskom van het voetbal, haha.",
        "Ik sla mijn puber nog eens met de theedoek als hij zijn kamer niet opruimt.",
        "als mn broertje weer aan mn spullen zit sla ik hem met een kussen",
        "Mijn man zit de hele dag op de bank, straks mep ik hem nog met de pollepel. Waar kan hij heen overdag?",
    ],
)
def test_an_anger_idiom_with_an_absurd_object_raises_no_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" not in res.safety_levels, res.safety_levels


@pytest.mark.parametrize(
    "text",
    [
        "Ik sla mijn zoon van 6 als hij niet luistert, ik weet niet meer hoe het anders moet.",
        "Gisteren heb ik mijn dochter met de pan geslagen, ik schrok er zelf van.",
        "Mijn man slaat mij met de pan als het eten niet op tijd is.",
        "als ik boos word sla ik mijn kinderen met de riem",
    ],
)
def test_a_blow_told_as_done_or_as_a_habit_gets_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
