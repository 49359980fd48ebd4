"""The few places where Neo4j 5 and FalkorDB Cypher differ, in one object.

Everything else is plain openCypher shared by both backends. Labels and property names that end up in DDL
come from code constants and are checked against a strict pattern: identifiers cannot be query parameters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def ident(name: str) -> str:
    if not _IDENT.match(name):
        raise ValueError(f"geen geldige naam voor een label of eigenschap: {name!r}")
    return name


class Link(Protocol):
    """What the dialect needs of a repository's relationship (`graph.repositories.Rel`)."""

    field: str
    type: str
    target: str
    incoming: bool
    props: tuple[str, ...]


@dataclass(frozen=True)
class Dialect:
    name: str
    distance_fn: str  # function that returns metres between two WGS84 points
    # Records per unit of work for a repository upsert. Neo4j pays per statement and per transaction (planning,
    # locking index seeks, commit), FalkorDB hardly: bigger units there only mean more to redo after a crash.
    write_batch: int = 500
    # Neo4j: a record's node and its relationships to other labels in ONE statement per batch (`CALL (n, r)
    # { … }` per relationship type) instead of one statement per type, which roughly halves the write time
    # (ADR 0092). FalkorDB sends the statements of a unit in one MULTI/EXEC round trip and runs the simple
    # form as fast, so it keeps one statement per relationship type.
    links_in_node_statement: bool = False
    # Neo4j: records the upsert knows are new (its hash read found no node) are written with CREATE, node and
    # relationships, and the relationships of existing records with CREATE after one statement dropped the old
    # ones (ADR 0096). MERGE costs a locking index seek per node and an Expand(Into) plus a lock on both ends
    # per relationship; CREATE of a node that exists after all (another writer since the read) fails on the
    # uniqueness constraint instead of writing a second copy, and the repository then writes it as existing.
    create_known_new: bool = False

    def unique_constraint(self, label: str, prop: str) -> list[str]:
        """Statements that create a uniqueness constraint, idempotently where the backend allows."""
        label, prop = ident(label), ident(prop)
        if self.name == "neo4j":
            return [
                f"CREATE CONSTRAINT {label.lower()}_{prop}_unique IF NOT EXISTS "
                f"FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
            ]
        # FalkorDB: a unique constraint needs an exact-match index; the constraint itself is a command.
        return [f"CREATE INDEX FOR (n:{label}) ON (n.{prop})"]

    def index(self, label: str, prop: str) -> str:
        label, prop = ident(label), ident(prop)
        if self.name == "neo4j":
            return f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
        return f"CREATE INDEX FOR (n:{label}) ON (n.{prop})"

    def point_index(self, label: str, prop: str) -> str:
        label, prop = ident(label), ident(prop)
        if self.name == "neo4j":
            return (
                f"CREATE POINT INDEX {label.lower()}_{prop}_point IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
            )
        return f"CREATE INDEX FOR (n:{label}) ON (n.{prop})"

    def fulltext_indexes(self, label: str, fields: tuple[str, ...], language: str) -> list[str]:
        """Full-text indexes over `fields` of `label`. Neo4j: one Lucene index per field with the language's
        analyser (stemming, stop words). FalkorDB: one RediSearch index per label over the `<field>_terms`
        properties, which hold text already analysed by us (RediSearch does not stem the query: the same
        Dutch analysis as whoosh on both sides), so without stemming or stop words of its own."""
        label, fields, language = ident(label), tuple(ident(f) for f in fields), ident(language)
        if self.name == "neo4j":
            return [
                f"CREATE FULLTEXT INDEX {label.lower()}_{f} IF NOT EXISTS FOR (n:{label}) ON EACH [n.{f}] "
                f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{language}'}}}}"
                for f in fields
            ]
        specs = ", ".join(f"{{field: '{f}_terms', nostem: true}}" for f in fields)
        return [f"CALL db.idx.fulltext.createNodeIndex({{label: '{label}', stopwords: ['-']}}, {specs})"]

    @property
    def fulltext_analyses(self) -> bool:
        """Whether the server analyses text itself (Neo4j) or gets our analysed terms (FalkorDB)."""
        return self.name == "neo4j"

    def fulltext_search(self, label: str, field: str) -> str:
        """Ids and scores of the `label` nodes whose `field` matches `$q` (see `fulltext_terms`), best first."""
        label, field = ident(label), ident(field)
        if self.name == "neo4j":
            return (
                f"CALL db.index.fulltext.queryNodes('{label.lower()}_{field}', $q, {{limit: $limit}}) "
                "YIELD node, score RETURN node.service_id AS id, score"
            )
        return (
            f"CALL db.idx.fulltext.queryNodes('{label}', $q) YIELD node, score "
            "RETURN node.service_id AS id, score ORDER BY score DESC LIMIT $limit"
        )

    def fulltext_terms(self, words: list[str], field: str) -> str:
        """Any of `words` (letters and digits only: no query syntax reaches the engine) in `field`; raw words
        for Neo4j (Lucene analyses them), analysed terms for FalkorDB."""
        words = [w for w in words if w.isalnum()]
        if not words:
            return ""
        if self.name == "neo4j":
            return " OR ".join(words)  # Lucene: the index is per field
        return f"@{ident(field)}_terms:(" + "|".join(words) + ")"  # RediSearch: a space would mean AND

    def linked_upsert(self, label: str, links: Sequence[Link], *, new: bool) -> str:
        """Neo4j: one statement writing `$rows` ({id, hash, props, links: {field: [to, …]}}) of `label` with
        their relationships to other labels, one unit subquery per relationship type (ADR 0092, 0096). `new`:
        every row is known new (CREATE, `props` hold every property with a value, the id included); else the
        node is merged and its old relationships of these types were dropped earlier in the same unit."""
        return _linked_upsert(ident(label), tuple(links), new)

    def drop_links(self, label: str, links: Sequence[Link]) -> str:
        """Neo4j: one statement dropping every relationship of these types of the `label` nodes in `$ids`."""
        return _drop_links(ident(label), tuple(links))

    def q(self, query: str) -> str:
        """Fill the dialect placeholders of a query: `{distance}`."""
        return query.replace("{distance}", self.distance_fn)


