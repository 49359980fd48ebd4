"""The three trained word models together: their artefacts' status and building them now (ADR 0146).

Why a module of its own: `kaart models` (and the Dockerfile, at image build) trains the models once so that no
process trains at start-up, and `kaart check` says which model files a process of this checkout uses; both need
the three recipes side by side, which match/artefact.py cannot import (the models import it).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from match import artefact


@dataclass(frozen=True)
class ModelFile:
    """One model's artefact: where it is (None: no model folder), whether it matches today's recipe, and (after
    `build`) how the model was had and in how many seconds."""

    name: str
    path: Path | None
    current: bool
    how: str = ""
    seconds: float = 0.0


def recipes(onto: Any) -> list[artefact.Recipe]:
    """The recipes of the theme, safety and writer models for this ontology."""
    from match import safety_model, themeclf, writer

    return [themeclf.recipe(onto), safety_model.recipe(onto), writer.recipe()]


def status(onto: Any) -> list[ModelFile]:
    """Per model the file a process would load, and whether it is there for today's data and code (nothing is
    trained or loaded: cheap enough for `kaart check`)."""
    out = []
    for recipe in recipes(onto):
        key = recipe.key()
        out.append(
            ModelFile(
                recipe.name, artefact.path_for(recipe.name, key), artefact.load(recipe.name, key) is not None
            )
        )
    return out


def build(onto: Any) -> list[ModelFile]:
    """Have all three models (loaded when current, else trained and written) and say how, per model."""
    from match import safety_model, themeclf, writer

    out = []
    for name, make in (
        ("themes", lambda: themeclf.model_for(onto)),
        ("safety", lambda: safety_model.model_for(onto)),
        ("writer", writer.model),
    ):
        t0 = time.perf_counter()
        make()
        path, how = artefact.used().get(name, (None, "al in het geheugen"))
        out.append(ModelFile(name, path, how != "getraind, niet bewaard", how, time.perf_counter() - t0))
    return out
