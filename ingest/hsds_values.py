"""Cell values and locations for importers: text, numbers, dates and postcodes from source cells, and a
location with its kern and coordinates (shared by the HSDS, spreadsheet and register importers). Split out of
`ingest/hsds.py`, which re-exports the public names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graph.models import Kern, Location
from ontology import kern_id

POSTCODE = re.compile(r"^[1-9][0-9]{3}\s?[A-Z]{2}$")


def _s(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _int(value: Any) -> int | None:
    text = _s(value)
    return None if text is None else int(float(text))


def _float(value: Any) -> float | None:
    text = _s(value)
    return None if text is None else float(text.replace(",", "."))


def _date(value: Any) -> str | None:
    text = _s(value)
    return text[:10] if text else None


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "x"


def normal_postcode(value: str | None) -> str | None:
    """`7121AB`/`7121 ab` -> `7121 AB`; None when empty; ValueError when not a Dutch postcode."""
    text = _s(value)
    if not text:
        return None
    text = text.upper()
    if not POSTCODE.match(text):
        raise ValueError(f"ongeldige postcode {text!r}")
    text = text.replace(" ", "")
    return f"{text[:4]} {text[4:]}"


def kern_for(place: Any) -> Kern:
    return Kern(
        id=kern_id(place.name),
        name=place.name,
        gemeente=getattr(place, "gemeente", None) or None,
        latitude=float(place.lat),
        longitude=float(place.lon),
    )


def geocoded_location(
    id: str,
    name: str,
    org_id: str,
    address: str | None,
    postcode: str | None,
    city: str | None,
    *,
    gazetteer: Any,
    geocoder: Any,
    kernen: dict[str, Kern],
    warn: Callable[[str], None],
) -> Location:
    """A location from a register or spreadsheet row: its kern from the gazetteer (added to `kernen`) and its
    coordinates from the geocoder, with a warning when there are none."""
    place = gazetteer.place(city)
    kern_id = None
    if place is not None:
        kern = kern_for(place)
        kernen[kern.id] = kern
        kern_id = kern.id
    found = geocoder.geocode(address, postcode, city)
    if found is None:
        warn("locatie zonder coördinaten")
    return Location(
        id=id,
        name=name,
        organization_id=org_id,
        latitude=found.lat if found else None,
        longitude=found.lon if found else None,
        address_1=address,
        postal_code=postcode,
        city=city,
        kern=kern_id,
        approximate=bool(found and found.approximate),
    )
