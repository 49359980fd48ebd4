"""The gemeente profile: name, look and front door of the kaart (``ontology/gemeenten/*.yaml``).

Why here: the matcher (never a dead end) and the site (identity, a way in for every result) both need it, and
``ontology`` is the bottom layer both may read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DEFAULT_PROFILE = Path(__file__).with_name("gemeenten") / "aalten.yaml"


@dataclass(frozen=True)
class FrontDoor:
    name: str
    description: str = ""
    description_je: str = ""  # the same for a child or teenager ("je"), our own words (ADR 0145)
    service_ids: dict[str, tuple[str, ...]] = field(default_factory=dict)
    website: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    hours: str = ""

    def is_door(self, service_id: str | None) -> bool:
        """True for a service that is itself a front door (its page must not send people to itself)."""
        return bool(service_id) and any(service_id in ids for ids in self.service_ids.values())

    def services_for(self, kern: str | None) -> tuple[str, ...]:
        """Front-door service ids for a kern (case-insensitive), else the default ("*")."""
        if kern:
            for key, ids in self.service_ids.items():
                if key.casefold() == kern.casefold():
                    return ids
        return self.service_ids.get("*", ())


@dataclass(frozen=True)
class GemeenteProfile:
    id: str
    name: str
    short_name: str
    website: str = ""
    logo: str = ""
    colours: dict[str, str] = field(default_factory=dict)
    kernen: tuple[str, ...] = ()
    front_door: FrontDoor = field(default_factory=lambda: FrontDoor(name=""))
    # a card's description in "je" for a child or teenager, per service id: the service's own text said to a young
    # reader (tester25 N-R, ADR 0189); a service without one shows a short "je" line on a "je" page
    cards_je: dict[str, str] = field(default_factory=dict)


def _str(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key) or ""
    if not isinstance(value, str):
        raise ValueError(f"gemeenteprofiel: '{key}' moet tekst zijn")
    return value.strip()


def parse_profile(raw: dict[str, Any]) -> GemeenteProfile:
    """Build a profile from parsed YAML; raises ValueError with a Dutch message on bad input."""
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("name"):
        raise ValueError("gemeenteprofiel: 'id' en 'name' zijn verplicht")
    door = raw.get("front_door") or {}
    ids = {
        str(kern): tuple(str(s) for s in (v if isinstance(v, list) else [v]))
        for kern, v in (door.get("service_ids") or {}).items()
    }
    return GemeenteProfile(
        id=_str(raw, "id"),
        name=_str(raw, "name"),
        short_name=_str(raw, "short_name") or _str(raw, "name"),
        website=_str(raw, "website"),
        logo=_str(raw, "logo"),
        colours={str(k): str(v) for k, v in (raw.get("colours") or {}).items()},
        kernen=tuple(str(k) for k in raw.get("kernen") or ()),
        front_door=FrontDoor(
            name=_str(door, "name"),
            description=_str(door, "description"),
            description_je=_str(door, "description_je"),
            service_ids=ids,
            website=_str(door, "website"),
            phone=_str(door, "phone"),
            email=_str(door, "email"),
            address=_str(door, "address"),
            hours=_str(door, "hours"),
        ),
        cards_je=_cards_je(raw),
    )


def _cards_je(raw: dict[str, Any]) -> dict[str, str]:
    """`cards_je`: {service id: text}; raises ValueError with a Dutch message on bad input."""
    cards = raw.get("cards_je") or {}
    if not isinstance(cards, dict) or not all(isinstance(v, str) and v.strip() for v in cards.values()):
        raise ValueError("gemeenteprofiel: 'cards_je' moet per dienst-id een tekst zijn")
    return {str(k): " ".join(v.split()) for k, v in cards.items()}


@lru_cache(maxsize=8)
def _load(path: str) -> GemeenteProfile:
    with open(path, encoding="utf-8") as fh:
        return parse_profile(yaml.safe_load(fh))


def load_profile(path: str | Path | None = None) -> GemeenteProfile:
    """The profile at ``path``, else ``KAART_GEMEENTE_PROFILE``, else the Aalten demo profile (cached)."""
    chosen = path or os.environ.get("KAART_GEMEENTE_PROFILE") or DEFAULT_PROFILE
    return _load(str(Path(chosen).resolve()))
