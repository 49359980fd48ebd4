"""The `kaart ingest <source>` and `kaart export hsds` commands: counts, --report, --dry-run, exit codes."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from webapp.cli import cli

FIX = Path(__file__).parent / "fixtures"


@pytest.fixture
def run(app):
    env = {
        "KAART_GRAPH_URI": app.config["GRAPH_URI"],
        "KAART_DATA_DIR": app.config["DATA_DIR"],
        "KAART_INDEX_DIR": app.config["INDEX_DIR"],
        "KAART_GEOCODER": "gazetteer",
    }

    def invoke(*args: str):
        return CliRunner().invoke(cli, [str(a) for a in args], env=env)

    return invoke


def counts(output: str) -> dict[str, int]:
    first = output.strip().splitlines()[0]
    return {k: int(v) for k, v in (p.split("=") for p in first.replace(" (dry-run)", "").split())}


def test_ingest_prints_counts_and_writes_a_row_level_report(run, tmp_path):
    result = run("init")
    assert result.exit_code == 0, result.output
    result = run(
        "ingest",
        "csv",
        FIX / "spreadsheet" / "unknown-theme.csv",
        "--report",
        tmp_path / "r.csv",
        "--no-index",
    )
    assert result.exit_code == 0, result.output
    c = counts(result.output)
    assert c["created"] == 2 and c["rejected"] == 0 and c["warnings"] == 2 and "proposals" in c
    with (tmp_path / "r.csv").open(encoding="utf-8") as fh:
        lines = [(r["row"], r["outcome"], r["reason"]) for r in csv.DictReader(fh)]
    assert ("2", "warning", "onbekend thema 'Klompendansen'") in lines  # the row in Excel (header = row 1)
    assert ("2", "created", "Service") in lines


def test_every_source_has_a_command(run, tmp_path):
    assert run("init").exit_code == 0
    assert run("ingest", "hsds", FIX / "hsds" / "valid", "--dry-run").exit_code == 0
    ok = [
        run("ingest", "csv", FIX / "spreadsheet" / "sociale-kaart.csv", "--no-index"),
        run("ingest", "lrk", FIX / "lrk" / "export_opendata_lrk.csv", "--gemeente", "Aalten", "--no-index"),
        run("ingest", "duo", FIX / "duo" / "vestigingen-bo.csv", "--gemeente", "Aalten", "--no-index"),
        run("ingest", "netwerken", FIX / "netwerken" / "netwerken.yaml", "--no-index"),
        run("ingest", "document", FIX / "document" / "beleidsnotitie.txt"),
        run("ingest", "hsds", FIX / "hsds" / "valid"),  # with the search index update
    ]
    # the lrk, duo and netwerken fixtures hold rejected rows on purpose: exit 1, the rest imported
    for result, code in zip(ok, (0, 1, 1, 1, 0, 0), strict=True):
        assert result.exit_code == code, result.output
    assert counts(ok[4].output)["proposals"] > 0
    usage_report = tmp_path / "usage.csv"
    missing = run("ingest", "lrk", FIX / "lrk" / "export_opendata_lrk.csv", "--report", usage_report)
    assert missing.exit_code == 2 and "--gemeente" in missing.output
    assert "geef --gemeente" in usage_report.read_text(encoding="utf-8")  # the report says why, too
    report = tmp_path / "r.json"
    result = run(
        "ingest", "xlsx", FIX / "spreadsheet" / "missing-columns.csv", "--report", report, "--no-index"
    )
    assert result.exit_code == 2 and "Niets geïmporteerd" in result.output and report.exists()
    assert "kolom 'naam' of 'organisatie' ontbreekt" in report.read_text(encoding="utf-8")


@pytest.mark.parametrize("dry_run", [False, True])
def test_exit_codes_a_cron_job_can_use(run, tmp_path, dry_run):
    """0 all imported, 1 some rows rejected (the rest imported), 2 the file refused (nothing written); the
    same with --dry-run."""
    assert run("init").exit_code == 0
    extra = ["--dry-run"] if dry_run else []
    clean = run("ingest", "csv", FIX / "spreadsheet" / "sociale-kaart.csv", "--no-index", *extra)
    assert clean.exit_code == 0, clean.output
    some_rows = run("ingest", "csv", FIX / "spreadsheet" / "duplicate-ids.csv", "--no-index", *extra)
    assert some_rows.exit_code == 1, some_rows.output
    assert counts(some_rows.output)["rejected"] == 1
    refused = run("ingest", "csv", FIX / "spreadsheet" / "missing-columns.csv", "--no-index", *extra)
    assert refused.exit_code == 2, refused.output
    assert "kolom 'naam' of 'organisatie' ontbreekt" in refused.output and "Traceback" not in refused.output
    lrk = run(
        "ingest", "lrk", FIX / "lrk" / "missing-columns.csv", "--gemeente", "Aalten", "--no-index", *extra
    )
    assert lrk.exit_code == 2, lrk.output
    every_row = run(
        "ingest",
        "lrk",
        FIX / "lrk" / "elke-aalten-rij-afgewezen.csv",
        "--gemeente",
        "Aalten",
        "--no-index",
        *extra,
    )
    # 0 imported and every row of the gemeente rejected: nothing written, so 2 (not 1, "the rest imported")
    assert every_row.exit_code == 2, every_row.output
    assert counts(every_row.output)["rejected"] == 2


def test_a_zip_is_to_be_unpacked_first(run):
    result = run("ingest", "xlsx", FIX / "encoding" / "zip-bestand-met-csv-erin.zip", "--dry-run")
    assert result.exit_code == 2 and "pak het zip-bestand eerst uit" in result.output, result.output
    assert "gebruik `kaart ingest xlsx`" not in result.output


def test_ingest_help_documents_the_exit_codes(run):
    text = run("ingest", "--help").output
    assert "Exitcodes" in text and "0  alles geïmporteerd" in text and "2  niets geschreven" in text


def test_export_hsds_command(run, tmp_path):
    assert run("init").exit_code == 0
    assert run("ingest", "hsds", FIX / "hsds" / "valid", "--no-index").exit_code == 0
    result = run("export", "hsds", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "services=1" in result.output and "problems=0" in result.output
    assert (tmp_path / "out" / "services.csv").exists() and (tmp_path / "out" / "datapackage.json").exists()
    # like the site's zip, the package says when it was made (ISO, UTC); a re-export differs only there
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    created = datetime.fromisoformat(package.pop("created").replace("Z", "+00:00"))
    assert created.utcoffset() == timedelta(0) and abs(datetime.now(UTC) - created) < timedelta(minutes=5)
    assert run("export", "hsds", tmp_path / "again").exit_code == 0
    again = json.loads((tmp_path / "again" / "datapackage.json").read_text(encoding="utf-8"))
    again.pop("created")
    assert again == package
    for table in (tmp_path / "out").glob("*.csv"):
        assert table.read_bytes() == (tmp_path / "again" / table.name).read_bytes(), table.name


def test_a_spreadsheet_passed_as_hsds_is_refused_in_dutch_and_nothing_is_written(run, tmp_path):
    assert run("init").exit_code == 0
    result = run("ingest", "hsds", FIX / "spreadsheet" / "sociale-kaart.csv")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "JSONDecodeError" not in result.output
    assert "geen HSDS" in result.output and "kaart ingest csv" in result.output
    assert "Niets geïmporteerd" in result.output
    broken = tmp_path / "kapot.json"
    broken.write_text('{"id": "svc-1", "name": ', encoding="utf-8")
    result = run("ingest", "hsds", broken)
    assert result.exit_code == 2 and "kapot.json is geen leesbare JSON" in result.output, result.output
    empty = tmp_path / "leeg"
    empty.mkdir()
    result = run("ingest", "hsds", empty)
    assert result.exit_code == 2 and "geen HSDS-bestanden gevonden" in result.output, result.output
    assert run("export", "hsds", tmp_path / "uit").exit_code in (0, 1)
    with (tmp_path / "uit" / "services.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 0  # nothing was written


def test_a_mistyped_gemeente_exits_2_and_names_the_gemeenten_in_the_file(run):
    assert run("init").exit_code == 0
    result = run(
        "ingest", "lrk", FIX / "lrk" / "export_opendata_lrk.csv", "--gemeente", "Aaltn", "--no-index"
    )
    assert result.exit_code == 2, result.output
    assert "Bedoelt u Aalten?" in result.output and "Niets geïmporteerd" in result.output


def test_a_zip_renamed_csv_exits_2_in_dutch(run):
    assert run("init").exit_code == 0
    result = run("ingest", "csv", FIX / "encoding" / "zip-hernoemd-naar.csv", "--no-index")
    assert result.exit_code == 2, result.output
    assert "geen tekstbestand" in result.output and "Traceback" not in result.output


def test_pdok_unreachable_is_one_line_in_the_summary(app, tmp_path):
    env = {
        "KAART_GRAPH_URI": app.config["GRAPH_URI"],
        "KAART_DATA_DIR": app.config["DATA_DIR"],
        "KAART_INDEX_DIR": app.config["INDEX_DIR"],
        "KAART_GEOCODER": "pdok",
        "KAART_GEOCODER_URL": "http://127.0.0.1:9/free",  # nothing listens on the discard port
        "KAART_GEOCODER_TIMEOUT": "2",
    }
    assert CliRunner().invoke(cli, ["init"], env=env).exit_code == 0
    result = CliRunner().invoke(
        cli, ["ingest", "csv", str(FIX / "spreadsheet" / "sociale-kaart.csv"), "--no-index"], env=env
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("PDOK Locatieserver niet bereikbaar") == 1
