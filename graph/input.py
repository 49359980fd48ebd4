"""The input boundary: one set of checks for every text that comes from a request or an import.

Used by the web app (a `before_request` hook for paths, query strings, form values and JSON; the beheer forms)
and by every importer (`ingest/screen.py`, before anything is written). It lives in the bottom layer that both
may import (webapp → graph, ingest → graph), and it has no Cypher.

- Control characters: NUL and the other C0 controls, DEL and lone surrogates are refused everywhere; tab, line feed and
  carriage return only in multi-line text. A graph backend rejects a NUL in a parameter (a 500 before this).
- Length: every value has a maximum (`MAX_TEXT` unless the field says less).
- Web addresses: `http`/`https` only, with a host, no spaces (no `javascript:`, `data:`, `file:`).
- E-mail addresses: one `local@domain.tld`, nothing after it (no `?cc=`, no second address, no spaces).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MAX_TEXT = 10_000  # characters in one free-text value (a description, a hulpvraag)
MAX_LINE = 500  # characters in a one-line value (a name, a search field)
MAX_URL = 2048
MAX_EMAIL = 254

# C0 without tab, LF, CR; DEL; and lone surrogates (JSON "\\ud800" decodes to one; no encoder can write it)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029\ud800-\udfff]")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$")  # fmt: skip
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


class InputRejected(ValueError):
    """A value that may not pass the boundary; the message says why, in Dutch, without quoting the value."""


def has_control(text: str, *, multiline: bool = True) -> bool:
    """True when `text` holds a control character (line breaks are allowed in multi-line text)."""
    return bool((_CONTROL if multiline else _CONTROL_OR_BREAK).search(text))


def check_text(value: str, *, multiline: bool = False, max_len: int | None = None) -> str:
    """The value itself, or InputRejected for a control character or a value that is too long."""
    limit = max_len or (MAX_TEXT if multiline else MAX_LINE)
    if has_control(value, multiline=multiline):
        raise InputRejected("bevat een stuurteken (bijvoorbeeld een nul-byte of regeleinde)")
    if len(value) > limit:
        raise InputRejected(f"is langer dan {limit} tekens")
    return value


def check_url(value: str) -> str:
    """An http(s) address with a host; `www.x.nl` becomes `https://www.x.nl`. InputRejected otherwise."""
    text = value.strip()
    check_text(text, max_len=MAX_URL)
    scheme = _SCHEME.match(text)
    if scheme and not re.match(r"^[a-z][a-z0-9+.-]*:\d", text, re.IGNORECASE):  # "host:8080" has no scheme
        if scheme.group(1).lower() not in ("http", "https"):
            raise InputRejected("is geen webadres: alleen http:// en https:// zijn toegestaan")
    elif "://" not in text:
        text = "https://" + text
    if any(ch.isspace() for ch in text) or any(ch in text for ch in "<>\"'`\\"):
        raise InputRejected("is geen geldig webadres (spaties of tekens als < > \" ')")
    try:
        parts = urlsplit(text)
    except ValueError:
        raise InputRejected("is geen geldig webadres") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or "." not in parts.hostname:
        raise InputRejected("is geen geldig webadres (begin met https://)")
    return text


def check_email(value: str) -> str:
    """One plain address `naam@domein.nl` (lower-cased domain). InputRejected for `?cc=`, lists, spaces."""
    text = value.strip()
    check_text(text, max_len=MAX_EMAIL)
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if not _EMAIL.match(text) or len(text.split("@", 1)[0]) > 64:
        raise InputRejected("is geen geldig e-mailadres (één adres, zonder ? of spaties)")
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def is_safe_url(value: str | None) -> bool:
    """For rendering a stored value as a link: only http(s) with a host."""
    if not value:
        return False
    try:
        check_url(value)
    except InputRejected:
        return False
    return _SCHEME.match(value.strip()) is None or value.strip().lower().startswith(("http://", "https://"))


def one_line(value: str, max_len: int = 200) -> str:
    """A value for a mail header or a log field: line breaks and other controls become one space."""
    text = _CONTROL_OR_BREAK.sub(" ", value)
    return re.sub(r" {2,}", " ", text).strip()[:max_len]
