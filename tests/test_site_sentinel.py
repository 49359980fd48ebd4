"""Sentinel test: values planted in every professional-only field (professional phones of a service, an
organisation and a location) never appear in any public page or public API response — also not when a
professional is logged in and opens the public pages — and do appear on the professional pages."""

from __future__ import annotations

import re

import pytest
from site_data import (
    PLANTED_ORG,
    PLANTED_SERVICE,
    PUBLIC,
    SENTINELS,
    SHELTER_SERVICE,
    add_account,
    close_app,
    csrf_from,
    demo_app,
    login,
)

from webapp.accounts import ROLE_LEVEL
from webapp.audience import audience_of


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("sentinel"))
    plant_professional_only(app)
    yield app
    close_app(app)


def plant_professional_only(app) -> None:
    """Issue 16: notes for colleagues, a "nu niet doorverwijzen" status with its reason, and a shared short list
    (whose public page is swept too)."""
    from datetime import timedelta

    from graph.notes import NoteRepository
    from graph.shortlists import ShortlistRepository
    from graph.statuses import StatusRepository, TemporaryStatus, today_local
    from webapp.db import get_store

    with app.app_context():
        store = get_store()
        notes = NoteRepository(store)
        who = {"author_id": "acc-x", "author_role": "professional", "author_name": "", "who": "x"}
        notes.add("Service", PLANTED_SERVICE, SENTINELS["note"], **who)
        notes.add("Organisation", PLANTED_ORG, SENTINELS["org_note"], **who)
        end = (today_local() + timedelta(days=30)).isoformat()
        StatusRepository(store).set(
            TemporaryStatus(
                "Service", SHELTER_SERVICE, "niet-doorverwijzen", SENTINELS["status_reason"], end=end
            ),
            "x",
        )
        lists = ShortlistRepository(store)
        lst = lists.create("acc-x", "Gedeelde lijst")
        lists.add(lst.id, "acc-x", [PLANTED_SERVICE, SHELTER_SERVICE])
        app.config["SENTINEL_EXTRA_URLS"] = [f"/gedeeld/{lists.share(lst.id, 'acc-x')}"]


def _public_get_urls(app) -> list[str]:
    """Every public GET route, with our planted ids (and a few demo ids) filled in."""
    fill = {
        "id": [PLANTED_SERVICE, PLANTED_ORG, "svc-113-hulplijn", "org-vat-aalten", "thema-schulden", "tax-thema",
               f"{PLANTED_SERVICE}@loc-test-kantoor"],
    }  # fmt: skip
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or "GET" not in (rule.methods or ()):
            continue
        if audience_of(app.view_functions[rule.endpoint]) in ROLE_LEVEL:
            continue
        if rule.arguments:
            for value in fill["id"]:
                urls.append(re.sub(r"<(?:[a-z]+:)?id>", value, rule.rule))
        else:
            urls.append(rule.rule)
    extra = [
        "/kaart?thema=schulden",
        f"/kaart?dienst={PLANTED_SERVICE}",
        "/api/hsds/services?search=schuldhulp",
        "/api/hsds/services?taxonomy_term_id=thema-schulden&per_page=100",
        "/api/hsds/service_at_locations?per_page=100",
        "/api/hsds/service_at_locations?postcode=7121",
        "/api/v1/services?thema=schulden",
    ]
    return urls + extra + list(app.config.get("SENTINEL_EXTRA_URLS") or [])


def _assert_clean(text: str, where: str) -> None:
    for name, value in SENTINELS.items():
        assert value not in text, f"{name} ({value}) staat in {where}"


def _text(resp) -> str:
    """The response as text; a zip (the open-data download) as the text of every file in it."""
    if resp.mimetype == "application/zip":
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(resp.get_data())) as zf:
            return "\n".join(zf.read(name).decode("utf-8") for name in zf.namelist())
    return resp.get_data(as_text=True)


def _public_sweep(app, client) -> int:
    seen = 0
    for url in _public_get_urls(app):
        resp = client.get(url)
        _assert_clean(_text(resp), url)
        seen += resp.status_code == 200
    # POST answers: the public search page and the match API
    token = csrf_from(client.get("/").text)
    for text in ("schulden en aanmaningen, budgetcoaching", "geldzorgen schuldhulp"):
        resp = client.post("/zoeken", data={"vraag": text, "csrf_token": token})
        assert resp.status_code == 200
        _assert_clean(resp.text, "POST /zoeken")
        api = client.post("/api/v1/match", json={"text": text})
        _assert_clean(api.get_data(as_text=True), "POST /api/v1/match")
        stamp = re.search(r'name="formulier" value="([^"]+)"', client.get("/embed").text).group(1)
        embed = client.post("/embed/zoeken", data={"vraag": text, "formulier": stamp})
        assert embed.status_code == 200
        _assert_clean(embed.text, "POST /embed/zoeken")
    return seen


