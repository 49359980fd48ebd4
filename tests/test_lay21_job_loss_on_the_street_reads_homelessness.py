"""Lay open ones (issue 12, ADR 0167). "Ik sta op straat" after losing a job is the work and the income, not
homelessness; "ik sta op straat, ik heb geen dak" stays homelessness. And turning 18 ("ik word volgende maand 18")
is the steps of a young adult (insurance, allowances, money), not an adults' re-integration trajectory. Our own
wordings, committed before the change.
"""

from __future__ import annotations

import pytest
from builders import top_ids

DEMO_WORK = {
    "svc-aalten-participatieconsulent",
    "svc-laborijn-dienstverlening",
    "svc-werkcentrum-achterhoek",
    "svc-labowijzer-diagnostiek",
    "svc-aalten-bijzondere-bijstand",
    "svc-bfo-financiele-ondersteuning",
    "svc-sensire-sociaal-raadslid",
}
REGION_WORK = {
    "svc-werkcafe",
    "svc-re-integratie",
    "svc-bijzondere-bijstand",
    "svc-sociaal-team-aalten",
    "svc-formulierenhulp-aalten",
    "svc-schuldhulpverlening",
    "svc-geldmaatje",
}

JOB_LOST = [
    "ik ben mijn baan kwijt en sta nu op straat, hoe kom ik aan geld?",
    "Na twaalf jaar trouwe dienst sta ik op straat, reorganisatie. Wat nu?",
    "Ze hebben me ontslagen en nu sta ik op straat met twee kinderen en een hypotheek",
    "mijn contract werd niet verlengd dus ik sta per 1 januari op straat, waar vraag ik een uitkering aan",
    "Mijn man is na 25 jaar bij de fabriek op straat gezet, hij weet niet hoe hij aan werk moet komen",
    "ik sta op straat sinds het bedrijf failliet is, wie helpt me aan nieuw werk",
]
NO_ROOF = [
    "ik sta op straat, ik heb geen dak boven mijn hoofd en slaap in mijn auto",
    "mijn huisbaas heeft me eruit gezet, ik sta letterlijk op straat met mijn spullen",
    "mijn vriendin heeft me het huis uit gezet en nu sta ik op straat, waar kan ik vannacht slapen?",
]


@pytest.mark.parametrize("text", JOB_LOST)
def test_on_the_street_after_a_lost_job_is_work_and_income(demo, region, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert "dakloosheid" not in {t["id"] for t in res.themes}, (text, [t["id"] for t in res.themes])
    assert DEMO_WORK & set(top_ids(res)), (text, top_ids(res))
    rtop = top_ids(region.match(text, near="Aalten", limit=6))
    assert REGION_WORK & set(rtop), (text, rtop)
    assert "svc-maatschappelijke-opvang" not in rtop, (text, rtop)


@pytest.mark.parametrize("text", NO_ROOF)
def test_on_the_street_without_a_roof_stays_homelessness(region, text):
    rtop = top_ids(region.match(text, near="Aalten", limit=6))
    assert "svc-maatschappelijke-opvang" in rtop, (text, rtop)


TURNING_18 = [
    "over twee weken word ik 18, wat moet ik allemaal regelen?",
    "ik word in maart achttien en snap niks van zorgtoeslag en de zorgverzekering",
    "mijn dochter wordt volgende maand 18, moet zij nu zelf een zorgverzekering afsluiten?",
    "bijna 18 en ineens moet ik alles zelf doen, digid, bankrekening, help",
    "Als ik straks 18 word, krijg ik dan studiefinanciering of moet ik werken?",
    "ik word volgende week 18 en ik weet niet hoe dat zit met geld en verzekeringen",
]


@pytest.mark.parametrize("text", TURNING_18)
def test_turning_18_gets_the_steps_of_a_young_adult(region, text):
    rtop = top_ids(region.match(text, near="Aalten", limit=6))
    assert "svc-jongerenpunt-18" in rtop, (text, rtop)
    assert "svc-re-integratie" not in rtop, (text, rtop)
