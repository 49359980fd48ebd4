"""The full-text index (whoosh-reloaded): derived data, rebuilt from the graph into a temp dir and swapped in,
and kept current between rebuilds by the graph's change sequence (graph/changes.py).

It holds service ids and the text they are found by (name, description, organisation name, theme labels and
synonyms); everything else is read from the graph. Searches are in memory; a query is never written.

Each generation directory records the graph seq it reflects (`seq.json`). Any process of a node that sees a
newer seq in the graph applies the changed services with `update_document` (`SearchIndex.catch_up`), under an
exclusive file lock, so of the workers on one node one writes and the others see its commit at their next
search. A rebuild reads the seq before the documents: what changes during the build is applied on top.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import qparser, scoring
from whoosh.analysis import LanguageAnalyzer
from whoosh.fields import ID, KEYWORD, TEXT, Schema
from whoosh.reading import MultiReader, SegmentReader
from whoosh.searching import Searcher

from graph import changes
from graph.search import MatchData, SearchDocs
from graph.store import GraphStore
from match import postings
from match.index_build import TermCache, write_generation
from match.query_words import word_query

CURRENT = "current"
SEARCHED = "content"  # the field a search looks in; its postings also go in the numpy sidecar (ADR 0099)
SEQ_FILE = "seq.json"  # the graph seq a generation reflects
APPLY_LOCK = ".apply.lock"  # held while changes are applied to a generation (one writer per node)
log = logging.getLogger(__name__)


def _schema() -> Schema:
    dutch = LanguageAnalyzer("nl")
    # One field keeps a search to one posting-list lookup per word (whoosh is pure Python): `content` (name
    # twice, organisation, description, theme words). No `plain` field since issue 14: nothing searched it
    # (`kaart eval` has a BM25 index of its own) and it was a third of the work of a rebuild; an index built
    # before still has it and answers `search(plain=True)`.
    # `fingerprint`: a hash of exactly what was indexed for the service, so `kaart check` can tell a stale index
    # (a name, description, organisation or theme changed since the build) from a current one.
    return Schema(
        id=ID(stored=True, unique=True),
        fingerprint=ID(stored=True),
        # No positions (phrase=False): a query is words joined with OR, never a phrase (`_clean` drops quotes,
        # a word that analyses into several terms becomes an OR group), and BM25F scores from frequencies and
        # lengths only. Positions cost a pickle per posting when built and a bigger posting list when searched.
        content=TEXT(analyzer=dutch, phrase=False),
        theme_ids=KEYWORD(stored=False, commas=True),
    )


@dataclass
class IndexStats:
    services: int
    seconds: float
    path: str


def service_documents(store: GraphStore) -> list[dict[str, Any]]:
    return MatchData(store).documents()


def rebuild_index(store: GraphStore, index_dir: Path, ontology: Any = None, procs: int | None = None) -> int:
    """Build a fresh index from the graph next to the old one, then switch a pointer file atomically.

    `procs`: processes that write segments (default: up to 2 cores; match/index_build.py)."""
    from ontology import load_ontology

    onto = ontology or load_ontology()
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix="build-", dir=index_dir))
    seq = changes.current_seq(store)  # before the documents: later changes are applied on top (idempotent)
    try:
        docs = service_documents(store)
        terms = TermCache()
        prepare = lambda doc: index_fields(doc, onto, terms)  # noqa: E731
        write_generation(build, _schema(), docs, prepare, procs, sidecar=SEARCHED)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    _write_seq(build, seq)
    _switch(index_dir, build.name)
    return len(docs)


def _write_seq(gen_dir: Path, seq: int) -> None:
    tmp = gen_dir / f".{SEQ_FILE}.{os.getpid()}"
    tmp.write_text(json.dumps({"seq": seq}))
    os.replace(tmp, gen_dir / SEQ_FILE)


def _read_seq(gen_dir: Path) -> int | None:
    """The graph seq this generation reflects; None for an index built before the change sequence."""
    try:
        return int(json.loads((gen_dir / SEQ_FILE).read_text())["seq"])
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return None


@contextlib.contextmanager
def _apply_lock(gen_dir: Path, wait: float):
    """An exclusive lock on a generation across processes (fcntl); yields False when not had within `wait`."""
    fd = os.open(gen_dir / APPLY_LOCK, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    yield False
                    return
                time.sleep(0.02)
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def index_fields(doc: dict[str, Any], onto: Any, terms: TermCache | None = None) -> dict[str, Any]:
    """The indexed fields of one service document from the graph, with their fingerprint.

    With `terms` (a new whoosh generation): `content` as its analysed terms, each part analysed once (the name
    is in it twice), the theme words once per theme set; and no `plain` (that schema has none)."""
    theme_text = []
    for tid in doc["themes"] or []:
        t = onto.themes.get(tid)
        if t is not None:
            theme_text.append(t.label)
            theme_text.extend(list(getattr(t, "synonyms", ()) or ())[:8])
    name, org, description = doc["name"] or "", doc["organisation"] or "", doc["description"] or ""
    themes = " ".join(theme_text)
    fields = {
        "id": doc["id"],
        "content": f"{name} {name} {org} {description} {themes}",
        "plain": f"{name} {org} {description}",
        "theme_ids": ",".join(doc["themes"] or []),
    }
    raw = "\x1f".join((fields["content"], fields["plain"], fields["theme_ids"]))
    fields["fingerprint"] = hashlib.sha256(raw.encode()).hexdigest()[:24]
    if terms is not None:  # the same terms as the analyzer on the joined text: a space never joins two words
        n = terms(name)
        fields["content"] = n + n + terms.repeated(org) + terms(description) + terms.repeated(themes)
        del fields["plain"]
    return fields


@dataclass
class IndexCheck:
    """How the index compares with the graph: services missing from it, gone from the graph, or changed."""

    graph: int
    indexed: int
    missing: list[str]
    extra: list[str]
    changed: list[str]

    @property
    def current(self) -> bool:
        return not (self.missing or self.extra or self.changed)


def compare_with_graph(
    store: GraphStore, index_dir: Path, ontology: Any = None, backend: str = "whoosh"
) -> IndexCheck:
    """Raises FileNotFoundError when there is no index at all."""
    from ontology import load_ontology

    onto = ontology or load_ontology()
    want = {d["id"]: index_fields(d, onto)["fingerprint"] for d in service_documents(store)}
    index = open_index(backend, store, index_dir)
    try:
        have = index.fingerprints()
    finally:
        index.close()
    return IndexCheck(
        graph=len(want),
        indexed=len(have),
        missing=sorted(want.keys() - have.keys()),
        extra=sorted(have.keys() - want.keys()),
        changed=sorted(i for i in want.keys() & have.keys() if want[i] != have[i]),
    )


def _switch(index_dir: Path, name: str) -> None:
    """Point `current` at generation `name`. The generation it replaces stays on disk until the next switch: a
    process that read the pointer just before can still open it (its next request opens the new one). Only
    the generation before that is removed; a process that still has it open keeps reading its open files."""
    pointer = index_dir / CURRENT
    old, previous = _pointer(index_dir)
    tmp = index_dir / f".{CURRENT}.{os.getpid()}"
    tmp.write_text(json.dumps({"dir": name, "previous": old, "built": time.time()}))
    os.replace(tmp, pointer)
    for gone in {previous} - {None, name, old}:
        shutil.rmtree(index_dir / gone, ignore_errors=True)


def _pointer(index_dir: Path) -> tuple[str | None, str | None]:
    """The current generation and the one it replaced."""
    try:
        data = json.loads((index_dir / CURRENT).read_text())
        return data["dir"], data.get("previous")
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return None, None


def _current_name(index_dir: Path) -> str | None:
    return _pointer(index_dir)[0]


def current_generation(index_dir: Path) -> str | None:
    return _current_name(Path(index_dir))


class SearchIndex:
    """A read-only handle on the current index generation."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        name = _current_name(self.index_dir)
        if name is None or not (self.index_dir / name).exists():
            raise FileNotFoundError(f"geen zoekindex in {self.index_dir}; draai `kaart reindex`")
        self.generation = name
        self.path = self.index_dir / name
        self._ix = windex.open_dir(str(self.path))
        self._searcher = self._ix.searcher(weighting=scoring.BM25F())
        self._lock = threading.Lock()
        self._sidecars: dict[str, postings.Sidecar | None] = {}  # per segment id; None: whoosh scores it
        self._deleted: dict[str, tuple[int, Any]] = {}  # segment id → (deletions, their docnums)
        self._parser = _parser(SEARCHED, self._ix.schema, qparser.OrGroup)
        self._plain = (
            _parser("plain", self._ix.schema, qparser.OrGroup) if "plain" in self._ix.schema else None
        )

    def ids(self) -> set[str]:
        return {f["id"] for f in self._searcher.all_stored_fields()}

    def fingerprints(self) -> dict[str, str | None]:
        """Id → fingerprint of what was indexed (None in an index built before fingerprints existed)."""
        return {f["id"]: f.get("fingerprint") for f in self._searcher.all_stored_fields()}

    def search(self, text: str, limit: int = 50, *, plain: bool = False) -> list[tuple[str, float]]:
        """Service ids with BM25 scores for free text; query syntax characters are treated as text."""
        cleaned = _clean(text)
        if not cleaned:
            return []
        parser = self._plain if plain else self._parser
        if parser is None:
            raise ValueError("deze zoekindex heeft geen veld `plain` (sinds issue 14)")
        query = word_query(parser, cleaned)  # the parser's own query, without its tagger (ADR 0118)
        if query is None:
            query = parser.parse(cleaned)
        clauses = None if plain else postings.query_terms(query, SEARCHED)
        if clauses == []:  # only stop words: whoosh finds nothing either
            return []
        # One whoosh search at a time per handle: whoosh's readers seek and read shared files, so two threads of
        # a gunicorn worker searching at once read each other's bytes (UnpicklingError, struct.error, IndexError
        # under `make load` at 100 000 services). The numpy part reads memory-mapped arrays: no lock.
        with self._lock:
            # Another worker of this node may have committed changes to this generation. When the generation
            # was replaced and removed, its open files still answer until this process opens the new one.
            with contextlib.suppress(OSError, windex.EmptyIndexError):
                self._searcher = self._refreshed()
            plan = None if clauses is None else self._plan(query, clauses)
            if plan is None:
                hits = self._searcher.search(query, limit=limit)
                return [(h["id"], float(h.score)) for h in hits]
        return postings.collect((part() if callable(part) else part for part in plan), limit)

    def _plan(self, query: Any, clauses: list[tuple[str, float]]) -> list[Any] | None:
        """Under the lock: whoosh's statistics for the query, and per segment either its matches scored by whoosh
        (a segment without sidecar: written by `catch_up`) or a function that scores it with numpy (ADR 0099).
        None when no segment has a sidecar (a generation built before it): whoosh searches as before."""
        searcher = self._searcher
        leaves = searcher.leaf_searchers()
        sidecars = [self._sidecar(sub.reader()) for sub, _ in leaves]
        weighting = searcher.weighting
        if not any(sidecars) or type(weighting) is not scoring.BM25F:
            return None
        B, K1 = weighting._field_B.get(SEARCHED, weighting.B), weighting.K1
        field = searcher.schema[SEARCHED]
        stats = [(_to_bytes(field, text), boost) for text, boost in clauses]
        stats = [(t, boost, searcher.idf(SEARCHED, t) if t is not None else 0.0) for t, boost in stats]
        avgfl = searcher.avg_field_length(SEARCHED) or 1
        plan: list[Any] = []
        for (sub, offset), sidecar in zip(leaves, sidecars, strict=True):
            if sidecar is None:
                plan.append(self._whoosh_part(query, searcher, sub, offset))
                continue
            deleted = self._deleted_docs(sub.reader().segment())
            count = sub.doc_count_all()

            def part(sidecar=sidecar, offset=offset, deleted=deleted, count=count) -> tuple[Any, Any, Any]:
                total = postings.segment_scores(sidecar, stats, avgfl, count, B, K1)
                total[deleted] = 0  # whoosh's leaf matchers skip deleted documents
                hit = postings.np.flatnonzero(total > 0)
                return total[hit], hit + offset, lambda pos: sidecar.id_of(int(hit[pos]))

            plan.append(part)
        return plan

    def _whoosh_part(self, query: Any, searcher: Any, sub: Any, offset: int) -> tuple[Any, Any, Any]:
        """Every match of one segment with whoosh's own score (as its collector gets them), ids when asked."""
        np = postings.np
        matcher = query.matcher(sub, searcher.context())
        docs, scores = [], []
        while matcher.is_active():
            docs.append(matcher.id())
            scores.append(matcher.score())
            matcher.next()

        def stored_id(pos: int) -> str:
            with self._lock:
                return sub.stored_fields(docs[pos])["id"]

        return np.asarray(scores, dtype=np.float64), np.asarray(docs, dtype=np.int64) + offset, stored_id

    def _sidecar(self, reader: Any) -> postings.Sidecar | None:
        segment = reader.segment()
        if segment is None:
            return None
        sid = segment.segment_id()
        if sid not in self._sidecars:
            self._sidecars[sid] = postings.Sidecar.open(self.path, sid, SEARCHED, segment.doc_count_all())
        return self._sidecars[sid]

    def _deleted_docs(self, segment: Any) -> Any:
        """The deleted document numbers of a segment, kept for its latest deletion count only."""
        sid, count = segment.segment_id(), segment.deleted_count()
        have = self._deleted.get(sid)
        if have is None or have[0] != count:
            have = self._deleted[sid] = (
                count,
                postings.np.fromiter(segment.deleted_docs(), dtype=postings.np.int64),
            )
        return have[1]

    def _refreshed(self) -> Any:
        """The searcher for the generation's latest commit. Not whoosh's `Searcher.refresh()`: it reuses a
        segment's reader when the segment's deletions changed (an edited service was found in its old and its
        new version, a deleted one still found) and keeps segments a commit merged away. Here a reader is
        reused only for a segment of the new commit with the same deletions (they only grow)."""
        searcher = self._searcher
        ix = self._ix
        if ix.latest_generation() == searcher.reader().generation():
            return searcher
        toc = windex.TOC.read(ix.storage, ix.indexname)
        old = {r.segment().segment_id(): r for r, _ in searcher.reader().leaf_readers() if r.segment()}
        readers = []
        for segment in toc.segments:
            reader = old.get(segment.segment_id())
            if reader is None or reader.segment().deleted_count() != segment.deleted_count():
                reader = SegmentReader(ix.storage, toc.schema, segment, generation=toc.generation)
            readers.append(reader)
        if not readers:
            return searcher
        reader = readers[0] if len(readers) == 1 else MultiReader(readers, generation=toc.generation)
        return Searcher(reader, weighting=scoring.BM25F(), fromindex=ix)

    def seq(self) -> int | None:
        """The graph seq this index reflects (written by whoever applied the last change on this node)."""
        return _read_seq(self.path)

    def catch_up(self, store: GraphStore, upto: int, ontology: Any = None, wait: float = 1.0) -> bool:
        """Apply the services changed in the graph up to seq `upto` that this generation does not have yet.

        True when the index is at `upto` afterwards. False when it cannot be caught up incrementally (built
        before the change sequence, or further behind than the graph's change log: `kaart reindex`), or when
        another process of this node held the lock longer than `wait` (its commit shows at the next search)."""
        have = self.seq()
        if have is not None and have >= upto:
            return True
        if have is None:
            return False
        with _apply_lock(self.path, wait) as locked:
            if not locked:
                return False
            have = self.seq()
            if have is None or have >= upto:
                return have is not None
            found = changes.since(store, have, upto)
            if found.full:
                log.warning(
                    "zoekindex te ver achter op de graaf (seq %s, graaf %s); draai `kaart reindex`",
                    have,
                    upto,
                )
                return False
            if found.services:
                self._apply(store, sorted(found.services), ontology)
            _write_seq(self.path, found.seq)
        return True

    def _apply(self, store: GraphStore, ids: list[str], ontology: Any) -> None:
        from ontology import load_ontology

        onto = ontology or load_ontology()
        docs = {d["id"]: d for d in MatchData(store).documents(ids)}
        writer = self._ix.writer(timeout=5.0, delay=0.02)  # the whoosh lock; ours makes it uncontended
        names = set(writer.schema.names())  # `plain` only in a generation built before issue 14
        try:
            for sid in ids:
                if sid in docs:
                    fields = index_fields(docs[sid], onto)
                    writer.update_document(**{k: v for k, v in fields.items() if k in names})
                else:  # deleted (or no longer provided by an organisation)
                    writer.delete_by_term("id", sid)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def close(self) -> None:
        with self._lock:  # not under a search of another thread
            self._searcher.close()
            self._ix.close()
            self._sidecars.clear()  # their maps go with the last search that holds them


