"""The web side of the input boundary (graph/input.py): every request is checked before any view runs.

- The path, every query parameter and every form value: no NUL or other control character (line breaks only
  in form values), no value longer than `graph.input.MAX_TEXT`. A bad value answers 400 (JSON under /api/),
  never a 500 from a graph backend that refuses a NUL parameter.
- The body is read here, once: a body the server cannot read (a broken `Transfer-Encoding: chunked`) answers
  400 instead of an exception in the view.
- JSON bodies: every string in them, the same rules as form values.

Registered first, so the CSRF check and the views only ever see values that passed.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, abort, request
from werkzeug.exceptions import HTTPException

from graph.input import MAX_TEXT, has_control

BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _bad(value: str, *, multiline: bool) -> bool:
    return has_control(value, multiline=multiline) or len(value) > MAX_TEXT


def _json_bad(value: Any, depth: int = 0) -> bool:
    if depth > 20:
        return True
    if isinstance(value, str):
        return _bad(value, multiline=True)
    if isinstance(value, dict):
        return any(_json_bad(k, depth + 1) or _json_bad(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return any(_json_bad(v, depth + 1) for v in value)
    return False


def check_request() -> None:
    """Abort with 400 when anything in the request does not pass the boundary."""
    if has_control(request.path, multiline=False):
        abort(400)
    for key, value in request.args.items(multi=True):
        if _bad(key, multiline=False) or _bad(value, multiline=False):
            abort(400)
    if request.method not in BODY_METHODS:
        return
    try:
        request.get_data(cache=True)  # read the whole body once (bounded by MAX_CONTENT_LENGTH)
    except HTTPException:
        raise
    except Exception:  # noqa: BLE001 - gunicorn's InvalidChunkSize is a bare Exception; OSError on werkzeug
        abort(400)  # a broken chunked body, a body shorter than its Content-Length: the client's fault
    if request.mimetype == "application/json":
        try:
            data = request.get_json(silent=True)
        except RecursionError:  # nested deeper than the JSON decoder goes: not a hulpvraag
            abort(400)
        if data is not None and _json_bad(data):
            abort(400)
        return
    try:
        form = request.form
    except (OSError, ValueError):
        abort(400)
    for key, value in form.items(multi=True):
        if _bad(key, multiline=False) or _bad(value, multiline=True):
            abort(400)


def init_boundary(app: Flask) -> None:
    """Run `check_request` before every other `before_request` hook."""
    app.before_request_funcs.setdefault(None, []).insert(0, check_request)
