"""Security headers on every response and error pages without stack traces."""

from __future__ import annotations

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

CSP = (
    "default-src 'self'; img-src 'self' data: https://service.pdok.nl; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)


def init_security(app: Flask) -> None:
    @app.after_request
    def headers(resp: Response) -> Response:
        resp.headers.setdefault("Content-Security-Policy", CSP)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        resp.headers.setdefault("Permissions-Policy", "geolocation=(self), camera=(), microphone=()")
        if request.method == "POST":
            resp.headers["Cache-Control"] = "no-store"
        return resp

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if request.path.startswith("/api/"):
            return jsonify({"error": exc.name, "status": exc.code}), exc.code
        return render_template("error.html", code=exc.code, title=exc.name), exc.code

    @app.errorhandler(Exception)
    def server_error(exc: Exception):
        app.logger.error("Onverwachte fout bij %s %s: %s", request.method, request.path, type(exc).__name__)
        if request.path.startswith("/api/"):
            return jsonify({"error": "Er ging iets mis", "status": 500}), 500
        return render_template("error.html", code=500, title="Er ging iets mis"), 500
