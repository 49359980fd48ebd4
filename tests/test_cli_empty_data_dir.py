"""`kaart` in a new (missing) or empty data dir: every command says what to do (`kaart init`, `kaart demo`)
instead of ending in a Python traceback."""

from __future__ import annotations

import uuid

import pytest
from click.testing import CliRunner

from webapp.cli import cli


@pytest.fixture
def new_data_dir(falkor_server, tmp_path):
    """A data dir that does not exist yet, on a graph nobody has touched."""
    env = {
        "KAART_DATA_DIR": str(tmp_path / "bestaat-nog-niet"),
        "KAART_GRAPH_URI": f"falkordb://{falkor_server.data_dir}?graph=leeg_{uuid.uuid4().hex[:10]}",
    }

    def run(*args: str):
        return CliRunner().invoke(cli, [str(a) for a in args], env=env)

    return run


def _says_what_to_do(result, *commands: str) -> None:
    text = result.output + (result.stderr if hasattr(result, "stderr") else "")
    assert result.exit_code == 1, text
    assert isinstance(result.exception, SystemExit) or result.exception is None, repr(result.exception)
    assert "Traceback" not in text
    for command in commands:
        assert command in text, text


@pytest.mark.parametrize(
    "args",
    [("match", "ik heb schulden"), ("match", "ik heb schulden", "--json"), ("check",), ("reindex",)],
)
def test_commands_in_a_missing_data_dir_say_run_init_and_demo(new_data_dir, args):
    _says_what_to_do(new_data_dir(*args), "kaart init", "kaart demo")


def test_export_in_a_missing_data_dir_says_run_init(new_data_dir, tmp_path):
    _says_what_to_do(new_data_dir("export", "hsds", tmp_path / "uit"), "kaart init")


def test_match_on_an_initialised_but_empty_kaart_says_load_the_demo(new_data_dir):
    assert new_data_dir("init").exit_code == 0
    result = new_data_dir("match", "ik heb schulden", "--json")
    _says_what_to_do(result, "kaart demo", "kaart ingest")
    assert "nog leeg" in result.output
    # an empty kaart is not an error for check: it says so and keeps its output
    checked = new_data_dir("check")
    assert "kaart demo" in checked.output and "Traceback" not in checked.output


def test_match_without_a_search_index_builds_it(new_data_dir):
    from pathlib import Path

    sheet = Path(__file__).parent / "fixtures" / "spreadsheet" / "sociale-kaart.csv"
    assert new_data_dir("init").exit_code == 0
    assert new_data_dir("ingest", "csv", sheet, "--no-index").exit_code in (0, 1)
    result = new_data_dir("match", "ik heb schulden", "--json")
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert '"results"' in result.output
