"""WSGI entry for gunicorn: `gunicorn webapp.wsgi:app`. Settings are parsed once, then logging, then the app."""

from match import artefact
from webapp import create_app
from webapp.config import parse
from webapp.logs import configure_logging

settings, _ = parse()
configure_logging(settings.log_level)
artefact.configure(settings.model_dir)  # the trained word models: loaded from here, trained once (ADR 0146)
app = create_app(settings=settings)
