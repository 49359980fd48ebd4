"""Temporary status of a dienst or organisation (ontology/statuses.yaml, docs/adr/0082-temporary-status.md):
"tijdelijk gesloten", "geen nieuwe aanmeldingen", "verhuisd", an own message, and for professionals only
"bestaat, maar nu niet doorverwijzen" with a reason.

One `TemporaryStatus` node per record, `(record)-[:HAS_STATUS]->(status)`, apart from the record itself: the
record's HSDS fields, content hash and imports stay as they are, and a professional-only reason never sits on a
node that public pages read. A status holds from its start date through its end date; whether it holds is
computed when it is read, against today in Europe/Amsterdam (no cron job). Setting or clearing one writes the
status and a `Change` (field `tijdelijke_status`) in one unit, so it is in the history like every edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from graph.dialect import ident
from graph.proposals import ChangeRepository, new_change
from graph.store import GraphStore

STATUS_FIELD = "tijdelijke_status"  # Change.field of a status set or cleared
ENTITIES = ("Service", "Organisation")


def today_local() -> date:
    """Today in Europe/Amsterdam: a status ends at midnight there, whatever the server's time zone."""
    try:
        from zoneinfo import ZoneInfo

        return datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    except Exception:  # noqa: BLE001 - no tz database: the server's own date
        return date.today()


@dataclass(frozen=True)
class TemporaryStatus:
    entity: str  # Service | Organisation
    entity_id: str
    kind: str  # an id of ontology/statuses.yaml
    text: str = ""  # short B1 text; for "niet doorverwijzen" the reason (professional-only)
    start: str | None = None  # ISO date; None: from now
    end: str | None = None  # ISO date, inclusive; after it the status is gone
    set_at: str = ""
    set_by_role: str = ""  # the role of who set it (professional, coordinator), never a name

    def holds(self, today: date) -> bool:
        """True from the start date through the end date (both inclusive)."""
        day = today.isoformat()
        return (not self.start or self.start <= day) and (not self.end or day <= self.end)

    def upcoming(self, today: date) -> bool:
        return bool(self.start) and today.isoformat() < (self.start or "")

    def as_change(self) -> dict[str, Any]:
        return {"soort": self.kind, "tekst": self.text, "vanaf": self.start, "tot en met": self.end}


def _status(props: dict[str, Any]) -> TemporaryStatus:
    return TemporaryStatus(
        entity=props.get("entity") or "",
        entity_id=props.get("entity_id") or "",
        kind=props.get("kind") or "",
        text=props.get("text") or "",
        start=props.get("start"),
        end=props.get("end"),
        set_at=props.get("set_at") or "",
        set_by_role=props.get("set_by_role") or "",
    )


def _check(entity: str) -> str:
    if entity not in ENTITIES:
        raise ValueError(f"geen status voor {entity!r}")
    return ident(entity)


