"""Writes the matcher depends on reach every worker through the change sequence (graph/changes.py)."""

from __future__ import annotations

from graph import changes
from graph.models import Theme
from graph.repositories import ThemeRepository
from ingest.ontology_loader import load_ontology_into_graph


def test_a_changed_theme_tree_makes_every_worker_reload_and_an_unchanged_one_does_not(kaart):
    load_ontology_into_graph(kaart)
    seq = changes.current_seq(kaart)
    assert seq > 0 and changes.since(kaart, seq - 1).full, "the first load changes every service's themes"

    load_ontology_into_graph(kaart)  # `kaart init` again, same ontology: nothing to re-read
    assert changes.current_seq(kaart) == seq

    # Someone edited the tree in the graph (an older release): the next load puts it back, and workers reload.
    theme = ThemeRepository(kaart).get("schulden")
    ThemeRepository(kaart).upsert([Theme(id=theme.id, label=theme.label, parents=())])
    load_ontology_into_graph(kaart)
    assert changes.current_seq(kaart) == seq + 1
    assert changes.since(kaart, seq).full
