"""Login limits that protect without handing out a lockout button (issue 15.1/15.2): the real client address
behind a trusted proxy, a growing wait instead of a lock per account, a known browser that an attacker cannot
slow down, and alerts in the log without passwords or e-mail addresses."""

from __future__ import annotations

import logging
import time
import uuid

import pytest
from site_data import PASSWORD, add_account, csrf_from, login

from webapp.logs import KeyValueFormatter

PROXY = "10.0.0.2"


@pytest.fixture
def make_app(tmp_path, falkor_server):
    from webapp import create_app
    from webapp.db import close_store, get_store

    made = []

    def make(**config):
        uri = f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}"
        app = create_app(
            {"TESTING": True, "DATA_DIR": str(tmp_path / "data"), "GRAPH_URI": uri, "TILE_URL": "", **config}
        )
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            get_store().clear()
        close_store(app)


def _try(client, email: str, password: str, **kw):
    token = csrf_from(client.get("/inloggen", **kw).text)
    return client.post("/inloggen", data={"email": email, "password": password, "csrf_token": token}, **kw)


def _via_proxy(client_address: str) -> dict:
    return {"environ_base": {"REMOTE_ADDR": PROXY}, "headers": {"X-Forwarded-For": client_address}}


def test_behind_a_trusted_proxy_one_client_cannot_lock_out_the_others(make_app):
    app = make_app(TRUSTED_PROXIES="1", LOGIN_MAX_ATTEMPTS=2)  # per client: 4 x 2 = 8 attempts
    user = add_account(app)
    attacker = app.test_client()
    codes = [
        _try(
            attacker, f"raden-{i}@example.org", "fout-wachtwoord-123", **_via_proxy("203.0.113.9")
        ).status_code
        for i in range(10)
    ]
    assert codes[-1] == 429, codes
    resp = _try(app.test_client(), user["email"], PASSWORD, **_via_proxy("198.51.100.7"))
    assert resp.status_code == 302, "een andere gebruiker achter dezelfde proxy werd buitengesloten"


def test_without_trusted_proxies_a_forged_forwarded_for_changes_nothing(make_app):
    app = make_app(LOGIN_MAX_ATTEMPTS=2)
    attacker = app.test_client()
    codes = [
        _try(attacker, f"raden-{i}@example.org", "fout-wachtwoord-123", headers={"X-Forwarded-For": f"192.0.2.{i}"})
        .status_code
        for i in range(10)
    ]  # fmt: skip
    assert codes[-1] == 429, codes


def _seen_address(trusted, remote: str, forwarded: str | None) -> tuple[str, str]:
    from webapp.security import TrustedProxies

    seen = {}

    def echo(environ, start_response):
        seen["addr"], seen["scheme"] = environ["REMOTE_ADDR"], environ["wsgi.url_scheme"]
        start_response("200 OK", [])
        return [b""]

    environ = {"REMOTE_ADDR": remote, "wsgi.url_scheme": "http", "HTTP_X_FORWARDED_PROTO": "https"}
    if forwarded:
        environ["HTTP_X_FORWARDED_FOR"] = forwarded
    TrustedProxies(echo, trusted)(environ, lambda *a: None)
    return seen["addr"], seen["scheme"]


def test_trusted_proxy_addresses_are_believed_and_others_are_not():
    nets = ("10.0.0.0/8",)
    assert _seen_address(nets, "10.0.0.2", "203.0.113.9, 10.0.0.3") == ("203.0.113.9", "https")
    assert _seen_address(nets, "192.0.2.1", "203.0.113.9") == ("192.0.2.1", "http")  # not our proxy
    assert _seen_address(nets, "10.0.0.2", "not-an-address") == ("10.0.0.2", "https")
    assert _seen_address(1, "10.0.0.2", "198.51.100.1, 203.0.113.9") == ("203.0.113.9", "https")


def test_wrong_passwords_slow_the_account_down_but_do_not_lock_it(make_app):
    app = make_app(LOGIN_MAX_ATTEMPTS=3, LOGIN_MAX_DELAY_SECONDS=1)
    user = add_account(app)
    attacker = app.test_client()
    codes = [_try(attacker, user["email"], "fout-wachtwoord-123").status_code for _ in range(4)]
    assert codes == [401, 401, 401, 429]
    refused = _try(app.test_client(), user["email"], PASSWORD, environ_base={"REMOTE_ADDR": "192.0.2.50"})
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "1"
    assert "Wacht 1 seconden" in refused.text
    time.sleep(1.1)
    resp = _try(app.test_client(), user["email"], PASSWORD, environ_base={"REMOTE_ADDR": "192.0.2.50"})
    assert resp.status_code == 302, "de echte gebruiker bleef buitengesloten"


def test_a_browser_that_logged_in_before_is_not_slowed_down_by_an_attacker(make_app):
    app = make_app(LOGIN_MAX_ATTEMPTS=3)
    user = add_account(app)
    own = app.test_client()
    login(own, user)
    assert own.get_cookie("kaart_apparaat", path="/inloggen") is not None
    with own.session_transaction() as sess:
        token = sess["csrf"]
    assert own.post("/uitloggen", data={"csrf_token": token}).status_code == 302
    attacker = app.test_client()
    for _ in range(8):
        _try(attacker, user["email"], "fout-wachtwoord-123", environ_base={"REMOTE_ADDR": "203.0.113.66"})
    assert (
        _try(attacker, user["email"], PASSWORD, environ_base={"REMOTE_ADDR": "203.0.113.66"}).status_code
        == 429
    )
    resp = _try(own, user["email"], PASSWORD)
    assert resp.status_code == 302, "de eigen browser van de gebruiker werd door een aanvaller vertraagd"


def test_alerts_are_logged_without_password_or_email(make_app, caplog):
    app = make_app(LOGIN_MAX_ATTEMPTS=2)
    user = add_account(app)
    client = app.test_client()
    with caplog.at_level(logging.INFO):
        for _ in range(4):
            _try(client, user["email"], "geheim-fout-wachtwoord-9")
    formatter = KeyValueFormatter("%(levelname)s %(name)s %(message)s")
    lines = [formatter.format(r) for r in caplog.records]
    alerts = [line for line in lines if "event=login_alert" in line]
    assert alerts and "reason=account_slowed" in alerts[0] and f"account={user['id']}" in alerts[0]
    assert "email_hash=" in alerts[0]
    text = "\n".join(lines)
    assert user["email"] not in text and user["email"].split("@")[0] not in text
    assert "geheim-fout-wachtwoord-9" not in text


def test_progressive_delay_counter_on_both_backends(store):
    """The counter is one atomic write on FalkorDB and Neo4j: free attempts, then waits that grow, and an
    attempt during a wait is refused without being counted."""
    from graph.accounts import ThrottleRepository

    repo = ThrottleRepository(store)
    take = lambda now: repo.slow_attempt("login:x", free=2, delays=[5, 10], window=900, now=now)  # noqa: E731
    assert take(1000.0)[0] and take(1000.5)[0]  # two free
    assert take(1001.0) == (False, 4.5, 2)  # 5 s after the last attempt
    assert take(1005.5)[0]  # waited: allowed (and counted)
    assert take(1010.0) == (False, 5.5, 3)  # now 10 s
    assert take(1016.0)[0] and take(1030.0)[0]  # the last delay repeats
    assert take(3000.0)[:1] == (True,)  # quiet for the window: counted from zero again
    assert repo.purge(900, now=5000.0) == 1
