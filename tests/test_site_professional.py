"""Professional pages: wie kan hier helpen with theme chips (themes_override), results grouped by niveau,
opschalen links, the network view and the shareable list without the hulpvraag."""

from __future__ import annotations

import re

import pytest
from site_data import PLANTED_SERVICE, add_account, close_app, csrf_from, demo_app, login

from webapp.site import niveau_label


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("pro"))
    yield app
    close_app(app)


@pytest.fixture(scope="module")
def pro(site):
    client = site.test_client()
    login(client, add_account(site))
    return client


def _ask(pro, **data):
    page = pro.get("/professional/")
    return pro.post("/professional/", data={**data, "csrf_token": csrf_from(page.text)})


def test_search_shows_chips_groups_and_a_list_without_the_text(pro):
    text = "moeder met schulden en vermoedelijk LVB, zorgen over de kinderen, woont in Dinxperlo"
    resp = _ask(pro, situatie=text, plaats="")
    html = resp.text
    assert resp.status_code == 200
    chips = re.findall(r'name="thema" value="([^"]+)" checked', html)
    assert "schulden" in chips
    groups = re.findall(r'<h3 class="utrecht-heading-3" id="groep-\d+">([^<]+)</h3>', html)
    assert groups and groups[0] in {
        niveau_label("vrij-toegankelijk"),
        niveau_label("lokaal-team"),
        niveau_label("crisis"),
    }
    assert "Waarom:" in html
    assert text in html  # the textarea keeps it for the next run (POST answer, no-store)
    share = re.search(r'href="(/professional/lijst\?[^"]+)"', html).group(1).replace("&amp;", "&")
    assert "schulden" not in share.replace("svc-", "") or "dienst=" in share
    assert "moeder" not in share and "Dinxperlo" not in share and "LVB" not in share
    listed = pro.get(share)
    assert listed.status_code == 200 and "moeder" not in listed.text


def test_removing_and_adding_themes_reruns_with_override(pro):
    text = "schulden en eenzaam"
    first = _ask(pro, situatie=text).text
    assert 'value="schulden" checked' in first
    rerun = _ask(pro, situatie=text, herhaal="1", thema=["eenzaamheid"], thema_extra="verslaving").text
    chips = re.findall(r'name="thema" value="([^"]+)" checked', rerun)
    assert "schulden" not in chips and "eenzaamheid" in chips and "verslaving" in chips


def test_safety_puts_crisis_group_first(pro):
    html = _ask(pro, situatie="kind vertelt dat vader hem slaat, moeder is bang").text
    assert "kaart-veiligheid" in html
    first_group = re.search(r'id="groep-1">([^<]+)<', html).group(1)
    assert first_group == niveau_label("crisis") == "Crisis"  # the label of ontology/niveaus.yaml


def test_opschalen_links_and_network_graph(pro):
    detail = pro.get("/professional/dienst/svc-aalten-jeugdconsulent").text
    assert "Opschalen naar:" in detail and "/professional/dienst/svc-aalten-aanvullende-jeugdhulp" in detail
    org = pro.get("/professional/organisatie/org-figulus-welzijn").text
    assert '<svg class="kaart-netwerk"' in org and "Vraag- en Advies Team (VAT) Aalten" in org
    assert "Het netwerk als lijst" in org  # a text alternative for the drawing


def test_shortlist_ignores_unknown_ids(pro):
    html = pro.get(f"/professional/lijst?dienst={PLANTED_SERVICE}&dienst=bestaat-niet").text
    assert html.count('class="kaart-kaartje"') == 1
