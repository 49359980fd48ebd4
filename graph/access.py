"""How a resident gets in to a service, as the data says it: the HSDS `toegang` attribute and the free-text
`application_process`. Read for the why-line of a result (match/answer.py, ADR 0103), never the hulpvraag."""

from __future__ import annotations

from dataclasses import dataclass

from graph.store import GraphStore


@dataclass(frozen=True)
class AccessFacts:
    toegang: str | None
    application_process: str | None
    placed_only: bool = (
        False  # every location only placed at a kern's centre ("benaderd"): no distance to travel
    )


class ServiceAccess:
    """Only the services that have something to say about their way in: on a kaart where few services fill
    these in, the read stays small."""

    # placed_only: the service has locations and every one is approximate (an import without an address puts it
    # at the kern's centre), so a distance to it is no distance to travel (m12test4 class 10)
    _tail = (
        "OPTIONAL MATCH (s)-[:AT]->(l:Location) "
        "WITH s, count(l) AS n, sum(CASE WHEN l.approximate THEN 1 ELSE 0 END) AS a "
        "WITH s, n > 0 AND a = n AS placed_only "
        "WHERE s.toegang IS NOT NULL OR s.application_process IS NOT NULL OR placed_only "
        "RETURN s.id AS id, s.toegang AS toegang, s.application_process AS application_process, placed_only"
    )
    _q_all = "MATCH (s:Service) " + _tail
    _q_of = "MATCH (s:Service) WHERE s.id IN $ids " + _tail

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def all(self) -> dict[str, AccessFacts]:
        return self._facts(self.store.read(self._q_all))

    def of(self, ids: list[str]) -> dict[str, AccessFacts]:
        """The services `ids` (those of a change), from the id index: no scan."""
        out: dict[str, AccessFacts] = {}
        for start in range(0, len(ids), 1000):
            out |= self._facts(self.store.read(self._q_of, {"ids": ids[start : start + 1000]}))
        return out

    @staticmethod
    def _facts(rows: list) -> dict[str, AccessFacts]:
        return {
            r["id"]: AccessFacts(
                r["toegang"] or None, r["application_process"] or None, bool(r.get("placed_only"))
            )
            for r in rows
        }
