"""Coverage (dekking): active services per kern × thema × niveau, aggregated in memory. See ADR 0022."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from graph.hsds_store import decode_state
from graph.store import GraphStore


@dataclass(frozen=True)
class CoverageService:
    id: str
    niveau: str | None
    assured_date: str | None
    kernen: tuple[str, ...]
    themes: tuple[str, ...]  # confirmed themes, or the suggested ones when there are none
    areas: tuple[
        str, ...
    ] = ()  # names of its HSDS service_areas ("gemeente Aalten", "Dinxperlo", "Nederland")


_Q_COVERAGE = (
    "MATCH (o:Organisation)-[:PROVIDES]->(s:Service) WHERE s.status = 'active' "
    "AND coalesce(o.status, 'active') <> 'archived' "
    "OPTIONAL MATCH (s)-[:SERVES]->(k1:Kern) WITH s, collect(DISTINCT k1.id) AS k1 "
    "OPTIONAL MATCH (s)-[:AT]->(:Location)-[:IN]->(k2:Kern) WITH s, k1, collect(DISTINCT k2.id) AS k2 "
    "OPTIONAL MATCH (s)-[:ABOUT]->(t:Theme) WITH s, k1, k2, collect(DISTINCT t.id) AS themes "
    "OPTIONAL MATCH (s)-[:SUGGESTED]->(u:Theme) "
    "RETURN s.id AS id, s.niveau AS niveau, s.assured_date AS assured, s.import_state AS state, k1, k2, themes, "
    "collect(DISTINCT u.id) AS suggested ORDER BY id"
)


def _area_names(state: str | None) -> tuple[str, ...]:
    """The service area names an import kept with the service (HSDS `service_areas` rows)."""
    rows = ((decode_state(state) or {}).get("hsds") or {}).get("service_areas") or []
    return tuple(
        sorted({r["name"].strip() for r in rows if isinstance(r, dict) and (r.get("name") or "").strip()})
    )


def coverage_services(store: GraphStore) -> list[CoverageService]:
    out = []
    for r in store.read(_Q_COVERAGE):
        themes = [t for t in r["themes"] if t] or [t for t in r["suggested"] if t]
        kernen = sorted({k for k in (r["k1"] or []) + (r["k2"] or []) if k})
        out.append(
            CoverageService(
                id=r["id"],
                niveau=r["niveau"],
                assured_date=r["assured"],
                kernen=tuple(kernen),
                themes=tuple(sorted(themes)),
                areas=_area_names(r["state"]),
            )
        )
    return out


@dataclass(frozen=True)
class Cell:
    active: int = 0
    verified: int = 0


@dataclass
class Coverage:
    """Counts of active (and of those, verified) services per (kern, theme, niveau). A service counts for a
    theme when it is about that theme or a narrower one; for a kern when it serves it, has a location there or
    its service area covers it (the caller turns service areas into kernen);
    `niveau` "alle" counts every niveau. Services without any kern are counted under the kern id ""."""

    kernen: list[tuple[str, str]]  # (id, name), "" = zonder kern
    themes: list[tuple[str, str, int]]  # (id, label, depth) in tree order
    niveaus: tuple[str, ...]
    cells: dict[tuple[str, str, str], Cell] = field(default_factory=dict)

    def cell(self, kern: str, theme: str, niveau: str) -> Cell:
        return self.cells.get((kern, theme, niveau), Cell())


def coverage(
    services: Iterable[CoverageService],
    kernen: Sequence[tuple[str, str]],
    themes: Sequence[tuple[str, str, int]],
    parents: dict[str, tuple[str, ...]],
    niveaus: Sequence[str],
    verified_since: str,
) -> Coverage:
    """Aggregate the matrix in memory (a few thousand services: milliseconds)."""
    ancestors: dict[str, set[str]] = {}

    def up(tid: str) -> set[str]:
        if tid not in ancestors:
            seen: set[str] = set()
            stack = [tid]
            while stack:
                t = stack.pop()
                if t in seen:
                    continue
                seen.add(t)
                stack.extend(parents.get(t, ()))
            ancestors[tid] = seen
        return ancestors[tid]

    counts: dict[tuple[str, str, str], list[int]] = {}
    for s in services:
        verified = bool(s.assured_date) and str(s.assured_date)[:10] >= verified_since
        theme_set: set[str] = set()
        for t in s.themes:
            theme_set |= up(t)
        for k in s.kernen or ("",):
            for t in theme_set:
                for n in {s.niveau or "", "alle"}:
                    c = counts.setdefault((k, t, n), [0, 0])
                    c[0] += 1
                    c[1] += int(verified)
    cov = Coverage(kernen=list(kernen), themes=list(themes), niveaus=tuple(niveaus))
    cov.cells = {key: Cell(v[0], v[1]) for key, v in counts.items()}
    return cov
