"""The gazetteer of Dutch woonplaatsen (gazetteer.csv): loading and the name index.

Kept apart from the ontology loader because it is a separate data file with its own callers (geocoding,
kernen); `ontology.model` and `ontology` re-export its names.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Place:
    """A Dutch woonplaats from the shipped gazetteer."""

    name: str
    lat: float
    lon: float
    gemeente: str | None
    province: str | None
    aliases: tuple[str, ...] = ()
    population: int | None = None
    source: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@lru_cache(maxsize=4)
def _load_gazetteer(path: Path) -> tuple[Place, ...]:
    places: list[Place] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            aliases = tuple(a for a in (row.get("aliases") or "").split("|") if a)
            population = (row.get("population") or "").strip()
            places.append(
                Place(
                    name=row["name"],
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    gemeente=row.get("gemeente") or None,
                    province=row.get("province") or None,
                    aliases=aliases,
                    population=int(population) if population else None,
                    source=row.get("source") or "",
                )
            )
    return tuple(places)


def load_gazetteer(path: Path | None = None) -> list[Place]:
    """Dutch woonplaatsen with coordinates from the shipped gazetteer.csv (GeoNames, CC BY 4.0).

    Cached; returns a new list each call so callers may sort or filter it freely.
    """
    return list(_load_gazetteer(Path(path).resolve() if path is not None else DATA_DIR / "gazetteer.csv"))


@lru_cache(maxsize=1)
def place_cues() -> dict[str, frozenset[str]]:
    """The words around a place in a text (gazetteer.yaml): `postcode_cues` and `region_cues`."""
    import yaml

    with (DATA_DIR / "gazetteer.yaml").open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    return {
        key: frozenset(str(w).casefold() for w in raw.get(key) or ())
        for key in ("postcode_cues", "region_cues")
    }


def place_rank(place: object) -> tuple[bool, int]:
    """Which of two woonplaatsen with the same name a text means: one of the kaart's region (the gazetteer gives
    its gemeente: "Beek" near Montferland on the Aalten kaart) before a larger namesake elsewhere, then the
    larger."""
    return bool(getattr(place, "gemeente", None)), getattr(place, "population", 0) or 0


def gazetteer_index(path: Path | None = None) -> dict[str, tuple[Place, ...]]:
    """Lower-cased name or alias -> places with that name, most populous first (names repeat)."""
    index: dict[str, list[Place]] = {}
    for place in load_gazetteer(path):
        for name in place.names:
            bucket = index.setdefault(name.casefold(), [])
            if place not in bucket:
                bucket.append(place)
    return {key: tuple(sorted(bucket, key=lambda p: -(p.population or 0))) for key, bucket in index.items()}
