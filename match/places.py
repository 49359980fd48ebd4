"""Where the asker is: the place field (any gazetteer kern or woonplaats, lat,lon, a postcode through the
geocoder) or a place named in the text. Field and text never override each other silently (issue 12).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from match.compounds import common_words
from match.lives_now import lives_now_first
from match.nlp import Analysis, PlaceHit, fold
from match.place_notes import gemeente_of, need_is_theirs, relatives_elsewhere
from match.place_of_need import inside_first
from match.whose_place import other_lives_there, writers_places
from ontology.gazetteer import place_cues

POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s?([a-zA-Z]{2})?\s*$")
# Typed as a postcode but not one: "7121 A", "712 AB", "71211", "7121ABC" (ADR 0175).
ALMOST_POSTCODE = re.compile(r"^\s*([0-9]{3,6})\s?-?\s?([a-zA-Z]{0,4})\s*$")
# Typed around a place name in the field: "Dinxperlo.", "(Aalten)", curly apostrophes ("’t Goor").
EDGE_PUNCTUATION = ' \t.,;:!?()[]"“”„'
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
# Words before four digits that make them a postcode, and before a lower-case woonplaats of the region: data.
CUES = place_cues()


@dataclass
class Place:
    name: str
    lat: float
    lon: float
    source: str  # veld | tekst


def resolve_place(
    analysis: Analysis,
    near: str | tuple[float, float] | None,
    analyzer: Any,
    postcode_lookup: Any,
    kernen: set[str] | None = None,
) -> tuple[Place | None, list[str]]:
    """The place distances are measured from, and the messages about places: see `_resolve_place`; with the
    kaart's `kernen`, also a relative told as living outside the gemeente (`relatives_elsewhere`, ADR 0163)."""
    ours = frozenset(g for g in (gemeente_of(k, analyzer) for k in kernen or ()) if g)
    place, messages = _resolve_place(analysis, near, analyzer, postcode_lookup, ours)
    return place, messages + relatives_elsewhere(analysis, analyzer, kernen)


def _resolve_place(
    analysis: Analysis,
    near: str | tuple[float, float] | None,
    analyzer: Any,
    postcode_lookup: Any,
    gemeenten: frozenset[str] = frozenset(),
) -> tuple[Place | None, list[str]]:
    """The place distances are measured from: the place field when it is understood, else the place named
    in the text. Never silently: a message says which one was used, or why the field was not understood."""
    in_text, text_messages = text_place_of(analysis, analyzer, gemeenten)
    # "'s-Heerenberg", "'t Harde": a name that starts with an article in lower case ("'t Loo" is not Loo)
    article = article_place(analysis.tokens, analyzer)
    if article is not None and (in_text is None or fold(in_text.name) in fold(article.name)):
        in_text, text_messages = article, []
    if in_text is None:  # "ik woon in winterswijk": a woonplaats of the region after "in", in lower case
        in_text = region_place(analysis.tokens, analyzer)
    if in_text is None:  # "ik woon in postcode 7091": four digits the gazetteer knows as a kern
        in_text = postcode_in_words(analysis.tokens, analyzer)
    if (
        in_text is None
    ):  # "ik woon in Dinxperloo": a typo of a woonplaats of the region after "in", said out loud
        in_text, typo = close_place_in_words(analysis.tokens, analyzer)
        text_messages = text_messages + typo
    if in_text is not None and not asked_there(in_text, analysis.tokens, analyzer, gemeenten):
        in_text, text_messages = None, []  # "mijn broer woont in groenlo. ik word gepest": the brother's town
    text_place = Place(in_text.name, in_text.lat, in_text.lon, "tekst") if in_text else None
    if isinstance(near, tuple):
        return Place("locatie", float(near[0]), float(near[1]), "veld"), []
    if not (isinstance(near, str) and near.strip()):
        return text_place, text_messages
    field_place, problem = field_place_of(near.strip(), analyzer, postcode_lookup, gemeenten=gemeenten)
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


def asked_there(
    hit: Any, tokens: list[str], analyzer: Any = None, gemeenten: frozenset[str] = frozenset()
) -> bool:
    """False when a town outside the gemeente is told as another person's and the need is not theirs ("mijn zoon
    woont in Arnhem maar ik heb zelf schulden", match/place_notes.py, ADR 0175): no place of the question then. A
    kern of the gemeente stays a fair place to measure from when the writer names none of his own (a carer who
    drives to his father in Barlo: help near Barlo)."""
    if gemeenten and gemeente_of(hit.name, analyzer) in gemeenten:
        return True
    return other_lives_there(hit.text, tokens)[0] is None or need_is_theirs(hit.text, tokens)


