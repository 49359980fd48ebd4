""" "Klopt er iets niet?": a resident reports what is wrong on a public entry; it lands in the review queue with
the entry and the field; spam is kept out without a CAPTCHA; the reply address is gone once the report is
handled."""

from __future__ import annotations

import json
import re
import time

import pytest
from site_data import PLANTED_ORG, PLANTED_SERVICE, add_account, close_app, csrf_from, demo_app, login

from graph.proposals import ProposalRepository

ADDRESS = "melder-7f3a@example.org"
REPORT = "Het telefoonnummer klopt niet meer, ze zijn verhuisd naar de Markt."


@pytest.fixture
def site(falkor_server, tmp_path):
    app = demo_app(falkor_server, tmp_path)
    yield app
    close_app(app)


def _store(app):
    from webapp.db import get_store

    return get_store(app)


def _reports(app) -> list:
    return ProposalRepository(_store(app)).list(None, kind="report")


def _aged_stamp(app, purpose: str, seconds: float = 10.0) -> str:
    from webapp.form_guard import stamp

    with app.test_request_context():
        return stamp(purpose, made_at=time.time() - seconds)


def _post(app, client, url: str, purpose: str, *, age: float = 10.0, **fields):
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "csrf_token": csrf_from(page.text),
        "formulier": _aged_stamp(app, purpose, age),
        "wat": REPORT,
        "veld": "telefoon",
        "email": "",
        "website": "",
    }
    data.update(fields)
    return client.post(url, data=data)


SERVICE_URL = f"/dienst/{PLANTED_SERVICE}/klopt-niet"
SERVICE_PURPOSE = f"melding:Service:{PLANTED_SERVICE}"


def test_every_public_entry_links_to_the_report_form(site):
    client = site.test_client()
    assert f'href="{SERVICE_URL}"' in client.get(f"/dienst/{PLANTED_SERVICE}").text
    assert f'href="/organisatie/{PLANTED_ORG}/klopt-niet"' in client.get(f"/organisatie/{PLANTED_ORG}").text
    from site_data import csrf_from

    token = csrf_from(client.get("/").text)
    found = client.post(
        "/zoeken", data={"vraag": "schulden en aanmaningen, zoekt budgetcoaching", "csrf_token": token}
    )
    assert f'href="{SERVICE_URL}"' in found.text  # a small link on the result cards
    # the browsing list keeps its cards short (ADR 0080): the link is on the entry's own page
    assert f'href="{SERVICE_URL}"' not in client.get("/kaart?thema=schulden").text
    form = client.get(SERVICE_URL)
    assert form.status_code == 200
    assert "Uw e-mailadres (niet verplicht)" in form.text
    assert "alleen voor dat antwoord en verwijderen het als uw melding is afgehandeld" in form.text
    for key in ("naam", "adres", "telefoon", "openingstijden", "beschrijving", "anders"):
        assert f'<option value="{key}"' in form.text
    assert client.get("/dienst/bestaat-niet/klopt-niet").status_code == 404


def test_a_report_becomes_a_proposal_with_the_entry_and_the_field(site):
    client = site.test_client()
    resp = _post(site, client, SERVICE_URL, SERVICE_PURPOSE, email=ADDRESS)
    assert resp.status_code == 200 and "Bedankt voor uw melding" in resp.text
    assert resp.headers["Cache-Control"] == "no-store"
    (p,) = _reports(site)
    assert (p.kind, p.entity_type, p.entity_id, p.reported_field) == (
        "report",
        "Service",
        PLANTED_SERVICE,
        "telefoon",
    )
    assert p.reason == REPORT and p.reply_to == ADDRESS and p.status == "pending"
    org = _post(
        site, client, f"/organisatie/{PLANTED_ORG}/klopt-niet", f"melding:Organisation:{PLANTED_ORG}", veld=""
    )
    assert org.status_code == 200
    assert {(r.entity_type, r.entity_id, r.reported_field, r.reply_to) for r in _reports(site)} == {
        ("Service", PLANTED_SERVICE, "telefoon", ADDRESS),
        ("Organisation", PLANTED_ORG, None, None),
    }


@pytest.mark.parametrize(
    "fields, says",
    [
        ({"wat": ""}, "Schrijf op wat er niet klopt"),
        ({"wat": "x" * 1001}, "te lang"),
        ({"wat": "Kijk op https://a.example en http://b.example en www.c.example"}, "hoogstens 2 links"),
        ({"veld": "wachtwoord"}, "Kies een gegeven uit de lijst"),
        ({"email": "geen adres"}, "Dit is geen e-mailadres"),
        ({"email": "a@b.nl, c@d.nl"}, "Dit is geen e-mailadres"),
    ],
)
def test_a_report_that_does_not_pass_is_shown_back_and_not_filed(site, fields, says):
    client = site.test_client()
    resp = _post(site, client, SERVICE_URL, SERVICE_PURPOSE, **fields)
    assert resp.status_code == 400 and says in resp.text
    assert _reports(site) == []


def test_a_bot_is_kept_out_without_a_captcha(site):
    client = site.test_client()
    # posting at once, before a person could have read the page
    fast = _post(site, client, SERVICE_URL, SERVICE_PURPOSE, age=0.5)
    assert fast.status_code == 400 and "Dat ging erg snel" in fast.text
    # a stamp for another entry, or none
    other = _post(site, client, SERVICE_URL, f"melding:Organisation:{PLANTED_ORG}")
    assert other.status_code == 400 and "verlopen" in other.text
    # filling the hidden field: thanked, nothing kept
    trap = _post(site, client, SERVICE_URL, SERVICE_PURPOSE, website="https://spam.example")
    assert trap.status_code == 200 and "Bedankt" in trap.text
    # without the CSRF token of our own form
    forged = client.post(SERVICE_URL, data={"wat": REPORT, "formulier": _aged_stamp(site, SERVICE_PURPOSE)})
    assert forged.status_code == 400
    assert _reports(site) == []


