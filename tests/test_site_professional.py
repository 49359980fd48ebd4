"""Professional pages: wie kan hier helpen with theme chips (themes_override), results grouped by fit,
opschalen links, the network view and the shareable list without the hulpvraag."""

from __future__ import annotations

import re

import pytest
from site_data import PLANTED_SERVICE, close_app, csrf_from, demo_app


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("pro"))
    yield app
    close_app(app)


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
    assert groups and groups[0] == "Past bij de vraag"
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
    assert first_group == "Veiligheid voorop"
    assert "<strong>Veiligheidsniveau:</strong> Onveilig thuis" in html


def test_results_are_ordered_by_fit_not_by_niveau(pro):
    """A match found on words only never stands above a service that fits the need (issue 12); the niveau
    is shown on every card instead of being the grouping."""
    html = _ask(pro, situatie="mijn moeder van 82 is erg eenzaam sinds mijn vader overleed").text
    whys = re.findall(r"<strong>Waarom:</strong> ([^<]+)</p>", html)
    fits = [n for n, w in enumerate(whys) if w.startswith("Past bij")]
    words = [n for n, w in enumerate(whys) if w.startswith("Gevonden op woorden")]
    assert fits and (not words or max(fits) < min(words))
    groups = re.findall(r'id="groep-\d+">([^<]+)<', html)
    assert groups[0] == "Past bij de vraag"
    assert "kaart-niveau--vrij-toegankelijk" in html and "kaart-niveau--lokaal-team" in html


def test_wrong_age_services_stand_apart_and_labelled(pro):
    html = _ask(pro, situatie="mijn zoon van 15 wordt gepest op school").text
    groups = re.findall(r'id="groep-\d+">([^<]+)<', html)
    assert groups[-1] == "Niet voor deze leeftijd (ter informatie)"
    tail = html.split("Niet voor deze leeftijd (ter informatie)")[1]
    head = html.split("Niet voor deze leeftijd (ter informatie)")[0]
    assert "Basisschool: zorgen signaleren" in tail and "Basisschool: zorgen signaleren" not in head


def test_nothing_fits_shows_the_front_door(pro):
    html = _ask(pro, situatie="ik zoek een leuke hobby voor mijn kat").text
    groups = re.findall(r'id="groep-\d+">([^<]+)<', html)
    assert groups[0] == "Geen passende dienst: de voordeur van de gemeente"
    assert "Hulpvraag bespreken: brede intake" in html


def test_place_field_and_text_say_which_place_was_used(pro):
    html = _ask(pro, situatie="hulp bij formulieren, woont in Dinxperlo", plaats="Bredevoort").text
    assert "Afstand gemeten vanaf Bredevoort (plaatsveld)" in html
    assert "U noemt Dinxperlo in uw vraag" in html


def test_opschalen_links_and_network_graph(pro):
    detail = pro.get("/professional/dienst/svc-aalten-jeugdconsulent").text
    assert "Opschalen naar:" in detail and "/professional/dienst/svc-aalten-aanvullende-jeugdhulp" in detail
    org = pro.get("/professional/organisatie/org-figulus-welzijn").text
    assert '<svg class="kaart-netwerk"' in org and "Vraag- en Advies Team (VAT) Aalten" in org
    assert "Het netwerk als lijst" in org  # a text alternative for the drawing


def test_shortlist_ignores_unknown_ids(pro):
    html = pro.get(f"/professional/lijst?dienst={PLANTED_SERVICE}&dienst=bestaat-niet").text
    assert html.count('class="kaart-kaartje"') == 1