def test_public_responses_never_carry_professional_only_values(site):
    client = site.test_client()
    assert _public_sweep(site, client) > 20
    # the public values of the same records are there, so the pages did show those records
    assert PUBLIC["service_phone"] in client.get(f"/dienst/{PLANTED_SERVICE}").text
    assert PUBLIC["org_phone"] in client.get(f"/organisatie/{PLANTED_ORG}").text
    assert PUBLIC["service_phone"] in client.get(f"/api/hsds/services/{PLANTED_SERVICE}").get_data(
        as_text=True
    )


def test_public_pages_stay_public_for_a_logged_in_professional(site):
    client = site.test_client()
    login(client, add_account(site))
    _public_sweep(site, client)


def test_the_hsds_export_never_carries_notes_or_a_professional_only_status(site, tmp_path):
    """`kaart export hsds` carries what HSDS can (professional-only phones marked as such, ADR 0010), but notes
    for colleagues and "nu niet doorverwijzen" with its reason never leave the kaart."""
    from ingest.hsds_export import export_hsds
    from webapp.db import get_store

    with site.app_context():
        export_hsds(get_store(), tmp_path, validate=False)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(tmp_path.iterdir()) if p.is_file())
    assert "Schuldhulp en budgetcoaching test" in text  # the planted records were exported
    for key in ("note", "org_note", "status_reason"):
        assert SENTINELS[key] not in text, key
    assert "niet-doorverwijzen" not in text


def test_a_shared_list_shows_public_data_only(site):
    url = site.config["SENTINEL_EXTRA_URLS"][0]
    resp = site.test_client().get(url)
    assert resp.status_code == 200 and "Schuldhulp en budgetcoaching test" in resp.text
    _assert_clean(resp.text, url)


def test_professional_pages_show_professional_only_values(site):
    client = site.test_client()
    login(client, add_account(site))
    detail = client.get(f"/professional/dienst/{PLANTED_SERVICE}").text
    for key in ("service_phone", "service_phone_desc", "org_phone", "loc_phone"):
        assert SENTINELS[key] in detail, key
    assert "alleen voor professionals" in detail
    org = client.get(f"/professional/organisatie/{PLANTED_ORG}").text
    assert SENTINELS["org_phone"] in org
    shortlist = client.get(f"/professional/lijst?dienst={PLANTED_SERVICE}").text
    assert SENTINELS["service_phone"] in shortlist
    assert SENTINELS["note"] in detail and SENTINELS["org_note"] in org
    assert SENTINELS["status_reason"] in client.get(f"/professional/dienst/{SHELTER_SERVICE}").text
    page = client.get("/professional/")
    resp = client.post(
        "/professional/",
        data={
            "situatie": "schulden en aanmaningen, zoekt budgetcoaching",
            "csrf_token": csrf_from(page.text),
        },
    )
    assert resp.status_code == 200 and resp.headers["Cache-Control"] == "no-store"
    assert SENTINELS["service_phone"] in resp.text


REPORTER = "melder-SENTINEL-7c1e@example.org"
REPORT_TEXT = "SENTINEL-MELDING: het nummer klopt niet"


def test_a_reporters_address_and_report_never_appear_publicly(site):
    """A "Klopt er iets niet?" report with a reply address is in the review queue, and nowhere public: not on
    the entry's pages, the lists, the embed, the APIs or the HSDS exports — also not once it is handled."""
    import time

    from graph.proposals import ProposalRepository
    from webapp.db import get_store
    from webapp.form_guard import stamp

    client = site.test_client()
    url = f"/dienst/{PLANTED_SERVICE}/klopt-niet"
    with site.test_request_context():
        aged = stamp(f"melding:Service:{PLANTED_SERVICE}", made_at=time.time() - 10)
    resp = client.post(
        url,
        data={"csrf_token": csrf_from(client.get(url).text), "formulier": aged, "wat": REPORT_TEXT,
              "veld": "telefoon", "email": REPORTER},
    )  # fmt: skip
    assert resp.status_code == 200
    with site.app_context():
        (report,) = [
            p for p in ProposalRepository(get_store()).list(None, kind="report") if p.reply_to == REPORTER
        ]

    def clean(where: str, text: str) -> None:
        assert REPORTER not in text and REPORT_TEXT not in text, where

    for who in (site.test_client(), _logged_in(site)):
        for url in _public_get_urls(site):
            clean(url, _text(who.get(url)))  # the open-data zip too
    coordinator = _logged_in(site, "coordinator")
    assert REPORTER in coordinator.get(f"/beheer/voorstel/{report.id}").text  # it is there, for beheer only
    with site.app_context():
        ProposalRepository(get_store()).reject(report.id, "coordinator@example.org", note="beantwoord")
    assert REPORTER not in coordinator.get(f"/beheer/voorstel/{report.id}").text  # deleted with the decision


def _logged_in(app, role: str = "professional"):
    client = app.test_client()
    login(client, add_account(app, role))
    return client
