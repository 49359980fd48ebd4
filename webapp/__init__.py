"""The Flask app: one factory, one blueprint per audience (public, professional, beheer, api)."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask

from webapp import config as config_module


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=False)
    settings = config_module.load(test_config)
    app.config.update(settings)
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    logging.basicConfig(level=getattr(logging, str(app.config["LOG_LEVEL"]).upper(), logging.INFO))

    from webapp.blueprints import api, public

    app.register_blueprint(public.bp)
    app.register_blueprint(api.bp)

    from webapp.security import init_security

    init_security(app)
    return app
