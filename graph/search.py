"""Reads for the matcher and its derived index: what each service is found by and ranked on."""

from __future__ import annotations

from typing import Any

from graph.store import GraphStore

_ALL = "MATCH (o:Organisation)-[:PROVIDES]->(s:Service) "
# The same rows for the services of a change (graph/changes.py): from the id index, not a scan.
_ONLY = "MATCH (s:Service) WHERE s.id IN $ids MATCH (o:Organisation)-[:PROVIDES]->(s) "


class MatchData:
    """The matcher's view of the graph: one row per service, read once per process and again for the services
    of each change (graph/changes.py), never per request."""

    _q_documents = (
        "{start}"
        "OPTIONAL MATCH (s)-[:ABOUT|SUGGESTED]->(t:Theme) "
        "RETURN s.id AS id, s.name AS name, s.description AS description, o.name AS organisation, "
        "collect(t.id) AS themes"
    )
    _q_candidates = (
        "{start}"
        "OPTIONAL MATCH (s)-[:AT]->(l:Location) "
        "WITH o, s, collect([l.latitude, l.longitude]) AS pts, collect(l.city) AS cities "
        "OPTIONAL MATCH (s)-[:ABOUT]->(t:Theme) "
        "WITH o, s, pts, cities, collect(t.id) AS themes "
        "OPTIONAL MATCH (s)-[:SUGGESTED]->(u:Theme) "
        "WITH o, s, pts, cities, themes, collect(u.id) AS suggested "
        "OPTIONAL MATCH (s)-[:TOUCHES]->(i:Theme) "
        "WITH o, s, pts, cities, themes, suggested, collect(i.id) AS incidental "
        "OPTIONAL MATCH (s)-[:FOR]->(d:Doelgroep) "
        "RETURN s.id AS id, o.id AS org, s.name AS name, s.niveau AS niveau, s.status AS status, "
        "s.minimum_age AS min_age, s.maximum_age AS max_age, s.assured_date AS assured, "
        "s.available_24_7 AS h24, pts, themes, suggested, collect(d.id) AS groups, "
        "incidental, s.toegang AS toegang, o.name AS organisation, cities, s.professional_only AS pro_only"
    )
    _q_kernen = "MATCH (k:Kern) RETURN k.name AS name"
    _q_service_ids = "MATCH (:Organisation)-[:PROVIDES]->(s:Service) RETURN s.id AS id"
    _q_curated = "MATCH (:Service)-[r:TOUCHES]->(:Theme) RETURN r LIMIT 1"
    _q_count_service_relationships = "MATCH (:Service)-[r]-() RETURN count(r) AS c"

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def documents(self, ids: list[str] | None = None) -> list[dict[str, Any]]:
        """Id and text of every service (or of `ids`) with its theme ids (confirmed and suggested), for the
        search index."""
        return self._rows(self._q_documents, ids)

    def candidates(self, ids: list[str] | None = None) -> list[dict[str, Any]]:
        """Everything the ranker needs per service (or for `ids`): themes (and which it merely touches),
        niveau, ages, coordinates and kernen, verification date."""
        return self._rows(self._q_candidates, ids)

    def _rows(self, query: str, ids: list[str] | None) -> list[dict[str, Any]]:
        if ids is None:
            return self.store.read(query.replace("{start}", _ALL))
        out: list[dict[str, Any]] = []
        for start in range(0, len(ids), 1000):
            out += self.store.read(query.replace("{start}", _ONLY), {"ids": ids[start : start + 1000]})
        return out

    def service_ids(self) -> list[str]:
        return [r["id"] for r in self.store.read(self._q_service_ids)]

    def curated(self) -> bool:
        """Any service with a theme it merely touches (`thema-bijzaak`): central themes come from the data."""
        return bool(self.store.read(self._q_curated))

    def kernen(self) -> list[dict[str, Any]]:
        return self.store.read(self._q_kernen)

    def service_relationships(self) -> int:
        return self.store.read(self._q_count_service_relationships)[0]["c"]


