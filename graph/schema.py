"""Schema setup: uniqueness of ids, lookup indexes and the point index. Idempotent on both backends."""

from __future__ import annotations

import time

from graph import changes
from graph.errors import GraphUnavailable
from graph.store import FalkorStore, GraphStore

# Every node label of the kaart has a unique `id`.
LABELS = (
    "Organisation",
    "Service",
    "Location",
    "Theme",
    "Doelgroep",
    "Kern",
    "Netwerk",
    "Phone",
    "Contact",
    "Schedule",
    "Source",
    "Change",
    "Proposal",
    "Account",
    "Taxonomy",
    "TaxonomyTerm",
    "Attribute",
    "HsdsRecord",  # HSDS rows kept for export that belong to no record of the kaart (graph/hsds_store.py)
    "TemporaryStatus",  # graph/statuses.py
    "Note",  # notes for colleagues, professional-only (graph/notes.py)
    "Shortlist",  # a professional's own lists (graph/shortlists.py)
)
INDEXES = (
    ("Service", "status"),
    ("Service", "niveau"),
    ("Organisation", "name"),
    ("Location", "postal_code"),
    ("Proposal", "status"),
    ("Proposal", "entity_id"),
    ("Change", "entity_id"),
    ("TaxonomyTerm", "taxonomy_id"),
    ("Shortlist", "owner_id"),
    ("Shortlist", "share_digest"),
)


def ensure_schema(store: GraphStore, timeout: float = 60.0) -> None:
    for label in LABELS:
        store.ensure_unique(label, "id")
    for label, prop in INDEXES:
        store.ensure_index(label, prop)
    store.ensure_index("Location", "point", point=True)
    changes.ensure(store)  # the search's change sequence (graph/changes.py)
    if isinstance(store, FalkorStore):
        # FalkorDB builds constraints in the background; writes before that would not be checked.
        deadline = time.monotonic() + timeout
        while not store.constraints_ready():
            if time.monotonic() > deadline:
                raise GraphUnavailable("FalkorDB: constraints niet op tijd klaar")
            time.sleep(0.05)
