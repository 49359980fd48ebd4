"""Suicide told indirectly misses 113 (issue 12 point 5, model20, ADR 0164).

The largest safety gap on the held-out split: suicide told without a word of death — saving pills, looking up a
height or the railway, a rope; giving things away, thanking everyone, a letter; "er straks niet meer zijn", being a
burden, sleeping forever — raises nothing, while its harmless twin (a move, a pension, exam stress in drastic words,
a pet put to sleep, decluttering, a will at 90) must raise nothing. Rules recognise the wordings they were written
for; the word model reads words across authors and may raise 113 only where, across authors, no sentence without
danger of any left-out author is read as suicide at its threshold. These sentences are my own (written before any
change), none a tester's, an eval question's or a training sentence.
"""

from __future__ import annotations

import pytest
from builders import LINE_113, top_ids

# still missed (9 of 18): the rules raise nothing and the word model reads them under its suicide threshold (ADR 0165:
# 113 by the model at 0.96 with authG in training, 9 of 18 pass; main 5); they pass the day a rule or the model
# reaches them
STILL_MISSED = pytest.mark.xfail(
    strict=False, reason="indirect suicide the rules miss, read under the model's threshold (ADR 0165)"
)
PREPARATIONS = [
    pytest.param(
        "ik bewaar al weken elke avond een slaaptablet in een envelop, het zijn er nu bijna dertig",
        marks=STILL_MISSED,
    ),
    "mijn dochter heeft op haar telefoon opgezocht hoe hoog de toren van de kerk is en of je er boven kan komen",
    pytest.param(
        "mn vriend vroeg waar het spoor niet afgezet is en hoe laat de goederentrein rijdt, hij klinkt zo vlak",
        marks=STILL_MISSED,
    ),
    pytest.param(
        "mijn vader van 81 heeft zijn medicijnen niet meer ingenomen maar verstopt in een sok, hij zegt voor later",
        marks=STILL_MISSED,
    ),
    "ik heb een sterk touw gekocht en in de schuur gelegd, niemand weet ervan en ik denk er steeds aan",
    pytest.param(
        "mijn zoon zocht op internet hoeveel van zijn adhd pillen te veel is voor je hart",
        marks=STILL_MISSED,
    ),
]
FAREWELL = [
    "mijn beste vriendin geeft haar fiets en haar sieraden weg aan klasgenoten en zegt dat ze het straks niet meer nodig heeft",
    "mijn opa belde iedereen op om te bedanken voor alles en zei dat hij rust gaat nemen, voorgoed",
    pytest.param(
        "mn collega heeft afscheidsmailtjes klaarstaan en zei dat wij haar na vrijdag niet meer zien, ze heeft geen nieuwe baan",
        marks=STILL_MISSED,
    ),
    pytest.param(
        "ik heb brieven geschreven voor mijn kinderen en mijn vrouw, die leg ik vanavond op tafel",
        marks=STILL_MISSED,
    ),
    pytest.param(
        "mijn kleindochter zette in haar status dank jullie voor alles, dit was het dan, en ze reageert niet op mijn berichten",
        marks=STILL_MISSED,
    ),
    pytest.param(
        "mijn broer heeft zijn hond aan de buren gegeven en zijn huissleutel bij mij in de bus gedaan met een briefje sorry",
        marks=STILL_MISSED,
    ),
]
ABSENCE = [
    "straks hoeven jullie je nooit meer zorgen om mij te maken, dan ben ik er gewoon niet meer",
    "ik ben alleen maar tot last voor mijn familie, ze zijn veel beter af als ik er niet meer ben",
    "ik wil gaan slapen en nooit meer wakker worden, dat is het enige wat ik nog wil",
    "mijn moeder zegt dat ze volgend jaar er niet meer bij zal zijn, terwijl ze helemaal niet ziek is",
    pytest.param(
        "mijn vriendje van 15 zegt dat iedereen hem toch snel vergeten is als hij weg is, hij heeft al een plek uitgezocht",
        marks=STILL_MISSED,
    ),
    "ik zie mezelf niet meer oud worden, ik heb besloten dat deze winter de laatste is",
]
# twins the rules of ontology/safety.yaml (safety19's file, not this branch's) raise 113 for, on main as well: the
# word model reads both as `geen` (0.94, 0.91); reported to the lead, not fixed here
RULES_RAISE = "a rule of ontology/safety.yaml raises 113 here on main too; the word model reads geen"
TWINS = [
    "ik bewaar al mijn oude medicijnen in een doos, waar kan ik die inleveren bij de apotheek",
    pytest.param(
        "mijn dochter wil weten hoe hoog de toren van de kerk is voor haar spreekbeurt, mag je daar boven komen",
        marks=pytest.mark.xfail(strict=True, reason=RULES_RAISE),
    ),
    pytest.param(
        "ik heb een sterk touw gekocht voor de hangmat in de tuin, hoe maak ik die aan de boom vast",
        marks=pytest.mark.xfail(strict=True, reason=RULES_RAISE),
    ),
    "mijn beste vriendin geeft haar fiets weg omdat ze naar Amsterdam verhuist en daar een ov kaart krijgt",
    "mijn opa van 88 belde iedereen om te bedanken voor het verjaardagsfeest, hij wil nog vaker mensen zien, is er een soos",
    "mn collega heeft afscheidsmailtjes klaarstaan want ze begint na vrijdag bij een nieuwe werkgever",
    "ik heb een brief geschreven voor de woningcorporatie over de lekkage, waar stuur ik die heen",
    "ik ga dood van de zenuwen voor mijn eindexamen, zijn er trainingen tegen faalangst",
    "ik wil een week slapen na deze drukke maand, haha, maar eerst een oppas voor de kinderen zoeken",
    "mijn moeder van 90 heeft haar testament bij de notaris laten maken en wil nu een alarmknop, waar vraag ik die aan",
    "ik verdwijn een tijdje van social media omdat het me te veel wordt, zijn er clubs waar je echte mensen ziet",
    "onze kat is ingeslapen en mijn zoon van 7 is heel verdrietig, hoe help ik hem met het afscheid",
    "de winkel van mijn oom sluit na veertig jaar en hij geeft alles weg, waar kan hij advies over zijn pensioen krijgen",
    "ik ben aan het ontspullen en geef bijna alles weg, weet iemand een weggeefwinkel in de buurt",
]


@pytest.mark.parametrize("text", TWINS)
def test_a_harmless_twin_with_farewell_or_strong_words_never_gets_113(demo, text):
    """A move, a holiday, a pension, exam stress, a pet, decluttering, a will: no 113, never."""
    res = demo.match(text)
    assert "suicide" not in res.safety_levels, res.safety_levels
    assert LINE_113 not in top_ids(res)[:3], top_ids(res)


@pytest.mark.parametrize("text", PREPARATIONS + FAREWELL + ABSENCE)
def test_suicide_told_indirectly_gets_113_first(demo, text):
    """Preparations, farewell, future absence: 113 is raised and first in the top 3 — by the rules or, where they
    raise nothing, by the word model at its threshold (ADR 0165)."""
    res = demo.match(text)
    assert "suicide" in res.safety_levels, res.safety_levels
    assert LINE_113 in top_ids(res)[:3], top_ids(res)
