"""Sources: one `Source` node per source the kaart imports from (an HSDS package, a spreadsheet, the LRK, DUO,
a networks file, a policy document), with what it is, whether it is trusted and how its last import went.

Every record an importer writes carries `source` (= the Source id), `source_record_id`, `imported_at` and
`hash` (see graph/repositories.py `meta`); the Source node is the place to ask "what came from where, when".
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.repositories import NodeRepository
from graph.store import GraphStore


@dataclass(frozen=True)
class Source:
    id: str  # "hsds:aalten", "csv:sociale-kaart.xlsx", "lrk", "duo:po", "netwerken:vat.yaml", "document:…"
    kind: str  # hsds | csv | xlsx | lrk | duo | netwerken | document | dedupe
    name: str
    trusted: bool = False  # may overwrite fields a coördinator edited (else: a Proposal)
    url: str | None = None  # where the full data comes from
    last_path: str | None = None
    last_import_at: str | None = None
    last_counts: str | None = None  # JSON of the last import's summary
    imports: int = 0

    def counts(self) -> dict[str, Any]:
        return json.loads(self.last_counts) if self.last_counts else {}


class SourceRepository(NodeRepository[Source]):
    label = "Source"
    model = Source

    _q_record_counts = (
        "MATCH (n) WHERE n.imported_from = $id AND (n:Organisation OR n:Service OR n:Location OR n:Phone OR n:Netwerk) "
        "RETURN count(n) AS c"
    )

    def record_run(self, source: Source, *, path: str | None, at: str, counts: dict[str, Any]) -> Source:
        """Remember an import run (counts as JSON) on the Source node; returns the stored Source."""
        previous = self.get(source.id)
        stored = Source(
            id=source.id,
            kind=source.kind,
            name=source.name,
            trusted=source.trusted,
            url=source.url,
            last_path=path,
            last_import_at=at,
            last_counts=json.dumps(counts, sort_keys=True, ensure_ascii=False),
            imports=(previous.imports if previous else 0) + 1,
        )
        self.upsert([stored])
        return stored

    def record_count(self, source_id: str) -> int:
        """How many records of the kaart were last written by this source."""
        return self.store.read(self._q_record_counts, {"id": source_id})[0]["c"]


_Q_ORG_PRINTS = (
    "MATCH (o:Organisation) WHERE o.id IN $ids OR ($source IS NOT NULL AND coalesce(o.imported_from, o.source, '') <> $source) "
    "OPTIONAL MATCH (o)-[:HAS_LOCATION]->(l:Location) "
    "WITH o, collect(l.postal_code) AS pcs, collect(l.address_1) AS addrs "
    "RETURN o.id AS id, o.name AS name, o.alternate_name AS alt, o.website AS website, "
    "coalesce(o.imported_from, o.source) AS source, pcs, addrs"
)
_Q_OTHER_SOURCES = (
    "MATCH (o:Organisation) WHERE coalesce(o.imported_from, o.source, '') <> $source RETURN count(o) AS c"
)
_Q_ORG_SERVICE_PLACES = (
    "MATCH (o:Organisation)-[:PROVIDES]->(:Service)-[:AT]->(l:Location) WHERE o.id IN $ids "
    "RETURN o.id AS id, collect(DISTINCT l.postal_code) AS pcs, collect(DISTINCT l.address_1) AS addrs"
)


def organisation_fingerprints(
    store: GraphStore, ids: Sequence[str] = (), *, other_than: str | None = None
) -> list[dict[str, Any]]:
    """Per organisation what duplicate detection compares: names, website, source, postcodes and addresses of
    its own locations and of the locations of its services. For `ids`, plus (with `other_than`) every
    organisation that did not come from that source (nothing at all when there are none: no candidates)."""
    if other_than is not None and not store.read(_Q_OTHER_SOURCES, {"source": other_than})[0]["c"]:
        return []
    rows = {r["id"]: dict(r) for r in store.read(_Q_ORG_PRINTS, {"ids": list(ids), "source": other_than})}
    for r in store.read(_Q_ORG_SERVICE_PLACES, {"ids": list(rows)}):
        if r["id"] in rows:
            rows[r["id"]]["pcs"] = list(rows[r["id"]]["pcs"] or []) + list(r["pcs"] or [])
            rows[r["id"]]["addrs"] = list(rows[r["id"]]["addrs"] or []) + list(r["addrs"] or [])
    for r in rows.values():
        r["pcs"] = sorted({p for p in r.get("pcs") or [] if p})
        r["addrs"] = sorted({a for a in r.get("addrs") or [] if a})
    return list(rows.values())
