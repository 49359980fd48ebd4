"""Beheer: what the coördinatoren's pages need from the graph beyond graph/proposals.py.

- Editing (`save_edit`: claimed at the form's version, then the record and its audit `Change`s in one unit),
  creating and deleting records with their audit `Change`s in one unit.
- Partner links: a personal, expiring, single-organisation link. The graph keeps only the SHA-256 of the
  token (the web layer makes and hashes it), so a copy of the graph gives no usable link.
- Read models for the verification dashboard (stale entries, entries without contact or bereikbaarheid),
  the coverage matrix kern × thema × niveau, the network overview and the organisation list.
- Optional demand statistics: counters per ISO week, kern and theme id. Never any text.

All Cypher of these lives here as constants; every value is a parameter; results come out as dataclasses.
See docs/adr/0020-beheer.md.
"""

from __future__ import annotations

import dataclasses
import json
import time
import uuid
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from graph.dialect import ident
from graph.errors import ConflictError, GraphError
from graph.proposals import ChangeRepository, _diff_fields, jsonable, new_change, now_iso, repository_for
from graph.store import GraphStore, Statement

# Change.field for a whole record that was created or deleted (HSDS metadata: last_action_type create/delete).
RECORD_FIELD = "record"
CREATED, DELETED = "aangemaakt", "verwijderd"
EDITABLE_TYPES = ("Organisation", "Service", "Location", "Phone", "Netwerk")

_ready: weakref.WeakSet[GraphStore] = weakref.WeakSet()


def ensure_beheer_schema(store: GraphStore) -> None:
    """Indexes for partner-link lookups and demand counters. Idempotent, once per store object."""
    if store in _ready:
        return
    store.ensure_index("PartnerLink", "token_hash")
    store.ensure_index("PartnerLink", "id")
    store.ensure_index("DemandStat", "id")
    _ready.add(store)


# --- create and delete with audit -------------------------------------------------------------------------


def _q_exists(label: str) -> str:
    return f"MATCH (n:{ident(label)} {{id: $id}}) RETURN n.id AS id"


def _q_delete(label: str) -> str:
    return f"MATCH (n:{ident(label)} {{id: $id}}) DETACH DELETE n"


def _q_version(label: str) -> str:
    return f"MATCH (n:{ident(label)} {{id: $id}}) RETURN n.version AS v"


# An edit claims its record first: one write query that takes the node's write lock (Neo4j: the first SET;
# FalkorDB runs queries one at a time), then checks the version the form was made from and that no other edit
# holds the record, and marks it as being edited. Only then are the record and its Changes written, in one unit,
# which also lifts the mark. Of two concurrent edits from the same version one claims, the other conflicts;
# a form opened while an edit is in flight conflicts too. An edit that finds the right version but a mark waits
# for it (an edit in flight takes milliseconds) and then claims or conflicts; a mark left by a crash between
# claim and write (SIGKILL, graph restart: tests/test_kill_edits.py) expires after CLAIM_SECONDS, so the next
# edit of that record waits at most that long instead of showing a false conflict. (Checking `n.version`
# before any SET, as a plain `MATCH … WHERE n.version = $v SET …` does, lets two Neo4j transactions both pass
# the check: reads take no lock.)
CLAIM_SECONDS = 10


def _q_lock_state(label: str) -> str:
    return f"MATCH (n:{ident(label)} {{id: $id}}) RETURN n.version AS v, n.edit_lock IS NOT NULL AS locked"


def _q_claim_edit(label: str) -> str:
    return (
        f"MATCH (n:{ident(label)} {{id: $id}}) SET n.edit_probe = $token SET n.edit_probe = null "
        "WITH n WHERE coalesce(n.version, 0) = $expected "
        "AND (n.edit_lock IS NULL OR n.edit_lock_at < $stale OR n.edit_lock = $token) "
        "SET n.edit_lock = $token, n.edit_lock_at = $now RETURN n.id AS id"
    )


def _q_release(label: str) -> str:
    return (
        f"MATCH (n:{ident(label)} {{id: $id}}) WHERE n.edit_lock = $token "
        "SET n.edit_lock = null, n.edit_lock_at = null"
    )