def text_place_of(
    analysis: Analysis, analyzer: Any = None, gemeenten: frozenset[str] = frozenset()
) -> tuple[Any, list[str]]:
    """The place named in the text: where the writer lives now when the text tells it (a move, "woon nu in", ADR
    0175), else a postcode (the most precise), else the first kern named ("in De Heurne of Dinxperlo" is measured
    from De Heurne). When the text names several places, a message says which one."""
    places = writers_places(analysis.places, analysis.tokens)  # not "onze dochter woont in Utrecht"
    # nor "mijn zoon woont in Arnhem maar ik heb zelf schulden": the need is the writer's (ADR 0175)
    places = [p for p in places if asked_there(p, analysis.tokens, analyzer, gemeenten)]
    if not places:
        return None, []
    # "van Winterswijk naar Aalten verhuisd": where the writer lives now first (match/lives_now.py, ADR 0175)
    places, now = lives_now_first(places, analysis.tokens)
    # "zij woont in Dinxperlo, ik in Zwolle": help near the one in the gemeente (match/place_of_need.py)
    theirs = inside_first(places, analysis.places, analysis.tokens, analyzer, gemeenten)
    places = ([theirs] if theirs else []) + places
    postcodes = [p for p in places if p.text[:1].isdigit()]
    chosen = theirs or (places[0] if now or not postcodes else postcodes[0])
    names = list(dict.fromkeys(p.name for p in places))
    if len(names) < 2:
        return chosen, []
    others = " en ".join(n for n in names if n != chosen.name)
    which = (
        "waar degene woont voor wie u hulp zoekt"
        if theirs
        else "waar u nu woont"
        if now
        else "de postcode in uw vraag"
        if postcodes
        else "de eerste plaats in uw vraag"
    )
    return chosen, [f"U noemt ook {others}; de afstand is gemeten vanaf {chosen.name}, {which}."]


def field_place_of(
    near: str, analyzer: Any, postcode_lookup: Any, gemeenten: frozenset[str] = frozenset()
) -> tuple[Place | None, str | None]:
    """A place typed in the place field: lat,lon, a postcode (through the geocoder, else the gazetteer's four
    digits of a kern) or a gazetteer name. `gemeenten`: the kaart's own, whose postcode list says what is not
    ours (ADR 0175)."""
    parsed = parse_latlon(near)
    if parsed:
        return Place("locatie", parsed[0], parsed[1], "veld"), None
    raw, near = near, clean_field(near) or near
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
        return None, unknown_postcode(near, analyzer, gemeenten)
    almost = ALMOST_POSTCODE.match(near)
    if almost and analyzer is not None:
        return almost_postcode(near, almost.group(1), analyzer)
    if analyzer is None:
        return None, f"De plaats '{near}' kennen we niet."
    for variant in name_variants(near) + [raw]:
        hit = analyzer.resolve_place(variant)
        if hit is not None:
            return Place(hit.name, hit.lat, hit.lon, "veld"), None
    inside = place_inside(near, analyzer)
    if inside is not None:  # "Aalten centrum", "Hogestraat 3 Aalten": the place in it, said out loud
        return Place(inside.name, float(inside.lat), float(inside.lon), "veld"), (
            f"Wij hebben {inside.name} gebruikt uit wat u invulde ('{near}')."
        )
    close = close_region_place(near, analyzer)
    if close is not None:  # "Dinxperloo", "Bredevort": a typo in a woonplaats of the region, said out loud
        return Place(close.name, float(close.lat), float(close.lon), "veld"), (
            f"De plaats '{near}' kennen we niet; wij hebben {close.name} gebruikt."
        )
    return None, (
        f"De plaats '{near}' kennen we niet. Vul uw woonplaats in{_examples(analyzer)}, of uw postcode. "
        "Een straatnaam alleen kunnen we niet opzoeken."
    )


