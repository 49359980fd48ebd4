"""Importers pass the input boundary (ingest/screen.py, issue 15): a `javascript:` web address, an e-mail
address with `?cc=` or a NUL byte is rejected with its row number and reason, the other rows still import."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from graph.repositories import OrganisationRepository, ServiceRepository
from ingest.spreadsheet import import_spreadsheet

HEADER = "Organisatie,Naam,Omschrijving,E-mail,Website,Thema's\n"


def _sheet(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "sheet.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_javascript_website_and_cc_email_rows_are_rejected_with_row_and_reason(kaart, tmp_path):
    path = _sheet(
        tmp_path,
        [
            "Goed Werk,Hulp,Hulp bij post.,info@goedwerk.example,https://goedwerk.example,Administratie",
            "Kwaad Werk,Link,Klik hier.,info@kwaad.example,javascript:alert(document.cookie),Administratie",
            "Cc Werk,Mail,Mail ons.,x@y.nl?cc=a@b.c,https://cc.example,Administratie",
            "Nul Werk,Nul,Een\x00nul,info@nul.example,https://nul.example,Administratie",
        ],
    )
    report = import_spreadsheet(kaart, path)
    rejected = {(i.row, i.reason) for i in report.lines() if i.outcome == "rejected"}
    rows = {row for row, _ in rejected}
    assert rows == {3, 4, 5}, rejected  # rows as in Excel: the header is row 1
    reasons = " | ".join(reason for _, reason in sorted(rejected))
    assert "website is geen webadres" in reasons and "alleen http:// en https://" in reasons
    assert "email is geen geldig e-mailadres" in reasons
    assert "stuurteken" in reasons
    assert "javascript" not in reasons and "alert" not in reasons  # the reason names the field, not the value
    # the organisation of the NUL row is fine (the NUL was in the service's description): it stays
    assert {o.name for o in OrganisationRepository(kaart).all()} == {"Goed Werk", "Nul Werk"}
    assert [s.name for s in ServiceRepository(kaart).all()] == ["Hulp"]


def test_kaart_ingest_csv_reports_the_javascript_row(tmp_path, falkor_server):
    import uuid

    from webapp.cli import cli

    path = _sheet(
        tmp_path,
        [
            "Goed Werk,Hulp,Hulp bij post.,info@goedwerk.example,https://goedwerk.example,Administratie",
            "Kwaad Werk,Link,Klik hier.,,JAVASCRIPT:alert(1),Administratie",
        ],
    )
    env = {
        "KAART_GRAPH_URI": f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}",
        "KAART_DATA_DIR": str(tmp_path / "data"),
    }
    report = tmp_path / "report.csv"
    result = CliRunner().invoke(cli, ["ingest", "csv", str(path), "--report", str(report)], env=env)
    assert result.exit_code in (0, 1), result.output
    text = report.read_text(encoding="utf-8")
    assert "sheet.csv,3," in text and "website is geen webadres" in text, text


def test_dry_run_reports_the_same_rejections_and_counts(kaart, tmp_path):
    path = _sheet(
        tmp_path,
        [
            "Goed Werk,Hulp,Hulp bij post.,info@goedwerk.example,https://goedwerk.example,Administratie",
            "Kwaad Werk,Link,Klik hier.,info@kwaad.example,javascript:alert(1),Administratie",
        ],
    )
    report = import_spreadsheet(kaart, path, dry_run=True)
    assert {i.row for i in report.lines() if i.outcome == "rejected"} == {3}  # its organisation and service
    assert report.counts["organisations"] == 1 and report.counts["services"] == 1


def test_a_line_break_in_a_name_is_rejected_like_the_beheer_form_does(kaart, tmp_path):
    """A name is one line: "Yunio\\nBcc: …" from a spreadsheet would reach mail subjects and CSV cells."""
    path = _sheet(
        tmp_path,
        [
            "Goed Werk,Hulp,Hulp bij post.,,https://goedwerk.example,Administratie",
            '"Yunio\nBcc: victim@evil.example",Mail,"Twee regels\nmogen hier.",,https://y.example,Administratie',
        ],
    )
    report = import_spreadsheet(kaart, path)
    rejected = [(i.row, i.reason) for i in report.lines() if i.outcome == "rejected"]
    assert any("name bevat een stuurteken" in r for _, r in rejected), rejected
    assert not any(r.startswith("description") for _, r in rejected), rejected  # free text may have lines
    assert {o.name for o in OrganisationRepository(kaart).all()} == {"Goed Werk"}
