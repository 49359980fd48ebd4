"""Helpers shared by the public and professional pages: labels in B1 Dutch, dates, map points, the
network view as server-rendered SVG."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from flask import Flask, has_request_context, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from graph.models import Phone
from graph.schedules import TZ
from graph.views import NetworkGraph, ServiceSummary, Views
from ontology import load_niveaus
from ontology.gemeente import GemeenteProfile, load_profile
from ontology.inwoner import load_inwoner_labels
from webapp.hyphens import soft_hyphens
from webapp.i18n import current_language

# Niveau code -> (label, B1 explanation), from ontology/niveaus.yaml (`label`, `b1_label`): the one source.
NIVEAU_B1: dict[str, tuple[str, str]] = {n.id: (n.label, n.b1_label) for n in load_niveaus()}
# The same two texts as the interface shows them (a badge, an explanation): interface text, so through gettext;
# the ontology keeps the Dutch data. A niveau missing here shows its Dutch label (tests/test_i18n.py checks).
NIVEAU_SHOWN = {
    "crisis": (_l("Crisis"), _l("Direct hulp bij gevaar of crisis")),
    "vrij-toegankelijk": (
        _l("Vrij toegankelijk (sociale en pedagogische basis)"),
        _l("Zonder verwijzing, u kunt er zo terecht"),
    ),
    "lokaal-team": (_l("Lokaal team"), _l("Het team van de gemeente dat met u meekijkt")),
    "maatwerk": (_l("Maatwerkvoorziening"), _l("Hulp op maat, via de gemeente")),
    "specialistisch": (_l("Specialistische hulp"), _l("Gespecialiseerde hulp, vaak met verwijzing")),
}
TOEGANG_B1 = {
    "vrij-toegankelijk": _l("U kunt zelf contact opnemen."),
    "verwijzing": _l("U heeft een verwijzing nodig, bijvoorbeeld van de huisarts."),
    "beschikking": _l("U heeft een besluit (beschikking) van de gemeente nodig."),
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


def datum(value: Any, *, lang: str = "nl") -> str:
    """`2026-03-12` → `12 maart 2026`; empty stays empty. Dutch (e-mails, beheer texts); pages use the
    `datum` filter, which writes the date in the interface language ("12 March 2026")."""
    if not value:
        return ""
    d = local_moment(value)
    if d is None:
        try:
            d = date.fromisoformat(str(value)[:10])
        except ValueError:
            return str(value)
    if lang != "nl":
        from babel.dates import format_date

        return format_date(d, "d MMMM y", locale=lang)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def datum_shown(value: Any) -> str:
    """The `datum` filter: the date in the interface language of this request."""
    return datum(value, lang=current_language().code)


def local_moment(value: Any) -> datetime | None:
    """A stored UTC timestamp ("2026-12-06T05:19:00+00:00") in Amsterdam time; None for a plain date. The
    graph stores UTC; a coördinator reads the clock on the wall (an edit at 06:19 showed as 05:19)."""
    text = str(value or "")
    if len(text) <= 10:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(TZ)


def tijdstip(value: Any) -> str:
    """`2026-12-06T05:19:00+00:00` → `6 december 2026 06:19` (Amsterdam time); a plain date → the date.
    In the interface language of the request (a filter for pages)."""
    moment = local_moment(value)
    if moment is None:
        return datum_shown(value)
    return f"{datum_shown(value)} {moment:%H:%M}"


RESIDENT_BLUEPRINTS = frozenset({"public", "embed", "gedeeld", "report", "open_data"})


def niveau_label(code: str | None) -> str:
    """A niveau's badge in the interface language. On a resident's page in Dutch the B1 words of
    labels-inwoner.yaml ("Zonder verwijzing", not "Vrij toegankelijk (sociale en pedagogische basis)");
    professionals, beheer and the other interface languages keep the translated ladder term (ADR 0109)."""
    if has_request_context() and request.blueprint in RESIDENT_BLUEPRINTS and current_language().code == "nl":
        badge = load_inwoner_labels().badges.get(code or "")
        if badge:
            return badge
    if code in NIVEAU_SHOWN:
        return str(NIVEAU_SHOWN[code][0])
    return NIVEAU_B1.get(code or "", (code or _("Onbekend niveau"), ""))[0]


def niveau_uitleg(code: str | None) -> str:
    if code in NIVEAU_SHOWN:
        return str(NIVEAU_SHOWN[code][1])
    return NIVEAU_B1.get(code or "", ("", ""))[1]


def km(value: float | None) -> str:
    if value is None:
        return ""
    lang = current_language().code
    if lang != "nl":
        from babel.numbers import format_decimal

        return f"{format_decimal(value, '0.0', locale=lang)} km"
    return f"{value:.1f} km".replace(".", ",")


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
    graph: NetworkGraph, href: Callable[[str], str | None], width: int = 0, height: int = 0
) -> Markup:
    """The organisation, its networks and their members, and whom it scales up to, drawn as a tree: one row per
    node (long names wrap onto a second line), so labels never overlap however many members a network has
    (tested with 30), and the drawing is as wide as its longest line, so nothing is clipped and it stays
    legible on a phone. (`width`/`height` are computed; the parameters are kept for callers.)"""
    rows = _network_rows(graph)
    line_h, gap, indent, char_w = 16, 10, 24, 7.2
    names = {n.id: n.label for n in graph.nodes}
    prefixes = {
        "opschalen naar": _("opschalen naar: "),
        "opschalen van": _("schaalt op naar deze organisatie: "),
    }
    lines = [_wrap(prefixes.get(edge or "", "") + names[nid]) for nid, _, edge in rows]
    width = int(
        max(
            16 + d * indent + 14 + max(map(len, ls)) * char_w
            for (_, d, _), ls in zip(rows, lines, strict=True)
        )
    )
    tops, y = [], 8
    for ls in lines:
        tops.append(y)
        y += len(ls) * line_h + gap
    height = y
    kinds = {n.id: n.kind for n in graph.nodes}
    out = [
        f'<svg class="kaart-netwerk" width="{width + 16}" height="{height}" viewBox="0 0 {width + 16} {height}" '
        'role="group" aria-labelledby="netwerk-titel" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="netwerk-titel">{escape(_("Netwerk rond %(name)s", name=names[graph.centre]))}</title>',
    ]
    parent_at: dict[int, tuple[float, float]] = {}
    for (nid, depth, edge), ls, top in zip(rows, lines, tops, strict=True):
        x, y = 16 + depth * indent, top + line_h / 2 + 2
        parent_at[depth] = (x, y)
        if depth:
            px, py = parent_at[depth - 1]
            cls = "kaart-netwerk__lijn" + (" kaart-netwerk__lijn--op" if edge else "")
            out.append(f'<path class="{cls}" d="M{px:.0f} {py + 8:.0f} V{y:.0f} H{x - 9:.0f}" fill="none"/>')
        kind = "centrum" if nid == graph.centre else kinds[nid]
        shape = (
            f'<rect class="kaart-netwerk__knoop kaart-netwerk__knoop--{kind}" x="{x - 7:.0f}" y="{y - 7:.0f}" width="14" height="14"/>'
            if kinds[nid] == "netwerk"
            else f'<circle class="kaart-netwerk__knoop kaart-netwerk__knoop--{kind}" cx="{x:.0f}" cy="{y:.0f}" r="7"/>'
        )
        spans = "".join(
            f'<tspan x="{x + 14:.0f}" dy="{0 if k == 0 else line_h}">{escape(s)}</tspan>'
            for k, s in enumerate(ls)
        )
        text = f'<text class="kaart-netwerk__tekst" x="{x + 14:.0f}" y="{y + 5:.0f}">{spans}</text>'
        link = href(nid) if kinds[nid] == "organisation" and nid != graph.centre else None
        out.append(f'<a href="{escape(link)}">{shape}{text}</a>' if link else shape + text)
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
        scale=2, dark="#000", light="#fff", title=_("QR-code met de link")
    )
    label = escape(_("QR-code: scan hem om deze hulp te openen"))
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


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


def _wrap(text: str, width: int = 36, most: int = 3) -> list[str]:
    """A label in lines of at most `width` characters, broken between words; at most `most` lines."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word if len(word) <= width else word[: width - 1] + "…")
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines or [""]


