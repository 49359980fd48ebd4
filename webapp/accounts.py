"""Accounts and access: argon2id passwords, TOTP, recovery codes, server-side sessions, throttling, CSRF.

- Passwords: at least 12 and at most 128 characters (64+ accepted), a shipped list of common ones refused,
  hashed with argon2id (argon2-cffi), rehashed on login when the parameters change (policy and hashing live in
  webapp/passwords.py and are re-exported here).
- Second factor: TOTP (pyotp) for every role, enrolled with a QR code drawn here as inline SVG (segno); a code
  is accepted once (the last used time step is kept). Ten recovery codes, stored as argon2id hashes.
- Sessions: the signed cookie holds a random id; the graph holds its SHA-256 (graph/accounts.py). Login and
  the second factor each rotate the id; logout deletes it on the server; idle and absolute time-outs.
- Throttling: failure counters per e-mail address and per client address live in the graph, so they hold
  across gunicorn workers and restarts.
- Access: a `before_request` hook reads the audience a route declares (`@audience`) and enforces it: no
  session → login page (HTML) or 401 (API); a role that is too low → 403.
- CSRF: a per-session token in every form (`csrf_field()` in templates), checked on every unsafe request.
  JSON requests to /api/ are exempt: a cross-site page cannot send `application/json` without a CORS
  preflight, which we never grant.
  A view marked `@signed_form` (webapp/form_guard.py: the embed search, which runs in an iframe on the
  gemeente's site where our cookie is not sent) is checked with its signed form stamp instead (ADR 0080).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlparse

import pyotp
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import Flask, abort, current_app, g, redirect, request, session, url_for
from itsdangerous import BadData, URLSafeTimedSerializer
from markupsafe import Markup, escape

from graph.accounts import (
    ROLES,
    Account,
    AccountRepository,
    AuthSession,
    SessionRepository,
    ThrottleRepository,
)
from webapp.audience import audience_of
from webapp.db import get_store
from webapp.errors import api_error
from webapp.form_guard import signed_form_ok
from webapp.logs import event

# Password policy and hashing moved to webapp/passwords.py; every name stays importable from here.
from webapp.passwords import (
    COMMON_PASSWORDS,
    PasswordRejected,
    check_password_policy,
    hash_secret,
    verify_secret,
)
from webapp.passwords import MAX_PASSWORD as MAX_PASSWORD
from webapp.passwords import MIN_PASSWORD as MIN_PASSWORD
from webapp.passwords import _burn_time as _burn_time
from webapp.passwords import _hasher as _hasher

log = logging.getLogger(__name__)

ROLE_LEVEL = {"professional": 1, "coordinator": 2, "admin": 3}
RECOVERY_CODES = 10
ISSUER = "Sociale kaart"


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


# --- account operations (CLI and pages) ---------------------------------------------------------------


def create_account(store, email: str, password: str, role: str, name: str | None = None) -> Account:
    email = email.strip().lower()
    if role not in ROLES:
        raise ValueError(f"onbekende rol {role!r}; kies uit {', '.join(ROLES)}")
    if "@" not in email or len(email) > 254:
        raise ValueError("geef een geldig e-mailadres")
    check_password_policy(password, email)
    account = Account(
        id=f"acc-{uuid.uuid4().hex}",
        email=email,
        name=(name or email.split("@", 1)[0]).strip(),
        role=role,
        password_hash=hash_secret(password),
        created_at=now_iso(),
    )
    return AccountRepository(store).create(account)


def reset_mfa(store, account: Account) -> None:
    AccountRepository(store).update(
        account.id, totp_secret=None, mfa_enrolled=False, recovery_codes=(), totp_last_step=None
    )
    SessionRepository(store).delete_for_account(account.id)


def set_disabled(store, account: Account, disabled: bool = True) -> None:
    AccountRepository(store).update(account.id, disabled=disabled)
    if disabled:
        SessionRepository(store).delete_for_account(account.id)


def new_recovery_codes() -> list[str]:
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return [
        "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(2))
        for _ in range(RECOVERY_CODES)
    ]


def totp_uri(account: Account, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account.email, issuer_name=ISSUER)


def qr_svg(uri: str) -> Markup:
    """The QR code as inline SVG, made here (nothing leaves the server)."""
    import segno

    svg = segno.make(uri, error="m").svg_inline(
        scale=4, dark="#000", light="#fff", title="QR-code voor uw app"
    )
    return Markup(svg)


# --- secrets at rest --------------------------------------------------------------------------------------
#
# TOTP secrets are stored encrypted (Fernet: AES-128-CBC + HMAC-SHA256, from `cryptography`) with the keys of
# KAART_SECRET_ENCRYPTION_KEY (newest first; default: made once in <DATA_DIR>/secret_encryption_key). A graph
# backup alone does not give away anyone's second factor. Rotation: put a new key in front, keep the old ones
# behind it until `kaart maintenance --reencrypt` has run (docs/security.md). Secrets stored in the clear
# before this existed are encrypted at the next login or by `kaart maintenance --reencrypt`.

SEALED = "fernet:"


class SecretUnreadable(RuntimeError):
    """A sealed secret that none of the configured keys opens (a key was removed too early)."""


def _fernet(config=None) -> MultiFernet:
    keys = (config or current_app.config).get("SECRET_ENCRYPTION_KEY") or ()
    if isinstance(keys, str):
        keys = tuple(k.strip() for k in keys.split(",") if k.strip())
    if not keys:
        raise SecretUnreadable("geen KAART_SECRET_ENCRYPTION_KEY")
    return MultiFernet([Fernet(k) for k in keys])


def seal_secret(secret: str, config=None) -> str:
    """The secret encrypted with the newest key, for storing."""
    return SEALED + _fernet(config).encrypt(secret.encode()).decode()


def open_secret(stored: str | None, config=None) -> str | None:
    """The secret from what is stored (sealed, or still in the clear from before encryption)."""
    if not stored:
        return None
    if not stored.startswith(SEALED):
        return stored
    try:
        return _fernet(config).decrypt(stored[len(SEALED) :].encode()).decode()
    except InvalidToken:
        raise SecretUnreadable("TOTP-geheim niet te openen met de ingestelde sleutels") from None


def needs_reseal(stored: str | None, config=None) -> bool:
    """True for a secret in the clear or sealed with an older key."""
    if not stored:
        return False
    if not stored.startswith(SEALED):
        return True
    keys = (config or current_app.config).get("SECRET_ENCRYPTION_KEY") or ()
    try:
        Fernet(keys[0]).decrypt(stored[len(SEALED) :].encode())
    except (InvalidToken, IndexError):
        return True
    return False


def reseal_totp(store, account: Account, config=None) -> bool:
    """Encrypt a clear secret, or re-encrypt one under an old key with the newest; True when it changed."""
    if not needs_reseal(account.totp_secret, config):
        return False
    secret = open_secret(account.totp_secret, config)
    AccountRepository(store).update(account.id, totp_secret=seal_secret(secret, config))
    return True


def totp_secret(account: Account) -> str | None:
    return open_secret(account.totp_secret)


def verify_totp(store, account: Account, code: str, now: float | None = None) -> bool:
    """A 6-digit code for now (±30 s); each time step is accepted once."""
    code = "".join(ch for ch in code if ch.isdigit())
    secret = totp_secret(account)
    if len(code) != 6 or not secret:
        return False
    totp = pyotp.TOTP(secret)
    now = now or time.time()
    for offset in (0, -1, 1):
        at = now + offset * totp.interval
        if hmac.compare_digest(totp.at(at), code):
            return AccountRepository(store).accept_totp_step(account.id, int(at // totp.interval))
    return False


def use_recovery_code(store, account: Account, code: str) -> bool:
    code = code.strip().lower().replace(" ", "")
    if len(code) != 11 or code[5] != "-":
        return False
    for stored in account.recovery_codes:
        if verify_secret(stored, code):
            return AccountRepository(store).use_recovery_code(account.id, stored)
    return False


# --- sessions ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Current:
    account: Account
    session: AuthSession

    @property
    def complete(self) -> bool:
        """Password and second factor both passed."""
        return self.session.mfa_passed and self.account.mfa_enrolled


def _store():
    return get_store()


def start_session(account: Account, *, mfa_passed: bool) -> None:
    """Rotate: drop the old server-side session and the whole cookie session, then start a new one."""
    end_session()
    sid = secrets.token_urlsafe(32)
    SessionRepository(_store()).create(digest(sid), account.id, mfa_passed=mfa_passed)
    session["sid"] = sid
    session["csrf"] = secrets.token_urlsafe(32)
    g.pop("kaart_current", None)


def end_session() -> None:
    sid = session.get("sid")
    if sid:
        SessionRepository(_store()).delete(digest(sid))
    session.clear()
    g.pop("kaart_current", None)


def current() -> Current | None:
    """The logged-in account of this request (password passed; check `.complete` for the second factor)."""
    if "kaart_current" in g:
        return g.kaart_current
    found: Current | None = None
    sid = session.get("sid")
    if isinstance(sid, str) and sid:
        store = _store()
        sessions = SessionRepository(store)
        auth = sessions.get(digest(sid))
        now = time.time()
        cfg = current_app.config
        if auth is not None:
            idle = float(cfg.get("SESSION_IDLE_MINUTES", 60)) * 60
            absolute = float(cfg.get("SESSION_MAX_HOURS", 12)) * 3600
            if now - auth.last_seen > idle or now - auth.created_at > absolute:
                sessions.delete(auth.id)
                auth = None
        if auth is not None:
            account = AccountRepository(store).get(auth.account_id)
            if account is not None and not account.disabled:
                found = Current(account=account, session=auth)
                if now - auth.last_seen > 60:
                    sessions.touch(auth.id, now)
    g.kaart_current = found
    return found


# --- throttling -------------------------------------------------------------------------------------------
#
# Two kinds of counters, both in the graph (they hold across workers and restarts):
# - per client address (`ip:`; the real client behind a trusted proxy, see KAART_TRUSTED_PROXIES): a hard
#   limit of 4 × LOGIN_MAX_ATTEMPTS per window, one client cannot try many accounts;
# - per account (`login:` for the e-mail address, `mfa:` for the second factor): LOGIN_MAX_ATTEMPTS free
#   attempts, then a growing wait between attempts (5 s, 10 s, 20 s … up to LOGIN_MAX_DELAY_SECONDS). A wrong
#   password from anywhere slows the account down but never locks its owner out, and a browser that logged in
#   to this account before (the signed `kaart_apparaat` cookie, OWASP "device cookies") has its own counter:
#   an attacker elsewhere does not slow its owner down at all.

DEVICE_COOKIE = "kaart_apparaat"
DEVICE_DAYS = 180


def _window() -> float:
    return float(current_app.config.get("LOGIN_WINDOW_SECONDS", 900))


def _limits() -> tuple[int, int]:
    per_account = int(current_app.config.get("LOGIN_MAX_ATTEMPTS", 5))
    return per_account, per_account * 4


def delays() -> list[float]:
    """The waits after the free attempts: doubling from 5 s, capped at LOGIN_MAX_DELAY_SECONDS."""
    cap = float(current_app.config.get("LOGIN_MAX_DELAY_SECONDS", 300))
    out: list[float] = []
    step = 5.0
    while not out or out[-1] < cap:
        out.append(min(step, cap))
        step *= 2
    return out


def client_key() -> str:
    return "ip:" + digest(request.remote_addr or "-")


def throttle_keys(email: str) -> tuple[str, str]:
    return "login:" + digest(email.strip().lower()), client_key()


def email_hash(email: str) -> str:
    """A pseudonym for an e-mail address in the log: keyed (HMAC with the installation's secret key), so the
    same address gives the same value within one installation but cannot be looked up from a list."""
    key = str(current_app.secret_key or "").encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()[:16]


def take_attempt(*keys: str) -> bool:
    """Hard limit (client addresses): count this attempt against every key first, then decide: atomic, so two
    workers cannot both slip through on the last free attempt. False when any key is over its limit."""
    repo = ThrottleRepository(_store())
    per_account, per_ip = _limits()
    allowed = True
    for key in keys:
        limit = per_ip if key.startswith("ip:") else per_account
        if repo.hit(key, _window()) > limit:
            allowed = False
    return allowed


@dataclass(frozen=True)
class Attempt:
    allowed: bool
    wait: int  # seconds until the next attempt may be made (0 when allowed)
    key: str
    ip_key: str
    reason: str | None = None  # "client" (this address tried too often) or "account" (slowed down)
    count: int = 0  # attempts on this key in the window, this one included


def note_failure(attempt: Attempt, **alert: object) -> None:
    """After a failed attempt: an alert when the account starts to be slowed down, and again at 2, 4, 8 …
    times as many failures (a log line per guess would drown the signal)."""
    free, _ = _limits()
    over = attempt.count - free
    if over >= 0 and (over == 0 or over & (over - 1) == 0):
        event(log, "login_alert", logging.WARNING, reason="account_slowed", failures=attempt.count, **alert)


def take_slow_attempt(key: str, *, alert: dict | None = None) -> Attempt:
    """One attempt for `key` (progressive delay) and for this client (hard limit). Logs an alert when the
    account starts to be slowed down or a client reaches its limit (ids and keyed hashes, no addresses)."""
    repo = ThrottleRepository(_store())
    free, _ = _limits()
    ok, wait, before = repo.slow_attempt(key, free=free, delays=delays(), window=_window())
    ip_key = client_key()
    ip_ok = take_attempt(ip_key)
    alert = alert or {}
    if not ip_ok:
        event(log, "login_alert", logging.WARNING, reason="client_limit", client=request.remote_addr, **alert)
        return Attempt(False, int(_window()), key, ip_key, "client")
    if not ok:
        return Attempt(False, max(1, int(wait + 0.999)), key, ip_key, "account", before)
    return Attempt(True, 0, key, ip_key, None, before + 1)


def attempt_succeeded(account_key: str, ip_key: str) -> None:
    repo = ThrottleRepository(_store())
    repo.reset(account_key)
    repo.release(ip_key)


def _device_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="kaart-apparaat")


def device_key(account: Account | None) -> str | None:
    """The own counter of a browser that completed a login to `account` before (signed cookie), else None."""
    raw = request.cookies.get(DEVICE_COOKIE)
    if not raw or account is None:
        return None
    try:
        data = _device_serializer().loads(raw, max_age=DEVICE_DAYS * 86400)
    except BadData:
        return None
    if not isinstance(data, dict) or data.get("a") != account.id or not isinstance(data.get("n"), str):
        return None
    return "dev:" + digest(data["n"])


def remember_device(account: Account) -> None:
    """After a complete login: this browser gets its own login counter for this account (set on the response)."""
    g.kaart_remember_device = _device_serializer().dumps({"a": account.id, "n": secrets.token_urlsafe(16)})


# --- housekeeping -----------------------------------------------------------------------------------------

HOUSEKEEPING_EVERY = 600.0  # seconds between purges inside one process
_last_housekeeping = 0.0


def purge_expired(store, config=None) -> dict[str, int]:
    """Delete sessions past their idle or absolute time-out and login counters nobody touched for a window.
    `kaart maintenance` runs it on a schedule; the app runs it at most every 10 minutes on a login."""
    cfg = config or current_app.config
    window = float(cfg.get("LOGIN_WINDOW_SECONDS", 900))
    sessions = SessionRepository(store).purge(
        idle_seconds=float(cfg.get("SESSION_IDLE_MINUTES", 60)) * 60,
        absolute_seconds=float(cfg.get("SESSION_MAX_HOURS", 12)) * 3600,
    )
    # a counter is kept at least as long as its longest wait, so a purge never shortens a wait
    keep = max(window, float(cfg.get("LOGIN_MAX_DELAY_SECONDS", 300)))
    throttles = ThrottleRepository(store).purge(keep)
    return {"sessions": sessions, "throttles": throttles}


def housekeeping(store) -> None:
    """`purge_expired` when this process has not done it for HOUSEKEEPING_EVERY seconds."""
    global _last_housekeeping
    now = time.monotonic()
    if now - _last_housekeeping < HOUSEKEEPING_EVERY:
        return
    _last_housekeeping = now
    counts = purge_expired(store)
    event(log, "housekeeping", **counts)


# --- CSRF -------------------------------------------------------------------------------------------------


def csrf_token() -> str:
    token = session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def csrf_field() -> Markup:
    return Markup('<input type="hidden" name="csrf_token" value="%s">') % escape(csrf_token())


def _csrf_ok() -> bool:
    expected = session.get("csrf")
    given = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    return bool(expected) and hmac.compare_digest(str(expected), str(given))


def safe_next(target: str | None) -> str | None:
    """Only local paths: never redirect to another site after login."""
    if not target:
        return None
    parsed = urlparse(target)
    if (
        parsed.scheme
        or parsed.netloc
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
    ):
        return None
    return target


# --- wiring -----------------------------------------------------------------------------------------------

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def init_accounts(app: Flask) -> None:
    app.jinja_env.globals["csrf_field"] = csrf_field
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["current_account"] = current

    @app.before_request
    def enforce() -> object | None:
        view = app.view_functions.get(request.endpoint or "")
        if view is None:
            return None
        if request.method in UNSAFE:
            is_json_api = request.path.startswith("/api/") and request.mimetype == "application/json"
            signed = signed_form_ok(view)  # a cookie-less public form (the embed search): its own stamp
            if not is_json_api and not (_csrf_ok() if signed is None else signed):
                abort(400, description="csrf")
        needed = audience_of(view)
        if needed not in ROLE_LEVEL:
            return None
        who = current()
        if who is None or not who.complete:
            if request.path.startswith("/api/"):
                resp = api_error(401)
                resp.headers["WWW-Authenticate"] = 'Session realm="kaart"'
                return resp
            nxt = request.full_path if request.method == "GET" else request.path
            return redirect(url_for("auth.login", next=nxt.rstrip("?")))
        if ROLE_LEVEL.get(who.account.role, 0) < ROLE_LEVEL[needed]:
            abort(403)
        g.kaart_professional = True
        return None

    @app.after_request
    def private_pages(resp):
        if g.get("kaart_professional") or request.blueprint == "auth":
            resp.headers["Cache-Control"] = "no-store"
        device = g.get("kaart_remember_device")
        if device:
            resp.set_cookie(
                DEVICE_COOKIE, device, max_age=DEVICE_DAYS * 86400, path="/inloggen", httponly=True,
                secure=bool(app.config.get("SESSION_COOKIE_SECURE")), samesite="Lax",
            )  # fmt: skip
        return resp


__all__ = [
    "COMMON_PASSWORDS",
    "Current",
    "PasswordRejected",
    "check_password_policy",
    "create_account",
    "csrf_token",
    "current",
    "init_accounts",
]
