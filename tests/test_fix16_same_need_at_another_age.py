"""The same need at 5, 16, 40 and 78 (held-out kind leeftijd; helper fix16, ADR 0160).

Loneliness, money, sport and learning told by or about a child, a teenager, an adult and an elder: the top 3 holds
a service for that age and none for another age, and no service that fits the age only (a youth health service for
a teenager's debts or sport). Our own wordings, committed before the change; the demo kaart (Aalten).
"""

from __future__ import annotations

import pytest
from builders import top_ids

YOUTH_HEALTH = {"svc-yunio-jgz", "svc-ggd-nog-jgz", "svc-huisartsen-poh-jeugd"}
YOUNG = {
    "svc-figulus-jeugd-jongerenwerk",
    "svc-aalten-ot-ondersteuning",
    "svc-aalten-ot-school-sportclub",
    "svc-scholen-po-signaleren",
    "svc-scholen-vo-samenwerking",
    "svc-samenwerkingsverband-po",
    "svc-samenwerkingsverband-vo",
    "svc-kinderopvang-aalten",
} | YOUTH_HEALTH
ELDER = {"svc-figulus-ouderenwerk", "svc-casemanager-dementie"}
SCHOOL = {
    "svc-scholen-po-signaleren",
    "svc-scholen-vo-samenwerking",
    "svc-samenwerkingsverband-po",
    "svc-samenwerkingsverband-vo",
    "svc-aalten-ot-school-sportclub",
}
MEET = {
    "svc-figulus-welzijnscoach",
    "svc-gemeenschapshuizen-ontmoeting",
    "svc-humanitas-vat",
    "svc-sensire-maatschappelijk-werk",
    "svc-vat-aalten-vraag-advies",
    "svc-aalten-brede-intake",
}
MONEY = {
    "svc-aalten-schuldhulpverlening",
    "svc-bfo-financiele-ondersteuning",
    "svc-aalten-bijzondere-bijstand",
    "svc-vat-aalten-vraag-advies",
    "svc-sensire-sociaal-raadslid",
    "svc-aalten-brede-intake",
}
SPORT = {"svc-sportief-meedoen-beweegmakelaar"}
BASICS = {"svc-bibliotheek-basisvaardigheden"}

CASES = [
    # loneliness
    ("Mijn zoontje van 5 heeft geen vriendjes en speelt altijd alleen", YOUNG, ELDER),
    ("ik ben 16 en voel me heel eenzaam, ik heb geen vrienden", {"svc-figulus-jeugd-jongerenwerk"}, ELDER),
    ("Ik ben 40 en sinds mijn scheiding voel ik me erg alleen", MEET, YOUNG | ELDER),
    ("Mijn moeder van 78 is eenzaam sinds papa overleden is", ELDER | MEET, YOUNG),
    # money
    (
        "mijn zoon van 5 wil op een sport, maar we hebben er geen geld voor",
        MONEY | SPORT,
        ELDER | YOUTH_HEALTH,
    ),
    ("ik ben 16 en heb schulden bij mijn telefoonabonnement", MONEY, ELDER | YOUTH_HEALTH),
    ("Ik ben 40 en heb schulden, de rekeningen stapelen zich op", MONEY, YOUNG | ELDER),
    ("mijn vader is 78 en kan zijn rekeningen niet meer betalen", MONEY, YOUNG),
    ("ik ben 16 en mijn ouders hebben geen geld voor mijn schoolspullen", MONEY, ELDER | YOUTH_HEALTH),
    # sport and moving
    (
        "ik ben 16 en wil graag sporten maar weet niet waar",
        SPORT | {"svc-figulus-jeugd-jongerenwerk"},
        ELDER | YOUTH_HEALTH,
    ),
    ("Ik ben 40 en wil weer gaan sporten, maar ik kom niet van de bank af", SPORT, YOUNG | ELDER),
    ("ik ben 78 en wil graag meer bewegen, is er een gymclub voor ouderen?", SPORT | ELDER, YOUNG),
    (
        "onze dochter van 5 moet meer bewegen zegt de dokter, waar kan ze sporten?",
        SPORT | {"svc-figulus-jeugd-jongerenwerk"},
        ELDER,
    ),
    # school and learning
    ("mijn kind van 5 kan nog niet goed praten en moet naar groep 2", YOUNG, ELDER),
    ("Ik ben 40 en wil mijn taal en rekenen verbeteren", BASICS, SCHOOL | ELDER),
    ("ik ben 78 en wil leren omgaan met de computer", BASICS, SCHOOL | YOUTH_HEALTH),
]


@pytest.mark.parametrize(("text", "fits", "other_age"), CASES)
def test_the_same_need_gets_the_service_for_that_age(demo, text, fits, other_age):
    top = top_ids(demo.match(text, near="Aalten", limit=6))
    assert fits & set(top), (text, top)
    assert not other_age & set(top), (text, top)
