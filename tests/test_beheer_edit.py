"""Editing in beheer, on both backends: optimistic concurrency (two concurrent edits → one success, one
conflict page with both versions, never a lost update), the audit Change per field in the same unit, and the
forms for organisations, services (themes, suggestions, doelgroepen, kernen), locations, phones and networks."""

from __future__ import annotations

import dataclasses
import re
import threading

import pytest
from live import form_fields
from site_data import add_account, csrf_from, login

from graph import ensure_schema
from graph.editing import create_record, save_edit
from graph.errors import ConflictError
from graph.models import Organisation, Service
from graph.proposals import ChangeRepository
from graph.repositories import (
    KernRepository,
    LocationRepository,
    NetwerkRepository,
    OrganisationRepository,
    PhoneRepository,
    ServiceRepository,
)
from ingest.ontology_loader import load_ontology_into_graph

ORG = "org-edit-test"
SVC = "svc-edit-test"


def _seed(store) -> None:
    ensure_schema(store)
    load_ontology_into_graph(store)
    KernRepository(store).upsert(
        [
            __import__("graph.models", fromlist=["Kern"]).Kern(
                "kern-aalten", "Aalten", "Aalten", 51.925, 6.58056
            )
        ]
    )
    OrganisationRepository(store).upsert(
        [
            Organisation(
                id=ORG, name="Buurtwerk Test", description="Welzijn in de buurt.", kind="sociale-basis"
            )
        ]
    )
    ServiceRepository(store).upsert(
        [
            Service(
                id=SVC,
                organization_id=ORG,
                name="Koffie-ochtend",
                description="Samen koffie drinken en mensen ontmoeten.",
                niveau="vrij-toegankelijk",
                themes=("sociaal-netwerk",),
                suggested_themes=("eenzaamheid", "mantelzorg"),
            )
        ]
    )


@pytest.fixture
def kaart_app(graph_uri, tmp_path):
    """The app on a fresh graph of the backend under test (FalkorDB and Neo4j)."""
    from webapp import create_app
    from webapp.db import close_store, get_store

    app = create_app(
        {"TESTING": True, "DATA_DIR": str(tmp_path / "data"), "GRAPH_URI": graph_uri, "TILE_URL": ""}
    )
    with app.app_context():
        _seed(get_store())
    yield app
    with app.app_context():
        get_store().clear()
    close_store(app)


def _coordinator(app):
    client = app.test_client()
    account = add_account(app, "coordinator")
    login(client, account)
    return client, account


def _form(client, url: str) -> dict:
    return form_fields(client.get(url).text, url)


def _store(app):
    from webapp.db import get_store

    return get_store(app)


# --- the conflict case, both backends ------------------------------------------------------------------------


def test_two_concurrent_edits_one_success_one_conflict(store):
    """Graph level, real threads: both read version v, both write; exactly one wins, nothing is lost."""
    _seed(store)
    repo = OrganisationRepository(store)
    org = repo.get(ORG)
    version = repo.meta(ORG)["version"]
    barrier = threading.Barrier(2)
    outcome: dict[str, str] = {}

    def edit(who: str, **fields) -> None:
        barrier.wait()
        try:
            save_edit(store, "Organisation", dataclasses.replace(org, **fields), who, version)
            outcome[who] = "ok"
        except ConflictError:
            outcome[who] = "conflict"

    threads = [
        threading.Thread(target=edit, args=("a@example.org",), kwargs={"name": "Naam van A"}),
        threading.Thread(target=edit, args=("b@example.org",), kwargs={"description": "Omschrijving van B"}),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcome.values()) == ["conflict", "ok"]
    winner = next(w for w, o in outcome.items() if o == "ok")
    now = repo.get(ORG)
    if winner == "a@example.org":
        assert now.name == "Naam van A" and now.description == "Welzijn in de buurt."
    else:
        assert now.name == "Buurtwerk Test" and now.description == "Omschrijving van B"
    changes = ChangeRepository(store).for_entity("Organisation", ORG)
    assert [c.who for c in changes] == [winner] and changes[0].source == "edit"
    assert repo.meta(ORG)["version"] > version


