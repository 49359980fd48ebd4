"""The languages of the site's interface: Flask-Babel, a language switch that keeps the page, right-to-left.

Dutch is the source language (every msgid is Dutch B1) and the fallback: a text without a translation shows in
Dutch. The language of a request: `?lang=xx` (a choice, remembered in a functional cookie), else the cookie,
else the browser's Accept-Language among the languages this site offers (`KAART_LANGUAGES`), else Dutch.
The matcher reads Dutch whatever the interface language (ADR 0084). The catalogues are committed, compiled
(.mo) too, so a fresh install and the tests need no build step and no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

import yaml
from flask import Flask, Response, request
from flask_babel import Babel, get_locale
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from ontology.inwoner import load_inwoner_labels

SOURCE = "nl"  # the language of the msgids and the fallback
COOKIE = "kaart_taal"
COOKIE_DAYS = 365
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
LANGUAGES_FILE = Path(__file__).resolve().parent.parent / "ontology" / "languages.yaml"
NOT_DUTCH_START = "Wij lezen alleen vragen in het Nederlands."  # webapp/answer.py NOT_DUTCH begins so


@dataclass(frozen=True)
class Language:
    """One interface language: its code (BCP 47), its own name and its writing direction."""

    code: str
    name: str
    dir: str = "ltr"


@cache
def known_languages() -> dict[str, Language]:
    """Every language the site has a catalogue for, from `ontology/languages.yaml`, in the file's order."""
    data = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
    out = {}
    for row in data["languages"]:
        direction = row.get("dir", "ltr")
        if direction not in ("ltr", "rtl"):
            raise ValueError(f"{LANGUAGES_FILE.name}: dir of {row['code']} is ltr or rtl")
        out[row["code"]] = Language(code=row["code"], name=row["name"], dir=direction)
    return out


def offered(app: Flask) -> dict[str, Language]:
    """The languages this site offers (KAART_LANGUAGES), Dutch always among them."""
    return app.extensions["kaart_languages"]


def _choice(app: Flask) -> str | None:
    """The language the visitor chose: `?lang=` on this request, else the remembered choice."""
    langs = offered(app)
    asked = request.args.get("lang")
    if asked in langs:
        return asked
    kept = request.cookies.get(COOKIE)
    return kept if kept in langs else None


def select_locale() -> str:
    """The language of this request (see the module docstring)."""
    from flask import current_app

    chosen = _choice(current_app)
    if chosen:
        return chosen
    langs = offered(current_app)
    return request.accept_languages.best_match(list(langs)) or SOURCE


def current_language() -> Language:
    """The interface language of this request (Dutch outside a request)."""
    from flask import current_app, has_request_context

    if not has_request_context():
        return known_languages()[SOURCE]
    locale = get_locale()
    code = str(locale.language) if locale else SOURCE
    return offered(current_app).get(code) or known_languages()[SOURCE]


def dutch_data(direction: bool = True) -> Markup:
    """` lang="nl" dir="ltr"` on an element that shows Dutch data (names, descriptions, theme labels) in a page
    in another language: a screen reader reads it as Dutch, and in Arabic it runs left to right. Empty in
    Dutch, so Dutch pages do not change. A list item takes `direction=False`: an ltr item in an rtl list puts
    its marker outside the list."""
    if current_language().code == SOURCE:
        return Markup("")
    return Markup(f' lang="{SOURCE}"' + (' dir="ltr"' if direction else ""))


def addressed(text: str, result: object = None) -> str:
    """A fixed text of the results page in the asker's register: "je" for a child or teenager (the matcher's
    `register`, ADR 0121), from labels-inwoner.yaml `registers.<name>.texts`, keyed by the Dutch msgid. Only on
    the Dutch interface: a translation keeps its own way of addressing. Applied after `_()`, so extraction and
    the catalogues stay as they are."""
    name = getattr(result, "register", None) or "u"
    if name == "u" or current_language().code != SOURCE:
        return text
    return load_inwoner_labels().register(name).texts.get(str(text), text)


def not_dutch_notice(result: object) -> str:
    """The message that the matcher reads Dutch only (webapp/answer.py NOT_DUTCH, which starts with
    `NOT_DUTCH_START`) when the result has it, else "": the page then says so once, in one notice in the
    interface language and in Dutch, instead of three stacked ones (user test m12test7 F9)."""
    messages = getattr(result, "messages", None) or ()
    return next((m for m in messages if m.startswith(NOT_DUTCH_START)), "")


def switch_url(code: str) -> str:
    """This page (same path, same query string) in another language: `?lang=` replaced, nothing else."""
    args = MultiDict(request.args)
    args.setlist("lang", [code])
    return f"{request.path}?{urlencode(list(args.items(multi=True)))}"


def _languages_setting(app: Flask) -> dict[str, Language]:
    codes = app.config.get("LANGUAGES") or tuple(known_languages())
    known = known_languages()
    langs = {c: known[c] for c in codes if c in known}
    langs.setdefault(SOURCE, known[SOURCE])
    # Dutch first: the switch lists the source language first, the others in the configured order.
    return {SOURCE: langs.pop(SOURCE), **langs}


def init_i18n(app: Flask) -> None:
    """Flask-Babel with our locale selector, the switch helpers in Jinja, and the remembered choice."""
    app.extensions["kaart_languages"] = _languages_setting(app)
    Babel(
        app,
        locale_selector=select_locale,
        default_locale=SOURCE,
        default_translation_directories=str(TRANSLATIONS),
        default_timezone="Europe/Amsterdam",
    )
    # `{% trans %}` blocks are whitespace-normalised, as `pybabel extract` (babel.cfg) reads them.
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.globals["current_language"] = current_language
    app.jinja_env.globals["language_switch_url"] = switch_url
    app.jinja_env.globals["site_languages"] = lambda: list(offered(app).values())
    app.jinja_env.globals["nl"] = dutch_data
    app.jinja_env.filters["aanspreken"] = addressed
    app.jinja_env.globals["niet_nederlands"] = not_dutch_notice

    @app.after_request
    def remember(resp: Response) -> Response:
        """A `?lang=` choice is kept in a functional cookie (no login, no tracking); a page whose language
        followed the browser says so to caches."""
        asked = request.args.get("lang")
        if asked in offered(app) and request.cookies.get(COOKIE) != asked:
            resp.set_cookie(
                COOKIE,
                asked,
                max_age=COOKIE_DAYS * 24 * 3600,
                httponly=True,
                samesite="Lax",
                secure=bool(app.config.get("SESSION_COOKIE_SECURE")),
            )
        if resp.mimetype == "text/html":
            resp.vary.add("Accept-Language")
            resp.vary.add("Cookie")
            resp.headers.setdefault("Content-Language", current_language().code)
        return resp
