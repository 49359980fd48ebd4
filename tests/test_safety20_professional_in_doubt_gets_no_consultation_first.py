"""A professional in doubt about signals of a child or an adult (teacher, sports coach, wijkverpleegkundige, JGZ,
huisarts), asking for advice with or without the word meldcode, on the professional page: the consultation routes
(aandachtsfunctionaris, Veilig Thuis advies) first, never 112. A professional's question about an ordinary service
stays ordinary (helper safety20, ADR 0166; class 5 of the brief).

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, top_ids

CONSULT = {
    "svc-aalten-aandachtsfunctionaris-hg-km",
    "svc-veilig-thuis-consultatie",
    "svc-veilig-thuis-advies-melden",
}


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben leerkracht in groep 5. Een leerling komt vaak met blauwe plekken op school en wil niet naar huis. "
        "Moet ik dit melden?",
        "Als voetbaltrainer zie ik dat een jongen van 11 steeds bang is als zijn vader hem ophaalt. Wat is wijsheid?",
        "Ik ben wijkverpleegkundige en twijfel of ik iets moet doen: een cliënte van 79 heeft vaak geen geld en haar "
        "zoon beheert haar pinpas.",
        "Als JGZ-verpleegkundige maak ik me zorgen over een baby die niet groeit en een moeder die afwezig is. Ik "
        "twijfel of ik iets moet doen.",
        "ik ben huisarts, een patiënte vertelt dat haar man haar telefoon controleert en haar geen geld geeft. hoe pak "
        "ik dit aan volgens de meldcode?",
        "Ik ben docent op het mbo, een studente van 17 vertelt dat ze thuis wordt uitgehuwelijkt. Wat moet ik doen?",
        "wij als trainers twijfelen over een meisje van 13 dat nooit meer wil douchen na de training en heel stil is "
        "geworden, moeten we iets?",
    ],
)
def test_a_professional_in_doubt_gets_consultation_first_never_112(demo, text):
    res = demo.match(text, audience="professional")
    top = top_ids(res)
    assert ALARM not in top, top
    assert top[0] in CONSULT, top


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben wijkverpleegkundige en zoek voor een cliënt van 80 een maaltijdservice. Wie levert dat?",
        "Als leerkracht zoek ik een logopedist voor een leerling die slecht praat.",
        "Ik ben huisarts en zoek een valpreventiecursus voor een patiënt van 76.",
    ],
)
def test_a_professionals_ordinary_question_stays_ordinary(demo, text):
    res = demo.match(text, audience="professional")
    assert not res.safety_levels, res.safety_levels