def _arrow(link: Link) -> str:
    rtype = ident(link.type)
    return f"(n)<-[x:{rtype}]-(t)" if link.incoming else f"(n)-[x:{rtype}]->(t)"


@functools.cache
def _linked_upsert(label: str, links: tuple[Link, ...], new: bool) -> str:
    if new:
        head = f"UNWIND $rows AS r CREATE (n:{label}) SET n = r.props, n.hash = r.hash, n.version = 1"
    else:
        head = (
            f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) "
            "SET n += r.props, n.hash = r.hash, n.version = coalesce(n.version, 0) + 1"
        )
    calls = []
    for link in links:
        field, target = ident(link.field), ident(link.target)
        # The lists are free of duplicates (the repository sends each target once) and the node has no
        # relationship of this type left: CREATE, not MERGE. Edges with properties (a member's rol) may be
        # several between one pair of nodes.
        if link.props:
            calls.append(
                f"CALL (n, r) {{ UNWIND r.links.{field} AS p MATCH (t:{target} {{id: p.to}}) "
                f"CREATE {_arrow(link)} SET x += p.props }}"
            )
        else:
            calls.append(
                f"CALL (n, r) {{ UNWIND r.links.{field} AS to MATCH (t:{target} {{id: to}}) CREATE {_arrow(link)} }}"
            )
    return " ".join([head, "WITH n, r", *calls]) if calls else head


@functools.cache
def _drop_links(label: str, links: tuple[Link, ...]) -> str:
    calls = [f"CALL (n) {{ MATCH {_arrow(link)} WHERE t:{ident(link.target)} DELETE x }}" for link in links]
    return " ".join([f"UNWIND $ids AS id MATCH (n:{label} {{id: id}})", *calls])


NEO4J = Dialect(
    name="neo4j",
    distance_fn="point.distance",
    write_batch=5000,
    links_in_node_statement=True,
    create_known_new=True,
)
FALKORDB = Dialect(name="falkordb", distance_fn="distance")
