"""Public pages: no login, no tracking, B1 Dutch.

The free-text hulpvraag is only ever sent by POST (`/zoeken`), processed in memory and answered with
`Cache-Control: no-store`; it is never put in a URL, a log line or the graph. The list/map page (`/kaart`) takes
its filters from the URL (GET), so a selection can be shared.
"""

from __future__ import annotations

import math
import re
from typing import Any

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for
from markupsafe import Markup, escape

from graph.views import NIVEAUS, Filters, Views
from match.answer import outside_gemeente
from match.language import not_dutch
from ontology import load_gazetteer
from ontology.inwoner import InwonerLabels, load_inwoner_labels, way_in_unknown
from webapp.answer import answer_hulpvraag, get_matcher
from webapp.audience import audience
from webapp.db import get_store
from webapp.i18n import SOURCE, current_language
from webapp.results_tail import MAX_SHOWN, row_strength, tail_start
from webapp.safety_box import register as register_safety_box
from webapp.site import (
    is_about_violence,
    map_points,
    now_local,
    theme_css,
    unique_doelgroep_labels,
    ways_in,
)

bp = Blueprint("public", __name__)


@bp.record_once
def _safety_filter(state: Any) -> None:
    state.app.jinja_env.filters["noodnummer_eenmaal"] = emergency_number_once
    register_safety_box(state.app)  # `veiligheidsvak(result)`: the box lines per danger (ADR 0107)


def emergency_number_once(notice: str) -> Markup:
    """The safety notice with 112 said once (user test m12test3: "Bel 112 … Bij direct gevaar: bel 112", and the
    list again): a later sentence that repeats 112 is left out, and the one mention is a tel: link. The box then
    leaves 112 out of its list of numbers (partials/safety.html)."""
    kept: list[str] = []
    seen = False
    for sentence in re.split(r"(?<=[.?!])\s+", notice.strip()):
        if "112" in sentence:
            if seen:
                continue
            seen = True
        kept.append(str(escape(sentence)))
    text = " ".join(kept)
    link = '<a class="utrecht-link" href="tel:112"><strong>112</strong></a>'
    return Markup(text.replace("112", link, 1))


MAX_TEXT = 2000
MAX_LIST = 300
PER_PAGE = 20


@bp.get("/")
@audience("public")
def home():
    return render_template("public/home.html", themes=_tiles(Views(get_store())))


def _tiles(views: Views):
    """Top-level theme tiles that lead somewhere: a theme without services is not offered."""
    return [t for t in views.top_themes() if t.service_count > 0]


@bp.get("/gemeente.css")
@audience("public")
def gemeente_css():
    """The gemeente's colours as NL Design System token overrides (from the gemeente profile)."""
    resp = Response(theme_css(current_app.extensions["kaart_gemeente"]), mimetype="text/css")
    resp.headers["Cache-Control"] = "public, max-age=3600"
    return resp


@bp.route("/zoeken", methods=["GET", "POST"])
@audience("public")
def search():
    """Results for a hulpvraag. GET only sends people back to the form: the text never travels in a URL."""
    if request.method == "GET":
        return redirect(url_for("public.home"))
    text = (request.form.get("vraag") or "").strip()[:MAX_TEXT]
    place = (request.form.get("plaats") or "").strip()[:100] or None
    if not text:
        return render_template("public/home.html", themes=_tiles(Views(get_store())), error="leeg"), 400
    result = answer_hulpvraag(text, near=place, audience="public", limit=20)
    ids = [r["service_id"] for r in result.results]
    views = Views(get_store())
    summaries = {s.id: s for s in views.summaries(ids)}
    rows = [(r, summaries.get(r["service_id"])) for r in result.results if r["service_id"] in summaries]
    signals = result.signals or {}
    outside = _outside(result)
    if outside and _far(rows):  # "101,5 km" is no fit: the page says which gemeente the kaart covers instead
        rows = [({**r, "distance_km": None}, s) for r, s in rows]
    # The results that fit first; the weak tail behind "Meer resultaten tonen" (webapp/results_tail.py).
    cut = len(rows) if result.front_door else tail_start([r for r, _ in rows], row_strength(result))
    return render_template(
        "public/results.html",
        result=result,
        rows=rows[:cut],
        tail=rows[cut:],
        ways=ways_in(views, [s for _, s in rows], professional=False),
        text=text,
        place=place,
        outside=outside,
        # "Uw dochter woont in Winterswijk, buiten de gemeente Aalten …": the one note for a relative's place outside
        outside_note=relatives_note(result.messages, outside),
        # the themes in everyday words (ontology/labels-inwoner.yaml), not the ontology's terms
        chips=[_labels().register(result.register).chip(t["id"], t["label"]) for t in result.themes],
        # The share link names the services shown above "Meer resultaten tonen", in their order, never the
        # question: what the resident saw as the answer is what they pass on (m12test11 F8, ADR 0133).
        share_url=_share_url([s.id for _, s in rows[:cut]][:MAX_SHOWN]),
        # "Zoeken werkt het best met Nederlandse woorden" only for a question that is not Dutch (m12test11 F8)
        dutch_question=not not_dutch(text),
        quick_exit=bool(signals.get("veiligheid") or signals.get("crisis")),
        today=now_local().date(),
        # In another interface language the matcher still reads Dutch: the theme tiles are a way in too.
        themes=_tiles(views) if current_language().code != SOURCE else [],
    )


