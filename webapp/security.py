"""Security headers on every response and error pages without stack traces."""

from __future__ import annotations

import contextlib
import ipaddress
import logging
from urllib.parse import urlparse

from flask import Flask, Response, g, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from graph.errors import GraphUnavailable
from webapp.boundary import init_boundary
from webapp.errors import api_error
from webapp.logs import event

log = logging.getLogger(__name__)
CSP_TEMPLATE = (
    "default-src 'self'; img-src 'self' data:{tiles}; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; frame-ancestors {ancestors}; form-action 'self'"
)
# Kept for importers of the old constant: the policy with the default PDOK tiles.
CSP = CSP_TEMPLATE.format(tiles=" https://service.pdok.nl", ancestors="'none'")

MESSAGES = {
    400: (
        _l("Dit verzoek kunnen we niet verwerken"),
        _l("Controleer wat u heeft ingevuld en probeer het opnieuw."),
    ),
    403: (_l("Geen toegang"), _l("U heeft geen toegang tot deze pagina met uw account.")),
    404: (_l("Pagina niet gevonden"), _l("Deze pagina bestaat niet (meer). Controleer het adres.")),
    405: (_l("Dit kan hier niet"), _l("Deze pagina werkt niet op deze manier.")),
    429: (
        _l("Te veel pogingen"),
        _l("U heeft het te vaak geprobeerd. Wacht even en probeer het dan opnieuw."),
    ),
}


def csp_for(tile_url: str | None, frame_ancestors: tuple[str, ...] = ()) -> str:
    """The policy; `frame_ancestors` (checked origins, KAART_EMBED_ORIGINS) only for the embed pages."""
    tiles = ""
    if tile_url:
        parsed = urlparse(tile_url.replace("{", "").replace("}", ""))
        if parsed.scheme in {"https", "http"} and parsed.netloc:
            tiles = f" {parsed.scheme}://{parsed.netloc}"
    return CSP_TEMPLATE.format(tiles=tiles, ancestors=" ".join(frame_ancestors) or "'none'")


def frameable(view):
    """Mark a view that a gemeente site may show in an iframe (only from KAART_EMBED_ORIGINS; ADR 0080)."""
    view.kaart_frameable = True
    return view


class TrustedProxies:
    """WSGI middleware: the client's address and scheme from `X-Forwarded-For`/`-Proto`, but only as far as
    the proxies we trust (KAART_TRUSTED_PROXIES). Without it, behind a reverse proxy every client has the
    proxy's address and the per-address login limit becomes a button that locks everyone out; with it set
    wrongly (trusting everybody), anyone picks their own address by sending the header.

    - a number `n`: the last `n` hops are trusted proxies (Werkzeug's ProxyFix, `x_for=n`, `x_proto=n`);
    - addresses or networks: a request from one of them is believed; the client is the right-most address in
      `X-Forwarded-For` that is not itself a trusted proxy.
    """

    def __init__(self, wsgi_app, trusted: int | tuple[str, ...]) -> None:
        self.wsgi_app = wsgi_app
        self.networks = (
            tuple(ipaddress.ip_network(n, strict=False) for n in trusted)
            if isinstance(trusted, tuple)
            else ()
        )
        self.fixed = (
            ProxyFix(wsgi_app, x_for=trusted, x_proto=trusted)
            if isinstance(trusted, int) and trusted > 0
            else None
        )

    def _trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address.strip())
        except ValueError:
            return False
        return any(ip in net for net in self.networks)

    def __call__(self, environ, start_response):
        if self.fixed is not None:
            return self.fixed(environ, start_response)
        remote = environ.get("REMOTE_ADDR") or ""
        if self.networks and self._trusted(remote):
            client = remote
            for hop in reversed(
                [h.strip() for h in environ.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
            ):
                client = hop
                if not self._trusted(hop):
                    break
            with contextlib.suppress(ValueError):  # not an address: keep the proxy's
                environ["REMOTE_ADDR"] = str(ipaddress.ip_address(client))
            proto = environ.get("HTTP_X_FORWARDED_PROTO", "").split(",")[-1].strip().lower()
            if proto in ("http", "https"):
                environ["wsgi.url_scheme"] = proto
        return self.wsgi_app(environ, start_response)


def init_security(app: Flask) -> None:
    trusted = app.config.get("TRUSTED_PROXIES") or 0
    if trusted:
        app.wsgi_app = TrustedProxies(app.wsgi_app, trusted)  # type: ignore[method-assign]
    init_boundary(app)
    policy = csp_for(app.config.get("TILE_URL"))
    origins = tuple(app.config.get("EMBED_ORIGINS") or ())
    embed_policy = csp_for(app.config.get("TILE_URL"), origins) if origins else None

    @app.after_request
    def headers(resp: Response) -> Response:
        view = app.view_functions.get(request.endpoint or "")
        framed = embed_policy is not None and getattr(view, "kaart_frameable", False)
        resp.headers.setdefault("Content-Security-Policy", embed_policy if framed else policy)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        if not framed:  # X-Frame-Options has no allow-list: the embed pages rely on frame-ancestors alone
            resp.headers.setdefault("X-Frame-Options", "DENY")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        resp.headers.setdefault("Permissions-Policy", "geolocation=(self), camera=(), microphone=()")
        resp.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if request.is_secure:
            resp.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if request.method == "POST":
            resp.headers["Cache-Control"] = "no-store"
        return resp

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        code = exc.code or 500
        if request.path.startswith("/api/"):
            return api_error(code)
        title, text = MESSAGES.get(code, (exc.name, _("Probeer het later opnieuw.")))
        if code == 400 and exc.description == "csrf":
            title = _("Het formulier is verlopen")
            text = _("Ga terug, laad de pagina opnieuw en verstuur het formulier nog een keer.")
        return render_template("error.html", code=code, title=title, text=text), code

    @app.errorhandler(GraphUnavailable)
    def graph_unavailable(exc: GraphUnavailable):
        """The graph is down or restarting: a clear, temporary error; the app reconnects by itself."""
        event(log, "graph_unavailable", logging.WARNING, status=503, method=request.method, path=request.path)
        g.kaart_current = None  # the page header must not ask the graph who is logged in
        if request.path.startswith("/api/"):
            resp = api_error(503)
        else:
            resp = app.make_response(
                (render_template("error.html", code=503, title=_("Even niet bereikbaar")), 503)
            )
        resp.headers["Retry-After"] = "30"
        return resp

    @app.errorhandler(Exception)
    def server_error(exc: Exception):
        # The type and the route, never the message (it may quote what a user typed).
        event(
            log, "error", logging.ERROR, status=500, exception=type(exc).__name__, method=request.method,
            endpoint=request.endpoint,
        )  # fmt: skip
        g.setdefault("kaart_current", None)
        if request.path.startswith("/api/"):
            return api_error(500)
        text = _("Er ging bij ons iets mis. Probeer het later opnieuw.")
        return render_template("error.html", code=500, title=_("Er ging iets mis"), text=text), 500