def test_stale_form_gets_conflict_page_with_both_versions(kaart_app):
    a, acc_a = _coordinator(kaart_app)
    b, _ = _coordinator(kaart_app)
    url = f"/beheer/organisatie/{ORG}"
    form_a, form_b = _form(a, url), _form(b, url)
    assert form_a["versie"] == form_b["versie"]
    form_a["name"] = "Buurtwerk Oost"
    resp = a.post(url, data=form_a)
    assert resp.status_code == 302
    form_b["description"] = "Welzijn en ontmoeting in de buurt."
    resp = b.post(url, data=form_b)
    assert resp.status_code == 409
    page = resp.text
    assert "Iemand anders was u voor" in page and "niet</strong> opgeslagen" in page
    assert "Buurtwerk Oost" in page and "Welzijn en ontmoeting in de buurt." in page  # both versions
    assert 'class="beheer-verschil"' in page
    org = OrganisationRepository(_store(kaart_app)).get(ORG)
    assert org.name == "Buurtwerk Oost" and org.description == "Welzijn in de buurt."  # no lost update
    # B decides, having seen both: "toch mijn versie opslaan" carries the current version
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))
    assert b.post(url, data=data).status_code == 302
    org = OrganisationRepository(_store(kaart_app)).get(ORG)
    assert org.description == "Welzijn en ontmoeting in de buurt." and org.name == "Buurtwerk Test"
    fields = [(c.field, c.who) for c in ChangeRepository(_store(kaart_app)).for_entity("Organisation", ORG)]
    assert ("name", acc_a["email"]) in fields and len(fields) == 3  # name (A), name + description (B)


