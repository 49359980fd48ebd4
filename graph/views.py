"""Read-side queries for the site and the APIs: lists with filters, detail pages, the network around an
organisation and the HSDS API reads. All Cypher stays here; values are parameters, results are dataclasses.

Two privacy rules are applied here, before anything leaves the graph layer:
- professional-only phones are only read when the caller asks for `professional=True`;
- confidential locations (e.g. opvang) never come out with coordinates or an address, for any audience, and
  never take part in a distance filter (a distance would give the place away).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph import schedules as sched
from graph.aggregates import AGGREGATES as AGGREGATES  # re-exported
from graph.aggregates import kaart_version as kaart_version  # re-exported
from graph.models import NIVEAUS as NIVEAUS  # re-exported: callers import it from here
from graph.models import (
    Doelgroep,
    Kern,
    Location,
    Netwerk,
    Organisation,
    Phone,
    Schedule,
    Service,
)
from graph.models import Theme as Theme  # re-exported, as before the split
from graph.repositories import (
    DoelgroepRepository,
    KernRepository,
    LocationRepository,
    NetwerkRepository,
    OrganisationRepository,
    ServiceRepository,
    ThemeRepository,
)
from graph.store import GraphStore
from graph.view_lists import ServiceLists
from graph.view_lists import is_open as is_open  # re-exported

# The result types and constants live in graph/view_types.py; every name stays importable from here.
from graph.view_types import ALL_STATUSES as ALL_STATUSES
from graph.view_types import (
    NIVEAU_RANK,
    PUBLIC_STATUSES,
    GraphEdge,
    GraphNode,
    NetworkGraph,
    OrganisationDetail,
    Place,
    ServiceDetail,
    ServiceLink,
    ServiceSummary,
    ThemeInfo,
)
from graph.view_types import Filters as Filters


def _place(props: dict[str, Any]) -> Place:
    confidential = bool(props.get("confidential"))
    return Place(
        id=props["id"],
        name=props.get("name"),
        latitude=None if confidential else props.get("latitude"),
        longitude=None if confidential else props.get("longitude"),
        address_1=None if confidential else props.get("address_1"),
        postal_code=None if confidential else props.get("postal_code"),
        city=props.get("city"),
        approximate=bool(props.get("approximate")),
        confidential=confidential,
        description=None if confidential else props.get("description"),
    )


def _phone(props: dict[str, Any], owner: str, kind: str) -> Phone:
    return Phone(
        id=props["id"],
        number=props["number"],
        type=props.get("type"),
        description=props.get("description"),
        professional_only=bool(props.get("professional_only")),
        service_id=owner if kind == "service" else None,
        organization_id=owner if kind == "organisation" else None,
        location_id=owner if kind == "location" else None,
    )


class Views(ServiceLists):
    # -- constant queries ------------------------------------------------------------------------------
    _q_themes = (
        "MATCH (t:Theme) OPTIONAL MATCH (t)-[:BROADER]->(p:Theme) "
        "RETURN t.id AS id, t.label AS label, t.b1_label AS b1, t.description AS description, t.signal AS signal, "
        "collect(p.id) AS parents ORDER BY label, id"
    )
    # Per theme: the services about it or about anything narrower, counted in the graph (68 rows come back,
    # not every service id of the kaart). What a resident can go to: the tiles' "N vormen van hulp" (ADR 0116).
    _q_theme_counts = (
        "MATCH (t:Theme) OPTIONAL MATCH (s:Service)-[:ABOUT|SUGGESTED]->(:Theme)-[:BROADER*0..]->(t) "
        "WHERE s.status IN $statuses AND NOT coalesce(s.professional_only, false) "
        "RETURN t.id AS id, count(DISTINCT s) AS n"
    )
    _q_kernen_used = (
        "MATCH (k:Kern) OPTIONAL MATCH (s1:Service)-[:SERVES]->(k) OPTIONAL MATCH (s2:Service)-[:AT]->(:Location)-[:IN]->(k) "
        "WITH k, count(s1) + count(s2) AS n WHERE n > 0 RETURN k.id AS id ORDER BY k.name"
    )
    _q_summaries = (
        "MATCH (o:Organisation)-[:PROVIDES]->(s:Service) WHERE s.id IN $ids "
        "OPTIONAL MATCH (s)-[:ABOUT]->(t:Theme) "
        "WITH o, s, collect(DISTINCT t.id) AS themes "
        "OPTIONAL MATCH (s)-[:FOR]->(d:Doelgroep) "
        "WITH o, s, themes, collect(DISTINCT d.id) AS groups "
        "OPTIONAL MATCH (s)-[:AT]->(l:Location) "
        "RETURN properties(s) AS s, o.id AS org_id, o.name AS org_name, themes, groups, collect(l) AS locs"
    )
    _q_phones = {
        "service": (
            "MATCH (o:Service)-[:HAS_PHONE]->(p:Phone) WHERE o.id IN $ids "
            "AND ($professional OR NOT coalesce(p.professional_only, false)) "
            "RETURN o.id AS owner, properties(p) AS p ORDER BY p.id"
        ),
        "organisation": (
            "MATCH (o:Organisation)-[:HAS_PHONE]->(p:Phone) WHERE o.id IN $ids "
            "AND ($professional OR NOT coalesce(p.professional_only, false)) "
            "RETURN o.id AS owner, properties(p) AS p ORDER BY p.id"
        ),
        "location": (
            "MATCH (o:Location)-[:HAS_PHONE]->(p:Phone) WHERE o.id IN $ids "
            "AND ($professional OR NOT coalesce(p.professional_only, false)) "
            "RETURN o.id AS owner, properties(p) AS p ORDER BY p.id"
        ),
    }
    _q_links_up = (
        "MATCH (s:Service)-[:SCALES_UP_TO]->(t:Service)<-[:PROVIDES]-(o:Organisation) WHERE s.id IN $ids "
        "RETURN s.id AS sid, t.id AS id, t.name AS name, t.niveau AS niveau, o.id AS org, o.name AS org_name "
        "ORDER BY t.name"
    )
    _q_links_from = (
        "MATCH (f:Service)-[:SCALES_UP_TO]->(s:Service) WHERE s.id IN $ids "
        "MATCH (o:Organisation)-[:PROVIDES]->(f) "
        "RETURN s.id AS sid, f.id AS id, f.name AS name, f.niveau AS niveau, o.id AS org, o.name AS org_name "
        "ORDER BY f.name"
    )
    _q_org_networks = (
        "MATCH (o:Organisation)-[m:MEMBER_OF]->(n:Netwerk) WHERE o.id = $id "
        "RETURN n.id AS id, n.name AS name, collect(m.rol) AS roles ORDER BY name, id"
    )
    _q_org_services = "MATCH (o:Organisation {id: $id})-[:PROVIDES]->(s:Service) RETURN s.id AS id"
    _q_org_locations = (
        "MATCH (o:Organisation {id: $id}) "
        "OPTIONAL MATCH (o)-[:HAS_LOCATION]->(l1:Location) "
        "OPTIONAL MATCH (o)-[:PROVIDES]->(:Service)-[:AT]->(l2:Location) "
        "WITH collect(DISTINCT l1) + collect(DISTINCT l2) AS locs UNWIND locs AS l RETURN DISTINCT l"
    )
    _q_net_members = (
        "MATCH (o:Organisation {id: $id})-[m:MEMBER_OF]->(n:Netwerk) "
        "OPTIONAL MATCH (x:Organisation)-[m2:MEMBER_OF]->(n) WHERE x.id <> $id "
        "RETURN n.id AS net, n.name AS net_name, collect(DISTINCT m.rol) AS roles, "
        "collect(DISTINCT [x.id, x.name]) AS members ORDER BY net_name, net"
    )
    _q_net_scales = (
        "MATCH (o:Organisation {id: $id})-[:PROVIDES]->(s:Service)-[:SCALES_UP_TO]->(t:Service)<-[:PROVIDES]-(x:Organisation) "
        "WHERE x.id <> $id RETURN DISTINCT x.id AS id, x.name AS name, 'opschalen naar' AS label "
        "UNION "
        "MATCH (o:Organisation {id: $id})-[:PROVIDES]->(s:Service)<-[:SCALES_UP_TO]-(t:Service)<-[:PROVIDES]-(x:Organisation) "
        "WHERE x.id <> $id RETURN DISTINCT x.id AS id, x.name AS name, 'schaalt op naar hier' AS label"
    )
    _q_org_ids = (
        "MATCH (o:Organisation) WHERE $text IS NULL OR toLower(o.name) CONTAINS $text "
        "OR toLower(coalesce(o.description, '')) CONTAINS $text RETURN o.id AS id ORDER BY o.name, o.id"
    )
    _q_pc4_centre = (
        "MATCH (l:Location) WHERE l.postal_code STARTS WITH $pc4 AND l.latitude IS NOT NULL "
        "AND NOT coalesce(l.confidential, false) RETURN avg(l.latitude) AS lat, avg(l.longitude) AS lon, count(l) AS n"
    )
    _q_service_locations = (
        "MATCH (s:Service)-[:AT]->(l:Location) WHERE s.id IN $ids AND NOT coalesce(l.confidential, false) "
        "RETURN s.id AS sid, l.id AS lid ORDER BY sid, lid"
    )

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    # -- vocabularies --------------------------------------------------------------------------------

    def themes(self, statuses: Sequence[str] = PUBLIC_STATUSES) -> dict[str, ThemeInfo]:
        """All themes with the number of services about them or about something narrower.

        Counted over the whole kaart, so kept per process until the kaart changes (`AGGREGATES`): the home page,
        the kaart and the HSDS list read it on every request."""
        key = ("themes", tuple(statuses))
        return dict(AGGREGATES.get(self.store, key, lambda: self._themes(statuses)))

    def _themes(self, statuses: Sequence[str]) -> dict[str, ThemeInfo]:
        rows = self.store.read(self._q_themes)
        parents = {r["id"]: tuple(p for p in r["parents"] if p) for r in rows}
        counts = {
            r["id"]: int(r["n"] or 0)
            for r in self.store.read(self._q_theme_counts, {"statuses": list(statuses)})
        }
        return {
            r["id"]: ThemeInfo(
                id=r["id"],
                label=r["label"],
                b1_label=r["b1"],
                description=r["description"],
                signal=r["signal"],
                parents=parents[r["id"]],
                service_count=counts.get(r["id"], 0),
            )
            for r in rows
        }

    def top_themes(self) -> list[ThemeInfo]:
        return [t for t in self.themes().values() if not t.parents]

    def doelgroepen(self) -> list[Doelgroep]:
        return sorted(DoelgroepRepository(self.store).all(), key=lambda d: (d.min_age or 0, d.label))

    def kernen(self, used_only: bool = True) -> list[Kern]:
        if not used_only:
            return sorted(KernRepository(self.store).all(), key=lambda k: k.name)
        ids = AGGREGATES.get(
            self.store, ("kernen_used",), lambda: [r["id"] for r in self.store.read(self._q_kernen_used)]
        )
        return KernRepository(self.store).get_many(ids)

    def narrower(self, theme_id: str) -> set[str]:
        """The theme and every theme below it."""
        rows = self.store.read(self._q_themes)
        children: dict[str, set[str]] = {}
        for r in rows:
            for p in r["parents"]:
                if p:
                    children.setdefault(p, set()).add(r["id"])
        out, stack = {theme_id}, [theme_id]
        while stack:
            for c in children.get(stack.pop(), ()):
                if c not in out:
                    out.add(c)
                    stack.append(c)
        return out

    def schedules(self, service_ids: Sequence[str]) -> dict[str, tuple[Schedule, ...]]:
        """The schedules (graph.models.Schedule records) of these services, by service id."""
        if not service_ids:
            return {}
        return sched.from_rows(self.store.read(*sched.read_statement(service_ids)))

    def summaries(
        self, ids: Sequence[str], distances: dict[str, float | None] | None = None
    ) -> list[ServiceSummary]:
        """Services for a list or a map, in the order of `ids`."""
        if not ids:
            return []
        rows, schedule_rows = self.store.read_all(
            [(self._q_summaries, {"ids": list(ids)}), sched.read_statement(ids)]
        )
        schedules = sched.from_rows(schedule_rows)
        by_id: dict[str, ServiceSummary] = {}
        for r in rows:
            s = r["s"]
            places = tuple(sorted((_place(loc) for loc in r["locs"] if loc), key=lambda p: p.id))
            by_id[s["id"]] = ServiceSummary(
                id=s["id"],
                name=s["name"],
                description=s.get("description") or "",
                organization_id=r["org_id"],
                organization_name=r["org_name"],
                niveau=s.get("niveau"),
                status=s.get("status") or "active",
                available_24_7=bool(s.get("available_24_7")),
                wait_time=s.get("wait_time"),
                wait_time_date=s.get("wait_time_date"),
                assured_date=s.get("assured_date"),
                themes=tuple(sorted(t for t in r["themes"] if t)),
                doelgroepen=tuple(sorted(d for d in r["groups"] if d)),
                places=places,
                distance_km=(distances or {}).get(s["id"]),
                schedules=schedules.get(s["id"], ()),
                professional_only=bool(s.get("professional_only")),
            )
        return [by_id[i] for i in ids if i in by_id]

    def service_links(self, ids: Sequence[str]) -> dict[str, tuple[ServiceLink, ...]]:
        """Opschalen: for each service, the heavier services it scales up to."""
        out: dict[str, list[ServiceLink]] = {}
        for r in self.store.read(self._q_links_up, {"ids": list(ids)}):
            out.setdefault(r["sid"], []).append(
                ServiceLink(r["id"], r["name"], r["org"], r["org_name"], r["niveau"])
            )
        return {k: tuple(v) for k, v in out.items()}

    def phones(self, kind: str, owner_ids: Sequence[str], *, professional: bool) -> dict[str, list[Phone]]:
        """Phones of services, organisations or locations; professional-only ones only for professionals."""
        out: dict[str, list[Phone]] = {}
        rows = self.store.read(
            self._q_phones[kind], {"ids": list(owner_ids), "professional": bool(professional)}
        )
        for r in rows:
            out.setdefault(r["owner"], []).append(_phone(r["p"], r["owner"], kind))
        return out

    # -- details -------------------------------------------------------------------------------------

    def service_detail(self, id: str, *, professional: bool = False) -> ServiceDetail | None:
        service = ServiceRepository(self.store).get(id)
        if service is None:
            return None
        org = OrganisationRepository(self.store).get(service.organization_id)
        if org is None:
            return None
        locations = LocationRepository(self.store).get_many(list(service.location_ids))
        places = tuple(_place(_location_props(loc)) for loc in locations)
        phones = self._all_phones([id], [org.id], [loc.id for loc in locations], professional)

        themes = ThemeRepository(self.store).get_many(list(service.themes) or list(service.suggested_themes))
        groups = DoelgroepRepository(self.store).get_many(list(service.doelgroepen))
        kern_ids = set(service.kernen) | {loc.kern for loc in locations if loc.kern}
        kernen = sorted(KernRepository(self.store).get_many(sorted(kern_ids)), key=lambda k: k.name)
        ups = self.service_links([id]).get(id, ())
        froms = tuple(
            ServiceLink(r["id"], r["name"], r["org"], r["org_name"], r["niveau"])
            for r in self.store.read(self._q_links_from, {"ids": [id]})
        )
        return ServiceDetail(
            service=service,
            organisation=org,
            places=places,
            phones=tuple(phones),
            themes=tuple(themes),
            doelgroepen=tuple(groups),
            kernen=tuple(kernen),
            scales_up_to=tuple(ups),
            scaled_from=froms,
            networks=self._networks(org.id),
            schedules=self.schedules([id]).get(id, ()),
        )

    def _all_phones(self, svc: list[str], org: list[str], loc: list[str], professional: bool) -> list[Phone]:
        out: list[Phone] = []
        for kind, ids in (("service", svc), ("organisation", org), ("location", loc)):
            if ids:
                for phones in self.phones(kind, ids, professional=professional).values():
                    out.extend(phones)
        seen: set[str] = set()
        return [p for p in out if not (p.id in seen or seen.add(p.id))]

    def _networks(self, org_id: str) -> tuple[tuple[Netwerk, str | None], ...]:
        rows = self.store.read(self._q_org_networks, {"id": org_id})
        nets = {n.id: n for n in NetwerkRepository(self.store).get_many([r["id"] for r in rows])}
        out = []
        for r in rows:
            roles = [x for x in r["roles"] if x]
            net = nets.get(r["id"])
            if net is not None:
                out.append(
                    (
                        Netwerk(id=net.id, name=net.name, description=net.description, source=net.source),
                        ", ".join(roles) or None,
                    )
                )
        return tuple(out)

    def organisation_detail(self, id: str, *, professional: bool = False) -> OrganisationDetail | None:
        org = OrganisationRepository(self.store).get(id)
        if org is None:
            return None
        svc_ids = [r["id"] for r in self.store.read(self._q_org_services, {"id": id})]
        summaries = sorted(
            (s for s in self.summaries(svc_ids) if professional or not s.professional_only),  # ADR 0116
            key=lambda s: (NIVEAU_RANK.get(s.niveau or "", 9), s.name.lower()),
        )
        locs = [r["l"] for r in self.store.read(self._q_org_locations, {"id": id}) if r.get("l")]
        places = tuple(sorted((_place(loc) for loc in locs), key=lambda p: p.id))
        phones = self._all_phones([], [id], [], professional)

        theme_ids = sorted({t for s in summaries for t in s.themes})
        return OrganisationDetail(
            organisation=org,
            services=tuple(summaries),
            places=places,
            phones=tuple(phones),
            networks=self._networks(id),
            themes=tuple(ThemeRepository(self.store).get_many(theme_ids)),
        )

    def network_graph(self, org_id: str, max_members: int = 60) -> NetworkGraph | None:
        """The organisation, its networks and their other members, and the organisations it scales up to."""
        org = OrganisationRepository(self.store).get(org_id)
        if org is None:
            return None
        nodes: dict[str, GraphNode] = {org_id: GraphNode(org_id, org.name, "organisation")}
        edges: list[GraphEdge] = []
        for r in self.store.read(self._q_net_members, {"id": org_id}):
            net_key = "net:" + r["net"]
            nodes[net_key] = GraphNode(net_key, r["net_name"], "netwerk")
            roles = ", ".join(x for x in r["roles"] if x) or None
            edges.append(GraphEdge(org_id, net_key, roles))
            members = sorted((m for m in r["members"] if m and m[0]), key=lambda m: m[1] or "")
            for mid, name in members[:max_members]:
                nodes.setdefault(mid, GraphNode(mid, name, "organisation"))
                edges.append(GraphEdge(mid, net_key))
        for r in self.store.read(self._q_net_scales, {"id": org_id}):
            nodes.setdefault(r["id"], GraphNode(r["id"], r["name"], "organisation"))
            if r["label"] == "opschalen naar":
                edges.append(GraphEdge(org_id, r["id"], r["label"]))
            else:
                edges.append(GraphEdge(r["id"], org_id, "opschalen naar"))
        return NetworkGraph(centre=org_id, nodes=tuple(nodes.values()), edges=tuple(dict.fromkeys(edges)))

    # -- HSDS API reads --------------------------------------------------------------------------------

    def organisation_ids(self, text: str | None = None) -> list[str]:
        return [
            r["id"]
            for r in self.store.read(self._q_org_ids, {"text": text.strip().lower() if text else None})
        ]

    def organisations(self, ids: Sequence[str]) -> list[Organisation]:
        return OrganisationRepository(self.store).get_many(list(ids))

    def services(self, ids: Sequence[str]) -> list[Service]:
        return ServiceRepository(self.store).get_many(list(ids))

    def locations(self, ids: Sequence[str]) -> dict[str, Place]:
        return {
            loc.id: _place(_location_props(loc)) for loc in LocationRepository(self.store).get_many(list(ids))
        }

    def postcode_centre(self, postcode: str) -> tuple[float, float] | None:
        """The centre of the known, non-confidential locations in a PC4 area."""
        rows = self.store.read(self._q_pc4_centre, {"pc4": postcode.strip().upper()[:4]})
        if not rows or not rows[0]["n"]:
            return None
        return float(rows[0]["lat"]), float(rows[0]["lon"])

    def service_location_pairs(self, service_ids: Sequence[str]) -> list[tuple[str, str]]:
        """(service, location) pairs for the HSDS service_at_location list; confidential locations left out."""
        return [
            (r["sid"], r["lid"])
            for r in self.store.read(self._q_service_locations, {"ids": list(service_ids)})
        ]


def _location_props(loc: Location) -> dict[str, Any]:
    return {
        "id": loc.id,
        "name": loc.name,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
        "address_1": loc.address_1,
        "postal_code": loc.postal_code,
        "city": loc.city,
        "approximate": loc.approximate,
        "confidential": loc.confidential,
        "description": loc.description,
    }