def _labels() -> InwonerLabels:
    return get_matcher().answer.inwoner


def _far_km() -> float:
    return _labels().far_km


def _far(rows) -> bool:
    known = [r["distance_km"] for r, _ in rows if r.get("distance_km") is not None]
    return bool(known) and min(known) > _far_km()


def _outside(result) -> str | None:
    """The name of the place asked for when it lies outside the gemeente of this kaart (issue 12 point 8),
    else None: the page then says plainly which gemeente the kaart covers and shows its front door."""
    place = result.place or {}
    if not place.get("name"):
        return None
    known = [r["distance_km"] for r in result.results if r.get("distance_km") is not None]
    profile = current_app.extensions["kaart_gemeente"]
    inside = tuple(profile.kernen) + _buurtschappen(profile.short_name)
    if outside_gemeente(place["name"], inside, min(known) if known else None, _far_km()):
        return place["name"]
    return None


def relatives_note(messages: list[str], outside: str | None) -> str | None:
    """The matcher's note about a relative who lives at the place outside the gemeente ("Uw dochter woont in
    Winterswijk, buiten de gemeente Aalten. …", match/place_notes.py), or None. The page shows it as the one note
    in the box instead of "… ligt niet in de gemeente" and "Woont u ergens anders?", which repeated it and spoke to
    the writer as if he lived there (m12test20 "Place messages", ADR 0175)."""
    if not outside:
        return None
    return next(
        (m for m in messages if m.startswith("Uw ") and f" in {outside}, buiten de gemeente " in m), None
    )


def _buurtschappen(gemeente: str) -> tuple[str, ...]:
    """The gazetteer's places of this gemeente that are no kern of the profile (Haart, Dale in Aalten): a
    resident names them as where they live, so they lie inside (tester13: "De plaats 'Haart' kennen we niet")."""
    return tuple(p.name for p in load_gazetteer() if gemeente and p.gemeente == gemeente)


def _share_url(ids: list[str]) -> str | None:
    """A full link to the services found (never the question), on KAART_BASE_URL when set (behind a proxy)."""
    if not ids:
        return None
    base = (current_app.config.get("BASE_URL") or "").rstrip("/")
    return (
        base + url_for("public.kaart", dienst=ids)
        if base
        else url_for("public.kaart", dienst=ids, _external=True)
    )


def _filters_from_args(views: Views) -> tuple[Filters, dict]:
    args = request.args
    themes = views.themes()
    groups = {d.id: d for d in views.doelgroepen()}
    kernen = {k.id: k for k in views.kernen(used_only=False)}
    chosen = {
        "thema": args.get("thema") if args.get("thema") in themes else None,
        "doelgroep": args.get("doelgroep") if args.get("doelgroep") in groups else None,
        "kern": args.get("kern") if args.get("kern") in kernen else None,
        "niveau": args.get("niveau") if args.get("niveau") in NIVEAUS else None,
        "open": args.get("open") == "1",
        "dienst": tuple(dict.fromkeys(i for i in args.getlist("dienst") if i))[:MAX_LIST],
    }
    f = Filters(
        theme=chosen["thema"],
        doelgroep=chosen["doelgroep"],
        kern=chosen["kern"],
        niveau=chosen["niveau"],
        open_now=chosen["open"],
        service_ids=chosen["dienst"] or None,
        for_residents=True,  # no professionals-only service on the public list or map (ADR 0116)
    )
    options = {
        "themes": sorted(themes.values(), key=lambda t: (bool(t.parents), t.label.lower())),
        "top_themes": [t for t in themes.values() if not t.parents],
        "all_themes": themes,
        "doelgroepen": list(groups.values()),
        "kernen": views.kernen(),
        "niveaus": NIVEAUS,
    }
    return f, {"chosen": chosen, "options": options}