def _claim(store: GraphStore, entity_type: str, id: str, expected: int) -> str:
    token = uuid.uuid4().hex
    give_up = time.monotonic() + CLAIM_SECONDS + 2
    while True:
        now = datetime.now(UTC).replace(microsecond=0)
        stale = (now - timedelta(seconds=CLAIM_SECONDS)).isoformat()
        rows = store.write(
            _q_claim_edit(entity_type),
            {"id": id, "expected": expected, "token": token, "now": now.isoformat(), "stale": stale},
        )
        if rows:
            return token
        found = store.read(_q_lock_state(entity_type), {"id": id})
        version = found[0]["v"] if found else None
        if not (found and (version or 0) == expected and found[0]["locked"]) or time.monotonic() > give_up:
            raise ConflictError(id, expected, version)
        time.sleep(0.05)  # the right version, but marked: an edit in flight, or one that crashed


def save_edit(
    store: GraphStore,
    entity_type: str,
    record: Any,
    who: str,
    expected_version: int,
    *,
    note: str | None = None,
) -> int:
    """A coördinator's edit of an existing record: claimed at `expected_version` (else ConflictError, no write
    at all), then the record and one `Change` (source "edit") per changed field written in one unit. Returns
    the new version. Fields edited this way win over later imports (ingest/writer.py reads the Changes)."""
    if entity_type not in EDITABLE_TYPES:
        raise ValueError(f"onbekend soort record: {entity_type!r}")
    repo = repository_for(store, entity_type)
    token = _claim(store, entity_type, record.id, expected_version)
    try:
        before = repo.get(record.id)
        changes = [
            new_change(entity_type, record.id, f, o, n, who=who, source="edit", ref=note)
            for f, o, n in _diff_fields(before, record)
        ]
        statements = repo.upsert_statements([record])
        if changes:
            statements.append(ChangeRepository(store).add_statement(changes))
        statements.append((_q_release(entity_type), {"id": record.id, "token": token}))
        store.write_all(statements)
    except Exception:
        store.write(_q_release(entity_type), {"id": record.id, "token": token})
        raise
    return int((repo.meta(record.id) or {}).get("version") or 0)


def create_record(
    store: GraphStore, entity_type: str, record: Any, who: str, *, ref: str | None = None
) -> int:
    """Create a new record (and its relationships) with one `Change` per filled-in field, in one unit.
    Raises GraphError when the id exists already. Returns the version of the new record."""
    if entity_type not in EDITABLE_TYPES:
        raise ValueError(f"onbekend soort record: {entity_type!r}")
    repo = repository_for(store, entity_type)
    if store.read(_q_exists(entity_type), {"id": record.id}):
        raise GraphError(f"{entity_type} {record.id} bestaat al")
    changes = [
        new_change(entity_type, record.id, RECORD_FIELD, None, CREATED, who=who, source="edit", ref=ref)
    ]
    for f in dataclasses.fields(record):
        value = jsonable(getattr(record, f.name))
        if f.name != "id" and value not in (None, "", [], False):
            changes.append(
                new_change(entity_type, record.id, f.name, None, value, who=who, source="edit", ref=ref)
            )
    statements = repo.upsert_statements([record])
    statements.append(ChangeRepository(store).add_statement(changes))
    store.write_all(statements)
    return int((repo.meta(record.id) or {}).get("version") or 0)


def delete_record(
    store: GraphStore, entity_type: str, id: str, who: str, expected_version: int, *, ref: str | None = None
) -> None:
    """Delete a record (phones, locations) if it is still at `expected_version` (else ConflictError), leaving
    a `Change` per field with its last value, so the history shows what was removed."""
    repo = repository_for(store, entity_type)
    before = repo.get(id)
    if before is None:
        raise KeyError(id)
    _claim(store, entity_type, id, expected_version)
    before = repo.get(id) or before
    changes = [new_change(entity_type, id, RECORD_FIELD, "bestaat", DELETED, who=who, source="edit", ref=ref)]
    for f in dataclasses.fields(before):
        value = jsonable(getattr(before, f.name))
        if f.name != "id" and value not in (None, "", [], False):
            changes.append(new_change(entity_type, id, f.name, value, None, who=who, source="edit", ref=ref))
    store.write_all([(_q_delete(entity_type), {"id": id}), ChangeRepository(store).add_statement(changes)])


