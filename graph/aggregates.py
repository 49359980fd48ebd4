"""Whole-kaart aggregates (theme counts, kernen in use, list pages) cached per process until the kaart changes:
one cheap version read per request instead of a count over every service (docs/adr/0098)."""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from graph import changes
from graph.repositories import ServiceRepository
from graph.store import GraphStore

T = TypeVar("T")


class KaartAggregates:
    """Whole-kaart aggregates (services per theme, the kernen in use) kept per process and per store, valid while
    the kaart is unchanged.

    Before each use one indexed read (`kaart_version`: the change sequence of docs/adr/0090 and the number of
    services, about 0.2 ms) tells whether the kaart changed; every service write that changes what these count
    (beheer edit, approved proposal, import, ontology load) bumps the sequence in its own unit of work, so the next
    request after a saved change counts again: on this worker and every other one. A burst of requests between
    two changes counts once. Counting runs under a lock per key: one thread counts, the others wait for it
    instead of counting the same thing at the same time. See docs/adr/0098-kaart-aggregates-per-change.md."""

    MAX_ENTRIES = 512  # per store; least recently used first out (pages of lists are kept here too)

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stores: weakref.WeakKeyDictionary[GraphStore, OrderedDict[tuple, tuple[tuple, Any]]] = (
            weakref.WeakKeyDictionary()
        )
        self._key_locks: weakref.WeakKeyDictionary[GraphStore, dict[tuple, threading.Lock]] = (
            weakref.WeakKeyDictionary()
        )
        self.computed = 0  # how many times something was counted (tests, benches)

    def get(self, store: GraphStore, key: tuple, compute: Callable[[], T]) -> T:
        version = kaart_version(store)
        with self._lock:
            entries = self._stores.setdefault(store, OrderedDict())
            key_lock = self._key_locks.setdefault(store, {}).setdefault(key, threading.Lock())
            found = entries.get(key)
            if found is not None and found[0] == version:
                entries.move_to_end(key)
                return found[1]
        with key_lock:
            with self._lock:
                found = entries.get(key)
            if found is not None and found[0] == version:
                return found[1]  # another thread counted while this one waited
            value = compute()
            with self._lock:
                self.computed += 1
                # Stored under the version read BEFORE counting: a change during the count is counted again.
                entries[key] = (version, value)
                entries.move_to_end(key)
                while len(entries) > self.MAX_ENTRIES:
                    old, _ = entries.popitem(last=False)
                    self._key_locks[store].pop(old, None)
            return value

    def forget(self) -> None:
        with self._lock:
            self._stores.clear()
            self._key_locks.clear()


AGGREGATES = KaartAggregates()


def kaart_version(store: GraphStore) -> tuple[int, int]:
    """The change sequence and the number of services: changes whenever a count of the site may change."""
    return changes.current_seq(store), ServiceRepository(store).count()
