"""A confused old person who wanders at night is in danger, but not of abuse: "Mijn vader van 80 liep vannacht in
zijn pyjama over de provinciale weg en wist niet meer waar hij woonde. Hij woont alleen." got no safety note, and
"Mijn opa van 86 stond vannacht buiten in de kou en wist niet waar hij was" got Veilig Thuis first (tester24 d06
and probes, class C). Wanted: a proportionate note of its own (the huisarts today, the casemanager dementie or
the lokale team; 112 only when he is missing now) and the dementia help on top; never Veilig Thuis unless someone
harms him, and no 113 or 112 card on top. The note is a message of the answer, not a safety level: ADR 0106 keeps
the wandering neighbour a care question with no safety signal (tests/test_match.py, tests/test_safety_kinds.py);
the first version of this test asked for a level `dwalen` and was changed to the message before the code. Missing now ("is weggelopen en we kunnen hem niet
vinden") keeps 112 first. An evening walk or lost keys raise nothing.

Sentences are our own (helper safety24, ADR 0183), written before the code changed.
"""

from __future__ import annotations

import pytest
from builders import top_ids

VT = {"svc-veilig-thuis-advies-melden", "svc-veilig-thuis"}
ALARM = {"svc-112-alarmnummer", "svc-alarmnummer-112"}
CRISIS = VT | ALARM | {"svc-113-hulplijn", "svc-hulplijn-113", "svc-crisisdienst-ggz"}
DEMENTIA = {
    "svc-casemanager-dementie",
    "svc-casemanagement-dementie",
    "svc-huisartsen-poh",
    "svc-ontmoetingscentrum-dementie",
    "svc-figulus-ouderenwerk",
    "svc-ouderenadviseur",
    "svc-dementiecafe",
}


@pytest.fixture(params=["demo", "region"], scope="module")
def kaart(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn vader van 80 liep vannacht in zijn pyjama over de provinciale weg en wist niet meer waar hij woonde. Hij woont alleen.",
        "Mijn vader dwaalt 's nachts op straat en weet niet meer waar hij is",
        "Mijn opa van 86 stond vannacht buiten in de kou en wist niet waar hij was",
        "mn oma (91) is gisteravond verdwaald in het dorp, de buren hebben haar thuisgebracht. ze woont alleen",
        "Mijn moeder met alzheimer gaat 's nachts naar buiten en kan de weg terug niet meer vinden.",
        "de politie bracht mijn schoonvader van 83 vannacht thuis, hij liep verward op de rotonde",
        "Mijn buurman van 88 loopt 's nachts in zijn ondergoed over straat en weet niet waar hij woont.",
    ],
)
def test_a_confused_elder_wandering_gets_a_note_and_dementia_help_not_veilig_thuis(kaart, text):
    res = kaart.match(text)
    assert "onveilig-thuis" not in res.safety_levels, (res.safety_levels, top_ids(res))
    assert not res.safety_levels, (res.safety_levels, top_ids(res))
    assert not CRISIS & set(top_ids(res)), top_ids(res)
    assert DEMENTIA & set(top_ids(res)), top_ids(res)
    note = " ".join(res.messages)
    assert "huisarts" in note and "112" in note and "casemanager dementie" in note, res.messages


@pytest.mark.parametrize(
    "text",
    [
        "Mijn moeder met dementie is vanavond weggelopen en we kunnen haar niet vinden",
        "opa is sinds vanmiddag zoek, hij is dement en we kunnen hem nergens vinden",
        "Mijn vader van 84 is vannacht de deur uit gegaan en nu is hij vermist, de politie zoekt al",
    ],
)
def test_a_confused_elder_missing_now_gets_112_first(kaart, text):
    res = kaart.match(text)
    assert "acuut-gevaar" in res.safety_levels, (res.safety_levels, top_ids(res))
    assert top_ids(res)[:1] and top_ids(res)[0] in ALARM, top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "mijn opa loopt elke avond een rondje door de wijk",
        "Mijn moeder van 82 vergeet soms waar ze haar sleutels heeft gelegd.",
        "mijn vader van 79 wandelt 's avonds graag buiten met de hond, is er een wandelclub?",
        "Oma gaat 's nachts vaak naar de wc en is bang om te vallen in het donker.",
        "mijn buurman van 85 zit 's avonds buiten op het bankje en kletst met iedereen",
        "ik ben 80 en verdwaal soms in de nieuwe supermarkt, haha. Waar vind ik een boodschappenhulp?",
    ],
)
def test_an_old_persons_walk_or_lost_keys_raise_nothing(kaart, text):
    res = kaart.match(text)
    assert not res.safety_levels, (res.safety_levels, top_ids(res))
    assert not any("112" in m for m in res.messages), res.messages
    assert not CRISIS & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn broer zet onze demente vader 's nachts buiten de deur als hij lastig is.",
        "mijn oom sluit opa van 87 buiten in de kou als hij verward is, en slaat hem",
        "De zoon van de buurvrouw (84) scheldt haar uit en laat haar 's nachts buiten staan.",
    ],
)
def test_an_elder_put_out_by_someone_keeps_veilig_thuis(kaart, text):
    res = kaart.match(text)
    assert "onveilig-thuis" in res.safety_levels or "acuut-gevaar" in res.safety_levels, res.safety_levels
    assert VT & set(top_ids(res)), top_ids(res)
