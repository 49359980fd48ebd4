"""Privacy across the whole app: a sentinel hulpvraag leaves no trace on disk, in logs or in the graph.

The app runs as in production (`kaart serve --workers 2`: gunicorn, its access log, the app log at DEBUG) and
as `make run` starts it (the built-in server and its request log), each on its own data dir and temp dir, with the demand statistics switched on (the riskiest setting). The sentinel goes
through every place a person can type a hulpvraag — the public search, the professional search (first try and
"opnieuw zoeken"), the embed search on the gemeente's site, the match API, the HSDS search parameters — also through the error paths (missing CSRF
token, bad JSON, too long). Afterwards every file under the run's directory and every property in the graph is
searched for it.
"""

from __future__ import annotations

import json
import logging
import re
import socket
import threading
import urllib.parse
import uuid

import pytest
from live import Browser, LiveSite, prepare_site


def _graph_strings(uri: str) -> list[str]:
    """Every property value of every node and relationship, as text."""
    from graph.store import connect

    store = connect(uri)
    try:
        nodes = store.read("MATCH (n) RETURN properties(n) AS p")
        rels = store.read("MATCH ()-[r]->() RETURN properties(r) AS p")
    finally:
        store.close()
    assert len(nodes) > 100, "the graph scan found no data"
    return [json.dumps(row["p"], default=str, ensure_ascii=False) for row in nodes + rels]


def _malformed_lines(hulpvraag: str) -> list[bytes]:
    """Request lines a server cannot parse, each with the hulpvraag in it (spaces in the URL, a bad version,
    a control character, a bad method)."""
    text = hulpvraag.encode()
    return [
        b"GET /zoeken?vraag=" + text + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /zoeken?vraag=" + text.replace(b" ", b"+") + b" HTTP/9.x\r\nHost: x\r\n\r\n",
        b"GET /zoeken?vraag=" + text.replace(b" ", b"+") + b"\x01 HTTP/1.1\r\nHost: x\r\n\r\n",
        b"G\x00ET /zoeken?vraag=" + text.replace(b" ", b"+") + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    ]


def _raw(base: str, data: bytes) -> bytes:
    """Send bytes as they are (no HTTP library would send a malformed request line) and read the answer."""
    host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
    with socket.create_connection((host, port), timeout=15) as sock:
        sock.sendall(data)
        answer = b""
        try:
            while chunk := sock.recv(4096):
                answer += chunk
        except (ConnectionResetError, TimeoutError):
            pass
    return answer


def test_malformed_request_lines_of_the_built_in_server_are_not_logged(app, caplog):
    """`make run`'s server logs "Bad request syntax ('GET /zoeken?vraag=…')" at ERROR: cut by the filter."""
    from werkzeug.serving import make_server

    from webapp.cli import _RequestLogWithoutQuery
    from webapp.logs import filter_server_logs

    filter_server_logs()
    sentinel = f"zxqv{uuid.uuid4().hex[:10]}"
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_RequestLogWithoutQuery)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with caplog.at_level(logging.DEBUG):
            for line in _malformed_lines(f"ik heb schulden {sentinel} en durf niet"):
                assert _raw(f"http://127.0.0.1:{server.server_port}", line)  # answered, did not hang or crash
    finally:
        server.shutdown()
    assert caplog.records, "the server logged nothing: the test would not see a leak"
    assert sentinel not in caplog.text


def test_gunicorn_invalid_request_line_is_cut_from_the_log(caplog):
    """The exact warning gunicorn's worker logs for a request line it cannot parse (workers/base.py)."""
    from gunicorn.http.errors import InvalidRequestLine

    from webapp.logs import filter_server_logs

    filter_server_logs()
    sentinel = f"zxqv{uuid.uuid4().hex[:10]}"
    exc = InvalidRequestLine(f"GET /zoeken?vraag=ik heb schulden {sentinel} HTTP/1.1")
    with caplog.at_level(logging.DEBUG, logger="gunicorn.error"):
        logging.getLogger("gunicorn.error").warning(f"Invalid request from ip=127.0.0.1: {exc}")
        logging.getLogger("gunicorn.error").error("Error handling request %s", f"/zoeken?vraag={sentinel}")
    assert "Invalid request from ip=127.0.0.1" in caplog.text and sentinel not in caplog.text


