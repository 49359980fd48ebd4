"""The trained Dutch pipeline, used for real: its parse decides negation scope and who is in danger.

Each test runs the same text through the shipped UD pipeline (match/models/nl_kaart_ud_sm) and through the
blank-nl path: the trained path must get it right, and where the test says so, the blank path gets it wrong
(that is what the parse adds). The blank path itself must keep working.
"""

from __future__ import annotations

import pytest

from match import parse
from match.nlp import Analyzer

pytestmark = pytest.mark.skipif(
    not (parse.SHIPPED / "meta.json").is_file(), reason="no shipped pipeline: run `make nlp-model`"
)


def _analyzer(monkeypatch_value: str) -> Analyzer:
    from ontology import load_gazetteer, load_ontology

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KAART_NLP_MODEL", monkeypatch_value)
        return Analyzer(load_ontology(), load_gazetteer())


@pytest.fixture(scope="module")
def trained() -> Analyzer:
    return _analyzer(str(parse.SHIPPED))


@pytest.fixture(scope="module")
def blank() -> Analyzer:
    return _analyzer("blank")


def _themes(analyzer: Analyzer, text: str) -> set[str]:
    return set(analyzer.analyze(text).themes())


def test_pipeline_choice_trained_then_blank(trained, blank, monkeypatch):
    assert trained.parsed and "kaart_ud_sm" in trained.model and "parser" in trained.model
    assert not blank.parsed and blank.model == parse.BLANK
    monkeypatch.delenv("KAART_NLP_MODEL", raising=False)
    if not __import__("spacy").util.is_package("nl_core_news_sm"):
        assert parse.pipeline_choice() == parse.BLANK  # the shipped pipeline is opt-in (ADR 0050)
    monkeypatch.setenv("KAART_NLP_MODEL", "shipped")
    assert parse.pipeline_choice() == str(parse.SHIPPED)
    monkeypatch.setenv("KAART_NLP_MODEL", "/nonexistent/pipeline")
    nlp, name = parse.load_pipeline()  # a broken choice falls back to blank, it never crashes the matcher
    assert name == parse.BLANK and nlp.pipe_names == []


def test_negation_far_before_the_verb_is_found_by_the_parse(trained, blank):
    """ "nooit" three words after the theme, verb-final: out of the cue window, inside the parse scope."""
    text = "Mishandeling heb ik thuis nooit meegemaakt."
    assert "huiselijk-geweld" not in _themes(trained, text)
    assert "huiselijk-geweld" in _themes(blank, text)


def test_van_phrase_before_geen_sprake_is_negated_by_the_parse(trained, blank):
    text = "Van huiselijk geweld is in dit gezin geen sprake."
    assert "huiselijk-geweld" not in _themes(trained, text)
    assert "huiselijk-geweld" in _themes(blank, text)


def test_negation_does_not_reach_into_a_clause_below_it(trained, blank):
    """ "niet" belongs to "durf"; "dat hij slaat" is a clause of its own, so the danger stays."""
    text = "ik durf niet te zeggen dat hij slaat"
    assert "huiselijk-geweld" in _themes(trained, text)
    # without a parser too since safety20: not daring to tell it is a pseudo cue (negation.yaml, ADR 0166)
    assert "huiselijk-geweld" in _themes(blank, text)


@pytest.mark.parametrize(
    ("text", "theme", "expected"),
    [
        ("ik heb nooit gedacht dat ik schulden zou krijgen", "schulden", "affirmed"),  # blank: negated
        ("ik vertel het niet aan de politie dat hij me slaat", "huiselijk-geweld", "affirmed"),
        ("ik kan niet slapen omdat hij me slaat", "huiselijk-geweld", "affirmed"),
        ("ik weet niet hoe ik mijn schulden moet betalen", "schulden", "affirmed"),
        ("het is niet zo dat ik eenzaam ben", "eenzaamheid", "negated"),
        ("ik ben niet eenzaam", "eenzaamheid", "negated"),
        ("ik heb geen schulden of verslaving", "verslaving", "negated"),
        ("geen schulden, wel zorgen over mijn zoon", "schulden", "negated"),
        ("hij heeft me nog nooit geslagen", "huiselijk-geweld", "negated"),
        ("ik heb geen werk en grote schulden", "schulden", "affirmed"),
    ],
)
def test_negation_scope_on_the_trained_path(trained, text, theme, expected):
    hit = trained.analyze(text).themes(include_negated=True)[theme]
    assert ("negated" if hit.negated else "affirmed") == expected


@pytest.mark.parametrize(
    "text",
    [
        "geen sprake van huiselijk geweld",
        "hij slaat me niet",
        "Er is geen sprake van huiselijk geweld, wel van schulden.",
    ],
)
def test_plain_negations_stay_negated_on_the_trained_path(trained, text):
    analysis = trained.analyze(text)
    assert "huiselijk-geweld" not in analysis.themes()
    assert analysis.negated_spans, "the negated mention is exposed"


