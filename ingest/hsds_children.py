"""Every HSDS row that is not a record of the kaart (addresses, schedules, contacts, languages, attributes,
service areas, cost options, funding, metadata, …) given to the record it belongs to, so `kaart export hsds`
writes it back (docs/adr/0010-hsds-round-trip.md); a row of a rejected record is skipped, a row of no record
kept as an orphan. Split out of `ingest/hsds.py`.
"""

from __future__ import annotations

from ingest.hsds_spec import singular
from ingest.writer import Mapped


def assign_children(data, report, owner, own, out: Mapped, sal_rows, address_rows, attribute_rows) -> None:
    """Give every other HSDS row to the record it belongs to (kept for export), or keep it as an orphan."""

    def lookup(table: str, rid: str | None) -> tuple[str, str] | None | bool:
        """The record key owning row (table, rid); None: it belongs to a rejected record; False: unknown."""
        if not rid:
            return False
        if (table, rid) in owner:
            return owner[(table, rid)]
        return False

    def place(table: str, n: int, r: dict[str, str], candidates: list[tuple[str, str | None]]) -> None:
        rejected = False
        for t, rid in candidates:
            found = lookup(t, rid)
            if found:
                own(found, table, r)
                return
            if found is None:
                rejected = True
        if rejected:
            report.warn(data.file(table), n, r.get("id"), "hoort bij een afgewezen record; overgeslagen")
            owner[(table, r["id"])] = None
            return
        out.orphans.append((table, r))
        owner[(table, r["id"])] = False  # type: ignore[assignment]
        report.warn(
            data.file(table), n, r.get("id"), "hoort bij geen record in het pakket; bewaard voor export"
        )

    for n, r in sal_rows:
        place("service_at_location", n, r, [("services", r.get("service_id"))])
    for n, r in address_rows:
        place("addresses", n, r, [("locations", r.get("location_id"))])
    order = (
        ("accessibility", ("location_id",)),
        ("service_areas", ("service_id",)),
        ("cost_options", ("service_id",)),
        ("required_documents", ("service_id",)),
        ("funding", ("service_id", "organization_id")),
        ("programs", ("organization_id",)),
        ("organization_identifiers", ("organization_id",)),
        ("contacts", ("service_id", "service_at_location_id", "location_id", "organization_id")),
        ("schedules", ("service_id", "service_at_location_id", "location_id")),
        ("languages", ("service_id", "location_id", "phone_id")),
    )
    fk_table = {
        "service_id": "services",
        "location_id": "locations",
        "organization_id": "organizations",
        "service_at_location_id": "service_at_location",
        "phone_id": "phones",
    }
    for table, fks in order:
        rows = [(n, r) for n, r in data.rows(table)]
        seen: set[str] = set()
        for n, r in rows:
            if not r.get("id"):
                report.reject(data.file(table), n, None, "id ontbreekt")
                continue
            if r["id"] in seen:
                report.reject(data.file(table), n, r["id"], "dubbel id")
                continue
            seen.add(r["id"])
            place(table, n, r, [(fk_table[fk], r.get(fk)) for fk in fks])
    plural = {v: k for k, v in singular().items()}
    for n, r in attribute_rows:
        entity = plural.get((r.get("link_entity") or "").lower(), "")
        place("attributes", n, r, [(entity, r.get("link_id"))])
    for table, link, kind in (("metadata", "resource_id", "resource_type"),):
        seen = set()
        for n, r in data.rows(table):
            if not r.get("id") or r["id"] in seen:
                report.reject(
                    data.file(table), n, r.get("id"), "id ontbreekt" if not r.get("id") else "dubbel id"
                )
                continue
            seen.add(r["id"])
            entity = plural.get((r.get(kind) or "").lower(), "")
            place(table, n, r, [(entity, r.get(link))])
    for n, r in data.rows("meta_table_descriptions"):
        if r.get("id"):
            out.orphans.append(("meta_table_descriptions", r))
        else:
            report.reject(data.file("meta_table_descriptions"), n, None, "id ontbreekt")
