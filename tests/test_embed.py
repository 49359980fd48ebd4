"""The search box on the gemeente's website (ADR 0080): only the embed pages may be framed, only by the origins
in KAART_EMBED_ORIGINS; the search inside the frame works without our cookie and never puts the question in a
URL; a coördinator gets a copy-paste snippet with a plain fallback link."""

from __future__ import annotations

import re
import time

import pytest
from site_data import PLANTED_SERVICE, add_account, close_app, demo_app, login

from webapp.config import ConfigError, parse

GEMEENTE_SITE = "https://www.aalten.nl"
INTRANET = "https://intranet.aalten.nl:8443"


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(
        falkor_server,
        tmp_path_factory.mktemp("embed"),
        EMBED_ORIGINS=f"{GEMEENTE_SITE}/, {INTRANET}",
        EMBED_FONT="Arial, sans-serif",
    )
    yield app
    close_app(app)


def _ancestors(resp) -> str:
    m = re.search(r"frame-ancestors ([^;]+)", resp.headers["Content-Security-Policy"])
    assert m, resp.headers["Content-Security-Policy"]
    return m.group(1).strip()


def _stamp(html: str) -> str:
    m = re.search(r'name="formulier" value="([^"]+)"', html)
    assert m, "geen formulierstempel"
    return m.group(1)


# --- configuration ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "*",
        "https://*",
        "https://*.nl",
        "https://www.aalten.nl/zoeken",
        "'self'",
        "http://www.aalten.nl",
        "https://www.aalten.nl:99999",
        "https://www.aalten.nl; script-src *",
        "https://user@www.aalten.nl",
        "javascript:alert(1)",
    ],
)
def test_a_junk_embed_origin_stops_the_start_with_a_clear_message(tmp_path, value):
    with pytest.raises(ConfigError) as exc:
        parse({"DATA_DIR": str(tmp_path), "EMBED_ORIGINS": value}, environ={})
    assert "EMBED_ORIGINS" in str(exc.value) and repr(value) in str(exc.value)


def test_embed_origins_are_parsed_to_plain_origins(tmp_path):
    settings, _ = parse(
        {
            "DATA_DIR": str(tmp_path),
            "EMBED_ORIGINS": "https://WWW.Aalten.nl/ https://*.aalten.nl,http://localhost:8001",
        },
        environ={},
    )
    assert settings.embed_origins == ("https://www.aalten.nl", "https://*.aalten.nl", "http://localhost:8001")
    assert parse({"DATA_DIR": str(tmp_path)}, environ={})[0].embed_origins == ()


def test_a_font_that_is_not_a_font_list_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="EMBED_FONT"):
        parse({"DATA_DIR": str(tmp_path), "EMBED_FONT": "x; } body { background: url(//evil)"}, environ={})


# --- frame-ancestors --------------------------------------------------------------------------------------


def test_without_origins_nothing_may_frame_the_embed_page(client):
    resp = client.get("/embed")
    assert resp.status_code == 200
    assert _ancestors(resp) == "'none'" and resp.headers["X-Frame-Options"] == "DENY"


def test_only_the_embed_pages_may_be_framed_and_only_by_the_listed_origins(site):
    client = site.test_client()
    page = client.get("/embed")
    assert page.status_code == 200
    assert _ancestors(page) == f"{GEMEENTE_SITE} {INTRANET}"
    assert "X-Frame-Options" not in page.headers
    found = client.post("/embed/zoeken", data={"vraag": "schulden", "formulier": _stamp(page.text)})
    assert found.status_code == 200 and _ancestors(found) == f"{GEMEENTE_SITE} {INTRANET}"
    # the rest of the site stays unframeable, whatever the list says
    for url in (
        "/",
        f"/dienst/{PLANTED_SERVICE}",
        "/kaart",
        "/inloggen",
        "/beheer/insluiten",
        "/api/v1/themes",
    ):
        resp = client.get(url)
        assert _ancestors(resp) == "'none'", url
        assert resp.headers["X-Frame-Options"] == "DENY", url
    # the policy stays strict otherwise: no inline script or style on the embed pages either
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp


# --- the search inside the frame -------------------------------------------------------------------------


def test_a_search_in_the_frame_works_without_our_cookie_and_keeps_the_question_out_of_urls(site):
    client = site.test_client(
        use_cookies=False
    )  # inside a gemeente's page the browser sends no cookie of ours
    page = client.get("/embed")
    assert "<script" not in page.text  # script-free: works with the strictest sandbox
    assert '<base target="_blank">' in page.text and 'target="_self"' in page.text
    assert "Set-Cookie" not in page.headers
    question = "ik heb schulden en rekeningen die ik niet kan betalen"
    resp = client.post("/embed/zoeken", data={"vraag": question, "formulier": _stamp(page.text)})
    assert resp.status_code == 200
    assert resp.headers["Cache-Control"] == "no-store"
    assert f'href="/dienst/{PLANTED_SERVICE}" rel="noopener"' in resp.text
    urls = re.findall(r'(?:href|action|src)="([^"]*)"', resp.text)
    assert urls and not any("schulden" in u or "rekeningen" in u for u in urls)


