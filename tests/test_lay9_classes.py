"""The need classes independent people found on main (issue 12 points 1, 2 and 4; docs/usertest/m12test11.md
B4/F4, F5, F7 and docs/usertest/questions7-dev-failures.md classes E, H, I, J; ADR 0135). Sentences of our own, never
the testers' or the dev questions' texts; each class with a control that keeps its old answer.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

DEMENTIA_HELP = {"svc-casemanager-dementie", "svc-huisartsen-poh", "svc-figulus-ouderenwerk"}
OLDER_CONTACT = {"svc-figulus-ouderenwerk", "svc-humanitas-vat", "svc-gemeenschapshuizen-ontmoeting"}
FRONT_DOOR = "svc-aalten-brede-intake"


# E / F4. Very old people told without the theme word: night-time confusion told as what a neighbour saw.
@pytest.mark.parametrize(
    "text",
    [
        "mijn buurvrouw van 92 liep om 2 uur 's nachts in haar ochtendjas buiten en kon haar huis niet meer"
        " vinden. wat moet ik doen?",
        "de oude meneer naast ons (95) belde vannacht om half vier bij ons aan, hij dacht dat het ochtend was",
        "tante Riek is 91 en werd door de politie thuisgebracht, ze wist niet meer waar ze woonde",
    ],
)
def test_night_time_confusion_of_a_very_old_neighbour_gets_dementia_help_not_the_front_door_alone(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res)
    assert "dementie" in themes_of(res), (text, res.themes)
    assert top[0] != FRONT_DOOR, (text, top)
    assert len(DEMENTIA_HELP & set(top)) >= 2, (text, top)
    assert not res.signals["veiligheid"] and not res.signals["crisis"], text


@pytest.mark.parametrize(
    "text",
    [
        "ik weet niet meer waar ik moet beginnen met al die brieven",
        "ik kan 's nachts niet slapen van de zorgen om mijn zoon",
        "mijn dochter van 16 weet niet meer waar ze het zoeken moet op school",
    ],
)
def test_control_not_knowing_where_to_start_or_a_sleepless_night_is_no_dementia(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "dementie" not in themes_of(res), (text, res.themes)


# E / F4. Loneliness of the very old told as waiting for a visit or talking to the radio.
@pytest.mark.parametrize(
    "text",
    [
        "opa van 94 zit iedere zaterdag bij het raam te wachten of er iemand op bezoek komt",
        "ik ben 87, mijn dochter komt één keer per maand, verder praat ik de hele dag tegen de tv",
    ],
)
def test_a_very_old_person_waiting_for_a_visit_is_loneliness_with_ouderenwerk_first(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res)
    assert "eenzaamheid" in themes_of(res), (text, res.themes)
    assert top[0] == "svc-figulus-ouderenwerk", (text, top)
    assert FRONT_DOOR not in top, (text, top)


# I. A grandparent's activity with the grandchildren is a place to meet and do things, not childcare.
CHILDCARE = {"svc-kinderopvang-aalten", "svc-gemeente-aalten-smi"}


@pytest.mark.parametrize(
    "text",
    [
        "is er in IJzerlo iets waar ik op vrijdagmiddag met mijn kleinkinderen spelletjes kan doen?",
        "ik wil graag met mijn kleinzoon op zaterdag ergens samen kleien of knutselen in Bredevoort",
    ],
)
def test_a_grandparents_afternoon_with_the_grandchildren_is_no_childcare(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res)
    assert not CHILDCARE & set(top), (text, top)
    assert "kinderopvang" not in themes_of(res), (text, res.themes)
    assert "svc-gemeenschapshuizen-ontmoeting" in top_ids(res, 5), (text, top_ids(res, 5))


def test_control_a_grandparent_who_looks_after_the_grandchildren_still_asks_about_opvang(demo):
    res = demo.match("wij passen elke woensdag op onze kleinkinderen, is er opvang als wij op vakantie gaan?")
    assert "kinderopvang" in themes_of(res)


# F7. "mentor" as a legal guardian is no school; the school sense stays with a pupil or a school word.
SCHOOL = {"svc-scholen-po-signaleren", "svc-scholen-vo-samenwerking", "svc-samenwerkingsverband-po"}


@pytest.mark.parametrize(
    "text",
    [
        "mijn zus is mentor van onze vader sinds hij in het verpleeghuis zit en zij regelt zijn geld",
        "mijn broer is als mentor aangesteld voor mijn moeder met dementie, wat mag hij beslissen?",
    ],
)
def test_a_mentor_for_a_parent_is_no_school_question(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "onderwijs" not in themes_of(res), (text, res.themes)
    assert not SCHOOL & set(top_ids(res)), (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "de mentor van mijn dochter belde dat ze vaak te laat komt",
        "mijn mentor zegt dat ik een bijlesplan moet maken",
    ],
)
def test_control_a_pupils_mentor_stays_a_school_matter(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "onderwijs" in themes_of(res), (text, res.themes)


# H / F7. A labour migrant is no refugee: work and a roof, not vluchtelingenwerk first.
def test_a_labour_migrant_who_loses_job_and_agency_bed_gets_no_refugee_help_first(demo):
    res = demo.match(
        "ik ben een arbeidsmigrant uit Roemenië en werk via een uitzendbureau. ik ben ontslagen en nu moet ik ook"
        " mijn bed in het huis van het bureau uit. wat nu?",
        near="Aalten",
        limit=5,
    )
    top = top_ids(res)
    assert "svc-figulus-vluchtelingenwerk" not in top, top
    assert "inburgering-taal" not in themes_of(res), res.themes
    assert "woningaanpassing" not in themes_of(res), res.themes


def test_control_a_refugee_who_asks_about_inburgering_still_gets_vluchtelingenwerk(demo):
    res = demo.match("wij zijn gevlucht uit Syrië en hebben net een status, hoe moeten we inburgeren?")
    assert "svc-figulus-vluchtelingenwerk" in top_ids(res)
