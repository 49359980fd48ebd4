"""The Flask app: one factory, one blueprint per audience (public, professional, beheer, api)."""

from __future__ import annotations

import logging
import os
from typing import Any

from flask import Flask

from webapp import config as config_module


def _flag(value: Any) -> bool:
    return str(value).strip().lower() not in {"", "0", "false", "no", "nee", "off"}


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=False)
    settings = config_module.load(test_config)
    app.config.update(settings)
    secure = settings["SESSION_COOKIE_SECURE"]
    explicit = "SESSION_COOKIE_SECURE" in (test_config or {}) or "KAART_SESSION_COOKIE_SECURE" in os.environ
    app.config["SESSION_COOKIE_SECURE"] = _flag(secure) and (explicit or not app.config.get("TESTING"))
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["SESSION_COOKIE_NAME"] = "kaart_sessie"
    app.config["MAX_CONTENT_LENGTH"] = int(settings["MAX_REQUEST_KB"]) * 1024
    logging.basicConfig(level=getattr(logging, str(app.config["LOG_LEVEL"]).upper(), logging.INFO))

    from webapp.blueprints import api, auth, hsds_api, professional, public

    app.register_blueprint(public.bp)
    app.register_blueprint(professional.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(hsds_api.bp)

    from webapp import beheer

    app.register_blueprint(beheer.bp)
    app.register_blueprint(beheer.partner_bp)

    from webapp.accounts import init_accounts
    from webapp.security import init_security
    from webapp.site import init_site

    init_site(app)
    init_accounts(app)
    init_security(app)
    return app
