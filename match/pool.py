"""The matcher's candidates as columns (docs/adr/0093-columnar-candidate-pool.md): one row per service in numpy
arrays, so a worker holds 100 000s of services in tens of MB and a pool is cut by theme and reach at C speed.

What many services share is stored once, in tables, and a row holds its code: the theme profile (themes,
suggested, incidental, the themes above them, safety routes), who it is for (doelgroepen, ages), niveau,
status, verification date, kernen, organisation. Coordinates are flat arrays (a row's points from `pt_off`).
A `Candidate` object is made only for a service the ranking looks at in detail, or that a caller asks for.

A snapshot (`Columns`) is never changed: `CandidatePool.update` appends the changed services as new rows, marks
their old rows dead and swaps in a new snapshot (a request in another thread keeps its own), compacting when a
fifth of the rows are dead. The ranking (match/select.py) groups a pool's rows by everything `_score` reads
except identity and location, so it scores one representative per group and only the rows that can reach
the top in detail.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import numpy as np

from match.candidates import CELL_LAT, CELL_LON, Candidate, CandidateBuilder, _cell_lat, _cell_lon

LEVELS = ("theme", "exact", "route")  # posting lists: theme or narrower, exactly the theme, safety route
_PROFILE = (
    "themes", "suggested", "themes_up", "suggested_up", "incidental", "incidental_up", "incidental_derived",
    "routes",
)  # fmt: skip
_WHO = ("doelgroepen", "min_age", "max_age", "ages", "age_source", "professional_only")  # who may go there
CODES = (
    "org",
    "prof",
    "who",
    "niveau",
    "status",
    "assured",
    "kern",
    "group",
)  # the columns of `Columns.grid`
COMPACT_FRACTION, COMPACT_MIN = 0.2, 1000  # compact when this share (and number) of rows is dead


class Table:
    """Values many rows share, each stored once: code -> value, value -> code. Append-only, so a snapshot's codes
    stay valid while a newer snapshot adds values."""

    def __init__(self) -> None:
        self.values: list[Any] = []
        self._codes: dict[Any, int] = {}

    def find(self, value: Any) -> int:
        """The code of `value`, or -1 when no row has it."""
        return self._codes.get(value, -1)

    def code(self, value: Any) -> int:
        code = self._codes.get(value)
        if code is None:
            code = self._codes[value] = len(self.values)
            self.values.append(value)
        return code


class Tables:
    """The shared values of one loaded pool (profile, who, niveau, status, date, kernen, organisation, group)."""

    def __init__(self) -> None:
        self.prof, self.who, self.niveau, self.status = Table(), Table(), Table(), Table()
        self.assured, self.kern, self.org, self.group = Table(), Table(), Table(), Table()
        self.reps: dict[int, Candidate] = {}  # group code -> a representative Candidate (made on first use)
        self.shared: dict[Any, Any] = {}  # equal sets and tuples inside profiles: one object


class Texts:
    """Strings of every row packed in one UTF-8 buffer (ids, names): no Python object per service, so the
    memory freed after a load is not pinned by a few survivors in every allocator arena."""

    def __init__(self, blob: bytes = b"", off: np.ndarray | None = None) -> None:
        self.blob = blob
        self.off = np.zeros(1, dtype=np.int64) if off is None else off

    def __getitem__(self, row: int) -> str:
        a, b = self.off[row : row + 2].tolist()
        return self.blob[a:b].decode()

    def __len__(self) -> int:
        return len(self.off) - 1

    def plus(self, values: list[str]) -> Texts:
        encoded = [v.encode() for v in values]
        lengths = np.fromiter((len(e) for e in encoded), dtype=np.int64, count=len(encoded))
        return Texts(
            self.blob + b"".join(encoded), np.concatenate([self.off, self.off[-1] + np.cumsum(lengths)])
        )

    def take(self, rows: np.ndarray) -> Texts:
        return Texts(b"").plus([self[r] for r in rows.tolist()])


class _Packed:
    """Strings being collected for a `Texts`: one growing buffer and their lengths."""

    def __init__(self) -> None:
        self.blob = bytearray()
        self.lengths = array("q")

    def add(self, value: str) -> None:
        encoded = value.encode()
        self.blob += encoded
        self.lengths.append(len(encoded))

    def __len__(self) -> int:
        return len(self.lengths)

    def __iter__(self) -> Iterator[str]:
        at = 0
        for n in self.lengths:
            yield self.blob[at : at + n].decode()
            at += n


class _Rows:
    """Columns being filled (a load, or the rows of an update), as compact arrays until they become numpy."""

    def __init__(self, tables: Tables, first_row: int) -> None:
        self.t = tables
        self.first = first_row
        self.ids, self.names = _Packed(), _Packed()  # bytes, not one str object per service
        self.codes = {k: array("i") for k in CODES}
        self.h24 = array("b")
        self.npts = array("i")
        self.lat, self.lon = array("d"), array("d")

    def add(self, c: Candidate) -> None:
        t = self.t
        one = t.shared.setdefault
        prof = t.prof.code(tuple(one(getattr(c, f), getattr(c, f)) for f in _PROFILE))
        who = t.who.code(tuple(one(getattr(c, f), getattr(c, f)) for f in _WHO))
        niveau, status, assured = (
            t.niveau.code(c.niveau),
            t.status.code(c.status),
            t.assured.code(c.assured_date),
        )
        group = (prof, who, niveau, status, assured, bool(c.points))  # not 24/7: why-lines only
        for key, value in (
            ("org", t.org.code(c.organization_id)), ("prof", prof), ("who", who), ("niveau", niveau),
            ("status", status), ("assured", assured), ("kern", t.kern.code(c.kernen)), ("group", t.group.code(group)),
        ):  # fmt: skip
            self.codes[key].append(value)
        self.ids.add(c.id)
        self.names.add(c.name)
        self.h24.append(c.available_24_7)
        self.npts.append(len(c.points))
        for lat, lon in c.points:
            self.lat.append(lat)
            self.lon.append(lon)


def _cells(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Grid cells of points, as match.candidates' `_cell_lat`/`_cell_lon` compute them (floor of a division)."""
    return np.floor(lat / CELL_LAT).astype(np.int32), np.floor(lon / CELL_LON).astype(np.int32)


