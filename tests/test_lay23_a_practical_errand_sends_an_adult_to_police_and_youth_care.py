"""Two everyday practical words sent an adult to the police and to youth health care (tester23 N-M,
docs/usertest/m12test23.md; issue 12, ADR 0180). "Mijn pinpas is gestolen en ik wil een nieuwe aanvragen. Wie helpt
me met de bank bellen? Ik ben slechthorend." gave the Wijkagent first and Jeugdgezondheidszorg "Helpt bij uw gezondheid
in het algemeen" for an adult: a card an adult cannot use (its only adult way in is "ouders", and no child is named).
What is asked is practical help with a call, a card, a form. Our own wordings, written before the change: a stolen
or lost bank card, a phone call one cannot make, hearing and eyes, the elder, a son writing; the twins report a
theft to the police, or ask about a child's hearing.
"""

from __future__ import annotations

import pytest
from builders import top_ids

YOUTH = {
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-consultatiebureau",
    "svc-jeugdverpleegkundige",
    "svc-opvoedspreekuur",
}
POLICE = {"svc-politie-wijkagent"}
DEMO_PRACTICAL = {
    "svc-sensire-sociaal-raadslid",
    "svc-figulus-welzijnscoach",
    "svc-bibliotheek-basisvaardigheden",
    "svc-mee-clientondersteuning",
    "svc-humanitas-vat",
}
REGION_PRACTICAL = {
    "svc-formulierenhulp-aalten",
    "svc-digi-spreekuur",
    "svc-buurtcoach-aalten",
    "svc-ouderenadviseur",
    "svc-clientondersteuning",
}

AN_ERRAND = [
    "Mijn pinpas is gestolen en ik wil een nieuwe aanvragen. Wie helpt me met de bank bellen? Ik ben slechthorend.",
    "Mijn bankpas is kwijt. Wie kan mij helpen een nieuwe aan te vragen? Ik ben 80.",
    "Ik ben slechthorend en kan niet bellen met de zorgverzekeraar. Wie kan dat voor mij doen?",
    "ik hoor slecht en moet de bank bellen over mijn pas, wie kan me daarbij helpen",
    "Ik heb een nieuwe pinpas nodig want de oude is gestolen, maar ik snap de app van de bank niet.",
    "Mijn moeder van 86 is haar pinpas kwijt en kan niet goed bellen, wie helpt haar een nieuwe te regelen?",
]
POLICE_OR_CHILD = [
    ("mijn fiets is gestolen en ik wil aangifte doen", POLICE),
    ("Er is ingebroken in ons huis en mijn pinpas is gestolen. Waar doe ik aangifte?", POLICE),
    ("Mijn auto is opengebroken, hoe doe ik aangifte bij de politie?", POLICE),
    ("Mijn zoon van 3 hoort slecht, wie kan zijn gehoor laten testen?", YOUTH),
    ("onze dochter van 2 zegt nog bijna niks, kan iemand naar haar gehoor kijken?", YOUTH),
    ("Mijn baby van 8 maanden reageert niet op geluid, waar kan ik terecht?", YOUTH),
]


@pytest.mark.parametrize("text", AN_ERRAND)
def test_an_errand_gets_practical_help_no_police_and_no_youth_care(demo, region, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert not POLICE & set(top_ids(res)), (text, top_ids(res))
    assert not YOUTH & set(top_ids(res, 5)), (text, top_ids(res, 5))
    assert DEMO_PRACTICAL & set(top_ids(res)), (text, top_ids(res))
    rres = region.match(text, near="Aalten", limit=5)
    assert not YOUTH & set(top_ids(rres, 5)), (text, top_ids(rres, 5))
    assert REGION_PRACTICAL & set(top_ids(rres)), (text, top_ids(rres))


@pytest.mark.parametrize(("text", "want"), POLICE_OR_CHILD)
def test_a_theft_to_report_keeps_the_police_and_a_childs_hearing_the_youth_care(demo, text, want):
    res = demo.match(text, near="Aalten", limit=5)
    assert want & set(top_ids(res)), (text, top_ids(res))
