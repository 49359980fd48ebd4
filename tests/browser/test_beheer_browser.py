"""Beheer in a real headless Chromium: a coördinator adds an organisation and a service, makes a partner link;
the partner sends a change without an account; the coördinator approves it; coverage and verification pages;
and axe-core finds zero WCAG 2.1 A/AA violations on the beheer and partner pages."""

from __future__ import annotations

import json
import re
import secrets

import pytest
from browser.conftest import login, run_axe
from site_data import PLANTED_ORG, PLANTED_SERVICE

pytestmark = pytest.mark.slow


def _login_coordinator(pg, app) -> None:
    login(pg, app, "coordinator", "/inloggen?next=/beheer/", r"/beheer/$")


def _no_errors(page) -> None:
    # the conflict page answers 409 on purpose; Chromium reports any 4xx document as a console error
    assert [e for e in page.kaart_errors if "favicon" not in e and "409 (CONFLICT)" not in e] == []


def test_beheer_main_flows(page, browser, live_site):
    app = live_site[0]
    _login_coordinator(page, app)
    assert page.get_by_role("heading", level=1).inner_text() == "Beheer van de sociale kaart"

    # a new organisation with a service
    page.get_by_role("navigation", name="Beheer").get_by_role("link", name="Organisaties").click()
    page.get_by_role("link", name="Nieuwe organisatie toevoegen").click()
    page.get_by_label("Naam (verplicht)").fill("Buurthuis De Brug (browsertest)")
    page.get_by_label("E-mailadres").fill("info@debrug.example")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/beheer/organisatie/org-"))
    assert page.get_by_role("heading", level=1).inner_text() == "Buurthuis De Brug (browsertest)"
    page.get_by_role("link", name="Dienst toevoegen").click()
    page.get_by_label("Naam van de dienst (verplicht)").fill("Open inloop")
    page.get_by_label("Niveau (hulpladder)").select_option("vrij-toegankelijk")
    page.get_by_label("Eenzaamheid", exact=True).check()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/beheer/dienst/svc-"))
    assert page.get_by_text("De dienst is toegevoegd.").is_visible()
    service_url = page.url

    # a stale form gets the conflict page, with both versions
    page.evaluate("document.querySelector('input[name=versie]').value = '0'")
    page.get_by_label("Wachttijd", exact=True).fill("3 weken")
    page.get_by_role("button", name="Opslaan").first.click()
    page.wait_for_selector("text=Iemand anders was u voor")
    assert page.locator(".beheer-verschil").count() >= 1

    # a partner link, used by the partner without an account
    page.goto(service_url)
    page.get_by_role("link", name=re.compile("^Buurthuis De Brug")).first.click()
    page.get_by_role("button", name="Maak een partnerlink").click()
    url = page.locator("#partnerlink").inner_text().strip()
    assert "/partner/" in url
    context = browser.new_context(locale="nl-NL")
    partner = context.new_page()
    partner.goto(page.base + "/partner/" + url.split("/partner/", 1)[1])
    assert "Buurthuis De Brug" in partner.get_by_role("heading", level=1).inner_text()
    partner.get_by_label("Wachttijd").fill("1 week")
    partner.get_by_role("button", name="Wijzigingen versturen").click()
    partner.wait_for_selector("text=Bedankt!")
    # the coördinator approves it from the review queue
    page.get_by_role("navigation", name="Beheer").get_by_role("link", name="Voorstellen").click()
    page.get_by_role("link", name=re.compile(r"Wijziging\s*:\s*Open inloop")).click()
    assert page.get_by_role("cell", name="1 week").count() >= 1
    page.get_by_role("button", name="Goedkeuren", exact=True).click()
    page.wait_for_url(re.compile(r"/beheer/voorstellen"))
    assert page.get_by_text("Het voorstel is goedgekeurd en verwerkt.").is_visible()
    page.goto(service_url)
    assert page.get_by_label("Wachttijd", exact=True).input_value() == "1 week"

    # analysis pages render without scripts
    page.goto(page.base + "/beheer/dekking")
    assert page.locator("svg.beheer-grafiek").is_visible()
    assert page.get_by_text(re.compile("Geen vrij toegankelijk aanbod voor")).count() > 0
    page.goto(page.base + "/beheer/controle")
    assert page.get_by_role("heading", name=re.compile("Te lang niet gecontroleerd")).is_visible()
    _no_errors(page)