def current_version(store: GraphStore, entity_type: str, id: str) -> int | None:
    rows = store.read(_q_version(entity_type), {"id": id})
    return int(rows[0]["v"] or 0) if rows else None


# --- partner links ----------------------------------------------------------------------------------------


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
        ensure_beheer_schema(store)

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


# --- verification -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceCheck:
    """One active service with what the verification dashboard looks at."""

    id: str
    name: str
    organization_id: str
    organization_name: str
    organization_email: str | None
    assured_date: str | None
    phones: int  # public or professional-only, on the service, its organisation or its locations
    emails: int  # e-mail addresses on the service or its organisation
    websites: int
    opening_hours: str | None
    schedules: int
    available_24_7: bool

    @property
    def has_contact(self) -> bool:
        return bool(self.phones or self.emails or self.websites)

    @property
    def has_bereikbaarheid(self) -> bool:
        return bool(self.opening_hours or self.schedules or self.available_24_7)

    def stale(self, cutoff: str) -> bool:
        """Never verified, or verified before `cutoff` (ISO date)."""
        return not self.assured_date or str(self.assured_date)[:10] < cutoff


_Q_CHECKS = (
    "MATCH (o:Organisation)-[:PROVIDES]->(s:Service) WHERE s.status IN $statuses "
    "AND coalesce(o.status, 'active') <> 'archived' "
    "OPTIONAL MATCH (s)-[:HAS_PHONE]->(p1:Phone) WITH o, s, count(DISTINCT p1) AS n1 "
    "OPTIONAL MATCH (o)-[:HAS_PHONE]->(p2:Phone) WITH o, s, n1, count(DISTINCT p2) AS n2 "
    "OPTIONAL MATCH (s)-[:AT]->(:Location)-[:HAS_PHONE]->(p3:Phone) WITH o, s, n1, n2, count(DISTINCT p3) AS n3 "
    "WITH o, s, n1 + n2 + n3 AS phones "
    "OPTIONAL MATCH (s)-[:HAS_SCHEDULE]->(x:Schedule) WITH o, s, phones, count(DISTINCT x) AS schedules "
    "RETURN s.id AS id, s.name AS name, o.id AS org, o.name AS org_name, o.email AS org_email, "
    "s.assured_date AS assured, s.email AS email, s.url AS url, o.website AS website, "
    "s.opening_hours AS hours, s.available_24_7 AS h24, phones, schedules "
    "ORDER BY org_name, name, id"
)


def service_checks(
    store: GraphStore, statuses: Sequence[str] = ("active", "temporarily closed")
) -> list[ServiceCheck]:
    out = []
    for r in store.read(_Q_CHECKS, {"statuses": list(statuses)}):
        out.append(
            ServiceCheck(
                id=r["id"],
                name=r["name"] or r["id"],
                organization_id=r["org"],
                organization_name=r["org_name"] or r["org"],
                organization_email=r["org_email"],
                assured_date=r["assured"],
                phones=int(r["phones"] or 0),
                emails=int(bool(r["email"])) + int(bool(r["org_email"])),
                websites=int(bool(r["url"])) + int(bool(r["website"])),
                opening_hours=r["hours"],
                schedules=int(r["schedules"] or 0),
                available_24_7=bool(r["h24"]),
            )
        )
    return out


_Q_CONFIRM = (
    "UNWIND $rows AS r MATCH (s:Service {id: r.id}) "
    "SET s.assured_date = $day, s.version = coalesce(s.version, 0) + 1"
)
_Q_ASSURED = "MATCH (s:Service) WHERE s.id IN $ids RETURN s.id AS id, s.assured_date AS d"


