"""Secrets at rest (issue 15.9): TOTP secrets are stored encrypted (Fernet) with keys from the configuration,
clear secrets from before are encrypted at the next login, keys rotate with `kaart maintenance --reencrypt`,
and expired sessions and stale login counters are purged on a schedule."""

from __future__ import annotations

import json
import re
import time
import uuid

import pyotp
import pytest
from click.testing import CliRunner
from cryptography.fernet import Fernet
from site_data import add_account, csrf_from, fresh_code, login

from graph.accounts import AccountRepository, SessionRepository, ThrottleRepository
from webapp.config import ConfigError, parse


def _stored(app, account_id: str) -> str | None:
    from webapp.db import get_store

    with app.app_context():
        return AccountRepository(get_store()).get(account_id).totp_secret


def test_enrolled_secret_is_stored_encrypted_and_still_works(app):
    account = add_account(app, enrolled=False)
    client = app.test_client()
    page = client.get("/inloggen")
    client.post(
        "/inloggen",
        data={"email": account["email"], "password": account["password"], "csrf_token": csrf_from(page.text)},
    )
    page = client.get("/inloggen/instellen")
    shown = "".join(re.findall(r"<code[^>]*>([A-Z2-7]{4})</code>", page.text)) or None
    stored = _stored(app, account["id"])
    assert stored.startswith("fernet:"), "TOTP-geheim staat leesbaar in de graaf"
    from webapp.accounts import open_secret

    with app.app_context():
        secret = open_secret(stored)
    assert secret not in stored and (shown is None or shown == secret)
    resp = client.post(
        "/inloggen/instellen", data={"code": pyotp.TOTP(secret).now(), "csrf_token": csrf_from(page.text)}
    )
    assert resp.status_code == 200 and "herstelcode" in resp.text.lower()


def test_clear_secret_from_before_is_encrypted_at_the_next_login(app):
    account = add_account(app)  # stored in the clear, as before this change
    assert _stored(app, account["id"]) == account["secret"]
    login(app.test_client(), account)
    stored = _stored(app, account["id"])
    assert stored.startswith("fernet:") and account["secret"] not in stored
    login(app.test_client(), account)  # and the second factor still works with the encrypted secret


def _cli(env: dict, *args: str):
    from webapp.cli import cli

    return CliRunner().invoke(cli, ["maintenance", *args], env=env)


@pytest.fixture
def cli_env(tmp_path, falkor_server):
    return {
        "KAART_GRAPH_URI": f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}",
        "KAART_DATA_DIR": str(tmp_path / "data"),
    }


def test_key_rotation_with_maintenance_reencrypt(cli_env):
    from webapp import create_app
    from webapp.accounts import open_secret, seal_secret
    from webapp.db import close_store, get_store

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    app = create_app({"TESTING": True, "SECRET_ENCRYPTION_KEY": old, "GRAPH_URI": cli_env["KAART_GRAPH_URI"],
                      "DATA_DIR": cli_env["KAART_DATA_DIR"]})  # fmt: skip
    account = add_account(app)
    with app.app_context():
        AccountRepository(get_store()).update(account["id"], totp_secret=seal_secret(account["secret"]))
    close_store(app)
    result = _cli({**cli_env, "KAART_SECRET_ENCRYPTION_KEY": f"{new},{old}"}, "--reencrypt")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["reencrypted"] == 1
    only_new = create_app({"TESTING": True, "SECRET_ENCRYPTION_KEY": new, "GRAPH_URI": cli_env["KAART_GRAPH_URI"],
                           "DATA_DIR": cli_env["KAART_DATA_DIR"]})  # fmt: skip
    with only_new.app_context():
        stored = AccountRepository(get_store()).get(account["id"]).totp_secret
        assert open_secret(stored) == account["secret"]  # the old key can go
    result = _cli({**cli_env, "KAART_SECRET_ENCRYPTION_KEY": new}, "--reencrypt")
    assert json.loads(result.output)["reencrypted"] == 0
    with only_new.app_context():
        get_store().clear()
    close_store(only_new)


def test_a_bad_encryption_key_stops_the_start():
    with pytest.raises(ConfigError, match="KAART_SECRET_ENCRYPTION_KEY=\\*\\*\\*"):
        parse({}, environ={"KAART_SECRET_ENCRYPTION_KEY": "geen-sleutel"})


def test_maintenance_purges_expired_sessions_and_stale_counters(cli_env):
    from graph.store import connect

    store = connect(cli_env["KAART_GRAPH_URI"])
    sessions, throttles = SessionRepository(store), ThrottleRepository(store)
    now = time.time()
    sessions.create("oud", "acc-1", now=now - 2 * 86400)
    sessions.create("vers", "acc-1", now=now)
    throttles.slow_attempt("login:oud", free=5, delays=[5], window=900, now=now - 3600)
    throttles.slow_attempt("login:vers", free=5, delays=[5], window=900, now=now)
    result = _cli(cli_env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"sessions": 1, "throttles": 1}
    assert sessions.get("oud") is None and sessions.get("vers") is not None
    store.clear()
    store.close()


def test_new_key_prints_a_usable_key(cli_env):
    result = _cli(cli_env, "--new-key")
    Fernet(result.output.strip().encode())


def test_code_page_still_accepts_codes_for_encrypted_secrets(app):
    account = add_account(app)
    login(app.test_client(), account)  # encrypts
    client = app.test_client()
    page = client.get("/inloggen")
    client.post(
        "/inloggen",
        data={"email": account["email"], "password": account["password"], "csrf_token": csrf_from(page.text)},
    )
    page = client.get("/inloggen/code")
    resp = client.post(
        "/inloggen/code", data={"code": fresh_code(account["secret"]), "csrf_token": csrf_from(page.text)}
    )
    assert resp.status_code == 302


def test_end_sessions_logs_everybody_out(cli_env):
    from graph.store import connect

    store = connect(cli_env["KAART_GRAPH_URI"])
    SessionRepository(store).create("een", "acc-1")
    SessionRepository(store).create("twee", "acc-2")
    result = _cli(cli_env, "--end-sessions")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["ended"] == 2
    assert SessionRepository(store).get("een") is None and SessionRepository(store).get("twee") is None
    store.clear()
    store.close()
