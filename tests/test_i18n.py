"""Other languages for the site (issue 16, ADR 0084): every interface text through gettext, English complete,
Arabic right-to-left, a language switch that keeps the page, Dutch the default and the fallback, and the
matcher still reading Dutch."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from site_data import close_app, demo_app

from webapp.i18n import COOKIE, known_languages

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "webapp" / "translations"
LANGS = list(known_languages())


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("i18n"))
    yield app
    close_app(app)


@pytest.fixture
def web(site):
    return site.test_client()


def _html_tag(html: str) -> tuple[str, str]:
    m = re.search(r'<html lang="([^"]+)" dir="([^"]+)">', html)
    assert m, "no <html lang dir>"
    return m.group(1), m.group(2)


def test_dutch_is_the_default_without_a_choice_or_accept_language(web):
    resp = web.get("/")
    assert _html_tag(resp.text) == ("nl", "ltr")
    assert "Waar zoekt u hulp bij?" in resp.text
    assert COOKIE not in (resp.headers.get("Set-Cookie") or "")  # no choice made: nothing remembered
    assert "Accept-Language" in resp.headers["Vary"]


def test_accept_language_picks_the_language_when_no_choice_is_made(web):
    assert _html_tag(web.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text) == ("en", "ltr")
    assert _html_tag(web.get("/", headers={"Accept-Language": "ar"}).text) == ("ar", "rtl")
    # A language the site does not have: Dutch.
    assert _html_tag(web.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9"}).text) == ("nl", "ltr")


def test_the_switch_keeps_the_page_and_remembers_the_choice(web):
    page = web.get("/kaart?thema=financien&kern=aalten")
    links = dict(
        (m.group(2), unescape(m.group(1)))
        for m in re.finditer(r'<a class="utrecht-link" href="([^"]+)" lang="([a-z]+)" hreflang', page.text)
    )
    assert set(links) == set(LANGS) - {"nl"}  # the current language is not a link
    for name in ("English", "العربية", "Türkçe", "Polski", "Українська"):
        assert f">{name}</a>" in page.text
    assert (
        '<span class="kaart-talen__huidig" lang="nl" dir="ltr" aria-current="true">Nederlands</span>'
        in page.text
    )
    en = links["en"]
    assert en.startswith("/kaart?") and "thema=financien" in en and "kern=aalten" in en and "lang=en" in en
    resp = web.get(en)
    assert _html_tag(resp.text) == ("en", "ltr")
    assert f"{COOKIE}=en" in resp.headers["Set-Cookie"] and "HttpOnly" in resp.headers["Set-Cookie"]
    # The choice is remembered on the next page, over the browser's language; no login needed.
    assert _html_tag(web.get("/", headers={"Accept-Language": "ar"}).text) == ("en", "ltr")
    assert _html_tag(web.get("/?lang=nl").text) == ("nl", "ltr")
    assert _html_tag(web.get("/").text) == ("nl", "ltr")


def test_an_unknown_lang_parameter_is_ignored(web):
    resp = web.get("/?lang=xx")
    assert _html_tag(resp.text) == ("nl", "ltr")
    assert COOKIE not in (resp.headers.get("Set-Cookie") or "")


def test_the_site_offers_only_the_configured_languages(falkor_server, tmp_path):
    app = demo_app(falkor_server, tmp_path, LANGUAGES="en")
    try:
        html = app.test_client().get("/", headers={"Accept-Language": "ar"}).text
        assert _html_tag(html) == ("nl", "ltr")  # Arabic not offered: Dutch
        assert ">English</a>" in html and "العربية" not in html
    finally:
        close_app(app)


def test_an_unknown_language_setting_stops_the_start(tmp_path):
    from webapp.config import ConfigError, parse

    with pytest.raises(ConfigError, match="KAART_LANGUAGES|LANGUAGES.*onbekende taal xx"):
        parse({"DATA_DIR": str(tmp_path), "LANGUAGES": "en,xx"})
