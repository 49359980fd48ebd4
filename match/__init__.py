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
            matcher = Matcher(store, index_dir)
            app.extensions["kaart_matcher"] = matcher
    return matcher