def test_axe_finds_no_wcag_violations_on_beheer_pages(axe_page, browser, live_site):
    app = live_site[0]
    pg = axe_page
    _login_coordinator(pg, app)
    checked = {}
    checked["dashboard"] = run_axe(pg)
    for name, path in [
        ("organisations", "/beheer/organisaties"),
        ("organisation edit form", f"/beheer/organisatie/{PLANTED_ORG}"),
        ("service edit form", f"/beheer/dienst/{PLANTED_SERVICE}"),
        ("new service form", f"/beheer/organisatie/{PLANTED_ORG}/dienst/nieuw"),
        ("location form", "/beheer/locatie/loc-test-kantoor"),
        ("phone form", "/beheer/telefoon/ph-test-public"),
        ("review queue", "/beheer/voorstellen?status=alle"),
        ("verification", "/beheer/controle"),
        ("coverage", "/beheer/dekking"),
        ("coverage all niveaus", "/beheer/dekking?niveau=alle&themas=hoofd"),
        ("networks", "/beheer/netwerken"),
        ("network form", "/beheer/netwerk/net-vat-aalten"),
        ("history", f"/beheer/historie/organisatie/{PLANTED_ORG}"),
        ("recent changes", "/beheer/historie"),
        ("partner links", "/beheer/partnerlinks"),
        ("demand", "/beheer/vraag"),
    ]:
        pg.goto(pg.base + path)
        checked[name] = run_axe(pg)

    # a proposal (filed as a partner would) and its review page
    from graph.partner_links import PartnerLinkRepository
    from graph.proposals import FieldDiff, Proposal, ProposalRepository, proposal_id
    from webapp.accounts import digest
    from webapp.db import get_store

    token = secrets.token_urlsafe(32)
    with app.app_context():
        store = get_store()
        diffs = (
            FieldDiff("wait_time", "2 weken", "4 weken"),
            FieldDiff("themes", ["schulden"], ["schulden", "armoede"]),
        )
        pid = proposal_id("update", "Service", PLANTED_SERVICE, "axe", diffs)
        ProposalRepository(store).add(
            [
                Proposal(
                    pid,
                    "update",
                    "Service",
                    PLANTED_SERVICE,
                    diffs,
                    "axe",
                    "2026-01-01T00:00:00+00:00",
                    reason="test",
                )
            ]
        )
        PartnerLinkRepository(store).create(PLANTED_ORG, digest(token), "axe", "2099-01-01T00:00:00+00:00")
    pg.goto(pg.base + f"/beheer/voorstel/{pid}")
    checked["proposal diff"] = run_axe(pg)

    # the conflict page
    pg.goto(pg.base + f"/beheer/organisatie/{PLANTED_ORG}")
    pg.evaluate("document.querySelector('input[name=versie]').value = '0'")
    pg.get_by_label("Andere naam of afkorting").fill("Test (conflict)")
    pg.locator("form.beheer-formulier").first.locator("button[type=submit]").click()
    pg.wait_for_selector("text=Iemand anders was u voor")
    checked["conflict"] = run_axe(pg)

    # the partner page, without an account
    context = browser.new_context(locale="nl-NL", bypass_csp=True)
    partner = context.new_page()
    partner.goto(pg.base + f"/partner/{token}")
    checked["partner page"] = run_axe(partner)
    partner.get_by_role("button", name="Alles klopt").click()
    partner.wait_for_selector("text=Bedankt!")
    checked["partner thanks"] = run_axe(partner)
    partner.goto(pg.base + "/partner/" + "x" * 43)
    checked["partner link gone"] = run_axe(partner)
    context.close()

    bad = {k: v for k, v in checked.items() if v}
    assert not bad, json.dumps(bad, indent=1, ensure_ascii=False)