def confirm_services(
    store: GraphStore, service_ids: Sequence[str], who: str, day: str, *, ref: str | None = None
) -> int:
    """Set the last-verified date of these services to `day`, with a `Change` each, in one unit. Only that
    one field is written (no other field can be lost); the version is bumped so open edit forms notice."""
    ids = list(dict.fromkeys(service_ids))
    if not ids:
        return 0
    before = {r["id"]: r["d"] for r in store.read(_Q_ASSURED, {"ids": ids})}
    ids = [i for i in ids if i in before]
    changes = [
        new_change("Service", i, "assured_date", before[i], day, who=who, source="edit", ref=ref)
        for i in ids
        if before[i] != day
    ]
    statements: list[Statement] = [(_Q_CONFIRM, {"rows": [{"id": i} for i in ids], "day": day})]
    if changes:
        statements.append(ChangeRepository(store).add_statement(changes))
    store.write_all(statements)
    return len(ids)


# --- lists --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationRow:
    id: str
    name: str
    status: str
    kind: str | None
    services: int
    active_services: int
    oldest_check: str | None  # the oldest last-verified date of its active services ("" = never verified)
    networks: int


_Q_ORG_ROWS = (
    "MATCH (o:Organisation) WHERE ($text IS NULL OR toLower(o.name) CONTAINS $text "
    "OR toLower(coalesce(o.alternate_name, '')) CONTAINS $text OR o.id = $raw) "
    "AND ($status IS NULL OR coalesce(o.status, 'active') = $status) "
    "OPTIONAL MATCH (o)-[:PROVIDES]->(s:Service) "
    "WITH o, collect(DISTINCT s) AS svcs "
    "OPTIONAL MATCH (o)-[:MEMBER_OF]->(n:Netwerk) "
    "WITH o, svcs, count(DISTINCT n) AS nets "
    "RETURN o.id AS id, o.name AS name, coalesce(o.status, 'active') AS status, o.kind AS kind, nets, "
    "size(svcs) AS total, [x IN svcs WHERE x.status = 'active' | coalesce(x.assured_date, '')] AS checks "
    "ORDER BY toLower(o.name), o.id"
)


def organisation_rows(
    store: GraphStore, text: str | None = None, status: str | None = None
) -> list[OrganisationRow]:
    raw = (text or "").strip()
    rows = store.read(_Q_ORG_ROWS, {"text": raw.lower() or None, "raw": raw, "status": status})
    out = []
    for r in rows:
        checks = [str(c) for c in r["checks"]]
        out.append(
            OrganisationRow(
                id=r["id"],
                name=r["name"] or r["id"],
                status=r["status"],
                kind=r["kind"],
                services=int(r["total"] or 0),
                active_services=len(checks),
                oldest_check=min(checks) if checks else None,
                networks=int(r["nets"] or 0),
            )
        )
    return out


_Q_SERVICE_OPTIONS = (
    "MATCH (o:Organisation)-[:PROVIDES]->(s:Service) "
    "RETURN s.id AS id, s.name AS name, o.name AS org ORDER BY toLower(o.name), toLower(s.name), s.id"
)
_Q_ORG_OPTIONS = "MATCH (o:Organisation) RETURN o.id AS id, o.name AS name ORDER BY toLower(o.name), o.id"
_Q_ORG_LOCATIONS = (
    "MATCH (o:Organisation {id: $org}) "
    "OPTIONAL MATCH (o)-[:HAS_LOCATION]->(l1:Location) "
    "OPTIONAL MATCH (o)-[:PROVIDES]->(:Service)-[:AT]->(l2:Location) "
    "WITH collect(DISTINCT l1.id) + collect(DISTINCT l2.id) AS ids UNWIND ids AS id RETURN DISTINCT id"
)
_Q_ORG_PHONES = "MATCH (o:Organisation {id: $id})-[:HAS_PHONE]->(p:Phone) RETURN p.id AS id ORDER BY p.id"
_Q_SERVICE_PHONES = "MATCH (s:Service {id: $id})-[:HAS_PHONE]->(p:Phone) RETURN p.id AS id ORDER BY p.id"
_Q_LOCATION_PHONES = "MATCH (l:Location {id: $id})-[:HAS_PHONE]->(p:Phone) RETURN p.id AS id ORDER BY p.id"
_Q_ORG_SERVICES = "MATCH (o:Organisation {id: $id})-[:PROVIDES]->(s:Service) RETURN s.id AS id ORDER BY toLower(s.name), s.id"
_Q_SERVICES_AT = (
    "MATCH (s:Service)-[:AT]->(l:Location {id: $id}) RETURN s.id AS id, s.name AS name ORDER BY name"
)


