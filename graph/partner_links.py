"""Partner links: a personal, expiring, single-organisation link. The graph keeps only the SHA-256 of the
token (the web layer makes and hashes it), so a copy of the graph gives no usable link. See ADR 0021."""

from __future__ import annotations

import dataclasses
import uuid
import weakref
from dataclasses import dataclass
from typing import Any

from graph.proposals import now_iso
from graph.store import GraphStore

_ready: weakref.WeakSet[GraphStore] = weakref.WeakSet()


def ensure_partner_link_schema(store: GraphStore) -> None:
    """Indexes for partner-link lookups. Idempotent, once per store object."""
    if store not in _ready:
        store.ensure_index("PartnerLink", "token_hash")
        store.ensure_index("PartnerLink", "id")
        _ready.add(store)


@dataclass(frozen=True)
class PartnerLink:
    id: str
    organisation_id: str
    token_hash: str  # SHA-256 of the token in the link; the token itself is never stored
    created_by: str
    created_at: str
    expires_at: str
    email: str | None = None  # where the link was sent, if it was
    purpose: str = "partner"  # partner | controle (sent from the verification dashboard)
    revoked_at: str | None = None
    revoked_by: str | None = None
    last_used_at: str | None = None
    confirmed_at: str | None = None  # "alles klopt"
    submitted_at: str | None = None  # changes sent in (Proposals)

    def state(self, now: str | None = None) -> str:
        """actief | verlopen | ingetrokken"""
        if self.revoked_at:
            return "ingetrokken"
        if (now or now_iso()) >= self.expires_at:
            return "verlopen"
        return "actief"

    def usable(self, now: str | None = None) -> bool:
        return self.state(now) == "actief"


_LINK_FIELDS = tuple(f.name for f in dataclasses.fields(PartnerLink))


def _link(props: dict[str, Any]) -> PartnerLink:
    return PartnerLink(**{k: props.get(k) for k in _LINK_FIELDS if k in props})


class PartnerLinkRepository:
    _q_create = "CREATE (l:PartnerLink) SET l = $props"
    _q_by_hash = "MATCH (l:PartnerLink {token_hash: $hash}) RETURN properties(l) AS l"
    _q_get = "MATCH (l:PartnerLink {id: $id}) RETURN properties(l) AS l"
    _q_for_org = (
        "MATCH (l:PartnerLink) WHERE l.organisation_id = $org RETURN properties(l) AS l "
        "ORDER BY l.created_at DESC, l.id"
    )
    _q_all = "MATCH (l:PartnerLink) RETURN properties(l) AS l ORDER BY l.created_at DESC, l.id LIMIT $limit"
    _q_revoke = (
        "MATCH (l:PartnerLink {id: $id}) WHERE l.revoked_at IS NULL "
        "SET l.revoked_at = $at, l.revoked_by = $who RETURN l.id AS id"
    )
    _q_touch = "MATCH (l:PartnerLink {id: $id}) SET l.last_used_at = $at"
    _q_mark = "MATCH (l:PartnerLink {id: $id}) SET l += $props"

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        ensure_partner_link_schema(store)

    def create(
        self,
        organisation_id: str,
        token_hash: str,
        created_by: str,
        expires_at: str,
        *,
        email: str | None = None,
        purpose: str = "partner",
    ) -> PartnerLink:
        link = PartnerLink(
            id="plink-" + uuid.uuid4().hex[:20],
            organisation_id=organisation_id,
            token_hash=token_hash,
            created_by=created_by,
            created_at=now_iso(),
            expires_at=expires_at,
            email=email,
            purpose=purpose,
        )
        props = {k: v for k, v in dataclasses.asdict(link).items() if v is not None}
        self.store.write(self._q_create, {"props": props})
        return link

    def by_hash(self, token_hash: str) -> PartnerLink | None:
        rows = self.store.read(self._q_by_hash, {"hash": token_hash})
        return _link(rows[0]["l"]) if rows else None

    def get(self, id: str) -> PartnerLink | None:
        rows = self.store.read(self._q_get, {"id": id})
        return _link(rows[0]["l"]) if rows else None

    def for_organisation(self, organisation_id: str) -> list[PartnerLink]:
        return [_link(r["l"]) for r in self.store.read(self._q_for_org, {"org": organisation_id})]

    def all(self, limit: int = 500) -> list[PartnerLink]:
        return [_link(r["l"]) for r in self.store.read(self._q_all, {"limit": limit})]

    def revoke(self, id: str, who: str) -> bool:
        """True when this call revoked it (False: unknown or revoked before)."""
        return bool(self.store.write(self._q_revoke, {"id": id, "at": now_iso(), "who": who}))

    def touch(self, id: str) -> None:
        self.store.write(self._q_touch, {"id": id, "at": now_iso()})

    def mark(self, id: str, *, confirmed: bool = False, submitted: bool = False) -> None:
        props: dict[str, Any] = {}
        if confirmed:
            props["confirmed_at"] = now_iso()
        if submitted:
            props["submitted_at"] = now_iso()
        if props:
            self.store.write(self._q_mark, {"id": id, "props": props})
