"""m12test20 "Place messages" (t20-28, issue 12 point 8; ADR 0175): a widower of 79 in IJzerlo who asks help with
his tablet for himself got "Uw kinderen woont in Utrecht, buiten de gemeente Aalten. Voor hulp in Utrecht kunt u
ook kijken bij de gemeente daar." His children live in Utrecht, but the need is his: the note does not matter, and
it sends him to another gemeente. A note about a relative's town only when the need is that relative's (who the
asking sentence or the relative's own clause is about); the writer's own kern stays the place. Sentences of our
own (young and old writers, one and several sentences, typos), each with a twin where the need is the relative's.
"""

from __future__ import annotations

import pytest
from site_data import close_app, demo_app, public_page
from test_places22_uw_kinderen_woont import notes_on_page

# (text, the place the distances are measured from, or None): the need is the writer's own
WRITERS_OWN_NEED = [
    (
        "Ik ben 81 en woon alleen in IJzerlo. Mijn kinderen wonen in Utrecht en bellen op zondag. Ik zou graag "
        "iemand hebben die me helpt met mijn telefoon.",
        "IJzerlo",
    ),
    (
        "Mijn dochter woont in Amsterdam en komt eens per maand. Ik woon in Bredevoort en voel me erg eenzaam.",
        "Bredevoort",
    ),
    ("mijn zoon woont in Arnhem maar ik heb zelf schulden en weet niet waar ik moet beginnen", None),
    (
        "Mijn ouders wonen in Winterswijk. Zelf woon ik in Dinxperlo en ik zoek hulp bij mijn administratie.",
        "Dinxperlo",
    ),
    (
        "mijn kinderen wonen in Utrecht. ik ben 80 en kan niet meer goed lopen, wie helpt mij met boodschappen",
        None,
    ),
    ("mijn broer woont in Groenlo bij mijn vader. ik word gepest op school en durf niet meer", None),
    ("Mijn zus woont in Doetinchem en belt elke dag. Ik heb hulp nodig bij het huishouden.", None),
]
# the twins: the same families, the need is the relative's (the note stays)
THEIR_NEED = [
    ("Mijn moeder woont in Winterswijk en kan niet meer alleen douchen.", "moeder", "Winterswijk"),
    ("Mijn kinderen wonen in Utrecht. Ze hebben schulden, wie kan hen helpen?", "kinderen", "Utrecht"),
    (
        "Ik woon in IJzerlo en mijn zoon woont in Arnhem. Hij drinkt te veel, waar kan hij terecht?",
        "zoon",
        "Arnhem",
    ),
    ("mijn broer woont in Groenlo en wordt gepest op zijn werk", "broer", "Groenlo"),
    ("Mijn vader woont in Doetinchem. Wie kan hem helpen met zijn post?", "vader", "Doetinchem"),
    ("Mijn zus woont in Doetinchem en heeft hulp nodig bij het huishouden.", "zus", "Doetinchem"),
    (
        "Mijn dochter woont in Winterswijk en kan niet meer rondkomen. Ik woon zelf in Bredevoort.",
        "dochter",
        "Winterswijk",
    ),
]
OUTSIDE = ("Utrecht", "Amsterdam", "Arnhem", "Winterswijk", "Groenlo", "Doetinchem")


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("places22-theirs"))
    yield app
    close_app(app)


def _api(site, text: str) -> dict:
    resp = site.test_client().post("/api/v1/match", json={"text": text})
    assert resp.status_code == 200
    return resp.get_json()


@pytest.mark.parametrize(("text", "place"), WRITERS_OWN_NEED)
def test_no_note_about_a_relatives_town_when_the_need_is_the_writers(site, text, place):
    res = _api(site, text)
    assert not [m for m in res["messages"] if "buiten de gemeente" in m], res["messages"]
    got = res["place"]["name"] if res["place"] else None
    assert got == place, (text, res["place"])
    assert res["results"]


@pytest.mark.parametrize(("text", "who", "town"), THEIR_NEED)
def test_twin_the_note_stays_when_the_need_is_the_relatives(site, text, who, town):
    said = [m for m in _api(site, text)["messages"] if "buiten de gemeente" in m]
    assert said and said[0].startswith(f"Uw {who} ") and f" in {town}," in said[0], said


def test_the_widowers_page_says_nothing_of_utrecht(site):
    notes = notes_on_page(public_page(site, WRITERS_OWN_NEED[0][0]))
    assert "Utrecht" not in notes and "ligt niet in de gemeente" not in notes, notes