class StatusRepository:
    """Reads and writes of temporary statuses. Every value is a parameter; labels come from ENTITIES only."""

    _q_all = (
        "MATCH (n)-[:HAS_STATUS]->(t:TemporaryStatus) "
        "OPTIONAL MATCH (n)-[:PROVIDES]->(s:Service) "
        "RETURN properties(t) AS t, collect(s.id) AS services"
    )

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def get(self, entity: str, id: str) -> TemporaryStatus | None:
        found = self.for_ids(entity, [id])
        return found.get(id)

    def for_ids(self, entity: str, ids: list[str]) -> dict[str, TemporaryStatus]:
        """The status of each of these records that has one (whether it holds today or not)."""
        if not ids:
            return {}
        label = _check(entity)
        rows = self.store.read(
            f"MATCH (n:{label})-[:HAS_STATUS]->(t:TemporaryStatus) WHERE n.id IN $ids RETURN properties(t) AS t",
            {"ids": list(ids)},
        )
        return {r["t"]["entity_id"]: _status(r["t"]) for r in rows}

    def all(self) -> list[tuple[TemporaryStatus, tuple[str, ...]]]:
        """Every status with, for an organisation, the ids of its diensten (whose status it is too). Few rows:
        only records that have a status; read by the matcher and the HSDS export."""
        return [(_status(r["t"]), tuple(r["services"] or ())) for r in self.store.read(self._q_all)]

    def overview(self) -> list[tuple[TemporaryStatus, str]]:
        """Every status with the name of its record, ending soonest first (the beheer overview)."""
        rows = self.store.read(
            "MATCH (n)-[:HAS_STATUS]->(t:TemporaryStatus) RETURN properties(t) AS t, n.name AS name "
            "ORDER BY t.end, t.id"
        )
        return [(_status(r["t"]), r["name"] or r["t"].get("entity_id") or "") for r in rows]

    def set(self, status: TemporaryStatus, who: str) -> None:
        """Set (or replace) the status of a record, with its Change, in one unit. KeyError: no such record."""
        label = _check(status.entity)
        before = self.get(status.entity, status.entity_id)
        exists = self.store.read(f"MATCH (n:{label} {{id: $id}}) RETURN n.id AS id", {"id": status.entity_id})
        if not exists:
            raise KeyError(status.entity_id)
        props = {
            "id": f"{status.entity}:{status.entity_id}",
            "entity": status.entity,
            "entity_id": status.entity_id,
            "kind": status.kind,
            "text": status.text,
            "start": status.start,
            "end": status.end,
            "set_at": status.set_at,
            "set_by_role": status.set_by_role,
        }
        change = new_change(
            status.entity,
            status.entity_id,
            STATUS_FIELD,
            before.as_change() if before else None,
            status.as_change(),
            who=who,
            source="edit",
        )
        self.store.write_all(
            [
                (
                    f"MATCH (n:{label} {{id: $id}}) OPTIONAL MATCH (n)-[:HAS_STATUS]->(old:TemporaryStatus) "
                    "DETACH DELETE old",
                    {"id": status.entity_id},
                ),
                (
                    f"MATCH (n:{label} {{id: $id}}) CREATE (n)-[:HAS_STATUS]->(t:TemporaryStatus) SET t = $props",
                    {"id": status.entity_id, "props": props},
                ),
                ChangeRepository(self.store).add_statement([change]),
            ]
        )

    def clear(self, entity: str, id: str, who: str) -> bool:
        """Remove the status of a record (with its Change); False when it had none."""
        label = _check(entity)
        before = self.get(entity, id)
        if before is None:
            return False
        change = new_change(entity, id, STATUS_FIELD, before.as_change(), None, who=who, source="edit")
        self.store.write_all(
            [
                (
                    f"MATCH (n:{label} {{id: $id}})-[:HAS_STATUS]->(t:TemporaryStatus) DETACH DELETE t",
                    {"id": id},
                ),
                ChangeRepository(self.store).add_statement([change]),
            ]
        )
        return True


@dataclass(frozen=True)
class StatusBoard:
    """The statuses that hold today, per service (its own first, then its organisation's), for pages, the
    matcher and the export. Built from `StatusRepository.all()` in one read."""

    by_service: dict[str, tuple[TemporaryStatus, ...]]
    by_organisation: dict[str, TemporaryStatus]

    @classmethod
    def load(cls, store: GraphStore, today: date | None = None) -> StatusBoard:
        return cls.build(StatusRepository(store).all(), today or today_local())

    @classmethod
    def build(cls, rows: list[tuple[TemporaryStatus, tuple[str, ...]]], today: date) -> StatusBoard:
        own: dict[str, TemporaryStatus] = {}
        inherited: dict[str, TemporaryStatus] = {}
        orgs: dict[str, TemporaryStatus] = {}
        for status, services in rows:
            if not status.holds(today):
                continue
            if status.entity == "Service":
                own[status.entity_id] = status
            else:
                orgs[status.entity_id] = status
                for sid in services:
                    inherited[sid] = status
        by_service = {
            sid: tuple(s for s in (own.get(sid), inherited.get(sid)) if s is not None)
            for sid in set(own) | set(inherited)
        }
        return cls(by_service, orgs)

    def for_service(self, service_id: str, public_kinds: set[str] | None = None) -> TemporaryStatus | None:
        """The status shown for a service: its own, else its organisation's; with `public_kinds`, only those."""
        for status in self.by_service.get(service_id, ()):
            if public_kinds is None or status.kind in public_kinds:
                return status
        return None

    def kinds_of(self, service_id: str) -> set[str]:
        return {s.kind for s in self.by_service.get(service_id, ())}