def unknown_postcode(near: str, analyzer: Any, gemeenten: frozenset[str]) -> str:
    """The message for a postcode neither the geocoder nor the gazetteer knows (m12test20 "Unknown postcode", ADR
    0175). The gemeente's own postcode list (the four digits of its kernen in the gazetteer) answers when it has
    one: not in it is outside the gemeente or unknown to this kaart, said so, no national service blamed. Only a
    kaart without such a list needs the geocoder, and then we say we could not look it up now."""
    own = sorted(g for g in gemeenten if _postcodes_of(analyzer, g))
    if own:
        return (
            f"De postcode {near} ligt niet in de gemeente {own[0]}, of wij kennen hem niet. Vul uw woonplaats "
            f"in{_examples(analyzer)}."
        )
    return (
        f"De postcode {near} kunnen we nu niet opzoeken (de landelijke adresservice PDOK is niet "
        f"bereikbaar). Vul uw woonplaats in{_examples(analyzer)}."
    )


def almost_postcode(near: str, digits: str, analyzer: Any) -> tuple[Place | None, str]:
    """Typed as a postcode but not one ("7121 A", "712 AB"): said plainly; four digits of a kern still place it."""
    kern = analyzer.resolve_postcode(digits) if len(digits) == 4 else None
    if kern is not None:
        return Place(kern.name, kern.lat, kern.lon, "veld"), (
            f"'{near}' is geen goede postcode. Een postcode heeft vier cijfers en twee letters. Wij hebben {digits} "
            f"gebruikt: dat is {kern.name}."
        )
    return None, (
        f"'{near}' is geen goede postcode. Een postcode heeft vier cijfers en twee letters. Vul uw postcode of "
        f"woonplaats in{_examples(analyzer)}."
    )


def _postcodes_of(analyzer: Any, gemeente: str) -> set[str]:
    """The four-digit postcodes the gazetteer gives the kernen of `gemeente` (its aliases)."""
    codes = getattr(analyzer, "postcodes", None) or {}
    return {pc for pc, place in codes.items() if getattr(place, "gemeente", None) == gemeente}


def clean_field(near: str) -> str:
    """The place field without the punctuation typed around a name and with plain apostrophes."""
    return " ".join(near.translate(APOSTROPHES).strip(EDGE_PUNCTUATION).split())


def name_variants(name: str) -> list[str]:
    """The ways a woonplaats is written: as typed; without the article ("'t Goor" is Goor in the gazetteer);
    "'s Heerenberg" and "s Heerenberg" as "'s-Heerenberg"; a hyphen or a space between parts."""
    out = [name]
    low = name.casefold()
    for article in ("'t ", "t ", "het "):
        if low.startswith(article):
            out.append(name[len(article) :])
    for prefix in ("'s ", "s ", "'s-", "s-"):
        if low.startswith(prefix):
            out.append("'s-" + name[len(prefix) :])
    out += [v.replace("-", " ") for v in out if "-" in v] + [v.replace(" ", "-") for v in out if " " in v]
    return list(dict.fromkeys(out))


