"""A synthetic HSDS 3.0 datapackage of any size, for the import benchmark and the crash test.

Everything in it is invented and says so ("Synthetische dienst 17"); it never looks like a real organisation.
Per service: niveau, one or two themes, a doelgroep (attributes), a service_at_location, a service area, and
for some a phone and a schedule; one location per organisation.
"""

from __future__ import annotations

from pathlib import Path

from graph import csv_export
from ingest.hsds_spec import tables
from ontology import load_niveaus

THEMES = (
    "schulden",
    "eenzaamheid",
    "opvoeding",
    "werk",
    "huisvesting",
    "mantelzorg",
    "dagbesteding",
    "armoede",
)
GROUPS = ("volwassenen", "ouderen", "ouders", "jongeren-12-18")
NIVEAUS = tuple(n.id for n in load_niveaus() if n.rank > 0)  # the ladder, without crisis
KERNEN = (("Aalten", 51.9250, 6.5806), ("Dinxperlo", 51.8642, 6.4875), ("Bredevoort", 51.9417, 6.6208))


def _taxonomies(data: dict[str, list[dict[str, str]]]) -> None:
    """The niveau, thema and doelgroep taxonomies with their terms."""
    data["taxonomies"] = [
        {"id": f"tax-{t}", "name": t, "description": f"Taxonomie {t}", "version": "1"}
        for t in ("niveau", "thema", "doelgroep")
    ]
    for tax, codes in (("niveau", NIVEAUS), ("thema", THEMES), ("doelgroep", GROUPS)):
        for code in codes:
            data["taxonomy_terms"].append(
                {
                    "id": f"{tax}-{code}",
                    "code": code,
                    "name": code,
                    "description": f"{tax}: {code}",
                    "taxonomy": tax,
                    "language": "nl",
                    "taxonomy_id": f"tax-{tax}",
                }
            )


def _organisation(data: dict[str, list[dict[str, str]]], o: int) -> None:
    """Organisation `o` with one location and its address, spread over the kernen."""
    name, lat, lon = KERNEN[o % len(KERNEN)]
    data["organizations"].append(
        {"id": f"org-{o}", "name": f"Synthetische organisatie {o}", "description": "Synthetische testdata."}
    )
    data["locations"].append(
        {
            "id": f"loc-{o}",
            "location_type": "physical",
            "organization_id": f"org-{o}",
            "name": f"Synthetische locatie {o}",
            "latitude": f"{lat + (o % 97) * 0.0003:.5f}",
            "longitude": f"{lon + (o % 89) * 0.0003:.5f}",
        }
    )
    data["addresses"].append(
        {
            "id": f"addr-{o}",
            "location_id": f"loc-{o}",
            "address_1": f"Synthetische straat {o}",
            "city": name,
            "postal_code": f"7{100 + o % 800:03d} ZZ",
            "country": "NL",
            "address_type": "physical",
        }
    )


def _service(data: dict[str, list[dict[str, str]]], s: int, n_orgs: int) -> None:
    """Service `s` at its organisation's location: niveau, themes and doelgroep as attributes; every third a
    phone, every second opening hours."""
    org = s % n_orgs
    sid = f"svc-{s}"
    data["services"].append(
        {
            "id": sid,
            "organization_id": f"org-{org}",
            "name": f"Synthetische dienst {s}",
            "description": f"Synthetische dienst nummer {s} voor de benchmark; hulp bij {THEMES[s % len(THEMES)]}.",
            "status": "active",
            "minimum_age": "18" if s % 3 else "",
        }
    )
    data["service_at_location"].append({"id": f"sal-{s}", "service_id": sid, "location_id": f"loc-{org}"})
    data["service_areas"].append({"id": f"area-{s}", "service_id": sid, "name": KERNEN[s % len(KERNEN)][0]})
    attrs = [
        ("niveau", NIVEAUS[s % len(NIVEAUS)]),
        ("thema", THEMES[s % len(THEMES)]),
        ("doelgroep", GROUPS[s % len(GROUPS)]),
    ]
    if s % 2:
        attrs.append(("thema", THEMES[(s + 3) % len(THEMES)]))
    for i, (tax, code) in enumerate(attrs):
        data["attributes"].append(
            {
                "id": f"attr-{s}-{i}",
                "link_id": sid,
                "taxonomy_term_id": f"{tax}-{code}",
                "link_type": tax,
                "link_entity": "service",
            }
        )
    if s % 3 == 0:
        data["phones"].append(
            {"id": f"phone-{s}", "service_id": sid, "number": f"0543-{s % 1000000:06d}", "type": "voice"}
        )
    if s % 2 == 0:
        data["schedules"].append(
            {
                "id": f"sched-{s}",
                "service_id": sid,
                "freq": "WEEKLY",
                "byday": "MO,TU,WE,TH,FR",
                "opens_at": "09:00:00",
                "closes_at": "17:00:00",
            }
        )


def write_package(directory: Path, n_services: int, *, per_org: int = 4) -> dict[str, int]:
    """Write the package; returns the number of rows per table."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    data: dict[str, list[dict[str, str]]] = {t: [] for t in tables()}
    n_orgs = max(1, n_services // per_org)
    _taxonomies(data)
    for o in range(n_orgs):
        _organisation(data, o)
    for s in range(n_services):
        _service(data, s, n_orgs)
    counts = {}
    for table, columns in tables().items():
        with (directory / f"{table}.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv_export.writer(fh, formulas=False)  # an HSDS datapackage: exact values
            w.writerow(columns)
            for row in data[table]:
                w.writerow([row.get(c, "") for c in columns])
        counts[table] = len(data[table])
    return counts
