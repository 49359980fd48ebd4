"""tester16 BROKEN 7 / class C as a class (ADR 0156): a carer who never says "zorg voor" (a mother with dementia,
a brother abroad, a full-time job, "waar kan ik terecht zodat ik even op adem kan komen?") never saw
Mantelzorgondersteuning. Caring is read from the situation: a relative who needs care, the writer's own time or
strength running out, and a wish for rest. The twins: tiredness with nobody ill, an ill relative with no strain of
the writer's, a relative who has died. Sentences of our own, written before the change was made.
"""

from __future__ import annotations

import pytest

MANTELZORG = "svc-figulus-mantelzorgondersteuning"

CARERS = [
    "Mijn vader heeft alzheimer en woont nog thuis. Mijn zus woont in Canada. Ik werk fulltime en ga elke avond "
    "bij hem langs. Ik ben zelf helemaal op. Waar kan ik terecht om even bij te komen?",
    "Mijn man heeft sinds zijn beroerte veel hulp nodig. Ik doe alles voor hem naast mijn baan. Ik kan niet meer "
    "en wil even rust.",
    "Mijn moeder is ernstig ziek en ik ga elke dag na mijn werk naar haar toe. Ik slaap slecht en heb geen tijd "
    "meer voor mezelf. Wie kan mij ontlasten?",
    "Mijn schoonvader heeft parkinson en belt me steeds. Ik regel zijn boodschappen en medicijnen. Ik ben "
    "uitgeput en wil even op adem komen.",
    "Onze zoon van 25 heeft een ernstige beperking en woont bij ons. Ik sta er alleen voor en ben zo moe. Ik zou "
    "graag eens een weekend vrij zijn.",
    "Mijn vrouw is dement en ik ben de hele dag met haar bezig. Mijn kinderen wonen ver weg. Ik heb echt even "
    "tijd voor mezelf nodig.",
]
NOT_CARERS = [
    "Ik werk 40 uur en ben uitgeput, ik wil even rust.",
    "Mijn broer woont in Spanje. Ik werk veel en wil even op adem komen.",
    "Mijn moeder heeft dementie. Waar kan zij overdag naartoe?",
    "Mijn vader heeft een longziekte, waar kan hij terecht voor hulp bij het douchen?",
    "Ik slaap slecht en pieker veel over mijn werk, ik wil tot rust komen.",
]


@pytest.mark.parametrize("text", CARERS)
def test_a_carer_who_never_says_zorg_voor_gets_mantelzorg_support_in_the_top3(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert MANTELZORG in top, (text, top, [t["id"] for t in res.themes])


@pytest.mark.parametrize("text", NOT_CARERS)
def test_twin_tiredness_or_illness_alone_puts_no_mantelzorg_support_first(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    top = [r["service_id"] for r in res.results[:1]]
    assert MANTELZORG not in top, (text, top, [t["id"] for t in res.themes])
