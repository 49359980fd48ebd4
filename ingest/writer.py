"""Writing imported records: provenance, "unchanged is not rewritten", curated data wins, whole records only.

Every importer maps its source to a `Mapped` bundle of plain records and hands it to `write_mapped`:

- Provenance on every record: `source` (the Source id), `source_record_id`, `imported_at`, `hash` (of what
  the source said, including the HSDS rows kept for export) and `import_state` (graph/hsds_store.py). One
  `Source` node per source records each run (graph/sources.py).
- A record whose hash did not change is counted `unchanged` and not written.
- Curated data wins: a field whose latest `Change` is a coördinator's edit is not overwritten by an import.
  When the source now says something different from what it said before, the import files an `update`
  Proposal (one FieldDiff per such field) for the review queue. A source marked `trusted` in
  ingest/sources.yaml overwrites edited fields directly. Every field an import changes leaves a `Change`.
- Whole records: a record, its relationships, its HSDS rows, its audit Changes and its Proposals — and for a
  service its phones — are written in one unit of work (`GraphStore.write_all`, batched), in dependency order
  (organisations, locations, services). A crash (kill -9) leaves each record entirely old or entirely new;
  re-running converges because unchanged records are skipped and ids are stable.
- After the write, duplicate detection (ingest/dedupe.py) files `merge` Proposals.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import hashlib
import json
import logging
import os
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from graph.changes import bump_statement, tracked_refs
from graph.hsds_store import HsdsStore, encode_state
from graph.models import Kern, Location, Netwerk, Organisation, Phone, Provenance, Service, UpsertResult
from graph.proposals import (
    ChangeRepository,
    FieldDiff,
    Proposal,
    ProposalRepository,
    jsonable,
    new_change,
    proposal_id,
)
from graph.repositories import (
    KernRepository,
    LocationRepository,
    NetwerkRepository,
    OrganisationRepository,
    PhoneRepository,
    ServiceRepository,
)
from graph.sources import Source, SourceRepository
from graph.store import GraphStore, Statement
from ingest.base import Report
from ingest.dedupe import propose_merges
from ingest.screen import screen

log = logging.getLogger(__name__)
SOURCES_FILE = Path(__file__).resolve().parent / "sources.yaml"
KIND_OF_LABEL = {
    "Organisation": "organisations",
    "Location": "locations",
    "Service": "services",
    "Phone": "phones",
    "Netwerk": "netwerken",
}


# --- source configuration ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceConfig:
    id: str
    kind: str
    name: str
    trusted: bool = False
    url: str | None = None

    def node(self) -> Source:
        return Source(id=self.id, kind=self.kind, name=self.name, trusted=self.trusted, url=self.url)


@cache
def _sources_doc(path: str) -> dict[str, Any]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}


def source_config(source_id: str, kind: str, name: str | None = None) -> SourceConfig:
    """The configuration of a source from ingest/sources.yaml (or the file in `KAART_SOURCES_FILE`): the first
    entry whose pattern matches the source id, over the defaults."""
    doc = _sources_doc(os.environ.get("KAART_SOURCES_FILE") or str(SOURCES_FILE))
    values: dict[str, Any] = dict(doc.get("defaults") or {})
    for pattern, entry in (doc.get("sources") or {}).items():
        if fnmatch.fnmatchcase(source_id, str(pattern)):
            values.update(entry or {})
            break
    return SourceConfig(
        id=source_id,
        kind=kind,
        name=name or values.get("name") or source_id,
        trusted=bool(values.get("trusted", False)),
        url=values.get("url"),
    )


# Fields the import does not own: derived by the matcher (theme suggestions); an import keeps what is there.
DERIVED = {"Service": ("suggested_themes",)}
# Relationship fields are sets: sorted, so order in the source never counts as a change.
SET_FIELDS = {
    "Service": ("themes", "suggested_themes", "doelgroepen", "location_ids", "kernen", "scales_up_to"),
    "Netwerk": ("members",),
}


def canonical(label: str, record: Any) -> Any:
    """The record with its set-like fields sorted and without duplicates."""
    values = {}
    for name in SET_FIELDS.get(label, ()):
        items = getattr(record, name)
        if name == "members":
            uniq = {(m.organisation_id, m.rol or "", m.status or ""): m for m in items}
            value = tuple(uniq[k] for k in sorted(uniq))
        else:
            value = tuple(sorted(set(items))) if len(items) > 1 else tuple(items)
        if value != items:
            values[name] = value
    return dataclasses.replace(record, **values) if values else record


_FIELDS: dict[type, tuple[str, ...]] = {}


def record_fields(record: Any) -> dict[str, Any]:
    """The record's fields as plain JSON values (a fast `jsonable(asdict(record))` for flat records)."""
    cls = type(record)
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    out = {}
    for name in names:
        value = getattr(record, name)
        if value.__class__ is tuple:
            value = (
                [jsonable(v) for v in value] if value and dataclasses.is_dataclass(value[0]) else list(value)
            )
        out[name] = value
    return out


