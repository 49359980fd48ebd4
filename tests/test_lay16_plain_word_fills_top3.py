"""tester15 class D as a class (ADR 0152): rows found only by a plain word of the question filled the top 3.
"Mijn schoonmoeder komt elke dag langs" brought the Welkomstgesprek for new residents ("komt"), "Mijn zus staat
steeds op de stoep" the household help ("staat"), "ik ben 11 en alles is stom en ik weet niet wat ik moet doen"
Vluchtelingenwerk and client support ("weet"). A light verb or a quantifier names no need: a word-only hit must come
from a word that can (words.yaml `plain-words`). A young writer with no
need read gets the front door and the youth help that exists, not a random hit. The twins: a question whose own
need words find that service keeps it. Sentences of our own, written before the change.
"""

from __future__ import annotations

import pytest
from builders import top_ids

DOOR = "svc-aalten-brede-intake"
NOISE = {
    "svc-de-woonplaats-welkomstgesprek",
    "svc-aalten-huishoudelijke-hulp",
    "svc-figulus-vluchtelingenwerk",
    "svc-mee-clientondersteuning",
    "svc-raad-voor-de-kinderbescherming",
    "svc-werkcentrum-achterhoek",
    "svc-talentverbinders-meedoen",
}
YOUTH = {
    "svc-figulus-jeugd-jongerenwerk",
    "svc-aalten-jeugdconsulent",
    "svc-huisartsen-poh-jeugd",
    "svc-aalten-ot-school-sportclub",
    "svc-aalten-ot-ondersteuning",
    "svc-jeugdstem-vertrouwenspersoon",
}


@pytest.mark.parametrize(
    "text",
    [
        "Mijn schoonmoeder komt elke dag langs en ik word er gek van.",
        "Mijn zus staat steeds onaangekondigd op de stoep, ik word er horendol van.",
        # passes since session 13 (fix21 keeps the Welkomstgesprek, a card for new residents, out of the top 3)
        "Onze buurvrouw staat elke ochtend bij onze voordeur te roken en dat stinkt.",
        "Ik weet niet meer wat ik moet doen met mijn schoonvader die alles beter weet.",
        "Mijn tante komt vaak logeren en zit dan de hele dag op de bank.",
        "Mijn zwager kwam gisteren weer onverwacht langs en bleef tot middernacht.",
        "mijn schoonfamilie komt elk weekend logeren, hoe zeg ik dat ze minder vaak moeten komen",
    ],
)
def test_a_plain_word_brings_no_service_into_the_top3(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res, 3)
    assert not NOISE & set(top), (text, top, res.themes)


@pytest.mark.parametrize(
    "text",
    [
        "ik ben 11 en alles is stom en ik weet niet wat ik moet doen",
        "ik ben 12 en ik weet gewoon niet wat ik moet doen, alles gaat mis",
        "ik ben 13 en alles is kut en niemand snapt het",
        "ik ben 10 en ik weet niet wat ik moet doen",
        "ik ben 14 en het gaat gewoon niet en ik weet niet wat ik wil",
        "ik ben 15 en alles voelt zo stom, ik weet het niet meer",
    ],
)
def test_a_young_writer_with_no_need_read_gets_the_door_and_youth_help(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res, 3)
    assert not NOISE & set(top), (text, top, res.themes)
    if not res.themes:
        assert top[0] == DOOR and YOUTH & set(top), (text, top)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Wij zijn net in Aalten komen wonen, waar kunnen we kennismaken met de gemeente?",
            "svc-de-woonplaats-welkomstgesprek",
        ),
        (
            "Ik ben gevlucht uit Syrië en woon sinds kort in Aalten, wie helpt mij hier op weg?",
            "svc-figulus-vluchtelingenwerk",
        ),
        (
            "Ik kan mijn huis niet meer schoonhouden, wie kan helpen met stofzuigen en poetsen?",
            "svc-aalten-huishoudelijke-hulp",
        ),
    ],
)
def test_twin_a_need_word_still_finds_its_service(demo, text, wanted):
    res = demo.match(text, near="Aalten", limit=5)
    assert wanted in top_ids(res, 3), (text, top_ids(res, 5), res.themes)
