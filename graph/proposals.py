"""The review queue and the audit trail: `Proposal` (a change waiting for a coördinator) and `Change` (who
changed which field of which record, when, from what to what, and why).

Where they come from
- An import that finds a field a coördinator decided (latest `Change` of that field has `source="edit"`, or
  `"proposal"`: an approved proposal is a coördinator's decision too) and
  a source that now says something new does not overwrite it: it files an `update` Proposal with one
  `FieldDiff` per field (ingest/writer.py). Trusted sources (ingest/sources.yaml) overwrite directly.
- Duplicate detection files `merge` Proposals (`entity_id` and `related_id` are the two records).
- A policy document files `create` Proposals (a partner not in the kaart) and `member` Proposals (a
  network membership); nothing from a document goes straight into the kaart.
- Every field an import, an edit or an approved proposal changes leaves a `Change` (`source` = `import`,
  `edit` or `proposal`; `ref` = the source id or the proposal id).

API for beheer (all values plain JSON: str, int, float, bool, None, lists, dicts)
    proposals = ProposalRepository(store)
    proposals.list(status="pending", kind=None, entity_type=None, skip=0, limit=50) -> list[Proposal]
    proposals.count(status="pending") -> int;  proposals.get(id);  proposals.for_entity(type, id)
    proposals.reject(id, who, note=None) -> Proposal          # ConflictError if no longer pending
    apply_proposal(store, id, who, note=None) -> Proposal     # approve + apply + audit, see below
    changes = ChangeRepository(store)
    changes.for_entity(type, id, limit=100) -> list[Change]   # newest first
    changes.recent(limit=100);  changes.curated_fields(type, ids) -> {id: {field, …}}
    (a coördinator's edit of a record: graph.editing.save_edit, ADR 0020)

Ids are deterministic where that makes re-runs converge (`proposal_id`): the same import of the same data
files the same proposal once, and a rejected proposal is not filed again for the same values.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from graph import repositories
from graph.changes import bump_statement, tracked_refs
from graph.dialect import ident
from graph.errors import ConflictError, GraphError
from graph.models import Location, Member, Netwerk, Organisation, Phone, Schedule, Service
from graph.store import GraphStore, Statement

PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
KINDS = ("update", "create", "merge", "member", "report")
CHANGE_SOURCES = ("edit", "import", "proposal")
CURATING_SOURCES = ("edit", "proposal")  # a coördinator decided: an untrusted import may only propose


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def jsonable(value: Any) -> Any:
    """A field value as plain JSON (tuples become lists, dataclasses dicts), comparable after a round trip."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, tuple | list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class FieldDiff:
    field: str
    old: Any = None  # the value in the kaart now (JSON)
    new: Any = None  # the proposed value (JSON)


@dataclass(frozen=True)
class Proposal:
    id: str
    kind: str  # update | create | merge | member
    entity_type: str  # Organisation | Service | Location | Phone | Netwerk
    entity_id: str
    diffs: tuple[FieldDiff, ...]
    source: str  # the Source id it came from ("hsds:…", "lrk", "document:…", "dedupe")
    created_at: str
    status: str = PENDING  # pending | approved | rejected
    reason: str | None = None  # why it was filed, with the evidence (quote, row, similarity)
    related_id: str | None = None  # merge: the other record
    decided_at: str | None = None
    decided_by: str | None = None
    note: str | None = None  # the coördinator's note with the decision
    applied: bool = False  # approved and carried out
    # report ("Klopt er iets niet?" from a resident, graph/reports.py): the field it is about (a key of
    # graph.reports.REPORT_FIELDS) and an optional address for a reply, deleted when the report is handled.
    reported_field: str | None = None
    reply_to: str | None = None


@dataclass(frozen=True)
class Change:
    id: str
    who: str  # account or source id
    when: str  # ISO timestamp
    entity: str  # entity type: Organisation, Service, …
    entity_id: str
    field: str
    old: Any = None
    new: Any = None
    source: str = "edit"  # edit | import | proposal
    ref: str | None = None  # the import's Source id or the Proposal id


