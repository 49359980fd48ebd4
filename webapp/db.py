"""The graph store of this process, opened on first use and shared by all requests (clients are thread-safe)."""

from __future__ import annotations

import threading

from flask import Flask, current_app

from graph import GraphStore, connect

_lock = threading.Lock()


def get_store(app: Flask | None = None) -> GraphStore:
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    store = app.extensions.get("kaart_store")
    if store is None:
        with _lock:
            store = app.extensions.get("kaart_store")
            if store is None:
                store = connect(
                    app.config["GRAPH_URI"],
                    user=app.config.get("NEO4J_USER"),
                    password=app.config.get("NEO4J_PASSWORD"),
                )
                app.extensions["kaart_store"] = store
    return store


def close_store(app: Flask) -> None:
    matcher = app.extensions.get("kaart_matcher")
    if matcher is not None and hasattr(matcher, "close"):
        matcher.close()  # its follower thread polls this store: stopped first
    store = app.extensions.pop("kaart_store", None)
    if store is not None:
        store.close()
