"""Partner self-service: a coördinator makes a personal, expiring, single-organisation link (only its hash is
stored); the partner edits without an account and the result is a Proposal; "alles klopt" proposes the
verified date, which only a coördinator's approval sets; links expire and can be revoked; the token never reaches the graph's audit or a log line."""

from __future__ import annotations

import logging
import re

import pytest
from site_data import add_account, csrf_from, login

from graph import ensure_schema
from graph.models import Organisation, Phone, Service
from graph.partner_links import PartnerLinkRepository
from graph.proposals import ChangeRepository, ProposalRepository
from graph.repositories import OrganisationRepository, PhoneRepository, ServiceRepository
from webapp.beheer.partners import RedactPartnerTokens

ORG = "org-partner-test"


@pytest.fixture
def kaart(app):
    from webapp.db import get_store

    with app.app_context():
        store = get_store()
        ensure_schema(store)
        OrganisationRepository(store).upsert(
            [
                Organisation(id=ORG, name="Huiskamer Dinxperlo", email="info@huiskamer.example"),
                Organisation(id="org-ander", name="Andere organisatie"),
            ]
        )
        ServiceRepository(store).upsert(
            [
                Service(
                    id="svc-p1", organization_id=ORG, name="Inloop", description="Koffie en een praatje."
                ),
                Service(id="svc-p2", organization_id=ORG, name="Maaltijd", description="Samen eten."),
                Service(id="svc-ander", organization_id="org-ander", name="Iets anders"),
            ]
        )
        PhoneRepository(store).upsert(
            [
                Phone(
                    id="ph-p1",
                    number="0315-111111",
                    service_id="svc-p1",
                    professional_only=True,
                    description="Directe lijn",
                )
            ]
        )
    return app


def _store(app):
    from webapp.db import get_store

    return get_store(app)


def _make_link(app, org: str = ORG) -> tuple[object, str]:
    client = app.test_client()
    login(client, add_account(app, "coordinator"))
    page = client.get(f"/beheer/organisatie/{org}")
    resp = client.post(
        f"/beheer/organisatie/{org}/partnerlink",
        data={"csrf_token": csrf_from(page.text), "dagen": "14", "email": "contact@huiskamer.example"},
    )
    assert resp.status_code == 200
    url = re.search(r'id="partnerlink">([^<]+)<', resp.text).group(1)
    assert "mailto:contact@huiskamer.example" in resp.text
    return client, url.split("/partner/", 1)[1]


def _approve(client, proposal_id: str) -> None:
    page = client.get(f"/beheer/voorstel/{proposal_id}")
    digest = re.search(r'name="digest" value="([^"]+)"', page.text).group(1)
    resp = client.post(
        f"/beheer/voorstel/{proposal_id}",
        data={"csrf_token": csrf_from(page.text), "digest": digest, "actie": "goedkeuren"},
    )
    assert resp.status_code == 302


def test_link_is_stored_as_a_hash_only(kaart):
    _, token = _make_link(kaart)
    store = _store(kaart)
    (link,) = PartnerLinkRepository(store).for_organisation(ORG)
    assert link.token_hash != token and len(link.token_hash) == 64
    assert link.email == "contact@huiskamer.example" and link.usable()
    dump = str(store.read("MATCH (n) RETURN properties(n) AS p"))
    assert token not in dump


