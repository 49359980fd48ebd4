"""Neo4j's write path for a batch of records of one label (`Dialect.links_in_node_statement`, ADR 0092/0096).

One statement drops the old relationships of the records that exist, one creates the records known new with
their relationships to other labels, one merges the others with theirs (graph/dialect.py holds the Cypher).
Relationships to the record's own label stay with the repository: they need every node of the batch first.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from graph.dialect import Dialect, Link
from graph.store import Statement


def link_targets(pairs: list[dict[str, Any]], link: Link) -> list[Any]:
    """A record's links of one type as the linked upsert sends them: each target id once (it CREATEs them),
    or the pairs with their edge properties where the relationship has them (a member's rol)."""
    if link.props:
        return pairs
    return list(dict.fromkeys(p["to"] for p in pairs))


def linked_statements(
    dialect: Dialect,
    label: str,
    links: Sequence[Link],
    inline: Sequence[Link],
    node_rows: list[dict[str, Any]],
    new_ids: Collection[str],
) -> list[Statement]:
    """The statements writing `node_rows` ({id, hash, props, links}) with their `inline` links; `links` are all
    the label's relationship types (dropped for records not in `new_ids`)."""
    old_ids = [r["id"] for r in node_rows if r["id"] not in new_ids]
    statements: list[Statement] = []
    if old_ids and links:
        statements.append((dialect.drop_links(label, links), {"ids": old_ids}))
    new_rows = [r for r in node_rows if r["id"] in new_ids] if dialect.create_known_new else []
    old_rows = [r for r in node_rows if r["id"] not in new_ids] if new_rows else node_rows
    for part, new in ((new_rows, True), (old_rows, False)):
        if part:  # a subquery only for the types with links in this part: each one runs for every row
            used = [link for link in inline if any(row["links"][link.field] for row in part)]
            statements.append((dialect.linked_upsert(label, used, new=new), {"rows": part}))
    return statements
