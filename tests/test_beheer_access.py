"""Who may use beheer: every beheer route for anonymous visitors (login), professionals (403), coördinatoren
and admins (200 on the demo data), and the partner pages by token (valid, expired, revoked, unknown, another
organisation's service)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from site_data import PLANTED_ORG, PLANTED_SERVICE, add_account, close_app, csrf_from, demo_app, login

from graph.partner_links import PartnerLinkRepository
from graph.proposals import FieldDiff, Proposal, ProposalRepository, proposal_id
from webapp.accounts import digest
from webapp.audience import audience_of

NETWORK = "net-vat-aalten"


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("beheer-access"))
    from webapp.db import get_store

    with app.app_context():
        store = get_store()
        diffs = (FieldDiff("description", "Hulp bij schulden in Aalten.", "Hulp bij geldzorgen in Aalten."),)
        pid = proposal_id("update", "Organisation", PLANTED_ORG, "test", diffs)
        ProposalRepository(store).add(
            [
                Proposal(
                    id=pid,
                    kind="update",
                    entity_type="Organisation",
                    entity_id=PLANTED_ORG,
                    diffs=diffs,
                    source="test",
                    created_at="2026-01-01T00:00:00+00:00",
                )
            ]
        )
        link = PartnerLinkRepository(store).create(
            PLANTED_ORG, digest("x" * 43), "test", "2099-01-01T00:00:00+00:00"
        )
    app.kaart_ids = {"proposal": pid, "link": link.id}
    yield app
    close_app(app)


def _arg_values(app, endpoint: str) -> dict[str, str]:
    ids = app.kaart_ids
    name = endpoint.split(".", 1)[1]
    if name.startswith(("organisation", "partner_link_new")):
        return {"id": PLANTED_ORG}
    if name.startswith(("service_new", "location_new")):
        return {"org_id": PLANTED_ORG}
    if name.startswith("service"):
        return {"id": PLANTED_SERVICE}
    if name.startswith("location"):
        return {"id": "loc-test-kantoor"}
    if name == "phone_new":
        return {"soort": "dienst", "eigenaar": PLANTED_SERVICE}
    if name.startswith("phone"):
        return {"id": "ph-test-public"}
    if name.startswith("network"):
        return {"id": NETWORK}
    if name.startswith("proposal"):
        return {"id": ids["proposal"]}
    if name.startswith("partner_link"):
        return {"id": ids["link"]}
    if name == "history":
        return {"soort": "organisatie", "id": PLANTED_ORG}
    if name == "temporary_status":  # issue 16.3: the status form of a dienst or organisation
        return {"soort": "dienst", "id": PLANTED_SERVICE}
    return {}


def beheer_routes(app) -> list[tuple[str, str, str]]:
    """(url, method, audience) of every route of the beheer blueprint, with real ids of the demo data."""
    out = []
    with app.test_request_context():
        from flask import url_for

        for rule in app.url_map.iter_rules():
            if not rule.endpoint.startswith("beheer."):
                continue
            needed = audience_of(app.view_functions[rule.endpoint])
            args = {k: v for k, v in _arg_values(app, rule.endpoint).items() if k in rule.arguments}
            url = url_for(rule.endpoint, **args)
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                out.append((url, method, needed))
    return out


def test_every_beheer_route_declares_coordinator_or_partner(site):
    for rule in site.url_map.iter_rules():
        if rule.endpoint.startswith("beheer.") and rule.endpoint != "beheer.stylesheet":
            assert audience_of(site.view_functions[rule.endpoint]) == "coordinator", rule.rule
            assert rule.rule.startswith("/beheer/")
        if rule.endpoint.startswith("partner."):
            assert audience_of(site.view_functions[rule.endpoint]) == "partner", rule.rule
            assert rule.rule.startswith("/partner/<token>")
    assert len(beheer_routes(site)) >= 40


def test_anonymous_is_sent_to_login(site):
    client = site.test_client()
    token = csrf_from(client.get("/inloggen").text)
    for url, method, needed in beheer_routes(site):
        if needed != "coordinator":
            continue
        resp = client.open(url, method=method, data={"csrf_token": token})
        assert resp.status_code == 302, (url, method, resp.status_code)
        assert "/inloggen" in resp.headers["Location"], url


def test_professional_gets_403(site):
    client = site.test_client()
    login(client, add_account(site, "professional"))
    token = csrf_from(client.get("/professional/").text)
    for url, method, needed in beheer_routes(site):
        if needed != "coordinator":
            continue
        resp = client.open(url, method=method, data={"csrf_token": token})
        assert resp.status_code == 403, (url, method, resp.status_code)
    # and the menu does not show beheer
    assert "/beheer/" not in client.get("/professional/").text


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_coordinator_and_admin_see_every_beheer_page(site, role):
    client = site.test_client()
    login(client, add_account(site, role))
    assert 'href="/beheer/"' in client.get("/professional/").text  # menu link
    for url, method, _needed in beheer_routes(site):
        if method != "GET":
            continue
        resp = client.get(url)
        if resp.status_code == 302:  # an action URL (POST) opened in a browser goes to its page
            assert resp.headers["Location"].startswith("/beheer/"), url
            continue
        assert resp.status_code == 200, (role, url, resp.status_code)
        if resp.mimetype == "text/html":
            assert "Traceback" not in resp.text
            assert resp.headers["Cache-Control"] == "no-store", url


def test_stylesheet_is_public_and_cacheable(site):
    resp = site.test_client().get("/beheer/stijl.css")
    assert resp.status_code == 200 and resp.mimetype == "text/css"
    assert "beheer-tabel" in resp.text


def test_csrf_is_required_on_beheer_forms(site):
    client = site.test_client()
    login(client, add_account(site, "coordinator"))
    resp = client.post(f"/beheer/organisatie/{PLANTED_ORG}", data={"name": "Zonder token", "versie": "1"})
    assert resp.status_code == 400


# --- partner links ------------------------------------------------------------------------------------------


def _link(app, org: str, *, days: float = 30) -> tuple[str, str]:
    import secrets

    from webapp.db import get_store

    token = secrets.token_urlsafe(32)
    expires = (datetime.now(UTC) + timedelta(days=days)).replace(microsecond=0).isoformat()
    with app.app_context():
        link = PartnerLinkRepository(get_store()).create(org, digest(token), "test@example.org", expires)
    return token, link.id


def test_partner_link_valid_expired_revoked_unknown(site):
    client = site.test_client()
    token, link_id = _link(site, PLANTED_ORG)
    resp = client.get(f"/partner/{token}")
    assert resp.status_code == 200
    assert "Schuldhulp Testorganisatie" in resp.text and "Alles klopt" in resp.text
    assert resp.headers["Cache-Control"] == "no-store"
    assert "noindex" in resp.headers["X-Robots-Tag"]

    expired, _ = _link(site, PLANTED_ORG, days=-1)
    resp = client.get(f"/partner/{expired}")
    assert resp.status_code == 410 and "verlopen" in resp.text

    assert client.get(f"/partner/{'A' * 43}").status_code == 404
    assert client.get("/partner/kort").status_code == 404

    coordinator = site.test_client()
    login(coordinator, add_account(site, "coordinator"))
    page = coordinator.get("/beheer/partnerlinks")
    assert page.status_code == 200
    resp = coordinator.post(
        f"/beheer/partnerlink/{link_id}/intrekken", data={"csrf_token": csrf_from(page.text)}
    )
    assert resp.status_code == 302
    resp = client.get(f"/partner/{token}")
    assert resp.status_code == 410 and "ingetrokken" in resp.text
    # a revoked link accepts nothing either
    csrf = csrf_from(client.get(f"/partner/{_link(site, PLANTED_ORG)[0]}").text)
    assert client.post(f"/partner/{token}/klopt", data={"csrf_token": csrf}).status_code == 410
    assert client.post(f"/partner/{expired}", data={"csrf_token": csrf}).status_code == 410


def test_partner_link_is_for_one_organisation_only(site):
    client = site.test_client()
    token, _ = _link(site, PLANTED_ORG)
    assert client.get(f"/partner/{token}/dienst/{PLANTED_SERVICE}").status_code == 302
    other = "svc-aalten-brede-intake"  # a service of another organisation
    assert client.get(f"/partner/{token}/dienst/{other}").status_code == 404
    page = client.get(f"/partner/{token}")
    assert "Hulpvraag bespreken" not in page.text
    # fields for another organisation's service, forged into the form, are ignored
    resp = client.post(
        f"/partner/{token}",
        data={
            "csrf_token": csrf_from(page.text),
            f"svc-{other}-name": "Overgenomen",
            f"was-svc-{other}-name": "Hulpvraag bespreken: brede intake",
        },
    )
    assert resp.status_code == 200
    from webapp.db import get_store

    with site.app_context():
        filed = ProposalRepository(get_store()).for_entity("Service", other)
    assert filed == []


def test_beheer_pages_link_only_local_targets(site):
    client = site.test_client()
    login(client, add_account(site, "coordinator"))
    page = client.get("/beheer/")
    hrefs = re.findall(r'href="([^"]+)"', page.text)
    assert hrefs and all(h.startswith(("/", "#", "tel:", "mailto:")) for h in hrefs), hrefs
