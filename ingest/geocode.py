"""Geocoding: address / postcode / woonplaats → coordinates.

- Offline (always): the shipped gazetteer (`ontology.load_gazetteer`, Dutch woonplaatsen): a location that
  only has a woonplaats is placed at its centre and marked approximate.
- Online (opt-in): the PDOK Locatieserver (`/search/v3_1/free`, open data of the Kadaster/BAG, no key) for
  addresses and postcodes. Off by default: set `KAART_GEOCODER=pdok`. Tests never touch the network: they
  pass a `fetch` that answers from recorded responses (tests/fixtures/pdok/).

Settings (environment): `KAART_GEOCODER` = `gazetteer` (default, offline) | `pdok` | `off` (no geocoding);
`KAART_GEOCODER_URL` (default the PDOK endpoint below); `KAART_GEOCODER_TIMEOUT` seconds (default 5).
Record a response for the fixtures when online: `python -m ingest.geocode "Markt 1, 7121 CS Aalten" tests/fixtures/pdok`.
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ontology import load_gazetteer

PDOK_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
_POINT = re.compile(r"POINT\(\s*([-0-9.]+)\s+([-0-9.]+)\s*\)")

Fetch = Callable[[str], dict[str, Any]]


@dataclass(frozen=True)
class GeoResult:
    lat: float
    lon: float
    precision: str  # adres | postcode | woonplaats
    source: str  # pdok | gazetteer
    label: str = ""

    @property
    def approximate(self) -> bool:
        return self.precision == "woonplaats"


class Gazetteer:
    """Woonplaatsen by (lower-case) name and alias."""

    def __init__(self, places: list[Any] | None = None) -> None:
        if places is None:
            places = load_gazetteer()
        self.by_name: dict[str, Any] = {}
        for p in places:
            self.by_name.setdefault(p.name.lower(), p)
        for p in places:
            for alias in getattr(p, "aliases", ()) or ():
                self.by_name.setdefault(str(alias).lower(), p)

    def place(self, name: str | None) -> Any | None:
        return self.by_name.get(name.strip().lower()) if name else None

    def geocode(
        self, address: str | None = None, postcode: str | None = None, city: str | None = None
    ) -> GeoResult | None:
        p = self.place(city)
        if p is None:
            return None
        return GeoResult(float(p.lat), float(p.lon), "woonplaats", "gazetteer", p.name)


def _urllib_fetch(timeout: float) -> Fetch:
    def fetch(url: str) -> dict[str, Any]:
        req = urllib.request.Request(url, headers={"User-Agent": "sociale-kaart/0.1 (+open source)"})
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - fixed https endpoint
            return json.loads(resp.read().decode("utf-8"))

    return fetch


_PC = re.compile(r"\b(\d{4})\s?([A-Z]{2})\b")


def _fold(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).strip()


@dataclass(frozen=True)
class _Doc:
    """One answer of the Locatieserver, with what it says about where it is."""

    point: tuple[float, float]
    label: str
    postcode: str  # PC6 without space, upper case; "" when the answer has none
    woonplaats: str

    @classmethod
    def of(cls, item: dict[str, Any]) -> _Doc | None:
        m = _POINT.search(item.get("centroide_ll") or "")
        if not m:
            return None
        label = str(item.get("weergavenaam") or "")
        postcode = str(item.get("postcode") or "").replace(" ", "").upper()
        woonplaats = str(item.get("woonplaatsnaam") or "")
        if not postcode or not woonplaats:  # answers without those fields: read them from the label
            pc = _PC.search(label)
            if pc and not postcode:
                postcode = pc.group(1) + pc.group(2)
            if pc and not woonplaats:
                woonplaats = label[pc.end() :].strip(" ,")
        return cls((float(m.group(2)), float(m.group(1))), label, postcode, woonplaats)

    def agrees(self, postcode: str | None, city: str | None, same_place: Callable[[str, str], bool]) -> bool:
        """The answer is where the source says: the same PC6 when a full postcode is given (PC4 when only
        that), else the same woonplaats. Without either there is nothing to check it against."""
        given = (postcode or "").replace(" ", "").upper()
        if given:
            return self.postcode == given if len(given) == 6 else self.postcode[:4] == given[:4]
        if city:
            return bool(self.woonplaats) and same_place(city, self.woonplaats)
        return False


class PdokGeocoder:
    """PDOK Locatieserver client; answers are cached per query for the run.

    Trust: an answer is taken only when it agrees with the postcode (or else the woonplaats) the source gave;
    a fuzzy hit elsewhere ("Proefstraat 5, Beilen" for a row in Aalten) is not an exact address: `notes`
    says so and the location stays at kern level. Unreachable: the first failure is kept in `errors` and PDOK
    is not asked again in this run (no timeout per row)."""

    ROWS = 5  # a few candidates: the first may be a fuzzy hit elsewhere, a later one the right address

    def __init__(
        self,
        url: str = PDOK_URL,
        fetch: Fetch | None = None,
        timeout: float = 5.0,
        same_place: Callable[[str, str], bool] | None = None,
    ) -> None:
        self.url = url
        self.fetch = fetch or _urllib_fetch(timeout)
        self.cache: dict[str, list[_Doc]] = {}
        self.errors: list[str] = []
        self.notes: list[str] = []  # per geocode() call: why an answer was not taken (for the row's report)
        self.same_place = same_place or (lambda a, b: _fold(a) == _fold(b))

    @property
    def unreachable(self) -> bool:
        return bool(self.errors)

    def query_url(self, q: str, kind: str) -> str:
        params = {
            "q": q,
            "fq": f"type:{kind}",
            "rows": str(self.ROWS),
            "fl": "id,type,weergavenaam,centroide_ll,postcode,woonplaatsnaam,score",
        }
        return f"{self.url}?{urllib.parse.urlencode(params)}"

    def _docs(self, q: str, kind: str) -> list[_Doc] | None:
        """The answers to a query (cached), or None when PDOK cannot be reached."""
        if self.unreachable:
            return None
        url = self.query_url(q, kind)
        if url not in self.cache:
            try:
                answer = self.fetch(url)
            except Exception as exc:  # noqa: BLE001 - network trouble must never abort an import
                self.errors.append(f"PDOK: {exc}")
                return None
            items = (answer.get("response") or {}).get("docs") or [] if isinstance(answer, dict) else []
            self.cache[url] = [d for d in map(_Doc.of, items) if d is not None]
        return self.cache[url]

    def _ask(self, q: str, kind: str, postcode: str | None, city: str | None) -> GeoResult | None:
        docs = self._docs(q, kind)
        if not docs:
            return None
        for doc in docs:
            if doc.agrees(postcode, city, self.same_place):
                return GeoResult(
                    lat=doc.point[0],
                    lon=doc.point[1],
                    precision="adres" if kind == "adres" else "postcode",
                    source="pdok",
                    label=doc.label,
                )
        given = " ".join(x for x in (postcode, city) if x)
        self.notes.append(
            f"PDOK vond alleen {docs[0].label!r}, niet bij {given}; niet als exact adres opgeslagen, "
            "locatie op kernniveau"
        )
        return None

    def geocode(
        self, address: str | None = None, postcode: str | None = None, city: str | None = None
    ) -> GeoResult | None:
        self.notes = []
        if address and (postcode or city):
            found = self._ask(" ".join(x for x in (address, postcode, city) if x), "adres", postcode, city)
            if found or self.notes:  # a hit elsewhere: not the postcode's centre either, the kern
                return found
        if postcode:
            return self._ask(postcode.replace(" ", ""), "postcode", postcode, None)
        return None


class Geocoder:
    """PDOK first (when enabled), then the gazetteer."""

    def __init__(
        self, pdok: PdokGeocoder | None = None, gazetteer: Gazetteer | None = None, enabled: bool = True
    ) -> None:
        self.pdok = pdok
        self.gazetteer = gazetteer if gazetteer is not None else (Gazetteer() if enabled else None)
        self.enabled = enabled
        if pdok is not None and self.gazetteer is not None:
            pdok.same_place = self.same_place

    def same_place(self, a: str, b: str) -> bool:
        """Two names of one woonplaats (also by the gazetteer's aliases: Dinxper, Dinxperlo)."""
        if _fold(a) == _fold(b):
            return True
        pa, pb = (self.gazetteer.place(a), self.gazetteer.place(b)) if self.gazetteer else (None, None)
        return pa is not None and pa is pb

    def take_notes(self) -> list[str]:
        """Why the last geocode() did not take PDOK's answer (for the row's report line), then cleared."""
        if self.pdok is None:
            return []
        notes, self.pdok.notes = self.pdok.notes, []
        return notes

    def geocode(
        self, address: str | None = None, postcode: str | None = None, city: str | None = None
    ) -> GeoResult | None:
        if not self.enabled:
            return None
        if self.pdok is not None:
            found = self.pdok.geocode(address, postcode, city)
            if found:
                return found
        return self.gazetteer.geocode(address, postcode, city) if self.gazetteer else None

    @property
    def errors(self) -> list[str]:
        return self.pdok.errors if self.pdok else []


def geocode_notes(geocoder: Any) -> list[str]:
    """The notes of the last geocode() of any geocoder (one without notes has none)."""
    take = getattr(geocoder, "take_notes", None)
    return take() if callable(take) else []


def report_unreachable(report: Any, file: str, geocoder: Any) -> None:
    """PDOK unreachable: one warning for the whole run (row 0), never one per row and never silent."""
    errors = getattr(geocoder, "errors", None) or []
    if errors:
        report.warn(
            file,
            0,
            None,
            f"PDOK Locatieserver niet bereikbaar ({errors[0].removeprefix('PDOK: ')}); adressen zijn op "
            "kernniveau geplaatst (gazetteer). Importeer later opnieuw voor exacte coördinaten.",
        )
        report.counts["geocoder_onbereikbaar"] = 1


def geocoder_from_env(
    env: dict[str, str] | None = None, fetch: Fetch | None = None, gazetteer: Gazetteer | None = None
) -> Geocoder:
    env = dict(os.environ if env is None else env)
    mode = (env.get("KAART_GEOCODER") or "gazetteer").strip().lower()
    if mode in {"off", "none", "0", "no"}:
        return Geocoder(enabled=False)
    if mode == "pdok":
        timeout = float(env.get("KAART_GEOCODER_TIMEOUT") or 5)
        return Geocoder(
            PdokGeocoder(env.get("KAART_GEOCODER_URL") or PDOK_URL, fetch=fetch, timeout=timeout), gazetteer
        )
    if mode != "gazetteer":
        raise ValueError(f"KAART_GEOCODER={mode!r}: kies gazetteer, pdok of off")
    return Geocoder(None, gazetteer)


def fixture_name(url: str) -> str:
    """File name of a recorded response: the query and type, slugged."""
    params = urllib.parse.parse_qs(urllib.parse.urlparse(url).query)
    text = f"{params.get('fq', [''])[0]} {params.get('q', [''])[0]}".lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") + ".json"


def recorded_fetch(directory: Path) -> Fetch:
    """A `fetch` answering from recorded responses; an unrecorded query answers 'nothing found'."""

    def fetch(url: str) -> dict[str, Any]:
        path = Path(directory) / fixture_name(url)
        if not path.exists():
            return {
                "response": {"numFound": 0, "start": 0, "maxScore": 0.0, "numFoundExact": True, "docs": []}
            }
        return json.loads(path.read_text(encoding="utf-8"))

    return fetch


def main(argv: list[str]) -> int:  # pragma: no cover - needs the network
    if len(argv) != 2:
        print("gebruik: python -m ingest.geocode '<adres, postcode plaats>' <map>", file=sys.stderr)
        return 2
    query, directory = argv
    pdok = PdokGeocoder()
    for kind in ("adres", "postcode"):
        url = pdok.query_url(query, kind)
        doc = _urllib_fetch(10)(url)
        out = Path(directory) / fixture_name(url)
        out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(out)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
