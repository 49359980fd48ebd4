"""Services for professionals only (ADR 0116): a casusoverleg, Veilig Thuis' consultation for the lokaal team, the
aandachtsfunctionaris for colleagues. A resident is never offered one as a place to go (search, API, lists, map,
organisation page); where one would have been among the best help, the resident gets the front door with the
honest line instead. A professional sees them, marked "Voor professionals". Beheer sets and clears the flag, HSDS
carries it (taxonomy `publiek`), an import of another publisher's data reads it only from the source's own words.

The resident questions are our own sentences, written for this test (not eval questions).
"""

from __future__ import annotations

import dataclasses
import time
import uuid
from html import unescape
from pathlib import Path

import pytest
from builders import organisation, service
from live import form_fields
from site_data import add_account, close_app, csrf_from, demo_app, login, public_page

from graph.models import Organisation
from graph.repositories import OrganisationRepository, ServiceRepository
from graph.store import connect
from graph.views import Filters, Views

DEMO_PRO_ONLY = {"svc-aalten-aandachtsfunctionaris-hg-km", "svc-veilig-thuis-consultatie"}
REGION_PRO_ONLY = {"svc-vat-casusoverleg"}
HONEST = "Dit loopt via uw hulpverlener of het lokale team"
IN_A_ROLE = "Werkt u in zorg, onderwijs of welzijn? Dan ziet u die hulp als u inlogt als professional."

# Residents in their own words, where a service for professionals only fits the need. On the demo: people who are
# no professional but see something (a neighbour, volunteers, a childminder), asking on the public site; before
# ADR 0116 the aandachtsfunctionaris of the lokaal team and Veilig Thuis' consultation for the team came first.
DEMO_RESIDENTS = [
    "ik twijfel of ik moet melden dat het kind van de buren verwaarloosd wordt",
    "ik ben trainer bij de voetbalclub en een jongen heeft blauwe plekken, met wie kan ik overleggen",
    "ik werk als vrijwilliger bij de voedselbank en een moeder vertelde dat haar man haar slaat",
    "hoe werkt de meldcode huiselijk geweld, ik ben gastouder",
    "ik ben leesvrijwilliger op school en een kind vertelde dat het thuis geslagen wordt",
]
REGION_RESIDENTS = [
    "we hebben schulden, mijn man heeft hersenletsel na een ongeluk en de kinderen lopen vast op school, "
    "niemand houdt het overzicht",
    "alles loopt door elkaar: geldproblemen, mijn zoon met een licht verstandelijke beperking en ik ben zelf "
    "depressief",
    "er komen zoveel hulpverleners over de vloer maar niemand regelt het, ik heb schulden en mijn dochter zit "
    "thuis van school",
    "mijn broer heeft een licht verstandelijke beperking, hij raakt steeds zijn geld kwijt en zijn huis is een "
    "puinhoop",
    "sinds mijn herseninfarct kan ik de post niet meer bijhouden en thuis loopt het vast met de kinderen",
]


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("pro-only"))
    yield app
    close_app(app)


def _ids(res) -> list[str]:
    return [r["service_id"] for r in res.results]


def _demo_match(site, text: str, audience: str):
    from webapp.answer import get_matcher

    with site.app_context():
        return get_matcher(site).match(text, audience=audience, limit=10)


# --- the matcher -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", DEMO_RESIDENTS)
def test_a_resident_on_the_demo_is_never_offered_a_service_for_professionals(site, text):
    res = _demo_match(site, text, "public")
    assert res.results, "never an empty answer"
    assert not set(_ids(res)) & DEMO_PRO_ONLY, _ids(res)
    assert not any(r.get("professional_only") for r in res.results)


@pytest.mark.parametrize("text", REGION_RESIDENTS)
def test_a_resident_in_the_region_is_never_offered_the_casusoverleg(region, text):
    """The casusoverleg of the evaluation region is marked by its own words ("alleen voor professionals"): its
    package does not use the taxonomy `publiek`, so the import read it from the text."""
    res = region.match(text, audience="public", limit=10)
    assert res.results
    assert "svc-vat-casusoverleg" not in _ids(res), _ids(res)


