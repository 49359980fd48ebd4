"""The service lists of the site and the HSDS API: filters, order and paging cut in the graph (a page of a
national kaart costs a page, not the kaart). A mixin of `graph.views.Views`, split off to keep modules small; it
uses the view's `store`, `narrower`, `schedules` and `service_location_pairs`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from graph import schedules as sched
from graph.aggregates import AGGREGATES
from graph.models import Schedule
from graph.view_types import NIVEAU_RANK, Filters


def is_open(schedules: Iterable[Schedule], now: datetime) -> bool:
    """Open or reachable (visiting, walk-in or phone hours) at `now`, Europe/Amsterdam time, with the
    exceptions (closures, public holidays) applied: graph/schedules.py."""
    return sched.is_open(tuple(schedules), now, sched.REACHABLE_KINDS) is True


class ServiceLists:
    # -- lists ---------------------------------------------------------------------------------------

    def find_service_ids(self, f: Filters, now: datetime | None = None) -> list[tuple[str, float | None]]:
        """Service ids that pass the filters, with the distance (km) when `near` is given.

        Ordered by distance when `near` is given, else lightest niveau first, then name. Every one of them:
        for a page of a long list, `find_service_page` (sorted and cut in the graph)."""
        parts, params = self._service_query(f)
        if f.near:
            parts.append("RETURN s.id AS id, s.name AS name, s.niveau AS niveau, s.available_24_7 AS h24, d")
        else:
            parts.append(
                "RETURN s.id AS id, s.name AS name, s.niveau AS niveau, s.available_24_7 AS h24, null AS d"
            )
        rows = self.store.read(" ".join(parts), params)
        if f.open_now:
            rows = self._open_rows(rows, now or datetime.now())
        if f.near:
            rows.sort(
                key=lambda r: (
                    r["d"],
                    NIVEAU_RANK.get(r["niveau"] or "", 9),
                    (r["name"] or "").lower(),
                    r["id"],
                )
            )
        else:
            rows.sort(
                key=lambda r: (NIVEAU_RANK.get(r["niveau"] or "", 9), (r["name"] or "").lower(), r["id"])
            )
        return [(r["id"], None if r["d"] is None else r["d"] / 1000) for r in rows]

    def find_service_page(
        self, f: Filters, offset: int, limit: int, now: datetime | None = None
    ) -> tuple[list[tuple[str, float | None]], int]:
        """One page of `find_service_ids` (same order) and how many services pass the filters in all.

        Sorted, cut and counted in the graph: a page costs about the same at 100 000 services as at 1 000 (only
        the ids of the page come back, not every service of a theme or of the kaart). 'Nu open' needs every
        service's opening hours, so that filter still reads all of them and cuts here."""
        if f.open_now:
            found = self.find_service_ids(f, now)
            return found[offset : offset + limit], len(found)
        offset, limit = max(0, offset), max(0, limit)
        key = ("page", f, offset, limit)
        try:
            hash(key)
        except TypeError:  # a list inside the filters: not kept, read
            return self._service_page(f, offset, limit)
        # Kept until the kaart changes, like the counts per theme: an unfiltered list of a national kaart is
        # sorted once per change, not for every visitor.
        found, total = AGGREGATES.get(self.store, key, lambda: self._service_page(f, offset, limit))
        return list(found), total

    def _order(self, f: Filters, params: dict[str, Any]) -> str:
        """ORDER BY terms for `find_service_ids`'s order: distance, lightest niveau, name, id."""
        ranks = " ".join(f"WHEN $rank{n} THEN {n}" for n in range(len(NIVEAU_RANK)))
        params.update({f"rank{n}": niveau for niveau, n in NIVEAU_RANK.items()})
        order = f"CASE s.niveau {ranks} ELSE 9 END, toLower(coalesce(s.name, '')), s.id"
        return ("d, " if f.near else "") + order

    def _service_page(
        self, f: Filters, offset: int, limit: int
    ) -> tuple[list[tuple[str, float | None]], int]:
        parts, params = self._service_query(f)
        page = [
            *parts,
            "RETURN s.id AS id, " + ("d" if f.near else "null AS d"),
            "ORDER BY " + self._order(f, params),
            "SKIP $skip LIMIT $limit",
        ]
        rows, counted = self.store.read_all(
            [
                (" ".join(page), {**params, "skip": offset, "limit": limit}),
                (" ".join([*parts, "RETURN count(s) AS n"]), params),
            ]
        )
        total = int(counted[0]["n"]) if counted else 0
        return [(r["id"], None if r["d"] is None else r["d"] / 1000) for r in rows], total

    def service_location_page(self, f: Filters, offset: int, limit: int) -> tuple[list[tuple[str, str]], int]:
        """One page of (service, location) pairs of the services that pass the filters (the HSDS
        service_at_location list), in the order of `find_service_ids` and then location id, and how many pairs
        there are in all. Confidential locations are left out. Sorted, cut and counted in the graph."""
        offset, limit = max(0, offset), max(0, limit)
        if f.open_now:
            found = self.find_service_ids(f)
            pairs = self.service_location_pairs([i for i, _ in found])
            order = {i: n for n, (i, _) in enumerate(found)}
            pairs.sort(key=lambda p: (order.get(p[0], 0), p[1]))
            return pairs[offset : offset + limit], len(pairs)
        try:
            key = ("pairs", f, offset, limit)
            hash(key)
        except TypeError:
            return self._location_page(f, offset, limit)
        found, total = AGGREGATES.get(self.store, key, lambda: self._location_page(f, offset, limit))
        return list(found), total

    def _location_page(self, f: Filters, offset: int, limit: int) -> tuple[list[tuple[str, str]], int]:
        parts, params = self._service_query(f)
        carry = "s, d" if f.near else "s"
        parts.append(
            f"WITH {carry} MATCH (s)-[:AT]->(sl:Location) WHERE NOT coalesce(sl.confidential, false) WITH {carry}, sl"
        )
        page = [
            *parts,
            "RETURN s.id AS sid, sl.id AS lid",
            "ORDER BY " + self._order(f, params) + ", sl.id",
            "SKIP $skip LIMIT $limit",
        ]
        rows, counted = self.store.read_all(
            [
                (" ".join(page), {**params, "skip": offset, "limit": limit}),
                (" ".join([*parts, "RETURN count(*) AS n"]), params),
            ]
        )
        return [(r["sid"], r["lid"]) for r in rows], int(counted[0]["n"]) if counted else 0

    def _service_query(self, f: Filters) -> tuple[list[str], dict[str, Any]]:
        """The MATCH/WITH clauses of the filters, ending with one row per service `s` (and its distance `d`
        when `near` is given), and their parameters."""
        params: dict[str, Any] = {"statuses": list(f.statuses)}
        where = ["s.status IN $statuses"]
        if f.for_residents:  # not offered to residents as a place to go (ADR 0116)
            where.append("NOT coalesce(s.professional_only, false)")
        if f.niveau:
            where.append("s.niveau = $niveau")
            params["niveau"] = f.niveau
        if f.organization_id:
            where.append("o.id = $org")
            params["org"] = f.organization_id
        if f.service_ids is not None:
            where.append("s.id IN $ids")
            params["ids"] = list(f.service_ids)
        if f.text:
            where.append(
                "(toLower(s.name) CONTAINS $text OR toLower(coalesce(s.description, '')) CONTAINS $text "
                "OR toLower(o.name) CONTAINS $text)"
            )
            params["text"] = f.text.strip().lower()
        theme_sets = []
        if f.theme:
            theme_sets.append(sorted(self.narrower(f.theme)))
        for extra in f.extra_themes:
            theme_sets.append(sorted(self.narrower(extra)))
        parts = []
        # Start from the smallest thing named (the theme through its index, or the ids asked for), not from every
        # service of the kaart: a theme's page then costs what the theme holds, whatever the size of the kaart.
        if theme_sets:
            parts.append(
                "MATCH (t0:Theme)<-[:ABOUT|SUGGESTED]-(s:Service) WHERE t0.id IN $themes0 WITH DISTINCT s"
            )
        elif f.service_ids is not None:
            parts.append("MATCH (s:Service) WHERE s.id IN $ids WITH s")
        parts += [
            "MATCH (o:Organisation)-[:PROVIDES]->(s:Service) WHERE " + " AND ".join(where),
            "WITH DISTINCT s",
        ]
        for n, ids in enumerate(theme_sets):
            if n:
                parts.append(
                    f"MATCH (s)-[:ABOUT|SUGGESTED]->(t{n}:Theme) WHERE t{n}.id IN $themes{n} WITH DISTINCT s"
                )
            params[f"themes{n}"] = ids
        if f.doelgroep:
            parts.append("MATCH (s)-[:FOR]->(d:Doelgroep) WHERE d.id = $doelgroep WITH DISTINCT s")
            params["doelgroep"] = f.doelgroep
        if f.kern:
            parts.append(
                "OPTIONAL MATCH (s)-[:SERVES]->(k1:Kern) OPTIONAL MATCH (s)-[:AT]->(:Location)-[:IN]->(k2:Kern) "
                "WITH s, collect(k1.id) + collect(k2.id) AS ks WHERE $kern IN ks WITH DISTINCT s"
            )
            params["kern"] = f.kern
        if f.postcode:
            parts.append(
                "MATCH (s)-[:AT]->(pl:Location) WHERE pl.postal_code STARTS WITH $pc4 "
                "AND NOT coalesce(pl.confidential, false) WITH DISTINCT s"
            )
            params["pc4"] = f.postcode.strip().upper()[:4]
        if f.near:
            parts.append(
                self.store.dialect.q(
                    "MATCH (s)-[:AT]->(l:Location) WHERE l.point IS NOT NULL AND NOT coalesce(l.confidential, false) "
                    "WITH s, min({distance}(l.point, point({latitude: $lat, longitude: $lon}))) AS d "
                    "WHERE d <= $metres"
                )
            )
            params.update({"lat": f.near[0], "lon": f.near[1], "metres": f.near[2] * 1000})
        return parts, params

    def _open_rows(self, rows: list[dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
        schedules = self.schedules([r["id"] for r in rows if not r["h24"]])
        return [r for r in rows if r["h24"] or is_open(schedules.get(r["id"], ()), now)]
