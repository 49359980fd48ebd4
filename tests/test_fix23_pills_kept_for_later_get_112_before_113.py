"""tester23 B2 order as a class (docs/usertest/m12test23.md section 2; helper fix23, ADR 0179): "Ik slik mijn
temazepam al weken niet meer, ik bewaar alle strips in een doosje onder mijn bed. Dan heb ik ze als het echt niet
meer gaat." got the chip "Direct gevaar" and 112 before 113: "alle … temazepam … slik" was read as an overdose taken,
though the taking is denied ("slik … niet meer") and the end is a plan for later. A plan with a means is 113 first;
112 only when the act is now ("ik heb net alles ingenomen", "ik sta op de brug"). Sentences of our own, written
before the code changed, except the one marked as tester23's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, top_ids

HULPLIJN = "svc-113-hulplijn"

PLAN_FOR_LATER = [
    # tester23's B2-1
    "Ik slik mijn temazepam al weken niet meer, ik bewaar alle strips in een doosje onder mijn bed. Dan heb ik ze "
    "als het echt niet meer gaat.",
    # our own
    "ik neem mijn oxazepam niet meer in en leg alle pillen apart in een potje, voor als ik er klaar mee ben",
    "Al mijn slaappillen slik ik niet meer. Ik heb ze allemaal in een doos gestopt voor als het niet meer gaat.",
    "Mijn moeder slikt haar diazepam niet meer en bewaart alle strips in haar nachtkastje, voor als ze er klaar mee is "
    "zegt ze.",
    "ik heb een hele strip paracetamol niet genomen maar opgespaard, voor als ik er een eind aan wil maken",
    "Sinds maanden slik ik mijn antidepressiva niet meer, ik verzamel alle tabletten in een potje. Op een dag is het "
    "genoeg.",
]

NOW = [
    "Ik heb net alle temazepam ingenomen die ik nog had.",
    "mijn moeder heeft zojuist een hele strip oxazepam geslikt en reageert bijna niet",
    "ik sta op de brug en ik spring",
    "Ik heb vanavond al mijn slaappillen geslikt, ik word zo moe.",
    "mijn vriend heeft net een pot pillen genomen en praat heel raar",
    "Ik heb al mijn pillen tegelijk ingenomen, een uur geleden.",
]


@pytest.mark.parametrize("text", PLAN_FOR_LATER)
def test_a_plan_for_later_with_pills_gets_113_first_and_no_direct_danger(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    ids = top_ids(res, 5)
    assert "suicide" in res.safety_levels, (text, res.safety_levels)
    assert "acuut-gevaar" not in res.safety_levels, (text, res.safety_levels)
    assert "acuut-gevaar" not in {t["id"] for t in res.themes}, (text, [t["id"] for t in res.themes])
    assert ids[0] == HULPLIJN, (text, ids)


@pytest.mark.parametrize("text", NOW)
def test_twin_the_act_now_gets_112_first(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert "acuut-gevaar" in res.safety_levels, (text, res.safety_levels)
    assert top_ids(res, 1) == [ALARM], (text, top_ids(res))
