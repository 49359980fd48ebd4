"""The matcher, as a user meets it: `kaart match --json`, POST /api/v1/match, safety, negation, places, ages."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

EVAL = Path(__file__).parent / "eval"


@pytest.fixture
def kaart_app(app):
    """The app with the evaluation data set imported and indexed."""
    from ingest.hsds import import_hsds
    from ingest.ontology_loader import load_ontology_into_graph
    from match.derive import derive_themes
    from match.index import rebuild_index
    from webapp.answer import get_matcher
    from webapp.db import get_store

    with app.app_context():
        store = get_store()
        from graph import ensure_schema

        ensure_schema(store)
        load_ontology_into_graph(store)
        import_hsds(store, EVAL / "dataset")
        matcher = get_matcher(app)
        derive_themes(store, matcher.analyzer)
        rebuild_index(store, Path(app.config["INDEX_DIR"]))
        matcher.refresh(force=True)
    return app


def _match(app, text, **kw):
    from webapp.answer import get_matcher

    with app.app_context():
        return get_matcher(app).match(text, **kw)


def test_cli_match_json_has_the_contract_shape(kaart_app):
    runner = kaart_app.test_cli_runner()
    from webapp.cli import cli

    # The CLI builds its own app from the environment: point it at the same graph and index.
    env = {
        "KAART_GRAPH_URI": kaart_app.config["GRAPH_URI"],
        "KAART_DATA_DIR": kaart_app.config["DATA_DIR"],
        "KAART_INDEX_DIR": kaart_app.config["INDEX_DIR"],
    }
    result = runner.invoke(
        cli, ["match", "ik kom niet rond, woon in Dinxperlo", "--limit", "5", "--json"], env=env
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"themes", "signals", "place", "results"}
    assert set(data["signals"]) == {"veiligheid", "crisis"}
    assert data["place"]["name"] == "Dinxperlo" and set(data["place"]) == {"name", "lat", "lon"}
    assert all(set(t) == {"id", "label", "text"} for t in data["themes"])
    assert 0 < len(data["results"]) <= 5
    for r in data["results"]:
        assert set(r) == {"service_id", "organization_id", "name", "niveau", "distance_km", "score", "why"}
        assert r["service_id"].startswith("svc-") and r["organization_id"].startswith("org-")


def test_api_match_returns_the_contract_and_no_store(kaart_app):
    client = kaart_app.test_client()
    resp = client.post("/api/v1/match", json={"text": "ik voel me zo alleen", "near": "Aalten", "limit": 3})
    assert resp.status_code == 200
    assert resp.headers["Cache-Control"] == "no-store"
    data = resp.json
    assert set(data) == {"themes", "signals", "place", "results"}
    assert len(data["results"]) == 3
    assert "eenzaamheid" in {t["id"] for t in data["themes"]}


def test_api_match_rejects_bad_input_and_get(kaart_app):
    client = kaart_app.test_client()
    assert client.post("/api/v1/match", json={}).status_code == 400
    assert client.post("/api/v1/match", json={"text": "x", "limit": "veel"}).status_code == 400
    assert client.get("/api/v1/match?text=schulden").status_code == 405


def test_danger_puts_crisis_services_first_with_a_notice(kaart_app):
    res = _match(kaart_app, "mijn man slaat me en ik ben bang")
    assert res.signals["veiligheid"] is True
    assert res.results[0]["niveau"] == "crisis"
    # Geweld thuis: Veilig Thuis (focused on it) before the generalist 112, which the notice names for direct danger.
    assert res.results[0]["service_id"] == "svc-veilig-thuis"
    assert "Veilig Thuis" in res.notice


def test_suicidal_text_raises_crisis(kaart_app):
    res = _match(kaart_app, "ik wil niet meer leven")
    assert res.signals["crisis"] is True
    assert res.results[0]["service_id"] in {"svc-hulplijn-113", "svc-crisisdienst-ggz"}
    assert "113" in res.notice


def test_negated_danger_raises_no_safety_signal(kaart_app):
    res = _match(kaart_app, "geen sprake van huiselijk geweld, wel grote schulden")
    assert res.signals == {"veiligheid": False, "crisis": False}
    assert "huiselijk-geweld" not in {t["id"] for t in res.themes}
    assert "schulden" in {t["id"] for t in res.themes}


def test_uncertain_danger_still_puts_safety_first_but_is_not_acute(kaart_app):
    res = _match(kaart_app, "mogelijk onveilige situatie thuis, vermoedelijk huiselijk geweld")
    assert res.signals["veiligheid"] is True and res.signals["crisis"] is False
    assert res.notice.startswith("Twijfelt u")


def test_place_in_text_and_near_override(kaart_app):
    res = _match(kaart_app, "hulp bij formulieren in Dinxperlo")
    assert res.place["name"] == "Dinxperlo"
    near = _match(kaart_app, "hulp bij formulieren in Dinxperlo", near="51.9253,6.5806")
    assert near.place["lat"] == pytest.approx(51.9253)
    assert near.results[0]["distance_km"] is not None


def test_age_cue_filters_services_outside_the_age(kaart_app):
    res = _match(kaart_app, "mijn zoon van 15 wordt gepest op school")
    from webapp.answer import get_matcher

    cands = get_matcher(kaart_app).candidates
    for r in res.results:
        c = cands[r["service_id"]]
        assert c.min_age is None or c.min_age <= 15
        assert c.max_age is None or c.max_age >= 15


def test_hulpvraag_leaves_no_trace(kaart_app, caplog, tmp_path):
    """A sentinel hulpvraag must not appear in logs, the graph, the index dir, the data dir or temp files."""
    sentinel = "zxqvsentinel"
    before = set(Path(tempfile.gettempdir()).iterdir())
    caplog.set_level("DEBUG")
    client = kaart_app.test_client()
    resp = client.post("/api/v1/match", json={"text": f"ik kom niet rond {sentinel} schulden"})
    assert resp.status_code == 200
    assert sentinel not in caplog.text
    from webapp.db import get_store

    with kaart_app.app_context():
        rows = get_store().read("MATCH (n) WITH n, [k IN keys(n) | toString(n[k])] AS vals RETURN vals")
    assert not any(sentinel in v for r in rows for v in r["vals"] if v)
    for root in (Path(kaart_app.config["DATA_DIR"]), Path(kaart_app.config["INDEX_DIR"])):
        for path in root.rglob("*"):
            if path.is_file():
                assert sentinel.encode() not in path.read_bytes(), path
    for path in set(Path(tempfile.gettempdir()).iterdir()) - before:
        if path.is_file() and os.access(path, os.R_OK):
            assert sentinel.encode() not in path.read_bytes(), path


@pytest.mark.slow
@pytest.mark.parametrize("split", ["heldout", None])
def test_eval_floors_from_the_brief(split):
    """hit@5 ≥ 0.90, MRR ≥ 0.75, every safety case in the top 3, no safety flag on negated text, better than BM25
    — on the held-out questions (not used for tuning) and on the whole set."""
    from ingest.demo import load_hsds_kaart
    from match.evaluate import evaluate

    result = evaluate(EVAL / "dataset", EVAL / "questions.yaml", load=load_hsds_kaart, split=split)
    ours, bm25 = result["matcher"], result["bm25"]
    assert ours["questions"] >= (30 if split == "heldout" else 60)
    assert ours["hit@5"] >= 0.90, result["failures"]
    assert ours["MRR"] >= 0.75, result["failures"]
    assert ours["safety@3"] == 1.0, result["failures"]
    assert ours["negation_errors"] == 0, result["failures"]
    assert ours["MRR"] > bm25["MRR"] + 0.1 and ours["hit@5"] > bm25["hit@5"]
    assert ours["lighter_first"] >= 0.8, result["failures"]


def _kaart_cli(app):
    """A CLI runner and the environment that points `kaart` at this app's graph, data and index."""
    env = {
        "KAART_GRAPH_URI": app.config["GRAPH_URI"],
        "KAART_DATA_DIR": app.config["DATA_DIR"],
        "KAART_INDEX_DIR": app.config["INDEX_DIR"],
    }
    return app.test_cli_runner(), env