def test_two_concurrent_posts_one_success_one_conflict(kaart_app):
    """The web flow with two coördinatoren posting at the same moment."""
    clients = [_coordinator(kaart_app)[0] for _ in range(2)]
    url = f"/beheer/dienst/{SVC}"
    forms = [_form(c, url) for c in clients]
    forms[0]["name"] = "Koffie-ochtend (nieuw)"
    forms[1]["wait_time"] = "geen"
    forms[1]["wait_time_date"] = "2026-11-03"
    barrier = threading.Barrier(2)
    codes: list[int] = []

    def post(client, data):
        barrier.wait()
        codes.append(client.post(url, data=data).status_code)

    threads = [threading.Thread(target=post, args=(c, f)) for c, f in zip(clients, forms, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(codes) == [302, 409]
    svc = ServiceRepository(_store(kaart_app)).get(SVC)
    assert (svc.name == "Koffie-ochtend (nieuw)") != (svc.wait_time == "geen")


# --- audit and forms ------------------------------------------------------------------------------------------


def test_edit_writes_a_change_per_field(kaart_app):
    client, account = _coordinator(kaart_app)
    url = f"/beheer/dienst/{SVC}"
    form = _form(client, url)
    form.update(
        {
            "niveau": "vrij-toegankelijk",
            "status": "active",
            "wait_time": "1 week",
            "thema": ["sociaal-netwerk"],
        }
    )
    form["suggestie-eenzaamheid"] = "overnemen"
    form["suggestie-mantelzorg"] = "afwijzen"
    form["doelgroep"] = ["ouderen"]
    form["kern"] = ["kern-aalten", "kern-dinxperlo"]
    form["openingstijden"] = "ma t/m vr 9.00 - 12.00 uur"
    form["wait_time_date"] = "2026-11-03"
    resp = client.post(url, data=form)
    assert resp.status_code == 302, resp.text[:2000]
    store = _store(kaart_app)
    svc = ServiceRepository(store).get(SVC)
    assert svc.themes == ("eenzaamheid", "sociaal-netwerk") and svc.suggested_themes == ()
    assert svc.doelgroepen == ("ouderen",) and svc.kernen == ("kern-aalten", "kern-dinxperlo")
    assert svc.opening_hours == "Mo-Fr 09:00-12:00" and svc.wait_time == "1 week"
    assert KernRepository(store).get("kern-dinxperlo").gemeente == "Aalten"  # from the gazetteer
    changes = {c.field: c for c in ChangeRepository(store).for_entity("Service", SVC)}
    assert changes["wait_time"].old is None and changes["wait_time"].new == "1 week"
    assert changes["themes"].old == ["sociaal-netwerk"] and changes["themes"].new == [
        "eenzaamheid",
        "sociaal-netwerk",
    ]
    assert changes["suggested_themes"].new == []
    assert {c.who for c in changes.values()} == {account["email"]} and {
        c.source for c in changes.values()
    } == {"edit"}
    history = client.get(f"/beheer/historie/dienst/{SVC}")
    assert history.status_code == 200 and "1 week" in history.text and account["email"] in history.text
    # the history names themes and kernen; it never shows their ids
    assert "Dinxperlo" in history.text and "kern-dinxperlo" not in history.text
    assert "Eenzaamheid" in history.text and "sociaal-netwerk," not in history.text


def test_validation_errors_are_shown_and_nothing_is_written(kaart_app):
    client, _ = _coordinator(kaart_app)
    url = f"/beheer/organisatie/{ORG}"
    form = _form(client, url)
    form.update({"email": "geen-adres", "website": "javascript:alert(1)", "name": ""})
    resp = client.post(url, data=form)
    assert resp.status_code == 400
    assert (
        "geen geldig e-mailadres" in resp.text
        and "geen geldig webadres" in resp.text
        and "Vul naam in" in resp.text
    )
    assert ChangeRepository(_store(kaart_app)).for_entity("Organisation", ORG) == []


def test_create_organisation_service_location_phone_and_archive(kaart_app):
    client, account = _coordinator(kaart_app)
    page = client.get("/beheer/organisaties/nieuw")
    resp = client.post(
        "/beheer/organisaties/nieuw",
        data={"csrf_token": csrf_from(page.text), "name": "Steunpunt Dinxperlo", "email": "info@example.org"},
    )
    assert resp.status_code == 302
    org_id = resp.headers["Location"].rsplit("/", 1)[1]
    store = _store(kaart_app)
    assert OrganisationRepository(store).get(org_id).email == "info@example.org"
    created = ChangeRepository(store).for_entity("Organisation", org_id)
    assert {c.field for c in created} == {"record", "name", "email", "status"}

    token = csrf_from(client.get(f"/beheer/organisatie/{org_id}/locatie/nieuw").text)
    resp = client.post(
        f"/beheer/organisatie/{org_id}/locatie/nieuw",
        data={"csrf_token": token, "name": "Dorpshuis", "postal_code": "7091ab", "kern": "kern-dinxperlo"},
    )
    assert resp.status_code == 302
    (loc,) = [x for x in LocationRepository(store).all() if x.organization_id == org_id]
    assert loc.postal_code == "7091 AB" and loc.approximate and round(loc.latitude, 2) == 51.86

    resp = client.post(
        f"/beheer/organisatie/{org_id}/dienst/nieuw",
        data={
            "csrf_token": token,
            "name": "Inloop",
            "status": "active",
            "niveau": "vrij-toegankelijk",
            "locatie": loc.id,
            "thema": "eenzaamheid",
        },
    )
    assert resp.status_code == 302
    svc_id = resp.headers["Location"].rsplit("/", 1)[1]
    assert ServiceRepository(store).get(svc_id).location_ids == (loc.id,)

    resp = client.post(
        f"/beheer/telefoon/nieuw/dienst/{svc_id}",
        data={
            "csrf_token": token,
            "number": "0543-999999",
            "type": "voice",
            "professional_only": "1",
            "description": "Directe lijn",
        },
    )
    assert resp.status_code == 302
    (phone,) = PhoneRepository(store).for_services([svc_id])[svc_id]
    assert phone.professional_only and phone.number == "0543-999999"
    # the public page never shows it
    assert "0543-999999" not in kaart_app.test_client().get(f"/dienst/{svc_id}").text
    version = PhoneRepository(store).meta(phone.id)["version"]
    assert (
        client.post(
            f"/beheer/telefoon/{phone.id}/verwijderen", data={"csrf_token": token, "versie": version}
        ).status_code
        == 302
    )
    assert PhoneRepository(store).get(phone.id) is None
    gone = ChangeRepository(store).for_entity("Phone", phone.id)
    assert ("record", "verwijderd") in [(c.field, c.new) for c in gone] and ("number", "0543-999999") in [
        (c.field, c.old) for c in gone
    ]

    version = OrganisationRepository(store).meta(org_id)["version"]
    # One click is not enough (tester: archived with every service by a single click): the box must be ticked.
    page = client.get(f"/beheer/organisatie/{org_id}").text
    assert 'name="bevestigen"' in page and "required" in page.split('name="bevestigen"')[1].split(">")[0]
    resp = client.post(
        f"/beheer/organisatie/{org_id}/archiveren",
        data={"csrf_token": token, "versie": version, "actie": "archiveren"},
    )
    assert resp.status_code == 302
    assert OrganisationRepository(store).get(org_id).status == "active"
    assert ServiceRepository(store).get(svc_id).status == "active"
    assert "Vink eerst aan" in client.get(f"/beheer/organisatie/{org_id}").text
    resp = client.post(
        f"/beheer/organisatie/{org_id}/archiveren",
        data={"csrf_token": token, "versie": version, "actie": "archiveren", "bevestigen": "ja"},
    )
    assert resp.status_code == 302
    assert OrganisationRepository(store).get(org_id).status == "archived"
    assert ServiceRepository(store).get(svc_id).status == "inactive"
    status = [
        (c.old, c.new, c.who)
        for c in ChangeRepository(store).for_entity("Service", svc_id)
        if c.field == "status"
    ]
    assert status[0] == ("active", "inactive", account["email"])


def test_networks_and_memberships(kaart_app):
    client, _ = _coordinator(kaart_app)
    token = csrf_from(client.get("/beheer/netwerken/nieuw").text)
    resp = client.post("/beheer/netwerken/nieuw", data={"csrf_token": token, "name": "Platform Test"})
    assert resp.status_code == 302
    net_id = resp.headers["Location"].rsplit("/", 1)[1]
    page = client.get("/beheer/netwerken")
    assert "Buurtwerk Test" in page.text.split("Organisaties zonder netwerk")[1]  # no tie yet
    resp = client.post(
        f"/beheer/organisatie/{ORG}/netwerk",
        data={"csrf_token": token, "netwerk": net_id, "rol": "trekker", "status": "huidig"},
    )
    assert resp.status_code == 302
    net = NetwerkRepository(_store(kaart_app)).get(net_id)
    assert [(m.organisation_id, m.rol) for m in net.members] == [(ORG, "trekker")]
    page = client.get("/beheer/netwerken").text
    assert "Alle organisaties zitten in ten minste één netwerk" in page
    form = _form(client, f"/beheer/netwerk/{net_id}")
    form["weg-0"] = "1"
    assert client.post(f"/beheer/netwerk/{net_id}", data=form).status_code == 302
    assert NetwerkRepository(_store(kaart_app)).get(net_id).members == ()
    fields = [c.field for c in ChangeRepository(_store(kaart_app)).for_entity("Netwerk", net_id)]
    assert fields.count("members") == 2


def test_create_record_refuses_an_existing_id(store):
    _seed(store)
    with pytest.raises(Exception, match="bestaat al"):
        create_record(store, "Organisation", Organisation(id=ORG, name="Dubbel"), "x@example.org")


def test_saving_an_unchanged_form_writes_no_history(kaart_app):
    """An import may leave empty text as "" where the form sends nothing: saving without a change must not
    write "(leeg) → (leeg)" into the history."""
    store = _store(kaart_app)
    org = OrganisationRepository(store).get(ORG)
    OrganisationRepository(store).upsert([dataclasses.replace(org, alternate_name="", email="", website="")])
    client, _ = _coordinator(kaart_app)
    url = f"/beheer/organisatie/{ORG}"
    resp = client.post(url, data=_form(client, url), follow_redirects=True)
    assert resp.status_code == 200 and "Er was niets veranderd." in resp.text
    assert ChangeRepository(store).for_entity("Organisation", ORG) == []
    history = client.get(f"/beheer/historie/organisatie/{ORG}").text
    assert "(leeg) → (leeg)" not in history and "(leeg) &rarr; (leeg)" not in history


def test_hours_of_every_kind_and_closures_become_schedules_and_read_back(kaart_app):
    client, _ = _coordinator(kaart_app)
    url = f"/beheer/dienst/{SVC}"
    form = _form(client, url)
    form.update(
        {
            "openingstijden": "ma t/m vr 9.00-17.00",
            "telefonisch": "ma t/m do 9-12",
            "inloop": "di en do 10-12",
            "afspraak": "1",
            "gesloten": "21-12-2026 t/m 3-1-2027: Kerstsluiting",
        }
    )
    assert client.post(url, data=form).status_code == 302
    svc = ServiceRepository(_store(kaart_app)).get(SVC)
    assert {s.kind for s in svc.schedules} == {
        "openingstijden",
        "telefonisch",
        "inloop",
        "afspraak",
        "gesloten",
    }
    assert svc.opening_hours == "Mo-Fr 09:00-17:00"
    closure = next(s for s in svc.schedules if s.kind == "gesloten")
    assert (closure.valid_from, closure.valid_to, closure.description) == (
        "2026-12-21",
        "2027-01-03",
        "Kerstsluiting",
    )
    # the form shows the texts again; saving it unchanged changes nothing
    again = _form(client, url)
    assert again["telefonisch"] == "ma t/m do 9.00-12.00" and again["afspraak"] == "1"
    before = len(ChangeRepository(_store(kaart_app)).for_entity("Service", SVC))
    resp = client.post(url, data=again, follow_redirects=True)
    assert "Er was niets veranderd." in resp.text
    assert len(ChangeRepository(_store(kaart_app)).for_entity("Service", SVC)) == before
    # wording the parser cannot read is a Dutch error on that field, and nothing is written
    again["inloop"] = "om de week op dinsdag"
    resp = client.post(url, data=again)
    assert resp.status_code == 400 and "Inloop (zonder afspraak): dit kunnen we niet lezen" in resp.text


def test_a_changed_wachttijd_needs_its_date(kaart_app):
    client, _ = _coordinator(kaart_app)
    url = f"/beheer/dienst/{SVC}"
    form = _form(client, url)
    form["wait_time"] = "ongeveer 6 weken"
    resp = client.post(url, data=form)
    assert resp.status_code == 400 and "Vul in op welke datum deze wachttijd is doorgegeven." in resp.text
    assert ServiceRepository(_store(kaart_app)).get(SVC).wait_time is None
    form["wait_time_date"] = "2026-11-03"
    assert client.post(url, data=form).status_code == 302
    svc = ServiceRepository(_store(kaart_app)).get(SVC)
    assert (svc.wait_time, svc.wait_time_date) == ("ongeveer 6 weken", "2026-11-03")


def test_a_theme_can_be_marked_as_merely_touched_in_beheer(kaart_app):
    """Issue 12: per theme "kern van het aanbod" or "raakt eraan" is editable; the ranking reads TOUCHES."""
    store = _store(kaart_app)
    client, _ = _coordinator(kaart_app)
    url = f"/beheer/dienst/{SVC}"
    page = client.get(url).text
    assert "Kern van het aanbod of raakt eraan" in page and 'name="bijzaak" value="sociaal-netwerk"' in page
    data = _form(client, url)
    data["bijzaak"] = "sociaal-netwerk"
    assert client.post(url, data=data, follow_redirects=True).status_code == 200
    svc = ServiceRepository(store).get(SVC)
    assert "sociaal-netwerk" in svc.themes and svc.incidental_themes == ("sociaal-netwerk",)
    data = _form(client, url)
    data.pop("bijzaak", None)
    client.post(url, data=data, follow_redirects=True)
    assert ServiceRepository(store).get(SVC).incidental_themes == ()