def _to_bytes(field: Any, text: str) -> bytes | None:
    """A term as the index stores it; None where whoosh's `Term.matcher` gives up (a NullMatcher)."""
    try:
        return field.to_bytes(text)
    except ValueError:
        return None


def _parser(field: str, schema: Schema, group: Any) -> qparser.QueryParser:
    parser = qparser.QueryParser(field, schema=schema, group=group)
    for plugin in (qparser.WildcardPlugin, qparser.FieldsPlugin, qparser.RangePlugin, qparser.BoostPlugin):
        parser.remove_plugin_class(plugin)
    return parser


def _clean(text: str) -> str:
    """Drop query syntax: the text is words, never operators (no injection into the query language)."""
    out = []
    for ch in text[:2000]:
        out.append(ch if ch.isalnum() or ch in " -'" else " ")
    words = [w.strip("-'") for w in "".join(out).split()]
    return " ".join(
        w for w in words if w and w.upper() not in {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
    )


# --- the graph backend (KAART_SEARCH_BACKEND=graph) ----------------------------------------------------------

BACKENDS = ("whoosh", "graph")
GRAPH_GENERATION = "graph"  # one shared index in the graph server: no generations on disk


_DUTCH = LanguageAnalyzer("nl")  # the whoosh analysis (stemming, stop words), for a server that has none


def _terms(text: str) -> list[str]:
    return [t.text for t in _DUTCH(text)]


def _doc_row(doc: dict[str, Any], onto: Any) -> dict[str, str]:
    fields = index_fields(doc, onto)
    return {
        "id": fields["id"],
        "content": fields["content"],
        "plain": fields["plain"],
        "content_terms": " ".join(_terms(fields["content"])),
        "plain_terms": " ".join(_terms(fields["plain"])),
        "fingerprint": fields["fingerprint"],
    }


def rebuild_graph_index(store: GraphStore, ontology: Any = None, batch: int = 1000) -> int:
    """(Re)write every service's search document in the graph and drop the documents of services that are gone.
    Searches go on meanwhile: documents are replaced in place, each batch in one unit."""
    from ontology import load_ontology

    onto = ontology or load_ontology()
    docs_repo = SearchDocs(store)
    docs_repo.ensure()
    seq = changes.current_seq(store)  # before the documents: later changes are applied on top (idempotent)
    docs = service_documents(store)
    for start in range(0, len(docs), batch):
        store.write_all(
            [docs_repo.upsert_statement([_doc_row(d, onto) for d in docs[start : start + batch]])]
        )
    docs_repo.delete_all_but([d["id"] for d in docs])
    store.write(*docs_repo.set_seq_statement(seq))
    return len(docs)


class GraphSearchIndex:
    """The same interface as `SearchIndex`, answered by the graph server's full-text index: shared by every web
    node, kept current by whichever worker first sees a change (a claim on the index seq in the graph)."""

    generation = GRAPH_GENERATION

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.docs = SearchDocs(store)
        if self.docs.seq() is None:
            raise FileNotFoundError("geen zoekindex in de graaf; draai `kaart reindex`")

    def ids(self) -> set[str]:
        return set(self.docs.fingerprints())

    def fingerprints(self) -> dict[str, str | None]:
        return self.docs.fingerprints()

    def search(self, text: str, limit: int = 50, *, plain: bool = False) -> list[tuple[str, float]]:
        cleaned = _clean(text)
        words = cleaned.replace("-", " ").replace("'", " ").split()
        if not words:
            return []
        terms = [t for t in dict.fromkeys(_terms(cleaned)) if t.isalnum()]
        return self.docs.search(words, terms, "plain" if plain else "content", limit)

    def seq(self) -> int | None:
        return self.docs.seq()

    def catch_up(self, store: GraphStore, upto: int, ontology: Any = None, wait: float = 1.0) -> bool:
        """Apply the changed services up to `upto`, once for all nodes: the documents and the claim of the step
        from the index's seq to `upto` are one unit; a worker that loses the claim wrote the same documents."""
        from ontology import load_ontology

        have = self.docs.seq()
        if have is None:
            return False
        if have >= upto:
            return True
        found = changes.since(store, have, upto)
        if found.full:
            log.warning(
                "zoekindex in de graaf te ver achter (seq %s, graaf %s); draai `kaart reindex`", have, upto
            )
            return False
        onto = ontology or load_ontology()
        ids = sorted(found.services)
        docs = {d["id"]: d for d in MatchData(store).documents(ids)} if ids else {}
        statements = []
        if docs:
            statements.append(self.docs.upsert_statement([_doc_row(d, onto) for d in docs.values()]))
        gone = [i for i in ids if i not in docs]
        if gone:
            statements.append(self.docs.delete_statement(gone))
        statements.append(self.docs.claim_statement(have, found.seq))
        store.write_all(statements)
        return True

    def close(self) -> None:
        """Nothing to close: the graph connection belongs to the store."""


def open_index(backend: str, store: GraphStore, index_dir: Path) -> SearchIndex | GraphSearchIndex:
    """The search index of `backend` (KAART_SEARCH_BACKEND): FileNotFoundError when there is none yet."""
    if backend == "graph":
        return GraphSearchIndex(store)
    return SearchIndex(index_dir)


def generation_of(backend: str, store: GraphStore, index_dir: Path) -> str | None:
    """What identifies the index a process should have open: the current whoosh generation on this node, or
    the graph's one shared index (None: none built yet)."""
    if backend == "graph":
        return GRAPH_GENERATION if SearchDocs(store).seq() is not None else None
    return current_generation(index_dir)


def rebuild(backend: str, store: GraphStore, index_dir: Path, ontology: Any = None) -> int:
    """`kaart reindex` for the configured backend."""
    if backend == "graph":
        return rebuild_graph_index(store, ontology)
    return rebuild_index(store, index_dir, ontology)