@bp.get("/kaart")
@audience("public")
def kaart():
    """List and map of services, filtered by thema, doelgroep, kern, niveau and 'nu open' (all in the URL)."""
    views = Views(get_store())
    f, ctx = _filters_from_args(views)
    # The first MAX_LIST services found, sorted and cut in the graph, and how many there are in all: the page
    # costs the same for a theme of 50 services as for a kaart of 100 000.
    found, total = views.find_service_page(f, 0, MAX_LIST, now=now_local())
    summaries = views.summaries([i for i, _ in found])
    if ctx["chosen"]["dienst"]:  # a shared list keeps the order it was found in (best match first)
        order = {sid: n for n, sid in enumerate(ctx["chosen"]["dienst"])}
        summaries = sorted(summaries, key=lambda s: order.get(s.id, len(order)))
    # The map shows everything found; the list is paged so the page stays short.
    pages = max(1, math.ceil(len(summaries) / PER_PAGE))
    try:
        page = min(max(1, int(request.args.get("pagina", "1"))), pages)
    except ValueError:
        page = 1
    listed = summaries[(page - 1) * PER_PAGE : page * PER_PAGE]
    themes = ctx["options"]["all_themes"]
    about = [themes.get(ctx["chosen"]["thema"] or "")]
    if ctx["chosen"]["dienst"]:  # a list handed to someone: a quick exit when any of it is about violence
        about += [themes.get(t) for s in summaries for t in s.themes]
    return render_template(
        "public/kaart.html",
        services=listed,
        total=total,
        shown=len(summaries),
        page=page,
        pages=pages,
        first=(page - 1) * PER_PAGE + 1,
        ways=ways_in(views, listed, professional=False),
        points=map_points(summaries, lambda s: url_for("public.service", id=s.id)),
        tile_url=current_app.config.get("TILE_URL") or "",
        quick_exit=is_about_violence(t for t in about if t),
        page_url=page_url,
        **ctx,
    )


def page_url(page: int) -> str:
    """This /kaart URL with the same filters on another page."""
    args = request.args.to_dict(flat=False)
    args["pagina"] = [str(page)]
    if page == 1:
        args.pop("pagina")
    return url_for("public.kaart", **args)


@bp.get("/dienst/<id>")
@audience("public")
def service(id: str):
    return service_page(id, professional=False)


def service_page(id: str, *, professional: bool):
    """A service's page; the professional one adds professional-only bereikbaarheid and links."""
    detail = Views(get_store()).service_detail(id, professional=professional)
    if detail is None:
        abort(404)
    return render_template(
        "public/service.html",
        d=detail,
        professional=professional,
        open_now=_open_now(detail),
        doelgroep_labels=unique_doelgroep_labels(detail.doelgroepen),
        # maatwerk/specialistisch without data on the way in: no "via de gemeente" the data does not say
        way_in_unknown=way_in_unknown(
            load_inwoner_labels(),
            detail.service.niveau,
            detail.service.toegang,
            detail.service.application_process,
        ),
        quick_exit=is_about_violence(detail.themes),
    )


@bp.get("/organisatie/<id>")
@audience("public")
def organisation(id: str):
    detail = Views(get_store()).organisation_detail(id, professional=False)
    if detail is None:
        abort(404)
    return render_template(
        "public/organisation.html",
        d=detail,
        professional=False,
        graph=None,
        quick_exit=is_about_violence(detail.themes),
    )


def _open_now(detail) -> bool | None:
    """True/False when we know the opening hours, None when we don't."""
    from graph.views import is_open

    if detail.service.available_24_7:
        return True
    if not detail.schedules:
        return None
    return is_open(detail.schedules, now_local())
