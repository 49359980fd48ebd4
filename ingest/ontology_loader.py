"""Load the ontology (themes with BROADER, doelgroepen) into the graph: `kaart init` calls this."""

from __future__ import annotations

from graph import changes
from graph.models import Doelgroep, Theme
from graph.repositories import DoelgroepRepository, ThemeRepository
from graph.store import GraphStore
from ontology import load_ontology


def load_ontology_into_graph(store: GraphStore) -> dict[str, int]:
    onto = load_ontology()
    themes = [
        Theme(
            id=t.id,
            label=t.label,
            b1_label=t.b1_label,
            description=t.description,
            signal=t.signal,
            parents=tuple(t.parents),
        )
        for t in onto.themes.values()
    ]
    groups = [
        Doelgroep(id=d.id, label=d.label, b1_label=d.b1_label, min_age=d.min_age, max_age=d.max_age)
        for d in onto.doelgroepen.values()
    ]
    t = ThemeRepository(store).upsert(themes)
    d = DoelgroepRepository(store).upsert(groups)
    if t.created + t.updated + d.created + d.updated:
        # A service's broader themes and ages come from this tree: every worker's candidates are rebuilt.
        store.write(*changes.bump_statement([changes.EVERYTHING]))
    return {
        "themes": len(themes),
        "themes_changed": t.created + t.updated,
        "doelgroepen": len(groups),
        "doelgroepen_changed": d.created + d.updated,
    }
