"""The Flask app: one factory, one blueprint per audience (public, professional, beheer, api).

The factory takes settings that are already parsed (`webapp.config`) and configures no logging: that is the
job of the process that serves the app (`webapp.wsgi`, the `kaart` command; `webapp.logs`).
"""

from __future__ import annotations

import os
from typing import Any

from flask import Flask

from webapp import beheer
from webapp import config as config_module
from webapp.accounts import init_accounts
from webapp.blueprints import api, auth, embed, hsds_api, open_data, professional, public, report
from webapp.card_text import init_card_text
from webapp.form_guard import init_form_guard
from webapp.hours_text import init_hours_text
from webapp.i18n import init_i18n
from webapp.notices import init_notices
from webapp.security import init_security
from webapp.site import init_site


def create_app(
    test_config: dict[str, Any] | None = None, *, settings: config_module.Settings | None = None
) -> Flask:
    """The app for these settings: defaults, then `KAART_*`, then `test_config` (raises ConfigError).

    A process that parsed its settings already (`kaart`, `webapp.wsgi`) passes them in."""
    if settings is None or test_config:
        settings, extra = config_module.parse(test_config)
    else:
        extra = {}
    app = Flask(__name__, instance_relative_config=False)
    app.config.update(settings.as_config())
    app.config.update(extra)
    app.extensions["kaart_settings"] = settings
    # Secure cookies by default; tests run over http and turn it off unless they set it themselves.
    explicit = "SESSION_COOKIE_SECURE" in (test_config or {}) or "KAART_SESSION_COOKIE_SECURE" in os.environ
    app.config["SESSION_COOKIE_SECURE"] = settings.session_cookie_secure and (
        explicit or not app.config.get("TESTING")
    )
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["SESSION_COOKIE_NAME"] = "kaart_sessie"
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_kb * 1024

    app.register_blueprint(public.bp)
    app.register_blueprint(professional.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(hsds_api.bp)
    app.register_blueprint(open_data.bp)
    app.register_blueprint(beheer.bp)
    app.register_blueprint(beheer.partner_bp)
    app.register_blueprint(embed.bp)
    app.register_blueprint(report.bp)

    init_i18n(app)
    init_notices(app)
    init_card_text(app)  # a card's text on a "je" page (ADR 0189)
    init_site(app)
    init_hours_text(app)
    init_accounts(app)
    init_form_guard(app)
    init_security(app)
    return app