@pytest.mark.slow
@pytest.mark.parametrize("workers", [2, 0], ids=["gunicorn", "make-run"])
def test_a_hulpvraag_leaves_no_trace_anywhere(tmp_path, workers):
    sentinel = f"zxqv{uuid.uuid4().hex[:10]}"
    hulpvraag = f"Mijn buurvrouw {sentinel} komt niet rond en durft de post niet meer open te maken"
    data_dir, temp_dir = tmp_path / "data", tmp_path / "tmp"
    temp_dir.mkdir()
    uri = f"falkordb://{data_dir}/graph"
    professional, coordinator = prepare_site(data_dir, uri, ("professional", "coordinator"))
    log_path = tmp_path / "server.log"
    site = LiveSite(
        data_dir,
        uri,
        log_path,
        workers,
        KAART_LOG_LEVEL="DEBUG",
        KAART_DEMAND_STATS="1",
        TMPDIR=str(temp_dir),
    ).start()
    try:
        base = site.base
        public = Browser(base)
        # Public search, with a place, and the error paths: no CSRF token, GET with the text in the URL.
        token = public.csrf("/")
        for _ in range(3):  # both workers
            status, headers, html = public.request(
                "POST",
                "/zoeken",
                {"vraag": hulpvraag, "plaats": f"Dinxperlo {sentinel}", "csrf_token": token},
            )
            assert status == 200 and "/dienst/" in html, html[:300]
            assert "no-store" in headers["Cache-Control"]
        status, _, _ = public.request("POST", "/zoeken", {"vraag": hulpvraag})
        assert status == 400
        status, headers, _ = public.request("GET", "/zoeken?" + urllib.parse.urlencode({"vraag": hulpvraag}))
        assert status == 302
        # The search box on the gemeente's site (/embed): POST with its form stamp, no cookie; and without it.
        embed = Browser(base)
        _, _, html = embed.request("GET", "/embed")
        stamp = re.search(r'name="formulier" value="([^"]+)"', html).group(1)
        status, headers, html = embed.request(
            "POST", "/embed/zoeken", {"vraag": hulpvraag, "formulier": stamp}
        )
        assert status == 200 and "/dienst/" in html and "no-store" in headers["Cache-Control"]
        assert embed.request("POST", "/embed/zoeken", {"vraag": hulpvraag})[0] == 400

        # The match API: normal, with a place, and three ways to get it wrong.
        api = Browser(base)
        json_headers = {"Content-Type": "application/json"}
        for body in ({"text": hulpvraag}, {"text": hulpvraag, "near": sentinel, "limit": 5}):
            status, headers, text = api.request(
                "POST", "/api/v1/match", json.dumps(body).encode(), json_headers
            )
            assert status == 200 and json.loads(text)["results"], text[:300]
            assert "no-store" in headers["Cache-Control"]
        for body, expected in (
            (json.dumps({"text": hulpvraag, "limit": "veel"}).encode(), 400),
            (json.dumps({"text": hulpvraag * 60}).encode(), 400),  # longer than a hulpvraag can be
            (json.dumps({"text": hulpvraag * 5000}).encode(), 413),  # larger than any request may be
            (f'{{"text": "{hulpvraag}"'.encode(), 400),  # broken JSON
        ):
            status, _, text = api.request("POST", "/api/v1/match", body, json_headers)
            assert status == expected and sentinel not in text, (status, text[:300])

        # Malformed request lines that quote the hulpvraag: both servers log them as errors (issue 15.8).
        for line in _malformed_lines(hulpvraag):
            assert _raw(base, line), line[
                :40
            ]  # answered (400; the built-in server may quote it back to the sender)

        # HSDS search parameters (a professional might type a situation there too).
        for path in ("/api/hsds/services", "/api/hsds/organizations", "/api/hsds/taxonomy_terms"):
            status, _, _ = api.request("GET", path + "?" + urllib.parse.urlencode({"search": hulpvraag}))
            assert status == 200

        # Professional search: first try, then "opnieuw zoeken" with chosen themes.
        pro = Browser(base)
        pro.login(professional)
        token = pro.csrf("/professional/")
        form = {"situatie": hulpvraag, "plaats": "Aalten", "csrf_token": token}
        status, headers, html = pro.request("POST", "/professional/", form)
        assert status == 200 and "no-store" in headers["Cache-Control"]
        status, _, _ = pro.request(
            "POST", "/professional/", {**form, "herhaal": "1", "thema": "schulden", "thema_extra": sentinel}
        )
        assert status == 200

        # The coordinator's demand statistics count themes, never text.
        coord = Browser(base)
        coord.login(coordinator)
        status, _, html = coord.request("GET", "/beheer/vraag")
        assert status == 200 and sentinel not in html
    finally:
        site.stop()  # gunicorn stops its workers; the last one stops the graph server

    # Every answer, also the errors (400, 413) and redirects, carries the security headers and no stack trace.
    answers = [a for b in (public, api, pro, coord) for a in b.seen]
    assert {status for _, _, status, _ in answers} >= {200, 302, 400, 413}
    for method, path, status, headers in answers:
        assert "default-src 'self'" in headers.get("Content-Security-Policy", ""), (method, path, status)
        assert headers.get("X-Content-Type-Options") == "nosniff", (method, path, status)
        assert headers.get("X-Frame-Options") == "DENY", (method, path, status)
        assert headers.get("Referrer-Policy") == "same-origin", (method, path, status)

    log = log_path.read_text(errors="replace")
    assert "POST /api/v1/match" in log and "POST /zoeken" in log, "the access log was not written"
    leaks = [
        path
        for path in tmp_path.rglob("*")
        if path.is_file() and not path.is_socket() and sentinel.encode() in path.read_bytes()
    ]
    assert leaks == [], f"de hulpvraag staat in {leaks}"
    assert not [v for v in _graph_strings(uri) if sentinel in v], "de hulpvraag staat in de graaf"
