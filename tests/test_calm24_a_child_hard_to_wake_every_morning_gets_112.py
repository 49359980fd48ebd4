"""A child or teenager who is hard to wake every morning got 112 on top (issue 12; held-out kinds "nothing useful
among the over-escalation controls", opvoeden-jong and jeugd-school; calm24, ADR 0185).

"mijn dochter van 14 gamet tot diep in de nacht en is 's ochtends niet wakker te krijgen" and "Ons kind van 6 wil
's avonds nooit slapen … morgens is ze niet wakker te krijgen voor school" read acute danger: "niet wakker te
krijgen" is a sign of an unconscious person. Told as a routine (every morning, for school, the alarm, after gaming
late) it is sleep and upbringing: the JGZ, parenting help, youth work, school. The danger twins (now, breathing
oddly, pills, drink, a fall) keep 112.

Sentences of our own (parents' and pupils' wordings; different persons, typos, ages 6 to 17), written before the
change.
"""

from __future__ import annotations

import pytest
from builders import top_ids

DEMO_HELP = {
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-inhuis-steungezin",
    "svc-yunio-home-start",
    "svc-aalten-jeugdconsulent",
    "svc-aalten-ot-ondersteuning",
    "svc-aalten-ot-school-sportclub",
    "svc-huisartsen-poh-jeugd",
    "svc-figulus-jeugd-jongerenwerk",
    "svc-jeugdstem-vertrouwenspersoon",
    "svc-scholen-vo-samenwerking",
    "svc-scholen-po-signaleren",
}
REGION_HELP = {
    "svc-opvoedspreekuur",
    "svc-jeugdverpleegkundige",
    "svc-gezinsmaatje",
    "svc-schoolmaatschappelijk-werk",
    "svc-jongerenwerk-aalten",
    "svc-jeugdhulp-ambulant",
    "svc-consultatiebureau",
    "svc-spreekuur-middelen",
}
DEMO_ALARM = "svc-112-alarmnummer"
REGION_ALARM = "svc-alarmnummer-112"

ROUTINE = [
    "mijn dochter van 14 gamet tot diep in de nacht en is 's ochtends niet wakker te krijgen",
    "Ons kind van 6 wil 's avonds nooit slapen en krijst het huis bij elkaar, morgens is ze niet wakker te krijgen "
    "voor school",
    "Onze puber (15) zit de hele nacht te gamen en is niet wakker te krijgen voor school. Ik word gek.",
    "mijn zoon van 16 is elke ochtend niet wakker te krijgen, de wekker gaat wel maar hij slaapt gewoon door",
    "smorgens is mijn dochter (13) echt niet wakker te krijgen, ze zit tot 2 uur op haar telefoon",
    "ik ben 15 en ik ben elke dag niet wakker te krijgen voor school, mijn moeder wordt er gek van",
]


@pytest.mark.parametrize("text", ROUTINE)
def test_a_morning_routine_gets_no_112_on_the_demo(demo, text):
    top = top_ids(demo.match(text, near="Aalten", limit=6))
    assert DEMO_ALARM not in top, (text, top)
    assert DEMO_HELP & set(top), (text, top)


@pytest.mark.parametrize("text", ROUTINE)
def test_a_morning_routine_gets_no_112_in_the_region(region, text):
    top = top_ids(region.match(text, near="Aalten", limit=6))
    assert REGION_ALARM not in top, (text, top)
    assert REGION_HELP & set(top), (text, top)


DANGER = [
    "mijn man is niet wakker te krijgen en ademt raar",
    "mijn zoon van 16 heeft vanochtend pillen genomen en is niet wakker te krijgen",
    "mijn dochter (15) kwam dronken thuis en is vanochtend niet wakker te krijgen, ze heeft overgegeven",
    "mijn vader is gevallen en is nu niet wakker te krijgen",
]


@pytest.mark.parametrize("text", DANGER)
def test_an_unconscious_person_keeps_112(demo, region, text):
    assert DEMO_ALARM in top_ids(demo.match(text, near="Aalten", limit=6)), text
    assert REGION_ALARM in top_ids(region.match(text, near="Aalten", limit=6)), text
