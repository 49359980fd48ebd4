"""Repositories: one per aggregate, all Cypher of the kaart's core entities.

Every query is a constant built once from this module's own label and relationship names (checked by
`ident`), with all values passed as parameters. Upserts are batched with `UNWIND $rows`; a record and its
relationships are written in one unit (`GraphStore.write_all`), so a crash never leaves half a record.
Unchanged records (same content hash) are counted and not rewritten.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, ClassVar, Generic, TypeVar

from graph import schedules
from graph.dialect import ident
from graph.errors import ConstraintViolation
from graph.linked_writes import link_targets, linked_statements
from graph.models import (
    Doelgroep,
    Kern,
    Location,
    Member,
    Netwerk,
    Organisation,
    OrganisationNeighbourhood,
    Phone,
    Provenance,
    Service,
    Theme,
    UpsertResult,
)
from graph.store import GraphStore, Statement

T = TypeVar("T")


@dataclass(frozen=True)
class Rel:
    """A relationship held by a record field: `(record)-[type]->(target)` or, if incoming, the reverse."""

    field: str
    type: str
    target: str
    incoming: bool = False
    props: tuple[str, ...] = ()  # for fields holding dataclasses (e.g. Member): their properties on the edge
    key: str = ""  # for such fields: the attribute holding the target id


def content_hash(values: dict[str, Any]) -> str:
    blob = json.dumps(values, sort_keys=True, ensure_ascii=False, default=list)
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


class NodeRepository(Generic[T]):
    label: ClassVar[str]
    model: ClassVar[type]
    rels: ClassVar[tuple[Rel, ...]] = ()
    batch_size: ClassVar[int | None] = None  # None: the backend's `Dialect.write_batch`

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        if not getattr(cls, "label", None):
            return
        label = ident(cls.label)
        cls._q_existing = f"MATCH (n:{label}) WHERE n.id IN $ids RETURN n.id AS id, n.hash AS hash"
        cls._q_upsert = (
            f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) "
            "ON CREATE SET n.version = 0 "
            "SET n += r.props, n.hash = r.hash, n.version = n.version + 1"
        )
        cls._q_get = f"MATCH (n:{label} {{id: $id}}) RETURN properties(n) AS n"
        cls._q_get_many = f"MATCH (n:{label}) WHERE n.id IN $ids RETURN properties(n) AS n"
        cls._q_delete = f"MATCH (n:{label} {{id: $id}}) DETACH DELETE n RETURN count(*) AS c"
        cls._q_count = f"MATCH (n:{label}) RETURN count(n) AS c"
        cls._q_ids = f"MATCH (n:{label}) RETURN n.id AS id ORDER BY id"
        cls._q_all = f"MATCH (n:{label}) RETURN properties(n) AS n ORDER BY n.id SKIP $skip LIMIT $limit"
        cls._q_rel = {}
        for rel in cls.rels:
            rtype, target = ident(rel.type), ident(rel.target)
            if rel.incoming:
                drop = f"UNWIND $ids AS id MATCH (n:{label} {{id: id}})<-[x:{rtype}]-(:{target}) DELETE x"
                # With edge properties (a member's rol) one pair of nodes may have several edges (two roles in
                # one network): the old edges were dropped just before, so CREATE; without, MERGE.
                verb = "CREATE" if rel.props else "MERGE"
                make = (
                    f"UNWIND $pairs AS p MATCH (n:{label} {{id: p.id}}) MATCH (t:{target} {{id: p.to}}) "
                    f"{verb} (n)<-[x:{rtype}]-(t)" + (" SET x += p.props" if rel.props else "")
                )
                read = f"MATCH (n:{label})<-[x:{rtype}]-(t:{target}) WHERE n.id IN $ids RETURN n.id AS id, t.id AS to, properties(x) AS props"
            else:
                drop = f"UNWIND $ids AS id MATCH (n:{label} {{id: id}})-[x:{rtype}]->(:{target}) DELETE x"
                verb = "CREATE" if rel.props else "MERGE"
                make = (
                    f"UNWIND $pairs AS p MATCH (n:{label} {{id: p.id}}) MATCH (t:{target} {{id: p.to}}) "
                    f"{verb} (n)-[x:{rtype}]->(t)" + (" SET x += p.props" if rel.props else "")
                )
                read = f"MATCH (n:{label})-[x:{rtype}]->(t:{target}) WHERE n.id IN $ids RETURN n.id AS id, t.id AS to, properties(x) AS props"
            cls._q_rel[rel.field] = (drop, make, read)
        # Neo4j's write path (`Dialect.links_in_node_statement`, ADR 0092/0096): the node and its relationships
        # to other labels in one statement (graph/dialect.py). Relationships to the record's own label (a theme's
        # parents, a service's next step) may point at a node later in the same batch: they keep their own
        # statement, run after every node of the batch exists.
        cls._inline = tuple(r for r in cls.rels if r.target != cls.label)

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    # -- mapping -------------------------------------------------------------------------------------

    def _props(self, record: T) -> dict[str, Any]:
        rel_fields = {r.field for r in self.rels}
        return {f.name: getattr(record, f.name) for f in fields(record) if f.name not in rel_fields}

    def _pairs(self, record: T, rel: Rel) -> list[dict[str, Any]]:
        value = getattr(record, rel.field)
        if value is None or value == "":
            return []
        items = value if isinstance(value, tuple | list) else (value,)
        out = []
        for item in items:
            if rel.key:
                out.append(
                    {
                        "id": record.id,
                        "to": getattr(item, rel.key),
                        "props": {p: getattr(item, p) for p in rel.props},
                    }
                )
            else:
                out.append({"id": record.id, "to": item, "props": {}})
        return out

    def _from_props(self, props: dict[str, Any], rels: dict[str, list[dict[str, Any]]]) -> T:
        kwargs: dict[str, Any] = {}
        for f in fields(self.model):
            rel = next((r for r in self.rels if r.field == f.name), None)
            if rel is None:
                if f.name in props:
                    kwargs[f.name] = props[f.name]
                continue
            found = rels.get(f.name, [])
            if rel.key:
                kwargs[f.name] = tuple(
                    sorted(
                        (self._rel_item(rel, x) for x in found),
                        key=lambda m: getattr(m, rel.key),
                    )
                )
            elif isinstance(f.default, tuple) or f.type.startswith("tuple"):
                kwargs[f.name] = tuple(sorted(x["to"] for x in found))
            else:
                kwargs[f.name] = found[0]["to"] if found else None
        return self.model(**kwargs)

    def _rel_item(self, rel: Rel, found: dict[str, Any]) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    # -- writes --------------------------------------------------------------------------------------

    def upsert(self, records: Iterable[T], provenance: Provenance | None = None) -> UpsertResult:
        """Create or update records by id; records whose content did not change are left alone."""
        result = UpsertResult()
        batch: list[T] = []
        size = self.batch_size or self.store.dialect.write_batch
        for record in records:
            batch.append(record)
            if len(batch) >= size:
                result.add(self._upsert_batch(batch, provenance))
                batch = []
        if batch:
            result.add(self._upsert_batch(batch, provenance))
        return result

    def _upsert_batch(self, batch: Sequence[T], provenance: Provenance | None) -> UpsertResult:
        latest: dict[str, T] = {}
        for record in batch:  # the same id twice in one batch: the last one wins
            latest[record.id] = record
        rows = []
        for record in latest.values():
            data = asdict(record)
            rows.append({"id": record.id, "hash": content_hash(data), "record": record})
        existing = {r["id"]: r["hash"] for r in self.store.read(self._q_existing, {"ids": list(latest)})}
        result = UpsertResult()
        changed = []
        for row in rows:
            old = existing.get(row["id"])
            if row["id"] not in existing:
                result.created += 1
                result.ids[row["id"]] = "created"
                changed.append(row)
            elif old != row["hash"]:
                result.updated += 1
                result.ids[row["id"]] = "updated"
                changed.append(row)
            else:
                result.unchanged += 1
                result.ids[row["id"]] = "unchanged"
        if changed:
            new_ids = {row["id"] for row in changed if result.ids[row["id"]] == "created"}
            try:
                self.store.write_all(self._statements(changed, provenance, new_ids=new_ids))
            except ConstraintViolation:
                if not (new_ids and self.store.dialect.create_known_new):
                    raise
                # Another writer created one of them since our read (CREATE refused a second copy): write
                # them all as existing records.
                self.store.write_all(self._statements(changed, provenance))
        return result

    def _statements(
        self,
        changed: list[dict[str, Any]],
        provenance: Provenance | None,
        *,
        new_ids: set[str] | frozenset[str] = frozenset(),
        extra_props: dict[str, dict[str, Any]] | None = None,
    ) -> list[Statement]:
        """The statements writing these rows. `new_ids`: records known not to exist yet (no old relationships to
        drop, no empty properties to remove); `extra_props`: bookkeeping properties per id."""
        prov = {}
        if provenance is not None:
            prov = {"source": provenance.source, "imported_at": provenance.imported_at}
        node_rows = []
        for row in changed:
            props = self._props(row["record"])
            props.update(prov)
            if provenance is not None:
                props["source_record_id"] = provenance.source_record_id or row["id"]
            props = self._db_props(props)
            if extra_props:
                props.update(extra_props.get(row["id"], {}))
            if row["id"] in new_ids:  # nothing to remove on a new node: send less
                props = {k: v for k, v in props.items() if v is not None}
            node_rows.append({"id": row["id"], "hash": row["hash"], "props": props})
        old_ids = [row["id"] for row in changed if row["id"] not in new_ids]
        drops: list[Statement] = [(self._q_rel[rel.field][0], {"ids": old_ids}) for rel in self.rels]

        def make(rel: Rel) -> list[Statement]:
            pairs = [p for row in changed for p in self._pairs(row["record"], rel)]
            return [(self._q_rel[rel.field][1], {"pairs": pairs})] if pairs else []

        if self.store.dialect.links_in_node_statement:
            for node_row, row in zip(node_rows, changed, strict=True):
                node_row["links"] = {
                    r.field: link_targets(self._pairs(row["record"], r), r) for r in self._inline
                }
            statements = linked_statements(
                self.store.dialect, self.label, self.rels, self._inline, node_rows, new_ids
            )
            for rel in self.rels:
                if rel not in self._inline:
                    statements += make(rel)
            return statements
        statements = [(self._q_upsert, {"rows": node_rows})]
        for rel, drop in zip(self.rels, drops, strict=True):
            if old_ids:
                statements.append(drop)
            statements += make(rel)
        return statements

    # -- composed writes (importers put several repositories in one unit of work) -------------------

    def stored_hashes(self, ids: Sequence[str]) -> dict[str, str | None]:
        """The stored content hash of each of these ids that exists (absent ids are left out)."""
        return {r["id"]: r["hash"] for r in self.store.read(self._q_existing, {"ids": list(ids)})}

    def upsert_statements(
        self,
        records: Sequence[T],
        provenance: Provenance | None = None,
        *,
        hashes: dict[str, str] | None = None,
        new_ids: set[str] | None = None,
        extra_props: dict[str, dict[str, Any]] | None = None,
    ) -> list[Statement]:
        """The statements that write these records (no comparison: every record is written), for a caller
        that runs them with others in one `GraphStore.write_all`. `hashes` overrides the stored content hash
        per id (an importer stores the hash of what the source said, see ingest/writer.py); `new_ids` are
        records known not to exist yet (their old relationships need no dropping); `extra_props` are
        bookkeeping properties per id written with the node (not part of the model)."""
        rows = [
            {"id": r.id, "hash": (hashes or {}).get(r.id) or content_hash(asdict(r)), "record": r}
            for r in records
        ]
        if not rows:
            return []
        return self._statements(rows, provenance, new_ids=new_ids or frozenset(), extra_props=extra_props)

    def _db_props(self, props: dict[str, Any]) -> dict[str, Any]:
        """Hook for derived properties (e.g. a location's point)."""
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in props.items()}

    def delete(self, id: str) -> bool:
        rows = self.store.write(self._q_delete, {"id": id})
        return bool(rows and rows[0]["c"])

    # -- reads ---------------------------------------------------------------------------------------

    def get(self, id: str) -> T | None:
        found = self.get_many([id])
        return found[0] if found else None

    def get_many(self, ids: Sequence[str]) -> list[T]:
        """Records in the order of `ids`; unknown ids are left out. One read transaction."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return []
        results = self.store.read_all(self.get_many_statements(ids))
        return self.from_results(ids, results)

    def get_many_statements(self, ids: Sequence[str]) -> list[Statement]:
        """The reads behind `get_many`, for callers that batch several repositories in one transaction."""
        params = {"ids": list(ids)}
        return [(self._q_get_many, params)] + [(self._q_rel[rel.field][2], params) for rel in self.rels]

    def from_results(self, ids: Sequence[str], results: Sequence[list[dict[str, Any]]]) -> list[T]:
        position = {i: n for n, i in enumerate(ids)}
        props_list = sorted((r["n"] for r in results[0]), key=lambda p: position[p["id"]])
        rels: dict[str, dict[str, list[dict[str, Any]]]] = {p["id"]: {} for p in props_list}
        for rel, rows in zip(self.rels, results[1:], strict=True):
            for r in rows:
                if r["id"] in rels:
                    rels[r["id"]].setdefault(rel.field, []).append(r)
        return [self._from_props(p, rels[p["id"]]) for p in props_list]

    def _hydrate(self, props_list: list[dict[str, Any]]) -> list[T]:
        if not props_list:
            return []
        ids = [p["id"] for p in props_list]
        results = self.store.read_all([(self._q_rel[rel.field][2], {"ids": ids}) for rel in self.rels])
        return self.from_results(ids, [[{"n": p} for p in props_list], *results])

    def meta(self, id: str) -> dict[str, Any] | None:
        """Bookkeeping of one record: version, hash and provenance."""
        rows = self.store.read(self._q_get, {"id": id})
        if not rows:
            return None
        p = rows[0]["n"]
        return {k: p.get(k) for k in ("version", "hash", "source", "source_record_id", "imported_at")}

    def count(self) -> int:
        return self.store.read(self._q_count)[0]["c"]

    def ids(self) -> list[str]:
        return [r["id"] for r in self.store.read(self._q_ids)]

    def all(self, skip: int = 0, limit: int = 1000) -> list[T]:
        rows = self.store.read(self._q_all, {"skip": skip, "limit": limit})
        return self._hydrate([r["n"] for r in rows])


class OrganisationRepository(NodeRepository[Organisation]):
    label = "Organisation"
    model = Organisation

    _q_neighbourhood_services = (
        "MATCH (o:Organisation {id: $id})-[:PROVIDES]->(s:Service) RETURN s.id AS id ORDER BY s.name, s.id"
    )
    _q_neighbourhood_locations = (
        "MATCH (o:Organisation {id: $id}) "
        "OPTIONAL MATCH (o)-[:HAS_LOCATION]->(l1:Location) "
        "OPTIONAL MATCH (o)-[:PROVIDES]->(:Service)-[:AT]->(l2:Location) "
        "WITH collect(DISTINCT l1.id) + collect(DISTINCT l2.id) AS ids "
        "UNWIND ids AS id RETURN DISTINCT id"
    )
    _q_neighbourhood_themes = "MATCH (o:Organisation {id: $id})-[:PROVIDES]->(:Service)-[:ABOUT]->(t:Theme) RETURN DISTINCT t.id AS id"
    _q_neighbourhood_networks = (
        "MATCH (o:Organisation {id: $id})-[m:MEMBER_OF]->(n:Netwerk) "
        "RETURN n.id AS id, m.rol AS rol, m.status AS status ORDER BY n.name"
    )

    def neighbourhood(self, id: str) -> OrganisationNeighbourhood | None:
        """Two read transactions: the ids around the organisation, then every record at once."""
        p = {"id": id}
        first = self.store.read_all(
            [
                *self.get_many_statements([id]),
                (self._q_neighbourhood_services, p),
                (self._q_neighbourhood_locations, p),
                (self._q_neighbourhood_themes, p),
                (self._q_neighbourhood_networks, p),
            ]
        )
        n_own = 1 + len(self.rels)
        found = self.from_results([id], first[:n_own])
        if not found:
            return None
        svc_rows, loc_rows, theme_rows, net_rows = first[n_own:]
        repos: list[tuple[NodeRepository, list[str]]] = [
            (ServiceRepository(self.store), [r["id"] for r in svc_rows]),
            (LocationRepository(self.store), [r["id"] for r in loc_rows if r["id"]]),
            (ThemeRepository(self.store), [r["id"] for r in theme_rows]),
            (NetwerkRepository(self.store), [r["id"] for r in net_rows]),
        ]
        statements: list[Statement] = []
        for repo, ids in repos:
            statements += repo.get_many_statements(ids)
        results = self.store.read_all(statements)
        records = []
        at = 0
        for repo, ids in repos:
            size = len(repo.get_many_statements(ids))
            records.append(repo.from_results(ids, results[at : at + size]))
            at += size
        services, locations, themes, nets = records
        by_id = {n.id: n for n in nets}
        return OrganisationNeighbourhood(
            organisation=found[0],
            services=tuple(services),
            locations=tuple(sorted(locations, key=lambda loc: loc.id)),
            networks=tuple(
                (by_id[r["id"]], Member(organisation_id=id, rol=r["rol"], status=r["status"]))
                for r in net_rows
                if r["id"] in by_id
            ),
            themes=tuple(sorted(themes, key=lambda t: t.id)),
        )


class ServiceRepository(NodeRepository[Service]):
    label = "Service"
    model = Service
    rels = (
        Rel("organization_id", "PROVIDES", "Organisation", incoming=True),
        Rel("themes", "ABOUT", "Theme"),
        Rel("suggested_themes", "SUGGESTED", "Theme"),
        Rel("incidental_themes", "TOUCHES", "Theme"),  # of its ABOUT themes, the ones it merely touches
        Rel("doelgroepen", "FOR", "Doelgroep"),
        Rel("location_ids", "AT", "Location"),
        Rel("kernen", "SERVES", "Kern"),
        Rel("scales_up_to", "SCALES_UP_TO", "Service"),
    )

    _q_without_themes = (
        "MATCH (s:Service) OPTIONAL MATCH (s)-[:ABOUT]->(t:Theme) WITH s, count(t) AS n WHERE n = 0 "
        "RETURN s.id AS id, s.name AS name, s.description AS description ORDER BY id"
    )
    _q_drop_suggested = "UNWIND $ids AS id MATCH (s:Service {id: id})-[x:SUGGESTED]->(:Theme) DELETE x"
    _q_add_suggested = "UNWIND $pairs AS p MATCH (s:Service {id: p.id}) MATCH (t:Theme {id: p.theme}) MERGE (s)-[:SUGGESTED]->(t)"

    def delete_all(self) -> None:
        """Every service with its relationships and its own schedules, in one unit (the import benchmark's
        baseline starts from none)."""
        ids = [r["id"] for r in self.store.read("MATCH (s:Service) RETURN s.id AS id")]
        self.store.write_all([schedules.drop_statement(ids), ("MATCH (s:Service) DETACH DELETE s", {})])

    # Schedules are owned child nodes, not relationships to shared nodes: graph/schedules.py holds their
    # Cypher; they are written and read with the service in the same unit of work / read transaction.
    def _props(self, record: Service) -> dict[str, Any]:
        props = super()._props(record)
        props.pop("schedules", None)
        return props

    def _statements(
        self, changed: list[dict[str, Any]], provenance: Provenance | None, **kw: Any
    ) -> list[Statement]:
        by_service = {r["id"]: r["record"].schedules for r in changed}
        owned = schedules.write_statements(by_service)
        new_ids = kw.get("new_ids") or frozenset()
        if new_ids:  # a new service has no schedules to replace
            drop = schedules.drop_statement([])[0]
            old = [i for i in by_service if i not in new_ids]
            owned = [(q, {"ids": old} if q == drop else p) for q, p in owned if q != drop or old]
        return super()._statements(changed, provenance, **kw) + owned

    def get_many_statements(self, ids: Sequence[str]) -> list[Statement]:
        return [*super().get_many_statements(ids), schedules.read_statement(ids)]

    def from_results(self, ids: Sequence[str], results: Sequence[list[dict[str, Any]]]) -> list[Service]:
        found = schedules.from_rows(results[-1])
        records = super().from_results(ids, results[:-1])
        return [replace(r, schedules=found[r.id]) if r.id in found else r for r in records]

    def _hydrate(self, props_list: list[dict[str, Any]]) -> list[Service]:
        if not props_list:
            return []
        ids = [p["id"] for p in props_list]
        results = self.store.read_all(self.get_many_statements(ids)[1:])
        return self.from_results(ids, [[{"n": p} for p in props_list], *results])

    def delete(self, id: str) -> bool:
        self.store.write_all([schedules.drop_statement([id])])
        return super().delete(id)

    def without_themes(self) -> list[dict[str, str]]:
        """Services that carry none of our themes: their themes are derived from text (suggestions)."""
        return self.store.read(self._q_without_themes)

    def set_suggested_themes(self, suggestions: dict[str, Sequence[str]]) -> int:
        """Replace the derived theme suggestions of these services (one unit of work)."""
        pairs = [{"id": sid, "theme": t} for sid, themes in suggestions.items() for t in themes]
        statements = [(self._q_drop_suggested, {"ids": list(suggestions)})]
        if pairs:
            statements.append((self._q_add_suggested, {"pairs": pairs}))
        self.store.write_all(statements)
        return len(pairs)


class LocationRepository(NodeRepository[Location]):
    label = "Location"
    model = Location
    rels = (
        Rel("organization_id", "HAS_LOCATION", "Organisation", incoming=True),
        Rel("kern", "IN", "Kern"),
    )

    def _db_props(self, props: dict[str, Any]) -> dict[str, Any]:
        props = super()._db_props(props)
        # The point is derived: the lat/lon floats stay the truth (FalkorDB stores points as float32).
        props["point"] = None
        return props

    _q_points = (
        "UNWIND $rows AS r MATCH (n:Location {id: r.id}) "
        "SET n.point = point({latitude: r.lat, longitude: r.lon})"
    )

    def _statements(
        self, changed: list[dict[str, Any]], provenance: Provenance | None, **kw: Any
    ) -> list[Statement]:
        statements = super()._statements(changed, provenance, **kw)
        rows = [
            {"id": r["id"], "lat": r["record"].latitude, "lon": r["record"].longitude}
            for r in changed
            if r["record"].latitude is not None and r["record"].longitude is not None
        ]
        if rows:  # after the nodes exist
            statements.append((self._q_points, {"rows": rows}))
        return statements

    def _from_props(self, props: dict[str, Any], rels: dict[str, list[dict[str, Any]]]) -> Location:
        props = {k: v for k, v in props.items() if k != "point"}
        return super()._from_props(props, rels)

    _q_near = (
        "MATCH (l:Location) WHERE l.point IS NOT NULL "
        "WITH l, {distance}(l.point, point({latitude: $lat, longitude: $lon})) AS d "
        "WHERE d <= $metres RETURN l.id AS id, d ORDER BY d, id LIMIT $limit"
    )

    def near(self, lat: float, lon: float, km: float, limit: int = 100) -> list[tuple[str, float]]:
        """Location ids within `km` of a point, nearest first, with their distance in km."""
        rows = self.store.read(
            self.store.dialect.q(self._q_near), {"lat": lat, "lon": lon, "metres": km * 1000, "limit": limit}
        )
        return [(r["id"], r["d"] / 1000) for r in rows]


class PhoneRepository(NodeRepository[Phone]):
    label = "Phone"
    model = Phone
    rels = (
        Rel("service_id", "HAS_PHONE", "Service", incoming=True),
        Rel("organization_id", "HAS_PHONE", "Organisation", incoming=True),
        Rel("location_id", "HAS_PHONE", "Location", incoming=True),
    )

    _q_for_services = "MATCH (s:Service)-[:HAS_PHONE]->(p:Phone) WHERE s.id IN $ids RETURN s.id AS sid, p.id AS id ORDER BY p.id"

    def for_services(self, service_ids: Sequence[str]) -> dict[str, list[Phone]]:
        rows = self.store.read(self._q_for_services, {"ids": list(service_ids)})
        phones = {p.id: p for p in self.get_many([r["id"] for r in rows])}
        out: dict[str, list[Phone]] = {}
        for r in rows:
            out.setdefault(r["sid"], []).append(phones[r["id"]])
        return out


class ThemeRepository(NodeRepository[Theme]):
    label = "Theme"
    model = Theme
    rels = (Rel("parents", "BROADER", "Theme"),)

    # Themes reference each other: create all nodes before linking, whatever the batch order.
    batch_size = 10_000


class DoelgroepRepository(NodeRepository[Doelgroep]):
    label = "Doelgroep"
    model = Doelgroep


class KernRepository(NodeRepository[Kern]):
    label = "Kern"
    model = Kern


class NetwerkRepository(NodeRepository[Netwerk]):
    label = "Netwerk"
    model = Netwerk
    rels = (
        Rel(
            "members",
            "MEMBER_OF",
            "Organisation",
            incoming=True,
            props=("rol", "status"),
            key="organisation_id",
        ),
    )

    def _rel_item(self, rel: Rel, found: dict[str, Any]) -> Member:
        props = found.get("props") or {}
        return Member(organisation_id=found["to"], rol=props.get("rol"), status=props.get("status"))
