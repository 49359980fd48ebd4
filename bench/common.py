"""What every bench shares: its size options, the percentile, the synthetic national kaart (built once per run
and shared by its steps), a time budget per step, and running a measurement on a freshly started Neo4j 5.26."""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

QUERIES = [
    "ik kom niet rond en de rekeningen stapelen zich op",
    "moeder met schulden en vermoedelijk LVB, zorgen over de kinderen, woont in Dinxperlo",
    "mijn man slaat me en ik durf niet naar huis",
    "ik voel me alleen sinds mijn vrouw is overleden",
    "zoon van 15 gaat niet meer naar school",
    "ik zorg voor mijn moeder van 82 met dementie en ik kan het niet meer aan",
    "geen sprake van huiselijk geweld, wel huurachterstand",
    "we gaan scheiden en de kinderen hebben het moeilijk",
    "hij drinkt te veel en is vaak agressief",
    "ik spreek nog niet goed Nederlands en begrijp de brieven niet",
]
NIVEAUS = ["vrij-toegankelijk", "lokaal-team", "maatwerk", "specialistisch"]
KERNEN = [
    ("Aalten", 51.9253, 6.5806),
    ("Dinxperlo", 51.863, 6.488),
    ("Bredevoort", 51.9414, 6.6203),
    ("Winterswijk", 51.9725, 6.7194),
]
REGION_SERVICES = 10_000  # the first 10 000 services lie in the Achterhoek; the rest across the country
TOWNS = [  # town centres (public coordinates), for the services of a national kaart
    ("Amsterdam", 52.37, 4.90), ("Rotterdam", 51.92, 4.48), ("Den Haag", 52.08, 4.30), ("Utrecht", 52.09, 5.12),
    ("Eindhoven", 51.44, 5.48), ("Groningen", 53.22, 6.57), ("Tilburg", 51.56, 5.09), ("Almere", 52.37, 5.22),
    ("Breda", 51.59, 4.78), ("Nijmegen", 51.84, 5.86), ("Apeldoorn", 52.21, 5.97), ("Arnhem", 51.98, 5.91),
    ("Enschede", 52.22, 6.89), ("Zwolle", 52.51, 6.09), ("Leeuwarden", 53.20, 5.80), ("Maastricht", 50.85, 5.69),
    ("Middelburg", 51.50, 3.61), ("Assen", 52.99, 6.56), ("Lelystad", 52.52, 5.47), ("'s-Hertogenbosch", 51.69, 5.30),
    ("Haarlem", 52.38, 4.64), ("Leiden", 52.16, 4.49), ("Venlo", 51.37, 6.17), ("Deventer", 52.26, 6.16),
    ("Alkmaar", 52.63, 4.75), ("Emmen", 52.78, 6.90), ("Amersfoort", 52.16, 5.39), ("Dordrecht", 51.81, 4.67),
    ("Heerlen", 50.89, 5.98), ("Doetinchem", 51.97, 6.29),
]  # fmt: skip


def size_arguments() -> argparse.ArgumentParser:
    """--services (the kaart size, `make bench SERVICES=…`) and --skip-neo4j; a bench adds its own."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--skip-neo4j", action="store_true")
    return parser


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..1); 0 for no values."""
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(len(values) * p)) - 1))] if values else 0.0