def test_not_sure_whether_is_uncertain_not_negated(trained):
    hit = trained.analyze("ik weet niet zeker of hij mij slaat").themes().get("huiselijk-geweld")
    assert hit is not None and hit.uncertain


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("ik snap de brieven van de belastingdienst niet", "administratie"),
        ("mn post is een chaos, ik snap de brieven van de belastingdienst niet", "administratie"),
        ("ik kan de rekeningen niet betalen", "schulden"),
        ("ik kan mijn huur niet meer betalen", "huurachterstand"),
    ],
)
def test_ability_verb_with_niet_states_the_problem(trained, text, theme):
    """Rule 8 of ontology/negation.yaml holds on the parse too: "kan ... niet betalen" is the need."""
    assert theme in _themes(trained, text)


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("hij slaat mij", "adult"),
        ("Mijn man slaat mij.", "adult"),
        ("ik word geslagen door mijn vriend", "adult"),
        ("hij slaat de kinderen", "child"),
        ("Mijn vriend heeft mijn broertje van 7 geslagen.", "child"),
        ("Hij heeft mijn zoon van 34 geslagen.", "adult"),
        ("mijn zoon slaat mij", "adult"),
        ("mijn man slaat me en de kinderen", "child"),
        ("mijn man slaat me, de kinderen zijn nu bij mijn moeder", "adult"),
        ("ik ben bang dat hij de kinderen iets aandoet", "child"),
        ("mijn dochter wordt door haar vriend mishandeld", "child"),
        ("de kinderen worden geslagen", "child"),
    ],
)
def test_who_is_in_danger_comes_from_the_parse(trained, blank, text, victim):
    assert trained.analyze(text).victim == victim
    assert blank.analyze(text).victim is None  # no parser, no opinion


def test_a_child_victim_raises_the_child_safety_theme(trained, blank):
    text = "Mijn vriend heeft mijn broertje van 7 geslagen."
    assert "kindermishandeling" in _themes(trained, text)
    # without a parser the signal rule `kind-signalen` (ontology/safety.yaml) reads the same: a child, beaten
    assert "kindermishandeling" in _themes(blank, text)
    assert "kindermishandeling" not in _themes(trained, "Mijn vriend heeft mij geslagen.")
    assert "kindermishandeling" not in _themes(blank, "Mijn vriend heeft mij geslagen.")


def test_blank_path_still_finds_themes_and_negation(blank):
    analysis = blank.analyze("geen sprake van huiselijk geweld, wel grote schulden")
    assert "schulden" in analysis.themes() and "huiselijk-geweld" not in analysis.themes()
    assert analysis.pipeline == parse.BLANK


def test_kaart_check_says_which_pipeline_runs(app):
    from webapp.cli import cli

    runner = app.test_cli_runner()
    env = {
        "KAART_GRAPH_URI": app.config["GRAPH_URI"],
        "KAART_DATA_DIR": app.config["DATA_DIR"],
        "KAART_INDEX_DIR": app.config["INDEX_DIR"],
        "KAART_NLP_MODEL": "shipped",
    }
    assert runner.invoke(cli, ["init"], env=env).exit_code == 0
    shipped = runner.invoke(cli, ["check"], env=env).output
    blank = runner.invoke(cli, ["check"], env={**env, "KAART_NLP_MODEL": "blank"}).output
    assert "nlp_pipeline=nl_kaart_ud_sm" in shipped and "CC BY-SA 4.0" in shipped, shipped
    assert "nlp_pipeline=blank nl" in blank and "geen parser" in blank, blank
    missing = runner.invoke(cli, ["check"], env={**env, "KAART_NLP_MODEL": "/nonexistent/pipeline"})
    assert missing.exit_code == 1 and "geen spaCy-pijplijn gevonden" in missing.output, missing.output


@pytest.fixture
def eval_app(app, monkeypatch):
    """The app on the evaluation data set, matching with the shipped, trained pipeline."""
    from pathlib import Path

    from graph import ensure_schema
    from ingest.hsds import import_hsds
    from ingest.ontology_loader import load_ontology_into_graph
    from match.index import rebuild_index
    from webapp.answer import get_matcher
    from webapp.db import get_store

    monkeypatch.setenv("KAART_NLP_MODEL", "shipped")
    with app.app_context():
        store = get_store()
        ensure_schema(store)
        load_ontology_into_graph(store)
        import_hsds(store, Path(__file__).parent / "eval" / "dataset")
        rebuild_index(store, Path(app.config["INDEX_DIR"]))
        get_matcher(app).refresh(force=True)
    return app


def test_api_answers_with_the_parse(eval_app):
    """Through POST /api/v1/match: a child victim names the child-safety theme with Veilig Thuis first; a
    negation three words away from the danger word raises no safety signal."""
    client = eval_app.test_client()
    child = client.post(
        "/api/v1/match", json={"text": "Mijn vriend heeft mijn broertje van 7 geslagen."}
    ).json
    assert {"huiselijk-geweld", "kindermishandeling"} <= {t["id"] for t in child["themes"]}
    assert child["signals"]["veiligheid"] and child["results"][0]["service_id"] == "svc-veilig-thuis"
    calm = client.post(
        "/api/v1/match",
        json={"text": "Mishandeling heb ik thuis nooit meegemaakt. Ik voel me wel heel alleen."},
    ).json
    assert calm["signals"] == {"veiligheid": False, "crisis": False}
    assert "eenzaamheid" in {t["id"] for t in calm["themes"]}
