"""Family nuisance without a harm act raised Veilig Thuis (tester17 BROKEN 4; helper safety18, ADR 0158): a sister
who stays for hours, a little sister who takes the writer's things (read as financial elder abuse). A long visit is
no safety matter; taking things is elder abuse only with an older victim. The twins: a son who takes his old
mother's bank card, a grandson who takes an 79-year-old's money, a brother who threatens to hit.

Sentences are our own (the first two are tester17's), written before the code changed; none an eval question's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

DANGER_AT_HOME = {"onveilig-thuis", "acuut-gevaar"}


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zus staat steeds bij ons op de stoep en blijft dan uren, hoe zeg ik dat ik dat niet wil",
        "ik word gek van mijn zusje ze pakt steeds mijn spullen",
        "Mijn schoonmoeder komt elke dag onaangekondigd langs en blijft tot het avondeten",
        "mijn broertje pakt steeds mijn kleren zonder te vragen",
        "Mijn moeder belt me tien keer per dag en komt steeds langs, hoe stel ik een grens?",
        "Mijn zwager komt elke zaterdag en blijft de hele dag, ik wil dat niet meer",
        "mn zus jat steeds mijn make-up en oplader, echt irritant",
    ],
)
def test_family_nuisance_raises_no_danger(demo, text):
    res = demo.match(text)
    assert not DANGER_AT_HOME & set(res.safety_levels), res.safety_levels
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn broer pakt steeds de bankpas van onze moeder van 84 en neemt geld op",
        "Mijn kleinzoon neemt geld van mijn rekening zonder te vragen, ik ben 79",
        "Mijn broer staat steeds voor de deur en dreigt me te slaan als ik niet opendoe",
    ],
)
def test_taking_from_an_old_person_or_a_threat_keeps_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
