"""Services for professionals only (ADR 0116) never reach a resident by any path (issue 12, i18n7): every public
GET page and API of the site, the shared list a professional hands a resident, the search and the match API.
Open data and the HSDS API keep them, marked with the `publiek` attribute (ADR 0116: public knowledge, not a
place to send a resident); the service's own page says it is for professionals and shows the way that works."""

from __future__ import annotations

import re

import pytest
from site_data import add_account, close_app, csrf_from, demo_app, login

from webapp.accounts import ROLE_LEVEL
from webapp.audience import audience_of

PRO_ONLY = ("svc-aalten-aandachtsfunctionaris-hg-km", "svc-veilig-thuis-consultatie")
OPEN = "svc-veilig-thuis-advies-melden"
MARKED_OPEN_DATA = ("/api/hsds", "/open-data", "/feed.atom", "/openapi.json")  # marked, by ADR 0116


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("pro-only-paths"))
    yield app
    close_app(app)


@pytest.fixture(scope="module")
def shared_link(site):
    """A professional's list with a service for professionals only and one for residents, shared by a link."""
    from graph.shortlists import ShortlistRepository
    from webapp.db import get_store

    with site.app_context():
        lists = ShortlistRepository(get_store())
        lst = lists.create("acc-wijkcoach", "Voor mevrouw")
        lists.add(lst.id, "acc-wijkcoach", [PRO_ONLY[0], OPEN])
        return f"/gedeeld/{lists.share(lst.id, 'acc-wijkcoach')}", lst.id


def _names(site) -> dict[str, str]:
    from graph.repositories import ServiceRepository
    from webapp.db import get_store

    with site.app_context():
        repo = ServiceRepository(get_store())
        return {sid: repo.get(sid).name for sid in PRO_ONLY}


def _leaks(text: str, names: dict[str, str], json: bool = False) -> list[str]:
    """The services for professionals only a response offers: its name, a link to its page, or (an API) its id.
    The ids a resident's own URL holds (`/kaart?dienst=…` in the language switch) are no offer."""
    return [
        sid
        for sid, name in names.items()
        if name in text or f"/dienst/{sid}" in text or (json and f'"{sid}"' in text)
    ]


def test_a_shared_list_leaves_out_help_for_professionals_and_says_why(site, shared_link):
    """A wijkcoach's list shared with a resident showed the aandachtsfunctionaris of the team as a card."""
    url, _ = shared_link
    page = site.test_client().get(url).text
    assert not _leaks(page, _names(site)), _leaks(page, _names(site))
    assert f"/dienst/{OPEN}" in page  # the rest of the list stays
    assert "Dit loopt via uw hulpverlener of het lokale team" in page
    assert "Deze lijst is leeg" not in page


def test_the_owner_still_sees_it_on_the_list_marked(site):
    from graph.shortlists import ShortlistRepository
    from webapp.db import get_store

    web = site.test_client()
    account = add_account(site)
    login(web, account)

    with site.app_context():
        lists = ShortlistRepository(get_store())
        mine = lists.create(account["id"], "Mijn lijst")
        lists.add(mine.id, account["id"], [PRO_ONLY[0], OPEN])
    page = web.get(f"/professional/lijsten/{mine.id}").text
    assert f"/dienst/{PRO_ONLY[0]}" in page and "Voor professionals" in page


def _public_urls(site, shared: str) -> list[str]:
    from graph.repositories import ServiceRepository
    from webapp.db import get_store

    with site.app_context():
        orgs = sorted({ServiceRepository(get_store()).get(sid).organization_id for sid in PRO_ONLY})
    urls = []
    for rule in site.url_map.iter_rules():
        if rule.endpoint == "static" or "GET" not in (rule.methods or ()):
            continue
        if audience_of(site.view_functions[rule.endpoint]) in ROLE_LEVEL or rule.rule.startswith(
            MARKED_OPEN_DATA
        ):
            continue
        if rule.arguments:
            for value in (*orgs, OPEN):
                urls.append(re.sub(r"<(?:[a-z]+:)?id>", value, rule.rule))
        else:
            urls.append(rule.rule)
    extra = [
        "/kaart?thema=huiselijk-geweld",
        "/kaart?thema=kindermishandeling",
        f"/kaart?dienst={PRO_ONLY[0]}&dienst={PRO_ONLY[1]}&dienst={OPEN}",
        "/api/v1/services?thema=huiselijk-geweld",
        "/embed?thema=huiselijk-geweld",
        shared,
    ]
    return [u for u in urls if "<" not in u] + extra


def test_no_public_page_or_api_offers_help_for_professionals_only(site, shared_link):
    names = _names(site)
    web = site.test_client()
    seen = 0
    for url in _public_urls(site, shared_link[0]):
        resp = web.get(url)
        assert not _leaks(resp.get_data(as_text=True), names, resp.is_json), url
        seen += resp.status_code == 200
    assert seen > 10
    token = csrf_from(web.get("/").text)
    for text in (
        "ik wil overleggen over een vermoeden van kindermishandeling bij een kind in mijn klas",
        "consultatie veilig thuis voor het team, huiselijk geweld",
    ):
        page = web.post("/zoeken", data={"vraag": text, "csrf_token": token}).text
        assert not _leaks(page, names), text
        api = web.post("/api/v1/match", json={"text": text}).get_data(as_text=True)
        assert not _leaks(api, names, json=True), text


def test_the_service_page_itself_says_it_is_for_professionals(site):
    page = site.test_client().get(f"/dienst/{PRO_ONLY[0]}").text
    assert "Deze hulp is voor professionals. U kunt hier niet zelf naartoe." in page
