"""Verification: which active services are stale or lack contact or bereikbaarheid (the verification
dashboard), and setting the last-verified date (`assured_date`) of services with a `Change` each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.changes import bump_statement, tracked_refs
from graph.proposals import ChangeRepository, new_change
from graph.store import GraphStore, Statement


@dataclass(frozen=True)
class ServiceCheck:
    """One active service with what the verification dashboard looks at."""

    id: str
    name: str
    organization_id: str
    organization_name: str
    organization_email: str | None
    assured_date: str | None
    phones: int  # public or professional-only, on the service, its organisation or its locations
    emails: int  # e-mail addresses on the service or its organisation
    websites: int
    opening_hours: str | None
    schedules: int
    available_24_7: bool

    @property
    def has_contact(self) -> bool:
        return bool(self.phones or self.emails or self.websites)

    @property
    def has_bereikbaarheid(self) -> bool:
        return bool(self.opening_hours or self.schedules or self.available_24_7)

    def stale(self, cutoff: str) -> bool:
        """Never verified, or verified before `cutoff` (ISO date)."""
        return not self.assured_date or str(self.assured_date)[:10] < cutoff


_Q_CHECKS = (
    "MATCH (o:Organisation)-[:PROVIDES]->(s:Service) WHERE s.status IN $statuses "
    "AND coalesce(o.status, 'active') <> 'archived' "
    "OPTIONAL MATCH (s)-[:HAS_PHONE]->(p1:Phone) WITH o, s, count(DISTINCT p1) AS n1 "
    "OPTIONAL MATCH (o)-[:HAS_PHONE]->(p2:Phone) WITH o, s, n1, count(DISTINCT p2) AS n2 "
    "OPTIONAL MATCH (s)-[:AT]->(:Location)-[:HAS_PHONE]->(p3:Phone) WITH o, s, n1, n2, count(DISTINCT p3) AS n3 "
    "WITH o, s, n1 + n2 + n3 AS phones "
    "OPTIONAL MATCH (s)-[:HAS_SCHEDULE]->(x:Schedule) WITH o, s, phones, count(DISTINCT x) AS schedules "
    "RETURN s.id AS id, s.name AS name, o.id AS org, o.name AS org_name, o.email AS org_email, "
    "s.assured_date AS assured, s.email AS email, s.url AS url, o.website AS website, "
    "s.opening_hours AS hours, s.available_24_7 AS h24, phones, schedules "
    "ORDER BY org_name, name, id"
)


def service_checks(
    store: GraphStore, statuses: Sequence[str] = ("active", "temporarily closed")
) -> list[ServiceCheck]:
    out = []
    for r in store.read(_Q_CHECKS, {"statuses": list(statuses)}):
        out.append(
            ServiceCheck(
                id=r["id"],
                name=r["name"] or r["id"],
                organization_id=r["org"],
                organization_name=r["org_name"] or r["org"],
                organization_email=r["org_email"],
                assured_date=r["assured"],
                phones=int(r["phones"] or 0),
                emails=int(bool(r["email"])) + int(bool(r["org_email"])),
                websites=int(bool(r["url"])) + int(bool(r["website"])),
                opening_hours=r["hours"],
                schedules=int(r["schedules"] or 0),
                available_24_7=bool(r["h24"]),
            )
        )
    return out


_Q_CONFIRM = (
    "UNWIND $rows AS r MATCH (s:Service {id: r.id}) "
    "SET s.assured_date = $day, s.version = coalesce(s.version, 0) + 1"
)
_Q_ASSURED = "MATCH (s:Service) WHERE s.id IN $ids RETURN s.id AS id, s.assured_date AS d"


def confirm_services(
    store: GraphStore, service_ids: Sequence[str], who: str, day: str, *, ref: str | None = None
) -> int:
    """Set the last-verified date of these services to `day`, with a `Change` each, in one unit. Only that
    one field is written (no other field can be lost); the version is bumped so open edit forms notice."""
    ids = list(dict.fromkeys(service_ids))
    if not ids:
        return 0
    before = {r["id"]: r["d"] for r in store.read(_Q_ASSURED, {"ids": ids})}
    ids = [i for i in ids if i in before]
    changes = [
        new_change("Service", i, "assured_date", before[i], day, who=who, source="edit", ref=ref)
        for i in ids
        if before[i] != day
    ]
    statements: list[Statement] = [(_Q_CONFIRM, {"rows": [{"id": i} for i in ids], "day": day})]
    if changes:
        statements.append(ChangeRepository(store).add_statement(changes))
        # The date ranks the service (freshness): every worker re-reads it, as after any other edit.
        statements.append(bump_statement(tracked_refs("Service", [i for i in ids if before[i] != day])))
    store.write_all(statements)
    return len(ids)