def service_options(store: GraphStore) -> list[tuple[str, str]]:
    return [(r["id"], f"{r['name']} ({r['org']})") for r in store.read(_Q_SERVICE_OPTIONS)]


def organisation_options(store: GraphStore) -> list[tuple[str, str]]:
    return [(r["id"], r["name"] or r["id"]) for r in store.read(_Q_ORG_OPTIONS)]


def organisation_location_ids(store: GraphStore, org_id: str) -> list[str]:
    return sorted(r["id"] for r in store.read(_Q_ORG_LOCATIONS, {"org": org_id}))


def phone_ids(store: GraphStore, owner_kind: str, owner_id: str) -> list[str]:
    query = {"organisation": _Q_ORG_PHONES, "service": _Q_SERVICE_PHONES, "location": _Q_LOCATION_PHONES}[
        owner_kind
    ]
    return [r["id"] for r in store.read(query, {"id": owner_id})]


def organisation_service_ids(store: GraphStore, org_id: str) -> list[str]:
    return [r["id"] for r in store.read(_Q_ORG_SERVICES, {"id": org_id})]


def services_at(store: GraphStore, location_id: str) -> list[tuple[str, str]]:
    return [(r["id"], r["name"]) for r in store.read(_Q_SERVICES_AT, {"id": location_id})]


# --- network overview ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NetworkMember:
    organisation_id: str
    name: str
    rol: str | None
    status: str | None


@dataclass(frozen=True)
class NetworkOverview:
    id: str
    name: str
    description: str | None
    members: tuple[NetworkMember, ...]


_Q_NETWORKS = (
    "MATCH (n:Netwerk) OPTIONAL MATCH (o:Organisation)-[m:MEMBER_OF]->(n) "
    "RETURN n.id AS id, n.name AS name, n.description AS description, "
    "collect([o.id, o.name, m.rol, m.status]) AS members ORDER BY toLower(n.name), n.id"
)
_Q_UNTIED = (
    "MATCH (o:Organisation) WHERE coalesce(o.status, 'active') <> 'archived' "
    "OPTIONAL MATCH (o)-[m:MEMBER_OF]->(:Netwerk) WITH o, count(m) AS n WHERE n = 0 "
    "RETURN o.id AS id, o.name AS name, o.kind AS kind ORDER BY toLower(o.name), o.id"
)


def network_overview(store: GraphStore) -> list[NetworkOverview]:
    out = []
    for r in store.read(_Q_NETWORKS):
        members = sorted(
            (NetworkMember(m[0], m[1] or m[0], m[2], m[3]) for m in r["members"] if m and m[0] is not None),
            key=lambda m: (m.name.lower(), m.rol or ""),
        )
        out.append(NetworkOverview(r["id"], r["name"] or r["id"], r["description"], tuple(members)))
    return out


def organisations_without_network(store: GraphStore) -> list[tuple[str, str, str | None]]:
    return [(r["id"], r["name"] or r["id"], r["kind"]) for r in store.read(_Q_UNTIED)]


# --- coverage -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CoverageService:
    id: str
    niveau: str | None
    assured_date: str | None
    kernen: tuple[str, ...]
    themes: tuple[str, ...]  # confirmed themes, or the suggested ones when there are none


