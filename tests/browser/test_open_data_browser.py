"""The open-data page in real headless Chromium: zero axe-core WCAG 2.1 A/AA violations, and the download and
feed it links to answer."""

from __future__ import annotations

import json

from browser.conftest import run_axe


def test_open_data_page_is_accessible_and_its_links_work(axe_page, live_site):
    pg = axe_page
    pg.goto(pg.base + "/open-data")
    violations = run_axe(pg)
    assert not violations, json.dumps(violations, indent=1, ensure_ascii=False)
    for name in ("Download de sociale kaart", "Atom-feed met de laatste wijzigingen"):
        href = pg.get_by_role("link", name=name, exact=False).first.get_attribute("href")
        assert pg.request.get(pg.base + href).status == 200, href
