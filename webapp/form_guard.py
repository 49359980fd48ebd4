"""Public forms without accounts: a signed form stamp, a honeypot and a link limit — no third-party CAPTCHA.

- The stamp is the time the form was made, signed with the installation's secret key (itsdangerous) and tied
  to the form's purpose. It shows the form came from us, how long ago (a minimum fill time stops bots that
  post at once), and expires. It needs no cookie: the embed pages run in an iframe on the gemeente's site,
  where the browser does not send our session cookie (SameSite=Lax), so the session CSRF token cannot work
  there. A view marked `@signed_form(purpose)` is checked with the stamp instead of the session token
  (webapp/accounts.py); it changes nothing on the server (a search), see ADR 0080.
- The honeypot is a text field people do not see (and are told to leave empty); a bot that fills every field
  fills it too.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import TypeVar

from flask import current_app, request
from itsdangerous import BadData, URLSafeTimedSerializer
from markupsafe import Markup, escape

F = TypeVar("F", bound=Callable)
STAMP_FIELD = "formulier"
HONEYPOT_FIELD = "website"
MAX_AGE = 4 * 3600  # a form left open for half a day is made again
_URL = re.compile(r"(https?://|www\.)", re.I)


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="kaart-formulier")


def stamp(purpose: str, *, made_at: float | None = None) -> str:
    """A signed, timed token for a form with this purpose (made now, or at `made_at`)."""
    return _serializer().dumps({"p": purpose, "t": round(time.time() if made_at is None else made_at, 1)})


def stamp_field(purpose: str) -> Markup:
    return Markup('<input type="hidden" name="%s" value="%s">') % (STAMP_FIELD, escape(stamp(purpose)))


def stamp_age(purpose: str, token: str | None = None) -> float | None:
    """Seconds since the form was made, or None when the token is missing, forged, expired or for another form."""
    token = token if token is not None else request.form.get(STAMP_FIELD, "")
    if not token:
        return None
    try:
        data = _serializer().loads(token, max_age=MAX_AGE)
    except BadData:
        return None
    if not isinstance(data, dict) or data.get("p") != purpose or not isinstance(data.get("t"), int | float):
        return None
    age = time.time() - float(data["t"])
    return (
        max(0.0, age) if -60 <= age <= MAX_AGE else None
    )  # the made-at time itself counts, not only the signature's


def signed_form(purpose: str) -> Callable[[F], F]:
    """This POST view is checked with a form stamp for `purpose` instead of the session CSRF token."""

    def mark(view: F) -> F:
        view.kaart_signed_form = purpose  # type: ignore[attr-defined]
        return view

    return mark


def signed_form_ok(view: Callable) -> bool | None:
    """None when the view is not a signed form; else whether the request carries a valid stamp for it."""
    purpose = getattr(view, "kaart_signed_form", None)
    if purpose is None:
        return None
    return stamp_age(purpose) is not None


def honeypot_filled() -> bool:
    return bool((request.form.get(HONEYPOT_FIELD) or "").strip())


def link_count(text: str) -> int:
    return len(_URL.findall(text or ""))


def init_form_guard(app) -> None:
    app.jinja_env.globals["stamp_field"] = stamp_field
