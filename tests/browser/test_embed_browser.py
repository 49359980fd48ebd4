"""Real headless Chromium: the search box inside a page on ANOTHER site (a second local HTTP server, reached as
`localhost` while the kaart is `127.0.0.1`: another origin and another site, so no cookie of ours goes along).
With that origin in KAART_EMBED_ORIGINS the iframe loads and a search inside it shows results; from an origin
not on the list the browser blocks the frame (CSP frame-ancestors). The HTML is the snippet beheer hands out.
Also "Klopt er iets niet?" end to end, and zero axe-core violations on the new pages at desktop and phone width."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from browser.conftest import login, run_axe
from live import free_port

pytestmark = pytest.mark.slow

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def _host_page(snippet: str) -> bytes:
    return (
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>Gemeente Aalten</title></head>"
        f"<body><h1>Hulp en ondersteuning</h1>{snippet}</body></html>"
    ).encode()


def _serve(port: int, body: bytes) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def embed_site(falkor_server, tmp_path_factory):
    """The kaart on 127.0.0.1:A allowing http://localhost:B; gemeente pages on localhost:B and on localhost:C."""
    from site_data import close_app, demo_app
    from werkzeug.serving import make_server

    from webapp.beheer.embed import snippet

    kaart_port, allowed_port, other_port = free_port(), free_port(), free_port()
    app = demo_app(
        falkor_server,
        tmp_path_factory.mktemp("embed-browser"),
        EMBED_ORIGINS=f"http://localhost:{allowed_port}",
    )
    server = make_server("127.0.0.1", kaart_port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{kaart_port}"
    code = snippet(base, height=600, kern=None, thema=None, title="Zoek hulp op de Sociale kaart Aalten")
    hosts = [_serve(p, _host_page(code)) for p in (allowed_port, other_port)]
    yield {
        "app": app,
        "base": base,
        "allowed": f"http://localhost:{allowed_port}/",
        "other": f"http://localhost:{other_port}/",
    }
    for h in hosts:
        h.shutdown()
        h.server_close()
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)
    close_app(app)


@pytest.fixture(params=sorted(WIDTHS))
def width(request) -> str:
    return request.param


def _context(browser, width: str, **kw):
    w, h = WIDTHS[width]
    return browser.new_context(locale="nl-NL", viewport={"width": w, "height": h}, **kw)


def test_the_search_box_works_inside_a_page_on_an_allowed_site(browser, embed_site, width):
    context = _context(browser, width)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(embed_site["allowed"])
        frame = page.frame_locator("iframe")
        frame.get_by_label("Waar zoekt u hulp bij?").fill("ik heb schulden en kan de rekeningen niet betalen")
        frame.get_by_role("button", name="Zoek hulp").click()
        results = frame.locator(".kaart-embed__item")
        results.first.wait_for()
        assert results.count() >= 1
        assert page.url == embed_site["allowed"]  # the gemeente's page stays; only the frame changed
        inner = next(f for f in page.frames if f.url.startswith(embed_site["base"]))
        assert inner.url == embed_site["base"] + "/embed/zoeken"  # the question is not in the URL
        # a result opens the full entry in a new tab, outside the frame
        with context.expect_page() as opened:
            results.first.get_by_role("link").first.click()
        entry = opened.value
        entry.wait_for_load_state()
        assert re.search(r"/dienst/[^/]+$", entry.url) and entry.locator("h1").count() == 1
        assert page.url == embed_site["allowed"]
        assert not errors, errors
    finally:
        context.close()


def test_the_frame_is_blocked_on_a_site_that_is_not_allowed(browser, embed_site):
    context = _context(browser, "desktop")
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    try:
        page.goto(embed_site["other"])
        page.wait_for_timeout(1000)
        assert page.frame_locator("iframe").locator("textarea").count() == 0
        inner = [f for f in page.frames if f.url.startswith(embed_site["base"])]
        assert not inner or inner[0].locator("textarea").count() == 0
        assert any("frame-ancestors" in m for m in messages), messages
        # the plain fallback link under the frame still leads to the kaart
        link = page.get_by_role("link", name=re.compile("Zoek hulp op de Sociale kaart Aalten"))
        assert link.get_attribute("href") == embed_site["base"] + "/"
    finally:
        context.close()


