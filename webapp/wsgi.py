"""WSGI entry for gunicorn: `gunicorn webapp.wsgi:app`. Settings are parsed once, then logging, then the app."""

from webapp import create_app
from webapp.config import parse
from webapp.logs import configure_logging

settings, _ = parse()
configure_logging(settings.log_level)
app = create_app(settings=settings)
