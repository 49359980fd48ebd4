"""Helpers shared by the public and professional pages: labels in B1 Dutch, dates, map points, the
network view as server-rendered SVG."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from flask import Flask
from markupsafe import Markup, escape

from graph.models import Phone
from graph.views import NetworkGraph, ServiceSummary, Views
from ontology.gemeente import GemeenteProfile, load_profile

NIVEAU_B1 = {
    "vrij-toegankelijk": ("Vrij toegankelijk", "U kunt zelf contact opnemen. U heeft geen verwijzing nodig."),
    "lokaal-team": ("Lokaal team", "Het team van de gemeente kijkt met u wat nodig is."),
    "maatwerk": ("Maatwerk", "Hulp die bij u past, meestal na een gesprek of een besluit van de gemeente."),
    "specialistisch": (
        "Specialistische hulp",
        "Hulp van specialisten, meestal via het lokale team of de huisarts.",
    ),
    "crisis": ("Crisishulp", "Hulp bij gevaar of een crisis, vaak dag en nacht bereikbaar."),
}
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


# --- the gemeente's site: identity, a way in for every result, quick exit ------------------------------------

QUICK_EXIT_URL = "https://www.google.nl/"  # neutral: what someone nearby may see after "Snel weg"
_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|(rgb|hsl)a?\([0-9 .,%/]+\)|[a-z]{3,20})$")
# Profile colour name -> the NL Design System tokens (CSS custom properties) it sets.
COLOUR_TOKENS = {
    "primary": (
        "--basis-color-accent-1-color-default",
        "--basis-color-accent-1-border-default",
        "--basis-color-action-1-inverse-bg-default",
        "--basis-color-action-1-inverse-bg-hover",
        "--basis-color-action-1-inverse-bg-active",
        "--basis-color-action-1-color-default",
        "--basis-color-action-1-border-default",
        "--kaart-accent",
    ),
    "primary-contrast": (
        "--basis-color-action-1-inverse-color-default",
        "--basis-color-action-1-inverse-color-hover",
        "--basis-color-action-1-inverse-color-active",
        "--kaart-accent-contrast",
    ),
    "primary-hover": ("--basis-color-action-1-inverse-bg-hover", "--basis-color-action-1-color-hover"),
    "subtle": ("--kaart-zacht",),
}


def theme_css(profile: GemeenteProfile) -> str:
    """The gemeente's colours as design-token overrides; values that are not plain colours are left out
    (a profile is configuration, not a way to inject CSS)."""
    decls: dict[str, str] = {}
    for name, value in profile.colours.items():
        value = value.strip()
        if not _COLOUR.match(value):
            continue
        tokens = COLOUR_TOKENS.get(name)
        if tokens is None and re.fullmatch(r"(basis|utrecht|kaart)-[a-z0-9-]+", name):
            tokens = (f"--{name}",)
        for token in tokens or ():
            decls[token] = value
    body = "".join(f"  {k}: {v};\n" for k, v in decls.items())
    return f"/* Kleuren van {profile.name} (gemeenteprofiel {profile.id}) */\n.voorbeeld-theme.kaart-gemeente {{\n{body}}}\n"


def short_url(url: str | None) -> str:
    """`https://www.aalten.nl/` → `www.aalten.nl`: how people read a web address aloud."""
    if not url:
        return ""
    return re.sub(r"^https?://", "", url).rstrip("/")


@dataclass(frozen=True)
class WayIn:
    """How a resident reaches a service: its own contact details, or none (then the front door is shown)."""

    phones: tuple[Phone, ...] = ()
    email: str | None = None
    website: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.phones or self.email or self.website)


def ways_in(views: Views, summaries: Sequence[ServiceSummary], *, professional: bool) -> dict[str, WayIn]:
    """Own contact details per service: the service's, else its organisation's (public ones unless professional).
    Read in three batched queries, whatever the number of cards."""
    if not summaries:
        return {}
    ids = [s.id for s in summaries]
    org_ids = sorted({s.organization_id for s in summaries})
    services = {s.id: s for s in views.services(ids)}
    orgs = {o.id: o for o in views.organisations(org_ids)}
    svc_phones = views.phones("service", ids, professional=professional)
    org_phones = views.phones("organisation", org_ids, professional=professional)
    out: dict[str, WayIn] = {}
    for s in summaries:
        svc, org = services.get(s.id), orgs.get(s.organization_id)
        out[s.id] = WayIn(
            phones=tuple(svc_phones.get(s.id) or org_phones.get(s.organization_id) or ()),
            email=(svc and svc.email) or (org and org.email) or None,
            website=(svc and svc.url) or (org and org.website) or None,
        )
    return out


def qr_svg(text: str) -> Markup:
    """A QR code of a share link as inline SVG, made on the server (nothing is sent elsewhere)."""
    import segno

    svg = segno.make(text, error="l").svg_inline(
        scale=2, dark="#000", light="#fff", title="QR-code met de link"
    )
    return Markup(
        svg.replace("<svg ", '<svg role="img" aria-label="QR-code: scan hem om deze hulp te openen" ', 1)
    )


def is_about_violence(themes: Iterable[Any]) -> bool:
    """Pages about (domestic) violence get the quick exit: a theme with the `veiligheid` signal in the ontology."""
    return any(getattr(t, "signal", None) == "veiligheid" for t in themes)


def unique_doelgroep_labels(groups: Iterable[Any]) -> list[str]:
    """B1 labels of the doelgroepen, each label once ("Iedereen"/"Voor iedereen" are the same thing)."""
    seen: set[str] = set()
    out = []
    for g in groups:
        label = g.b1_label or g.label
        key = re.sub(r"^voor\s+", "", label.strip().casefold())
        if key not in seen:
            seen.add(key)
            out.append(label)
    return out


def init_site(app: Flask) -> None:
    profile = load_profile(app.config.get("GEMEENTE_PROFILE") or None)
    app.extensions["kaart_gemeente"] = profile
    app.jinja_env.globals["gemeente"] = profile
    app.jinja_env.globals["site_name"] = f"Sociale kaart {profile.short_name}"
    app.jinja_env.globals["QUICK_EXIT_URL"] = QUICK_EXIT_URL
    app.jinja_env.filters["kort_adres"] = short_url
    app.jinja_env.filters["qr"] = qr_svg
    app.jinja_env.filters["datum"] = datum
    app.jinja_env.filters["km"] = km
    app.jinja_env.filters["tel"] = tel_href
    app.jinja_env.filters["dagen"] = days
    app.jinja_env.globals["niveau_label"] = niveau_label
    app.jinja_env.globals["niveau_uitleg"] = niveau_uitleg
    app.jinja_env.globals["TOEGANG_B1"] = TOEGANG_B1
    app.jinja_env.globals["NIVEAU_B1"] = NIVEAU_B1
