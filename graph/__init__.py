"""The knowledge graph: connection, schema and repositories. All Cypher of the project lives here."""

from graph.errors import ConflictError, ConstraintViolation, GraphError, GraphUnavailable
from graph.schema import ensure_schema
from graph.store import GraphStore, connect, default_uri

__all__ = [
    "ConflictError",
    "ConstraintViolation",
    "GraphError",
    "GraphStore",
    "GraphUnavailable",
    "connect",
    "default_uri",
    "ensure_schema",
]
