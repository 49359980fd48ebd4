"""The HSDS API's projection of the one HSDS mapping: the rows `kaart export hsds --public` writes for some
records (ingest/hsds_render.py + ingest/hsds_profile.py, UUID ids) nested into HSDS JSON objects, and the
lookup from an id a consumer sends (a UUID, or our readable id as an alias) to our readable id.

Nothing here maps a record field to HSDS by hand: a field the export writes is served, one it leaves out is not.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from graph.hsds_store import HsdsStore
from graph.models import Service
from graph.repositories import OrganisationRepository, ServiceRepository
from graph.store import GraphStore
from graph.views import Views
from ingest.hsds_profile import Tables, hsds_id, is_uuid, publishable, typed
from ingest.hsds_render import render_records, render_terms

# child table -> the key it has in its parent's object, per parent table (HSDS JSON, as hsds_read.NESTED)
CHILDREN: dict[str, tuple[tuple[str, str, str], ...]] = {
    "services": (
        ("phones", "phones", "service_id"),
        ("schedules", "schedules", "service_id"),
        ("service_areas", "service_areas", "service_id"),
        ("languages", "languages", "service_id"),
        ("funding", "funding", "service_id"),
        ("cost_options", "cost_options", "service_id"),
        ("required_documents", "required_documents", "service_id"),
        ("contacts", "contacts", "service_id"),
    ),
    "organizations": (
        ("phones", "phones", "organization_id"),
        ("contacts", "contacts", "organization_id"),
        ("funding", "funding", "organization_id"),
        ("programs", "programs", "organization_id"),
        ("organization_identifiers", "organization_identifiers", "organization_id"),
    ),
    "locations": (
        ("addresses", "addresses", "location_id"),
        ("phones", "phones", "location_id"),
        ("schedules", "schedules", "location_id"),
        ("languages", "languages", "location_id"),
        ("accessibility", "accessibility", "location_id"),
        ("contacts", "contacts", "location_id"),
    ),
    "service_at_location": (
        ("phones", "phones", "service_at_location_id"),
        ("schedules", "schedules", "service_at_location_id"),
        ("contacts", "contacts", "service_at_location_id"),
    ),
}
# A child row that belongs more specifically elsewhere is nested there only (a location's phone under the
# location, not also under the service it names).
_MORE_SPECIFIC = {
    "services": ("location_id", "service_at_location_id"),
    "organizations": ("service_id", "location_id", "service_at_location_id"),
    "locations": ("service_id", "service_at_location_id"),
}


class Projection:
    """The public HSDS rows of some records, indexed for nesting."""

    def __init__(self, data: Tables) -> None:
        self.data = data
        self._by: dict[tuple[str, str], dict[str, list[dict[str, str]]]] = {}

    def rows(self, table: str) -> dict[str, dict[str, str]]:
        return self.data.get(table, {})

    def children(self, table: str, column: str, value: str) -> list[dict[str, str]]:
        key = (table, column)
        if key not in self._by:
            index: dict[str, list[dict[str, str]]] = defaultdict(list)
            for rid in sorted(self.rows(table)):
                row = self.rows(table)[rid]
                if row.get(column):
                    index[row[column]].append(row)
            self._by[key] = index
        return self._by[key].get(value, [])

    def attributes(self, link_id: str) -> list[dict[str, Any]]:
        out = []
        for row in self.children("attributes", "link_id", link_id):
            item = typed("attributes", row)
            term = self.rows("taxonomy_terms").get(row.get("taxonomy_term_id", ""))
            if term:
                item["taxonomy_term"] = typed("taxonomy_terms", term)
            out.append(item)
        return out

    def item(self, table: str, rid: str, *, nested: bool = True) -> dict[str, Any] | None:
        row = self.rows(table).get(rid)
        if row is None:
            return None
        item = typed(table, row)
        if not nested:
            return item
        for child, key, column in CHILDREN.get(table, ()):
            skip = _MORE_SPECIFIC.get(table, ())
            found = [
                self.item(child, r["id"], nested=child == "locations") or typed(child, r)
                for r in self.children(child, column, rid)
                if not any(r.get(c) for c in skip if c != column)
            ]
            if found:
                item[key] = found
        attrs = self.attributes(rid)
        if attrs:
            item["attributes"] = attrs
        return item

    def service(self, sid: str) -> dict[str, Any] | None:
        item = self.item("services", sid)
        if item is None:
            return None
        org = self.item("organizations", item.get("organization_id", ""), nested=False)
        if org:
            item["organization"] = org
        sals = [
            self.service_at_location(r["id"], with_service=False)
            for r in self.children("service_at_location", "service_id", sid)
        ]
        if sals:
            item["service_at_locations"] = [s for s in sals if s]
        return item

    def service_at_location(self, rid: str, *, with_service: bool = True) -> dict[str, Any] | None:
        item = self.item("service_at_location", rid)
        if item is None or item.get("location_id") not in self.rows("locations"):
            return None
        item["location"] = self.item("locations", item["location_id"])
        if with_service:
            item["service"] = self.item("services", item["service_id"], nested=False)
        return item


def project(
    store: GraphStore,
    *,
    services: Sequence[Service] = (),
    organisations: Sequence[str] = (),
) -> Projection:
    """The public rows of these services (with their organisations, locations and public phones) and these
    organisations, as `kaart export hsds --public` writes them."""
    views = Views(store)
    sids = [s.id for s in services]
    loc_ids = sorted({lid for s in services for lid in s.location_ids})
    org_ids = sorted({*organisations, *(s.organization_id for s in services)})
    phones = []
    for kind, ids in (("service", sids), ("organisation", org_ids), ("location", loc_ids)):
        for found in views.phones(kind, ids, professional=False).values():
            phones.extend(p.id for p in found)
    data, private = render_records(store, services=services, organisations=org_ids, phones=phones)
    return Projection(publishable(data, public=True, private=private, complete=False))


def terms(store: GraphStore) -> Projection:
    """The public taxonomies and terms (every term of our vocabulary and the imported ones)."""
    return Projection(publishable(render_terms(store), public=True, complete=False))


class Resolver:
    """A consumer's id -> our readable id. A readable id (or a publisher's UUID we kept) is itself; a UUID we
    made is looked up in a map per kind, extended when an id is not found — at most every few seconds per kind
    (a minute for service_at_location, which reads every service), so unknown ids cannot make the API rebuild
    it on every request. Entries are never wrong (uuid5 of the readable id), so the map is only ever added to.
    For `service_at_location` the map gives the readable id of the service the row belongs to."""

    INTERVAL = {"service_at_location": 60.0}

    def __init__(self, min_interval: float = 2.0) -> None:
        self._maps: dict[str, dict[str, str]] = {}
        self._built: dict[str, float] = {}
        self._lock = threading.Lock()
        self.min_interval = min_interval

    @staticmethod
    def _build(store: GraphStore, kind: str) -> dict[str, str]:
        if kind == "services":
            return {hsds_id(i): i for i in ServiceRepository(store).ids()}
        if kind == "organizations":
            return {hsds_id(i): i for i in OrganisationRepository(store).ids()}
        if kind in ("taxonomies", "taxonomy_terms"):
            return {hsds_id(i): i for i in render_terms(store).get(kind, {})}
        out = {}  # service_at_location: generated ids, then the rows services kept from an import
        repo, skip = ServiceRepository(store), 0
        while page := repo.all(skip=skip, limit=2000):
            for svc in page:
                out.update({hsds_id(f"sal-{svc.id}-{lid}"): svc.id for lid in svc.location_ids})
            skip += len(page)
        for sid, state in HsdsStore(store).iter_states("Service"):
            for row in ((state or {}).get("hsds") or {}).get("service_at_location", []):
                if row.get("id"):
                    out[hsds_id(row["id"])] = sid
        return out

    def readable(self, store: GraphStore, kind: str, value: str) -> str:
        if not is_uuid(value) and kind != "service_at_location":
            return value
        with self._lock:
            found = self._maps.get(kind, {}).get(value)
            interval = self.INTERVAL.get(kind, self.min_interval)
            if found is None and time.monotonic() - self._built.get(kind, -1e9) > interval:
                self._maps.setdefault(kind, {}).update(self._build(store, kind))
                self._built[kind] = time.monotonic()
                found = self._maps[kind].get(value)
            return found or value

    def forget(self) -> None:
        with self._lock:
            self._maps.clear()
            self._built.clear()


RESOLVER = Resolver()