def place_inside(near: str, analyzer: Any) -> Any:
    """The longest gazetteer name among the words of the field ("Aalten centrum" -> Aalten), else None."""
    words = [fold(t.text) for t in analyzer.nlp.tokenizer(near)]
    for size in range(min(getattr(analyzer, "max_place", 1), len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            place = analyzer.places.get(tuple(words[i : i + size]))
            if place is not None:
                return place
    return None


def close_region_place(near: str, analyzer: Any) -> Any:
    """A woonplaats of the region (the gazetteer gives its gemeente) that `near` misspells by a letter or two
    ("Dinxperloo", "Bredevort"); None when no name is that close or two names are. Only the region: across
    the whole country a typo would land in the wrong province."""
    names: dict[str, Any] = {}
    for key, place in getattr(analyzer, "places", {}).items():
        if getattr(place, "gemeente", None) and len(key) == 1 and len(key[0]) >= 5:
            names.setdefault(key[0], place)
    word = fold(near)
    found = difflib.get_close_matches(word, list(names), n=2, cutoff=0.84)
    if not found or (len(found) > 1 and names[found[0]] is not names[found[1]]):
        return None
    return names[found[0]]


def _examples(analyzer: Any) -> str:
    """ ", zoals Aalten of Dinxperlo": the two largest kernen of this kaart (data, not code), else ""."""
    kernen = [p for k, p in getattr(analyzer, "places", {}).items() if k in getattr(analyzer, "lower_ok", ())]
    kernen = [p for p in kernen if getattr(p, "gemeente", None)]
    names = list(dict.fromkeys(p.name for p in sorted(kernen, key=lambda p: -(p.population or 0))))[:2]
    return f", zoals {' of '.join(names)}" if names else ""


def _plain(text: str) -> str:
    return " ".join(text.translate(APOSTROPHES).replace("'", " ").replace("-", " ").split())


_ARTICLE_NAMES: dict[int, tuple[Any, dict[str, Any]]] = {}


def article_place(tokens: list[str], analyzer: Any) -> Any:
    """A woonplaats whose name starts with 's or 't ("in 's-Heerenberg", "in t Harde") in the words of the
    text: the text scan wants a capital, which these names do not start with. None when there is none."""
    if analyzer is None or not tokens:
        return None
    known = _ARTICLE_NAMES.get(id(analyzer))
    if known is None or known[0] is not analyzer:
        names: dict[str, Any] = {}
        for place in dict.fromkeys(analyzer.places.values()):
            for name in (place.name, *(getattr(place, "aliases", ()) or ())):
                plain = _plain(fold(name))
                if plain.split(" ", 1)[0] in {"s", "t"} and " " in plain:
                    names.setdefault(plain, place)
        known = _ARTICLE_NAMES[id(analyzer)] = (analyzer, names)
    text = f" {_plain(' '.join(tokens))} "
    found = [(text.find(f" {n} "), n) for n in known[1] if f" {n} " in text]
    if not found:
        return None
    place = known[1][min(found, key=lambda f: (f[0], -len(f[1])))[1]]
    return PlaceHit(place.name, float(place.lat), float(place.lon), place.name)


def region_place(tokens: list[str], analyzer: Any) -> Any:
    """A woonplaats of the region (the gazetteer gives its gemeente) after "in", "uit" or "te", in any case;
    None when there is none."""
    if analyzer is None:
        return None
    for i, word in enumerate(tokens[:-1]):
        if word not in CUES["region_cues"]:
            continue
        for size in range(min(getattr(analyzer, "max_place", 1), len(tokens) - i - 1), 0, -1):
            place = analyzer.places.get(tuple(tokens[i + 1 : i + 1 + size]))
            if place is not None and getattr(place, "gemeente", None):
                return PlaceHit(
                    place.name, float(place.lat), float(place.lon), " ".join(tokens[i + 1 : i + 1 + size])
                )
    return None


def close_place_in_words(tokens: list[str], analyzer: Any) -> tuple[Any, list[str]]:
    """A word after "in", "uit" or "te" that misspells a woonplaats of the region by a letter or two
    ("in Dinxperloo", "uit Breedevoort") and is no common Dutch word ("in armoede" stays a word), with the message
    that says which place was used; (None, []) when there is none."""
    if analyzer is None:
        return None, []
    common = common_words()
    for i, word in enumerate(tokens[:-1]):
        if word not in CUES["region_cues"]:
            continue
        # the word, or the word with the next one: the decompounder split an unknown name ("breede voort")
        for after in (tokens[i + 1], "".join(tokens[i + 1 : i + 3])):
            if len(after) < 5 or not after.isalpha() or common.get(after, 0) >= 2.0:
                continue
            close = close_region_place(after, analyzer)
            if close is not None:
                hit = PlaceHit(close.name, float(close.lat), float(close.lon), after)
                return hit, [
                    f"U schreef '{after.capitalize()}' in uw vraag; wij hebben {close.name} gebruikt."
                ]
    return None, []


def postcode_in_words(tokens: list[str], analyzer: Any) -> Any:
    """A kern's four-digit postcode in the text after "postcode", "pc" or "in", or as the whole text; None
    when there is none (a sum of money or a year is no place)."""
    if analyzer is None:
        return None
    for i, word in enumerate(tokens):
        if (
            len(word) == 4
            and word.isdigit()
            and (len(tokens) == 1 or (i and tokens[i - 1] in CUES["postcode_cues"]))
        ):
            hit = analyzer.resolve_postcode(word)
            if hit is not None:
                return hit
    return None


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


def without_places(text: str, places: list[PlaceHit]) -> str:
    """The text without the place names it tells (as written): a town names no need, and the word model read
    "woont in Winterswijk en kan niet meer rondkomen" as no need at all (tester18 B7, ADR 0163)."""
    for hit in places:
        if hit.text:
            text = re.sub(rf"(?<!\w){re.escape(hit.text)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return text
