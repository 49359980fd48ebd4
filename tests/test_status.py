"""Temporary status (issue 16.3, docs/adr/0082-temporary-status.md): set in beheer with history, shown on pages
and cards, gone after its end date, honoured by the matcher, exported as HSDS; "nu niet doorverwijzen" only ever
for professionals."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from builders import organisation, service

from graph import ensure_schema
from graph.proposals import ChangeRepository
from graph.repositories import OrganisationRepository, ServiceRepository
from graph.statuses import STATUS_FIELD, StatusBoard, StatusRepository, TemporaryStatus, today_local
from graph.store import connect
from ontology.statuses import load_statuses, status_kinds

TODAY = date(2026, 12, 6)


def _status(entity="Service", id="svc-1", kind="tijdelijk-gesloten", **kw) -> TemporaryStatus:
    return TemporaryStatus(entity=entity, entity_id=id, kind=kind, **kw)


def test_the_kinds_are_data_with_stable_ids():
    kinds = status_kinds()
    assert list(kinds) == [
        "tijdelijk-gesloten",
        "geen-nieuwe-aanmeldingen",
        "verhuisd",
        "eigen-bericht",
        "niet-doorverwijzen",
    ]
    assert kinds["niet-doorverwijzen"].audience == "professional"
    assert kinds["niet-doorverwijzen"].matcher == "hide"
    assert kinds["tijdelijk-gesloten"].hsds_status == "temporarily closed"
    # "hide" is for professional-only kinds: a public one would silently vanish from every search
    assert all(k.audience == "professional" for k in load_statuses() if k.matcher == "hide")


def test_a_public_kind_that_hides_services_is_refused(tmp_path):
    bad = tmp_path / "statuses.yaml"
    bad.write_text("- id: weg\n  label: Weg\n  audience: public\n  matcher: hide\n", encoding="utf-8")
    with pytest.raises(ValueError, match="alleen bij een status voor professionals"):
        load_statuses(bad)


def test_a_status_holds_from_start_through_end_and_then_disappears():
    st = _status(start="2026-12-01", end="2026-12-24")
    assert not st.holds(date(2026, 11, 30))
    assert st.holds(date(2026, 12, 1)) and st.holds(date(2026, 12, 24))
    assert not st.holds(date(2026, 12, 25))
    board = StatusBoard.build([(st, ())], date(2026, 12, 25))
    assert board.for_service("svc-1") is None


def test_set_and_clear_a_status_with_history(store):
    OrganisationRepository(store).upsert([organisation()])
    ServiceRepository(store).upsert([service()])
    repo = StatusRepository(store)
    repo.set(
        _status(text="Verbouwing", start="2026-12-01", end="2027-01-03", set_by_role="coordinator"), "c@x"
    )
    got = repo.get("Service", "svc-1")
    assert got.kind == "tijdelijk-gesloten" and got.text == "Verbouwing" and got.end == "2027-01-03"
    # replacing keeps one status per record
    repo.set(_status(kind="geen-nieuwe-aanmeldingen", end="2027-02-01"), "c@x")
    assert repo.get("Service", "svc-1").kind == "geen-nieuwe-aanmeldingen"
    assert len(repo.all()) == 1
    assert repo.clear("Service", "svc-1", "c@x") is True
    assert repo.get("Service", "svc-1") is None
    assert repo.clear("Service", "svc-1", "c@x") is False
    changes = [c for c in ChangeRepository(store).for_entity("Service", "svc-1") if c.field == STATUS_FIELD]
    assert len(changes) == 3
    assert changes[-1].new["soort"] == "tijdelijk-gesloten" and changes[0].new is None
    with pytest.raises(KeyError):
        repo.set(_status(id="svc-bestaat-niet", end="2027-01-01"), "c@x")


def test_an_organisation_status_counts_for_its_services(store):
    OrganisationRepository(store).upsert([organisation()])
    ServiceRepository(store).upsert([service("svc-1"), service("svc-2", name="Tweede")])
    repo = StatusRepository(store)
    repo.set(_status("Organisation", "org-1", "verhuisd", text="Nu aan de Markt 2", end="2027-03-01"), "c@x")
    repo.set(_status("Service", "svc-2", "eigen-bericht", text="Alleen op afspraak", end="2027-03-01"), "c@x")
    board = StatusBoard.load(store, TODAY)
    assert board.for_service("svc-1").kind == "verhuisd"
    assert board.for_service("svc-2").kind == "eigen-bericht"  # its own status first
    assert board.by_organisation["org-1"].text == "Nu aan de Markt 2"


def test_today_is_a_date_in_amsterdam():
    assert abs((today_local() - date.today()).days) <= 1


# --- the matcher ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def twins(falkor_server, tmp_path_factory):
    """Two equivalent schuldhulp services (same theme, niveau, place) and a matcher over them."""
    from ingest.ontology_loader import load_ontology_into_graph
    from match.engine import Matcher
    from match.index import rebuild_index

    store = connect(f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}")
    ensure_schema(store)
    load_ontology_into_graph(store)
    OrganisationRepository(store).upsert([organisation("org-a"), organisation("org-b")])
    common = dict(
        niveau="vrij-toegankelijk", themes=("schulden",), description="Hulp bij schulden en geldzorgen."
    )
    ServiceRepository(store).upsert(
        [
            service("svc-a", "org-a", name="Schuldhulp Alfa", **common),
            service("svc-b", "org-b", name="Schuldhulp Beta", **common),
        ]
    )
    index_dir = tmp_path_factory.mktemp("status-index")
    rebuild_index(store, index_dir)
    matcher = Matcher(store, index_dir)
    matcher.statuses.ttl = 0.0  # read the statuses on every request in this test
    yield store, matcher
    store.clear()
    store.close()


def _ids(result) -> list[str]:
    return [r["service_id"] for r in result.results]


def _set(store, sid: str, kind: str, text: str = "", end: str | None = None) -> None:
    end = end or (today_local() + timedelta(days=30)).isoformat()
    StatusRepository(store).set(_status(id=sid, kind=kind, text=text, end=end), "test")


def test_a_closed_service_ranks_below_its_open_twin_and_says_so(twins):
    store, matcher = twins
    StatusRepository(store).clear("Service", "svc-a", "t")
    StatusRepository(store).clear("Service", "svc-b", "t")
    before = _ids(matcher.match("ik heb schulden"))
    first = before[0]
    try:
        _set(store, first, "tijdelijk-gesloten", "Verbouwing")
        result = matcher.match("ik heb schulden")
        assert _ids(result).index(first) > _ids(result).index(next(i for i in before[:2] if i != first))
        row = next(r for r in result.results if r["service_id"] == first)
        assert row["temporary_status"]["id"] == "tijdelijk-gesloten"
        assert "tijdelijk gesloten tot en met" in row["why"]
    finally:
        StatusRepository(store).clear("Service", first, "t")
    assert _ids(matcher.match("ik heb schulden")) == before


def test_niet_doorverwijzen_is_never_public_and_last_for_professionals(twins):
    store, matcher = twins
    _set(store, "svc-a", "niet-doorverwijzen", "SENTINEL-REDEN wachtlijst vol")
    try:
        public = matcher.match("ik heb schulden")
        assert "svc-a" not in _ids(public)
        assert "SENTINEL-REDEN" not in repr(public.as_contract())
        pro = matcher.match("ik heb schulden", audience="professional")
        assert _ids(pro)[-1] == "svc-a"
        row = pro.results[-1]
        assert "nu niet doorverwijzen: SENTINEL-REDEN" in row["why"]
        assert row["temporary_status"]["text"].startswith("SENTINEL-REDEN")
    finally:
        StatusRepository(store).clear("Service", "svc-a", "t")


def test_a_status_past_its_end_date_no_longer_counts(twins):
    store, matcher = twins
    yesterday = (today_local() - timedelta(days=1)).isoformat()
    _set(store, "svc-a", "niet-doorverwijzen", "voorbij", end=yesterday)
    try:
        assert "svc-a" in _ids(matcher.match("ik heb schulden"))
    finally:
        StatusRepository(store).clear("Service", "svc-a", "t")


# --- beheer, pages and the HSDS export ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    from site_data import close_app, demo_app

    app = demo_app(falkor_server, tmp_path_factory.mktemp("status-site"))
    yield app
    close_app(app)


@pytest.fixture(scope="module")
def coordinator(site):
    from site_data import add_account, login

    client = site.test_client()
    login(client, add_account(site, "coordinator"))
    return client


def _hsds_id(readable: str) -> str:
    """The UUID the export gives a record (docs/adr/0074-hsds-uuid-ids-one-mapping.md)."""
    from ingest.hsds_profile import hsds_id

    return hsds_id(readable)


def _set_in_beheer(client, page_kind: str, id: str, **form):
    from site_data import csrf_from

    page = client.get(f"/beheer/{page_kind}/{id}")
    assert page.status_code == 200 and 'id="tijdelijke-status"' in page.text
    return client.post(f"/beheer/{page_kind}/{id}/status", data={"csrf_token": csrf_from(page.text), **form})


def test_a_coordinator_sets_a_status_that_pages_and_cards_show_until_the_end_date(site, coordinator):
    from site_data import PLANTED_SERVICE

    end = (today_local() + timedelta(days=20)).isoformat()
    resp = _set_in_beheer(
        coordinator, "dienst", PLANTED_SERVICE, soort="tijdelijk-gesloten", tekst="Verbouwing", tot=end
    )
    assert resp.status_code == 302
    anon = site.test_client()
    page = anon.get(f"/dienst/{PLANTED_SERVICE}").text
    assert "Tijdelijk gesloten tot en met" in page and "Verbouwing" in page
    card = anon.get(f"/kaart?dienst={PLANTED_SERVICE}").text
    assert "Tijdelijk gesloten tot en met" in card
    history = coordinator.get(f"/beheer/historie/dienst/{PLANTED_SERVICE}").text
    assert "Tijdelijke status" in history
    # past its end date it is gone, without anyone removing it
    from graph.statuses import StatusRepository as Repo
    from webapp.db import get_store

    with site.app_context():
        old = Repo(get_store()).get("Service", PLANTED_SERVICE)
        Repo(get_store()).set(
            TemporaryStatus(**{**old.__dict__, "start": "2026-01-01", "end": "2026-01-31"}), "test"
        )
    assert "Tijdelijk gesloten" not in anon.get(f"/dienst/{PLANTED_SERVICE}").text
    _set_in_beheer(coordinator, "dienst", PLANTED_SERVICE, actie="weghalen")
    assert "Tijdelijk gesloten" not in anon.get(f"/dienst/{PLANTED_SERVICE}").text


def test_a_status_needs_an_end_date_and_a_reason_where_asked(site, coordinator):
    from site_data import PLANTED_SERVICE

    from webapp.db import get_store

    for form, message in (
        ({"soort": "geen-nieuwe-aanmeldingen", "tot": ""}, "Vul de einddatum in"),
        (
            {"soort": "niet-doorverwijzen", "tekst": "", "tot": "2099-01-01"},
            "Schrijf een korte tekst: de reden.",
        ),
        ({"soort": "verhuisd", "tekst": "x", "tot": "2020-01-01"}, "De einddatum ligt vóór de begindatum."),
        (
            {"soort": "eigen-bericht", "tekst": "x", "vanaf": "2027-01-01", "tot": "2029-01-01"},
            "hooguit een jaar",
        ),
        ({"soort": "bestaat-niet", "tot": "2027-01-01"}, "Kies wat voor status het is."),
    ):
        _set_in_beheer(coordinator, "dienst", PLANTED_SERVICE, **form)
        assert message in coordinator.get(f"/beheer/dienst/{PLANTED_SERVICE}").text
    with site.app_context():
        assert StatusRepository(get_store()).get("Service", PLANTED_SERVICE) is None


def test_niet_doorverwijzen_shows_to_professionals_only_and_is_never_exported(site, coordinator):
    from site_data import PLANTED_ORG, PLANTED_SERVICE, add_account, login

    from ingest.hsds_export import export_tables
    from webapp.db import get_store

    reason = "SENTINEL-STATUS-REDEN capaciteit"
    end = (today_local() + timedelta(days=10)).isoformat()
    _set_in_beheer(coordinator, "dienst", PLANTED_SERVICE, soort="niet-doorverwijzen", tekst=reason, tot=end)
    _set_in_beheer(
        coordinator, "organisatie", PLANTED_ORG, soort="verhuisd", tekst="Nu aan de Markt 9", tot=end
    )
    try:
        anon = site.test_client()
        public = anon.get(f"/dienst/{PLANTED_SERVICE}").text
        assert reason not in public and "niet doorverwijzen" not in public.lower()
        assert "Nu aan de Markt 9" in public  # the organisation's public status shows instead
        assert "Let op: verhuisd" in anon.get(f"/organisatie/{PLANTED_ORG}").text
        pro = site.test_client()
        login(pro, add_account(site, "professional"))
        assert reason in pro.get(f"/professional/dienst/{PLANTED_SERVICE}").text
        assert reason not in pro.get(f"/dienst/{PLANTED_SERVICE}").text  # the public page stays public
        with site.app_context():
            tables = export_tables(get_store())
        assert reason not in repr(tables)
        org_id = _hsds_id(PLANTED_ORG)
        org_attrs = [a for a in tables["attributes"].values() if a.get("link_id") == org_id]
        assert any(a["value"] == "Nu aan de Markt 9" for a in org_attrs)
        assert any(a["value"] == end for a in org_attrs)
    finally:
        _set_in_beheer(coordinator, "dienst", PLANTED_SERVICE, actie="weghalen")
        _set_in_beheer(coordinator, "organisatie", PLANTED_ORG, actie="weghalen")


def test_tijdelijk_gesloten_exports_as_temporarily_closed_with_its_message(site, coordinator, tmp_path):
    from site_data import PLANTED_SERVICE

    from ingest.hsds_export import export_hsds, export_tables
    from webapp.db import get_store

    with site.app_context():
        before = export_tables(get_store())
    sid = _hsds_id(PLANTED_SERVICE)
    assert before["services"][sid]["status"] == "active"
    end = (today_local() + timedelta(days=5)).isoformat()
    _set_in_beheer(
        coordinator, "dienst", PLANTED_SERVICE, soort="tijdelijk-gesloten", tekst="Zomersluiting", tot=end
    )
    try:
        with site.app_context():
            tables = export_tables(get_store())
        assert tables["services"][sid]["status"] == "temporarily closed"
        attrs = {a["link_type"]: a for a in tables["attributes"].values() if a.get("link_id") == sid}
        assert attrs["tijdelijke-status"]["value"] == "Zomersluiting"
        term = tables["taxonomy_terms"][attrs["tijdelijke-status"]["taxonomy_term_id"]]
        assert (
            term["code"].rsplit(":", 1)[-1] == "tijdelijk-gesloten"
        )  # codes are unique per package (ADR 0074)
        assert attrs["tijdelijke-status-tot"]["value"] == end
        api = site.test_client().get(f"/api/hsds/services/{sid}").get_json()  # the one mapping (ADR 0074)
        assert api["status"] == "temporarily closed"  # still in the API and open data, with its message
        assert any(a.get("value") == "Zomersluiting" for a in api.get("attributes", []))
        with site.app_context():
            result = export_hsds(get_store(), tmp_path / "hsds")  # validated against the HSDS 3.0 schemas
        assert result.problems == []
    finally:
        _set_in_beheer(coordinator, "dienst", PLANTED_SERVICE, actie="weghalen")


def test_professional_search_shows_a_held_service_last_in_its_own_group(site):
    from site_data import PLANTED_SERVICE, add_account, csrf_from, login

    from graph.statuses import StatusRepository as Repo
    from webapp.db import get_store

    end = (today_local() + timedelta(days=3)).isoformat()
    with site.app_context():
        Repo(get_store()).set(
            TemporaryStatus("Service", PLANTED_SERVICE, "niet-doorverwijzen", "Wachtlijst dicht", end=end),
            "t",
        )
    try:
        pro = site.test_client()
        login(pro, add_account(site, "professional"))
        page = pro.get("/professional/")
        text = "schulden en aanmaningen, zoekt budgetcoaching"
        resp = pro.post("/professional/", data={"situatie": text, "csrf_token": csrf_from(page.text)})
        html = resp.text
        assert "Bestaat, maar nu niet doorverwijzen" in html and "Wachtlijst dicht" in html
        assert html.index("Bestaat, maar nu niet doorverwijzen") < html.index(
            f'id="dienst-{PLANTED_SERVICE}"'
        )
        card = html[html.index(f'id="dienst-{PLANTED_SERVICE}"') :].split('id="dienst-', 2)[1]
        assert "Veiligheid voorop" not in card  # held last is not "safety first" (a crisis line on top is)
        public = site.test_client()
        token = csrf_from(public.get("/").text)
        assert (
            f'id="dienst-{PLANTED_SERVICE}"'
            not in public.post("/zoeken", data={"vraag": text, "csrf_token": token}).text
        )
    finally:
        with site.app_context():
            Repo(get_store()).clear("Service", PLANTED_SERVICE, "t")


def test_the_beheer_overview_lists_current_upcoming_and_past_statuses(site, coordinator):
    from site_data import PLANTED_ORG, PLANTED_SERVICE

    from graph.statuses import StatusRepository as Repo
    from webapp.db import get_store

    with site.app_context():
        repo = Repo(get_store())
        repo.set(TemporaryStatus("Service", PLANTED_SERVICE, "verhuisd", "Markt 3", end="2026-01-31"), "t")
        later = (today_local() + timedelta(days=40)).isoformat()
        repo.set(
            TemporaryStatus("Organisation", PLANTED_ORG, "eigen-bericht", "Open dag", start=later, end=later),
            "t",
        )
    try:
        page = coordinator.get("/beheer/statussen").text
        assert "Schuldhulp en budgetcoaching test" in page and "voorbij" in page
        assert "Schuldhulp Testorganisatie" in page and "begint later" in page
        assert f"/beheer/dienst/{PLANTED_SERVICE}#tijdelijke-status" in page
    finally:
        with site.app_context():
            Repo(get_store()).clear("Service", PLANTED_SERVICE, "t")
            Repo(get_store()).clear("Organisation", PLANTED_ORG, "t")
