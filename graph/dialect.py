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

    def q(self, query: str) -> str:
        """Fill the dialect placeholders of a query: `{distance}`."""
        return query.replace("{distance}", self.distance_fn)


NEO4J = Dialect(name="neo4j", distance_fn="point.distance")
FALKORDB = Dialect(name="falkordb", distance_fn="distance")
