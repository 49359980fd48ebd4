"""A professional's wish to consult ("met wie kan ik dit bespreken?") makes a meldcode consultation only with a cue of
harm or unsafety (home, neglect, abuse, a mark, fear): vaping, truancy, bad marks or bullying among pupils get the
ordinary youth and school help (tester20 BROKEN B7, helper safety21, ADR 0170). On /professional/ "Een leerling uit
mijn klas 2 vapet elke pauze op de wc, met wie kan ik dit bespreken?" got "Twijfelt u over de veiligheid van iemand?",
the level "Consultatie bij een vermoeden (meldcode)" and the aandachtsfunctionaris and Veilig Thuis first: the word
model read "leerling … bespreken" as a consultation.

Tested on the matcher, the API and the professional page. Sentences are our own, written before the code changed,
except the one marked as tester20's.
"""

from __future__ import annotations

from html import unescape

import pytest
from builders import VEILIG_THUIS, top_ids
from site_data import add_account, close_app, csrf_from, demo_app, login

CONSULT = {"svc-aalten-aandachtsfunctionaris-hg-km", "svc-veilig-thuis-consultatie", VEILIG_THUIS}
VAPING = "Een leerling uit mijn klas 2 vapet elke pauze op de wc, met wie kan ik dit bespreken?"

EVERYDAY = [
    # tester20's R-vaping-2-prof (docs/usertest/m12test20.md)
    VAPING,
    "Een leerling van mij spijbelt steeds vaker, met wie kan ik dat bespreken?",
    "Ik ben mentor van een meisje uit groep 8 dat slechte cijfers haalt, wie kan ik om advies vragen?",
    "In mijn klas wordt een jongen gepest door klasgenoten, bij wie kan ik hierover overleggen?",
    "een leerling van 14 rookt en vapet op het schoolplein, waar kan ik als docent terecht?",
    "Wij maken ons als school zorgen om een leerling die steeds blowt in de pauze, met wie kunnen we dit bespreken?",
    pytest.param(
        "Een leerling in mijn groep 7 zit de hele dag op zijn telefoon en let niet op, met wie kan ik dit bespreken?",
        marks=pytest.mark.xfail(
            reason="no need is read (a phone in class is in no list): without an everyday need the word model's "
            "consultation stands (ADR 0170; safety batch 7's floor lost a consultation when it did not)"
        ),
    ),
]

HARM = [
    "Een leerling uit mijn klas komt steeds met blauwe plekken op school, met wie kan ik dit bespreken?",
    "Een leerling vertelt dat ze thuis geslagen wordt, met wie kan ik overleggen?",
    "een leerling uit mijn klas 2 durft niet naar huis, met wie kan ik dit bespreken?",
    "Een leerling komt vaak zonder eten en in vieze kleren op school, bij wie kan ik overleggen?",
    "Een leerling vapet elke pauze en zegt dat hij bang is voor zijn vader, met wie kan ik dit bespreken?",
    "Ik heb een vermoeden van kindermishandeling bij een leerling, met wie kan ik overleggen?",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_a_pupils_everyday_trouble_is_no_meldcode_consultation(demo, text):
    res = demo.match(text, audience="professional")
    assert not {"consultatie", "onveilig-thuis"} & set(res.safety_levels), res.safety_levels
    assert not CONSULT & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize("text", HARM)
def test_a_pupil_with_a_cue_of_harm_keeps_the_meldcode_consultation(demo, text):
    res = demo.match(text, audience="professional")
    assert {"consultatie", "onveilig-thuis"} & set(res.safety_levels), res.safety_levels
    assert CONSULT & set(top_ids(res)), top_ids(res)


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("safety21"))
    yield app
    close_app(app)


def test_the_vaping_pupil_over_the_api_as_a_professional_gets_no_consultation(site):
    client = site.test_client()
    login(client, add_account(site, "professional"))
    resp = client.post("/api/v1/match", json={"text": VAPING, "limit": 5, "audience": "professional"})
    assert resp.status_code == 200
    body = resp.get_json()
    assert not body["signals"]["veiligheid"], body["signals"]
    assert not CONSULT & {r["service_id"] for r in body["results"][:3]}, body["results"][:3]


def test_the_vaping_pupil_on_the_professional_page_gets_no_meldcode_box(site):
    client = site.test_client()
    login(client, add_account(site, "professional"))
    form = client.get("/professional/")
    resp = client.post("/professional/", data={"situatie": VAPING, "csrf_token": csrf_from(form.text)})
    page = unescape(resp.text)
    assert resp.status_code == 200
    assert "Consultatie bij een vermoeden" not in page
    assert "Twijfelt u over de veiligheid" not in page
    assert "Aandachtsfunctionaris huiselijk geweld" not in page


def test_a_pupil_with_bruises_on_the_professional_page_keeps_the_consultation(site):
    client = site.test_client()
    login(client, add_account(site, "professional"))
    form = client.get("/professional/")
    resp = client.post("/professional/", data={"situatie": HARM[0], "csrf_token": csrf_from(form.text)})
    page = unescape(resp.text)
    assert "Aandachtsfunctionaris huiselijk geweld" in page