@pytest.mark.parametrize("text", REGION_RESIDENTS[:2] + DEMO_RESIDENTS[:2])
def test_where_it_was_the_best_help_the_resident_gets_the_front_door_with_the_honest_line(site, region, text):
    matcher = region if text in REGION_RESIDENTS else None
    pro = matcher.match(text, audience="professional") if matcher else _demo_match(site, text, "professional")
    public = matcher.match(text, audience="public") if matcher else _demo_match(site, text, "public")
    hidden = REGION_PRO_ONLY | DEMO_PRO_ONLY
    assert set(_ids(pro)[:3]) & hidden, "the professional answer has one among its best"
    via = [r for r in public.results[:3] if r.get("via_professional")]
    # a writer in a role (the trainer, match/voice.py) is told where professionals find that help, not "via uw
    # hulpverlener" (tester14, ADR 0145); the other residents get the honest line
    line = IN_A_ROLE if text == DEMO_RESIDENTS[1] else HONEST
    assert via and via[0]["why"].startswith("Een deel van de hulp") and line in via[0]["why"]
    assert via[0]["service_id"] in ("svc-sociaal-team-aalten", "svc-aalten-brede-intake")


def test_the_honest_line_never_pushes_the_help_for_a_danger_down(site):
    for text in DEMO_RESIDENTS:
        public = _demo_match(site, text, "public")
        assert public.results[0]["service_id"] == "svc-veilig-thuis-advies-melden", text


def test_a_professional_sees_them_marked(site, region):
    res = region.match(REGION_RESIDENTS[1], audience="professional")
    row = next(r for r in res.results if r["service_id"] == "svc-vat-casusoverleg")
    assert row["professional_only"] is True and row["why"].startswith("Voor professionals")
    text = "Als leerkracht zie ik blauwe plekken bij een leerling, ik wil overleggen of ik moet melden"
    res = _demo_match(site, text, "professional")
    assert set(_ids(res)[:5]) >= DEMO_PRO_ONLY
    assert all(r.get("professional_only") for r in res.results if r["service_id"] in DEMO_PRO_ONLY)
    assert not any(r.get("professional_only") for r in res.results if r["service_id"] not in DEMO_PRO_ONLY)


# --- the site ----------------------------------------------------------------------------------------------


def test_the_public_results_page_shows_the_front_door_and_no_service_for_professionals(site):
    page = public_page(
        site, "Als leerkracht zie ik blauwe plekken bij een leerling, ik wil overleggen of ik moet melden"
    )
    assert "Aandachtsfunctionaris huiselijk geweld" not in page
    assert "advies en expertise voor het lokale team" not in page
    assert IN_A_ROLE in page and HONEST not in page  # the teacher IS the hulpverlener (tester14, ADR 0145)


def test_the_professional_page_marks_them(site):
    client = site.test_client()
    login(client, add_account(site))
    form = client.get("/professional/")
    text = "Als leerkracht zie ik blauwe plekken bij een leerling, ik wil overleggen of ik moet melden"
    resp = client.post("/professional/", data={"situatie": text, "csrf_token": csrf_from(form.text)})
    page = unescape(resp.text)
    assert "Aandachtsfunctionaris huiselijk geweld" in page and "Voor professionals" in page
    org = unescape(client.get("/professional/organisatie/org-veilig-thuis").text)
    assert "advies en expertise voor het lokale team" in org


def test_public_lists_map_api_and_organisation_page_leave_them_out(site):
    client = site.test_client()
    kaart = unescape(client.get("/kaart?thema=huiselijk-geweld").text)
    assert "Veilig Thuis: advies en melden" in kaart  # the list works
    assert "advies en expertise voor het lokale team" not in kaart
    assert "Aandachtsfunctionaris huiselijk geweld" not in kaart
    api = client.get("/api/v1/services?thema=huiselijk-geweld&per_page=100").get_json()
    assert not {s["id"] for s in api["contents"]} & DEMO_PRO_ONLY
    org = unescape(client.get("/organisatie/org-veilig-thuis").text)
    assert "Veilig Thuis: advies en melden" in org and "advies en expertise voor het lokale team" not in org
    shared = unescape(client.get("/kaart?dienst=svc-veilig-thuis-consultatie").text)
    assert "advies en expertise voor het lokale team" not in shared


