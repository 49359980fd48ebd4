"""The change sequence of the search: how every worker and web node learns that a service changed.

A write that changes what a service is found or ranked by (a beheer edit, an approved proposal, an import
batch) appends `bump_statement(refs)` to its own unit of work, so the change and its record commit together:

    (:Meta {key: 'search'}).seq   +1 per unit, under the node's write lock (units are numbered in commit order)
    (:SearchChange {seq, refs, at})   what that unit touched: "Service:id", "Organisation:id", "Location:id"

A reader (the matcher of each worker) compares `current_seq()` with the last seq it applied — one indexed
lookup, at most every few hundred ms — and re-reads only the services of the changes in between
(`ChangeFeed.since`). The log keeps the last KEEP units; a reader further behind (or a unit of more than
MAX_REFS records, a big import) reloads everything instead. See docs/adr/0090-change-sequence-for-search.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from graph.store import GraphStore, Statement

KEY = "search"
KEEP = 5000  # change units kept in the graph; a reader further behind reloads everything
MAX_REFS = 5000  # more changed records than this since a reader's seq: a full reload is cheaper
TRACKED = ("Service", "Organisation", "Location")  # what the search documents and candidates are made of

# SET before reading m.seq: the write lock is taken first, so two Neo4j transactions cannot both read the same
# seq (FalkorDB runs writes one at a time anyway). The log entry gets the new number; old entries are dropped.
_Q_BUMP = (
    "MERGE (m:Meta {key: $key}) SET m.bump = true "
    "SET m.seq = coalesce(m.seq, 0) + 1, m.bump = null "
    "CREATE (c:SearchChange {seq: m.seq, refs: $refs, at: $at}) "
    "WITH m MATCH (old:SearchChange) WHERE old.seq <= m.seq - $keep DELETE old"
)
_Q_SEQ = "MATCH (m:Meta {key: $key}) RETURN m.seq AS seq"
_Q_SINCE = (
    "MATCH (c:SearchChange) WHERE c.seq > $since AND c.seq <= $upto "
    "RETURN c.seq AS seq, c.refs AS refs ORDER BY c.seq"
)
_Q_ORG_SERVICES = (
    "UNWIND $ids AS id MATCH (:Organisation {id: id})-[:PROVIDES]->(s:Service) RETURN DISTINCT s.id AS id"
)
_Q_LOC_SERVICES = "UNWIND $ids AS id MATCH (:Location {id: id})<-[:AT]-(s:Service) RETURN DISTINCT s.id AS id"


EVERYTHING = "Kaart:*"  # a change every service may depend on (the theme tree): every reader reloads all


def ref(label: str, id: str) -> str:
    return f"{label}:{id}"


def bump_statement(refs: Iterable[str]) -> Statement:
    """The statement that numbers a unit of work and logs what it touched; append it to the unit."""
    # One JSON string, not a list property: every property of the kaart stays a scalar (generic reads such
    # as `toString(n[k])` work on both backends).
    refs = json.dumps(sorted(set(refs)), ensure_ascii=False)
    return _Q_BUMP, {"key": KEY, "refs": refs, "at": datetime.now(UTC).isoformat(), "keep": KEEP}


def tracked_refs(label: str, ids: Iterable[str]) -> list[str]:
    """Refs for records of `label`, or none when the search does not depend on that kind of record."""
    return [ref(label, i) for i in ids] if label in TRACKED else []


def refs_before_delete(store: GraphStore, label: str, id: str) -> list[str]:
    """For a record about to be deleted: refs of the services it leaves behind (an organisation's services,
    a location's), resolved now, because after the delete the graph no longer knows them."""
    query = {"Organisation": _Q_ORG_SERVICES, "Location": _Q_LOC_SERVICES}.get(label)
    own = tracked_refs(label, [id])
    if query is None:
        return own
    return own + [ref("Service", r["id"]) for r in store.read(query, {"ids": [id]})]


def ensure(store: GraphStore) -> None:
    """A unique key for the sequence node (two first writers MERGE one node, not two) and the log's index.
    The node itself is made by the first change: an empty kaart has no extra node."""
    store.ensure_unique("Meta", "key")
    store.ensure_index("SearchChange", "seq")


def current_seq(store: GraphStore) -> int:
    rows = store.read(_Q_SEQ, {"key": KEY})
    return int(rows[0]["seq"] or 0) if rows else 0


@dataclass(frozen=True)
class Changes:
    """What changed between two seqs: the service ids to re-read, or `full` when the reader must reload all."""

    seq: int
    services: frozenset[str]
    full: bool = False


def since(store: GraphStore, seq: int, upto: int | None = None) -> Changes:
    """The services changed after `seq` (up to `upto`, default the current seq)."""
    if upto is None:
        upto = current_seq(store)
    if upto <= seq:
        return Changes(upto, frozenset(), full=upto < seq)  # seq went back: a restored or cleared graph
    rows = store.read(_Q_SINCE, {"since": seq, "upto": upto})
    if not rows or rows[0]["seq"] != seq + 1 or len(rows) != upto - seq:
        return Changes(upto, frozenset(), full=True)  # pruned from the log: too far behind
    by_label: dict[str, set[str]] = {}
    total = 0
    for r in rows:
        for item in json.loads(r["refs"] or "[]"):
            label, _, id = item.partition(":")
            by_label.setdefault(label, set()).add(id)
            total += 1
    if total > MAX_REFS or "Kaart" in by_label:
        return Changes(upto, frozenset(), full=True)
    services = set(by_label.get("Service", ()))
    if by_label.get("Organisation"):
        services |= {r["id"] for r in store.read(_Q_ORG_SERVICES, {"ids": sorted(by_label["Organisation"])})}
    if by_label.get("Location"):
        services |= {r["id"] for r in store.read(_Q_LOC_SERVICES, {"ids": sorted(by_label["Location"])})}
    return Changes(upto, frozenset(services))
