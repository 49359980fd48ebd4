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
    page.get_by_label("Wachttijd doorgegeven op").fill("2026-11-03")
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
    partner.get_by_label("Wachttijd", exact=True).fill("1 week")
    partner.get_by_label("Wachttijd doorgegeven op").fill("2026-11-03")
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


def _file_partner_proposals(app) -> tuple[str, str]:
    """An update (with a confirmation date) and a new phone number, as a partner's link files them."""
    from graph.proposals import FieldDiff, Proposal, ProposalRepository, proposal_id
    from webapp.db import get_store

    source = "partner:plink-schermafdruk"
    update = (FieldDiff("wait_time", None, "4 weken"), FieldDiff("assured_date", None, "2026-01-05"))
    create = (
        FieldDiff("id", None, "phone-partner-schermafdruk"),
        FieldDiff("number", None, "0543-123456"),
        FieldDiff("service_id", None, PLANTED_SERVICE),
    )
    ids = (
        proposal_id("update", "Service", PLANTED_SERVICE, source, update),
        proposal_id("create", "Phone", "phone-partner-schermafdruk", source, create),
    )
    with app.app_context():
        ProposalRepository(get_store()).add(
            [
                Proposal(
                    ids[0], "update", "Service", PLANTED_SERVICE, update, source, "2026-01-05T09:00:00+00:00"
                ),
                Proposal(
                    ids[1],
                    "create",
                    "Phone",
                    "phone-partner-schermafdruk",
                    create,
                    source,
                    "2026-01-05T09:00:00+00:00",
                ),
            ]
        )
    return ids


SCREENSHOT_PAGES = [
    ("voorstellen", "/beheer/voorstellen"),
    ("dienst", f"/beheer/dienst/{PLANTED_SERVICE}"),
    ("dekking", "/beheer/dekking"),
    ("netwerken", "/beheer/netwerken"),
    ("organisatie", f"/beheer/organisatie/{PLANTED_ORG}"),
    ("historie", f"/beheer/historie/dienst/{PLANTED_SERVICE}"),
]


@pytest.mark.parametrize("width", [1280, 390])
def test_beheer_pages_fit_desktop_and_mobile(browser, live_site, width, tmp_path):
    """The changed beheer pages at desktop and phone width: nothing wider than the screen, and a screenshot
    of each (in KAART_SCREENSHOTS when set) to look at."""
    import os
    from pathlib import Path

    app, base = live_site
    out = Path(os.environ.get("KAART_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 900})
    pg = context.new_page()
    pg.base = base
    _login_coordinator(pg, app)
    update_id, create_id = _file_partner_proposals(app)
    pages = [*SCREENSHOT_PAGES, ("voorstel-wijziging", f"/beheer/voorstel/{update_id}")]
    pages.append(("voorstel-nieuw", f"/beheer/voorstel/{create_id}"))
    from graph.partner_links import PartnerLinkRepository
    from webapp.accounts import digest
    from webapp.db import get_store

    token = secrets.token_urlsafe(32)
    with app.app_context():
        PartnerLinkRepository(get_store()).create(
            PLANTED_ORG, digest(token), "schermafdruk", "2099-01-01T00:00:00+00:00"
        )
    pages.append(("partner", f"/partner/{token}"))
    too_wide = {}
    for name, path in pages:
        pg.goto(base + path)
        pg.screenshot(path=str(out / f"{name}-{width}.png"), full_page=True)
        pg.screenshot(path=str(out / f"{name}-{width}-boven.png"))
        if name == "dekking":
            pg.locator("figure.beheer-kaartje-vak").screenshot(path=str(out / f"dekking-kaart-{width}.png"))
        if name == "voorstellen":  # a drop-down shows its arrow
            arrows = pg.eval_on_selector_all(
                "select", "els => els.map(e => getComputedStyle(e).backgroundImage)"
            )
            assert arrows and all("svg" in a for a in arrows), arrows
        if name == "voorstel-wijziging":  # the empty reject box looks like any other box until it is sent
            look = "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).borderTopColor]"
            assert pg.eval_on_selector("#reden", look) == pg.eval_on_selector("#toelichting-ok", look)
        overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            too_wide[name] = overflow
    context.close()
    assert too_wide == {}


OVERLAPS = """() => {
    const svg = document.querySelector('svg.kaart-netwerk');
    const frame = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect());
    const clipped = boxes.filter(b => b.left < frame.left - 0.5 || b.right > frame.right + 0.5
        || b.top < frame.top - 0.5 || b.bottom > frame.bottom + 0.5).length;
    let overlapping = 0;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlapping++;
    }
    const fontPx = parseFloat(getComputedStyle(svg.querySelector('text')).fontSize) * frame.width / svg.viewBox.baseVal.width;
    return {labels: boxes.length, clipped, overlapping, fontPx, pageOverflow: document.documentElement.scrollWidth - innerWidth};
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_network_drawing_is_readable_with_30_members(browser, live_site, width):
    """A network of 30 organisations with long names: every member drawn, no label clipped or overlapping
    another, text still at a readable size on a phone."""
    from graph.models import Member, Netwerk, Organisation
    from graph.repositories import NetwerkRepository, OrganisationRepository
    from webapp.db import get_store

    app, base = live_site
    members = [f"org-dertig-{i:02d}" for i in range(30)]
    with app.app_context():
        store = get_store()
        OrganisationRepository(store).upsert(
            [
                Organisation(id=m, name=f"Stichting Welzijn en Ondersteuning Achterhoek nummer {i}")
                for i, m in enumerate(members)
            ]
        )
        NetwerkRepository(store).upsert(
            [
                Netwerk(
                    id="net-dertig",
                    name="Preventieplatform Jeugd en Gezin Aalten (dertig leden)",
                    members=tuple(Member(m, "lid", "huidig") for m in [PLANTED_ORG, *members]),
                )
            ]
        )
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 900})
    pg = context.new_page()
    pg.base = base
    login(pg, app, "professional", "/inloggen?next=/professional/", r"/professional/")
    pg.goto(base + f"/professional/organisatie/{PLANTED_ORG}")
    found = pg.evaluate(OVERLAPS)
    pg.screenshot(path=str(_screenshot_dir() / f"netwerk-30-{width}.png"), full_page=True)
    context.close()
    assert found["labels"] >= 32  # the organisation, the network and its 30 other members
    assert found["clipped"] == 0 and found["overlapping"] == 0, found
    assert found["fontPx"] >= 8, found  # scaled down on a phone, still legible (with pinch zoom)
    assert found["pageOverflow"] <= 0, found


def _screenshot_dir():
    import os
    import tempfile
    from pathlib import Path

    out = Path(os.environ.get("KAART_SCREENSHOTS") or tempfile.mkdtemp(prefix="beheer-schermen-"))
    out.mkdir(parents=True, exist_ok=True)
    return out
