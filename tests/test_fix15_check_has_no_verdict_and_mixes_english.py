"""`kaart check` mixed Dutch and English and ended without a verdict (tester15, docs/usertest/m12test15.md; helper
fix15, ADR 0153).

The key=value lines stay as they were (tools and tests read them); after them come Dutch lines at B1 level and one
last line: "Alles in orde." or "Let op: N problemen gevonden — what to do", with exit code 1 when there are problems.
"""

from __future__ import annotations

import re

import pytest

from webapp.check_text import CheckFacts, human_lines, verdict

BLANK_SUMMARY = "blank nl + simplemma (geen parser: ontkenning via signaalwoorden)"
MODELS = (("themes", True), ("safety", True), ("writer", True))
# English words a coördinator should not have to read in the Dutch lines
ENGLISH = re.compile(
    r"\b(parser|pipeline|matcher|blank|index(?!\b)|models?|check|missing|current|ok)\b", re.I
)


def _facts(**kw) -> CheckFacts:
    base = {"graph": 63, "indexed": 63, "pipeline": BLANK_SUMMARY, "blank": True, "models": MODELS}
    return CheckFacts(**{**base, **kw})


def _plain(lines: list[str]) -> list[str]:
    """The lines a person reads, without what stands between backticks (a command to type) and the problem lines."""
    return [re.sub(r"`[^`]*`", "", line) for line in lines if not line.startswith("  - ")]


def test_all_well_says_so_in_one_line() -> None:
    assert verdict(_facts()) == "Alles in orde."


@pytest.mark.parametrize(
    ("facts", "start", "todo"),
    [
        (
            _facts(index=("geen zoekindex in /x; draai `kaart reindex`",)),
            "Let op: 1 probleem gevonden — ",
            "reindex",
        ),
        (
            _facts(
                index=(
                    "2 diensten staan niet in de index (bv. a, b); draai `kaart reindex`",
                    "1 diensten zijn veranderd",
                )
            ),
            "Let op: 2 problemen gevonden — ",
            "reindex",
        ),
        (
            _facts(nlp=("KAART_NLP_MODEL=/x: geen spaCy-pijplijn gevonden",)),
            "Let op: 1 probleem gevonden — ",
            "KAART_NLP_MODEL",
        ),
        (_facts(ontology=("theme x: unknown parent y",)), "Let op: 1 probleem gevonden — ", "ontologie"),
        (
            _facts(ontology=("a",), index=("b",), nlp=("c",)),
            "Let op: 3 problemen gevonden — ",
            "reindex",
        ),
        (_facts(extra=("iets anders",)), "Let op: 1 probleem gevonden — ", "hierboven"),
    ],
)
def test_problems_end_in_one_verdict_that_says_what_to_do(facts: CheckFacts, start: str, todo: str) -> None:
    line = verdict(facts)
    assert line.startswith(start) and todo in line and line.endswith(".")
    assert "\n" not in line


@pytest.mark.parametrize(
    "facts",
    [
        _facts(),
        _facts(blank=False, pipeline="nl_kaart_ud_sm 1.0 (meegeleverd; CC BY-SA 4.0)"),
        _facts(nlp=("KAART_NLP_MODEL=/x: geen spaCy-pijplijn gevonden",), pipeline="/x (niet gevonden)"),
        _facts(models=(("themes", False), ("safety", True), ("writer", False))),
        _facts(
            graph=10,
            indexed=8,
            index=("2 diensten staan niet in de index (bv. a, b); draai `kaart reindex`",),
        ),
    ],
)
def test_the_lines_for_a_person_are_dutch(facts: CheckFacts) -> None:
    lines = human_lines(facts)
    assert lines and not any("=" in line for line in _plain(lines))  # no key=value among the Dutch lines
    english = [line for line in _plain(lines) if ENGLISH.search(line)]
    assert not english, english


def test_missing_word_models_are_named_in_dutch_and_are_no_problem() -> None:
    facts = _facts(models=(("themes", False), ("safety", True), ("writer", True)))
    line = next(line for line in human_lines(facts) if line.startswith("Woordmodellen"))
    assert "1 van de 3" in line and "thema's" in line and "kaart models" in line
    assert verdict(facts) == "Alles in orde."


def test_the_blank_pipeline_is_explained_without_jargon() -> None:
    line = next(line for line in human_lines(_facts()) if line.startswith("Taal"))
    assert "woord voor woord" in line and "parser" not in line


def test_kaart_check_keeps_its_key_value_lines_and_ends_with_the_verdict(app) -> None:
    from webapp.cli import cli

    runner = app.test_cli_runner()
    env = {
        "KAART_GRAPH_URI": app.config["GRAPH_URI"],
        "KAART_DATA_DIR": app.config["DATA_DIR"],
        "KAART_INDEX_DIR": app.config["INDEX_DIR"],
        "KAART_NLP_MODEL": "blank",
    }
    assert runner.invoke(cli, ["init"], env=env).exit_code == 0
    assert runner.invoke(cli, ["reindex"], env=env).exit_code == 0
    done = runner.invoke(cli, ["check"], env=env)
    lines = done.output.strip().splitlines()
    assert done.exit_code == 0, done.output
    # an empty kaart says so first (not a problem); then the key=value lines, as before
    at = next(i for i, line in enumerate(lines) if line.startswith("services_graph="))
    lines = lines[at:]
    assert re.match(r"services_graph=\d+ services_index=\d+ problems=0$", lines[0]), lines
    assert lines[1].startswith("nlp_pipeline=blank nl") and "geen parser" in lines[1]
    assert any(line.startswith("word_model_themes=") for line in lines)
    assert lines[-1] == "Alles in orde."

    missing = runner.invoke(cli, ["check"], env={**env, "KAART_NLP_MODEL": "/nonexistent/pipeline"})
    last = missing.output.strip().splitlines()[-1]
    assert missing.exit_code == 1
    assert last.startswith("Let op: 1 probleem gevonden — ") and "KAART_NLP_MODEL" in last, missing.output
    assert "problems=1" in missing.output
