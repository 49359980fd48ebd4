"""Logging for the processes that serve the kaart (gunicorn via `webapp.wsgi`, the `kaart` command).

Configured here, once per process, not in the app factory (an app made in a test must not reconfigure the
process's logging). Events are one line of `key=value` pairs, easy to grep and to feed to a log collector:

    2026-12-06T04:40:00 INFO ingest.writer event=import source=hsds created=12 updated=0 rejected=1

Call sites pass the fields as `extra={"fields": {...}}` (stdlib only, so `ingest` and `graph` need no import
from here). Fields are ids and counts, **never** the text of a hulpvraag or any other free text a user typed.
"""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


def kv(fields: dict[str, Any]) -> str:
    """`a=1 b="two words"`: values with spaces, quotes or `=` are quoted, so each line splits unambiguously."""
    parts = []
    for key, value in fields.items():
        text = "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
        if not text or any(ch in text for ch in ' "=\n\t'):
            text = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        parts.append(f"{key}={text}")
    return " ".join(parts)


class KeyValueFormatter(logging.Formatter):
    """A record with `extra={"fields": {...}}` prints as `event=<message> key=value …`."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            record.message = kv({"event": record.getMessage(), **fields})
        return super().formatMessage(record)


# The servers' own loggers quote a request line they could not parse ("Invalid HTTP request line: 'GET
# /zoeken?vraag=…'" from gunicorn, "Bad request syntax ('GET /zoeken?vraag=…')" from the built-in server), and
# gunicorn logs the URI of a request it failed on. Such a line may carry a hulpvraag: it is cut off here.
SERVER_LOGGERS = ("gunicorn.error", "gunicorn.access", "werkzeug")
_QUOTED_REQUEST = re.compile(
    r"(Invalid HTTP request line|Invalid request from ip=[^:]*|Bad request (?:syntax|version)|Bad HTTP/0\.9 "
    r"request type|Unsupported method|Invalid (?:Request Line|Method|HTTP Version|header)|Error handling request)"
    r"\b.*",
    re.IGNORECASE | re.DOTALL,
)
_QUERY = re.compile(r"\?[^\s\"']*")


class RequestLineFilter(logging.Filter):
    """Cut a quoted request line (and any query string) out of the servers' log records."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        cleaned = _QUOTED_REQUEST.sub(lambda m: m.group(1) + " [verzoekregel weggelaten]", message)
        cleaned = _QUERY.sub("?[weggelaten]", cleaned)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


def filter_server_logs() -> None:
    """Put the filter on the servers' loggers (idempotent)."""
    for name in SERVER_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RequestLineFilter) for f in logger.filters):
            logger.addFilter(RequestLineFilter())


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever `sys.stderr` is at the time of the record (a test runner may swap and close it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def configure_logging(level: str = "INFO") -> None:
    """One handler on the root logger, to stderr (where gunicorn and systemd collect it); the servers' own
    loggers filtered (`RequestLineFilter`)."""
    filter_server_logs()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "kaart", False):
            root.removeHandler(handler)
    handler = _StderrHandler()
    handler.kaart = True  # type: ignore[attr-defined]
    handler.setFormatter(KeyValueFormatter(FORMAT, datefmt="%Y-%m-%dT%H:%M:%S"))
    root.addHandler(handler)
    root.setLevel(level)


def event(logger: logging.Logger, name: str, level: int = logging.INFO, **fields: Any) -> None:
    """Log the event `name` with its fields (ids and counts only)."""
    logger.log(level, name, extra={"fields": fields})
