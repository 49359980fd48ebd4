"""The site's pages do not grow with the size of the kaart (issue 14 point 8): the counts per theme on the home
page, the kaart page and the HSDS list are counted once per change of the kaart, not on every request, and they
still follow a saved edit on the very next request, also when another worker (another connection) saved it."""

from __future__ import annotations

import dataclasses
import re

import pytest
from builders import base_themes, location, organisation, service, synthetic

from graph.editing import save_edit
from graph.repositories import (
    DoelgroepRepository,
    LocationRepository,
    OrganisationRepository,
    ServiceRepository,
    ThemeRepository,
)
from graph.store import connect
from webapp.db import get_store


class Recorder:
    """Delegates to the real store and remembers which queries a request sent (no mock: the graph answers)."""

    def __init__(self, store) -> None:
        self.store, self.queries = store, []
        self._read, self._read_all = store.read, store.read_all

    def __enter__(self) -> Recorder:
        def read(query, params=None):
            self.queries.append(query)
            return self._read(query, params)

        def read_all(statements):
            self.queries.extend(q for q, _ in statements)
            return self._read_all(statements)

        self.store.read, self.store.read_all = read, read_all
        return self

    def __exit__(self, *exc) -> None:
        del self.store.read, self.store.read_all


def _seed(store, data: dict) -> None:
    ThemeRepository(store).upsert(data["themes"])
    DoelgroepRepository(store).upsert(data.get("doelgroepen", []))
    OrganisationRepository(store).upsert(data["organisations"])
    LocationRepository(store).upsert(data["locations"])
    ServiceRepository(store).upsert(data["services"])


def _tiles(html: str) -> dict[str, int]:
    """Home page tiles: title -> number of services."""
    found = re.findall(
        r'kaart-tegel__titel"[^>]*>([^<]+)</span>\s*<span class="kaart-tegel__aantal">(\d+) vorm', html
    )
    return {title.strip(): int(n) for title, n in found}


@pytest.fixture
def big_kaart(app):
    with app.app_context():
        _seed(get_store(), synthetic(400, n_themes=8))
    return app


def test_home_page_does_not_count_every_service_again_while_the_kaart_is_unchanged(big_kaart):
    client = big_kaart.test_client()
    assert _tiles(client.get("/").text) == {"Root": 400}
    with big_kaart.app_context(), Recorder(get_store()) as rec:
        for _ in range(3):
            assert _tiles(client.get("/").text) == {"Root": 400}
    touching_services = [q for q in rec.queries if ":Service" in q]
    # Only the kaart's version (change sequence and number of services), never the services' themes.
    assert rec.queries and not [q for q in touching_services if "ABOUT" in q or "collect" in q], rec.queries


def test_kaart_page_and_hsds_list_do_not_count_themes_per_request(big_kaart):
    client = big_kaart.test_client()
    client.get("/kaart?thema=t3")
    client.get("/api/hsds/services?taxonomy_term_id=thema-t3")
    with big_kaart.app_context(), Recorder(get_store()) as rec:
        assert "50 vormen van hulp gevonden" in client.get("/kaart?thema=t3").text
        assert client.get("/api/hsds/services?taxonomy_term_id=thema-t3").json["total_items"] == 50
    assert not [q for q in rec.queries if "BROADER*" in q or "collect(DISTINCT s.id)" in q], rec.queries


@pytest.fixture
def small_kaart(app):
    with app.app_context():
        _seed(
            get_store(),
            {
                "themes": base_themes(),
                "organisations": [organisation()],
                "locations": [location()],
                "services": [
                    service("svc-1", themes=("schulden",), location_ids=("loc-1",)),
                    service("svc-2", themes=("schulden",), location_ids=("loc-1",)),
                ],
            },
        )
    return app


def test_home_count_follows_an_edit_saved_by_another_worker_on_the_next_request(small_kaart):
    client = small_kaart.test_client()
    assert _tiles(client.get("/").text) == {"Financiën": 2}
    other = connect(small_kaart.config["GRAPH_URI"])  # another worker's connection to the same graph
    try:
        repo = ServiceRepository(other)
        svc = repo.get("svc-1")
        save_edit(
            other,
            "Service",
            dataclasses.replace(svc, themes=("eenzaamheid",)),
            "coordinator@example.org",
            repo.meta("svc-1")["version"],
        )
    finally:
        other.close()
    assert _tiles(client.get("/").text) == {"Financiën": 1, "Sociaal netwerk": 1}
    assert "1 vorm van hulp gevonden" in client.get("/kaart?thema=financien").text


class RowCounter(Recorder):
    """Also remembers how many rows each read brought back."""

    def __enter__(self) -> RowCounter:
        self.rows: list[int] = []

        def read(query, params=None):
            rows = self._read(query, params)
            self.rows.append(len(rows))
            return rows

        def read_all(statements):
            results = self._read_all(statements)
            self.rows.extend(len(r) for r in results)
            return results

        self.store.read, self.store.read_all = read, read_all
        return self


def test_kaart_page_and_hsds_list_never_read_every_service_of_the_kaart(big_kaart):
    from webapp.blueprints.public import MAX_LIST

    client = big_kaart.test_client()
    with big_kaart.app_context(), RowCounter(get_store()) as rec:
        page = client.get("/kaart").text
        assert "400 vormen van hulp gevonden" in page
        listed = client.get("/api/hsds/services?page=3&per_page=20").json
        at = client.get("/api/hsds/service_at_locations?page=2&per_page=50").json
    assert (listed["total_items"], listed["total_pages"], listed["size"]) == (400, 20, 20)
    assert (at["total_items"], at["page_number"], at["size"]) == (400, 2, 50)
    assert rec.rows and max(rec.rows) <= MAX_LIST, rec.rows  # a page of ids, not all 400


def test_a_page_from_the_graph_is_the_same_slice_as_the_whole_list(store):
    """Counts per theme, and pages of services and of service-at-location pairs, with and without a distance, on
    both backends: the numbers and the order the lists always had."""
    from graph.views import Filters, Views

    data = synthetic(60, n_themes=3)
    niveaus = ["vrij-toegankelijk", "specialistisch", None, "crisis", "lokaal-team"]
    data["services"] = [
        dataclasses.replace(
            s, niveau=niveaus[n % 5], name=["b", "A", "a", "É", "z"][n % 5] + f" dienst {n % 7}"
        )
        for n, s in enumerate(data["services"])
    ]
    _seed(store, data)
    views = Views(store)
    counts = {t.id: t.service_count for t in views.themes().values()}
    assert counts == {"root": 60, "t0": 20, "t1": 20, "t2": 20}
    for f in (
        Filters(),
        Filters(theme="t1"),
        Filters(theme="root", niveau="crisis"),
        Filters(text="dienst 3"),
        Filters(near=(51.85, 6.45, 8.0)),
    ):
        whole = views.find_service_ids(f)
        pairs = views.service_location_pairs([i for i, _ in whole])
        order = {i: n for n, (i, _) in enumerate(whole)}
        pairs.sort(key=lambda p: (order[p[0]], p[1]))
        assert whole and pairs
        for offset in (0, 7, 55):
            assert views.find_service_page(f, offset, 10) == (whole[offset : offset + 10], len(whole))
            assert views.service_location_page(f, offset, 10) == (pairs[offset : offset + 10], len(pairs))
