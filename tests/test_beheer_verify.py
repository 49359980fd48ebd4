"""The verification dashboard: stale entries (configurable age), entries without contact or bereikbaarheid,
"verzoek om controle" e-mails over SMTP (a real local SMTP server, aiosmtpd) or mailto links without SMTP."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from live import free_port
from site_data import add_account, csrf_from, login

from graph import ensure_schema
from graph.models import Organisation, Phone, Service
from graph.repositories import OrganisationRepository, PhoneRepository, ServiceRepository

TODAY = __import__("webapp.site", fromlist=["now_local"]).now_local().date()


def _seed(store) -> None:
    ensure_schema(store)
    OrganisationRepository(store).upsert(
        [
            Organisation(id="org-oud", name="Oud Verhaal", email="post@oud.example"),
            Organisation(id="org-vers", name="Vers Nieuws", email="post@vers.example"),
            Organisation(id="org-stil", name="Stille Club"),
        ]
    )
    ServiceRepository(store).upsert(
        [
            Service(
                id="svc-oud",
                organization_id="org-oud",
                name="Oude dienst",
                assured_date=(TODAY - timedelta(days=400)).isoformat(),
                opening_hours="Mo-Fr 09:00-17:00",
            ),
            Service(
                id="svc-vers",
                organization_id="org-vers",
                name="Verse dienst",
                assured_date=(TODAY - timedelta(days=10)).isoformat(),
                available_24_7=True,
            ),
            Service(id="svc-stil", organization_id="org-stil", name="Stille dienst"),
        ]
    )
    PhoneRepository(store).upsert([Phone(id="ph-oud", number="0543-123456", service_id="svc-oud")])


def _app(falkor_server, tmp_path, **extra):
    from webapp import create_app
    from webapp.db import get_store

    uri = f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}"
    app = create_app(
        {"TESTING": True, "DATA_DIR": str(tmp_path / "data"), "GRAPH_URI": uri, "TILE_URL": "", **extra}
    )
    with app.app_context():
        _seed(get_store())
    return app


def _close(app):
    from webapp.db import close_store, get_store

    with app.app_context():
        get_store().clear()
    close_store(app)


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives."""
    from aiosmtpd.controller import Controller

    class Keep:
        def __init__(self) -> None:
            self.messages: list = []

        async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd hook name
            self.messages.append(
                (envelope.rcpt_tos, message_from_bytes(envelope.content, policy=default_policy))
            )
            return "250 OK"

    port = free_port()
    handler = Keep()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


def _coordinator(app):
    client = app.test_client()
    login(client, add_account(app, "coordinator"))
    return client


def test_dashboard_lists_stale_and_missing(falkor_server, tmp_path):
    app = _app(falkor_server, tmp_path, STALE_AFTER_DAYS="183")
    try:
        client = _coordinator(app)
        page = client.get("/beheer/controle").text
        stale = page.split('id="verouderd"')[1].split('id="contact"')[0]
        assert "Oud Verhaal" in stale and "Stille Club" in stale and "Vers Nieuws" not in stale
        assert "nooit gecontroleerd" in stale and "te lang geleden" in stale
        contact = page.split('id="contact"')[1].split('id="bereikbaarheid"')[0]
        assert "Stille dienst" in contact and "Oude dienst" not in contact and "Verse dienst" not in contact
        hours = page.split('id="bereikbaarheid"')[1]
        assert "Stille dienst" in hours and "Oude dienst" not in hours and "Verse dienst" not in hours
        dash = client.get("/beheer/").text
        assert re.search(r'beheer-tegel__getal">2</span> <a[^>]*>diensten te lang niet gecontroleerd', dash)
    finally:
        _close(app)
    # a shorter age makes the fresh one stale too
    app = _app(falkor_server, tmp_path / "b", STALE_AFTER_DAYS="5")
    try:
        page = _coordinator(app).get("/beheer/controle").text
        assert "Vers Nieuws" in page.split('id="verouderd"')[1].split('id="contact"')[0]
    finally:
        _close(app)


