"""Editing records by hand: a coördinator's edit claimed at the version the form was made from, then the
record and its audit `Change`s written in one unit; creating and deleting records with their `Change`s; and
edit-then-approve of a pending proposal. All Cypher of these lives here; every value is a parameter.
See docs/adr/0020-beheer-editing-concurrency-audit.md.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from graph.changes import bump_statement, refs_before_delete, tracked_refs
from graph.dialect import ident
from graph.errors import ConflictError, GraphError
from graph.proposals import ChangeRepository, diff_fields, jsonable, new_change, now_iso, repository_for
from graph.store import GraphStore

# Change.field for a whole record that was created or deleted (HSDS metadata: last_action_type create/delete).
RECORD_FIELD = "record"
CREATED, DELETED = "aangemaakt", "verwijderd"
EDITABLE_TYPES = ("Organisation", "Service", "Location", "Phone", "Netwerk")
log = logging.getLogger(__name__)


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
            for f, o, n in diff_fields(before, record)
        ]
        statements = repo.upsert_statements([record])
        if changes:
            statements.append(ChangeRepository(store).add_statement(changes))
            if refs := tracked_refs(entity_type, [record.id]):
                statements.append(bump_statement(refs))  # searchable at once on every worker
        statements.append((_q_release(entity_type), {"id": record.id, "token": token}))
        store.write_all(statements)
    except Exception:
        store.write(_q_release(entity_type), {"id": record.id, "token": token})
        raise
    version = int((repo.meta(record.id) or {}).get("version") or 0)
    # key=value event (webapp/logs.py): record and counts, never who or what was typed
    log.info(
        "edit",
        extra={
            "fields": {"entity": entity_type, "id": record.id, "version": version, "changed": len(changes)}
        },
    )
    return version


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
    if refs := tracked_refs(entity_type, [record.id]):
        statements.append(bump_statement(refs))
    store.write_all(statements)
    log.info("create", extra={"fields": {"entity": entity_type, "id": record.id, "fields": len(changes) - 1}})
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
    statements = [(_q_delete(entity_type), {"id": id}), ChangeRepository(store).add_statement(changes)]
    if refs := refs_before_delete(store, entity_type, id):
        statements.append(bump_statement(refs))
    store.write_all(statements)
    log.info("delete", extra={"fields": {"entity": entity_type, "id": id}})


def current_version(store: GraphStore, entity_type: str, id: str) -> int | None:
    rows = store.read(_q_version(entity_type), {"id": id})
    return int(rows[0]["v"] or 0) if rows else None


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
