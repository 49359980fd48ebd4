"""Helpers shared by the public and professional pages: labels in B1 Dutch, dates, map points, the
network view as server-rendered SVG."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from flask import Flask
from markupsafe import Markup, escape

from graph.models import Phone
from graph.views import NetworkGraph, ServiceSummary, Views
from ontology import load_niveaus

# Niveau code -> (label, B1 explanation), from ontology/niveaus.yaml (`label`, `b1_label`): the one source.
NIVEAU_B1: dict[str, tuple[str, str]] = {n.id: (n.label, n.b1_label) for n in load_niveaus()}
TOEGANG_B1 = {
    "vrij-toegankelijk": "U kunt zelf contact opnemen.",
    "verwijzing": "U heeft een verwijzing nodig, bijvoorbeeld van de huisarts.",
    "beschikking": "U heeft een besluit (beschikking) van de gemeente nodig.",
}
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
DAYS_B1 = {
    "MO": "maandag",
    "TU": "dinsdag",
    "WE": "woensdag",
    "TH": "donderdag",
    "FR": "vrijdag",
    "SA": "zaterdag",
    "SU": "zondag",
}


def datum(value: Any) -> str:
    """`2026-03-12` → `12 maart 2026`; empty stays empty."""
    if not value:
        return ""
    try:
        d = date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def niveau_label(code: str | None) -> str:
    return NIVEAU_B1.get(code or "", (code or "Onbekend niveau", ""))[0]


def niveau_uitleg(code: str | None) -> str:
    return NIVEAU_B1.get(code or "", ("", ""))[1]


def km(value: float | None) -> str:
    return "" if value is None else f"{value:.1f} km".replace(".", ",")


def tel_href(number: str) -> str:
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return f"tel:{digits}"


def days(byday: Sequence[str]) -> str:
    if not byday or len(byday) == 7:
        return "elke dag"
    return ", ".join(DAYS_B1.get(d, d) for d in byday)


def now_local() -> datetime:
    try:
        from zoneinfo import ZoneInfo

        return datetime.now(ZoneInfo("Europe/Amsterdam")).replace(tzinfo=None)
    except Exception:  # noqa: BLE001 - no tz database: local time of the server
        return datetime.now()


def phones_by_service(views: Views, ids: Sequence[str], *, professional: bool) -> dict[str, list[Phone]]:
    return views.phones("service", ids, professional=professional) if ids else {}


def map_points(
    services: Iterable[ServiceSummary], href: Callable[[ServiceSummary], str]
) -> list[dict[str, Any]]:
    """Markers for the map: one per service and shown location; never a confidential one."""
    points = []
    for s in services:
        for p in s.places:
            if not p.on_map:
                continue
            points.append(
                {
                    "id": s.id,
                    "name": s.name,
                    "org": s.organization_name,
                    "lat": round(float(p.latitude), 5),
                    "lon": round(float(p.longitude), 5),
                    "approx": p.approximate,
                    "href": href(s),
                }
            )
    return points


def network_svg(
    graph: NetworkGraph, href: Callable[[str], str | None], width: int = 720, height: int = 520
) -> Markup:
    """A small radial drawing: the organisation in the middle, its networks around it, their members outside."""
    cx, cy = width / 2, height / 2
    nets = [n for n in graph.nodes if n.kind == "netwerk"]
    others = [n for n in graph.nodes if n.kind == "organisation" and n.id != graph.centre]
    pos: dict[str, tuple[float, float]] = {graph.centre: (cx, cy)}
    for i, n in enumerate(nets):
        a = 2 * math.pi * i / max(1, len(nets)) - math.pi / 2
        pos[n.id] = (cx + 130 * math.cos(a), cy + 110 * math.sin(a))
    for i, n in enumerate(others):
        a = 2 * math.pi * i / max(1, len(others)) - math.pi / 2 + (math.pi / max(1, len(others)))
        pos[n.id] = (cx + 300 * math.cos(a), cy + 225 * math.sin(a))
    centre = next(n for n in graph.nodes if n.id == graph.centre)
    out = [
        f'<svg class="kaart-netwerk" viewBox="0 0 {width} {height}" role="group" aria-labelledby="netwerk-titel" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="netwerk-titel">Netwerk rond {escape(centre.label)}</title>',
    ]
    for e in graph.edges:
        if e.source not in pos or e.target not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        cls = "kaart-netwerk__lijn" + (" kaart-netwerk__lijn--op" if e.label == "opschalen naar" else "")
        out.append(f'<line class="{cls}" x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}"/>')
    for n in graph.nodes:
        if n.id not in pos:
            continue
        x, y = pos[n.id]
        label = n.label if len(n.label) <= 34 else n.label[:32] + "…"
        kind = "centrum" if n.id == graph.centre else n.kind
        shape = (
            f'<rect class="kaart-netwerk__knoop kaart-netwerk__knoop--{kind}" x="{x - 8:.0f}" y="{y - 8:.0f}" width="16" height="16"/>'
            if n.kind == "netwerk"
            else f'<circle class="kaart-netwerk__knoop kaart-netwerk__knoop--{kind}" cx="{x:.0f}" cy="{y:.0f}" r="9"/>'
        )
        text = f'<text class="kaart-netwerk__tekst" x="{x:.0f}" y="{y + 24:.0f}" text-anchor="middle">{escape(label)}</text>'
        link = href(n.id) if n.kind == "organisation" and n.id != graph.centre else None
        if link:
            out.append(f'<a href="{escape(link)}">{shape}{text}</a>')
        else:
            out.append(shape + text)
    out.append("</svg>")
    return Markup("".join(out))


def init_site(app: Flask) -> None:
    app.jinja_env.filters["datum"] = datum
    app.jinja_env.filters["km"] = km
    app.jinja_env.filters["tel"] = tel_href
    app.jinja_env.filters["dagen"] = days
    app.jinja_env.globals["niveau_label"] = niveau_label
    app.jinja_env.globals["niveau_uitleg"] = niveau_uitleg
    app.jinja_env.globals["TOEGANG_B1"] = TOEGANG_B1
    app.jinja_env.globals["NIVEAU_B1"] = NIVEAU_B1
