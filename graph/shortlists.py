"""A professional's own short lists of diensten (issue 16.7, docs/adr/0083-professional-only-data.md).

`(:Shortlist {owner_id})-[:HOLDS {added_at, seen_at}]->(:Service)`: a named list owned by one account, holding
services only — never resident data (the form says so; the name is free text of at most 80 characters). A list
can be shared read-only by a link: the token is made here, handed out once, and only its SHA-256 digest is
stored, so a copy of the graph holds no working links; sharing again or stopping revokes the old link. An entry
is "gewijzigd" when the dienst has a `Change` (other than a note) after it was added or last viewed.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graph.store import GraphStore

MAX_NAME = 80
MAX_ENTRIES = 100
NOT_A_CHANGE = ("notitie",)  # notes for colleagues do not change the dienst itself


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ShortlistEntry:
    service_id: str
    added_at: str
    seen_at: str | None = None
    modified_at: str | None = None  # the dienst's latest change

    @property
    def changed(self) -> bool:
        """Changed since it was added to the list or since the owner last looked at the list."""
        since = max(self.added_at, self.seen_at or "")
        return bool(self.modified_at) and (self.modified_at or "") > since


@dataclass(frozen=True)
class Shortlist:
    id: str
    owner_id: str
    name: str
    created_at: str
    shared_at: str | None = None
    entries: tuple[ShortlistEntry, ...] = ()
    size: int = 0

    @property
    def shared(self) -> bool:
        return self.shared_at is not None


def _list(p: dict[str, Any], entries: tuple[ShortlistEntry, ...] = (), size: int = 0) -> Shortlist:
    return Shortlist(
        id=p["id"],
        owner_id=p.get("owner_id") or "",
        name=p.get("name") or "",
        created_at=p.get("created_at") or "",
        shared_at=p.get("shared_at"),
        entries=entries,
        size=size,
    )


class ShortlistRepository:
    """Every query takes the owner's account id: one professional never reads or changes another's list."""

    _q_lists_of = (
        "MATCH (l:Shortlist {owner_id: $owner}) OPTIONAL MATCH (l)-[:HOLDS]->(s:Service) "
        "RETURN properties(l) AS l, count(s) AS n ORDER BY l.created_at DESC, l.id"
    )
    _q_get = "MATCH (l:Shortlist {id: $id, owner_id: $owner}) RETURN properties(l) AS l"
    _q_by_token = "MATCH (l:Shortlist {share_digest: $digest}) RETURN properties(l) AS l"
    _q_entries = (
        "MATCH (l:Shortlist {id: $id})-[h:HOLDS]->(s:Service) "
        "RETURN s.id AS id, h.added_at AS added_at, h.seen_at AS seen_at ORDER BY h.added_at, s.id"
    )
    _q_modified = (
        "MATCH (c:Change) WHERE c.entity = 'Service' AND c.entity_id IN $ids AND NOT c.field IN $skip "
        "RETURN c.entity_id AS id, max(c.at) AS at"
    )
    _q_create = "CREATE (l:Shortlist) SET l = $props"
    _q_rename = "MATCH (l:Shortlist {id: $id, owner_id: $owner}) SET l.name = $name RETURN l.id AS id"
    _q_delete = "MATCH (l:Shortlist {id: $id, owner_id: $owner}) DETACH DELETE l"
    _q_add = (
        "MATCH (l:Shortlist {id: $id, owner_id: $owner}) UNWIND $ids AS sid MATCH (s:Service {id: sid}) "
        "MERGE (l)-[h:HOLDS]->(s) ON CREATE SET h.added_at = $at RETURN count(h) AS n"
    )
    _q_remove = "MATCH (l:Shortlist {id: $id, owner_id: $owner})-[h:HOLDS]->(s:Service {id: $sid}) DELETE h"
    _q_seen = "MATCH (l:Shortlist {id: $id, owner_id: $owner})-[h:HOLDS]->(:Service) SET h.seen_at = $at"
    _q_share = (
        "MATCH (l:Shortlist {id: $id, owner_id: $owner}) SET l.share_digest = $digest, l.shared_at = $at "
        "RETURN l.id AS id"
    )
    _q_unshare = (
        "MATCH (l:Shortlist {id: $id, owner_id: $owner}) SET l.share_digest = null, l.shared_at = null "
        "RETURN l.id AS id"
    )

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    # -- reads ---------------------------------------------------------------------------------------------

    def lists_of(self, owner_id: str) -> list[Shortlist]:
        """The owner's lists, newest first, with their number of entries (entries themselves not read)."""
        rows = self.store.read(self._q_lists_of, {"owner": owner_id})
        return [_list(r["l"], size=int(r["n"] or 0)) for r in rows]

    def get(self, list_id: str, owner_id: str) -> Shortlist | None:
        rows = self.store.read(self._q_get, {"id": list_id, "owner": owner_id})
        return self._with_entries(rows[0]["l"]) if rows else None

    def by_token(self, token: str) -> Shortlist | None:
        """The list shared with this token (read-only); None for an unknown or revoked token."""
        if not token or len(token) > 200:
            return None
        rows = self.store.read(self._q_by_token, {"digest": token_digest(token)})
        return self._with_entries(rows[0]["l"]) if rows else None

    def _with_entries(self, props: dict[str, Any]) -> Shortlist:
        rows = self.store.read(self._q_entries, {"id": props["id"]})
        ids = [r["id"] for r in rows]
        modified = (
            {
                r["id"]: r["at"]
                for r in self.store.read(self._q_modified, {"ids": ids, "skip": list(NOT_A_CHANGE)})
            }
            if ids
            else {}
        )
        entries = tuple(
            ShortlistEntry(r["id"], r["added_at"] or "", r["seen_at"], modified.get(r["id"])) for r in rows
        )
        return _list(props, entries, len(entries))

    # -- writes --------------------------------------------------------------------------------------------

    def create(self, owner_id: str, name: str) -> Shortlist:
        props = {
            "id": f"lijst-{uuid.uuid4().hex}",
            "owner_id": owner_id,
            "name": name.strip()[:MAX_NAME],
            "created_at": now_iso(),
        }
        self.store.write_all([(self._q_create, {"props": props})])
        return _list(props)

    def rename(self, list_id: str, owner_id: str, name: str) -> bool:
        rows = self.store.write(
            self._q_rename, {"id": list_id, "owner": owner_id, "name": name.strip()[:MAX_NAME]}
        )
        return bool(rows)

    def delete(self, list_id: str, owner_id: str) -> None:
        self.store.write_all([(self._q_delete, {"id": list_id, "owner": owner_id})])

    def add(self, list_id: str, owner_id: str, service_ids: list[str]) -> int:
        """Add services (existing ones, at most MAX_ENTRIES per list); one already on it keeps its date."""
        current = self.get(list_id, owner_id)
        if current is None:
            return 0
        have = {e.service_id for e in current.entries}
        room = MAX_ENTRIES - len(have)
        fresh = [i for i in dict.fromkeys(service_ids) if i not in have][: max(0, room)]
        if not fresh:
            return 0
        self.store.write_all(
            [(self._q_add, {"id": list_id, "owner": owner_id, "ids": fresh, "at": now_iso()})]
        )
        return len(fresh)

    def remove(self, list_id: str, owner_id: str, service_id: str) -> None:
        self.store.write_all([(self._q_remove, {"id": list_id, "owner": owner_id, "sid": service_id})])

    def mark_seen(self, list_id: str, owner_id: str) -> None:
        """The owner has looked at the list: the "gewijzigd" badges count from now."""
        self.store.write_all([(self._q_seen, {"id": list_id, "owner": owner_id, "at": now_iso()})])

    def share(self, list_id: str, owner_id: str) -> str | None:
        """A new read-only link token for the list (the old link stops working); None if not the owner's."""
        token = secrets.token_urlsafe(24)
        rows = self.store.write(
            self._q_share, {"id": list_id, "owner": owner_id, "digest": token_digest(token), "at": now_iso()}
        )
        return token if rows else None

    def unshare(self, list_id: str, owner_id: str) -> bool:
        return bool(self.store.write(self._q_unshare, {"id": list_id, "owner": owner_id}))