def test_partner_edits_become_proposals_and_coordinator_approves(kaart):
    coordinator, token = _make_link(kaart)
    partner = kaart.test_client()  # no account
    page = partner.get(f"/partner/{token}")
    assert page.status_code == 200
    assert "Inloop" in page.text and "Maaltijd" in page.text and "Iets anders" not in page.text
    assert "0315-111111" in page.text  # their own professional-only line, to check it
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page.text))
    for name in re.findall(r'name="((?:org|svc|tel)-[^"]+)"', page.text):
        data.setdefault(name, data.get(f"was-{name}", ""))
    data["svc-svc-p1-description"] = "Koffie, thee en een praatje. Elke dinsdag."
    data["svc-svc-p1-wait_time"] = "geen"
    data["svc-svc-p1-wait_time_date"] = "2026-11-03"
    data["tel-ph-p1-number"] = "0315-222222"
    data["nieuw-svc-p2-number"] = "0315-333333"
    resp = partner.post(f"/partner/{token}", data=data)
    assert resp.status_code == 200 and "Bedankt" in resp.text
    store = _store(kaart)
    # nothing changed in the kaart yet: proposals wait for a coördinator
    assert ServiceRepository(store).get("svc-p1").description == "Koffie en een praatje."
    proposals = {(p.entity_type, p.entity_id): p for p in ProposalRepository(store).list()}
    assert set(proposals) >= {("Service", "svc-p1"), ("Phone", "ph-p1")}
    svc_p = proposals[("Service", "svc-p1")]
    assert svc_p.source.startswith("partner:plink-")
    assert {d.field for d in svc_p.diffs} == {"description", "wait_time", "wait_time_date", "assured_date"}
    new_phone = [p for p in proposals.values() if p.kind == "create"]
    assert len(new_phone) == 1 and new_phone[0].entity_type == "Phone"
    # a partner's submission marks nothing as verified: the unchanged service gets a proposal to confirm it
    assert ServiceRepository(store).get("svc-p2").assured_date is None
    assert ServiceRepository(store).get("svc-p1").assured_date is None
    assert [d.field for d in proposals[("Service", "svc-p2")].diffs] == ["assured_date"]

    _approve(coordinator, svc_p.id)
    svc = ServiceRepository(store).get("svc-p1")
    assert svc.description.endswith("Elke dinsdag.") and svc.wait_time == "geen" and svc.assured_date
    for p in new_phone:
        _approve(coordinator, p.id)
    assert [x.number for x in PhoneRepository(store).for_services(["svc-p2"])["svc-p2"]] == ["0315-333333"]
    # the audit names the link, never the token
    for c in ChangeRepository(store).recent(500):
        assert token not in str(c)
    (link,) = PartnerLinkRepository(store).for_organisation(ORG)
    assert link.submitted_at


def test_alles_klopt_marks_nothing_verified_until_a_coordinator_approves(kaart):
    coordinator, token = _make_link(kaart)
    partner = kaart.test_client()
    page = partner.get(f"/partner/{token}")
    resp = partner.post(f"/partner/{token}/klopt", data={"csrf_token": csrf_from(page.text)})
    assert resp.status_code == 200 and "kloppen" in resp.text and "coördinator" in resp.text
    store = _store(kaart)
    from webapp.site import now_local

    today = now_local().date().isoformat()
    for sid in ("svc-p1", "svc-p2", "svc-ander"):
        assert ServiceRepository(store).get(sid).assured_date is None
    assert not [c for c in ChangeRepository(store).recent(100) if c.field == "assured_date"]
    proposals = {p.entity_id: p for p in ProposalRepository(store).list()}
    assert set(proposals) == {"svc-p1", "svc-p2"}
    assert all([(d.field, d.new) for d in p.diffs] == [("assured_date", today)] for p in proposals.values())
    (link,) = PartnerLinkRepository(store).for_organisation(ORG)
    assert link.confirmed_at

    _approve(coordinator, proposals["svc-p1"].id)
    assert ServiceRepository(store).get("svc-p1").assured_date == today
    assert ServiceRepository(store).get("svc-p2").assured_date is None
    (change,) = [
        c for c in ChangeRepository(store).for_entity("Service", "svc-p1") if c.field == "assured_date"
    ]
    assert change.new == today and not change.who.startswith("partner:")


def test_expired_and_revoked_links_stop_working(kaart):
    coordinator, token = _make_link(kaart)
    partner = kaart.test_client()
    assert partner.get(f"/partner/{token}").status_code == 200
    store = _store(kaart)
    (link,) = PartnerLinkRepository(store).for_organisation(ORG)
    # expiry: move the link's end into the past
    store.write(
        "MATCH (l:PartnerLink {id: $id}) SET l.expires_at = $t",
        {"id": link.id, "t": "2020-01-01T00:00:00+00:00"},
    )
    resp = partner.get(f"/partner/{token}")
    assert resp.status_code == 410 and "verlopen" in resp.text
    store.write(
        "MATCH (l:PartnerLink {id: $id}) SET l.expires_at = $t",
        {"id": link.id, "t": "2099-01-01T00:00:00+00:00"},
    )
    assert partner.get(f"/partner/{token}").status_code == 200
    page = coordinator.get("/beheer/partnerlinks")
    assert "Huiskamer Dinxperlo" in page.text and "actief" in page.text
    resp = coordinator.post(
        f"/beheer/partnerlink/{link.id}/intrekken", data={"csrf_token": csrf_from(page.text)}
    )
    assert resp.status_code == 302
    resp = partner.get(f"/partner/{token}")
    assert resp.status_code == 410 and "ingetrokken" in resp.text
    assert PartnerLinkRepository(store).get(link.id).revoked_by


