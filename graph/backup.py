"""Backup and restore of the whole graph (kaart, accounts, audit, proposals) as portable JSON lines.

Why not copy the AOF: the same file restores into either backend (move from the embedded FalkorDB to Neo4j, or
back), it can be read and diffed, and a round trip can be proven by comparing two dumps. Neo4j operators may
also use `neo4j-admin database dump/load` (docs/deploy.md).

Format (gzip): one JSON object per line: a header `{"format": "kaart-backup", "version": 1, ...}`, then
`{"node": {"labels": [...], "props": {...}}}` and `{"rel": {"type", "start", "end", "props"}}` lines, where
start/end are the `id` properties of the end nodes. Derived properties (Location.point) are rebuilt on restore.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph.dialect import ident
from graph.errors import GraphError
from graph.schema import LABELS, ensure_schema
from graph.store import GraphStore

FORMAT = "kaart-backup"
VERSION = 1
DERIVED = {"point"}
PAGE = 5000

_Q_NODES = (
    "MATCH (n) WHERE n.id IS NOT NULL RETURN labels(n) AS labels, properties(n) AS props "
    "ORDER BY n.id, labels(n)[0] SKIP $skip LIMIT $limit"
)
_Q_RELS = (
    "MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL "
    "RETURN type(r) AS type, labels(a)[0] AS start_label, a.id AS start, labels(b)[0] AS end_label, "
    "b.id AS end, properties(r) AS props ORDER BY start, type, end SKIP $skip LIMIT $limit"
)
_Q_POINTS = (
    "MATCH (n:Location) WHERE n.latitude IS NOT NULL AND n.longitude IS NOT NULL "
    "SET n.point = point({latitude: n.latitude, longitude: n.longitude})"
)


def _paged(store: GraphStore, query: str) -> Iterator[dict[str, Any]]:
    skip = 0
    while True:
        rows = store.read(query, {"skip": skip, "limit": PAGE})
        yield from rows
        if len(rows) < PAGE:
            return
        skip += PAGE


def dump(store: GraphStore) -> Iterator[dict[str, Any]]:
    """Every node and relationship, in a stable order (so two dumps of equal graphs are equal)."""
    for row in _paged(store, _Q_NODES):
        props = {k: v for k, v in row["props"].items() if k not in DERIVED}
        yield {"node": {"labels": sorted(row["labels"]), "props": dict(sorted(props.items()))}}
    for row in _paged(store, _Q_RELS):
        yield {
            "rel": {
                "type": row["type"],
                "start_label": row["start_label"],
                "start": row["start"],
                "end_label": row["end_label"],
                "end": row["end"],
                "props": dict(sorted((row["props"] or {}).items())),
            }
        }


def backup(store: GraphStore, path: Path) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        header = {
            "format": FORMAT,
            "version": VERSION,
            "created": datetime.now(UTC).isoformat(),
            "backend": store.dialect.name,
        }
        fh.write(json.dumps(header, ensure_ascii=False) + "\n")
        for item in dump(store):
            fh.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
            counts["nodes" if "node" in item else "relationships"] += 1
    tmp.replace(path)  # a backup file is either whole or absent
    return dict(counts)


def read_backup(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(Path(path), "rt", encoding="utf-8") as fh:
        header = json.loads(fh.readline() or "{}")
        if header.get("format") != FORMAT or header.get("version") != VERSION:
            raise GraphError(f"{path} is geen kaart-backup (versie {VERSION})")
        for line in fh:
            if line.strip():
                yield json.loads(line)


def restore(store: GraphStore, path: Path, batch: int = 1000) -> dict[str, int]:
    """Replace the whole graph with the backup's content."""
    known = set(LABELS)
    items = list(read_backup(path))  # validate the whole file before deleting anything
    nodes: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    rels: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        if "node" in item:
            labels = tuple(ident(label) for label in item["node"]["labels"])
            if not labels or not set(labels) <= known:
                raise GraphError(f"onbekend label in backup: {labels}")
            nodes[labels].append(item["node"]["props"])
        else:
            r = item["rel"]
            key = (ident(r["start_label"]), ident(r["type"]), ident(r["end_label"]))
            if {key[0], key[2]} - known:
                raise GraphError(f"onbekend label in backup: {key}")
            rels[key].append({"a": r["start"], "b": r["end"], "props": r["props"]})
    store.clear()
    ensure_schema(store)
    counts = {"nodes": 0, "relationships": 0}
    for labels, rows in nodes.items():
        label_expr = ":".join(labels)  # validated identifiers from the fixed list above
        query = f"UNWIND $rows AS r CREATE (n:{label_expr}) SET n = r"
        for i in range(0, len(rows), batch):
            store.write(query, {"rows": rows[i : i + batch]})
        counts["nodes"] += len(rows)
    for (start_label, rtype, end_label), rows in rels.items():
        query = (
            f"UNWIND $rows AS r MATCH (a:{start_label} {{id: r.a}}) MATCH (b:{end_label} {{id: r.b}}) "
            f"CREATE (a)-[x:{rtype}]->(b) SET x = r.props"
        )
        for i in range(0, len(rows), batch):
            store.write(query, {"rows": rows[i : i + batch]})
        counts["relationships"] += len(rows)
    store.write(_Q_POINTS)
    return counts
