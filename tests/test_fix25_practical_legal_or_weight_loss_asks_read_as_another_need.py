"""tester25 N-M, N-E and N-G (docs/usertest/m12test25.md BROKEN 6-8; helper fix25, ADR 0188): the ask read as
another need. A task to do online with "ik kan niet goed met de computer" got only the Wijkagent (no digital help);
"wie kan voor mij bellen?" from a deaf writer got health cards only; a volmacht or levenstestament for later got
money-trouble cards (Bijzondere bijstand, Schuldhulpverlening); an old person who eats almost nothing and grows thin
got welfare only, no huisarts or wijkverpleging. Twins: a plain theft keeps the Wijkagent first, debts keep the debt
help, money taken under a volmacht is a danger, a wish to lose weight keeps the beweegmakelaar, a meal service
keeps household help.

Sentences of our own, written before the change, except NM-1, NM-2, F-1 and NG-2 (tester25's, quoted as regression
cases) and the probe "Mijn moeder van 88 eet bijna niks meer en valt erg af." from the same report.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

DIGITAL = "svc-bibliotheek-basisvaardigheden"
PRACTICAL = {
    "svc-figulus-welzijnscoach",
    "svc-figulus-ouderenwerk",
    "svc-mee-clientondersteuning",
    "svc-sensire-sociaal-raadslid",
    "svc-sensire-maatschappelijk-werk",
}
MONEY_TROUBLE = {
    "svc-aalten-bijzondere-bijstand",
    "svc-aalten-schuldhulpverlening",
    "svc-bfo-financiele-ondersteuning",
}
HEALTH = {"svc-huisartsen-poh", "svc-wijkverpleging"}

ONLINE = [
    # tester25 NM-1
    "Mijn fiets is gestolen en ik moet aangifte doen, maar ik kan niet goed met de computer. Wie helpt mij?",
    "Ik moet online aangifte doen van een inbraak in mijn schuur, maar ik weet niet hoe dat moet op de computer.",
    "Ik ben 74 en er is geld van mijn rekening gehaald. De politie zegt dat ik het via internet moet melden, maar "
    "daar snap ik niks van.",
]
CALL = [
    # tester25 NM-2
    "Ik ben doof en moet de huisarts bellen voor een afspraak. Wie kan voor mij bellen?",
    "Ik ben slechthorend en kan niet goed telefoneren. Wie kan de tandarts voor mij bellen om een afspraak te maken?",
    "Mijn moeder is doof en moet de gemeente bellen over haar pas, maar dat lukt haar niet. Kan iemand dat voor haar "
    "doen?",
]
PAPERS = [
    # tester25 F-1
    "Ik wil een volmacht regelen voor mijn bankzaken, voor het geval ik later vergeetachtig word.",
    "Mijn vader van 79 wil dat ik zijn bankzaken mag doen als het later niet meer gaat. Hoe regelen we een volmacht?",
    "Ik ben 70 en wil een levenstestament laten maken, wie kan mij uitleggen hoe dat werkt en wat het kost?",
    "Mijn moeder kan haar geldzaken niet meer overzien door haar geheugen. Moeten we bewind of mentorschap aanvragen "
    "en hoe gaat dat?",
]
THIN = [
    "Mijn moeder van 88 eet bijna niks meer en valt erg af.",
    # tester25 NG-2
    "Mijn buurman van 79 woont alleen en eet elke dag alleen soep uit blik. Hij is erg mager geworden.",
    "Mijn opa van 91 is de laatste maanden heel dun geworden, zijn broek zakt af en hij zegt dat hij geen trek heeft.",
    "Sinds mijn vader van 85 alleen woont, kookt hij niet meer. Hij is in een paar maanden zeker tien kilo "
    "afgevallen en hij is steeds moe.",
]


@pytest.mark.parametrize("text", ONLINE)
def test_a_task_online_without_computer_skills_gets_digital_help(demo, text):
    top = top_ids(demo.match(text, limit=10))
    assert DIGITAL in top, (text, top)


def test_twin_a_plain_theft_keeps_the_wijkagent_first(demo):
    top = top_ids(demo.match("Mijn fiets is gestolen, waar doe ik aangifte?", limit=10))
    assert top[0] == "svc-politie-wijkagent" and DIGITAL not in top, top


@pytest.mark.parametrize("text", CALL)
def test_a_call_the_writer_cannot_make_gets_practical_help(demo, text):
    top = top_ids(demo.match(text, limit=10))
    assert PRACTICAL & set(top), (text, top)


@pytest.mark.parametrize("text", PAPERS)
def test_legal_papers_for_later_get_no_money_trouble_cards(demo, text):
    res = demo.match(text, limit=10)
    top = top_ids(res)
    assert not MONEY_TROUBLE & set(top), (text, top)
    assert "svc-sensire-sociaal-raadslid" in [r["service_id"] for r in res.results[:4]], (text, top)


def test_twin_debts_keep_the_debt_help_first(demo):
    top = top_ids(
        demo.match("Ik heb schulden bij de bank en kan mijn rekeningen niet meer betalen.", limit=10)
    )
    assert top[0] == "svc-aalten-schuldhulpverlening", top


def test_twin_money_taken_under_a_volmacht_is_a_danger(demo):
    text = "Mijn vader heeft een volmacht gegeven aan de buurman en nu verdwijnt er geld van zijn rekening."
    top = top_ids(demo.match(text, limit=10))
    assert top[0] == VEILIG_THUIS, top


@pytest.mark.parametrize("text", THIN)
def test_an_old_person_growing_thin_gets_the_huisarts_or_wijkverpleging(demo, text):
    top = top_ids(demo.match(text, limit=10))
    assert HEALTH & set(top), (text, top)


def test_twin_a_wish_to_lose_weight_keeps_the_beweegmakelaar_first(demo):
    top = top_ids(demo.match("Ik ben 60 en wil graag afvallen, is er een beweeggroep in Aalten?", limit=10))
    assert top[0] == "svc-sportief-meedoen-beweegmakelaar", top


def test_twin_a_meal_service_keeps_household_help(demo):
    text = "Mijn moeder van 80 kookt niet graag meer, is er ergens een maaltijdservice?"
    top = top_ids(demo.match(text, limit=10))
    assert not HEALTH & set(top), top