def test_verification_request_is_sent_over_smtp(falkor_server, tmp_path, smtp_server):
    handler, port = smtp_server
    app = _app(
        falkor_server,
        tmp_path,
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=str(port),
        SMTP_SECURITY="none",
        SMTP_FROM="kaart@gemeente.example",
        BASE_URL="https://kaart.gemeente.example",
    )
    try:
        client = _coordinator(app)
        page = client.get("/beheer/controle")
        assert "meteen via de mailserver" in page.text
        resp = client.post(
            "/beheer/controle/verzoek",
            data={"csrf_token": csrf_from(page.text), "organisatie": ["org-oud", "org-stil"]},
        )
        assert resp.status_code == 200
        assert "1 van de 2 e-mails zijn verstuurd" in resp.text  # the Stille Club has no address
        assert "Geen e-mailadres bekend" in resp.text
        ((rcpts, msg),) = handler.messages
        assert rcpts == ["post@oud.example"] and msg["From"] == "kaart@gemeente.example"
        assert msg["Subject"] == "Verzoek om controle: Oud Verhaal in de sociale kaart"
        body = msg.get_content()
        link = re.search(r"https://kaart\.gemeente\.example/partner/([A-Za-z0-9_-]+)", body)
        assert link, body
        # the link in the e-mail works for that organisation
        partner = app.test_client().get(f"/partner/{link.group(1)}")
        assert partner.status_code == 200 and "Oud Verhaal" in partner.text
    finally:
        _close(app)


def test_without_smtp_the_requests_are_mailto_links(falkor_server, tmp_path):
    app = _app(falkor_server, tmp_path)
    try:
        client = _coordinator(app)
        page = client.get("/beheer/controle")
        assert "geen mailserver ingesteld" in page.text
        resp = client.post(
            "/beheer/controle/verzoek", data={"csrf_token": csrf_from(page.text), "organisatie": "org-oud"}
        )
        assert resp.status_code == 200
        href = re.search(r'href="(mailto:[^"]+)"', resp.text).group(1)
        assert href.startswith("mailto:post@oud.example?subject=Verzoek%20om%20controle")
        assert "/partner/" in href
    finally:
        _close(app)


def test_smtp_down_is_reported_not_raised(falkor_server, tmp_path):
    port = free_port()  # nothing listens here
    app = _app(
        falkor_server,
        tmp_path,
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=str(port),
        SMTP_SECURITY="none",
        SMTP_PASSWORD="geheim-wachtwoord-123",
        SMTP_USER="kaart",
    )
    try:
        client = _coordinator(app)
        page = client.get("/beheer/controle")
        resp = client.post(
            "/beheer/controle/verzoek", data={"csrf_token": csrf_from(page.text), "organisatie": "org-oud"}
        )
        assert resp.status_code == 200
        assert "Niet verstuurd" in resp.text and "geheim-wachtwoord-123" not in resp.text
        assert "mailto:post@oud.example" in resp.text
    finally:
        _close(app)


def test_service_marked_verified_by_coordinator(falkor_server, tmp_path):
    app = _app(falkor_server, tmp_path)
    try:
        from graph import changes
        from webapp.db import get_store

        client = _coordinator(app)
        with app.app_context():
            seq = changes.current_seq(get_store())
        page = client.get("/beheer/dienst/svc-stil")
        resp = client.post("/beheer/dienst/svc-stil/gecontroleerd", data={"csrf_token": csrf_from(page.text)})
        assert resp.status_code == 302

        with app.app_context():
            # today as the app reads it now (Europe/Amsterdam): a run that crosses midnight there moved the day
            # between this module's import and the click (CI at 23:53 UTC, session 6)
            today = __import__("webapp.site", fromlist=["now_local"]).now_local().date()
            assert ServiceRepository(get_store()).get("svc-stil").assured_date == today.isoformat()
            # The date ranks the service (freshness): every worker's matcher re-reads it, as after an edit.
            assert changes.since(get_store(), seq, changes.current_seq(get_store())).services == {"svc-stil"}
        assert (
            "Stille Club"
            not in client.get("/beheer/controle").text.split('id="verouderd"')[1].split('id="contact"')[0]
        )
    finally:
        _close(app)
