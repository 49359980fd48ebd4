"""m12test20 "Unknown postcode" (issue 12 point 8; ADR 0175): 9999ZZ in the place field said "kunnen we nu niet
opzoeken (de landelijke adresservice PDOK is niet bereikbaar)". 9999ZZ is no postcode of Aalten, and the gemeente's
own postcode list (the four digits of its kernen in the gazetteer) can say so: a postcode not in it lies outside the
gemeente or is unknown to this kaart, said plainly in B1, without blaming a national service. Only when the kaart
has no postcode list of its own (the geocoder is needed) and it cannot be reached does the message say we could not
look it up now. A malformed postcode ("7121 A", "712 AB") is said to be one; its four digits still find the kern.
Never an empty answer: the results and the front door stay. Postcodes of our own choosing.
"""

from __future__ import annotations

import pytest
from site_data import close_app, demo_app, public_page
from test_places22_uw_kinderen_woont import notes_on_page

from match.places import field_place_of

NOT_OURS = ["9999ZZ", "9999 zz", "1234AB", "1234 ab", "7100", "8011 AB", "7141"]
MALFORMED = [
    ("7121 A", "Aalten"),
    ("7091 X", "Dinxperlo"),
    ("712 AB", None),
    ("71211", None),
    ("7121ABC", "Aalten"),
]
# the twins: postcodes of the gemeente's kernen
OURS = [
    ("7121AB", "Aalten"),
    ("7122 ab", "Aalten"),
    ("7091", "Dinxperlo"),
    ("7126 AA", "Bredevoort"),
    ("7095", "De Heurne"),
]


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("places22-postcode"))
    yield app
    close_app(app)


def _api(site, text: str, near: str) -> dict:
    resp = site.test_client().post("/api/v1/match", json={"text": text, "near": near})
    assert resp.status_code == 200
    return resp.get_json()


@pytest.mark.parametrize("postcode", NOT_OURS)
def test_a_postcode_outside_the_gemeentes_list_is_said_plainly(site, postcode):
    res = _api(site, "hulp bij het invullen van formulieren", postcode)
    assert res["place"] is None and res["results"], res
    said = " ".join(res["messages"])
    assert "PDOK" not in said and "nu niet opzoeken" not in said, said
    assert "ligt niet in de gemeente Aalten, of wij kennen hem niet" in said, said
    assert "zoals Aalten of Dinxperlo" in said


@pytest.mark.parametrize(("typed", "kern"), MALFORMED)
def test_a_malformed_postcode_is_said_to_be_one(site, typed, kern):
    res = _api(site, "ik zoek een maatje om mee te wandelen", typed)
    said = " ".join(res["messages"])
    assert "Een postcode heeft vier cijfers en twee letters" in said and "PDOK" not in said, said
    assert (res["place"] or {}).get("name") == kern, res["place"]
    assert res["results"]


@pytest.mark.parametrize(("postcode", "kern"), OURS)
def test_twin_a_postcode_of_a_kern_resolves_as_before(site, postcode, kern):
    res = _api(site, "ik zoek een maatje om mee te wandelen", postcode)
    assert res["place"]["name"] == kern
    assert res["messages"] == [
        f"De postcode {postcode} ligt in {kern}; de afstand is gemeten vanaf het midden van {kern}."
    ]


def test_only_without_a_list_of_our_own_the_lookup_is_said_to_be_offline(demo):
    place, said = field_place_of("9999ZZ", demo.analyzer, None, gemeenten=frozenset())
    assert place is None and said and "kunnen we nu niet opzoeken" in said
    place, said = field_place_of("9999ZZ", demo.analyzer, None, gemeenten=frozenset({"Aalten"}))
    assert place is None and said and "ligt niet in de gemeente Aalten" in said and "PDOK" not in said


def test_a_geocoder_that_finds_it_still_wins(demo):
    place, said = field_place_of(
        "7122AB", demo.analyzer, lambda pc: ("7122 AB Aalten", 51.92, 6.58), gemeenten=frozenset({"Aalten"})
    )
    assert place is not None and place.name == "7122 AB Aalten" and said is None


@pytest.mark.parametrize("postcode", ["9999ZZ", "7121 A"])
def test_the_page_says_it_and_keeps_the_answer(site, postcode):
    html = public_page(site, "hulp bij het invullen van formulieren", place=postcode)
    notes = notes_on_page(html)
    assert "PDOK" not in notes and postcode in notes, notes
    assert 'class="kaart-resultaten"' in html
