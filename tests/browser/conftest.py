"""Browser tests: real headless Chromium (Debian `chromium`) driven by Playwright, against the app served on
127.0.0.1. Skipped with a clear message when chromium or Playwright is missing — but failing under CI=true.
Never `playwright install`: it downloads browsers. Install Debian's chromium (`apt-get install -y chromium`)."""

from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from live import free_port

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("KAART_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"


def _missing(message: str):
    if IN_CI:
        pytest.fail(f"{message} (CI=true: browser tests must run)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright (PyPI `playwright`) is not installed")
    exe = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not exe:
        _missing(f"chromium not found at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_site(falkor_server, tmp_path_factory):
    """The app with the demo data, served by werkzeug on a free loopback port."""
    from site_data import close_app, demo_app
    from werkzeug.serving import make_server

    app = demo_app(falkor_server, tmp_path_factory.mktemp("browser"))
    port = free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{port}"
    server.shutdown()
    thread.join(timeout=10)
    close_app(app)


PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_site):
    """A page at phone width (390 x 844), the size the user tests looked at first-screen layout with."""
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    pg = context.new_page()
    pg.base = live_site[1]
    yield pg
    context.close()


@pytest.fixture
def page(browser, live_site):
    """A page in a normal context (CSP enforced); CSP violations and JS errors are collected."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.kaart_errors = []
    pg.on("console", lambda m: pg.kaart_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.kaart_errors.append(str(e)))
    pg.base = live_site[1]
    yield pg
    context.close()


@pytest.fixture
def axe_page(browser, live_site):
    """A page whose context may inject axe-core (bypass_csp only for the injection)."""
    context = browser.new_context(locale="nl-NL", bypass_csp=True, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.base = live_site[1]
    yield pg
    context.close()


def login(pg, app, role: str, start: str, landing: str) -> None:
    """A new account of `role` logs in through the real pages (password, then TOTP code) from `start`, and
    lands on a page whose URL matches `landing`."""
    from site_data import add_account, fresh_code

    account = add_account(app, role)
    pg.goto(pg.base + start)
    pg.get_by_label("E-mailadres").fill(account["email"])
    pg.get_by_label("Wachtwoord").fill(account["password"])
    pg.get_by_role("button", name="Inloggen").click()
    pg.wait_for_url(re.compile(r"/inloggen/code"))
    pg.get_by_label(re.compile("Code van 6 cijfers")).fill(fresh_code(account["secret"]))
    pg.get_by_role("button", name="Verder").click()
    pg.wait_for_url(re.compile(landing))


def run_axe(pg) -> list[dict]:
    pg.add_script_tag(path=str(AXE))
    result = pg.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
        }"""
    )
    return result


def settled(pg) -> None:
    """Wait until the page's stylesheets and fonts are in: an element can be in the DOM before site.css is
    applied, and a layout measured then is the unstyled one (a CI run measured the first result at 918 px
    instead of ~340 on a phone while the stylesheets were still being revalidated)."""
    pg.wait_for_load_state("load")
    pg.evaluate("document.fonts.ready.then(() => true)")
