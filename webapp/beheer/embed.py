"""The snippet generator: a coördinator picks height, kern and thema and copies the HTML that puts the search
box on the gemeente's website (an iframe of /embed plus a plain link that works without it; ADR 0080). The
page also shows which websites may embed it (KAART_EMBED_ORIGINS): any other site gets a blocked frame."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import current_app, render_template, request, url_for

from graph.views import Views
from webapp.audience import audience
from webapp.beheer.blueprints import bp
from webapp.db import get_store

HEIGHTS = (300, 1600)
DEFAULT_HEIGHT = 600
# The embed needs no script; it opens entries in a new tab and "Snel weg" may leave the whole page.
SANDBOX = "allow-forms allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"


def _base_url() -> str:
    return (current_app.config.get("BASE_URL") or request.url_root).rstrip("/")


def snippet(base: str, *, height: int, kern: str | None, thema: str | None, title: str) -> str:
    """The HTML to paste: the iframe, and under it a link to the public search for when the frame fails."""
    args = {k: v for k, v in (("kern", kern), ("thema", thema)) if v}
    src = base + "/embed" + ("?" + urlencode(args) if args else "")
    fallback = base + "/"
    return (
        f'<iframe src="{_attr(src)}" title="{_attr(title)}" width="100%" height="{height}" loading="lazy" '
        f'referrerpolicy="no-referrer" sandbox="{SANDBOX}"></iframe>\n'
        f'<p><a href="{_attr(fallback)}">{_text(title)} (opent de sociale kaart)</a></p>\n'
    )


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@bp.get("/insluiten")
@audience("coordinator")
def embed_snippet():
    views = Views(get_store())
    kernen = views.kernen(used_only=False)
    themes = sorted(
        (t for t in views.themes().values() if t.service_count), key=lambda t: (t.b1_label or t.label).lower()
    )
    kern = request.args.get("kern") if request.args.get("kern") in {k.id for k in kernen} else None
    thema = request.args.get("thema") if request.args.get("thema") in {t.id for t in themes} else None
    try:
        height = min(max(int(request.args.get("hoogte", DEFAULT_HEIGHT)), HEIGHTS[0]), HEIGHTS[1])
    except ValueError:
        height = DEFAULT_HEIGHT
    site_name = current_app.jinja_env.globals.get("site_name", "Sociale kaart")
    code = snippet(_base_url(), height=height, kern=kern, thema=thema, title=f"Zoek hulp op de {site_name}")
    return render_template(
        "beheer/embed.html",
        code=code,
        origins=current_app.config.get("EMBED_ORIGINS") or (),
        kernen=kernen,
        themes=themes,
        kern=kern,
        thema=thema,
        height=height,
        heights=HEIGHTS,
        preview=url_for("embed.home", kern=kern, thema=thema),
    )
