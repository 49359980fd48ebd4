"""Accounts, server-side sessions and login throttles in the graph (see docs/adr/0004-accounts-in-the-graph.md).

All Cypher for these lives here; values are parameters, records come out as dataclasses. The graph is the one
store every gunicorn worker and every CLI process shares, so a session revoked or a login counter raised in
one worker holds in all of them. Secrets never reach the graph in the clear: passwords and recovery codes as
argon2id hashes, session ids and throttle keys as SHA-256 digests (the web layer hashes them before calling).
"""

from __future__ import annotations

import time
import weakref
from dataclasses import dataclass, fields
from typing import Any

from graph.errors import GraphUnavailable
from graph.store import FalkorStore, GraphStore

ROLES = ("professional", "coordinator", "admin")


@dataclass(frozen=True)
class Account:
    id: str
    email: str
    name: str
    role: str
    password_hash: str
    created_at: str
    disabled: bool = False
    totp_secret: str | None = None
    mfa_enrolled: bool = False
    recovery_codes: tuple[str, ...] = ()  # argon2id hashes of the unused codes
    totp_last_step: int | None = None  # the last accepted TOTP time step: a code works once
    last_login_at: str | None = None


@dataclass(frozen=True)
class AuthSession:
    id: str  # SHA-256 of the session id in the cookie
    account_id: str
    created_at: float
    last_seen: float
    mfa_passed: bool = False


_ACCOUNT_FIELDS = tuple(f.name for f in fields(Account))


def _account(props: dict[str, Any]) -> Account:
    data = {k: props[k] for k in _ACCOUNT_FIELDS if k in props and props[k] is not None}
    data["recovery_codes"] = tuple(props.get("recovery_codes") or ())
    data["disabled"] = bool(props.get("disabled"))
    data["mfa_enrolled"] = bool(props.get("mfa_enrolled"))
    return Account(**data)


def _session(props: dict[str, Any]) -> AuthSession:
    return AuthSession(
        id=props["id"],
        account_id=props["account_id"],
        created_at=float(props["created_at"]),
        last_seen=float(props["last_seen"]),
        mfa_passed=bool(props.get("mfa_passed")),
    )


_ready: weakref.WeakSet[GraphStore] = weakref.WeakSet()


def ensure_account_schema(store: GraphStore, timeout: float = 60.0) -> None:
    """Uniqueness for account ids and e-mail addresses, session ids and throttle keys. Idempotent."""
    if store in _ready:
        return
    for label, prop in (
        ("Account", "id"),
        ("Account", "email"),
        ("AuthSession", "id"),
        ("LoginThrottle", "id"),
    ):
        store.ensure_unique(label, prop)
    store.ensure_index("AuthSession", "account_id")
    if isinstance(store, FalkorStore):
        deadline = time.monotonic() + timeout
        while not store.constraints_ready():
            if time.monotonic() > deadline:
                raise GraphUnavailable("FalkorDB: constraints niet op tijd klaar")
            time.sleep(0.05)
    _ready.add(store)


