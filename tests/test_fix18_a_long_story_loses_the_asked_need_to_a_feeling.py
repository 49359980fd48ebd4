"""tester20 B12 as a class (ADR 0169): long stories whose need is in the sentence that asks lost it to a feeling
told on the way ("prikkelbaar" → somberheid over "iemand die één middag per week kan overnemen zodat ik even kan
ademhalen"; a widower's loss over "iemand die me met de tablet helpt"). What is asked ("ik zoek", "wie kan", "ik
wil", "kan iemand") decides; respite told in lay words ("overnemen zodat ik even kan ademhalen") is a carer's need.
Twins: a story whose ask is the feeling keeps the help for the feeling. Sentences of our own, written before the
change was made.
"""

from __future__ import annotations

import pytest

CARER = "svc-figulus-mantelzorgondersteuning"
DIGITAL = "svc-bibliotheek-basisvaardigheden"

STORIES = [
    (
        "Ik woon in Haart met mijn moeder van 84. Ze is vergeetachtig geworden en loopt 's nachts door het huis. Ik "
        "werk 32 uur en mijn broers wonen ver weg. De huisarts zegt dat er een wachtlijst is voor de dagopvang. Ik "
        "slaap slecht en ben prikkelbaar tegen mijn eigen kinderen. Ik zoek iemand die één middag per week kan "
        "overnemen zodat ik even kan ademhalen.",
        CARER,
    ),
    (
        "Mijn man heeft parkinson en ik verzorg hem al vier jaar. Ik ben vaak kortaf en somber. Ik wil dat iemand "
        "af en toe een dag de zorg van me overneemt zodat ik op adem kan komen.",
        CARER,
    ),
    (
        "Ik zorg voor mijn dochter met een beperking, ze is 19. Ik ben moe en snel geïrriteerd. Kan iemand een "
        "weekend per maand de zorg overnemen zodat ik even kan bijkomen?",
        CARER,
    ),
    (
        "Ik ben 79 en woon sinds de dood van mijn vrouw alleen in IJzerlo. Mijn kinderen wonen in Utrecht en bellen "
        "op zondag. Autorijden mag ik niet meer van de dokter. De bank doet alles via een app en daar snap ik niets "
        "van. Ik zit veel alleen. Ik zou graag iemand hebben die me met de tablet helpt en af en toe een praatje "
        "maakt.",
        DIGITAL,
    ),
    (
        "Sinds mijn vrouw is overleden ben ik vaak verdrietig. Mijn kleinzoon deed altijd mijn bankzaken op de "
        "computer, maar hij is verhuisd. Wie kan mij leren internetbankieren?",
        DIGITAL,
    ),
    (
        "Ik voel me vaak eenzaam sinds mijn pensioen. Mijn kinderen sturen foto's via WhatsApp maar ik krijg dat "
        "niet aan de praat op mijn nieuwe telefoon. Ik zoek iemand die me uitlegt hoe mijn telefoon werkt.",
        DIGITAL,
    ),
]

# the ask is the feeling: help for the feeling stays in the top 3
FEELING_ASKED = [
    (
        "Ik zorg al jaren voor mijn moeder en ben de laatste tijd zo somber dat ik nergens meer zin in heb. Ik wil "
        "met iemand praten over hoe ik me voel.",
        {
            "svc-huisartsen-poh",
            "svc-sensire-maatschappelijk-werk",
            "svc-vat-aalten-vraag-advies",
            "svc-vat-aalten-verkennend-gesprek",
            CARER,
        },
    ),
    (
        "Mijn vrouw is vorige maand overleden en ik heb een nieuwe telefoon gekregen van mijn zoon. Ik kan het "
        "verdriet niet aan. Ik zoek iemand om mee te praten over het verlies.",
        {
            "svc-willem-levensvragen",
            "svc-huisartsen-poh",
            "svc-sensire-maatschappelijk-werk",
            "svc-humanitas-vat",
        },
    ),
]


def _top(res, n=3):
    return [r["service_id"] for r in res.results[:n]]


@pytest.mark.parametrize(("text", "service"), STORIES)
def test_the_asked_need_of_a_long_story_comes_first(demo, text, service):
    res = demo.match(text, limit=10)
    assert service in _top(res), (text[-80:], _top(res), [t["id"] for t in res.themes])


@pytest.mark.parametrize(("text", "services"), FEELING_ASKED)
def test_twin_a_story_that_asks_about_the_feeling_keeps_its_help(demo, text, services):
    res = demo.match(text, limit=10)
    assert services & set(_top(res)), (text[-80:], _top(res))