def test_deleted_index_is_detected_and_the_app_keeps_answering_from_the_graph(kaart_app):
    """`kaart check` finds a missing index, matching still works from the graph, `kaart reindex` repairs."""
    import shutil

    from webapp.answer import get_matcher
    from webapp.cli import cli

    runner, env = _kaart_cli(kaart_app)
    assert runner.invoke(cli, ["check"], env=env).exit_code == 0
    shutil.rmtree(kaart_app.config["INDEX_DIR"])
    checked = runner.invoke(cli, ["check"], env=env)
    assert checked.exit_code == 1 and "index" in checked.output
    with kaart_app.app_context():
        matcher = get_matcher(kaart_app)
        matcher.refresh(force=True)
        res = matcher.match("ik kom niet rond")
    assert res.results and "schulden" in {t["id"] for t in res.themes}
    assert runner.invoke(cli, ["reindex"], env=env).exit_code == 0
    assert runner.invoke(cli, ["check"], env=env).exit_code == 0


def test_stale_index_is_detected_and_reindex_if_stale_repairs_it(kaart_app):
    """An edit after the build (here: a new description) makes `kaart check` fail with "veranderd";
    `kaart reindex --if-stale` rebuilds then, and does nothing while the index is current."""
    import dataclasses

    from graph.repositories import ServiceRepository
    from webapp.answer import get_matcher
    from webapp.cli import cli
    from webapp.db import get_store

    runner, env = _kaart_cli(kaart_app)
    assert runner.invoke(cli, ["check"], env=env).exit_code == 0
    skipped = runner.invoke(cli, ["reindex", "--if-stale"], env=env)
    assert skipped.exit_code == 0 and "actueel" in skipped.output

    with kaart_app.app_context():
        repo = ServiceRepository(get_store())
        svc = repo.get(sorted(repo.ids())[0])
        repo.upsert(
            [dataclasses.replace(svc, description=f"{svc.description or ''} Ook voor klussen in de tuin.")]
        )
    checked = runner.invoke(cli, ["check"], env=env)
    assert checked.exit_code == 1 and "1 diensten zijn veranderd" in checked.output, checked.output
    with kaart_app.app_context():  # meanwhile the matcher still answers
        assert get_matcher(kaart_app).match("ik kom niet rond").results

    rebuilt = runner.invoke(cli, ["reindex", "--if-stale"], env=env)
    assert rebuilt.exit_code == 0 and "indexed=" in rebuilt.output
    assert runner.invoke(cli, ["check"], env=env).exit_code == 0