_Q_COVERAGE = (
    "MATCH (o:Organisation)-[:PROVIDES]->(s:Service) WHERE s.status = 'active' "
    "AND coalesce(o.status, 'active') <> 'archived' "
    "OPTIONAL MATCH (s)-[:SERVES]->(k1:Kern) WITH s, collect(DISTINCT k1.id) AS k1 "
    "OPTIONAL MATCH (s)-[:AT]->(:Location)-[:IN]->(k2:Kern) WITH s, k1, collect(DISTINCT k2.id) AS k2 "
    "OPTIONAL MATCH (s)-[:ABOUT]->(t:Theme) WITH s, k1, k2, collect(DISTINCT t.id) AS themes "
    "OPTIONAL MATCH (s)-[:SUGGESTED]->(u:Theme) "
    "RETURN s.id AS id, s.niveau AS niveau, s.assured_date AS assured, k1, k2, themes, "
    "collect(DISTINCT u.id) AS suggested ORDER BY id"
)


def coverage_services(store: GraphStore) -> list[CoverageService]:
    out = []
    for r in store.read(_Q_COVERAGE):
        themes = [t for t in r["themes"] if t] or [t for t in r["suggested"] if t]
        kernen = sorted({k for k in (r["k1"] or []) + (r["k2"] or []) if k})
        out.append(
            CoverageService(
                id=r["id"],
                niveau=r["niveau"],
                assured_date=r["assured"],
                kernen=tuple(kernen),
                themes=tuple(sorted(themes)),
            )
        )
    return out


@dataclass(frozen=True)
class Cell:
    active: int = 0
    verified: int = 0


@dataclass
class Coverage:
    """Counts of active (and of those, verified) services per (kern, theme, niveau). A service counts for a
    theme when it is about that theme or a narrower one; for a kern when it serves it or has a location there;
    `niveau` "alle" counts every niveau. Services without any kern are counted under the kern id ""."""

    kernen: list[tuple[str, str]]  # (id, name), "" = zonder kern
    themes: list[tuple[str, str, int]]  # (id, label, depth) in tree order
    niveaus: tuple[str, ...]
    cells: dict[tuple[str, str, str], Cell] = field(default_factory=dict)

    def cell(self, kern: str, theme: str, niveau: str) -> Cell:
        return self.cells.get((kern, theme, niveau), Cell())


def coverage(
    services: Iterable[CoverageService],
    kernen: Sequence[tuple[str, str]],
    themes: Sequence[tuple[str, str, int]],
    parents: dict[str, tuple[str, ...]],
    niveaus: Sequence[str],
    verified_since: str,
) -> Coverage:
    """Aggregate the matrix in memory (a few thousand services: milliseconds)."""
    ancestors: dict[str, set[str]] = {}

    def up(tid: str) -> set[str]:
        if tid not in ancestors:
            seen: set[str] = set()
            stack = [tid]
            while stack:
                t = stack.pop()
                if t in seen:
                    continue
                seen.add(t)
                stack.extend(parents.get(t, ()))
            ancestors[tid] = seen
        return ancestors[tid]

    counts: dict[tuple[str, str, str], list[int]] = {}
    for s in services:
        verified = bool(s.assured_date) and str(s.assured_date)[:10] >= verified_since
        theme_set: set[str] = set()
        for t in s.themes:
            theme_set |= up(t)
        for k in s.kernen or ("",):
            for t in theme_set:
                for n in {s.niveau or "", "alle"}:
                    c = counts.setdefault((k, t, n), [0, 0])
                    c[0] += 1
                    c[1] += int(verified)
    cov = Coverage(kernen=list(kernen), themes=list(themes), niveaus=tuple(niveaus))
    cov.cells = {key: Cell(v[0], v[1]) for key, v in counts.items()}
    return cov


# --- demand statistics ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemandRow:
    week: str  # ISO week, e.g. 2026-W07
    kern: str  # kern id, or "" when the question named no known kern
    theme: str
    count: int


def iso_week(day: date | None = None) -> str:
    d = day or datetime.now(UTC).date()
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


