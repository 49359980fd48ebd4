"""tester16 class C (POH Jeugd for a mother's own stress, jeugd- en jongerenwerk for an adult newcomer who wants
to meet women, JGZ from a grandson "van 6" in a carer's story) as a class (ADR 0156): when the writer is an adult
speaking about their own need, a service for children and young people (its ages all under 18, "voor ouders"
aside) comes below the adult services for the same need. The twin: the question is about a child, and the youth
service stays in the top 3. Sentences of our own, written before the change was made.
"""

from __future__ import annotations

import pytest

YOUTH = {
    "svc-huisartsen-poh-jeugd",
    "svc-figulus-jeugd-jongerenwerk",
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-inhuis-steungezin",
}

ADULT_OWN_NEED = [
    "werk maakt me kapot",
    "Ik ben zo gestrest door mijn werk, ik slaap slecht en pieker de hele dag.",
    "Sinds mijn scheiding voel ik me somber en alleen. Wie kan mij helpen?",
    "Ik kom uit Eritrea en woon hier sinds vorig jaar. Mijn kinderen gaan naar school en ik ben veel alleen. "
    "Ik wil Nederlands leren en andere vrouwen leren kennen.",
    "Ik ben moeder van drie en ik ben zelf helemaal op, ik ben moe en prikkelbaar. Bij wie kan ik terecht voor "
    "mezelf?",
    "Ik zorg voor mijn vrouw met MS. Mijn kleinzoon van 8 komt soms logeren. Ik slaap slecht en wil graag eens "
    "een dag rust.",
]
ABOUT_A_CHILD = [
    "Mijn dochter van 14 is erg gestrest door school en slaapt slecht.",
    "Onze zoon van 10 is somber sinds de scheiding, wie kan hem helpen?",
    "Mijn zoon van 15 zit de hele dag alleen op zijn kamer en heeft geen vrienden.",
    "Mijn kleinzoon van 6 is erg angstig en wil niet meer naar school, waar kan mijn dochter terecht?",
    "Mijn dochter van 9 is heel bang en huilt elke avond, wat kunnen wij doen?",
]


@pytest.mark.parametrize("text", ADULT_OWN_NEED)
def test_an_adult_asking_for_themself_gets_no_youth_service_in_the_top3(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert not YOUTH & set(top), (text, top)


@pytest.mark.parametrize("text", ABOUT_A_CHILD)
def test_twin_a_question_about_a_child_keeps_youth_help_in_the_top3(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert YOUTH & set(top), (text, top)
