"""When the named kern has no help for this question, say where the nearest help is (tester24, smaller remarks;
ADR 0184).

Why: "Ik woon in Dinxperlo …" showed "In de buurt van: Dinxperlo (genoemd in uw vraag)" on the page while every
card was in Aalten, 9 km away (the demo places the gemeente's services at Aalten's centre), and neither the page nor
the API said so; `messages` was empty. The contract (BRIEF.md) carries the place itself in `place` ({"name", "lat",
"lon"}) and `place_source`; what was missing is a sentence for the asker, and `messages` is where the matcher's
sentences about places go (match/places.py), shown on the page in the interface language (webapp/notices.py). The
sentence is said when the place is named in the question (not typed in the place field, which the reader chose
and the page repeats), is a kern of this gemeente (the gazetteer's gemeente is the profile's), and none of
the first cards that have a place is in that kern: "In Dinxperlo zelf staat voor deze vraag nog geen hulp op de
kaart; de dichtstbijzijnde hulp is in Aalten." (B1, no "u" or "je": one sentence for every register). A national
line has no place and does not count; a card in the named kern keeps the page as it was.

Privacy: only place names and the cards' kernen are read; nothing is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

FIRST = 3  # the cards every reader sees
NOTE = "In {place} zelf staat voor deze vraag nog geen hulp op de kaart; de dichtstbijzijnde hulp is in {nearest}."


def nearest_help_note(place: Any, best: Sequence[Any], gazetteer: Iterable[Any], profile: Any) -> list[str]:
    """[the sentence] when `place` (match/places.py Place) is named in the text, is a kern of this gemeente and none
    of the first cards with a place (Scored, in the order shown) is there; else []."""
    if place is None or not best or getattr(place, "source", "") != "tekst":
        return []  # a kern typed in the place field is the reader's own choice (tests/test_match.py), not named
    gemeente = str(getattr(profile, "short_name", "") or "").casefold()
    name = str(place.name)
    kern = next((p for p in gazetteer if name.casefold() in (n.casefold() for n in p.names)), None)
    if kern is None or not gemeente or str(kern.gemeente or "").casefold() != gemeente:
        return []  # a place outside the gemeente has its own note (match/places.py, ADR 0163)
    placed = [s for s in best[:FIRST] if getattr(s.cand, "kernen", ())]
    if not placed:
        return []
    if any(name.casefold() in (k.casefold() for k in s.cand.kernen) for s in placed):
        return []
    nearest = min(placed, key=lambda s: float("inf") if s.dist is None else s.dist)
    other = nearest.cand.kernen[0]
    if other.casefold() == name.casefold():
        return []
    return [NOTE.format(place=name, nearest=other)]