def test_the_public_page_of_such_a_service_points_to_the_front_door(site):
    page = unescape(site.test_client().get("/dienst/svc-veilig-thuis-consultatie").text)
    assert "Deze hulp is voor professionals. U kunt hier niet zelf naartoe." in page
    assert "/dienst/svc-aalten-brede-intake" in page  # never a dead end
    # the rest of the page does not contradict it (tester8 B4: "Voor iedereen", "kijkt met u mee")
    assert "Voor iedereen" not in page and "Voor inwoners van" not in page and "met u mee" not in page
    assert "Voor professionals: zorg, onderwijs, opvang en welzijn" in page
    assert "Dit loopt via uw hulpverlener of het lokale team." in page


def test_the_api_answers_as_the_public_site(site):
    text = "Als leerkracht zie ik blauwe plekken bij een leerling, ik wil overleggen of ik moet melden"
    data = site.test_client().post("/api/v1/match", json={"text": text}).get_json()
    assert set(data) == {"themes", "signals", "place", "results", "place_source", "messages"}
    assert not {r["service_id"] for r in data["results"]} & DEMO_PRO_ONLY
    assert any(r.get("via_professional") for r in data["results"])


def test_beheer_sets_and_clears_the_flag_and_the_next_search_follows(site):
    from webapp.db import get_store

    client = site.test_client()
    login(client, add_account(site, "coordinator"))
    url = "/beheer/dienst/svc-figulus-mantelzorgondersteuning"
    form = form_fields(client.get(url).text, url)
    assert "professional_only" not in form or not form["professional_only"]
    form["professional_only"] = "1"
    assert client.post(url, data=form).status_code == 302
    with site.app_context():
        assert ServiceRepository(get_store()).get("svc-figulus-mantelzorgondersteuning").professional_only
    text = "ik zorg elke dag voor mijn moeder met dementie en ik kan het niet meer aan"
    assert _gone_within(site, text, "svc-figulus-mantelzorgondersteuning", present=False)
    assert "svc-figulus-mantelzorgondersteuning" in _ids(_demo_match(site, text, "professional"))
    form = form_fields(client.get(url).text, url)
    form.pop("professional_only", None)  # the box unticked
    assert client.post(url, data=form).status_code == 302
    with site.app_context():
        assert not ServiceRepository(get_store()).get("svc-figulus-mantelzorgondersteuning").professional_only
    assert _gone_within(site, text, "svc-figulus-mantelzorgondersteuning", present=True)


def _gone_within(site, text: str, sid: str, *, present: bool, seconds: float = 5.0) -> bool:
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds:
        if (sid in _ids(_demo_match(site, text, "public"))) == present:
            return True
        time.sleep(0.2)
    return False


# --- HSDS and the graph ------------------------------------------------------------------------------------


def test_hsds_export_and_import_round_trip_the_flag(falkor_server, tmp_path):
    from ingest.demo import load_demo
    from ingest.hsds import import_hsds
    from ingest.hsds_export import export_hsds, read_package
    from ingest.ontology_loader import load_ontology_into_graph

    first = connect(f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}")
    second = connect(f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}")
    try:
        load_demo(first)
        repo = ServiceRepository(first)
        svc = repo.get("svc-figulus-welzijnscoach")  # a coördinator marks one more, clears another
        repo.upsert([dataclasses.replace(svc, professional_only=True)])
        vt = repo.get("svc-veilig-thuis-consultatie")
        assert vt.professional_only
        repo.upsert([dataclasses.replace(vt, professional_only=False)])
        export_hsds(first, tmp_path / "a")
        rows = read_package(tmp_path / "a")["attributes"]
        marked = {r["link_id"] for r in rows if r["link_type"] == "publiek" and r["value"] == "professionals"}
        # the secondary schools' partnership (LEA) is for professionals in the demo data since fix24
        assert marked == {
            "svc-aalten-aandachtsfunctionaris-hg-km",
            "svc-figulus-welzijnscoach",
            "svc-scholen-vo-samenwerking",
        }
        load_ontology_into_graph(second)
        import_hsds(second, tmp_path / "a")
        again = ServiceRepository(second)
        assert again.get("svc-figulus-welzijnscoach").professional_only
        assert not again.get(
            "svc-veilig-thuis-consultatie"
        ).professional_only  # the words do not bring it back
        export_hsds(second, tmp_path / "b")
        for name in ("attributes.csv", "taxonomy_terms.csv", "taxonomies.csv", "services.csv"):
            assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    finally:
        for s in (first, second):
            s.clear()
            s.close()