class DemandRepository:
    """Counters per (ISO week, kern, theme id). No text, no time of day, no user: nothing to trace back."""

    _q_hit = (
        "UNWIND $rows AS r MERGE (d:DemandStat {id: r.id}) "
        "ON CREATE SET d.week = r.week, d.kern = r.kern, d.theme = r.theme, d.count = 0 "
        "SET d.count = d.count + 1"
    )
    _q_purge = "MATCH (d:DemandStat) WHERE d.week < $oldest DELETE d RETURN count(*) AS c"
    _q_rows = (
        "MATCH (d:DemandStat) WHERE d.week >= $oldest "
        "RETURN d.week AS week, d.kern AS kern, d.theme AS theme, d.count AS count ORDER BY week DESC, theme, kern"
    )

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        ensure_beheer_schema(store)

    def record(self, themes: Sequence[str], kern: str | None, week: str | None = None) -> int:
        week = week or iso_week()
        rows = [
            {"id": f"{week}|{kern or ''}|{t}", "week": week, "kern": kern or "", "theme": t}
            for t in sorted(set(themes))
        ]
        if rows:
            self.store.write(self._q_hit, {"rows": rows})
        return len(rows)

    def purge(self, oldest_week: str) -> int:
        rows = self.store.write(self._q_purge, {"oldest": oldest_week})
        return int(rows[0]["c"]) if rows else 0

    def rows(self, oldest_week: str = "") -> list[DemandRow]:
        return [
            DemandRow(r["week"], r["kern"] or "", r["theme"], int(r["count"] or 0))
            for r in self.store.read(self._q_rows, {"oldest": oldest_week})
        ]


__all__ = [
    "CREATED",
    "Amendment",
    "amend_proposal",
    "proposal_amendment",
    "DELETED",
    "RECORD_FIELD",
    "Cell",
    "Coverage",
    "CoverageService",
    "DemandRepository",
    "DemandRow",
    "NetworkMember",
    "NetworkOverview",
    "OrganisationRow",
    "PartnerLink",
    "PartnerLinkRepository",
    "ServiceCheck",
    "confirm_services",
    "coverage",
    "coverage_services",
    "create_record",
    "current_version",
    "save_edit",
    "delete_record",
    "ensure_beheer_schema",
    "iso_week",
    "network_overview",
    "organisation_location_ids",
    "organisation_options",
    "organisation_rows",
    "organisations_without_network",
    "phone_ids",
    "service_checks",
    "service_options",
    "services_at",
]


# --- edit-then-approve ------------------------------------------------------------------------------------

_Q_AMEND = (
    "MATCH (p:Proposal {id: $id}) WHERE p.status = 'pending' AND p.diffs = $before "
    "SET p.original_diffs = coalesce(p.original_diffs, p.diffs), p.diffs = $diffs, "
    "p.amended_by = $who, p.amended_at = $at RETURN p.id AS id"
)
_Q_AMENDMENT = "MATCH (p:Proposal {id: $id}) RETURN p.original_diffs AS original, p.amended_by AS who, p.amended_at AS at"


def _diffs_json(diffs: Sequence[Any]) -> str:
    # The same serialisation as graph/proposals.py uses for Proposal.diffs.
    return json.dumps(
        [dataclasses.asdict(d) if dataclasses.is_dataclass(d) else d for d in diffs],
        ensure_ascii=False,
        sort_keys=True,
    )


def amend_proposal(store: GraphStore, proposal: Any, diffs: Sequence[Any], who: str) -> None:
    """Replace the proposed values of a pending proposal with a coördinator's edits, only if it is still
    pending and still proposes what `proposal` (as the coördinator saw it) proposed; else ConflictError.
    The original values are kept on the proposal (`original_diffs`) for the history."""
    rows = store.write(
        _Q_AMEND,
        {
            "id": proposal.id,
            "before": _diffs_json(proposal.diffs),
            "diffs": _diffs_json(diffs),
            "who": who,
            "at": now_iso(),
        },
    )
    if not rows:
        raise ConflictError(proposal.id, 0, None)


@dataclass(frozen=True)
class Amendment:
    original: tuple[dict[str, Any], ...]
    who: str | None
    at: str | None


def proposal_amendment(store: GraphStore, id: str) -> Amendment | None:
    """What a proposal proposed before a coördinator edited it (None when it was not edited)."""
    rows = store.read(_Q_AMENDMENT, {"id": id})
    if not rows or not rows[0]["original"]:
        return None
    return Amendment(tuple(json.loads(rows[0]["original"])), rows[0]["who"], rows[0]["at"])
