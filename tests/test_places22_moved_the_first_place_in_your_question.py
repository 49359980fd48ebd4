"""m12test20 "Place messages" (issue 12 point 8; ADR 0175): "Ik ben van Winterswijk naar Aalten verhuisd, hoe vind
ik een huisarts?" measured from Winterswijk, "de eerste plaats in uw vraag"; the writer lives in Aalten now. Who
lives where now: the place moved TO ("van X naar Y verhuisd", "naar Y getrokken", "woon sinds kort in Y, eerst in
X"), the place one lives in over the place one comes from, worked in or lived in before ("kom uit", "werk in",
"woonde", "vroeger"). Not yet moved ("gaan verhuizen", "wil verhuizen") keeps the place one moves from. The message
says it is where the writer lives now. Sentences of our own, each kind with a twin.
"""

from __future__ import annotations

import pytest
from site_data import close_app, demo_app, public_page
from test_places22_uw_kinderen_woont import notes_on_page

NOW = "waar u nu woont"

# (text, where the writer lives now)
MOVED_OR_LIVES_NOW = [
    ("Ik ben van Winterswijk naar Aalten verhuisd, hoe vind ik een huisarts?", "Aalten"),
    ("wij zijn vorig jaar van Doetinchem naar Dinxperlo verhuisd en zoeken een oppas", "Dinxperlo"),
    ("ik woon sinds kort in Dinxperlo, eerst in Doetinchem. ik ken hier nog niemand", "Dinxperlo"),
    ("Vroeger woonde ik in Winterswijk, nu woon ik in Bredevoort en ik zoek een maatje", "Bredevoort"),
    ("ik kom uit Doetinchem en woon nu in Lintelo, wie helpt met de formulieren", "Lintelo"),
    ("Ik werk in Winterswijk maar woon in Aalten en heb schulden.", "Aalten"),
    (
        "we zijn net verhuisd naar IJzerlo vanuit Groenlo en de kinderen moeten naar een nieuwe school",
        "IJzerlo",
    ),
    (
        "Mijn man en ik zijn in mei uit Lichtenvoorde naar De Heurne getrokken, wie helpt ons met de post?",
        "De Heurne",
    ),
    (
        "ben 17 en woon sinds de zomer bij mn oma in Bredevoort, eerst bij mn moeder in Winterswijk. ik voel me alleen",
        "Bredevoort",
    ),
]
# the twins: the first place is where the writer lives now
LIVES_THERE_STILL = [
    (
        "Wij gaan volgende maand van Dinxperlo naar Winterswijk verhuizen en zoeken hulp bij het inpakken",
        "Dinxperlo",
    ),
    ("ik woon in Winterswijk maar werk in Aalten en heb schulden", "Winterswijk"),
    (
        "ik woon al 30 jaar in Dinxperlo en mijn dochter is naar Doetinchem verhuisd. Ik ben eenzaam",
        "Dinxperlo",
    ),
    ("Ik wil van Aalten naar Bredevoort verhuizen, wie helpt mij een huurhuis te vinden?", "Aalten"),
    ("ik woon in Lintelo en werk in Doetinchem, mijn baas betaalt mijn loon niet", "Lintelo"),
    ("Ik woon in Bredevoort en kom uit Syrië; ik wil beter Nederlands leren", "Bredevoort"),
]


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("places22-moved"))
    yield app
    close_app(app)


def _api(site, text: str) -> dict:
    resp = site.test_client().post("/api/v1/match", json={"text": text})
    assert resp.status_code == 200
    return resp.get_json()


@pytest.mark.parametrize(("text", "now"), MOVED_OR_LIVES_NOW)
def test_the_place_moved_to_or_lived_in_now_is_the_place(site, text, now):
    res = _api(site, text)
    assert res["place"] and res["place"]["name"] == now, (text, res["place"], res["messages"])
    assert not [m for m in res["messages"] if "de eerste plaats in uw vraag" in m], res["messages"]
    others = [m for m in res["messages"] if m.startswith("U noemt ook")]
    assert all(m.endswith(f"de afstand is gemeten vanaf {now}, {NOW}.") for m in others), others


@pytest.mark.parametrize(("text", "now"), LIVES_THERE_STILL)
def test_twin_the_place_lived_in_now_stays(site, text, now):
    res = _api(site, text)
    assert res["place"] and res["place"]["name"] == now, (text, res["place"], res["messages"])


def test_syria_is_no_place_of_the_kaart_and_bredevoort_stays(site):
    res = _api(site, "ik kom uit Syrië en woon nu in Bredevoort. ik wil de taal leren")
    assert res["place"]["name"] == "Bredevoort" and res["results"]


def test_the_moved_page_measures_from_where_the_writer_lives_now(site):
    notes = notes_on_page(public_page(site, MOVED_OR_LIVES_NOW[0][0]))
    html = public_page(site, MOVED_OR_LIVES_NOW[1][0])
    assert "ligt niet in de gemeente" not in notes and "de eerste plaats" not in html
    assert f"de afstand is gemeten vanaf Dinxperlo, {NOW}" in html


# m12test22 (after the first round of this fix): a move that may come, and the place one wants to stay in
STAYS = [
    (
        "mijn ouders gaan scheiden en ik moet misschien naar Winterswijk verhuizen maar ik wil op mijn school in "
        "Aalten blijven. bij wie kan ik terecht? ik ben 13",
        "Aalten",
    ),
    (
        "ben 14 en we gaan misschien naar Doetinchem verhuizen, maar ik wil in Bredevoort op school blijven",
        "Bredevoort",
    ),
    (
        "Mijn vriend wil naar Groenlo verhuizen maar ik wil in Dinxperlo blijven wonen. Wie kan ons helpen praten?",
        "Dinxperlo",
    ),
    ("Ik ben net vanuit Groningen in Aalten komen wonen. Wat is er voor nieuwe inwoners?", "Aalten"),
    ("Ik kom uit Groningen maar woon nu in Aalten. Waar kan ik mensen ontmoeten?", "Aalten"),
    (
        "Wij zijn vorig jaar van Doetinchem naar Dinxperlo verhuisd. Mijn man heeft dementie, waar is een dagbesteding?",
        "Dinxperlo",
    ),
]
# the twin: staying somewhere for a weekend is no home when the writer says where he lives
STAY_TWINS = [
    ("ik blijf dit weekend in Winterswijk, maar ik woon in Aalten en zoek een maatje", "Aalten"),
    ("We blijven een week in Doetinchem bij oma; wij wonen in Lintelo en zoeken een oppas", "Lintelo"),
]


@pytest.mark.parametrize(("text", "now"), STAYS + STAY_TWINS)
def test_a_move_that_may_come_keeps_the_place_one_stays_in(site, text, now):
    res = _api(site, text)
    assert res["place"] and res["place"]["name"] == now, (text, res["place"], res["messages"])
    assert not [m for m in res["messages"] if "de eerste plaats in uw vraag" in m], res["messages"]
