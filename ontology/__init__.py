"""Ontology of the sociale kaart: themes, doelgroepen, niveaus, organisatiesoorten, cue words
and a gazetteer of Dutch woonplaatsen.

The data lives in plain YAML/CSV next to this file so domain experts can edit it; this package
loads it into frozen dataclasses (cached) and validates it. Public API::

    load_ontology(path: Path | None = None) -> Ontology
    load_gazetteer(path: Path | None = None) -> list[Place]
    load_niveaus(path: Path | None = None) -> tuple[Niveau, ...]   (cheap: the ladder and its labels)
    kern_id(name: str) -> str                                      (the one rule for kern ids)
    validate(ontology: Ontology) -> list[str]
"""

from .model import (
    NIVEAU_LADDER,
    REQUIRED_DOELGROEP_IDS,
    REQUIRED_ORGANISATIESOORT_IDS,
    REQUIRED_THEME_IDS,
    SIGNALS,
    TOP_LEVEL_IDS,
    CueEffect,
    Doelgroep,
    NegationCues,
    Niveau,
    Ontology,
    Organisatiesoort,
    Place,
    Theme,
    gazetteer_index,
    kern_id,
    load_gazetteer,
    load_niveaus,
    load_ontology,
    normalize_phrase,
    phrase_overlaps,
    validate,
)

__all__ = [
    "NIVEAU_LADDER",
    "REQUIRED_DOELGROEP_IDS",
    "REQUIRED_ORGANISATIESOORT_IDS",
    "REQUIRED_THEME_IDS",
    "SIGNALS",
    "TOP_LEVEL_IDS",
    "CueEffect",
    "Doelgroep",
    "NegationCues",
    "Niveau",
    "Ontology",
    "Organisatiesoort",
    "Place",
    "Theme",
    "gazetteer_index",
    "kern_id",
    "load_gazetteer",
    "load_niveaus",
    "load_ontology",
    "normalize_phrase",
    "phrase_overlaps",
    "validate",
]
