"""Logging in and out: password, then the second factor (TOTP or a recovery code); enrolment of the app.

The pages are public (anyone may see the login form); what they do depends on the server-side session.
"""

from __future__ import annotations

import logging

import pyotp
from flask import Blueprint, make_response, redirect, render_template, request, session, url_for

from graph.accounts import AccountRepository
from webapp import accounts as acc
from webapp.audience import audience
from webapp.db import get_store
from webapp.logs import event

log = logging.getLogger(__name__)
bp = Blueprint("auth", __name__)


def _next_url() -> str:
    return acc.safe_next(session.get("next")) or url_for("professional.search")


@bp.route("/inloggen", methods=["GET", "POST"])
@audience("public")
def login():
    who = acc.current()
    if request.method == "GET":
        if who is not None and who.complete:
            return redirect(_next_url())
        nxt = acc.safe_next(request.args.get("next"))
        if nxt:
            session["next"] = nxt
        return render_template(
            "auth/login.html", error=None, email="", logged_out=request.args.get("uit") == "1"
        )
    email = (request.form.get("email") or "").strip().lower()[:254]
    password = request.form.get("password") or ""
    store = get_store()
    account = AccountRepository(store).by_email(email) if email else None
    alert = {"account": account.id if account else None, "email_hash": acc.email_hash(email)}
    # A browser that logged in to this account before counts on its own (an attacker cannot slow it down).
    key = acc.device_key(account) or acc.throttle_keys(email)[0]
    attempt = acc.take_slow_attempt(key, alert=alert)
    if not attempt.allowed:
        event(
            log,
            "login_throttled",
            logging.WARNING,
            step="password",
            reason=attempt.reason,
            wait=attempt.wait,
            **alert,
        )
        return _too_many("auth/login.html", attempt, email=email)
    ok = False
    if len(password) > acc.MAX_PASSWORD * 8:
        ok = False
    elif account is None or account.disabled:
        acc._burn_time(password)
    else:
        ok = acc.verify_secret(account.password_hash, password)
    if not ok:
        # The account id when the address is known (alerts add a keyed hash of it); never the password.
        event(log, "login_failed", logging.WARNING, step="password", account=alert["account"])
        acc.note_failure(attempt, step="password", **alert)
        return render_template("auth/login.html", error="wrong", email=email), 401
    keys = (attempt.key, attempt.ip_key)
    acc.attempt_succeeded(*keys)
    changes = {"last_login_at": acc.now_iso()}
    if acc._hasher().check_needs_rehash(account.password_hash):
        changes["password_hash"] = acc.hash_secret(password)
    AccountRepository(store).update(account.id, **changes)
    acc.reseal_totp(store, account)  # a secret from before encryption, or under an old key
    acc.housekeeping(store)
    nxt = session.get("next")
    acc.start_session(account, mfa_passed=False)
    event(log, "login", step="password", account=account.id, role=account.role)
    if nxt:
        session["next"] = nxt
    if account.mfa_enrolled:
        return redirect(url_for("auth.second_factor"))
    return redirect(url_for("auth.enrol"))


@bp.route("/inloggen/code", methods=["GET", "POST"])
@audience("public")
def second_factor():
    who = acc.current()
    if who is None:
        return redirect(url_for("auth.login"))
    if who.complete:
        return redirect(_next_url())
    if not who.account.mfa_enrolled:
        return redirect(url_for("auth.enrol"))
    if request.method == "GET":
        return render_template("auth/code.html", error=None)
    attempt = acc.take_slow_attempt(
        "mfa:" + who.account.id, alert={"account": who.account.id, "step": "code"}
    )
    if not attempt.allowed:
        event(log, "login_throttled", logging.WARNING, step="code", account=who.account.id, wait=attempt.wait)
        return _too_many("auth/code.html", attempt)
    key, ip_key = attempt.key, attempt.ip_key
    code = (request.form.get("code") or "").strip()[:64]
    store = get_store()
    ok = acc.verify_totp(store, who.account, code) or acc.use_recovery_code(store, who.account, code)
    if not ok:
        event(log, "login_failed", logging.WARNING, step="code", account=who.account.id)
        acc.note_failure(attempt, step="code", account=who.account.id)
        return render_template("auth/code.html", error="wrong"), 401
    acc.attempt_succeeded(key, ip_key)
    nxt = session.get("next")
    acc.start_session(who.account, mfa_passed=True)
    acc.remember_device(who.account)
    event(log, "login", step="code", account=who.account.id, role=who.account.role)
    return redirect(acc.safe_next(nxt) or url_for("professional.search"))


@bp.route("/inloggen/instellen", methods=["GET", "POST"])
@audience("public")
def enrol():
    """Set up the authenticator app: QR code (drawn here), confirm with a code, then the recovery codes."""
    who = acc.current()
    if who is None:
        return redirect(url_for("auth.login"))
    if who.account.mfa_enrolled:
        return redirect(_next_url() if who.complete else url_for("auth.second_factor"))
    store = get_store()
    repo = AccountRepository(store)
    account = who.account
    if not account.totp_secret:
        repo.update(account.id, totp_secret=acc.seal_secret(pyotp.random_base32()))
        account = repo.get(account.id)
    error = None
    if request.method == "POST":
        attempt = acc.take_slow_attempt("mfa:" + account.id, alert={"account": account.id, "step": "enrol"})
        if not attempt.allowed:
            return _too_many("auth/enrol.html", attempt, **_enrol_context(account))
        key, ip_key = attempt.key, attempt.ip_key
        if acc.verify_totp(store, account, request.form.get("code") or ""):
            acc.attempt_succeeded(key, ip_key)
            codes = acc.new_recovery_codes()
            repo.update(
                account.id, mfa_enrolled=True, recovery_codes=tuple(acc.hash_secret(c) for c in codes)
            )
            nxt = session.get("next")
            acc.start_session(repo.get(account.id), mfa_passed=True)
            acc.remember_device(account)
            if nxt:
                session["next"] = nxt
            return render_template("auth/recovery.html", codes=codes, next_url=_next_url())
        error = "wrong"
    return render_template("auth/enrol.html", **_enrol_context(account), error=error), (401 if error else 200)


def _too_many(template: str, attempt: acc.Attempt, **context):
    """429 with how long to wait (seconds), in the page and in `Retry-After`."""
    resp = make_response(render_template(template, error="too_many", wait=attempt.wait, **context), 429)
    resp.headers["Retry-After"] = str(attempt.wait)
    return resp


def _enrol_context(account) -> dict:
    secret = acc.totp_secret(account)
    uri = acc.totp_uri(account, secret)
    return {"qr": acc.qr_svg(uri), "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)]}


@bp.post("/uitloggen")
@audience("public")
def logout():
    who = acc.current()
    acc.end_session()
    event(log, "logout", account=who.account.id if who else None)
    return redirect(url_for("auth.login", uit="1"))
