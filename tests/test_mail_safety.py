"""Mail for "verzoek om controle" (issue 15.5): a line break in an organisation name cannot break a header or
the run; a bad address is not sent to; every request gets its own outcome on the coördinator's page."""

from __future__ import annotations

import re

from site_data import csrf_from
from test_beheer_verify import _app, _close, _coordinator, smtp_server  # noqa: F401 - fixture

from graph.models import Organisation
from graph.repositories import OrganisationRepository


def test_a_line_break_in_a_name_does_not_abort_the_other_mails(falkor_server, tmp_path, smtp_server):  # noqa: F811
    handler, port = smtp_server
    app = _app(falkor_server, tmp_path, SMTP_HOST="127.0.0.1", SMTP_PORT=str(port), SMTP_SECURITY="none",
               SMTP_FROM="kaart@gemeente.example", BASE_URL="https://kaart.gemeente.example")  # fmt: skip
    from webapp.db import get_store

    with app.app_context():
        OrganisationRepository(get_store()).upsert(
            [
                Organisation(id="org-a", name="Yunio\nBcc: buit@evil.example", email="post@yunio.example"),
                Organisation(id="org-b", name="Cc Club", email="x@y.example?cc=buit@evil.example"),
            ]
        )
    try:
        client = _coordinator(app)
        page = client.get("/beheer/controle")
        resp = client.post(
            "/beheer/controle/verzoek",
            data={"csrf_token": csrf_from(page.text), "organisatie": ["org-a", "org-b", "org-oud"]},
        )
        assert resp.status_code == 200, resp.status_code
        assert "2 van de 3 e-mails zijn verstuurd" in resp.text
        assert "Het e-mailadres is ongeldig" in resp.text  # the coördinator sees which one did not go out
        received = {tuple(rcpts): msg for rcpts, msg in handler.messages}
        assert set(received) == {("post@yunio.example",), ("post@oud.example",)}
        yunio = received[("post@yunio.example",)]
        assert yunio["Bcc"] is None and "\n" not in yunio["Subject"]
        assert yunio["Subject"] == "Verzoek om controle: Yunio Bcc: buit@evil.example in de sociale kaart"
        assert not any("buit@evil.example" in r for rcpts, _ in handler.messages for r in rcpts)
        # the links were made and shown for every organisation, also the one that was not mailed
        assert len(re.findall(r"https://kaart\.gemeente\.example/partner/", resp.text)) >= 3
    finally:
        _close(app)


def test_mailto_subject_has_no_line_break():
    from webapp.mail import Message, mailto

    href = mailto(Message(to="a@b.example", subject="Controle: Yunio\r\nBcc: c@d.example", body="x"))
    subject = href.split("subject=", 1)[1].split("&", 1)[0]
    assert "%0A" not in subject and "%0D" not in subject