def _cell_key(ci: np.ndarray, cj: np.ndarray) -> np.ndarray:
    """One sortable key per grid cell: by cell row, then cell column."""
    return ci.astype(np.int64) * (1 << 32) + (cj.astype(np.int64) + (1 << 31))


def _ranks(by_id: np.ndarray) -> np.ndarray:
    ranks = np.empty(len(by_id), dtype=np.int32)
    ranks[by_id] = np.arange(len(by_id), dtype=np.int32)
    return ranks


class _IdsInOrder:
    """The ids of a snapshot in id order, as a sequence for `bisect` (decoded only where it looks)."""

    def __init__(self, cols: Columns) -> None:
        self.cols = cols

    def __len__(self) -> int:
        return len(self.cols.by_id)

    def __getitem__(self, i: int) -> str:
        return self.cols.ids[int(self.cols.by_id[i])]


class Columns:
    """One immutable snapshot of every service: arrays per field, point arrays, posting lists per theme/route."""

    def __init__(self, tables: Tables, ancestors: dict[str, set[str]]) -> None:
        self.t = tables
        self.ancestors = ancestors
        self.ids = Texts()
        self.names = Texts()
        # id -> row: the ids' hashes sorted (`by_hash`, the rows in that order `hash_rows`); dead rows included
        self.by_hash = np.zeros(0, dtype=np.int64)
        self.hash_rows = np.zeros(0, dtype=np.int64)
        self.alive = np.zeros(0, dtype=bool)
        self.grid = np.zeros((0, len(CODES)), dtype=np.int32)  # a row's codes together: one read per row
        self.col: dict[str, np.ndarray] = self._columns()
        self.h24 = np.zeros(0, dtype=bool)
        self.pt_off = np.zeros(1, dtype=np.int64)
        self.lat = self.lon = np.zeros(0)
        self.ci = self.cj = self.pt_row = np.zeros(0, dtype=np.int32)
        self.post: dict[
            tuple[str, Any], np.ndarray
        ] = {}  # (level, key) -> rows, ascending; dead rows included
        self.dead = 0
        # For a request's work to follow its pool, not the kaart (ADR 0100); dead rows included in each:
        self.by_id = np.zeros(0, dtype=np.int32)  # rows in the order of their service id
        self.id_rank = np.zeros(0, dtype=np.int32)  # a row's place in that order
        self.cell_keys = np.zeros(0, dtype=np.int64)  # the points' grid cells, sorted (`_cell_key`)
        self.cell_pts = np.zeros(0, dtype=np.int64)  # the points in that order
        self.unlocated = np.zeros(0, dtype=np.int64)  # rows without a location
        self._routes: frozenset[str] | None = None

    @property
    def n(self) -> int:
        return len(self.ids)

    def _columns(self) -> dict[str, np.ndarray]:
        return {k: self.grid[:, j] for j, k in enumerate(CODES)}

    def row(self, sid: str) -> int | None:
        """The live row of a service id, or None."""
        h = hash(sid)
        i = int(np.searchsorted(self.by_hash, h))
        while i < len(self.by_hash) and self.by_hash[i] == h:
            r = int(self.hash_rows[i])
            if self.alive[r] and self.ids[r] == sid:
                return r
            i += 1
        return None

    def rows(self, ids: Any) -> list[int]:
        """The live rows of those of `ids` that are in the kaart (one search over the hash index for all: the
        first row of each hash is almost always the one; a dead or colliding one is looked up by `row`)."""
        ids = list(ids)
        if not ids or not len(self.by_hash):
            return []
        h = np.fromiter(map(hash, ids), dtype=np.int64, count=len(ids))
        at = np.minimum(np.searchsorted(self.by_hash, h), len(self.by_hash) - 1)
        hit = self.by_hash[at] == h
        first = self.hash_rows[at]
        out = []
        for sid, ok, r in zip(ids, hit.tolist(), first.tolist(), strict=True):
            if not ok:
                continue  # no row has this hash: not in the kaart
            if self.alive[r] and self.ids[r] == sid:
                out.append(r)
            else:
                found = self.row(sid)
                if found is not None:
                    out.append(found)
        return out

    def _index(self, first: int, ids: list[str]) -> None:
        """Add rows first.. (with these ids) to the hash index, keeping it sorted."""
        h = np.fromiter((hash(s) for s in ids), dtype=np.int64, count=len(ids))
        order = np.argsort(h, kind="stable")
        h, rows = h[order], order.astype(np.int64) + first
        at = np.searchsorted(self.by_hash, h)
        self.by_hash, self.hash_rows = np.insert(self.by_hash, at, h), np.insert(self.hash_rows, at, rows)

    def _order_ids(self, before: Columns, first: int, ids: list[str]) -> None:
        """`by_id` and `id_rank` with rows first.. (these ids) put in their place among those of `before`."""
        order = sorted(range(len(ids)), key=ids.__getitem__)
        known = _IdsInOrder(before)
        at = [bisect.bisect_left(known, ids[i]) for i in order] if before.n else [0] * len(ids)
        self.by_id = np.insert(
            before.by_id, np.asarray(at, dtype=np.int64), np.asarray(order, np.int32) + first
        )
        self.id_rank = _ranks(self.by_id)

    # -- building -----------------------------------------------------------------------------------------

    def appended(self, rows: _Rows, dead: list[int]) -> Columns:
        """A new snapshot: these rows added at the end, the rows `dead` marked dead (this one stays as it was)."""
        out = Columns(self.t, self.ancestors)
        first = self.n
        out.ids, out.names = self.ids.plus(rows.ids), self.names.plus(rows.names)
        out.by_hash, out.hash_rows = self.by_hash, self.hash_rows
        new_ids = list(rows.ids)
        out._index(first, new_ids)
        out._order_ids(self, first, new_ids)
        out.alive = np.concatenate([self.alive, np.ones(len(rows.ids), dtype=bool)])
        out.alive[dead] = False
        out.dead = self.dead + len(dead)
        block = np.column_stack([np.frombuffer(rows.codes[k], np.int32) for k in CODES])
        out.grid = np.concatenate([self.grid, block.reshape(-1, len(CODES))])
        out.col = out._columns()
        out.h24 = np.concatenate([self.h24, np.frombuffer(rows.h24, np.int8).astype(bool)])
        npts = np.frombuffer(rows.npts, np.int32).astype(np.int64)
        out.pt_off = np.concatenate([self.pt_off, self.pt_off[-1] + np.cumsum(npts)])
        lat, lon = np.frombuffer(rows.lat, np.float64), np.frombuffer(rows.lon, np.float64)
        ci, cj = _cells(lat, lon)
        out.lat, out.lon = np.concatenate([self.lat, lat]), np.concatenate([self.lon, lon])
        out.ci, out.cj = np.concatenate([self.ci, ci]), np.concatenate([self.cj, cj])
        new_pt_row = np.repeat(np.arange(first, first + len(rows.ids), dtype=np.int32), npts)
        out.pt_row = np.concatenate([self.pt_row, new_pt_row])
        keys = _cell_key(ci, cj)
        order = np.argsort(keys, kind="stable")
        at = np.searchsorted(self.cell_keys, keys[order], side="right")
        out.cell_keys = np.insert(self.cell_keys, at, keys[order])
        out.cell_pts = np.insert(self.cell_pts, at, order + len(self.lat))
        out.unlocated = np.concatenate([self.unlocated, np.flatnonzero(npts == 0) + first])
        out.post = dict(self.post)
        added: dict[tuple[str, Any], list[np.ndarray]] = {}
        new_prof = out.col["prof"][first:]
        order = np.argsort(new_prof, kind="stable")
        codes, starts = np.unique(new_prof[order], return_index=True)
        parts = (
            np.split(order + first, starts[1:]) if len(codes) else []
        )  # no rows: no parts (an empty kaart)
        for code, rows_of_code in zip(codes.tolist(), parts, strict=True):
            for level, keys in self.keys_of(int(code)).items():
                for key in keys:
                    added.setdefault((level, key), []).append(rows_of_code.astype(np.int32))
        for pk, parts in added.items():
            old = self.post.get(pk)
            out.post[pk] = np.sort(np.concatenate(([old] if old is not None else []) + parts))
        return out

    def compacted(self) -> Columns:
        """The same services without dead rows (row numbers change; a request on this snapshot is not affected)."""
        keep = np.flatnonzero(self.alive)
        remap = np.full(self.n, -1, dtype=np.int32)
        remap[keep] = np.arange(len(keep), dtype=np.int32)
        out = Columns(self.t, self.ancestors)
        out.ids, out.names = self.ids.take(keep), self.names.take(keep)
        out.alive = np.ones(len(keep), dtype=bool)
        out._index(0, [out.ids[r] for r in range(len(keep))])
        out.grid = self.grid[keep]
        out.col = out._columns()
        out.h24 = self.h24[keep]
        kept_pts = self.alive[self.pt_row]
        npts = (self.pt_off[1:] - self.pt_off[:-1])[keep]
        out.pt_off = np.concatenate([[0], np.cumsum(npts)]).astype(np.int64)
        out.lat, out.lon = self.lat[kept_pts], self.lon[kept_pts]
        out.ci, out.cj, out.pt_row = self.ci[kept_pts], self.cj[kept_pts], remap[self.pt_row[kept_pts]]
        out.by_id = remap[self.by_id[self.alive[self.by_id]]]
        out.id_rank = _ranks(out.by_id)
        keys = _cell_key(out.ci, out.cj)
        out.cell_pts = np.argsort(keys, kind="stable")
        out.cell_keys = keys[out.cell_pts]
        out.unlocated = np.flatnonzero(npts == 0)
        for pk, rows in self.post.items():
            moved = remap[rows]
            moved = moved[moved >= 0]
            if len(moved):
                out.post[pk] = moved
        return out

    def keys_of(self, prof: int) -> dict[str, set[Any]]:
        """The posting keys of a theme profile: every theme it is about (or suggested) with the themes above it
        ("theme"), the themes themselves ("exact"), its safety routes ("route")."""
        themes, suggested, *_, routes = self.t.prof.values[prof]
        theme: set[str] = set()
        for tid in themes | suggested:
            theme |= {tid} | self.ancestors.get(tid, set())
        return {"theme": theme, "exact": set(themes | suggested), "route": set(routes)}

    # -- reading ------------------------------------------------------------------------------------------

    def _shared(self, prof: int, who: int, niveau: int, status: int, assured: int) -> dict[str, Any]:
        """The Candidate fields a row shares with its group (profile, who it is for, niveau, status, date)."""
        t = self.t
        themes, suggested, themes_up, suggested_up, incidental, incidental_up, derived, routes = (
            t.prof.values[prof]
        )
        doelgroepen, min_age, max_age, ages, age_source, pro_only = t.who.values[who]
        return dict(
            niveau=t.niveau.values[niveau], status=t.status.values[status], themes=themes, suggested=suggested,
            doelgroepen=doelgroepen, min_age=min_age, max_age=max_age, assured_date=t.assured.values[assured],
            themes_up=themes_up, suggested_up=suggested_up, incidental=incidental, incidental_up=incidental_up,
            ages=ages, age_source=age_source, routes=routes, incidental_derived=derived, professional_only=pro_only,
        )  # fmt: skip

    def candidate(self, row: int) -> Candidate:
        t = self.t
        org, prof, who, niveau, status, assured, kern, _ = self.grid[row].tolist()
        a, b = self.pt_off[row : row + 2].tolist()
        return Candidate(
            id=self.ids[row],
            organization_id=t.org.values[org],
            name=self.names[row],
            available_24_7=bool(self.h24[row]),
            points=tuple(zip(self.lat[a:b].tolist(), self.lon[a:b].tolist(), strict=True)),
            kernen=t.kern.values[kern],
            **self._shared(prof, who, niveau, status, assured),
        )

    def representative(self, group: int) -> Candidate:
        """A Candidate with everything the services of `group` share and no identity or location: what the
        ranking scores once for all of them."""
        rep = self.t.reps.get(group)
        if rep is None:
            prof, who, niveau, status, assured, _ = self.t.group.values[group]
            rep = Candidate(
                id="", organization_id="", name="", available_24_7=False, points=(),
                **self._shared(prof, who, niveau, status, assured),
            )  # fmt: skip
            rep = self.t.reps.setdefault(group, rep)
        return rep

    def empty(self) -> np.ndarray:
        return np.zeros(self.n, dtype=bool)

    def mark(self, mask: np.ndarray, level: str, key: Any) -> None:
        """Add the rows of one posting list (dead ones too: `& alive` once at the end)."""
        rows = self.post.get((level, key))
        if rows is not None:
            mask[rows] = True

    def mark_ids(self, mask: np.ndarray, ids: Any) -> int:
        """Add the live rows of `ids`; returns how many of them are not (or no longer) in the kaart."""
        rows = self.rows(ids)
        mask[rows] = True
        return len(ids) - len(rows)

    def within(self, lat: float, lon: float, km: float) -> np.ndarray:
        """Rows with a location in the grid cells within about `km` of a point (a superset: the ranker measures
        the real distance), plus every row without a location (national helplines, online help)."""
        dlat = km / 111.0
        dlon = km / (111.0 * max(0.2, math.cos(math.radians(lat))))
        i0, i1 = _cell_lat(lat - dlat), _cell_lat(lat + dlat)
        j0, j1 = _cell_lon(lon - dlon), _cell_lon(lon + dlon)
        # per row of cells, the run of points in cells j0..j1 of the sorted cell keys: the points near the
        # place, found without a pass over every point of the kaart
        lows = _cell_key(np.arange(i0, i1 + 1), np.full(i1 - i0 + 1, j0))
        highs = _cell_key(np.arange(i0, i1 + 1), np.full(i1 - i0 + 1, j1))
        starts = np.searchsorted(self.cell_keys, lows, side="left")
        ends = np.searchsorted(self.cell_keys, highs, side="right")
        mask = np.zeros(self.n, dtype=bool)
        mask[self.unlocated] = True
        for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
            mask[self.pt_row[self.cell_pts[a:b]]] = True
        return mask

    def nearest_km(self, rows: np.ndarray, lat: float, lon: float) -> np.ndarray:
        """Each row's distance to a point by its nearest location (haversine, as `match.candidates.distance`
        but in numpy: it may differ in the last bits, so only for ordering; inf for rows without a location)."""
        starts, ends = self.pt_off[rows], self.pt_off[rows + 1]
        counts = ends - starts
        out = np.full(len(rows), np.inf)
        has = counts > 0
        if not has.any():
            return out
        idx = np.repeat(starts[has] - np.cumsum(counts[has]) + counts[has], counts[has]) + np.arange(
            int(counts[has].sum())
        )
        p1, p2 = math.radians(lat), np.radians(self.lat[idx])
        dp, dl = p2 - p1, np.radians(self.lon[idx] - lon)
        a = np.sin(dp / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
        d = 2 * 6371.0088 * np.arcsin(np.sqrt(a))
        firsts = np.concatenate([[0], np.cumsum(counts[has])[:-1]])
        out[has] = np.minimum.reduceat(d, firsts)
        return out

    def served_routes(self) -> frozenset[str]:
        """The safety levels some live service is the help for (once per snapshot: it never changes)."""
        if self._routes is None:
            self._routes = frozenset(
                k for (level, k), rows in self.post.items() if level == "route" and self.alive[rows].any()
            )
        return self._routes


class CandidateView(Mapping):
    """`service id -> Candidate` over one snapshot, made on access (for the answer rows and callers that look
    one service up); iterating all of them builds every Candidate: avoid it on a large kaart."""

    def __init__(self, cols: Columns) -> None:
        self.cols = cols

    def __getitem__(self, sid: str) -> Candidate:
        row = self.cols.row(sid)
        if row is None:
            raise KeyError(sid)
        return self.cols.candidate(row)

    def __contains__(self, sid: object) -> bool:
        return isinstance(sid, str) and self.cols.row(sid) is not None

    def __iter__(self) -> Iterator[str]:
        ids = self.cols.ids
        return iter([ids[r] for r in np.flatnonzero(self.cols.alive).tolist()])

    def __len__(self) -> int:
        return int(self.cols.alive.sum())


class CandidatePool:
    """Every service's candidate data as columns, kept current by the graph's change sequence: `load` once per
    process, then `update` with the re-read rows of the changed services only."""

    def __init__(self, builder: CandidateBuilder, ancestors: dict[str, set[str]]) -> None:
        self.builder = builder
        self.ancestors = ancestors
        self.curated = False  # any TOUCHES in the graph: central/incidental come from the data, not the name
        self.cols = Columns(Tables(), ancestors)

    def snapshot(self) -> Columns:
        """The current snapshot: a request reads one, consistently, while updates swap in newer ones."""
        return self.cols

    @property
    def by_id(self) -> CandidateView:
        return CandidateView(self.cols)

    def served_routes(self) -> frozenset[str]:
        return self.cols.served_routes()

    def load(self, data: Any, chunk: int = 5000) -> None:
        """All services (a new process, or a reader too far behind the change log), read from `data`
        (graph.search.MatchData) in chunks: the graph rows of 100 000 services never sit in memory at once."""
        self.curated = data.curated()
        ids = data.service_ids()
        empty = Columns(Tables(), self.ancestors)
        rows = _Rows(empty.t, 0)
        for start in range(0, len(ids), chunk):
            part = data.candidates(ids[start : start + chunk])
            if not self.curated:
                self.builder.derive_incidental(part)
            for r in part:
                rows.add(self.builder.candidate(r))
            del part
        self.cols = empty.appended(rows, [])

    def update(self, ids: set[str] | frozenset[str], rows: list[dict[str, Any]]) -> None:
        """Replace the services `ids` with their re-read `rows` (an id without a row was deleted): old rows are
        marked dead, new ones appended; a new snapshot is swapped in."""
        if not self.curated:
            self.builder.derive_incidental(rows)
        cols = self.cols
        fresh = _Rows(cols.t, cols.n)
        seen: set[str] = set()
        for r in rows:
            if r["id"] in ids and r["id"] not in seen:
                seen.add(r["id"])
                fresh.add(self.builder.candidate(r))
        dead = cols.rows(ids)
        new = cols.appended(fresh, dead)
        if new.dead >= max(COMPACT_MIN, COMPACT_FRACTION * new.n):
            new = new.compacted()
        self.cols = new

    def first(self, key: Callable[[Candidate], Any], niveau: str, status: str = "active") -> str | None:
        """The id of the service with this niveau and status whose `key` is smallest, ties to the smallest id.
        `key` must not depend on the service's identity or location: it is computed once per group."""
        cols = self.cols
        t = cols.t
        if not cols.n:
            return None
        want = (cols.col["niveau"] == t.niveau.find(niveau)) & (cols.col["status"] == t.status.find(status))
        rows = np.flatnonzero(want & cols.alive)
        if not len(rows):
            return None
        groups = cols.col["group"][rows]
        keys = {int(g): key(cols.representative(int(g))) for g in np.unique(groups).tolist()}
        best = min(keys.values())
        chosen = [g for g, k in keys.items() if k == best]
        return min(cols.ids[r] for r in rows[np.isin(groups, chosen)].tolist())