class SearchDocs:
    """The full-text documents of the graph search backend (KAART_SEARCH_BACKEND=graph): one
    (:SearchDoc {service_id, content, plain, content_terms, plain_terms, fingerprint}) per service (`*_terms`: the
    text after our Dutch analysis, for a server that does not stem queries; no `id`: derived data, not in backups), searched with the graph server's own full-text
    index (Neo4j: Lucene with the Dutch analyser; FalkorDB: RediSearch with Dutch stemming), so every web node
    shares one index. `(:Meta {key: 'search-index'}).seq` is the change seq the documents reflect."""

    LABEL = "SearchDoc"
    FIELDS = ("content", "plain")
    KEY = "search-index"
    _q_upsert = (
        "UNWIND $rows AS r MERGE (d:SearchDoc {service_id: r.id}) "
        "SET d.content = r.content, d.plain = r.plain, d.content_terms = r.content_terms, "
        "d.plain_terms = r.plain_terms, d.fingerprint = r.fingerprint"
    )
    _q_delete = "UNWIND $ids AS id MATCH (d:SearchDoc {service_id: id}) DELETE d"
    _q_delete_batch = (
        "MATCH (d:SearchDoc) WHERE NOT d.service_id IN $keep WITH d LIMIT 5000 DELETE d RETURN count(*) AS c"
    )
    _q_ids = "MATCH (d:SearchDoc) RETURN d.service_id AS id, d.fingerprint AS fingerprint"
    _q_seq = "MATCH (m:Meta {key: $key}) RETURN m.seq AS seq"
    _q_set_seq = "MERGE (m:Meta {key: $key}) SET m.seq = $seq"
    # Claim the step from `have` to `upto`: of the workers (on any node) that saw the same change, one applies it.
    _q_claim = (
        "MERGE (m:Meta {key: $key}) SET m.claim = true SET m.claim = null "
        "WITH m WHERE coalesce(m.seq, -1) = $have SET m.seq = $upto RETURN m.seq AS seq"
    )

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def ensure(self, language: str = "dutch") -> None:
        self.store.ensure_unique(self.LABEL, "service_id")
        for stmt in self.store.dialect.fulltext_indexes(self.LABEL, self.FIELDS, language):
            try:
                self.store.write(stmt)
            except Exception as exc:  # FalkorDB has no IF NOT EXISTS for this procedure
                if "already" not in str(exc).lower():
                    raise

    def upsert_statement(self, rows: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
        return self._q_upsert, {"rows": rows}

    def delete_statement(self, ids: list[str]) -> tuple[str, dict[str, Any]]:
        return self._q_delete, {"ids": ids}

    def delete_all_but(self, keep: list[str]) -> None:
        while True:
            rows = self.store.write(self._q_delete_batch, {"keep": keep})
            if not rows or not rows[0]["c"]:
                return

    def fingerprints(self) -> dict[str, str | None]:
        return {r["id"]: r["fingerprint"] for r in self.store.read(self._q_ids)}

    def search(self, words: list[str], terms: list[str], field: str, limit: int) -> list[tuple[str, float]]:
        """Best `limit` ids for the raw `words` (a server that analyses) or our analysed `terms`."""
        d = self.store.dialect
        q = d.fulltext_terms(words if d.fulltext_analyses else terms, field)
        if not q:
            return []
        rows = self.store.read(d.fulltext_search(self.LABEL, field), {"q": q, "limit": limit})
        return [(r["id"], float(r["score"])) for r in rows]

    def seq(self) -> int | None:
        rows = self.store.read(self._q_seq, {"key": self.KEY})
        return None if not rows or rows[0]["seq"] is None else int(rows[0]["seq"])

    def set_seq_statement(self, seq: int) -> tuple[str, dict[str, Any]]:
        return self._q_set_seq, {"key": self.KEY, "seq": seq}

    def claim_statement(self, have: int, upto: int) -> tuple[str, dict[str, Any]]:
        return self._q_claim, {"key": self.KEY, "have": have, "upto": upto}