class AccountRepository:
    _q_create = "CREATE (a:Account) SET a += $props RETURN a.id AS id"
    _q_by_id = "MATCH (a:Account {id: $id}) RETURN properties(a) AS a"
    _q_by_email = "MATCH (a:Account {email: $email}) RETURN properties(a) AS a"
    _q_all = "MATCH (a:Account) RETURN properties(a) AS a ORDER BY a.email"
    _q_set = "MATCH (a:Account {id: $id}) SET a += $props RETURN count(a) AS c"
    _q_use_recovery = (
        "MATCH (a:Account {id: $id}) WHERE $code IN a.recovery_codes "
        "SET a.recovery_codes = [c IN a.recovery_codes WHERE c <> $code] RETURN count(a) AS c"
    )
    _q_totp_step = (
        "MATCH (a:Account {id: $id}) WHERE coalesce(a.totp_last_step, -1) < $step "
        "SET a.totp_last_step = $step RETURN count(a) AS c"
    )

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        ensure_account_schema(store)

    def create(self, account: Account) -> Account:
        """Add an account; a second account with the same id or e-mail raises ConstraintViolation."""
        props = {k: v for k, v in _props(account).items() if v is not None}
        self.store.write(self._q_create, {"props": props})
        return account

    def get(self, id: str) -> Account | None:
        rows = self.store.read(self._q_by_id, {"id": id})
        return _account(rows[0]["a"]) if rows else None

    def by_email(self, email: str) -> Account | None:
        rows = self.store.read(self._q_by_email, {"email": email.strip().lower()})
        return _account(rows[0]["a"]) if rows else None

    def all(self) -> list[Account]:
        return [_account(r["a"]) for r in self.store.read(self._q_all)]

    def update(self, id: str, **changes: Any) -> bool:
        unknown = set(changes) - set(_ACCOUNT_FIELDS)
        if unknown or "id" in changes:
            raise ValueError(f"onbekende velden: {sorted(unknown)}")
        props = {k: (list(v) if isinstance(v, tuple) else v) for k, v in changes.items()}
        rows = self.store.write(self._q_set, {"id": id, "props": props})
        return bool(rows and rows[0]["c"])

    def use_recovery_code(self, id: str, code_hash: str) -> bool:
        """Strike one recovery code; True only for the one request that struck it."""
        rows = self.store.write(self._q_use_recovery, {"id": id, "code": code_hash})
        return bool(rows and rows[0]["c"])

    def accept_totp_step(self, id: str, step: int) -> bool:
        """Record a used TOTP step; False when this or a later step was used before (replay)."""
        rows = self.store.write(self._q_totp_step, {"id": id, "step": step})
        return bool(rows and rows[0]["c"])


def _props(account: Account) -> dict[str, Any]:
    out = {}
    for f in fields(account):
        value = getattr(account, f.name)
        out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


class SessionRepository:
    """Server-side sessions: the cookie holds a random id, the graph holds its digest. Logout deletes it."""

    _q_create = (
        "CREATE (s:AuthSession {id: $id, account_id: $account_id, created_at: $now, last_seen: $now, "
        "mfa_passed: $mfa})"
    )
    _q_get = "MATCH (s:AuthSession {id: $id}) RETURN properties(s) AS s"
    _q_touch = "MATCH (s:AuthSession {id: $id}) SET s.last_seen = $now"
    _q_mfa = "MATCH (s:AuthSession {id: $id}) SET s.mfa_passed = true RETURN count(s) AS c"
    _q_delete = "MATCH (s:AuthSession {id: $id}) DELETE s RETURN count(*) AS c"
    _q_delete_account = "MATCH (s:AuthSession {account_id: $account_id}) DELETE s RETURN count(*) AS c"
    _q_purge = "MATCH (s:AuthSession) WHERE s.last_seen < $idle OR s.created_at < $absolute DELETE s RETURN count(*) AS c"

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        ensure_account_schema(store)

    def create(
        self, id_hash: str, account_id: str, *, mfa_passed: bool = False, now: float | None = None
    ) -> None:
        self.store.write(
            self._q_create,
            {"id": id_hash, "account_id": account_id, "now": now or time.time(), "mfa": mfa_passed},
        )

    def get(self, id_hash: str) -> AuthSession | None:
        rows = self.store.read(self._q_get, {"id": id_hash})
        return _session(rows[0]["s"]) if rows else None

    def touch(self, id_hash: str, now: float | None = None) -> None:
        self.store.write(self._q_touch, {"id": id_hash, "now": now or time.time()})

    def mark_mfa_passed(self, id_hash: str) -> bool:
        rows = self.store.write(self._q_mfa, {"id": id_hash})
        return bool(rows and rows[0]["c"])

    def delete(self, id_hash: str) -> bool:
        rows = self.store.write(self._q_delete, {"id": id_hash})
        return bool(rows and rows[0]["c"])

    def delete_for_account(self, account_id: str) -> int:
        rows = self.store.write(self._q_delete_account, {"account_id": account_id})
        return int(rows[0]["c"]) if rows else 0

    def purge(self, *, idle_seconds: float, absolute_seconds: float, now: float | None = None) -> int:
        now = now or time.time()
        rows = self.store.write(
            self._q_purge, {"idle": now - idle_seconds, "absolute": now - absolute_seconds}
        )
        return int(rows[0]["c"]) if rows else 0


