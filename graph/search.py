"""Reads for the matcher and its derived index: what each service is found by and ranked on."""

from __future__ import annotations

from typing import Any

from graph.store import GraphStore


class MatchData:
    """The matcher's view of the graph: one row per service, read per index generation (not per request)."""

    _q_documents = (
        "MATCH (o:Organisation)-[:PROVIDES]->(s:Service) "
        "OPTIONAL MATCH (s)-[:ABOUT|SUGGESTED]->(t:Theme) "
        "RETURN s.id AS id, s.name AS name, s.description AS description, o.name AS organisation, "
        "collect(t.id) AS themes"
    )
    _q_candidates = (
        "MATCH (o:Organisation)-[:PROVIDES]->(s:Service) "
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

    def documents(self) -> list[dict[str, Any]]:
        """Id and text of every service with its theme ids (confirmed and suggested), for the search index."""
        return self.store.read(self._q_documents)

    def candidates(self) -> list[dict[str, Any]]:
        """Everything the ranker needs per service: themes (and which it merely touches), niveau, ages,
        coordinates and kernen, verification date."""
        return self.store.read(self._q_candidates)

    def kernen(self) -> list[dict[str, Any]]:
        return self.store.read(self._q_kernen)

    def service_relationships(self) -> int:
        return self.store.read(self._q_count_service_relationships)[0]["c"]
