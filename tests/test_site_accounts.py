"""Accounts and access: password policy, argon2id, TOTP enrolment and login, recovery codes, session rotation,
server-side logout, CSRF, audience enforcement for every protected route, throttling (also across two gunicorn
workers) and the `kaart user` commands. Real FalkorDB, no mocks of our storage."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pyotp
import pytest
from click.testing import CliRunner
from flask import Flask
from live import free_port
from site_data import PASSWORD, add_account, csrf_from, fresh_code, login

from graph.accounts import AccountRepository, SessionRepository
from webapp.accounts import ROLE_LEVEL, PasswordRejected, check_password_policy, digest
from webapp.audience import audience, audience_of

ROOT = Path(__file__).resolve().parent.parent


def _protected(app: Flask) -> list[tuple[str, str, str]]:
    """(url, method, audience) for every route that needs a role, with dummy values for its arguments."""
    out = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        needed = audience_of(app.view_functions[rule.endpoint])
        if needed not in ROLE_LEVEL:
            continue
        url = rule.rule
        for arg in rule.arguments:
            url = re.sub(rf"<(?:[a-z]+:)?{arg}>", "x-onbekend", url)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            out.append((url, method, needed))
    return out


# --- passwords ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password",
    [
        "kort",
        "elf-tekens!",
        "wachtwoord123",
        "Passwordpassword",
        "aaaaaaaaaaaaaaaa",
        "x" * 129,
        "jan.jansen-geheim-1",
    ],
)
def test_weak_passwords_are_refused(password):
    with pytest.raises(PasswordRejected):
        check_password_policy(password, "jan.jansen@example.org")


@pytest.mark.parametrize(
    "password",
    [
        "twaalf tekens",
        "paard-accu-nietje-correct",
        "€" * 3 + "lange zin 2026",
        "de kat van de buren zit elke ochtend om zeven uur op onze schutting",
        "z" * 60 + "y1!Q",
    ],
)
def test_long_and_unusual_passwords_are_accepted(password):
    check_password_policy(password, "jan@example.org")  # 12 up to 64+ characters, any characters


def test_passwords_are_stored_as_argon2id(app):
    acc = add_account(app)
    from webapp.db import get_store

    with app.app_context():
        stored = AccountRepository(get_store()).by_email(acc["email"])
    assert stored.password_hash.startswith("$argon2id$")
    assert PASSWORD not in str(stored)


# --- access --------------------------------------------------------------------------------------------


def test_there_are_protected_routes(app):
    assert {u for u, _, a in _protected(app) if a == "professional"} >= {
        "/professional/",
        "/professional/lijst",
    }


def test_no_session_redirects_to_login_or_401_for_every_protected_route(app, client):
    page = client.get("/inloggen")  # a session with a CSRF token, but nobody logged in
    token = csrf_from(page.text)
    for url, method, _ in _protected(app):
        resp = client.open(url, method=method, data={"csrf_token": token})
        if url.startswith("/api/"):
            assert resp.status_code == 401, (url, method)
        else:
            assert resp.status_code == 302, (url, method, resp.status_code)
            assert "/inloggen" in resp.headers["Location"]


def test_password_alone_is_not_enough(app, client):
    acc = add_account(app)
    page = client.get("/inloggen")
    resp = client.post(
        "/inloggen", data={"email": acc["email"], "password": PASSWORD, "csrf_token": csrf_from(page.text)}
    )
    assert resp.headers["Location"].endswith("/inloggen/code")
    for url, _, _ in _protected(app):
        assert client.get(url).status_code in (302, 401), url


def test_wrong_role_gets_403(app):
    @app.get("/__beheer")
    @audience("coordinator")
    def beheer():
        return "beheer"

    @app.get("/__admin")
    @audience("admin")
    def admin():
        return "admin"

    cases = {
        "professional": {"/__beheer": 403, "/__admin": 403},
        "coordinator": {"/__beheer": 200, "/__admin": 403},
        "admin": {"/__beheer": 200, "/__admin": 200},
    }
    for role, expected in cases.items():
        client = app.test_client()
        login(client, add_account(app, role))
        for url, method, needed in _protected(app):
            if method != "GET" or "x-onbekend" in url:
                continue
            resp = client.get(url)
            if ROLE_LEVEL[role] < ROLE_LEVEL[needed]:
                assert resp.status_code == 403, (role, url)
            else:
                assert resp.status_code == 200, (role, url, resp.status_code)
        for url, code in expected.items():
            assert client.get(url).status_code == code, (role, url)


def test_disabled_account_cannot_log_in_and_loses_its_sessions(app):
    from webapp.accounts import set_disabled
    from webapp.db import get_store

    acc = add_account(app)
    client = app.test_client()
    login(client, acc)
    assert client.get("/professional/").status_code == 200
    with app.app_context():
        store = get_store()
        set_disabled(store, AccountRepository(store).get(acc["id"]))
    assert client.get("/professional/").status_code == 302
    page = client.get("/inloggen")
    resp = client.post(
        "/inloggen", data={"email": acc["email"], "password": PASSWORD, "csrf_token": csrf_from(page.text)}
    )
    assert resp.status_code == 401


# --- MFA ------------------------------------------------------------------------------------------------


def test_mfa_enrolment_with_local_qr_code_and_recovery_codes(app, client):
    acc = add_account(app, enrolled=False)
    page = client.get("/inloggen")
    resp = client.post(
        "/inloggen", data={"email": acc["email"], "password": PASSWORD, "csrf_token": csrf_from(page.text)}
    )
    assert resp.headers["Location"].endswith("/inloggen/instellen")
    assert client.get("/professional/").status_code == 302  # not before the second factor is set up
    page = client.get("/inloggen/instellen")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert "<svg" in page.text and "http" not in page.text.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org", ""
    )
    secret = re.search(r'class="kaart-sleutel">([A-Z2-7 ]+)<', page.text).group(1).replace(" ", "")
    again = client.get("/inloggen/instellen")
    assert secret.replace(" ", "") in again.text.replace(" ", "")  # the pending secret is stable
    bad = client.post("/inloggen/instellen", data={"code": "000000", "csrf_token": csrf_from(page.text)})
    assert bad.status_code == 401
    done = client.post(
        "/inloggen/instellen", data={"code": pyotp.TOTP(secret).now(), "csrf_token": csrf_from(page.text)}
    )
    assert done.status_code == 200
    codes = re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", done.text)
    assert len(codes) == 10
    assert client.get("/professional/").status_code == 200
    from webapp.db import get_store

    with app.app_context():
        stored = AccountRepository(get_store()).get(acc["id"])
    assert stored.mfa_enrolled and len(stored.recovery_codes) == 10
    assert all(h.startswith("$argon2id$") for h in stored.recovery_codes)
    assert not any(c in str(stored) for c in codes)

    # a recovery code works once
    fresh = app.test_client()
    page = fresh.get("/inloggen")
    fresh.post(
        "/inloggen", data={"email": acc["email"], "password": PASSWORD, "csrf_token": csrf_from(page.text)}
    )
    page = fresh.get("/inloggen/code")
    assert (
        fresh.post("/inloggen/code", data={"code": codes[0], "csrf_token": csrf_from(page.text)}).status_code
        == 302
    )
    again = app.test_client()
    page = again.get("/inloggen")
    again.post(
        "/inloggen", data={"email": acc["email"], "password": PASSWORD, "csrf_token": csrf_from(page.text)}
    )
    page = again.get("/inloggen/code")
    assert (
        again.post("/inloggen/code", data={"code": codes[0], "csrf_token": csrf_from(page.text)}).status_code
        == 401
    )


def test_totp_code_is_accepted_once(app):
    acc = add_account(app)
    client = app.test_client()
    login(client, acc)
    used = fresh_code.used[acc["secret"]]
    other = app.test_client()
    page = other.get("/inloggen")
    other.post(
        "/inloggen", data={"email": acc["email"], "password": PASSWORD, "csrf_token": csrf_from(page.text)}
    )
    page = other.get("/inloggen/code")
    replay = pyotp.TOTP(acc["secret"]).at(used * 30)
    assert (
        other.post("/inloggen/code", data={"code": replay, "csrf_token": csrf_from(page.text)}).status_code
        == 401
    )


def test_reset_mfa_forces_new_enrolment(app):
    from webapp.accounts import reset_mfa
    from webapp.db import get_store

    acc = add_account(app)
    client = app.test_client()
    login(client, acc)
    with app.app_context():
        store = get_store()
        reset_mfa(store, AccountRepository(store).get(acc["id"]))
    assert client.get("/professional/").status_code == 302
    page = client.get("/inloggen")
    resp = client.post(
        "/inloggen", data={"email": acc["email"], "password": PASSWORD, "csrf_token": csrf_from(page.text)}
    )
    assert resp.headers["Location"].endswith("/inloggen/instellen")


# --- sessions -------------------------------------------------------------------------------------------


def _cookie(client) -> str | None:
    c = client.get_cookie("kaart_sessie")
    return c.value if c else None


def test_session_is_rotated_at_login_and_logout_is_server_side(app):
    acc = add_account(app)
    client = app.test_client()
    client.get("/inloggen")
    before = _cookie(client)
    login(client, acc)
    after = _cookie(client)
    assert before and after and before != after
    from flask.sessions import SecureCookieSessionInterface

    serializer = SecureCookieSessionInterface().get_signing_serializer(app)
    sid = serializer.loads(after)["sid"]
    from webapp.db import get_store

    with app.app_context():
        assert SessionRepository(get_store()).get(digest(sid)) is not None
    assert client.get("/professional/").status_code == 200

    # an attacker who kept a copy of the cookie
    stolen = app.test_client()
    stolen.set_cookie("kaart_sessie", after)
    assert stolen.get("/professional/").status_code == 200

    page = client.get("/professional/")
    resp = client.post("/uitloggen", data={"csrf_token": csrf_from(page.text)})
    assert resp.status_code == 302
    with app.app_context():
        assert SessionRepository(get_store()).get(digest(sid)) is None
    assert client.get("/professional/").status_code == 302
    assert stolen.get("/professional/").status_code == 302  # the copy is dead too: the server forgot the id


def test_session_fixation_is_not_possible(app):
    """A session id planted before login is not the one that ends up logged in."""
    acc = add_account(app)
    client = app.test_client()
    client.get("/inloggen")
    planted = _cookie(client)
    login(client, acc)
    attacker = app.test_client()
    attacker.set_cookie("kaart_sessie", planted)
    assert attacker.get("/professional/").status_code == 302


def test_idle_sessions_expire(app):
    acc = add_account(app)
    client = app.test_client()
    login(client, acc)
    app.config["SESSION_IDLE_MINUTES"] = 0
    time.sleep(0.05)
    assert client.get("/professional/").status_code == 302


def test_cookie_flags(app, tmp_path, falkor_server):
    from webapp import create_app

    uri = f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}"
    prod = create_app({"DATA_DIR": str(tmp_path / "p"), "GRAPH_URI": uri})
    assert prod.config["SESSION_COOKIE_SECURE"] is True
    assert prod.config["SESSION_COOKIE_HTTPONLY"] is True
    assert prod.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["SESSION_COOKIE_SECURE"] is False  # tests run over plain http
    resp = app.test_client().get("/inloggen")
    cookie = resp.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


# --- CSRF -----------------------------------------------------------------------------------------------


def test_csrf_is_required_on_every_form(app):
    acc = add_account(app)
    client = app.test_client()
    client.get("/")
    assert client.post("/zoeken", data={"vraag": "schulden"}).status_code == 400
    assert client.post("/zoeken", data={"vraag": "schulden", "csrf_token": "vals"}).status_code == 400
    assert client.post("/inloggen", data={"email": acc["email"], "password": PASSWORD}).status_code == 400
    login(client, acc)
    assert client.post("/professional/", data={"situatie": "schulden"}).status_code == 400
    assert client.post("/uitloggen").status_code == 400
    assert client.get("/professional/").status_code == 200  # still logged in
    # every form on the pages carries the token
    for path in ("/", "/inloggen", "/professional/"):
        html = client.get(path).text
        for form in re.findall(r"<form[^>]*method=\"post\".*?</form>", html, flags=re.S):
            assert 'name="csrf_token"' in form, path


def test_json_api_needs_no_csrf_but_forms_to_it_are_refused(client):
    resp = client.post("/api/v1/match", data={"text": "schulden"})
    assert resp.status_code == 400  # a form post (what a cross-site page can send) is refused


# --- throttling -----------------------------------------------------------------------------------------


def test_login_is_throttled_per_account(app):
    app.config["LOGIN_MAX_ATTEMPTS"] = 3
    acc = add_account(app)
    client = app.test_client()
    page = client.get("/inloggen")
    token = csrf_from(page.text)
    codes = [
        client.post(
            "/inloggen", data={"email": acc["email"], "password": "fout-wachtwoord-123", "csrf_token": token}
        ).status_code
        for _ in range(4)
    ]
    assert codes == [401, 401, 401, 429]
    # even the right password is refused while throttled
    assert (
        client.post(
            "/inloggen", data={"email": acc["email"], "password": PASSWORD, "csrf_token": token}
        ).status_code
        == 429
    )


@pytest.mark.slow
def test_throttle_holds_across_two_gunicorn_workers(falkor_server, tmp_path):
    """Two worker processes share the counters (they live in the graph, not in process memory)."""
    import http.client
    import urllib.parse

    uri = f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}"
    port = free_port()
    log = tmp_path / "access.log"
    env = {
        **os.environ,
        "KAART_GRAPH_URI": uri,
        "KAART_DATA_DIR": str(tmp_path / "data"),
        "KAART_SESSION_COOKIE_SECURE": "0",
        "KAART_LOGIN_MAX_ATTEMPTS": "3",
        "KAART_TILE_URL": "",
        "PYTHONPATH": str(ROOT),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}", "--access-logfile", str(log),
         "--access-logformat", "%(p)s %(m)s %(U)s %(s)s", "webapp.wsgi:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stderr.read().decode()[-2000:]) from None
                time.sleep(0.2)

        def request(method: str, path: str, body: str | None = None, cookie: str | None = None):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
            if cookie:
                headers["Cookie"] = cookie
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read().decode()
            conn.close()
            return resp.status, resp.getheader("Set-Cookie"), data

        # each attempt on a fresh connection with its own session and CSRF token; two at a time, so both
        # workers serve requests
        results: list[int] = []
        lock = threading.Lock()

        def attempt() -> None:
            _, set_cookie, html = request("GET", "/inloggen")
            cookie = set_cookie.split(";", 1)[0]
            body = urllib.parse.urlencode(
                {
                    "email": "iemand@example.org",
                    "password": "fout-wachtwoord-123",
                    "csrf_token": csrf_from(html),
                }
            )
            status, _, _ = request("POST", "/inloggen", body, cookie)
            with lock:
                results.append(status)

        for _ in range(5):
            threads = [threading.Thread(target=attempt) for _ in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        assert sorted(results) == [401, 401, 401] + [429] * 7, results
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stderr.close()
    pids = {line.split()[0] for line in log.read_text().splitlines() if " POST /inloggen " in line}
    assert len(pids) == 2, f"alle pogingen kwamen bij één worker terecht: {pids}"


# --- CLI ------------------------------------------------------------------------------------------------


def test_user_cli_add_disable_reset(falkor_server, tmp_path):
    from webapp import create_app
    from webapp.cli_users import user
    from webapp.db import close_store, get_store

    uri = f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}"
    env = {"KAART_GRAPH_URI": uri, "KAART_DATA_DIR": str(tmp_path / "d"), "KAART_NEW_PASSWORD": PASSWORD}
    runner = CliRunner()
    res = runner.invoke(user, ["add", "beheer@example.org", "--role", "admin"], env=env)
    assert res.exit_code == 0, res.output
    res = runner.invoke(user, ["add", "beheer@example.org", "--role", "admin"], env=env)
    assert res.exit_code != 0 and "al een account" in res.output
    res = runner.invoke(user, ["add", "zwak@example.org"], env={**env, "KAART_NEW_PASSWORD": "wachtwoord123"})
    assert res.exit_code != 0 and "wachtwoord" in res.output.lower()
    assert runner.invoke(user, ["disable", "beheer@example.org"], env=env).exit_code == 0
    assert runner.invoke(user, ["reset-mfa", "beheer@example.org"], env=env).exit_code == 0
    assert runner.invoke(user, ["disable", "niemand@example.org"], env=env).exit_code != 0
    listing = runner.invoke(user, ["list"], env=env)
    assert "beheer@example.org\tadmin\tgeblokkeerd" in listing.output
    app = create_app({"GRAPH_URI": uri, "DATA_DIR": str(tmp_path / "d")})
    with app.app_context():
        account = AccountRepository(get_store()).by_email("beheer@example.org")
        assert account.role == "admin" and account.disabled and not account.mfa_enrolled
        get_store().clear()
    close_store(app)