class ThrottleRepository:
    """Failure counters per key (digest of an e-mail address or a client address) in a fixed window.

    One write query per hit: atomic on FalkorDB (queries run one at a time) and on Neo4j (the first SET takes
    the node's write lock before the counter is read), so counters hold across processes.
    """

    _q_hit = (
        "MERGE (t:LoginThrottle {id: $id}) ON CREATE SET t.count = 0, t.window_start = $now "
        "SET t.locked_at = $now "
        "WITH t, t.window_start < $cutoff AS expired "
        "SET t.count = CASE WHEN expired THEN 1 ELSE t.count + 1 END, "
        "t.window_start = CASE WHEN expired THEN $now ELSE t.window_start END "
        "RETURN t.count AS c"
    )
    _q_count = "MATCH (t:LoginThrottle {id: $id}) WHERE t.window_start >= $cutoff RETURN t.count AS c"
    _q_reset = "MATCH (t:LoginThrottle {id: $id}) DELETE t"
    _q_release = (
        "MATCH (t:LoginThrottle {id: $id}) SET t.count = CASE WHEN t.count > 0 THEN t.count - 1 ELSE 0 END"
    )

    # Progressive delay: `$free` attempts, then each next one only after `$delays[n]` seconds since the last
    # attempt (the last delay repeats). An attempt during the wait is refused and NOT counted, so a stream of
    # guesses cannot push the wait up for ever; quiet for `window` seconds resets the count.
    _q_slow = (
        "MERGE (t:LoginThrottle {id: $id}) ON CREATE SET t.count = 0, t.last = 0.0 "
        "SET t.locked_at = $now "
        "WITH t, coalesce(t.last, 0.0) AS last "
        "WITH t, last, CASE WHEN last < $cutoff THEN 0 ELSE coalesce(t.count, 0) END AS c "
        "WITH t, last, c, CASE WHEN c < $free THEN 0.0 ELSE toFloat($delays[CASE WHEN c - $free < size($delays) "
        "THEN c - $free ELSE size($delays) - 1 END]) END AS wait "
        "WITH t, last, c, wait, ($now - last) >= wait AS ok "
        "SET t.count = CASE WHEN ok THEN c + 1 ELSE c END, t.last = CASE WHEN ok THEN $now ELSE last END "
        "RETURN ok AS ok, wait - ($now - last) AS remaining, c AS c"
    )
    _q_purge = (
        "MATCH (t:LoginThrottle) WHERE coalesce(t.last, 0.0) < $cutoff AND coalesce(t.window_start, 0.0) < $cutoff "
        "DELETE t RETURN count(*) AS c"
    )

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        ensure_account_schema(store)

    def slow_attempt(
        self, key: str, *, free: int, delays: list[float], window: float, now: float | None = None
    ) -> tuple[bool, float, int]:
        """Take an attempt for `key` (one atomic write): (allowed, seconds still to wait, attempts before)."""
        now = now or time.time()
        rows = self.store.write(
            self._q_slow,
            {
                "id": key,
                "now": now,
                "cutoff": now - window,
                "free": free,
                "delays": [float(d) for d in delays],
            },
        )
        row = rows[0]
        return bool(row["ok"]), max(0.0, float(row["remaining"])), int(row["c"])

    def purge(self, window: float, now: float | None = None) -> int:
        """Delete counters nobody touched for `window` seconds (they would reset anyway)."""
        now = now or time.time()
        rows = self.store.write(self._q_purge, {"cutoff": now - window})
        return int(rows[0]["c"]) if rows else 0

    def hit(self, key: str, window: float, now: float | None = None) -> int:
        now = now or time.time()
        rows = self.store.write(self._q_hit, {"id": key, "now": now, "cutoff": now - window})
        return int(rows[0]["c"])

    def count(self, key: str, window: float, now: float | None = None) -> int:
        now = now or time.time()
        rows = self.store.read(self._q_count, {"id": key, "cutoff": now - window})
        return int(rows[0]["c"]) if rows else 0

    def reset(self, key: str) -> None:
        self.store.write(self._q_reset, {"id": key})

    def release(self, key: str) -> None:
        """Give back one attempt (a successful login from a shared address)."""
        self.store.write(self._q_release, {"id": key})
