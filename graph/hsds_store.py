"""What the kaart keeps of imported HSDS beyond its own fields, so that export → import → export is exact.

Three places (see docs/adr/0010-hsds-round-trip.md):
- `import_state` on each Organisation/Service/Location/Phone/Netwerk node: JSON `{"fields": …, "hsds": …}`.
  `fields` are the record's fields as the last import mapped them (the *base*: the export writes a field from
  the stored HSDS row while the record still equals its base, and from the kaart once someone changed it;
  the importer compares a new import with it to see whether the source changed). `hsds` holds the HSDS rows
  the record owns, verbatim as strings: its own row plus children (addresses, schedules, contacts, languages,
  attributes of any taxonomy, service_at_location, service_areas, cost options, funding, …).
- `Taxonomy` and `TaxonomyTerm` nodes: every imported taxonomy and term row (all taxonomies, not only ours).
- `HsdsRecord` nodes: imported rows that belong to no record of the kaart (a metadata row about an unknown
  resource, meta_table_descriptions, a contact of an organisation that is not in the package…).
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterator, Sequence
from typing import Any

from graph.dialect import ident
from graph.repositories import content_hash
from graph.store import GraphStore, Statement

STATE_LABELS = ("Organisation", "Service", "Location", "Phone", "Netwerk")


def _state_queries(label: str) -> tuple[str, str, str, str]:
    label = ident(label)
    # `imported_from` repeats the Source id: on Netwerk the `source` property is the model's own field (bron).
    write = (
        f"UNWIND $rows AS r MATCH (n:{label} {{id: r.id}}) "
        "SET n.import_state = r.state, n.source_record_id = r.srid, n.imported_from = r.src, n.imported_at = r.at"
    )
    read = f"MATCH (n:{label}) WHERE n.id IN $ids RETURN n.id AS id, n.import_state AS s"
    page = f"MATCH (n:{label}) RETURN n.id AS id, n.import_state AS s ORDER BY id SKIP $skip LIMIT $limit"
    prov = (
        f"MATCH (n:{label} {{id: $id}}) RETURN n.imported_from AS source, n.source_record_id AS source_record_id, "
        "n.imported_at AS imported_at, n.hash AS hash, n.version AS version"
    )
    return write, read, page, prov


_STATE = {label: _state_queries(label) for label in STATE_LABELS}


def encode_state(fields: dict[str, Any], hsds: dict[str, list[dict[str, str]]] | None) -> str:
    """`import_state` as stored: zlib-compressed JSON in base64 behind a `z:` prefix (a third of the size,
    which is what the import's speed depends on); `decode_state` also reads plain JSON."""
    blob = json.dumps(
        {"fields": {k: v for k, v in fields.items() if v is not None}, "hsds": hsds or {}},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return "z:" + base64.b64encode(zlib.compress(blob.encode(), 1)).decode("ascii")


def decode_state(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    if text.startswith("z:"):
        text = zlib.decompress(base64.b64decode(text[2:])).decode()
    return json.loads(text)


class HsdsStore:
    _q_tax_hashes = "MATCH (t:Taxonomy) WHERE t.id IN $ids RETURN t.id AS id, t.hash AS hash"
    _q_term_hashes = "MATCH (t:TaxonomyTerm) WHERE t.id IN $ids RETURN t.id AS id, t.hash AS hash"
    _q_rec_hashes = "MATCH (t:HsdsRecord) WHERE t.id IN $ids RETURN t.id AS id, t.hash AS hash"
    _q_tax_write = "UNWIND $rows AS r MERGE (t:Taxonomy {id: r.id}) SET t += r.props"
    _q_term_write = "UNWIND $rows AS r MERGE (t:TaxonomyTerm {id: r.id}) SET t += r.props"
    _q_rec_write = "UNWIND $rows AS r MERGE (t:HsdsRecord {id: r.id}) SET t += r.props"
    _q_taxonomies = "MATCH (t:Taxonomy) RETURN t.id AS id, t.name AS name, t.hsds AS row ORDER BY id"
    _q_terms = (
        "MATCH (t:TaxonomyTerm) RETURN t.id AS id, t.taxonomy_id AS taxonomy_id, t.code AS code, "
        "t.hsds AS row ORDER BY id"
    )
    _q_records = "MATCH (t:HsdsRecord) RETURN t.table AS table, t.hsds AS row ORDER BY t.id"

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    # -- import_state on records ---------------------------------------------------------------------

    def state_statement(self, label: str, rows: Sequence[dict[str, Any]]) -> Statement:
        """rows: {"id", "state" (encode_state), "srid" (source record id), "src" (Source id), "at" (import time)}."""
        return (_STATE[label][0], {"rows": list(rows)})

    def provenance(self, label: str, id: str) -> dict[str, Any] | None:
        """Provenance of one imported record: source (the Source id), source_record_id, imported_at, hash, version."""
        rows = self.store.read(_STATE[label][3], {"id": id})
        return rows[0] if rows else None

    def states(self, label: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        if not ids:
            return {}
        rows = self.store.read(_STATE[label][1], {"ids": list(ids)})
        return {r["id"]: decode_state(r["s"]) for r in rows if r["s"]}

    def iter_states(self, label: str, page: int = 5000) -> Iterator[tuple[str, dict[str, Any] | None]]:
        skip = 0
        while True:
            rows = self.store.read(_STATE[label][2], {"skip": skip, "limit": page})
            for r in rows:
                yield r["id"], decode_state(r["s"])
            if len(rows) < page:
                return
            skip += page

    # -- taxonomies, terms and rows without a record ---------------------------------------------------

    def _changed(self, query: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        stored = (
            {r["id"]: r["hash"] for r in self.store.read(query, {"ids": [r["id"] for r in rows]})}
            if rows
            else {}
        )
        return [r for r in rows if stored.get(r["id"]) != r["props"]["hash"]]

    def statements(
        self,
        taxonomies: Sequence[dict[str, str]],
        terms: Sequence[dict[str, str]],
        records: Sequence[tuple[str, dict[str, str]]],
        *,
        source: str,
        imported_at: str,
    ) -> tuple[list[Statement], dict[str, int]]:
        """Statements writing the given HSDS rows (only those that changed) and how many of each changed."""

        def prepare(row: dict[str, str], **extra: Any) -> dict[str, Any]:
            blob = json.dumps(row, ensure_ascii=False, sort_keys=True)
            props = {
                "hsds": blob,
                "hash": content_hash({"row": row}),
                "source": source,
                "imported_at": imported_at,
            }
            props.update(extra)
            return {"id": row["id"], "props": props}

        tax = [prepare(r, name=r.get("name")) for r in taxonomies]
        trm = [prepare(r, taxonomy_id=r.get("taxonomy_id"), code=r.get("code")) for r in terms]
        rec = []
        for table, row in records:
            item = prepare(row, table=table, hsds_id=row["id"])
            item["id"] = f"{table}/{row['id']}"
            rec.append(item)
        out: list[Statement] = []
        counts = {}
        for name, query, hashes, rows in (
            ("taxonomies", self._q_tax_write, self._q_tax_hashes, tax),
            ("taxonomy_terms", self._q_term_write, self._q_term_hashes, trm),
            ("hsds_records", self._q_rec_write, self._q_rec_hashes, rec),
        ):
            changed = self._changed(hashes, rows)
            counts[name] = len(changed)
            if changed:
                out.append((query, {"rows": changed}))
        return out, counts

    def taxonomy_rows(self) -> list[dict[str, str]]:
        return [json.loads(r["row"]) for r in self.store.read(self._q_taxonomies) if r["row"]]

    def term_rows(self) -> list[dict[str, str]]:
        return [json.loads(r["row"]) for r in self.store.read(self._q_terms) if r["row"]]

    def record_rows(self) -> list[tuple[str, dict[str, str]]]:
        return [(r["table"], json.loads(r["row"])) for r in self.store.read(self._q_records) if r["row"]]

    def rows_for(self, label: str, ids: Sequence[str], table: str) -> dict[str, list[dict[str, str]]]:
        """The stored HSDS rows of one table owned by these records, e.g. the `schedules` or `contacts` of
        services (for the HSDS API and the detail pages)."""
        return {
            rid: (state.get("hsds") or {}).get(table, []) for rid, state in self.states(label, ids).items()
        }

    def recently_imported(self, label: str, limit: int = 100) -> list[tuple[str, str]]:
        """(id, imported_at) of the records of this label imported most recently (for the open-data feed)."""
        query = (
            f"MATCH (n:{ident(label)}) WHERE n.imported_at IS NOT NULL "
            "RETURN n.id AS id, n.imported_at AS at ORDER BY at DESC, id LIMIT $limit"
        )
        return [(r["id"], r["at"]) for r in self.store.read(query, {"limit": limit})]

    # A public phone or a location imported (created or changed) counts as a change of the service or
    # organisation it belongs to; a professional-only phone never does (the feed must not even hint at it).
    # Schedules are part of the Service record: a changed schedule already stamps the service.
    _PART_QUERIES = (
        "MATCH (o:{owner})-[:HAS_PHONE]->(p:Phone) WHERE p.imported_at IS NOT NULL "
        "AND (p.professional_only IS NULL OR p.professional_only = false) "
        "RETURN o.id AS id, p.imported_at AS at ORDER BY at DESC, id LIMIT $limit",
        "MATCH (o:{owner})-[:{rel}]->(l:Location) WHERE l.imported_at IS NOT NULL "
        "RETURN o.id AS id, l.imported_at AS at ORDER BY at DESC, id LIMIT $limit",
    )

    def recently_changed_parts(self, owner: str, limit: int = 100) -> list[tuple[str, str]]:
        """(id, imported_at) of services or organisations (`owner`) whose public phone or location was
        imported most recently: a changed phone number or address is a change the feed shows."""
        rel = {"Service": "AT", "Organisation": "HAS_LOCATION"}[owner]
        out: list[tuple[str, str]] = []
        for template in self._PART_QUERIES:
            query = template.replace("{owner}", ident(owner)).replace("{rel}", rel)
            out += [(r["id"], r["at"]) for r in self.store.read(query, {"limit": limit})]
        return out
