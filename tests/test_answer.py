"""One way to answer a hulpvraag (webapp/answer.py): the public search, the professional search, the API and
`kaart match` all count demand the same way and refuse the same over-long text; `match` knows nothing of the
web layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_data import add_account, close_app, csrf_from, demo_app, login

from graph.demand import DemandRepository
from webapp.cli import cli

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "ik voel me zo eenzaam sinds mijn man is overleden"


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("answer"), DEMAND_STATS="1")
    yield app
    close_app(app)


def _count(app, theme: str = "eenzaamheid") -> int:
    from webapp.db import get_store

    with app.app_context():
        return sum(r.count for r in DemandRepository(get_store()).rows() if r.theme == theme)


def _cli(app, *args: str):
    env = {
        "KAART_GRAPH_URI": app.config["GRAPH_URI"],
        "KAART_DATA_DIR": app.config["DATA_DIR"],
        "KAART_INDEX_DIR": app.config["INDEX_DIR"],
        "KAART_DEMAND_STATS": "1",
    }
    return CliRunner().invoke(cli, list(args), env=env)


def test_every_way_in_counts_demand_once(site):
    web = site.test_client()
    before = _count(site)
    token = csrf_from(web.get("/").text)
    assert web.post("/zoeken", data={"vraag": QUESTION, "plaats": "", "csrf_token": token}).status_code == 200
    assert _count(site) == before + 1
    assert site.test_client().post("/api/v1/match", json={"text": QUESTION}).status_code == 200
    assert _count(site) == before + 2
    pro = site.test_client()
    login(pro, add_account(site))
    page = pro.get("/professional/")
    resp = pro.post("/professional/", data={"situatie": QUESTION, "csrf_token": csrf_from(page.text)})
    assert resp.status_code == 200
    assert _count(site) == before + 3
    result = _cli(site, "match", QUESTION, "--json")
    assert result.exit_code == 0, result.output
    assert _count(site) == before + 4


def test_kaart_match_refuses_an_over_long_text_like_the_api(site):
    before = _count(site)
    long_text = QUESTION + " " + "x" * 4000
    result = _cli(site, "match", long_text)
    assert result.exit_code == 2, result.output
    assert "hooguit 4000 tekens" in result.output and "Traceback" not in result.output
    resp = site.test_client().post("/api/v1/match", json={"text": long_text})
    assert resp.status_code == 400 and "hooguit 4000 tekens" in resp.get_json()["error"]["message"]
    assert _count(site) == before  # refused before matching: nothing counted


def test_the_matcher_does_not_import_the_web_layer():
    offenders = []
    for path in sorted((ROOT / "match").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            offenders += [f"{path.name}: {n}" for n in names if n == "webapp" or n.startswith("webapp.")]
    assert offenders == []


def test_results_page_says_which_place_was_used_and_why(site):
    """The match `messages` reach the resident: an unknown place is said in Dutch, and which place was used."""
    web = site.test_client()
    token = csrf_from(web.get("/").text)
    page = web.post("/zoeken", data={"vraag": QUESTION, "plaats": "Atlantis", "csrf_token": token}).text
    assert (
        "De plaats &#39;Atlantis&#39; kennen we niet" in page or "De plaats 'Atlantis' kennen we niet" in page
    )
    page = web.post(
        "/zoeken", data={"vraag": QUESTION + " in Dinxperlo", "plaats": "Bredevoort", "csrf_token": token}
    )
    assert "U noemt Dinxperlo in uw vraag" in page.text
    assert "uit het veld woonplaats of postcode" in page.text.lower()  # said once: in the message (ADR 0109)


def test_openapi_documents_place_source_and_messages(site):
    doc = site.test_client().get("/api/openapi.json").get_json()
    props = doc["paths"]["/api/v1/match"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    props = props["properties"]
    assert {"place_source", "messages"} <= set(props)