def test_partner_tokens_are_redacted_from_access_logs(kaart, caplog):
    _, token = _make_link(kaart)
    record = logging.LogRecord(
        "werkzeug",
        logging.INFO,
        __file__,
        1,
        '%s - - [%s] "%s" %s',
        ("127.0.0.1", "now", f"GET /partner/{token} HTTP/1.1", "200"),
        None,
    )
    RedactPartnerTokens().filter(record)
    assert token not in record.getMessage() and "/partner/[link]" in record.getMessage()
    gunicorn = logging.LogRecord(
        "gunicorn.access", logging.INFO, __file__, 1, "%(r)s", ({"r": f"GET /partner/{token}/klopt"},), None
    )
    RedactPartnerTokens().filter(gunicorn)
    assert token not in str(gunicorn.args)
    assert RedactPartnerTokens() is not None and any(
        isinstance(f, RedactPartnerTokens) for f in logging.getLogger("werkzeug").filters
    )
    with caplog.at_level(logging.DEBUG):
        kaart.test_client().get(f"/partner/{token}")
    assert token not in caplog.text


def _partner_form(partner, token) -> dict:
    page = partner.get(f"/partner/{token}")
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page.text))
    for name in re.findall(r'name="((?:org|svc|tel)-[^"]+)"', page.text):
        data.setdefault(name, data.get(f"was-{name}", ""))
    return data


def test_partner_wachttijd_needs_its_date_and_hours_become_schedules(kaart):
    coordinator, token = _make_link(kaart)
    partner = kaart.test_client()
    data = _partner_form(partner, token)
    data["svc-svc-p1-wait_time"] = "ongeveer 6 weken"
    resp = partner.post(f"/partner/{token}", data=data)
    assert resp.status_code == 400 and "Vul in op welke datum deze wachttijd is doorgegeven." in resp.text
    store = _store(kaart)
    assert ProposalRepository(store).count() == 0
    data["svc-svc-p1-wait_time_date"] = "2026-11-03"
    data["svc-svc-p1-inloop"] = "di en do 10-12"
    resp = partner.post(f"/partner/{token}", data=data)
    assert resp.status_code == 200 and "Bedankt" in resp.text
    (p,) = [p for p in ProposalRepository(store).list() if p.entity_id == "svc-p1"]
    new = {d.field: d.new for d in p.diffs}
    assert new["wait_time"] == "ongeveer 6 weken" and new["wait_time_date"] == "2026-11-03"
    assert [s["kind"] for s in new["schedules"]] == ["inloop"]
    page = coordinator.get(f"/beheer/voorstel/{p.id}").text
    assert "inloop di en do 10.00–12.00" in page.lower() and "sched-" not in page
    _approve(coordinator, p.id)
    svc = ServiceRepository(store).get("svc-p1")
    assert [(s.kind, s.byday, s.opens_at) for s in svc.schedules] == [("inloop", "TU,TH", "10:00")]
    assert svc.wait_time_date == "2026-11-03"


def test_an_unchanged_reimport_keeps_what_a_coordinator_approved_from_a_partner(kaart):
    """Tester, end to end: HSDS import, partner link, the partner sends a wachttijd with its date and phone
    hours, the coördinator approves; the same HSDS import again reset them (updated=1, proposals=0)."""
    from pathlib import Path

    from ingest.hsds import import_hsds
    from ingest.ontology_loader import load_ontology_into_graph

    store = _store(kaart)
    load_ontology_into_graph(store)  # the fixture's themes exist, so the import itself is stable
    package = Path(__file__).parent / "fixtures" / "hsds" / "valid"
    import_hsds(store, package, source="hsds:aalten")
    coordinator, token = _make_link(kaart, "org-a")
    partner = kaart.test_client()
    data = _partner_form(partner, token)
    data["svc-svc-a-wait_time"] = "ongeveer 4 weken"
    data["svc-svc-a-wait_time_date"] = "2026-12-01"
    data["svc-svc-a-telefonisch"] = "ma t/m do 9-12"
    assert partner.post(f"/partner/{token}", data=data).status_code == 200
    (p,) = [p for p in ProposalRepository(store).list() if p.entity_id == "svc-a"]
    _approve(coordinator, p.id)
    approved = ServiceRepository(store).get("svc-a")
    assert approved.wait_time == "ongeveer 4 weken" and approved.schedules

    report = import_hsds(store, package, source="hsds:aalten")
    svc = ServiceRepository(store).get("svc-a")
    assert (svc.wait_time, svc.wait_time_date) == ("ongeveer 4 weken", "2026-12-01")
    assert svc.schedules == approved.schedules and svc.opening_hours == approved.opening_hours
    assert svc.assured_date == approved.assured_date
    assert report.summary()["services_updated"] == 0
    assert "import" not in {c.source for c in ChangeRepository(store).for_entity("Service", "svc-a")}
