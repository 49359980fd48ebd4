"""The search box a gemeente places on its own website, in an iframe (ADR 0080).

- Only the pages here may be framed, and only by the origins in KAART_EMBED_ORIGINS (CSP `frame-ancestors`,
  webapp/security.py); everywhere else, and when the list is empty, framing stays `'none'`.
- Compact and script-free: a search box, a short result list, links that open the full entry in a new tab
  (`<base target="_blank">`, rel=noopener). The gemeente's colours (profile) and font (KAART_EMBED_FONT) come
  from stylesheets; no inline style or script, the CSP stays strict.
- The hulpvraag goes by POST, as on the site itself: never in a URL, a log line or the graph. In the iframe
  the browser does not send our session cookie, so the form carries a signed stamp instead of the session
  CSRF token (webapp/form_guard.py). The starting list (`kern`, `thema`) is in the URL: that is the snippet's
  choice, not the resident's question.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request, url_for

from graph.views import Filters, Views
from webapp.answer import answer_hulpvraag
from webapp.audience import audience
from webapp.db import get_store
from webapp.form_guard import signed_form, stamp
from webapp.security import frameable
from webapp.site import is_about_violence, now_local, ways_in

bp = Blueprint("embed", __name__, url_prefix="/embed")

MAX_TEXT = 2000
MAX_RESULTS = 10
STAMP = "embed-zoeken"


def _choice(views: Views, source) -> dict:
    """The snippet's kern and thema, only when they exist (anything else is ignored, not echoed)."""
    kernen = {k.id: k for k in views.kernen(used_only=False)}
    themes = views.themes()
    kern = source.get("kern") if source.get("kern") in kernen else None
    thema = source.get("thema") if source.get("thema") in themes else None
    return {
        "kern": kernen.get(kern) if kern else None,
        "thema": themes.get(thema) if thema else None,
    }


def _kaart_link(choice: dict) -> str:
    args = {}
    if choice["kern"]:
        args["kern"] = choice["kern"].id
    if choice["thema"]:
        args["thema"] = choice["thema"].id
    return url_for("public.kaart", **args)


@bp.get("")
@audience("public")
@frameable
def home():
    """The search box; with a thema in the snippet also a short list of that help (in the kern, if chosen)."""
    views = Views(get_store())
    choice = _choice(views, request.args)
    listed = []
    total = 0
    if choice["thema"]:
        found = views.find_service_ids(
            Filters(
                theme=choice["thema"].id,
                kern=choice["kern"].id if choice["kern"] else None,
                for_residents=True,  # ADR 0116
            ),
            now=now_local(),
        )
        total = len(found)
        listed = views.summaries([i for i, _ in found[:MAX_RESULTS]])
    return render_template(
        "embed/home.html",
        choice=choice,
        services=[(None, s) for s in listed],
        total=total,
        ways=ways_in(views, listed, professional=False),
        kaart_link=_kaart_link(choice),
        stamp=stamp(STAMP),
        quick_exit=bool(choice["thema"]) and is_about_violence([choice["thema"]]),
    )


@bp.post("/zoeken")
@audience("public")
@frameable
@signed_form(STAMP)
def search():
    """Results for a hulpvraag inside the iframe (POST, `Cache-Control: no-store`)."""
    views = Views(get_store())
    choice = _choice(views, request.form)
    text = (request.form.get("vraag") or "").strip()[:MAX_TEXT]
    if not text:
        return _search_box(choice, "leeg"), 400
    near = choice["kern"].name if choice["kern"] else None
    result = answer_hulpvraag(text, near=near, audience="public", limit=MAX_RESULTS)
    ids = [r["service_id"] for r in result.results]
    summaries = {s.id: s for s in views.summaries(ids)}
    rows = [(r, summaries[r["service_id"]]) for r in result.results if r["service_id"] in summaries]
    signals = result.signals or {}
    resp = current_app.make_response(
        render_template(
            "embed/results.html",
            choice=choice,
            result=result,
            rows=rows,
            ways=ways_in(views, [s for _, s in rows], professional=False),
            text=text,
            kaart_link=_kaart_link(choice),
            stamp=stamp(STAMP),
            quick_exit=bool(signals.get("veiligheid") or signals.get("crisis")),
        )
    )
    resp.headers["Cache-Control"] = "no-store"
    return resp


@bp.errorhandler(400)
def refused(exc):
    """A form left open too long (stamp expired) or a bad request: the search box again, inside the frame,
    with a short note; the site's error page would offer links that cannot open in the frame."""
    views = Views(get_store())
    choice = _choice(views, request.form if request.method == "POST" else request.args)
    return _search_box(choice, "verlopen"), 400


def _search_box(choice: dict, error: str) -> str:
    """The empty search box again, with a short note (`error`: leeg | verlopen)."""
    return render_template(
        "embed/home.html",
        choice=choice,
        services=[],
        total=0,
        ways={},
        kaart_link=_kaart_link(choice),
        stamp=stamp(STAMP),
        error=error,
    )


@bp.get("/stijl.css")
@audience("public")
def stylesheet():
    """Compact layout of the embed pages and the gemeente's font (KAART_EMBED_FONT), as a stylesheet."""
    body = render_template("embed/embed.css", font=current_app.config.get("EMBED_FONT") or "")
    resp = Response(body, mimetype="text/css")
    resp.headers["Cache-Control"] = "public, max-age=3600"
    return resp
