"""tester15 t15-13 as a class (ADR 0152): an English question ("our 5 year old refuses to sleep in his own bed, where
can we get parenting advice?") read no need at all and got the front door plus the Werkcentrum, found by a word.
English content words of the everyday topics (sleep, eating, school, money, rent, loneliness, care, work, doctor)
are read as their Dutch word by the thesaurus, the need rules and the word search (words.yaml `lay_english`, match/laywords.py).
A word that is also a Dutch word ("rent": runs) is read as English only in a text that is not Dutch. The twins:
Dutch sentences with such a word keep their Dutch sense. Sentences of our own, written before the change.
"""

from __future__ import annotations

import pytest
from builders import top_ids

PARENTING = {
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-yunio-home-start",
    "svc-inhuis-steungezin",
    "svc-aalten-jeugdconsulent",
    "svc-aalten-ot-ondersteuning",
}
MONEY = {
    "svc-aalten-schuldhulpverlening",
    "svc-bfo-financiele-ondersteuning",
    "svc-aalten-bijzondere-bijstand",
    "svc-sensire-sociaal-raadslid",
}
LONELY = {
    "svc-humanitas-vat",
    "svc-figulus-ouderenwerk",
    "svc-gemeenschapshuizen-ontmoeting",
    "svc-figulus-welzijnscoach",
    "svc-vrijwilligerspunt",
    "svc-figulus-vluchtelingenwerk",
    "svc-de-woonplaats-welkomstgesprek",
}
CARE = {
    "svc-figulus-mantelzorgondersteuning",
    "svc-aalten-wmo-consulent",
    "svc-wijkverpleging",
    "svc-casemanager-dementie",
    "svc-academie-vrijwilligers-mantelzorgers",
}
WORK = {
    "svc-werkcentrum-achterhoek",
    "svc-aalten-participatieconsulent",
    "svc-laborijn-dienstverlening",
    "svc-talentverbinders-meedoen",
}
DOCTOR = {"svc-huisartsen-poh", "svc-wijkverpleging"}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "We just moved to Aalten and our 5 year old refuses to sleep in his own bed. "
            "Where can we get parenting advice?",
            PARENTING,
        ),
        ("My toddler won't eat anything except pasta, who can give us advice?", PARENTING),
        ("Our daughter of 3 has terrible tantrums every day and we are exhausted", PARENTING),
        ("I have debts and I cannot pay my rent this month", MONEY),
        ("I am new here and I feel very lonely, where can I meet people?", LONELY),
        ("I take care of my husband who has dementia and I am exhausted", CARE),
        ("I lost my job and I am looking for work", WORK),
        ("I need a doctor, I have had pain in my back for weeks", DOCTOR),
    ],
)
def test_an_english_question_reads_its_everyday_need(demo, text, wanted):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res, 3)
    assert wanted & set(top), (text, top, [t["id"] for t in res.themes])


@pytest.mark.parametrize(
    ("text", "not_theme"),
    [
        ("Mijn zoon rent elke dag weg van school en ik weet niet waarom", "huur"),
        ("Hij rent steeds de straat op zonder te kijken", "huur"),
    ],
)
def test_twin_a_dutch_word_that_is_also_english_keeps_its_dutch_sense(demo, text, not_theme):
    res = demo.match(text, near="Aalten", limit=5)
    assert not any(not_theme in t["id"] for t in res.themes), (text, res.themes)