def _sorted(values: Any) -> list[Any]:
    return sorted(values or [], key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))


# --- the bundle importers produce ----------------------------------------------------------------------


@dataclass
class Mapped:
    """Records from one source, ready to write. Keys of the dicts are (label, id)."""

    organisations: list[Organisation] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    phones: list[Phone] = field(default_factory=list)
    kernen: list[Kern] = field(default_factory=list)
    netwerken: list[Netwerk] = field(default_factory=list)
    hsds: dict[tuple[str, str], dict[str, list[dict[str, str]]]] = field(default_factory=dict)
    srid: dict[tuple[str, str], str] = field(default_factory=dict)  # source record id, when not the id
    where: dict[tuple[str, str], tuple[str, int]] = field(
        default_factory=dict
    )  # file and row, for the report
    taxonomies: list[dict[str, str]] = field(default_factory=list)  # HSDS taxonomy rows
    terms: list[dict[str, str]] = field(default_factory=list)  # HSDS taxonomy_term rows
    orphans: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # HSDS rows without a record
    proposals: list[Proposal] = field(default_factory=list)  # filed as they are (documents)
    proposal_where: dict[str, tuple[str, int]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {
            "organisations": len(self.organisations),
            "services": len(self.services),
            "locations": len(self.locations),
            "phones": len(self.phones),
            "netwerken": len(self.netwerken),
        }


@dataclass
class _Item:
    label: str
    record: Any
    hsds: dict[str, list[dict[str, str]]] | None
    srid: str
    where: tuple[str, int] | None
    id: str = ""

    def __post_init__(self) -> None:
        self.id = self.record.id


@dataclass
class _Plan:
    statements: list[Statement] = field(default_factory=list)
    result: UpsertResult = field(default_factory=UpsertResult)
    proposals: list[tuple[Proposal, _Item, bool]] = field(default_factory=list)  # (proposal, item, new)
    touched: list[str] = field(default_factory=list)  # created or updated ids


@dataclass(frozen=True)
class _Fingerprints:
    """What the source said per record, as stored in `import_state`; its hash is the record's content hash."""

    fields: dict[str, dict[str, Any]]
    states: dict[str, str]
    hashes: dict[str, str]

    @classmethod
    def of(cls, items: Sequence[_Item]) -> _Fingerprints:
        fields = {it.id: record_fields(it.record) for it in items}
        states = {it.id: encode_state(fields[it.id], it.hsds) for it in items}
        hashes = {rid: hashlib.sha256(state.encode()).hexdigest()[:32] for rid, state in states.items()}
        return cls(fields, states, hashes)


@dataclass
class _Diff:
    """Step 2 for one record the graph has: per field, changed, kept (derived or curated) or disputed."""

    base: dict[str, Any] | None  # what the source said last time (None: never imported)
    keep: dict[str, Any] = field(default_factory=dict)  # fields the graph keeps as they are
    diffs: list[FieldDiff] = field(default_factory=list)  # curated fields the source now disputes
    changed: list[tuple[str, Any, Any]] = field(default_factory=list)  # (field, old, new) to write


def _compare(label: str, it: _Item, cur: Any, base: dict[str, Any] | None, curated: Sequence[str]) -> _Diff:
    """Compare the source's record with the graph's: derived fields stay; a field a coördinator edited stays
    and becomes a dispute when the source changed it since the last import; other differences are changes."""
    diff = _Diff(base)
    for f in dataclasses.fields(it.record):
        if f.name in DERIVED.get(label, ()):
            if cur is not None:
                diff.keep[f.name] = getattr(cur, f.name)
            continue
        new = jsonable(getattr(it.record, f.name))
        old = jsonable(getattr(cur, f.name)) if cur is not None else None
        if f.name in SET_FIELDS.get(label, ()):
            new, old = _sorted(new), _sorted(old)
        if new == old:
            continue
        if f.name in curated:
            diff.keep[f.name] = getattr(cur, f.name)
            if base is None or base.get(f.name) != new:
                diff.diffs.append(FieldDiff(f.name, old, new))
            continue
        diff.changed.append((f.name, old, new))
    return diff


def _tally(plan: _Plan, items: Sequence[_Item], outcome: dict[str, str]) -> None:
    """Counts and ids per outcome (created, updated, unchanged) for the report."""
    for it in items:
        o = outcome[it.id]
        setattr(plan.result, o, getattr(plan.result, o) + 1)
        plan.result.ids[it.id] = o
        if o in {"created", "updated"}:
            plan.touched.append(it.id)


# --- the writer ----------------------------------------------------------------------------------------


class Writer:
    def __init__(
        self,
        store: GraphStore,
        source: SourceConfig,
        report: Report,
        imported_at: str,
        *,
        batch_size: int | None = None,
    ) -> None:
        self.store = store
        self.source = source
        self.report = report
        self.imported_at = imported_at
        # Records per unit of work. Neo4j pays per transaction (1 000: ~600 services/s, 5 000: ~1 200/s);
        # FalkorDB is as fast either way, and smaller units mean less to redo after a crash.
        self.batch_size = batch_size or (5000 if store.dialect.name == "neo4j" else 1000)
        self.prov = Provenance(source=source.id, imported_at=imported_at)
        self.repos = {
            "Organisation": OrganisationRepository(store),
            "Location": LocationRepository(store),
            "Service": ServiceRepository(store),
            "Phone": PhoneRepository(store),
            "Netwerk": NetwerkRepository(store),
        }
        self.hsds_store = HsdsStore(store)
        self.changes = ChangeRepository(store)
        self.proposals = ProposalRepository(store)
        self.touched: dict[str, list[str]] = defaultdict(list)
        self._where: dict[tuple[str, str], tuple[str, int]] = {}
        self._inflight: Future | None = None

    # -- planning one batch of one label -------------------------------------------------------------

    def _plan(self, label: str, items: Sequence[_Item]) -> _Plan:
        """One batch of one label: which records are new, unchanged or changed (curated fields kept, a proposal
        where the source now disagrees with a coördinator's edit), and the statements that write them."""
        plan = _Plan()
        if not items:
            return plan
        repo = self.repos[label]
        items = list({it.id: it for it in items}.values())  # the same id twice: the last one wins
        prints = _Fingerprints.of(items)
        outcome = self._new_or_unchanged(repo, items, prints)
        to_write = [it for it in items if outcome.get(it.id) == "created"]
        finals: dict[str, Any] = {}
        changes: list[Any] = []
        candidates = [it for it in items if it.id not in outcome]
        if candidates:
            ids = [it.id for it in candidates]
            current = {r.id: r for r in repo.get_many(ids)}
            stored_states = self.hsds_store.states(label, ids)
            curated = {} if self.source.trusted else self.changes.curated_fields(label, ids)
            for it in candidates:
                state = stored_states.get(it.id) or {}
                diff = _compare(label, it, current.get(it.id), state.get("fields"), curated.get(it.id, ()))
                raw_changed = (state.get("hsds") or {}) != (it.hsds or {})
                outcome[it.id] = "updated" if diff.changed or raw_changed else "unchanged"
                base_now = {k: v for k, v in prints.fields[it.id].items() if v is not None}
                if diff.changed or raw_changed or diff.diffs or diff.base != base_now:
                    to_write.append(it)
                    finals[it.id] = dataclasses.replace(it.record, **diff.keep) if diff.keep else it.record
                changes.extend(self._change_records(label, it.id, diff.changed))
                if diff.diffs:
                    plan.proposals.append((self._proposal(label, it.id, diff.diffs), it, True))
        _tally(plan, items, outcome)
        if to_write:
            plan.statements.extend(self._upsert_statements(label, to_write, finals, prints, outcome))
        if changes:
            plan.statements.append(self.changes.add_statement(changes))
        if plan.proposals:
            self._file_proposals(plan)
        return plan

    @staticmethod
    def _new_or_unchanged(repo: Any, items: Sequence[_Item], prints: _Fingerprints) -> dict[str, str]:
        """Step 1, by content hash alone: ids the graph does not have are created, equal hashes unchanged."""
        stored = repo.stored_hashes([it.id for it in items])
        outcome: dict[str, str] = {}
        for it in items:
            if it.id not in stored:
                outcome[it.id] = "created"
            elif stored[it.id] == prints.hashes[it.id]:
                outcome[it.id] = "unchanged"
        return outcome

    def _change_records(self, label: str, rid: str, changed: Sequence[tuple[str, Any, Any]]) -> list[Any]:
        """Step 3: one audit record per changed field, by this source."""
        return [
            new_change(label, rid, name, old, new, who=self.source.id, source="import", ref=self.source.id)
            for name, old, new in changed
        ]

    def _proposal(self, label: str, rid: str, diffs: Sequence[FieldDiff]) -> Proposal:
        """Step 4: the source disagrees with a coördinator's edit: a proposal, never an overwrite."""
        reason = "door een coördinator bewerkt; de bron zegt nu iets anders: " + ", ".join(
            d.field for d in diffs
        )
        return Proposal(
            id=proposal_id("update", label, rid, self.source.id, diffs),
            kind="update",
            entity_type=label,
            entity_id=rid,
            diffs=tuple(diffs),
            source=self.source.id,
            created_at=self.imported_at,
            reason=reason,
        )

    def _upsert_statements(
        self,
        label: str,
        to_write: Sequence[_Item],
        finals: dict[str, Any],
        prints: _Fingerprints,
        outcome: dict[str, str],
    ) -> list[Statement]:
        """Step 5: the batched upsert of what changed, with its import state and provenance."""
        records = [finals.get(it.id, it.record) for it in to_write]
        # Netwerk has a field `source` of its own (the document it comes from): its provenance is only in
        # `imported_from`/`imported_at`, which every record gets with its import state.
        prov = None if label == "Netwerk" else self.prov
        extra = {
            it.id: {
                "import_state": prints.states[it.id],
                "source_record_id": it.srid,
                "imported_from": self.source.id,
                "imported_at": self.imported_at,
            }
            for it in to_write
        }
        return self.repos[label].upsert_statements(
            records,
            prov,
            hashes={it.id: prints.hashes[it.id] for it in to_write},
            new_ids={it.id for it in to_write if outcome[it.id] == "created"},
            extra_props=extra,
        )

    def _file_proposals(self, plan: _Plan) -> None:
        """Step 6: store the proposals not filed before (the same disagreement twice is one proposal)."""
        known = self.proposals.existing([p.id for p, _, _ in plan.proposals])
        fresh = [p for p, _, _ in plan.proposals if p.id not in known]
        if fresh:
            plan.statements.append(self.proposals.add_statement(fresh))
        plan.proposals = [(p, it, p.id not in known) for p, it, _ in plan.proposals]

    def _submit(self, statements: list[Statement]) -> None:
        """Run a unit of work in the writer thread, at most one in flight: while the graph writes batch k the
        next batch is planned (the client and the server each get a core). Units run in order."""
        self._flush()
        if statements:
            self._inflight = self._pool.submit(self.store.write_all, statements)

    def _flush(self) -> None:
        if self._inflight is not None:
            done, self._inflight = self._inflight, None
            done.result()  # re-raises a failed unit's error

    def _commit(self, plans: Sequence[tuple[str, _Plan]]) -> None:
        statements = [s for _, p in plans for s in p.statements]
        refs = [r for label, p in plans for r in tracked_refs(label, p.touched)]
        if refs:  # the search of every worker re-reads these services (graph/changes.py)
            statements.append(bump_statement(refs))
        self._submit(statements)
        for label, p in plans:
            self.report.add_upsert(KIND_OF_LABEL[label], p.result)
            self.touched[label].extend(p.touched)
            for prop, it, is_new in p.proposals:
                file, row = it.where or ("", 0)
                diff_text = "; ".join(f"{d.field}: {d.old!r} -> {d.new!r}" for d in prop.diffs)
                self.report.propose(file, row, it.id, f"voorstel {prop.id}: {diff_text}", new=is_new)
            for rid, o in p.result.ids.items():
                file, row = self._where.get((label, rid), ("", 0))
                self.report.outcome(file, row, rid, o, label)

    # -- the whole bundle ----------------------------------------------------------------------------

    def write(self, mapped: Mapped) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaart-import")
        try:
            self._write(mapped)
            self._flush()
        finally:
            self._inflight = None
            self._pool.shutdown(wait=True)

    def _write(self, mapped: Mapped) -> None:
        self._where = mapped.where
        if mapped.kernen:
            self.report.counts["kernen"] += KernRepository(self.store).upsert(mapped.kernen).created
        statements, counts = self.hsds_store.statements(
            mapped.taxonomies, mapped.terms, [], source=self.source.id, imported_at=self.imported_at
        )
        if statements:
            self.store.write_all(statements)
        for k, v in counts.items():
            self.report.counts[k] += v

        def item(label: str, record: Any) -> _Item:
            key = (label, record.id)
            record = canonical(label, record)
            return _Item(
                label, record, mapped.hsds.get(key), mapped.srid.get(key, record.id), mapped.where.get(key)
            )

        phones_of: dict[tuple[str, str], list[_Item]] = defaultdict(list)
        for ph in mapped.phones:
            owner = (
                ("Service", ph.service_id)
                if ph.service_id
                else ("Location", ph.location_id)
                if ph.location_id
                else ("Organisation", ph.organization_id)
                if ph.organization_id
                else ("", "")
            )
            phones_of[owner].append(item("Phone", ph))

        for label, records in (
            ("Organisation", mapped.organisations),
            ("Location", mapped.locations),
            ("Service", mapped.services),
        ):
            for start in range(0, len(records), self.batch_size):
                batch = [item(label, r) for r in records[start : start + self.batch_size]]
                companions = [ph for it in batch for ph in phones_of.pop((label, it.id), [])]
                plans = [(label, self._plan(label, batch))]
                if companions:
                    plans.append(("Phone", self._plan("Phone", companions)))
                self._commit(plans)
        rest = [ph for items in phones_of.values() for ph in items]  # phones of records not in this bundle
        for start in range(0, len(rest), self.batch_size):
            self._commit([("Phone", self._plan("Phone", rest[start : start + self.batch_size]))])
        for start in range(0, len(mapped.netwerken), self.batch_size):
            batch = [item("Netwerk", n) for n in mapped.netwerken[start : start + self.batch_size]]
            self._commit([("Netwerk", self._plan("Netwerk", batch))])
        self._flush()
        if mapped.orphans:
            statements, counts = self.hsds_store.statements(
                [], [], mapped.orphans, source=self.source.id, imported_at=self.imported_at
            )
            if statements:
                self.store.write_all(statements)
            self.report.counts["hsds_records"] += counts["hsds_records"]
        if mapped.proposals:
            fresh = set(self.proposals.add(mapped.proposals))
            for p in mapped.proposals:
                file, row = mapped.proposal_where.get(p.id, ("", 0))
                self.report.propose(
                    file,
                    row,
                    p.entity_id,
                    f"voorstel {p.id} ({p.kind}): {p.reason or ''}".strip(),
                    new=p.id in fresh,
                )


def write_mapped(
    store: GraphStore,
    mapped: Mapped,
    source: SourceConfig,
    report: Report,
    imported_at: str,
    *,
    dedupe: bool = True,
    batch_size: int | None = None,
    path: str | None = None,
) -> Writer:
    """Write a bundle (see module doc); then duplicate detection and the Source node's run record."""
    screen(mapped, report)  # the input boundary: javascript: links, NUL bytes, ?cc= addresses (issue 15)
    writer = Writer(store, source, report, imported_at, batch_size=batch_size)
    writer.write(mapped)
    if dedupe and writer.touched.get("Organisation"):
        propose_merges(
            store,
            writer.touched["Organisation"],
            report,
            source_id=source.id,
            created_at=imported_at,
            where=mapped.where,
        )
    counts = report.summary()
    SourceRepository(store).record_run(source.node(), path=path, at=imported_at, counts=counts)
    # A key=value event (webapp.logs): source id and counts, nothing from the rows themselves.
    log.info("import", extra={"fields": {"source": source.id, **counts}})
    return writer
