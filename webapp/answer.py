"""Answering a hulpvraag: the one entry point of the public search, the professional search,
`POST /api/v1/match` and `kaart match`.

It holds what those four must do alike: refuse a text over the limit, ask the matcher of this app, and count
demand (theme ids and kern only, when KAART_DEMAND_STATS is on; never the text). It is also the Flask glue of
the matcher — one matcher per app, built on first use — so that `match` knows nothing of `webapp`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from flask import Flask, current_app

from graph.models import STALE_AFTER_DAYS
from ingest.geocode import geocoder_from_env
from match.engine import Matcher, MatchResult
from match.index import generation_of, rebuild
from match.language import not_dutch
from ontology.gemeente import load_profile
from webapp.beheer.analysis import record_demand
from webapp.db import get_store

MAX_TEXT = 4000  # the professional form's limit; longer is not a hulpvraag and only costs CPU
# Said when nothing fitted and the text is mostly not Dutch (English, Turkish, Arabic, Polish …, or letters at
# random): the matcher reads Dutch only, so the resident hears how to get an answer. Dutch, as every message of
# the match JSON; a page shows it in the interface language (webapp/notices.py), and the Dutch page adds
# NOT_DUTCH_EN as a line of its own (tester14 t14-30: a Dutch sentence with an English tail, ADR 0145).
NOT_DUTCH = (
    "Wij lezen alleen vragen in het Nederlands. Schrijf uw vraag in het Nederlands, kies een onderwerp, of neem "
    "contact op met de voordeur hieronder."
)
NOT_DUTCH_EN = "We can only read questions in Dutch. Choose your language at the top of the page to see the topics in it."

_lock = threading.Lock()


class HulpvraagTooLong(ValueError):
    """A text over MAX_TEXT characters: refused before any matching."""

    def __init__(self) -> None:
        super().__init__(f"Een hulpvraag is hooguit {MAX_TEXT} tekens.")


def get_matcher(app: Flask | None = None) -> Matcher:
    """The matcher of this app (one per process): built on first use, index rebuilt if there is none."""
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    matcher = app.extensions.get("kaart_matcher")
    if matcher is not None:
        return matcher
    with _lock:
        matcher = app.extensions.get("kaart_matcher")
        if matcher is None:
            store = get_store(app)
            index_dir = Path(app.config["INDEX_DIR"])
            backend = app.config.get("SEARCH_BACKEND") or "whoosh"
            if generation_of(backend, store, index_dir) is None:
                rebuild(backend, store, index_dir)
            matcher = Matcher(
                store,
                index_dir,
                postcode_lookup=postcode_lookup_from_env(),
                profile=load_profile(app.config.get("GEMEENTE_PROFILE") or None),  # the front door
                stale_after_days=int(app.config.get("STALE_AFTER_DAYS") or STALE_AFTER_DAYS),
                search_backend=backend,
                follow=True,  # a saved change is applied by a thread of this worker, not inside a request
            )
            app.extensions["kaart_matcher"] = matcher
    return matcher


def postcode_lookup_from_env() -> Callable[[str], tuple[str, float, float] | None] | None:
    """Postcodes in the place field through PDOK when `KAART_GEOCODER=pdok`, else None (the matcher then says
    in Dutch that it could not look the postcode up). Only the postcode is sent, never the hulpvraag."""
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


def answer_hulpvraag(
    text: str,
    *,
    near: str | None = None,
    audience: str = "public",
    limit: int = 10,
    themes_override: list[str] | None = None,
) -> MatchResult:
    """Who can help with this hulpvraag. Raises HulpvraagTooLong over MAX_TEXT characters. The text is
    processed in memory only: demand is counted as theme ids and kern, never as text. Needs an app context."""
    if len(text) > MAX_TEXT:
        raise HulpvraagTooLong()
    result = get_matcher().match(
        text, near=near, audience=audience, limit=limit, themes_override=themes_override
    )
    if result.front_door and not_dutch(text):  # an honest why the resident can act on (issue 12 point 6)
        result.messages.append(NOT_DUTCH)
    record_demand([t["id"] for t in result.themes], (result.place or {}).get("name"))
    return result
