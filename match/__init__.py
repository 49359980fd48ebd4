"""The matcher: Dutch NLP (match.nlp), full-text index (match.index) and ranking (match.engine).

Its own package because the CLI (`kaart match`, `kaart eval`), the JSON API and the professional pages all use
it, and none of them should own it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

_lock = threading.Lock()


def get_matcher(app: Any):
    """The matcher of this app (one per process): built on first use, index rebuilt if there is none."""
    from match.engine import Matcher
    from match.index import current_generation, rebuild_index
    from webapp.db import get_store

    matcher = app.extensions.get("kaart_matcher")
    if matcher is not None:
        return matcher
    with _lock:
        matcher = app.extensions.get("kaart_matcher")
        if matcher is None:
            store = get_store(app)
            index_dir = Path(app.config["INDEX_DIR"])
            if current_generation(index_dir) is None:
                rebuild_index(store, index_dir)
            matcher = Matcher(store, index_dir, postcode_lookup=postcode_lookup_from_env())
            app.extensions["kaart_matcher"] = matcher
    return matcher


def postcode_lookup_from_env() -> Any:
    """Postcodes in the place field through PDOK when `KAART_GEOCODER=pdok`, else None (the matcher then says
    in Dutch that it could not look the postcode up). Only the postcode is sent, never the hulpvraag."""
    from ingest.geocode import geocoder_from_env

    try:
        pdok = geocoder_from_env().pdok
    except ValueError:
        return None
    if pdok is None:
        return None

    def lookup(postcode: str) -> tuple[str, float, float] | None:
        found = pdok.geocode(postcode=postcode)
        return (found.label or postcode, found.lat, found.lon) if found else None

    return lookup