def test_a_resident_reports_a_mistake_and_the_coordinator_sees_it(browser, embed_site):
    from graph.proposals import ProposalRepository
    from webapp.db import get_store

    context = _context(browser, "phone")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(embed_site["base"] + "/dienst/svc-test-schuldhulp")
        page.get_by_role("link", name=re.compile("Klopt er iets niet")).click()
        page.get_by_label("Wat klopt er niet?").fill("De openingstijden op vrijdag kloppen niet.")
        page.get_by_label(re.compile("Over welk gegeven")).select_option("openingstijden")
        page.wait_for_timeout(3100)  # a person takes a moment; a bot that posts at once is refused
        page.get_by_role("button", name="Verstuur melding").click()
        page.get_by_role("heading", name="Bedankt voor uw melding").wait_for()
        assert not errors, errors
    finally:
        context.close()
    with embed_site["app"].app_context():
        reports = ProposalRepository(get_store()).list(None, kind="report")
    assert ("svc-test-schuldhulp", "openingstijden") in [(r.entity_id, r.reported_field) for r in reports]


def test_axe_on_the_embed_and_report_pages(browser, embed_site, width):
    context = _context(browser, width, bypass_csp=True)
    page = context.new_page()
    page.base = embed_site["base"]
    checked = {}
    try:
        for name, path in {
            "embed": "/embed",
            "embed thema": "/embed?thema=schulden&kern=kern-aalten",
            "report form": "/dienst/svc-test-schuldhulp/klopt-niet",
            "report form organisation": "/organisatie/org-test-schuldhulp/klopt-niet",
        }.items():
            page.goto(page.base + path)
            checked[name] = run_axe(page)
        page.goto(page.base + "/embed")
        page.get_by_label("Waar zoekt u hulp bij?").fill("ik heb schulden")
        page.get_by_role("button", name="Zoek hulp").click()
        page.locator(".kaart-embed__item").first.wait_for()
        checked["embed results"] = run_axe(page)
        page.goto(page.base + "/embed")
        page.get_by_label("Waar zoekt u hulp bij?").fill("mijn man slaat me en ik ben bang")
        page.get_by_role("button", name="Zoek hulp").click()
        page.locator(".kaart-veiligheid").wait_for()
        checked["embed safety results"] = run_axe(page)
        page.goto(page.base + "/dienst/svc-test-schuldhulp/klopt-niet")
        page.get_by_role("button", name="Verstuur melding").click()  # empty and at once: the error state
        page.locator(".utrecht-form-field-error-message").first.wait_for()
        checked["report errors"] = run_axe(page)
        page.get_by_label("Wat klopt er niet?").fill("Het adres is veranderd.")
        page.get_by_label(re.compile("Uw e-mailadres")).fill("melder@example.org")
        page.wait_for_timeout(3100)
        page.get_by_role("button", name="Verstuur melding").click()
        page.get_by_role("heading", name="Bedankt voor uw melding").wait_for()
        checked["report sent"] = run_axe(page)
        login(page, embed_site["app"], "coordinator", "/beheer/insluiten", r"/beheer/insluiten")
        checked["beheer snippet"] = run_axe(page)
        page.goto(page.base + "/beheer/voorstellen?soort=report")
        checked["beheer reports"] = run_axe(page)
        page.get_by_role("link", name=re.compile("^Melding:")).first.click()
        page.get_by_role("heading", name="Melding van een inwoner").wait_for()
        checked["beheer report"] = run_axe(page)
    finally:
        context.close()
    bad = {k: v for k, v in checked.items() if v}
    assert not bad, json.dumps(bad, indent=1, ensure_ascii=False)
