"""Privacy across the whole app: a sentinel hulpvraag leaves no trace on disk, in logs or in the graph.

The app runs as in production (`kaart serve --workers 2`: gunicorn, its access log, the app log at DEBUG) on
its own data dir and temp dir, with the demand statistics switched on (the riskiest setting). The sentinel goes
through every place a person can type a hulpvraag — the public search, the professional search (first try and
"opnieuw zoeken"), the match API, the HSDS search parameters — also through the error paths (missing CSRF
token, bad JSON, too long). Afterwards every file under the run's directory and every property in the graph is
searched for it.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from site_data import PASSWORD, fresh_code

ROOT = Path(__file__).resolve().parent.parent


class Browser:
    """Cookies and CSRF tokens like a browser, over real HTTP."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            _NoRedirect(),
        )

    def request(self, method: str, path: str, data: dict | bytes | None = None, headers: dict | None = None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if isinstance(data, dict) else data
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        if isinstance(data, dict):
            req.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with self.opener.open(req, timeout=60) as resp:
                return resp.status, dict(resp.headers), resp.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, dict(err.headers), err.read().decode()

    def csrf(self, path: str) -> str:
        status, _, html = self.request("GET", path)
        assert status == 200, (path, status)
        found = re.search(r'name="csrf_token" value="([^"]+)"', html)
        assert found, path
        return found.group(1)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003 - keep 302s visible to the test
        return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prepare(data_dir: Path, uri: str) -> tuple[dict, dict]:
    """The Aalten demo with its index, a professional and a coordinator with a second factor."""
    from site_data import add_account

    from graph import ensure_schema
    from ingest.demo import load_demo
    from match.index import rebuild_index
    from webapp import create_app
    from webapp.db import close_store, get_store

    app = create_app({"TESTING": True, "DATA_DIR": str(data_dir), "GRAPH_URI": uri, "TILE_URL": ""})
    try:
        with app.app_context():
            store = get_store()
            ensure_schema(store)
            load_demo(store, None)
            rebuild_index(store, Path(app.config["INDEX_DIR"]))
        professional = add_account(app, "professional")
        coordinator = add_account(app, "coordinator")
    finally:
        close_store(app)
    return professional, coordinator


def _login(browser: Browser, account: dict) -> None:
    token = browser.csrf("/inloggen")
    status, headers, _ = browser.request(
        "POST", "/inloggen", {"email": account["email"], "password": PASSWORD, "csrf_token": token}
    )
    assert status == 302 and headers["Location"].endswith("/inloggen/code"), status
    token = browser.csrf("/inloggen/code")
    status, _, _ = browser.request(
        "POST", "/inloggen/code", {"code": fresh_code(account["secret"]), "csrf_token": token}
    )
    assert status == 302


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


@pytest.mark.slow
def test_a_hulpvraag_leaves_no_trace_anywhere(tmp_path):
    sentinel = f"zxqv{uuid.uuid4().hex[:10]}"
    hulpvraag = f"Mijn buurvrouw {sentinel} komt niet rond en durft de post niet meer open te maken"
    data_dir, temp_dir = tmp_path / "data", tmp_path / "tmp"
    temp_dir.mkdir()
    uri = f"falkordb://{data_dir}/graph"
    professional, coordinator = _prepare(data_dir, uri)

    port = _free_port()
    env = {
        **os.environ,
        "KAART_DATA_DIR": str(data_dir),
        "KAART_GRAPH_URI": uri,
        "KAART_LOG_LEVEL": "DEBUG",
        "KAART_DEMAND_STATS": "1",
        "KAART_SESSION_COOKIE_SECURE": "0",
        "KAART_TILE_URL": "",
        "TMPDIR": str(temp_dir),
        "PYTHONPATH": str(ROOT),
    }
    log_path = tmp_path / "server.log"
    with log_path.open("wb") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-m", "webapp.cli", "serve", "--workers", "2", "--port", str(port)],
            env=env, cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(base + "/api/v1/health", timeout=5) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            assert server.poll() is None, log_path.read_text()
            assert time.monotonic() < deadline, "de site startte niet"
            time.sleep(0.3)

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

        # HSDS search parameters (a professional might type a situation there too).
        for path in ("/api/hsds/services", "/api/hsds/organizations", "/api/hsds/taxonomy_terms"):
            status, _, _ = api.request("GET", path + "?" + urllib.parse.urlencode({"search": hulpvraag}))
            assert status == 200

        # Professional search: first try, then "opnieuw zoeken" with chosen themes.
        pro = Browser(base)
        _login(pro, professional)
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
        _login(coord, coordinator)
        status, _, html = coord.request("GET", "/beheer/vraag")
        assert status == 200 and sentinel not in html
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # gunicorn stops its workers; the last one stops the graph
        server.wait(60)

    log = log_path.read_text(errors="replace")
    assert "POST /api/v1/match" in log and "POST /zoeken" in log, "the access log was not written"
    leaks = [
        path
        for path in tmp_path.rglob("*")
        if path.is_file() and not path.is_socket() and sentinel.encode() in path.read_bytes()
    ]
    assert leaks == [], f"de hulpvraag staat in {leaks}"
    assert not [v for v in _graph_strings(uri) if sentinel in v], "de hulpvraag staat in de graaf"
