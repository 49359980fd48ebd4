"""Security headers on every response and error pages without stack traces."""

from __future__ import annotations

import logging
from urllib.parse import urlparse

from flask import Flask, Response, g, render_template, request
from werkzeug.exceptions import HTTPException

from graph.errors import GraphUnavailable
from webapp.errors import api_error
from webapp.logs import event

log = logging.getLogger(__name__)
CSP_TEMPLATE = (
    "default-src 'self'; img-src 'self' data:{tiles}; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)
# Kept for importers of the old constant: the policy with the default PDOK tiles.
CSP = CSP_TEMPLATE.format(tiles=" https://service.pdok.nl")

MESSAGES = {
    400: ("Dit verzoek kunnen we niet verwerken", "Controleer wat u heeft ingevuld en probeer het opnieuw."),
    403: ("Geen toegang", "U heeft geen toegang tot deze pagina met uw account."),
    404: ("Pagina niet gevonden", "Deze pagina bestaat niet (meer). Controleer het adres."),
    405: ("Dit kan hier niet", "Deze pagina werkt niet op deze manier."),
    429: (
        "Te veel pogingen",
        "U heeft het te vaak geprobeerd. Wacht een kwartier en probeer het dan opnieuw.",
    ),
}


def csp_for(tile_url: str | None) -> str:
    tiles = ""
    if tile_url:
        parsed = urlparse(tile_url.replace("{", "").replace("}", ""))
        if parsed.scheme in {"https", "http"} and parsed.netloc:
            tiles = f" {parsed.scheme}://{parsed.netloc}"
    return CSP_TEMPLATE.format(tiles=tiles)


def init_security(app: Flask) -> None:
    policy = csp_for(app.config.get("TILE_URL"))

    @app.after_request
    def headers(resp: Response) -> Response:
        resp.headers.setdefault("Content-Security-Policy", policy)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
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
        title, text = MESSAGES.get(code, (exc.name, "Probeer het later opnieuw."))
        if code == 400 and exc.description == "csrf":
            title = "Het formulier is verlopen"
            text = "Ga terug, laad de pagina opnieuw en verstuur het formulier nog een keer."
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
                (render_template("error.html", code=503, title="Even niet bereikbaar"), 503)
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
        text = "Er ging bij ons iets mis. Probeer het later opnieuw."
        return render_template("error.html", code=500, title="Er ging iets mis", text=text), 500
