"""The few places where Neo4j 5 and FalkorDB Cypher differ, in one object.

Everything else is plain openCypher shared by both backends. Labels and property names that end up in DDL
come from code constants and are checked against a strict pattern: identifiers cannot be query parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def ident(name: str) -> str:
    if not _IDENT.match(name):
        raise ValueError(f"geen geldige naam voor een label of eigenschap: {name!r}")
    return name


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

    def q(self, query: str) -> str:
        """Fill the dialect placeholders of a query: `{distance}`."""
        return query.replace("{distance}", self.distance_fn)


NEO4J = Dialect(name="neo4j", distance_fn="point.distance", write_batch=2000, links_in_node_statement=True)
FALKORDB = Dialect(name="falkordb", distance_fn="distance")
