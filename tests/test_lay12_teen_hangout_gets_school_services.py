"""tester14 t14-29 as a class (ADR 0144): a teenager who wants a place to hang out got school services ("na school"
read as a school need). A place to hang out with peers is jongerenwerk; "na school", "in de pauze" are a time.
Sentences of our own, written before they were run."""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

YOUTH_WORK = "svc-figulus-jeugd-jongerenwerk"
PRIMARY = "svc-scholen-po-signaleren"


@pytest.mark.parametrize(
    "text",
    [
        "ik ben altijd alleen in de middag, is er ergens een plek om te chillen",
        "ik verveel me na school, waar kan ik heen met andere jongeren?",
        "is er een jongerencentrum of zo in aalten waar je kan hangen?",
        "weet iemand een plek waar je met leeftijdsgenoten kan chillen in het weekend",
        "ik zit altijd alleen thuis na school, is er iets voor tieners?",
        "ik heb niemand in de pauze, waar kan je na school chillen met andere jongeren",
    ],
)
def test_a_teen_who_wants_a_place_to_hang_out_gets_youth_work(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert YOUTH_WORK in top_ids(res), (text, top_ids(res))
    assert PRIMARY not in top_ids(res), (text, top_ids(res))
    assert "onderwijs" not in themes_of(res), (text, res.themes)


def test_control_a_school_problem_after_school_keeps_school(demo):
    res = demo.match(
        "Na school wil mijn dochter van 10 niet meer naar school, ze wordt gepest.", near="Aalten", limit=5
    )
    assert themes_of(res) & {"onderwijs", "pesten", "schoolverzuim"}, res.themes
