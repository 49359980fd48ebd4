"""The safety box shows what fits the danger (ADR 0107): Veilig Thuis for danger at home without 113, 113 first for
thoughts of suicide, the huisarts for a psychiatric crisis, 112 large only for acute danger, and a professional's
consultation question without 112. Its numbers are the national lines the kaart's own data lists."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from site_data import add_account, close_app, csrf_from, demo_app, login, public_page

ROOT = Path(__file__).resolve().parent.parent
BOX = re.compile(r'<div class="utrecht-alert utrecht-alert--error kaart-veiligheid".*?</div>\s*</div>', re.S)


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("safety-box"))
    yield app
    close_app(app)


def box(html: str) -> tuple[str, str]:
    """The box's HTML and its first line (the help for the most urgent danger), tags removed."""
    found = BOX.search(html)
    assert found, "the question raises the safety box"
    first = re.search(r'class="[^"]*kaart-veiligheid__eerst[^"]*"[^>]*>(.*?)</p>', found.group(0), re.S)
    assert first, "the box has a first line"
    return found.group(0), re.sub(r"<[^>]+>", "", first.group(1))


def test_danger_at_home_shows_veilig_thuis_first_and_no_113(site):
    html, first = box(public_page(site, "mijn man slaat me en ik ben bang"))
    assert "Veilig Thuis" in first and "0800-2000" in first
    assert "113" not in html and "0800-0113" not in html
    assert html.count('href="tel:112"') == 1 and "Is er direct gevaar?" in html  # one short closing line
    assert html.count("kaart-veiligheid__eerst") == 1, "only the help for the most urgent danger is large"
    assert "Is er direct gevaar?" not in first


def test_thoughts_of_suicide_show_113_first(site):
    html, first = box(public_page(site, "ik wil er niet meer zijn, iedereen is beter af zonder mij"))
    assert "113" in first and "0800-0113" in first
    assert "0800-2000" not in html


def test_a_psychiatric_crisis_shows_the_huisarts_not_113(site):
    html, first = box(public_page(site, "mijn zoon hoort stemmen en slaapt al dagen niet"))
    assert "huisarts" in first and "huisartsenpost" in first
    assert "113" not in html and "0800-2000" not in html


def test_acute_danger_shows_112_first(site):
    _, first = box(public_page(site, "mijn vriend staat met een mes voor de deur en heeft me net geslagen"))
    assert "112" in first


def test_a_consultation_question_shows_advice_and_never_112(site):
    pro = site.test_client()
    login(pro, add_account(site))
    page = pro.get("/professional/")
    text = "ik heb een niet-pluisgevoel bij een gezin, met wie kan ik overleggen"
    resp = pro.post("/professional/", data={"situatie": text, "csrf_token": csrf_from(page.text)})
    html, first = box(resp.text)
    assert "aandachtsfunctionaris" in first and "0800-2000" in first
    assert "112" not in html and "113" not in html


def test_the_box_numbers_are_the_kaarts_own():
    """Every number the box data shows is a phone number the demo kaart's data lists (no number made up)."""
    import yaml

    data = yaml.safe_load((ROOT / "ontology" / "safety.yaml").read_text(encoding="utf-8"))["box"]
    lines = [*data["levels"].values(), data["direct_line"]]
    numbers = {str(n) for line in lines for n in line.get("numbers") or ()}
    with (ROOT / "ingest" / "demo" / "aalten" / "phones.csv").open(encoding="utf-8") as f:
        kaart = {row["number"] for row in csv.DictReader(f)}
    assert numbers and numbers <= kaart, numbers - kaart
