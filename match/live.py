"""A worker's search data, kept current: the candidates (match.pool.CandidatePool, columns) and the full-text index
(match.index), loaded once per process and then brought up to date from the graph's change sequence
(graph/changes.py, docs/adr/0090-change-sequence-for-search.md), re-reading only the services that changed.

The matcher asks `refresh()` at the start of every request: a new index generation (after `kaart reindex`)
is opened; otherwise, at most every `poll_seconds`, one indexed read of the sequence tells whether anything
changed, in any process on any node. A web worker (`follow=True`) leaves that to a follower thread of its own
(docs/adr/0100-match-request-path.md): it polls the sequence and applies what changed to the candidates and
the full-text index while requests go on with the snapshot they have, so no request pays for a change.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path

from graph import changes
from graph.errors import GraphError
from graph.search import MatchData
from graph.store import GraphStore
from match.index import GRAPH_GENERATION, GraphSearchIndex, SearchIndex, generation_of, open_index
from match.pool import CandidatePool

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5  # how often a worker asks the graph for changes (an edit is searchable well within 2 s)


class LiveData:
    def __init__(
        self,
        store: GraphStore,
        index_dir: Path,
        pool: CandidatePool,
        ontology: object,
        *,
        search_backend: str = "whoosh",
        poll_seconds: float = POLL_SECONDS,
        follow: bool = False,
    ) -> None:
        self.store = store
        self.index_dir = Path(index_dir)
        self.pool = pool
        self.onto = ontology
        # KAART_SEARCH_BACKEND: whoosh (files on each node) or graph (the graph server's, shared by all nodes)
        self.search_backend = search_backend
        self.poll_seconds = poll_seconds
        self.index: SearchIndex | GraphSearchIndex | None = None
        self.generation: str | None = None
        self.next_poll = 0.0
        self.seq: int | None = None  # the graph change seq the candidates reflect
        self.index_seq: int | None = None  # the seq the index was last caught up to
        self._lock = threading.Lock()
        self.follow = follow  # a follower thread applies the changes, not the requests
        self._follower: threading.Thread | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()

    def refresh(self, force: bool, ready: bool, on_open: Callable[[MatchData, bool], None]) -> None:
        """Open the current index generation when it is new (or `force`, or not `ready`), calling
        `on_open(data, force)` under the lock (the matcher's NLP setup); else poll for changes."""
        gen = self._current_generation()
        if not force and gen == self.generation and ready:
            if self.following():
                return  # the follower applies the changes: this request answers from the current snapshot
            now = time.monotonic()
            if now >= self.next_poll:
                self.next_poll = now + self.poll_seconds
                self.catch_up()
            return
        with self._lock:
            if not force and gen == self.generation and ready:
                return
            try:
                index = open_index(self.search_backend, self.store, self.index_dir) if gen else None
            except (FileNotFoundError, OSError, ValueError):
                # Derived data gone or damaged: keep answering from the graph (themes, niveau, distance)
                # until `kaart reindex` rebuilds it; `kaart check` reports the problem.
                log.warning(
                    "zoekindex in %s ontbreekt of is beschadigd; alleen zoeken op thema", self.index_dir
                )
                index = None
            data = MatchData(self.store)
            seq = changes.current_seq(self.store)  # before the rows: later changes are applied on top
            on_open(data, force)
            if force or self.seq is None or changes.since(self.store, self.seq, seq).full:
                self._load_all(data)
                self.seq = seq
            old = self.index
            self.index, self.generation, self.index_seq = index, gen, None
            self.next_poll = 0.0
            if old is not None:
                old.close()
        self.catch_up()
        if self.follow:
            self.start_following()

    # -- the follower thread ---------------------------------------------------------------------------

    def following(self) -> bool:
        """Is a follower thread of this process applying the changes? (Not after a fork: threads do not
        survive one, so a forked process's requests catch up themselves until it starts its own.)"""
        thread = self._follower
        return thread is not None and thread.is_alive()

    def start_following(self) -> None:
        """Start the follower thread (a daemon), once the data is loaded. It holds this object only weakly
        and stops with `stop()`, when the store is closed, or when this object is gone."""
        if self.following():
            return
        self._stop.clear()
        thread = threading.Thread(
            target=_follow, args=(weakref.ref(self), self._wake, self._stop), name="kaart-follow", daemon=True
        )
        self._follower = thread
        thread.start()

    def wake(self) -> None:
        """Make the follower poll now instead of at the end of its interval (tests, the bench)."""
        self._wake.set()

    def stop(self) -> None:
        """Stop the follower thread (the web app closes its store); requests catch up themselves after this."""
        self._stop.set()
        self._wake.set()
        thread, self._follower = self._follower, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5.0)

    def _load_all(self, data: MatchData) -> None:
        if self.pool.by_id:  # a reload: the old candidates may be collected. Not on the first load: what a
            gc.unfreeze()  # gunicorn master froze before forking (the NLP, ADR 0094) stays shared, unwalked
        self.pool.load(data)
        # Move the candidates out of the cyclic GC's way, so full collections do not walk 100 000s of objects
        # during a request (a ~20 ms tail otherwise).
        gc.collect()
        gc.freeze()
        _trim()

    def _current_generation(self) -> str | None:
        if self.search_backend == "graph" and self.generation == GRAPH_GENERATION:
            # One shared index, kept current by the change sequence: no read per request.
            return self.generation
        return generation_of(self.search_backend, self.store, self.index_dir)

    def catch_up(self) -> None:
        """Apply the graph's changes since the last seen seq (cheap when there are none: one indexed read)."""
        try:
            seq = changes.current_seq(self.store)
        except GraphError:
            return  # the graph is down: the request itself will say so
        index = self.index
        if seq == self.seq and (index is None or self.index_seq == seq):
            return
        with self._lock:
            if self.seq is not None and seq != self.seq:
                found = changes.since(self.store, self.seq, seq)
                if found.full:
                    self._load_all(MatchData(self.store))
                elif found.services:
                    ids = sorted(found.services)
                    self.pool.update(found.services, MatchData(self.store).candidates(ids))
                self.seq = found.seq
            if index is not None and self.index_seq != seq:
                try:
                    if index.catch_up(self.store, seq, self.onto):
                        self.index_seq = seq
                except (OSError, ValueError, GraphError) as exc:  # a generation swapped or removed under us
                    log.warning("zoekindex niet bij te werken: %s", exc)


def _follow(ref: weakref.ref[LiveData], wake: threading.Event, stop: threading.Event) -> None:
    """The follower: every `poll_seconds` (or when woken) apply the graph's changes, until stopped."""
    while not stop.is_set():
        live = ref()
        if live is None or _closed(live.store):
            return
        try:
            live.catch_up()
        except Exception:  # noqa: BLE001 - a failed step is retried at the next poll; the follower keeps going
            log.exception("wijzigingen uit de graaf niet bijgewerkt")
        period = live.poll_seconds
        del live  # not held while waiting: a dropped matcher ends its follower
        if wake.wait(period):
            wake.clear()


def _closed(store: GraphStore) -> bool:
    """A closed store is not polled: a read on it would reconnect, and could even restart an embedded server
    that its owner stopped (`FalkorStore._revive`)."""
    return bool(getattr(store, "_closed", False))


def _trim() -> None:
    """Give the memory freed after a load (the graph rows, read in chunks) back to the system (glibc only)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