def proposal_id(
    kind: str,
    entity_type: str,
    entity_id: str,
    source: str,
    diffs: Sequence[FieldDiff],
    related: str | None = None,
) -> str:
    blob = json.dumps(
        [kind, entity_type, entity_id, source, related, [[d.field, d.new] for d in diffs]],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return "prop-" + hashlib.sha256(blob.encode()).hexdigest()[:24]


def new_change(
    entity: str,
    entity_id: str,
    field: str,
    old: Any,
    new: Any,
    *,
    who: str,
    source: str,
    ref: str | None = None,
    when: str | None = None,
) -> Change:
    # Ids sort in time order (nanoseconds first) and `when` has microseconds: "newest first" is exact even
    # for several changes within one second.
    return Change(
        id=f"chg-{time.time_ns() // 1000:016x}{uuid.uuid4().hex[:16]}",  # 32 hex digits, like a UUID
        who=who,
        when=when or datetime.now(UTC).isoformat(timespec="microseconds"),
        entity=entity,
        entity_id=entity_id,
        field=field,
        old=jsonable(old),
        new=jsonable(new),
        source=source,
        ref=ref,
    )


# --- Proposals ---------------------------------------------------------------------------------------------


def _proposal_props(p: Proposal) -> dict[str, Any]:
    return {
        "id": p.id,
        "kind": p.kind,
        "entity_type": p.entity_type,
        "entity_id": p.entity_id,
        "diffs": json.dumps([asdict(d) for d in p.diffs], ensure_ascii=False, sort_keys=True),
        "source": p.source,
        "created_at": p.created_at,
        "status": p.status,
        "reason": p.reason,
        "related_id": p.related_id,
        "decided_at": p.decided_at,
        "decided_by": p.decided_by,
        "note": p.note,
        "applied": p.applied,
        "reported_field": p.reported_field,
        "reply_to": p.reply_to,
    }


def _proposal(props: dict[str, Any]) -> Proposal:
    diffs = tuple(FieldDiff(**d) for d in json.loads(props.get("diffs") or "[]"))
    return Proposal(
        id=props["id"],
        kind=props["kind"],
        entity_type=props["entity_type"],
        entity_id=props["entity_id"],
        diffs=diffs,
        source=props.get("source") or "",
        created_at=props.get("created_at") or "",
        status=props.get("status") or PENDING,
        reason=props.get("reason"),
        related_id=props.get("related_id"),
        decided_at=props.get("decided_at"),
        decided_by=props.get("decided_by"),
        note=props.get("note"),
        applied=bool(props.get("applied")),
        reported_field=props.get("reported_field"),
        reply_to=props.get("reply_to"),
    )


class ProposalRepository:
    _q_add = "UNWIND $rows AS r MERGE (p:Proposal {id: r.id}) ON CREATE SET p += r"
    _q_existing = "MATCH (p:Proposal) WHERE p.id IN $ids RETURN p.id AS id"
    _q_get = "MATCH (p:Proposal) WHERE p.id IN $ids RETURN properties(p) AS p"
    _q_list = (
        "MATCH (p:Proposal) WHERE ($status IS NULL OR p.status = $status) AND ($kind IS NULL OR p.kind = $kind) "
        "AND ($etype IS NULL OR p.entity_type = $etype) "
        "RETURN properties(p) AS p ORDER BY p.created_at DESC, p.id SKIP $skip LIMIT $limit"
    )
    _q_count = "MATCH (p:Proposal) WHERE ($status IS NULL OR p.status = $status) RETURN count(p) AS c"
    _q_for_entity = (
        "MATCH (p:Proposal) WHERE p.entity_type = $etype AND (p.entity_id = $id OR p.related_id = $id) "
        "RETURN properties(p) AS p ORDER BY p.created_at DESC, p.id"
    )
    # Take the node's write lock first (a SET), then check the status: on Neo4j a plain
    # `WHERE p.status = 'pending' SET …` lets two concurrent decisions both pass (see ADR 0020).
    # A decision also deletes a reporter's reply address: it was only kept for the reply (graph/reports.py).
    _q_decide = (
        "MATCH (p:Proposal {id: $id}) SET p.touched_at = $at WITH p WHERE p.status = 'pending' "
        "SET p.status = $status, p.decided_at = $at, p.decided_by = $who, p.note = $note, p.reply_to = null "
        "RETURN p.id AS id"
    )
    _q_applied = "MATCH (p:Proposal {id: $id}) SET p.applied = true"

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def add_statement(self, proposals: Sequence[Proposal]) -> Statement:
        """Idempotent: a proposal whose id exists already is left as it is (whatever its status)."""
        return (self._q_add, {"rows": [_proposal_props(p) for p in proposals]})

    def existing(self, ids: Sequence[str]) -> set[str]:
        return {r["id"] for r in self.store.read(self._q_existing, {"ids": list(ids)})} if ids else set()

    def add(self, proposals: Iterable[Proposal]) -> list[str]:
        """File proposals; returns the ids that were new."""
        props = list({p.id: p for p in proposals}.values())
        if not props:
            return []
        known = self.existing([p.id for p in props])
        fresh = [p for p in props if p.id not in known]
        if fresh:
            self.store.write(*self.add_statement(fresh))
        return [p.id for p in fresh]

    def get(self, id: str) -> Proposal | None:
        rows = self.store.read(self._q_get, {"ids": [id]})
        return _proposal(rows[0]["p"]) if rows else None

    def list(
        self,
        status: str | None = PENDING,
        *,
        kind: str | None = None,
        entity_type: str | None = None,
        skip: int = 0,
        limit: int = 50,
    ) -> list[Proposal]:
        rows = self.store.read(
            self._q_list, {"status": status, "kind": kind, "etype": entity_type, "skip": skip, "limit": limit}
        )
        return [_proposal(r["p"]) for r in rows]

    def count(self, status: str | None = PENDING) -> int:
        return self.store.read(self._q_count, {"status": status})[0]["c"]

    def for_entity(self, entity_type: str, entity_id: str) -> list[Proposal]:
        return [
            _proposal(r["p"])
            for r in self.store.read(self._q_for_entity, {"etype": entity_type, "id": entity_id})
        ]

    def _decide(self, id: str, status: str, who: str, note: str | None) -> Proposal:
        rows = self.store.write(
            self._q_decide, {"id": id, "status": status, "at": now_iso(), "who": who, "note": note}
        )
        current = self.get(id)
        if current is None:
            raise KeyError(id)
        if not rows:
            raise ConflictError(id, 0, None)
        return current

    def reject(self, id: str, who: str, note: str | None = None) -> Proposal:
        """Reject a pending proposal. Two coördinatoren deciding at once: one wins, the other gets ConflictError."""
        return self._decide(id, REJECTED, who, note)


# --- Changes -----------------------------------------------------------------------------------------------


def _change_props(c: Change) -> dict[str, Any]:
    return {
        "id": c.id,
        "who": c.who,
        "at": c.when,
        "entity": c.entity,
        "entity_id": c.entity_id,
        "field": c.field,
        "old": json.dumps(c.old, ensure_ascii=False, sort_keys=True),
        "new": json.dumps(c.new, ensure_ascii=False, sort_keys=True),
        "source": c.source,
        "ref": c.ref,
    }


def _change(p: dict[str, Any]) -> Change:
    return Change(
        id=p["id"],
        who=p.get("who") or "",
        when=p.get("at") or "",
        entity=p.get("entity") or "",
        entity_id=p.get("entity_id") or "",
        field=p.get("field") or "",
        old=json.loads(p["old"]) if p.get("old") is not None else None,
        new=json.loads(p["new"]) if p.get("new") is not None else None,
        source=p.get("source") or "",
        ref=p.get("ref"),
    )


class ChangeRepository:
    _q_add = "UNWIND $rows AS r CREATE (c:Change) SET c = r"
    _q_for_entity = (
        "MATCH (c:Change) WHERE c.entity_id = $id AND c.entity = $entity "
        "RETURN properties(c) AS c ORDER BY c.at DESC, c.id DESC LIMIT $limit"
    )
    _q_recent = "MATCH (c:Change) RETURN properties(c) AS c ORDER BY c.at DESC, c.id DESC LIMIT $limit"
    _q_latest = (
        "MATCH (c:Change) WHERE c.entity_id IN $ids AND c.entity = $entity "
        "RETURN c.entity_id AS id, c.field AS field, c.source AS source, c.at AS at, c.id AS cid"
    )

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def add_statement(self, changes: Sequence[Change]) -> Statement:
        return (self._q_add, {"rows": [_change_props(c) for c in changes]})

    def add(self, changes: Iterable[Change]) -> int:
        rows = list(changes)
        if rows:
            self.store.write(*self.add_statement(rows))
        return len(rows)

    def for_entity(self, entity: str, entity_id: str, limit: int = 100) -> list[Change]:
        rows = self.store.read(self._q_for_entity, {"entity": entity, "id": entity_id, "limit": limit})
        return [_change(r["c"]) for r in rows]

    def recent(self, limit: int = 100) -> list[Change]:
        return [_change(r["c"]) for r in self.store.read(self._q_recent, {"limit": limit})]

    def curated_fields(self, entity: str, ids: Sequence[str]) -> dict[str, set[str]]:
        """Per record, the fields a coördinator owns: those whose latest Change is an edit or an approved
        proposal. A coördinator who approved a partner's wachttijd decided that field just as with an edit;
        counting only edits let the next import of an untrusted source silently wipe approved values."""
        if not ids:
            return {}
        latest: dict[tuple[str, str], tuple[str, str, str]] = {}
        for r in self.store.read(self._q_latest, {"entity": entity, "ids": list(ids)}):
            key = (r["id"], r["field"])
            stamp = (r["at"] or "", r["cid"] or "", r["source"] or "")
            if key not in latest or stamp[:2] > latest[key][:2]:
                latest[key] = stamp
        out: dict[str, set[str]] = {}
        for (rid, fld), (_, _, source) in latest.items():
            if source in CURATING_SOURCES:
                out.setdefault(rid, set()).add(fld)
        return out


# --- edits and applying proposals --------------------------------------------------------------------------

MODELS: dict[str, type] = {
    "Organisation": Organisation,
    "Service": Service,
    "Location": Location,
    "Phone": Phone,
    "Netwerk": Netwerk,
}


def repository_for(store: GraphStore, entity_type: str):
    repos = {
        "Organisation": repositories.OrganisationRepository,
        "Service": repositories.ServiceRepository,
        "Location": repositories.LocationRepository,
        "Phone": repositories.PhoneRepository,
        "Netwerk": repositories.NetwerkRepository,
    }
    if entity_type not in repos:
        raise ValueError(f"onbekend soort record: {entity_type!r}")
    return repos[entity_type](store)


def from_jsonable(model: type, field: str, value: Any) -> Any:
    """A JSON field value back into the dataclass field's type (lists → tuples, member dicts → Member)."""
    if field == "members" and isinstance(value, list):
        return tuple(Member(**m) if isinstance(m, dict) else m for m in value)
    if field == "schedules" and isinstance(value, list):
        return tuple(Schedule(**m) if isinstance(m, dict) else m for m in value)
    if isinstance(value, list):
        return tuple(value)
    return value


def _q_same_as(label: str) -> str:
    label = ident(label)
    return f"MATCH (a:{label} {{id: $a}}) MATCH (b:{label} {{id: $b}}) MERGE (a)-[:SAME_AS]->(b)"


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def same_value(old: Any, new: Any) -> bool:
    """Equal as a person reads it: empty is empty (None, "", []), and an unset yes/no is "no". Without this a
    save that changed nothing wrote "(leeg) → (leeg)" into the history."""
    if old == new and isinstance(old, bool) == isinstance(new, bool):
        return True
    if _blank(old) and _blank(new):
        return True
    return (old is None and new is False) or (old is False and new is None)


def diff_fields(before: Any, after: Any) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for every field whose value changed, as JSON values; empty-for-empty is no change."""
    out = []
    for f in dataclasses.fields(after):
        old = jsonable(getattr(before, f.name)) if before is not None else None
        new = jsonable(getattr(after, f.name))
        if not same_value(old, new):
            out.append((f.name, old, new))
    return out


def apply_proposal(
    store: GraphStore, id: str, who: str, note: str | None = None, *, resume: bool = False
) -> Proposal:
    """Approve a pending proposal and carry it out in one unit with its audit `Change`s.

    - update: the fields get the proposed values (ConflictError when a field changed since the proposal was
      filed: the coördinator should look again);
    - create: the record is created from the proposed fields;
    - member: the organisation joins the network with the proposed rol/status;
    - merge: recorded as `(a)-[:SAME_AS]->(b)`; folding the two records together is left to beheer;
    - report: a resident's "klopt er iets niet?" is handled (the coördinator fixed the record with an edit);
      nothing changes here but the status, and the reply address is deleted.
    Two coördinatoren approving at once: one wins, the other gets ConflictError.
    """
    proposals = ProposalRepository(store)
    p = proposals.get(id)
    if p is None:
        raise KeyError(id)
    resuming = resume and p.status == APPROVED and not p.applied
    if p.status != PENDING and not resuming:
        raise ConflictError(id, 0, None)
    statements: list[Statement] = []
    changes: list[Change] = []
    if p.kind == "merge":
        statements.append((_q_same_as(p.entity_type), {"a": p.entity_id, "b": p.related_id}))
    elif p.kind == "report":
        pass
    else:
        repo = repository_for(store, p.entity_type)
        model = MODELS[p.entity_type]
        current = repo.get(p.entity_id)
        if p.kind == "create":
            if current is not None:
                raise ConflictError(p.entity_id, 0, None)
            values = {d.field: from_jsonable(model, d.field, d.new) for d in p.diffs}
            values.setdefault("id", p.entity_id)
            try:
                record = model(**values)
            except TypeError as exc:
                raise GraphError(f"voorstel {id}: onvolledig record: {exc}") from exc
        elif current is None:
            raise GraphError(f"voorstel {id}: {p.entity_type} {p.entity_id} bestaat niet (meer)")
        elif p.kind == "member":
            members = list(current.members)
            for d in p.diffs:
                m = Member(**d.new)
                if repository_for(store, "Organisation").get(m.organisation_id) is None:
                    raise GraphError(
                        f"voorstel {id}: organisatie {m.organisation_id} bestaat nog niet (keur eerst dat voorstel goed)"
                    )
                if not any(x.organisation_id == m.organisation_id and x.rol == m.rol for x in members):
                    members.append(m)
            record = dataclasses.replace(current, members=tuple(members))
        else:  # update
            values = {}
            for d in p.diffs:
                if jsonable(getattr(current, d.field)) != d.old:
                    raise ConflictError(p.entity_id, 0, None)
                values[d.field] = from_jsonable(model, d.field, d.new)
            record = dataclasses.replace(current, **values)
        for f, o, n in diff_fields(current, record):
            changes.append(
                new_change(p.entity_type, record.id, f, o, n, who=who, source="proposal", ref=p.id)
            )
        statements.extend(repo.upsert_statements([record]))
        if refs := tracked_refs(p.entity_type, [record.id]):
            statements.append(bump_statement(refs))  # searchable at once on every worker
    if changes:
        statements.append(ChangeRepository(store).add_statement(changes))
    statements.append((ProposalRepository._q_applied, {"id": id}))
    # Claim first (conditional on 'pending'), then apply as one unit. A crash in between leaves an approved
    # proposal with applied=false: `apply_proposal(store, id, who, resume=True)` finishes it.
    if not resuming:
        proposals._decide(id, APPROVED, who, note)
    store.write_all(statements)
    return proposals.get(id)  # type: ignore[return-value]
