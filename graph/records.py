"""Record lookups for the beheer pages: the organisation list, choices for forms (organisations,
services), and the ids of an organisation's services, locations and phones."""

from __future__ import annotations

from dataclasses import dataclass

from graph.store import GraphStore


@dataclass(frozen=True)
class OrganisationRow:
    id: str
    name: str
    status: str
    kind: str | None
    services: int
    active_services: int
    oldest_check: str | None  # the oldest last-verified date of its active services ("" = never verified)
    networks: int


_Q_ORG_ROWS = (
    "MATCH (o:Organisation) WHERE ($text IS NULL OR toLower(o.name) CONTAINS $text "
    "OR toLower(coalesce(o.alternate_name, '')) CONTAINS $text OR o.id = $raw) "
    "AND ($status IS NULL OR coalesce(o.status, 'active') = $status) "
    "OPTIONAL MATCH (o)-[:PROVIDES]->(s:Service) "
    "WITH o, collect(DISTINCT s) AS svcs "
    "OPTIONAL MATCH (o)-[:MEMBER_OF]->(n:Netwerk) "
    "WITH o, svcs, count(DISTINCT n) AS nets "
    "RETURN o.id AS id, o.name AS name, coalesce(o.status, 'active') AS status, o.kind AS kind, nets, "
    "size(svcs) AS total, [x IN svcs WHERE x.status = 'active' | coalesce(x.assured_date, '')] AS checks "
    "ORDER BY toLower(o.name), o.id"
)


def organisation_rows(
    store: GraphStore, text: str | None = None, status: str | None = None
) -> list[OrganisationRow]:
    raw = (text or "").strip()
    rows = store.read(_Q_ORG_ROWS, {"text": raw.lower() or None, "raw": raw, "status": status})
    out = []
    for r in rows:
        checks = [str(c) for c in r["checks"]]
        out.append(
            OrganisationRow(
                id=r["id"],
                name=r["name"] or r["id"],
                status=r["status"],
                kind=r["kind"],
                services=int(r["total"] or 0),
                active_services=len(checks),
                oldest_check=min(checks) if checks else None,
                networks=int(r["nets"] or 0),
            )
        )
    return out


_Q_SERVICE_OPTIONS = (
    "MATCH (o:Organisation)-[:PROVIDES]->(s:Service) "
    "RETURN s.id AS id, s.name AS name, o.name AS org ORDER BY toLower(o.name), toLower(s.name), s.id"
)
_Q_ORG_OPTIONS = "MATCH (o:Organisation) RETURN o.id AS id, o.name AS name ORDER BY toLower(o.name), o.id"
_Q_ORG_LOCATIONS = (
    "MATCH (o:Organisation {id: $org}) "
    "OPTIONAL MATCH (o)-[:HAS_LOCATION]->(l1:Location) "
    "OPTIONAL MATCH (o)-[:PROVIDES]->(:Service)-[:AT]->(l2:Location) "
    "WITH collect(DISTINCT l1.id) + collect(DISTINCT l2.id) AS ids UNWIND ids AS id RETURN DISTINCT id"
)
_Q_ORG_PHONES = "MATCH (o:Organisation {id: $id})-[:HAS_PHONE]->(p:Phone) RETURN p.id AS id ORDER BY p.id"
_Q_SERVICE_PHONES = "MATCH (s:Service {id: $id})-[:HAS_PHONE]->(p:Phone) RETURN p.id AS id ORDER BY p.id"
_Q_LOCATION_PHONES = "MATCH (l:Location {id: $id})-[:HAS_PHONE]->(p:Phone) RETURN p.id AS id ORDER BY p.id"
_Q_ORG_SERVICES = "MATCH (o:Organisation {id: $id})-[:PROVIDES]->(s:Service) RETURN s.id AS id ORDER BY toLower(s.name), s.id"
_Q_SERVICES_AT = (
    "MATCH (s:Service)-[:AT]->(l:Location {id: $id}) RETURN s.id AS id, s.name AS name ORDER BY name"
)


def service_options(store: GraphStore) -> list[tuple[str, str]]:
    return [(r["id"], f"{r['name']} ({r['org']})") for r in store.read(_Q_SERVICE_OPTIONS)]


def organisation_options(store: GraphStore) -> list[tuple[str, str]]:
    return [(r["id"], r["name"] or r["id"]) for r in store.read(_Q_ORG_OPTIONS)]


def organisation_location_ids(store: GraphStore, org_id: str) -> list[str]:
    return sorted(r["id"] for r in store.read(_Q_ORG_LOCATIONS, {"org": org_id}))


def phone_ids(store: GraphStore, owner_kind: str, owner_id: str) -> list[str]:
    query = {"organisation": _Q_ORG_PHONES, "service": _Q_SERVICE_PHONES, "location": _Q_LOCATION_PHONES}[
        owner_kind
    ]
    return [r["id"] for r in store.read(query, {"id": owner_id})]


def organisation_service_ids(store: GraphStore, org_id: str) -> list[str]:
    return [r["id"] for r in store.read(_Q_ORG_SERVICES, {"id": org_id})]


def services_at(store: GraphStore, location_id: str) -> list[tuple[str, str]]:
    return [(r["id"], r["name"]) for r in store.read(_Q_SERVICES_AT, {"id": location_id})]
