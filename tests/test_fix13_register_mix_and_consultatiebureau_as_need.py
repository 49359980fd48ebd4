"""tester13 class D and E, and fix12's leftover (ADR 0140), with fix13's own sentences (none is a tester's, a
training sentence or a measured one): each failure next to its harmless twin.

- D, one register per writer: a teacher who heads a note "Leerling in groep 6 …" names the pupil's "groep", not
  their own: "u". A child who writes "ik zit in groep 6" keeps "je". On a "je" page our own lines say "je" too: the
  front door's line ("hier kun je altijd terecht met je vraag") and the place line; service descriptions are the
  organisations' own words and stay as they are.
- E: the consultatiebureau where a professional works is the scene, not a need of growing up; a parent who goes
  there keeps it. A birth is no illness that makes a carer. At least one consultation route stays in the top 3 for
  a professional's doubt. (Capping the routes at two in the top 3 was tried and left out: ADR 0140.)
- fix12's leftover: a teenager whose question only the word model placed gets the youth help first and the
  gemeente's front door (the adult intake) right after it; an adult twin keeps the door first.
"""

from __future__ import annotations

import re

import pytest
from site_data import close_app, demo_app, public_page

CONSULT = {  # tests/eval/hulpvragen.yaml routes.consultatie (aalten-demo)
    "svc-veilig-thuis-consultatie",
    "svc-aalten-aandachtsfunctionaris-hg-km",
    "svc-veilig-thuis-advies-melden",
}
DOOR = "svc-aalten-brede-intake"

TEACHER_NOTES = [
    "Leerling in groep 6 zit vaak alleen in de pauze en eet niet, ik maak me zorgen. Met wie kan ik overleggen?",
    "Deze leerling uit klas 2 komt steeds te laat en lijkt bang voor thuis, wie kan ik raadplegen?",
]
CHILD_TWIN = "ik zit in groep 6 en zit vaak alleen in de pauze, niemand wil met me spelen"
YOUNG_PAGES = [
    "ik voel me de hele tijd rot en mn ouders snappen er niks van",
    CHILD_TWIN,
]
ROUTES_ONLY = "Als huisarts vermoed ik dat een kind thuis geslagen wordt. Met wie overleg ik?"
YOUNG_GUESSED = "ik voel me de hele tijd rot en mn ouders snappen er niks van"


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("fix13"))
    yield app
    close_app(app)


@pytest.mark.parametrize("text", TEACHER_NOTES)
def test_d_a_teacher_naming_a_pupils_groep_is_u(demo, text):
    res = demo.match(text, limit=5)
    assert res.register == "u"
    assert not any(re.search(r"\bje\b", r["why"]) for r in res.results)


def test_d_the_child_twin_who_is_in_groep_6_keeps_je(demo):
    assert demo.match(CHILD_TWIN, limit=5).register == "je"


@pytest.mark.parametrize("text", YOUNG_PAGES)
def test_d_a_je_page_says_je_on_our_own_lines(site, demo, text):
    assert demo.match(text, limit=5).register == "je"
    page = public_page(site, text)
    assert "hier kunt u altijd terecht met uw vraag" not in page
    assert "Woont u ergens anders" not in page
    assert "Hulp bij je vraag" in page


def test_d_the_front_door_line_is_je_on_a_je_page_and_u_for_an_adult(site):
    young = public_page(site, YOUNG_GUESSED)
    adult = public_page(site, "ik voel me de hele tijd rot en mijn man snapt er niks van")
    assert "hier kun je altijd terecht met je vraag" in young
    assert "hier kunt u altijd terecht met uw vraag" in adult


def _ids(res, n=3):
    return [r["service_id"] for r in res.results[:n]]


def test_e_without_other_fitting_help_a_route_stays_in_the_top3(demo):
    res = demo.match(ROUTES_ONLY, limit=10, audience="professional")
    assert CONSULT.intersection(_ids(res))


def test_leftover_a_teenager_gets_youth_help_before_the_adult_intake(demo):
    res = demo.match(YOUNG_GUESSED, limit=5)
    assert res.register == "je" and res.front_door
    top = _ids(res)
    assert top[0] != DOOR and DOOR in top


def test_leftover_the_adult_twin_keeps_the_front_door_first(demo):
    res = demo.match("ik voel me de hele tijd rot en mijn man snapt er niks van", limit=5)
    assert res.register == "u"
    if res.front_door:
        assert _ids(res)[0] == DOOR


# E, t13-21's class: the professional's place of work is the scene, not the need. fix13's own sentences.
AT_WORK = [  # (question, a need that must stay, a service for it that must be in the answer's first 10)
    (
        "Op het consultatiebureau zag ik vandaag een moeder die sinds de bevalling erg somber is en nauwelijks naar "
        "haar baby kijkt. Met wie kan ik overleggen?",
        "psychische-klachten",
        "svc-huisartsen-poh",
    ),
    (
        "Bij ons op het consultatiebureau komt een vader met flinke schulden, de huur is niet betaald. "
        "Wie kan ik erbij halen?",
        "schulden",
        "svc-aalten-schuldhulpverlening",
    ),
]
CONSULTATIEBUREAU_ASKED = [  # the consultatiebureau as the question: the need of growing up stays
    "Ik moet met mijn baby naar het consultatiebureau maar ik durf niet goed",
    "Op het consultatiebureau zeiden ze dat mijn zoontje van 2 weinig praat, waar kan ik heen?",
]


@pytest.mark.parametrize(("text", "need", "service"), AT_WORK)
def test_e_the_consultatiebureau_where_a_professional_works_is_no_need(demo, text, need, service):
    res = demo.match(text, limit=10, audience="professional")
    themes = [t["id"] for t in res.themes]
    assert "opvoeden-opgroeien" not in themes and need in themes
    assert service in _ids(res, 10)  # the help for the need is in the answer, not pushed out by a setting


@pytest.mark.parametrize("text", CONSULTATIEBUREAU_ASKED)
def test_e_a_parent_going_to_the_consultatiebureau_keeps_the_need(demo, text):
    assert "opvoeden-opgroeien" in [t["id"] for t in demo.match(text, limit=5).themes]
