"""The network overview: every netwerk with its members, and the organisations in no netwerk."""

from __future__ import annotations

from dataclasses import dataclass

from graph.store import GraphStore


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
