"""Where coverage happens: the kernen of the gemeente with their places, which kernen a service area covers,
and the gaps per kern drawn as a map (server-side SVG: no script, no tiles, the same numbers as the table).

A service counts in a kern when its HSDS service area covers that kern: the kern itself; the whole gemeente
("gemeente Aalten", or the gemeente's name when that is not also a kern); or a wider area the gemeente lies in
("Nederland", a "regio …", its province). An area elsewhere (another gemeente or its kernen) covers none of
ours. The gemeente and its kernen come from the gemeente profile (ontology/gemeenten/*.yaml); their places from
the graph's Kern nodes, else the gazetteer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from graph.repositories import KernRepository
from ontology import kern_id, load_gazetteer
from ontology.gemeente import GemeenteProfile, load_profile
from webapp.db import get_store

WIDER = ("nederland", "heel nederland", "landelijk")
WIDER_PREFIXES = ("regio ", "provincie ")


@dataclass(frozen=True)
class KernPlace:
    id: str
    name: str
    lat: float | None
    lon: float | None


def gemeente_kernen(profile: GemeenteProfile | None = None) -> list[KernPlace]:
    """The kernen of the gemeente (profile order), placed from the graph or else the gazetteer."""
    profile = profile or load_profile()
    ids = [kern_id(n) for n in profile.kernen]
    in_graph = {k.id: k for k in KernRepository(get_store()).get_many(ids)}
    places = {kern_id(p.name): p for p in load_gazetteer() if kern_id(p.name) in ids}
    out = []
    for name, kid in zip(profile.kernen, ids, strict=True):
        k, p = in_graph.get(kid), places.get(kid)
        lat = k.latitude if k and k.latitude is not None else (p.lat if p else None)
        lon = k.longitude if k and k.longitude is not None else (p.lon if p else None)
        out.append(KernPlace(kid, k.name if k else name, lat, lon))
    return out


def area_kernen(
    area: str, kernen: Sequence[KernPlace], profile: GemeenteProfile | None = None
) -> tuple[str, ...]:
    """The ids of our kernen that a service area (its HSDS name) covers."""
    profile = profile or load_profile()
    text = " ".join(area.lower().split())
    by_name = {k.name.lower(): k.id for k in kernen}
    if text in by_name:
        return (by_name[text],)
    gemeente = {profile.name.lower(), profile.short_name.lower(), "gemeente " + profile.short_name.lower()}
    province = {
        (p.province or "").lower() for p in load_gazetteer() if p.gemeente and p.gemeente.lower() in gemeente
    }
    if (
        text in gemeente
        or text in WIDER
        or text.startswith("regio ")
        or (text.startswith("provincie ") and text.removeprefix("provincie ") in province)
    ):
        return tuple(k.id for k in kernen)
    return ()


def gaps_map(
    kernen: Sequence[KernPlace], gaps: dict[str, tuple[int, int]], title: str, width: int = 360
) -> Markup:
    """The kernen on a small map, each a numbered dot coloured by its gaps, with a legend row per kern below
    (numbers instead of labels on the map: kernen lie close together and labels would overlap).
    `gaps`: kern id → (main themes without aanbod, main themes)."""
    placed = [k for k in kernen if k.lat is not None and k.lon is not None]
    if not placed:
        return Markup("")
    pad, map_h, row_h = 24, 220, 26
    lat0 = sum(k.lat for k in placed) / len(placed)  # type: ignore[misc]
    xs = [k.lon * math.cos(math.radians(lat0)) for k in placed]  # type: ignore[operator]
    ys = [-k.lat for k in placed]  # type: ignore[operator]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-6)
    scale = min(width - 2 * pad, map_h - 2 * pad) / span
    off_x = (width - (max(xs) - min(xs)) * scale) / 2
    off_y = (map_h - (max(ys) - min(ys)) * scale) / 2
    height = map_h + len(kernen) * row_h + 12
    parts = [
        f'<svg class="beheer-kaartje" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="kaartje-titel kaartje-uitleg" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="kaartje-titel">{escape(title)}</title>',
        '<desc id="kaartje-uitleg">Elke kern is een genummerde stip; onder de kaart staat per nummer de kern en '
        "hoeveel hoofdthema's daar geen aanbod hebben. De tabel op deze pagina geeft dezelfde getallen.</desc>",
        f'<rect class="beheer-kaartje__vlak" x="0" y="0" width="{width}" height="{map_h}"/>',
    ]
    number = {k.id: i + 1 for i, k in enumerate(kernen)}
    for k, x, y in zip(placed, xs, ys, strict=True):
        cx, cy = off_x + (x - min(xs)) * scale, off_y + (y - min(ys)) * scale
        parts.append(
            f'<circle class="{_level(gaps.get(k.id))}" cx="{cx:.0f}" cy="{cy:.0f}" r="11"/>'
            f'<text class="beheer-kaartje__nummer" x="{cx:.0f}" y="{cy + 4:.0f}" text-anchor="middle">{number[k.id]}</text>'
        )
    for i, k in enumerate(kernen):
        y = map_h + 12 + i * row_h
        missing, total = gaps.get(k.id, (0, 0))
        text = f"{k.name}: {'geen gaten' if not missing else f'{missing} van {total} zonder aanbod'}"
        parts.append(
            f'<circle class="{_level(gaps.get(k.id))}" cx="{pad}" cy="{y + 8}" r="10"/>'
            f'<text class="beheer-kaartje__nummer" x="{pad}" y="{y + 12}" text-anchor="middle">{number[k.id]}</text>'
            f'<text class="beheer-kaartje__tekst" x="{pad + 20}" y="{y + 13}">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _level(gap: tuple[int, int] | None) -> str:
    missing, total = gap or (0, 0)
    if not missing:
        return "beheer-kaartje__stip beheer-kaartje__stip--dekt"
    if missing < total:
        return "beheer-kaartje__stip beheer-kaartje__stip--deels"
    return "beheer-kaartje__stip beheer-kaartje__stip--niets"
