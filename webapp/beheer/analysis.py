"""Analysis for coördinatoren: coverage (dekking) kern × thema × niveau as table, chart, gaps in sentences and
CSV, and the optional demand statistics (theme ids, kern, ISO week; never text; off by default).

Call `record_demand(theme_ids, place_name)` after a match to count demand when KAART_DEMAND_STATS is on; it
ignores everything but theme ids and a known kern."""

from __future__ import annotations

import dataclasses
import io
import logging
import re
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Response, current_app, render_template, request
from markupsafe import Markup, escape

from graph import csv_export
from graph.coverage import Coverage, coverage, coverage_services
from graph.demand import DemandRepository, iso_week
from graph.models import NIVEAUS
from graph.views import ALL_STATUSES, Views
from ontology import kern_id
from webapp.audience import audience
from webapp.beheer.blueprints import bp
from webapp.beheer.coverage_map import area_kernen, gaps_map, gemeente_kernen
from webapp.beheer.fields import NIVEAU_AANBOD, kern_options, theme_tree
from webapp.beheer.forms import stale_cutoff
from webapp.config import settings
from webapp.db import get_store

log = logging.getLogger(__name__)

# --- coverage -----------------------------------------------------------------------------------------------


def _theme_label(label: str) -> str:
    """'Eenzaamheid' → 'eenzaamheid' in a sentence; 'LVB' and 'NAH' stay as they are."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _coverage_model(niveau_choice: str) -> tuple[Coverage, list[tuple[Any, int]], dict[str, Any]]:
    store = get_store()
    views = Views(store)
    themes = views.themes(statuses=ALL_STATUSES)
    tree = theme_tree(themes)
    ours = gemeente_kernen()
    kernen = {k[0]: k[1] for k in kern_options()} | {k.id: k.name for k in ours}
    parents = {t.id: tuple(t.parents) for t in themes.values()}
    services = []
    for s in coverage_services(store):
        covered = {kid for area in s.areas for kid in area_kernen(area, ours)}
        services.append(dataclasses.replace(s, kernen=tuple(sorted(set(s.kernen) | covered))))
    cov = coverage(
        services,
        sorted(kernen.items(), key=lambda k: k[1].lower()),
        [(t.id, t.label, depth) for t, depth in tree],
        parents,
        (*NIVEAUS, "alle"),
        stale_cutoff(),
    )
    return cov, tree, themes


def main_theme_gaps(
    cov: Coverage, tree: Sequence[tuple[Any, int]], niveau: str
) -> dict[str, tuple[int, int]]:
    """Per kern id: (main themes without aanbod at this niveau, main themes)."""
    tops = [t for t, depth in tree if depth == 0]
    return {
        kid: (sum(1 for t in tops if not cov.cell(kid, t.id, niveau).active), len(tops))
        for kid, _ in cov.kernen
        if kid
    }


def coverage_gaps(cov: Coverage, tree: Sequence[tuple[Any, int]], niveau: str) -> list[dict[str, Any]]:
    """Per kern, the gaps in B1 sentences ("Geen vrij toegankelijk aanbod voor eenzaamheid in Dinxperlo."),
    counted like the map and the chart: main themes without aanbod first (`missing` of `total`), the
    narrower themes without aanbod apart (`sub`, shown folded), so the list does not repeat ~35 sub-theme
    lines per kern while the map counts 14 main themes. A theme without any aanbod is named once: its
    narrower themes are then empty too."""
    aanbod = NIVEAU_AANBOD.get(niveau, "aanbod")
    parent_of: dict[str, str | None] = {}
    stack: list[tuple[str, int]] = []
    for t, depth in tree:
        while stack and stack[-1][1] >= depth:
            stack.pop()
        parent_of[t.id] = stack[-1][0] if stack else None
        stack.append((t.id, depth))
    has_children = {p for p in parent_of.values() if p}
    counts = main_theme_gaps(cov, tree, niveau)
    out = []
    for kid, kname in cov.kernen:
        if not kid:
            continue
        missing, total = counts.get(kid, (0, 0))
        entry: dict[str, Any] = {"kern": kname, "missing": missing, "total": total, "lines": [], "sub": []}
        if tree and all(cov.cell(kid, t.id, niveau).active == 0 for t, _ in tree):
            entry["lines"] = [f"In {kname} is nog geen {aanbod} bekend, voor geen enkel thema."]
            out.append(entry)
            continue
        for t, depth in tree:
            if cov.cell(kid, t.id, niveau).active:
                continue
            parent = parent_of.get(t.id)
            if parent and cov.cell(kid, parent, niveau).active == 0:
                continue  # already said for the broader theme
            extra = " (ook niet voor de onderwerpen daaronder)" if t.id in has_children else ""
            line = f"Geen {aanbod} voor {_theme_label(t.label)} in {kname}{extra}."
            entry["lines" if depth == 0 else "sub"].append(line)
        if entry["lines"] or entry["sub"]:
            out.append(entry)
    return out


def coverage_svg(
    cov: Coverage, tree: Sequence[tuple[Any, int]], niveau: str
) -> tuple[Markup, list[tuple[str, int, int]]]:
    """A bar per kern: how many main themes have aanbod at this niveau. Returns the SVG and its data table."""
    tops = [t for t, depth in tree if depth == 0]
    data = []
    for kid, kname in cov.kernen:
        covered = sum(1 for t in tops if cov.cell(kid, t.id, niveau).active)
        data.append((kname if kid else "Zonder kern", covered, len(tops)))
    bar_h, gap, label_w, bar_w = 26, 10, 190, 420
    height = max(1, len(data)) * (bar_h + gap) + 40
    width = label_w + bar_w + 140
    aanbod = NIVEAU_AANBOD.get(niveau, "aanbod")
    parts = [
        f'<svg class="beheer-grafiek" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="grafiek-titel grafiek-uitleg" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="grafiek-titel">Hoofdthema\'s met {escape(aanbod)} per kern</title>',
        '<desc id="grafiek-uitleg">Per kern een balk: hoeveel hoofdthema\'s ten minste één actieve dienst '
        "hebben. De tabel onder de grafiek geeft dezelfde getallen.</desc>",
    ]
    for i, (name, covered, total) in enumerate(data):
        y = 20 + i * (bar_h + gap)
        w = 0 if not total else round(bar_w * covered / total)
        cls = "beheer-grafiek__balk" + (" beheer-grafiek__balk--gat" if covered < total else "")
        label = name if len(name) <= 26 else name[:24] + "…"
        parts.append(
            f'<text class="beheer-grafiek__label" x="{label_w - 8}" y="{y + bar_h * 0.7:.0f}" text-anchor="end">{escape(label)}</text>'
            f'<rect class="beheer-grafiek__achter" x="{label_w}" y="{y}" width="{bar_w}" height="{bar_h}"/>'
            f'<rect class="{cls}" x="{label_w}" y="{y}" width="{w}" height="{bar_h}"/>'
            f'<text class="beheer-grafiek__getal" x="{label_w + bar_w + 8}" y="{y + bar_h * 0.7:.0f}">{covered} van {total}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts)), data


@bp.get("/dekking")
@audience("coordinator")
def coverage_page():
    niveau = request.args.get("niveau", "vrij-toegankelijk")
    niveau = niveau if niveau in (*NIVEAUS, "alle") else "vrij-toegankelijk"
    scope = request.args.get("themas", "alle")
    scope = scope if scope in ("hoofd", "alle") else "alle"
    cov, tree, _ = _coverage_model(niveau)
    shown = [(t, d) for t, d in tree if scope == "alle" or d == 0]
    svg, chart = coverage_svg(cov, tree, niveau)
    gap_map = gaps_map(
        gemeente_kernen(),
        main_theme_gaps(cov, tree, niveau),
        f"Kaart: hoofdthema's zonder {NIVEAU_AANBOD[niveau]} per kern",
    )
    return render_template(
        "beheer/coverage.html",
        cov=cov,
        tree=shown,
        niveau=niveau,
        scope=scope,
        gaps=coverage_gaps(cov, shown, niveau),
        svg=svg,
        chart=chart,
        gap_map=gap_map,
        aanbod=NIVEAU_AANBOD[niveau],
        niveaus=NIVEAUS,
        days=settings().stale_after_days,
    )


@bp.get("/dekking.csv")
@audience("coordinator")
def coverage_csv():
    cov, tree, _ = _coverage_model("alle")
    out = io.StringIO()
    w = csv_export.writer(out, lineterminator="\n")
    w.writerow(
        ["kern_id", "kern", "thema_id", "thema", "hoofdthema", "niveau", "actief", "gecontroleerd", "gat"]
    )
    for kid, kname in cov.kernen:
        for t, depth in tree:
            for n in (*NIVEAUS, "alle"):
                c = cov.cell(kid, t.id, n)
                w.writerow(
                    [
                        kid,
                        kname if kid else "zonder kern",
                        t.id,
                        t.label,
                        "ja" if depth == 0 else "nee",
                        n,
                        c.active,
                        c.verified,
                        "ja" if c.active == 0 else "nee",
                    ]
                )
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="dekking.csv"'},
    )


# --- demand statistics ----------------------------------------------------------------------------------------

_last_purge = {"at": 0.0}


def demand_enabled(app=None) -> bool:
    app = app or current_app
    return str(app.config.get("DEMAND_STATS") or "0").strip().lower() in ("1", "true", "ja", "yes", "on")


def _oldest_week(app) -> str:
    weeks = int(app.config.get("DEMAND_STATS_RETENTION_WEEKS") or 104)
    return iso_week(datetime.now(UTC).date() - timedelta(weeks=weeks))


def record_demand(theme_ids: Iterable[str], place_name: str | None = None) -> None:
    """Count one search for these theme ids in this kern and week, when KAART_DEMAND_STATS is on.

    Call it after a match from public.search, professional.search and api.match, passing only
    `[t["id"] for t in result.themes]` and the resolved place name (`result.place["name"]`), never the text.
    Unknown places count as "no kern". Best effort: a failure is logged by type and never breaks a search.
    """
    try:
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        if not demand_enabled(app):
            return
        store = get_store(app)
        themes = [t for t in theme_ids if isinstance(t, str) and re.fullmatch(r"[a-z0-9-]{1,60}", t)]
        kern = None
        if place_name:
            candidate = kern_id(str(place_name)[:100])
            if candidate in {k[0] for k in kern_options()}:
                kern = candidate
        repo = DemandRepository(store)
        repo.record(themes, kern)
        if time.time() - _last_purge["at"] > 3600:
            _last_purge["at"] = time.time()
            repo.purge(_oldest_week(app))
    except Exception as exc:  # noqa: BLE001 - statistics must never break a search
        log.warning("Vraagstatistiek niet bijgewerkt (%s)", type(exc).__name__)


@bp.get("/vraag")
@audience("coordinator")
def demand():
    enabled = demand_enabled()
    rows = DemandRepository(get_store()).rows(_oldest_week(current_app)) if enabled else []
    themes = Views(get_store()).themes(statuses=ALL_STATUSES)
    kernen = dict((k[0], k[1]) for k in kern_options())
    weeks = sorted({r.week for r in rows}, reverse=True)[:12]
    table: dict[str, dict[str, int]] = {}
    for r in rows:
        if r.week in weeks:
            table.setdefault(r.theme, {}).setdefault(r.week, 0)
            table[r.theme][r.week] += r.count
    per_kern: dict[str, int] = {}
    for r in rows:
        if r.week in weeks:
            per_kern[r.kern] = per_kern.get(r.kern, 0) + r.count
    return render_template(
        "beheer/demand.html",
        enabled=enabled,
        weeks=weeks,
        table=sorted(table.items(), key=lambda kv: -sum(kv[1].values())),
        themes=themes,
        kernen=kernen,
        per_kern=sorted(per_kern.items(), key=lambda kv: -kv[1]),
        retention=int(current_app.config.get("DEMAND_STATS_RETENTION_WEEKS") or 104),
    )
