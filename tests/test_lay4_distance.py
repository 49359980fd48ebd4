"""A service placed at a kern's centre for want of an address shows no distance (m12test4 class 10, ADR 0113).

Every service of the Aalten demo has a location "benaderd": the centre of the kern Aalten. For a resident of
Dinxperlo every card said "9,3 km" and every why-line "9,3 km van Dinxperlo", read as "you must travel 9 km" for
services that work in the whole gemeente. A distance to a real address is still said.
"""

from __future__ import annotations

import re

import pytest
from site_data import PLANTED_SERVICE, close_app, demo_app, public_page

QUESTIONS = [
    "ik voel me eenzaam sinds mijn man er niet meer is",
    "we hebben schulden en de aanmaningen stapelen zich op",
    "mijn moeder van 84 kan niet meer goed zelf douchen",
]


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("lay4-distance"))
    yield app
    close_app(app)


@pytest.mark.parametrize("place", ["Dinxperlo", "Bredevoort", "De Heurne"])
@pytest.mark.parametrize("text", QUESTIONS)
def test_no_km_to_a_service_only_placed_at_a_kern_centre(demo, text, place):
    res = demo.match(text, near=place)
    assert res.results
    for r in res.results:
        assert " km " not in f" {r['why']} ", r["why"]
        assert r["distance_km"] is not None  # the contract keeps the number; the words do not claim it


def _cards(html: str) -> dict[str, str]:
    """Service id -> the card's HTML."""
    parts = re.split(r'(?=<article class="kaart-kaartje" id="dienst-)', html)
    return {
        m.group(1): p
        for p in parts
        if (m := re.match(r'<article class="kaart-kaartje" id="dienst-([^"]+)"', p))
    }


@pytest.mark.parametrize("place", ["Dinxperlo", "Bredevoort"])
def test_the_public_cards_show_no_misleading_km_but_a_real_address_keeps_it(site, place):
    """The demo's services are placed at Aalten's centre: no km on their cards or why-lines. The planted
    schuldhulp service has an address (Markt 1): its distance is one to travel and stays."""
    cards = _cards(public_page(site, QUESTIONS[1], place))
    assert PLANTED_SERVICE in cards, list(cards)
    placed = {sid: c for sid, c in cards.items() if sid != PLANTED_SERVICE}
    assert placed
    for sid, card in placed.items():
        assert not re.search(r'class="kaart-afstand">[^<]*km', card), sid
        assert not re.search(r"\d+,\d km van", card), sid
    assert re.search(r'class="kaart-afstand">[^<]*km', cards[PLANTED_SERVICE])
    assert re.search(rf"\d+,\d km van {place}", cards[PLANTED_SERVICE])


def test_placed_only_is_read_on_both_graph_backends(kaart):
    """graph/access.py on FalkorDB and Neo4j: a service whose every location is approximate is `placed_only`;
    one location with an address is enough to keep its distance."""
    from graph.access import ServiceAccess
    from graph.models import Location, Organisation, Service
    from graph.repositories import LocationRepository, OrganisationRepository, ServiceRepository

    OrganisationRepository(kaart).upsert([Organisation(id="org-x", name="Organisatie X")])
    LocationRepository(kaart).upsert(
        [
            Location(
                id="loc-midden",
                name="Midden van de kern",
                latitude=51.925,
                longitude=6.5806,
                approximate=True,
            ),
            Location(id="loc-adres", name="Markt 1", latitude=51.93, longitude=6.59, address_1="Markt 1"),
        ]
    )
    ServiceRepository(kaart).upsert(
        [
            Service(
                id="svc-benaderd", organization_id="org-x", name="Benaderd", location_ids=("loc-midden",)
            ),
            Service(
                id="svc-gemengd",
                organization_id="org-x",
                name="Gemengd",
                location_ids=("loc-midden", "loc-adres"),
            ),
            Service(id="svc-adres", organization_id="org-x", name="Adres", location_ids=("loc-adres",)),
            Service(id="svc-nergens", organization_id="org-x", name="Nergens"),
        ]
    )
    reader = ServiceAccess(kaart)
    facts = reader.all()
    assert {sid for sid, f in facts.items() if f.placed_only} == {"svc-benaderd"}
    assert reader.of(["svc-benaderd", "svc-adres"])["svc-benaderd"].placed_only
