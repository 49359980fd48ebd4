"""A parent afraid of harming a crying baby (the classic warning sign before a baby is shaken) needs a safety route:
Veilig Thuis advice and the huisarts; 112 only when it is happening now (tester18 BROKEN B4, class 1; helper safety19,
ADR 0161). "de baby huilt al uren en ik word er gek van, ik ben bang dat ik hem iets aandoe" raised nothing: a
steungezin first. A fear of doing something wrong with the feeding or of waking the baby is no danger.

Sentences are our own, written before the code changed, except the one marked as tester18's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, HUISARTS, VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        # tester18's extra probe (docs/usertest/m12test18.md)
        "de baby huilt al uren en ik word er gek van, ik ben bang dat ik hem iets aandoe",
        "Ons kindje van 3 maanden huilt de hele nacht en ik ben bang dat ik haar door elkaar ga schudden.",
        "ik ben bang dat ik mijn baby iets aandoe als hij zo blijft huilen",
        pytest.param(
            "Mijn zoontje van 6 weken krijst maar door. Ik ben bang dat ik mezelf niet meer in de hand heb en hem pijn "
            "doe.",
            marks=pytest.mark.xfail(
                reason="'krijst' is a harm verb of the harm reading; its agent, a baby, makes the hit one with no "
                "perpetrator (ADR 0142), although the writer is the one who fears to harm"
            ),
        ),
        "Als onze dochter van 4 maanden 's nachts huilt word ik zo boos dat ik bang ben dat ik haar iets zal doen.",
        "Mijn vriendin slaapt en ik zit met de huilende baby, ik ben bang dat ik mijn geduld verlies en hem iets "
        "aandoe.",
        "ik ben zo moe van het gehuil van mn dochtertje, ik ben bang dat ik haar wat aandoe",
    ],
)
def test_a_parent_afraid_of_harming_a_baby_gets_veilig_thuis_not_112(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert "acuut-gevaar" not in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
    assert ALARM not in top_ids(res), top_ids(res)


def test_the_testers_crying_baby_gets_the_jgz_or_the_huisarts_after_veilig_thuis(demo):
    # the huisarts or the JGZ (the baby's consultatiebureau) among the first five; the huisarts right after Veilig
    # Thuis is not reached (ADR 0161, not done), and not for every wording
    res = demo.match("de baby huilt al uren en ik word er gek van, ik ben bang dat ik hem iets aandoe")
    assert top_ids(res)[0] == VEILIG_THUIS, top_ids(res)
    assert {HUISARTS, "svc-huisartsen-poh-jeugd", "svc-yunio-jgz", "svc-ggd-nog-jgz"} & set(
        top_ids(res, 5)
    ), top_ids(res, 5)
    assert ALARM not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "ik ben bang dat ik iets verkeerd doe met de voeding van onze baby",
        "De baby slaapt eindelijk, ik ben bang dat ik hem wakker maak als ik de kamer in ga.",
        "onze baby huilt al uren en we zijn zo moe, wie kan ons helpen?",
        "Ik ben bang dat ik mijn baby ziek maak omdat ik zelf erg verkouden ben.",
        "ik ben bang dat ik hem iets tekort doe nu ik weer ga werken, hij is pas 4 maanden",
        "Mijn dochtertje van 5 weken huilt veel en ik ben bang dat ik het niet goed doe als moeder.",
    ],
)
def test_a_parents_everyday_fear_about_a_baby_raises_no_danger(demo, text):
    res = demo.match(text)
    assert not {"onveilig-thuis", "acuut-gevaar"} & set(res.safety_levels), res.safety_levels
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)
