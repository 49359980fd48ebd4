"""tester12 F3, P05 and F7 (ADR 0138): who is typing, the register on every path, and a front door that says what is
true. The sentences are fix12's own (none is a tester's, a training sentence or a measured one): each danger of a
wrong "je"/"u" with its harmless twin.

- F3: a teenager who gives no age but names the school, the holidays or chat ("de hele klas", "zomervakantie", "mn")
  gets "je"; an adult on the phone, a parent about a child's class, a newcomer's years in a place keep "u". "2 jaar in
  aalten" is how long someone lives there, not a toddler (I11 got "je" and a theme of raising a child).
- P05: a professional who writes "IB'er basisschool: leerling groep 7 …" names a child's "groep 7"; a professional
  at work is an adult: "u" on the public page, the API and the CLI, and the API's `audience: professional` needs a
  professional's session.
- F7: when the word model placed the question, the page names the themes it understood; the front door under them
  says what is true of it (it helps with several things at once), not "Niet zeker waar uw vraag over gaat?".
"""

from __future__ import annotations

import pytest
from site_data import add_account, close_app, demo_app, login, public_page

from match import asker_age
from match.age_reading import AGE

# main 8189bc4 said "u" to the 1st, 4th, 5th and 6th; the 2nd and 3rd were "je" already (the model, the class cue)
YOUNG_NO_AGE = [
    "ik zit de hele zomervakantie binnen op mn mobiel, is er iets leuks te doen in aalten",
    "iemand heeft een foto van mij op snapchat gezet en nu lacht de hele klas me uit",
    "iedereen op school weet dat ik verliefd ben op een jongen, wat moet ik doen",
    "ik zit elke nacht tot 3 uur op tiktok en insta en ben overdag kapot, hoe stop ik daarmee",
    "ik ben verliefd op mn beste vriendin en weet niet of ik het moet zeggen",
    "in de zomervakantie verveel ik me dood, is er in aalten iets voor mij te doen",
]
ADULT_TWINS = [
    "ik ben gepensioneerd en zit de hele dag op mijn telefoon, is er iets te doen in aalten",
    "mijn dochter zegt dat de hele klas haar uitlacht om een foto op snapchat",
    "de hele school van onze zoon weet het al, hij wordt uitgelachen",
    "ik zit de hele dag op tiktok sinds ik met pensioen ben, mijn vrouw vindt het niks",
]
NEWCOMERS = [
    "ik kom uit syrie, 4 jaar in dinxperlo. ik zoek werk en taalles",
    "ik ben 5 jaar in nederland en wil beter nederlands leren",
]
PROFESSIONAL_HEADING = (
    "Jongerenwerker Dinxperlo: jongen uit groep 8, ouders gaan scheiden, wat is er voor hem?"
)
CHILD_WITH_JUF = "juf zegt dat ik in groep 8 slecht lees en mama is boos"
MODEL_ONLY = "ik ben de draad kwijt met mijn post"  # placed by the word model only (test_answer_register)


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("fix12"))
    yield app
    close_app(app)


def _api(site, text: str, **extra):
    return site.test_client().post("/api/v1/match", json={"text": text, "limit": 5, **extra})


def _register(site, text: str) -> str:
    whys = " ".join(r["why"] for r in _api(site, text).get_json()["results"])
    return "je" if " je " in f" {whys} " else "u"


@pytest.mark.parametrize("text", YOUNG_NO_AGE)
def test_f3_a_teenager_without_an_age_who_names_school_holidays_or_chat_gets_je(site, demo, text):
    assert demo.match(text, limit=3).register == "je"


@pytest.mark.parametrize("text", ADULT_TWINS + NEWCOMERS)
def test_f3_the_adult_twin_keeps_u(demo, text):
    assert demo.match(text, limit=3).register == "u"


@pytest.mark.parametrize("text", NEWCOMERS)
def test_f3_years_in_a_place_are_no_age_and_no_child_to_raise(demo, text):
    res = demo.match(text, limit=5)
    assert "opvoeden-opgroeien" not in [t["id"] for t in res.themes]
    assert "opvoeding" not in [t["id"] for t in res.themes]


def test_f3_residence_is_a_duration_but_a_childs_age_stays_an_age():
    yes = ["ik kom uit eritrea, 2 jaar in aalten", "ik ben 3 jaar in Nederland", "al 6 jaar in Dinxperlo"]
    no = ["mijn zoon van 5 jaar in groep 2", "een jongen van 14 jaar in Aalten", "hij is 4 jaar in de klas"]
    for text in yes + no:
        m = AGE.search(text)
        assert m is not None and asker_age.residence(text, *m.span()) == (text in yes), text


def test_p05_a_professional_heading_is_u_on_the_public_path_and_the_api(site, demo):
    assert demo.match(PROFESSIONAL_HEADING, limit=3).register == "u"
    assert _register(site, PROFESSIONAL_HEADING) == "u"
    assert demo.match(CHILD_WITH_JUF, limit=3).register == "je"  # "juf zegt …" is a child's sentence


def test_p05_the_api_audience_professional_needs_a_professional_session(site):
    assert _api(site, PROFESSIONAL_HEADING, audience="professional").status_code == 401
    assert _api(site, PROFESSIONAL_HEADING, audience="beheer").status_code == 400
    assert _api(site, PROFESSIONAL_HEADING, audience="public").status_code == 200


def test_p05_a_signed_in_professional_gets_the_professional_lines_over_the_api(site):
    client = site.test_client()
    login(client, add_account(site, "professional"))
    body = {"text": CHILD_WITH_JUF, "limit": 5, "audience": "professional"}
    resp = client.post("/api/v1/match", json=body)
    assert resp.status_code == 200
    whys = [r["why"] for r in resp.get_json()["results"]]
    assert whys and not any(" je " in f" {w} " for w in whys)
    public = client.post("/api/v1/match", json={**body, "audience": "public"}).get_json()["results"]
    assert any(" je " in f" {r['why']} " for r in public)  # the same words from a resident: a child's "je"


def test_p05_the_professional_matcher_never_says_je(demo):
    res = demo.match(CHILD_WITH_JUF, limit=5, audience="professional")
    assert res.register == "u"
    assert not any(" je " in f" {r['why']} " for r in res.results)


def test_f7_the_door_under_named_themes_does_not_say_not_sure(site, demo):
    res = demo.match(MODEL_ONLY, limit=5)
    assert res.themes and res.front_door
    door = res.results[0]["why"]
    assert "Niet zeker" not in door and "niet zeker" not in door
    assert door.startswith("Hier kunt u altijd terecht, ook met meer vragen tegelijk")
    text = public_page(site, MODEL_ONLY, "Aalten")
    assert "Niet zeker waar uw vraag over gaat" not in text
