"""The input boundary (graph/input.py, webapp/boundary.py): NUL bytes and other control characters, broken
bodies, unsafe web and e-mail addresses answer 400 or are refused with a reason, never a 500 (issue 15)."""

from __future__ import annotations

import io
import socket
import threading

import pytest
from site_data import csrf_from
from werkzeug.serving import make_server

from graph.input import InputRejected, check_email, check_url

NUL_PATHS = [
    "/dienst/%00",
    "/organisatie/%00",
    "/kaart?dienst=%00",
    "/api/hsds/services/%00",
    "/api/hsds/organizations/%00",
    "/zoeken?vraag=a%00b",
    "/dienst/a%01b",
]


@pytest.mark.parametrize("path", NUL_PATHS)
def test_nul_byte_in_path_or_query_answers_400_not_500(client, path):
    resp = client.get(path)
    assert resp.status_code in (400, 404), (path, resp.status_code)
    if path.startswith("/api/"):
        assert resp.get_json()["status"] == resp.status_code


def test_nul_byte_in_login_email_answers_400_not_500(client):
    token = csrf_from(client.get("/inloggen").text)
    resp = client.post("/inloggen", data={"email": "a\x00b", "password": "x" * 12, "csrf_token": token})
    assert resp.status_code == 400


def test_nul_byte_in_json_answers_400(client):
    resp = client.post("/api/v1/match", json={"vraag": "ik zoek\x00 hulp"})
    assert resp.status_code == 400
    assert resp.get_json()["error"]["code"] == "bad_request"


@pytest.mark.parametrize(
    "body",
    [
        '{"text": "\\ud800 schulden"}',  # a lone surrogate: UnicodeEncodeError deep inside before
        '{"text": "schulden", "near": "\\ud800"}',
        '{"text": "schulden", "limit": 1e999}',  # infinity: OverflowError in int() before
        '{"text": "schulden", "near": '
        + "[" * 1000
        + "]" * 1000
        + "}",  # RecursionError in the decoder before
    ],
    ids=["surrogate-text", "surrogate-near", "infinite-limit", "deep-nesting"],
)
def test_hostile_json_on_the_match_api_answers_400_not_500(client, body):
    resp = client.post("/api/v1/match", data=body, content_type="application/json")
    assert resp.status_code == 400, resp.status_code


class _BrokenChunks(io.RawIOBase):
    """What gunicorn hands the app for `Transfer-Encoding: chunked` with chunk size `zz`: a body whose read
    raises gunicorn's InvalidChunkSize (a plain Exception, not an OSError)."""

    def readable(self) -> bool:
        return True

    def readinto(self, b):  # noqa: ANN001
        from gunicorn.http.errors import InvalidChunkSize

        raise InvalidChunkSize(b"zz")


def test_broken_chunked_body_answers_400_in_the_app(client):
    resp = client.post(
        "/api/v1/match",
        headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input": _BrokenChunks(), "wsgi.input_terminated": True},
    )
    assert resp.status_code == 400


def test_broken_chunked_body_answers_400_on_the_built_in_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with socket.create_connection(("127.0.0.1", server.server_port), timeout=10) as sock:
            sock.sendall(
                b"POST /api/v1/match HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"
            )
            answer = b""
            while chunk := sock.recv(4096):
                answer += chunk
        status = int(answer.split(b" ", 2)[1])
        assert status == 400, answer[:300]
    finally:
        server.shutdown()


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,x", "file:///etc/passwd",
     "https://", "http://exa mple.nl", "https://x.nl/\x00", "vbscript:msgbox"],
)  # fmt: skip
def test_unsafe_web_addresses_are_refused(url):
    with pytest.raises(InputRejected):
        check_url(url)


@pytest.mark.parametrize("url", ["https://www.yunio.nl", "http://aalten.nl/zorg?x=1", "www.aalten.nl"])
def test_ordinary_web_addresses_pass(url):
    assert check_url(url).startswith(("https://", "http://"))


@pytest.mark.parametrize(
    "email", ["x@y.nl?cc=a@b.c", "a@b.nl,c@d.nl", "a b@c.nl", "a@b", "a@b.nl\nBcc: c@d.nl", "@b.nl"]
)
def test_unsafe_email_addresses_are_refused(email):
    with pytest.raises(InputRejected):
        check_email(email)


def test_ordinary_email_passes():
    assert check_email(" Info@Yunio.NL ") == "Info@yunio.nl"


def test_beheer_form_refuses_a_line_break_in_a_name_and_unsafe_addresses(app):
    """The forms use the same boundary as the importers: `Yunio\\nBcc: …`, `javascript:` and `?cc=` refused."""
    from site_data import add_account, login
    from test_beheer_edit import ORG, _form, _seed

    from graph.repositories import OrganisationRepository
    from webapp.db import get_store

    with app.app_context():
        _seed(get_store())
    client = app.test_client()
    login(client, add_account(app, "coordinator"))
    url = f"/beheer/organisatie/{ORG}"
    for field, value in (
        ("name", "Yunio\nBcc: buit@evil.example"),
        ("website", "javascript:alert(1)"),
        ("email", "x@y.example?cc=buit@evil.example"),
    ):
        data = {**_form(client, url), field: value}
        resp = client.post(url, data=data)
        assert resp.status_code in (400, 422, 200), resp.status_code
        with app.app_context():
            org = OrganisationRepository(get_store()).get(ORG)
        assert (org.name, org.website, org.email) == ("Buurtwerk Test", None, None), (field, org)