def _network_rows(graph: NetworkGraph) -> list[tuple[str, int, str | None]]:
    """(node id, depth, edge label) in drawing order: the organisation, each network with its other members
    below it, then the organisations it scales up to, then those that scale up to it."""
    names = {n.id: n.label.lower() for n in graph.nodes}
    nets = sorted((n.id for n in graph.nodes if n.kind == "netwerk"), key=lambda i: names[i])
    rows: list[tuple[str, int, str | None]] = [(graph.centre, 0, None)]
    for net in nets:
        rows.append((net, 1, None))
        members = {e.source for e in graph.edges if e.target == net and e.source != graph.centre}
        rows += [(m, 2, None) for m in sorted(members, key=lambda i: names.get(i, i))]
    for label, ends in (("opschalen naar", 1), ("opschalen van", 0)):
        found = {
            e.target if ends else e.source
            for e in graph.edges
            if e.label == "opschalen naar" and (e.source if ends else e.target) == graph.centre
        }
        rows += [(s, 1, label) for s in sorted(found, key=lambda i: names.get(i, i))]
    return rows


def init_site(app: Flask) -> None:
    profile = load_profile(app.config.get("GEMEENTE_PROFILE") or None)
    app.extensions["kaart_gemeente"] = profile
    app.jinja_env.globals["gemeente"] = profile
    app.jinja_env.globals["site_name"] = f"Sociale kaart {profile.short_name}"
    app.jinja_env.globals["QUICK_EXIT_URL"] = QUICK_EXIT_URL
    app.jinja_env.filters["kort_adres"] = short_url
    app.jinja_env.filters["afbreken"] = soft_hyphens  # long compounds in a heading break at their seam
    app.jinja_env.filters["qr"] = qr_svg
    app.jinja_env.filters["datum"] = datum_shown
    app.jinja_env.filters["tijdstip"] = tijdstip
    app.jinja_env.filters["km"] = km
    app.jinja_env.filters["tel"] = tel_href
    app.jinja_env.filters["dagen"] = days
    app.jinja_env.globals["niveau_label"] = niveau_label
    app.jinja_env.globals["niveau_uitleg"] = niveau_uitleg
    app.jinja_env.globals["TOEGANG_B1"] = TOEGANG_B1
    app.jinja_env.globals["NIVEAU_B1"] = NIVEAU_B1
