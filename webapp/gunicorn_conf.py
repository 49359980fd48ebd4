"""Gunicorn settings of `kaart serve --workers N` and the Dockerfile (`gunicorn -c python:webapp.gunicorn_conf`).

Why (ADR 0094): every worker holds the Dutch NLP (spaCy, the thesaurus patterns, the word lists: ~100 MB that
do not depend on the kaart's data). The master loads the app (`preload_app`) and builds that NLP once before it
forks, then freezes the garbage collector's view of it, so the workers share those pages copy-on-write instead
of each building its own. The master never opens the graph: each worker connects on its first request, as
before, and loads its own candidates.
"""

from __future__ import annotations

import gc
import logging

preload_app = True


def when_ready(server: object) -> None:
    """After the app is loaded, before the first worker is forked: build the NLP the workers will share."""
    try:
        from match.nlp import warm

        warm()
    except Exception as exc:  # a worker builds its own on its first request; serving must not fail on this
        logging.getLogger("gunicorn.error").warning(
            "NLP niet vooraf geladen (%s); elke worker laadt het zelf", type(exc).__name__
        )
    gc.collect()
    gc.freeze()


def pre_fork(server: object, worker: object) -> None:
    """Whatever the master allocated since is frozen too: a worker's collections never write to shared pages."""
    gc.freeze()