def _package(folder: Path, *, with_publiek: bool, words: str) -> Path:
    folder.mkdir()
    (folder / "organizations.csv").write_text(
        "id,name,description\norg-x,Stichting X,Test\n", encoding="utf-8"
    )
    (folder / "services.csv").write_text(
        "id,organization_id,name,description,status\n"
        f'svc-overleg,org-x,Casusoverleg jeugd,"{words}",active\n'
        'svc-spreekuur,org-x,Opvoedspreekuur,"Voor ouders, samen met professionals van het wijkteam.",active\n',
        encoding="utf-8",
    )
    if with_publiek:
        (folder / "taxonomies.csv").write_text(
            "id,name,description\ntax-publiek,publiek,Publiek\n", encoding="utf-8"
        )
        (folder / "taxonomy_terms.csv").write_text(
            "id,code,name,description,taxonomy_id\npubliek-professionals,professionals,Professionals,x,tax-publiek\n",
            encoding="utf-8",
        )
    return folder


@pytest.mark.parametrize("with_publiek", [False, True])
def test_another_publishers_package_is_read_from_its_own_words_only(falkor_store, tmp_path, with_publiek):
    from ingest.hsds import import_hsds
    from ingest.ontology_loader import load_ontology_into_graph

    load_ontology_into_graph(falkor_store)
    words = "Multidisciplinair overleg over vastgelopen gezinnen, alleen voor professionals."
    import_hsds(falkor_store, _package(tmp_path / "pkg", with_publiek=with_publiek, words=words))
    repo = ServiceRepository(falkor_store)
    # with the taxonomy, the package says itself which services are for professionals (none here)
    assert repo.get("svc-overleg").professional_only is (not with_publiek)
    assert not repo.get("svc-spreekuur").professional_only  # "professionals" alone is no cue


def test_the_flag_is_stored_and_residents_lists_leave_it_out(kaart):
    """Both backends: the property round-trips and the resident's filter is cut in the graph."""
    OrganisationRepository(kaart).upsert([organisation("org-1")])
    ServiceRepository(kaart).upsert(
        [
            service("svc-open", niveau="lokaal-team", status="active", themes=("schulden",)),
            service("svc-overleg", niveau="lokaal-team", themes=("schulden",), professional_only=True),
        ]
    )
    assert ServiceRepository(kaart).get("svc-overleg").professional_only
    assert not ServiceRepository(kaart).get("svc-open").professional_only
    views = Views(kaart)
    assert [i for i, _ in views.find_service_ids(Filters())] == ["svc-open", "svc-overleg"]
    assert [i for i, _ in views.find_service_ids(Filters(for_residents=True))] == ["svc-open"]
    page, total = views.find_service_page(Filters(for_residents=True), 0, 10)
    assert [i for i, _ in page] == ["svc-open"] and total == 1
    assert [s.professional_only for s in views.summaries(["svc-open", "svc-overleg"])] == [False, True]
    assert views.themes()["schulden"].service_count == 1  # the home tiles count what residents can go to
    assert isinstance(OrganisationRepository(kaart).get("org-1"), Organisation)
    public = views.organisation_detail("org-1", professional=False)
    assert [s.id for s in public.services] == ["svc-open"]
    assert [s.id for s in views.organisation_detail("org-1", professional=True).services] == [
        "svc-open",
        "svc-overleg",
    ]
