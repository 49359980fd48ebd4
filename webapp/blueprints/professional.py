"""Professional pages (login + second factor): "Wie kan hier helpen", details with professional-only
lines, the network around an organisation, and a printable/shareable list (service ids only, never the text).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from graph.views import Views
from ontology import load_ontology
from webapp.answer import MAX_TEXT, answer_hulpvraag
from webapp.audience import audience
from webapp.db import get_store
from webapp.site import network_svg, phones_by_service

bp = Blueprint("professional", __name__, url_prefix="/professional")

MAX_LIST = 100


@bp.route("/", methods=["GET", "POST"])
@audience("professional")
def search():
    views = Views(get_store())
    all_themes = views.themes()
    if request.method == "GET":
        return render_template(
            "professional/search.html", result=None, text="", place="", all_themes=all_themes
        )
    text = (request.form.get("situatie") or "").strip()[:MAX_TEXT]
    place = (request.form.get("plaats") or "").strip()[:100]
    if not text:
        return (
            render_template(
                "professional/search.html",
                result=None,
                text="",
                place=place,
                all_themes=all_themes,
                error="leeg",
            ),
            400,
        )
    override = None
    if request.form.get("herhaal"):
        chosen = [t for t in request.form.getlist("thema") if t in all_themes]
        extra = request.form.get("thema_extra")
        if extra in all_themes and extra not in chosen:
            chosen.append(extra)
        override = chosen
    result = answer_hulpvraag(
        text, near=place or None, audience="professional", limit=30, themes_override=override
    )
    ids = [r["service_id"] for r in result.results]
    excluded_ids = [r["service_id"] for r in result.excluded]
    summaries = {s.id: s for s in views.summaries(ids + excluded_ids)}
    groups = fit_groups(result, summaries)
    levels = {lv.id: lv for lv in load_ontology().safety.levels}
    safety_labels = [levels[i].label for i in result.safety_levels if i in levels]
    ids += [i for i in excluded_ids if i in summaries]
    return render_template(
        "professional/search.html",
        result=result,
        groups=groups,
        safety_labels=safety_labels,
        text=text,
        place=place,
        all_themes=all_themes,
        phones=phones_by_service(views, ids, professional=True),
        links=views.service_links(ids),
        list_url=url_for("professional.shortlist", dienst=ids) if ids else None,
    )


# Group headings, in the order the matcher ranked: a group never lifts a weaker match above a better one.
# Shown in the interface language; the matcher's `why` (Dutch, the match contract) decides the group.
GROUP_SAFETY = _l("Veiligheid voorop")
GROUP_FIT = _l("Past bij de vraag")
GROUP_WORDS = _l("Gevonden op woorden uit de vraag")
GROUP_FRONT_DOOR = _l("Geen passende dienst: de voordeur van de gemeente")
GROUP_EXCLUDED = _l("Niet voor deze leeftijd (ter informatie)")


def fit_groups(result: Any, summaries: dict[str, Any]) -> list[tuple[Any, list[tuple[dict, Any]]]]:
    """Results cut into consecutive runs of the ranking (safety help, fitting the need, found on words only);
    the niveau stays visible on every card. Services that exclude the asker's age come last, apart."""

    def kind(n: int, row: dict[str, Any]) -> Any:
        if result.front_door and n == 0:
            return GROUP_FRONT_DOOR
        if row["why"].startswith("Veiligheid voorop"):
            return GROUP_SAFETY
        if row["why"].startswith("Gevonden op woorden"):
            return GROUP_WORDS
        return GROUP_FIT

    groups: list[tuple[Any, list[tuple[dict, Any]]]] = []
    for n, row in enumerate(result.results):
        if row["service_id"] not in summaries:
            continue
        label = kind(n, row)
        if groups and groups[-1][0] == label:
            groups[-1][1].append((row, summaries[row["service_id"]]))
        else:
            groups.append((label, [(row, summaries[row["service_id"]])]))
    excluded = [(r, summaries[r["service_id"]]) for r in result.excluded if r["service_id"] in summaries]
    if excluded:
        groups.append((GROUP_EXCLUDED, excluded))
    return groups


@bp.get("/dienst/<id>")
@audience("professional")
def service(id: str):
    from webapp.blueprints.public import service_page

    return service_page(id, professional=True)


@bp.get("/organisatie/<id>")
@audience("professional")
def organisation(id: str):
    views = Views(get_store())
    detail = views.organisation_detail(id, professional=True)
    if detail is None:
        abort(404)
    graph = views.network_graph(id)
    svg = (
        network_svg(graph, lambda oid: url_for("professional.organisation", id=oid))
        if graph and len(graph.nodes) > 1
        else None
    )
    return render_template(
        "public/organisation.html", d=detail, professional=True, graph=graph, graph_svg=svg
    )


@bp.get("/lijst")
@audience("professional")
def shortlist():
    """A list to print or share: only service ids in the URL, never the hulpvraag."""
    ids = list(dict.fromkeys(i for i in request.args.getlist("dienst") if i))[:MAX_LIST]
    views = Views(get_store())
    services = views.summaries(ids)
    got = [s.id for s in services]
    return render_template(
        "professional/list.html",
        services=services,
        phones=phones_by_service(views, got, professional=True),
        links=views.service_links(got),
    )