@pytest.mark.parametrize("why", ["missing", "forged", "other_form", "expired"])
def test_a_search_post_without_a_valid_stamp_is_refused(site, why):
    from webapp.form_guard import stamp

    with site.test_request_context():
        token = {
            "missing": "",
            "forged": stamp("embed-zoeken") + "x",
            "other_form": stamp("melding:Service:x"),
            "expired": stamp("embed-zoeken", made_at=time.time() - 5 * 3600),
        }[why]
    resp = site.test_client(use_cookies=False).post(
        "/embed/zoeken", data={"vraag": "schulden", "formulier": token}
    )
    assert resp.status_code == 400
    assert "schulden" not in resp.text  # the question is not echoed
    # the search box again, inside the frame (the site's error page has links that cannot open there)
    assert "Typ uw vraag nog een keer" in resp.text and 'action="/embed/zoeken"' in resp.text
    assert _ancestors(resp) == f"{GEMEENTE_SITE} {INTRANET}"


def test_the_question_is_never_sent_by_get(site):
    assert site.test_client().get("/embed/zoeken?vraag=schulden").status_code == 405


def test_the_snippet_choice_of_kern_and_thema_shows_that_help(site):
    client = site.test_client()
    assert f'href="/dienst/{PLANTED_SERVICE}"' in client.get("/embed?thema=schulden").text
    page = client.get("/embed?thema=schulden&kern=kern-aalten")
    assert page.status_code == 200
    assert 'href="/dienst/svc-aalten-schuldhulpverlening"' in page.text
    assert f'href="/dienst/{PLANTED_SERVICE}"' not in page.text  # no service area in Aalten
    assert 'name="kern" value="kern-aalten"' in page.text and 'name="thema" value="schulden"' in page.text
    # an unknown value is ignored, never echoed
    junk = client.get("/embed?thema=%3Cscript%3E&kern=nergens")
    assert junk.status_code == 200 and "nergens" not in junk.text and "&lt;script" not in junk.text


def test_the_embed_stylesheet_carries_the_gemeente_font(site):
    css = site.test_client().get("/embed/stijl.css")
    assert css.status_code == 200 and css.mimetype == "text/css"
    assert "--basis-text-font-family-default: Arial, sans-serif;" in css.text


# --- the snippet in beheer ---------------------------------------------------------------------------------


def test_a_coordinator_gets_a_snippet_with_the_iframe_a_fallback_link_and_the_allowed_sites(site):
    client = site.test_client()
    login(client, add_account(site, "coordinator"))
    page = client.get("/beheer/insluiten?hoogte=99999&kern=kern-aalten&thema=schulden")
    assert page.status_code == 200
    code = re.search(r'<textarea[^>]*id="code"[^>]*>(.*?)</textarea>', page.text, re.S).group(1)
    import html

    code = html.unescape(code)
    assert re.search(r'<iframe src="http://localhost/embed\?kern=kern-aalten&amp;thema=schulden"', code)
    assert 'height="1600"' in code  # clamped
    assert 'title="Zoek hulp op de Sociale kaart Aalten"' in code and "sandbox=" in code
    assert "allow-scripts" not in code
    assert re.search(r'<p><a href="http://localhost/">', code)  # the plain fallback link
    assert "<script" not in code
    assert GEMEENTE_SITE in page.text and INTRANET in page.text


def test_the_snippet_page_says_when_no_site_may_embed(app, client):
    login(client, add_account(app, "coordinator"))
    page = client.get("/beheer/insluiten")
    assert page.status_code == 200 and "Nog geen enkele website mag het zoekvak tonen" in page.text


def test_a_resident_cannot_open_the_snippet_page(site):
    resp = site.test_client().get("/beheer/insluiten")
    assert resp.status_code == 302 and "/inloggen" in resp.headers["Location"]


def test_an_embed_card_warns_of_a_temporary_status_like_the_site_does(site):
    """A resident on the gemeente's site must see "let op: verhuisd" before going to the old address; a
    professional-only status never shows there."""
    from graph.statuses import StatusRepository, TemporaryStatus
    from webapp.db import get_store

    with site.app_context():
        repo = StatusRepository(get_store())
        repo.set(
            TemporaryStatus("Service", PLANTED_SERVICE, "verhuisd", "Nieuw adres: Markt 3", end="2099-12-31"),
            "t",
        )
    client = site.test_client(use_cookies=False)
    try:
        page = client.get("/embed")
        resp = client.post("/embed/zoeken", data={"vraag": "ik heb schulden", "formulier": _stamp(page.text)})
        card = resp.text.split(f'href="/dienst/{PLANTED_SERVICE}"', 1)[1].split("</li>", 1)[0]
        assert "kaart-status--verhuisd" in card and "Let op: verhuisd" in card and "Markt 3" in card
        with site.app_context():
            repo.set(
                TemporaryStatus("Service", PLANTED_SERVICE, "niet-doorverwijzen", "Vol", end="2099-12-31"),
                "t",
            )
        listed = client.get("/embed?thema=schulden").text
        assert f'href="/dienst/{PLANTED_SERVICE}"' in listed
        assert "Nu niet doorverwijzen" not in listed and "kaart-status" not in listed
    finally:
        with site.app_context():
            StatusRepository(get_store()).clear("Service", PLANTED_SERVICE, "t")
