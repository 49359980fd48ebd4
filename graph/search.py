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
        "incidental, s.toegang AS toegang, o.name AS organisation, cities"
    )
    _q_kernen = "MATCH (k:Kern) RETURN k.name AS name"
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

    def kernen(self) -> list[dict[str, Any]]:
        return self.store.read(self._q_kernen)

    def service_relationships(self) -> int:
        return self.store.read(self._q_count_service_relationships)[0]["c"]
