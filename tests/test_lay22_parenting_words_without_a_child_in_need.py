"""Parenting words fired without a child in need: a puppy that is not house-trained ("onze pup is nog niet
zindelijk") and a grandparent asking for a playground for a visiting grandchild both got JGZ, Steungezin, Home-Start
and the Consulent Jeugd (tester22 N-H, docs/usertest/m12test22.md; issue 12, ADR 0177). Whose need it is (an animal's
is no child's) and what is asked (a place to play or go out is no upbringing) decide; an honest front door is better
than a parenting service. A toddler who is not toilet trained, or a grandchild with a worry, keeps the parenting help.
Our own wordings, written before the change.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

PARENTING = {
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-yunio-home-start",
    "svc-inhuis-steungezin",
    "svc-aalten-jeugdconsulent",
    "svc-aalten-ot-ondersteuning",
    "svc-consultatiebureau",
    "svc-opvoedspreekuur",
    "svc-gezinsmaatje",
    "svc-jeugdhulp-ambulant",
}
CHILD_THEMES = {"opvoeding", "opvoeden-opgroeien"}

NO_CHILD_IN_NEED = [
    "Onze pup is nog niet zindelijk en plast steeds binnen. Wie kan ons helpen?",
    "mijn puppy van 10 weken plast overal in huis, hoe krijg ik hem zindelijk",
    "Onze hond van 2 luistert niet en blaft de hele dag, wie kan ons helpen met de opvoeding?",
    "ons katje is nog niet zindelijk en doet het naast de bak",
    "Mijn kleinzoon van 3 logeert vaak bij ons, waar is een speeltuin in Aalten?",
    "Oma hier: mijn kleindochter van 5 komt in de vakantie, is er een kinderboerderij of speeltuin in de buurt?",
    "Wij passen elke woensdag op onze kleinkinderen van 4 en 6. Waar is een overdekte speelplek of een zwembad?",
    "Is er in Dinxperlo een speeltuin voor een kind van 2?",
]
A_CHILD_IN_NEED = [
    "Onze zoon van 3 is nog niet zindelijk en plast steeds in zijn broek. Wie kan ons helpen?",
    "mijn dochter van 4 plast nog elke nacht in bed, is dat normaal?",
    "Mijn kleinzoon van 3 logeert vaak bij ons en krijgt heftige driftbuien, mijn dochter weet niet wat ze moet doen",
    "Onze peuter wil niet op het potje, wie geeft tips?",
    "Mijn kleindochter van 2 praat nog bijna niet, waar kan mijn dochter terecht?",
    "onze pup en onze zoon van 2 zijn allebei nog niet zindelijk, hoe leer ik hem dat?",
]


@pytest.mark.parametrize("text", NO_CHILD_IN_NEED)
def test_no_child_in_need_gets_no_parenting_help(demo, region, text):
    for matcher in (demo, region):
        res = matcher.match(text, near="Aalten", limit=5)
        assert not CHILD_THEMES & themes_of(res), (text, themes_of(res))
        assert not PARENTING & set(top_ids(res)), (text, top_ids(res))


@pytest.mark.parametrize("text", A_CHILD_IN_NEED)
def test_a_child_in_need_keeps_the_parenting_help(demo, region, text):
    for matcher in (demo, region):
        res = matcher.match(text, near="Aalten", limit=5)
        assert PARENTING & set(top_ids(res)), (text, themes_of(res), top_ids(res))
