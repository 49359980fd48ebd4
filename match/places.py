"""Where the asker is: the place field (any gazetteer kern or woonplaats, lat,lon, a postcode through the
geocoder) or a place named in the text. Field and text never override each other silently (issue 12).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from match.nlp import Analysis, fold

POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s?([a-zA-Z]{2})?\s*$")


@dataclass
class Place:
    name: str
    lat: float
    lon: float
    source: str  # veld | tekst


def resolve_place(
    analysis: Analysis, near: str | tuple[float, float] | None, analyzer: Any, postcode_lookup: Any
) -> tuple[Place | None, list[str]]:
    """The place distances are measured from: the place field when it is understood, else the place named
    in the text. Never silently: a message says which one was used, or why the field was not understood."""
    in_text, text_messages = text_place_of(analysis)
    text_place = Place(in_text.name, in_text.lat, in_text.lon, "tekst") if in_text else None
    if isinstance(near, tuple):
        return Place("locatie", float(near[0]), float(near[1]), "veld"), []
    if not (isinstance(near, str) and near.strip()):
        return text_place, text_messages
    field_place, problem = field_place_of(near.strip(), analyzer, postcode_lookup)
    messages = [problem] if problem else []
    if field_place is None:
        if text_place is not None:
            messages.append(f"De afstand is gemeten vanaf {text_place.name}, de plaats in uw vraag.")
        return text_place, messages
    if text_place is not None and fold(text_place.name) != fold(field_place.name):
        messages.append(
            f"U noemt {text_place.name} in uw vraag; de afstand is gemeten vanaf {field_place.name} "
            "uit het veld Woonplaats of postcode."
        )
    return field_place, messages


def text_place_of(analysis: Analysis) -> tuple[Any, list[str]]:
    """The place named in the text: a postcode (the most precise), else the first kern named ("in De Heurne of
    Dinxperlo" is measured from De Heurne). When the text names several places, a message says which one."""
    if not analysis.places:
        return None, []
    postcodes = [p for p in analysis.places if p.text[:1].isdigit()]
    chosen = postcodes[0] if postcodes else analysis.places[0]
    names = list(dict.fromkeys(p.name for p in analysis.places))
    if len(names) < 2:
        return chosen, []
    others = " en ".join(n for n in names if n != chosen.name)
    which = "de postcode in uw vraag" if postcodes else "de eerste plaats in uw vraag"
    return chosen, [f"U noemt ook {others}; de afstand is gemeten vanaf {chosen.name}, {which}."]


def field_place_of(near: str, analyzer: Any, postcode_lookup: Any) -> tuple[Place | None, str | None]:
    """A place typed in the place field: lat,lon, a postcode (through the geocoder) or a gazetteer name."""
    parsed = parse_latlon(near)
    if parsed:
        return Place("locatie", parsed[0], parsed[1], "veld"), None
    m = POSTCODE.match(near)
    if m:
        postcode = (m.group(1) + (m.group(2) or "")).upper()
        found = postcode_lookup(postcode) if postcode_lookup else None
        if found:
            return Place(found[0] or postcode, found[1], found[2], "veld"), None
        kern = analyzer.resolve_postcode(postcode) if analyzer else None
        if kern is not None:  # the four digits name a kern of the gazetteer: measure from its centre
            return Place(kern.name, kern.lat, kern.lon, "veld"), (
                f"De postcode {near} ligt in {kern.name}; de afstand is gemeten vanaf het midden van {kern.name}."
            )
        return None, (
            f"De postcode {near} konden we niet opzoeken (de landelijke adresservice PDOK is niet "
            "bereikbaar of niet ingesteld). Vul een plaatsnaam in, zoals Aalten of Dinxperlo."
        )
    hit = analyzer.resolve_place(near) if analyzer else None
    if hit is not None:
        return Place(hit.name, hit.lat, hit.lon, "veld"), None
    return None, (
        f"De plaats '{near}' kennen we niet. Kijk of de naam goed is geschreven, of vul een postcode in."
    )


def parse_latlon(text: str) -> tuple[float, float] | None:
    parts = text.replace(";", ",").split(",")
    if len(parts) != 2:
        return None
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if -90 <= lat <= 90 and -180 <= lon <= 180:
        return lat, lon
    return None