def test_reports_are_limited_per_client_address(site):
    client = site.test_client()
    codes = [_post(site, client, SERVICE_URL, SERVICE_PURPOSE).status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]
    assert len(_reports(site)) == 5
    elsewhere = site.test_client()
    page = elsewhere.get(SERVICE_URL, environ_base={"REMOTE_ADDR": "10.1.2.3"})
    resp = elsewhere.post(
        SERVICE_URL,
        data={
            "csrf_token": csrf_from(page.text),
            "formulier": _aged_stamp(site, SERVICE_PURPOSE),
            "wat": REPORT,
        },
        environ_base={"REMOTE_ADDR": "10.1.2.3"},
    )
    assert resp.status_code == 200  # another address is not held up


def _graph_dump(app) -> str:
    store = _store(app)
    nodes = store.read("MATCH (n) RETURN properties(n) AS p")
    rels = store.read("MATCH ()-[r]->() RETURN properties(r) AS p")
    return "\n".join(json.dumps(r["p"], default=str, ensure_ascii=False) for r in nodes + rels)


@pytest.mark.parametrize("decision", ["goedkeuren", "afwijzen"])
def test_handling_a_report_deletes_the_reply_address_from_the_graph(site, decision):
    _post(site, site.test_client(), SERVICE_URL, SERVICE_PURPOSE, email=ADDRESS)
    (p,) = _reports(site)
    assert ADDRESS in _graph_dump(site)
    coordinator = site.test_client()
    login(coordinator, add_account(site, "coordinator"))
    queue = coordinator.get("/beheer/voorstellen?soort=report")
    assert "Melding" in queue.text and "Telefoonnummer" in queue.text
    assert "Een inwoner (Klopt er iets niet?)" in queue.text
    assert f'href="mailto:{ADDRESS}?subject=' in queue.text
    page = coordinator.get(f"/beheer/voorstel/{p.id}")
    assert page.status_code == 200
    assert REPORT in page.text and "Telefoonnummer" in page.text
    assert f'href="mailto:{ADDRESS}?subject=Uw%20melding%20over%20' in page.text
    assert f'href="/beheer/dienst/{PLANTED_SERVICE}"' in page.text  # fix the entry from here
    digest = re.search(r'name="digest" value="([^"]+)"', page.text).group(1)
    resp = coordinator.post(
        f"/beheer/voorstel/{p.id}",
        data={
            "csrf_token": csrf_from(page.text),
            "digest": digest,
            "actie": decision,
            "toelichting": "Nagebeld.",
        },
    )
    assert resp.status_code == 302, resp.text[:300]
    handled = ProposalRepository(_store(site)).get(p.id)
    assert handled.status == ("approved" if decision == "goedkeuren" else "rejected")
    assert handled.reply_to is None
    assert ADDRESS not in _graph_dump(site)  # no node or relationship holds it any more
    assert ADDRESS not in coordinator.get(f"/beheer/voorstel/{p.id}").text


def test_approving_a_report_changes_nothing_in_the_entry(site):
    from graph.proposals import apply_proposal
    from graph.repositories import ServiceRepository

    _post(site, site.test_client(), SERVICE_URL, SERVICE_PURPOSE)
    (p,) = _reports(site)
    before = ServiceRepository(_store(site)).get(PLANTED_SERVICE)
    done = apply_proposal(_store(site), p.id, "coordinator@example.org")
    assert done.status == "approved" and done.applied
    assert ServiceRepository(_store(site)).get(PLANTED_SERVICE) == before


def test_the_report_text_and_address_are_not_logged(site, caplog):
    caplog.set_level("DEBUG")
    _post(site, site.test_client(), SERVICE_URL, SERVICE_PURPOSE, email=ADDRESS)
    _post(site, site.test_client(), SERVICE_URL, SERVICE_PURPOSE, email="kapot", wat=REPORT)
    logged = "\n".join(f"{r.getMessage()} {getattr(r, 'fields', '')}" for r in caplog.records)
    assert "report_filed" in logged
    assert REPORT not in logged and ADDRESS not in logged and "verhuisd" not in logged


def test_a_decision_deletes_the_reply_address_on_both_backends(store):
    """The address goes in the same write as the decision (graph/proposals.py `_q_decide`), on Neo4j too."""
    from graph.proposals import apply_proposal
    from graph.reports import file_report

    repo = ProposalRepository(store)
    rejected = file_report(store, "Service", "svc-x", REPORT, "adres", ADDRESS)
    handled = file_report(store, "Organisation", "org-x", REPORT, None, ADDRESS.replace("7f3a", "8b4c"))
    assert repo.get(rejected.id).reply_to == ADDRESS
    repo.reject(rejected.id, "coordinator@example.org", note="dubbel")
    apply_proposal(store, handled.id, "coordinator@example.org")
    rows = store.read("MATCH (p:Proposal) RETURN p.id AS id, p.reply_to AS r, p.status AS s, p.reason AS t")
    assert {(r["id"], r["r"], r["s"], r["t"]) for r in rows} == {
        (rejected.id, None, "rejected", REPORT),
        (handled.id, None, "approved", REPORT),
    }
    with pytest.raises(ValueError):
        file_report(store, "Service", "svc-x", REPORT, None, "a@b.nl, c@d.nl")