def load_average() -> str:
    """The machine's 1/5/15-minute load average: every figure on a shared machine is read against it."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"


# --- the synthetic national kaart ------------------------------------------------------------------------------


def _organisations(n: int) -> Iterator[Any]:
    from graph.models import Organisation

    for i in range(max(1, n // 4)):
        yield Organisation(id=f"org-{i}", name=f"Stichting {i}", description="Organisatie")


def _locations(n: int) -> Iterator[Any]:
    from graph.models import Location

    rng = random.Random(42)
    for i in range(max(1, n // 4)):
        # The first 10 000 services in the Achterhoek (as this bench always had them); past that, a national
        # kaart: the rest spread over 30 towns across the country.
        region = i < REGION_SERVICES // 4
        name, lat, lon = KERNEN[i % len(KERNEN)] if region else TOWNS[i % len(TOWNS)]
        spread = 0.02 if region else 0.06
        yield Location(
            id=f"loc-{i}",
            organization_id=f"org-{i}",
            latitude=lat + rng.uniform(-spread, spread),
            longitude=lon + rng.uniform(-spread, spread),
            city=name,
        )


def _services(n: int, themes: list[Any]) -> Iterator[Any]:
    from graph.models import Service

    n_orgs = max(1, n // 4)
    for i in range(n):
        t = themes[i % len(themes)]
        phrases = list(getattr(t, "synonyms", ()) or ())[:3]
        yield Service(
            id=f"svc-{i}",
            organization_id=f"org-{i % n_orgs}",
            name=f"{t.label} hulp {i}",
            description=f"Wij helpen bij {t.label.lower()}: {', '.join(phrases)}. Voor inwoners van de Achterhoek.",
            niveau=NIVEAUS[i % 4] if not t.signal else "crisis",
            themes=(t.id,),
            location_ids=(f"loc-{i % n_orgs}",),
            assured_date="2026-09-01",
        )


def warm_up(store: Any, n: int = 1000) -> None:
    """Write (and clear) a small kaart first, not timed: a freshly started Neo4j plans its queries and compiles
    its JVM code in the first seconds, which a long-running server has long behind it. Both backends alike."""
    seed_kaart(store, n)
    store.clear()


def seed_kaart(store: Any, n: int) -> dict[str, float]:
    """Write the synthetic kaart of `n` services (themes from the real ontology, Dutch descriptions, a quarter as
    many organisations each with one location) into an empty graph, through the repositories (the import path).

    Records are generated while they are written (no list of 350 000 dataclasses in memory); the same `n` gives
    the same kaart on every backend and in every run. Returns the seconds per part; `services_s` is the graph
    upsert figure (the services and their relationships, after their organisations and locations exist)."""
    from graph import ensure_schema
    from graph.repositories import LocationRepository, OrganisationRepository, ServiceRepository
    from ingest.ontology_loader import load_ontology_into_graph
    from ontology import load_ontology

    t0 = time.perf_counter()
    ensure_schema(store)
    load_ontology_into_graph(store)
    themes = [t for t in load_ontology().themes.values() if t.parents]
    t1 = time.perf_counter()
    OrganisationRepository(store).upsert(_organisations(n))
    LocationRepository(store).upsert(_locations(n))
    t2 = time.perf_counter()
    result = ServiceRepository(store).upsert(_services(n, themes))
    t3 = time.perf_counter()
    assert result.created + result.updated + result.unchanged == n, result.as_dict()
    return {"schema_s": t1 - t0, "organisations_s": t2 - t1, "services_s": t3 - t2, "total_s": t3 - t0}


# --- a time budget per step ------------------------------------------------------------------------------------


@dataclass
class Steps:
    """The steps of one run, each with a budget: prints each step's elapsed time as it ends, and a table at the end.

    A budget is what the step may cost at 350 000 services for the whole run to fit in 45 minutes, scaled down
    linearly for smaller kaarten (with a floor); going over is reported, not fatal (the figures still count)."""

    services: int
    started: float = field(default_factory=time.perf_counter)
    done: list[tuple[str, float, float, str]] = field(default_factory=list)

    def budget(self, at_national: float, floor: float = 30.0) -> float:
        return max(floor, at_national * self.services / 350_000)

    def run(self, name: str, at_national: float, fn: Callable[[], Any], floor: float = 30.0) -> Any:
        budget = self.budget(at_national, floor)
        print(f"[{self._clock()}] {name}: started (budget {budget:.0f} s, load {load_average()})", flush=True)
        t0 = time.perf_counter()
        note = ""
        try:
            return fn()
        except Exception as exc:
            note = f"failed: {type(exc).__name__}: {str(exc)[:200]}"
            raise
        finally:
            elapsed = time.perf_counter() - t0
            if not note and elapsed > budget:
                note = "OVER BUDGET"
            self.done.append((name, elapsed, budget, note))
            print(
                f"[{self._clock()}] {name}: {elapsed:.1f} s of {budget:.0f} s {note}".rstrip(),
                flush=True,
            )

    def skipped(self, name: str, why: str) -> None:
        self.done.append((name, 0.0, 0.0, f"skipped: {why}"))
        print(f"[{self._clock()}] {name}: skipped ({why})", flush=True)

    def total(self) -> float:
        return time.perf_counter() - self.started

    def _clock(self) -> str:
        return f"{self.total():7.1f} s"

    def table(self) -> list[str]:
        lines = [f"  {'step':50s} {'elapsed':>9s} {'budget':>8s}"]
        for name, elapsed, budget, note in self.done:
            lines.append(f"  {name:50s} {elapsed:8.1f}s {budget:7.0f}s {note}".rstrip())
        lines.append(f"  {'total':50s} {self.total():8.1f}s {self.budget(2700, 60):7.0f}s")
        return lines


# --- Neo4j ----------------------------------------------------------------------------------------------------


def neo4j_memory(services: int) -> str:
    """JVM options for a Neo4j test server that holds a kaart of this size: the tests' 512 MB heap and 64 MB page
    cache are for a few hundred services; a national kaart needs its graph in the page cache (~2 GB at 350 000)."""
    if services <= 20_000:
        return ""
    heap = "1g" if services <= 150_000 else "2g"
    cache = "1g" if services <= 150_000 else "2g"
    return f"-Xmx{heap} -Dkaart.pagecache={cache}"


def start_neo4j(services: int = 0) -> Any:
    """A freshly started Neo4j test server (tests/neo4j_server.py) sized for `services`; raises Neo4jUnavailable."""
    from neo4j_server import start

    extra = neo4j_memory(services)
    if extra and "KAART_NEO4J_JAVA_OPTS" not in os.environ:
        os.environ["KAART_NEO4J_JAVA_OPTS"] = extra
        try:
            return start()
        finally:
            del os.environ["KAART_NEO4J_JAVA_OPTS"]
    return start()


def on_neo4j(results: dict[str, Any], measure: Callable[[str], Any], services: int = 0) -> None:
    """Start Neo4j (tests/neo4j_server.py), run `measure(uri)`, store it as `results["neo4j <version>"]`, stop.

    When Neo4j cannot start, say so and leave the FalkorDB figures standing alone."""
    from neo4j_server import Neo4jUnavailable

    try:
        server = start_neo4j(services)
    except Neo4jUnavailable as exc:
        print(f"neo4j: skipped ({exc})")
        return
    try:
        results[f"neo4j {server.version}"] = measure(server.uri)
    finally:
        server.stop()
