"""Encoding and format detection (`ingest.sniff`), one place for every file-reading importer: UTF-8 with or
without BOM, UTF-16 LE/BE, Windows-1252; a stray cp1252 byte in a UTF-8 file is a warning on its row, never
mojibake; not-text and not-certain files are refused (exit 2) after reading only a sample."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest
from builders import report_lines

from graph.repositories import LocationRepository, ServiceRepository
from ingest.base import FileRejected, read_csv_table
from ingest.netwerken import import_netwerken
from ingest.registers import import_lrk
from ingest.spreadsheet import import_spreadsheet

FIX = Path(__file__).parent / "fixtures"
ENC = FIX / "encoding"


@pytest.mark.parametrize(
    "fixture",
    [
        "utf8-zonder-bom.csv",
        "utf8-met-bom.csv",
        "utf16-le-met-bom.csv",
        "utf16-be-met-bom.csv",
        "cp1252-heel-bestand.csv",
    ],
)
def test_every_common_encoding_reads_the_same_names(kaart, fixture):
    report = import_spreadsheet(kaart, ENC / fixture)
    assert report.summary()["rejected"] == 0, report_lines(report)
    assert not [i for i in report.issues if "teken" in i.reason]
    services = {s.name: s for s in map(ServiceRepository(kaart).get, ServiceRepository(kaart).ids())}
    assert set(services) == {"Crèche 't Proefje", "Naïeve vragen"}
    svc = services["Crèche 't Proefje"]
    assert svc.description == "Hulp bij formulieren, café en één loket"
    assert LocationRepository(kaart).get(svc.location_ids[0]).city == "IJzerlo"


def test_one_stray_cp1252_byte_does_not_flip_a_utf8_file(kaart):
    """Row 3 (as in Excel) has one Windows-1252 `é`; the UTF-8 rows around it stay UTF-8 (no "Ã¨"), the stray
    byte is read as the character it most likely is, and the report says so on row 3."""
    report = import_spreadsheet(kaart, ENC / "utf8-met-een-cp1252-byte-in-rij-3.csv")
    assert (
        "utf8-met-een-cp1252-byte-in-rij-3.csv",
        3,
        None,
        "warning",
        "teken 0xE9 is geen UTF-8; gelezen als 'é' (Windows-1252), controleer",
    ) in report_lines(report)
    names = {ServiceRepository(kaart).get(sid).name for sid in ServiceRepository(kaart).ids()}
    assert names == {"Crèche 't Proefje", "Café De Proef", "Naïeve vragen"}
    assert "Ã" not in " ".join(names)


def test_a_utf16_register_export_is_read_not_missing_columns(kaart, tmp_path):
    """UTF-16 used to give a misleading "kolom ontbreekt"."""
    text = (FIX / "lrk" / "export_opendata_lrk.csv").read_bytes().decode("cp1252")
    (tmp_path / "export_opendata_lrk.csv").write_bytes(text.encode("utf-16"))
    report = import_lrk(kaart, tmp_path / "export_opendata_lrk.csv", gemeente="Aalten")
    assert report.summary()["services_created"] == 3
    assert ServiceRepository(kaart).get("svc-lrk-100000001").name == "Crèche De Proeftuin"


@pytest.mark.parametrize(
    ("fixture", "says"),
    [
        ("zip-hernoemd-naar.csv", r"Excel-bestand \(\.xlsx\) met een andere naam"),
        ("pdf-hernoemd-naar.csv", "PDF"),
        ("cp1251-niet-zeker.csv", "niet met zekerheid vast te stellen"),
    ],
)
def test_not_text_or_not_certain_is_refused_in_dutch(kaart, fixture, says):
    with pytest.raises(FileRejected, match=says):
        import_spreadsheet(kaart, ENC / fixture)
    assert ServiceRepository(kaart).count() == 0


def test_netwerken_yaml_in_utf16_is_read(kaart, tmp_path):
    text = (FIX / "netwerken" / "netwerken.yaml").read_text(encoding="utf-8")
    (tmp_path / "netwerken.yaml").write_bytes(text.encode("utf-16"))
    report = import_netwerken(kaart, tmp_path / "netwerken.yaml")
    assert not [i for i in report.issues if i.row == 0], report_lines(report)


def test_only_the_first_hundred_bad_rows_are_detailed(tmp_path):
    from ingest.sniff import Problems

    rows = [f"Crèche {i};".encode() + "Café;Aalten\r\n".encode("cp1252") for i in range(250)]
    path = tmp_path / "veel.csv"
    path.write_bytes(b"Naam;Omschrijving;Plaats\r\n" + b"".join(rows))  # UTF-8 with a stray byte per row
    problems = Problems()
    read_csv_table(path, problems=problems)
    got = list(problems)
    assert len(got) == 101 and "nog 150 rijen" in got[-1][1]


def _junk(path: Path, size: int) -> None:
    with path.open("wb") as fh:
        for _ in range(size // (1024 * 1024)):
            fh.write(os.urandom(1024 * 1024))


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(_junk, id="random-bytes"),
        pytest.param(lambda p, n: p.write_bytes(b"a" * n), id="one-line-of-text-without-breaks"),
    ],
)
def test_a_50_mb_junk_file_is_refused_in_bounded_memory(tmp_path, make):
    """Decided on a 64 KB sample and streamed: rejecting 50 MB of junk must not read it into memory (it took
    600-870 MB before). Peak Python allocations while rejecting stay under 8 MB."""
    path = tmp_path / "junk.csv"
    make(path, 50 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(FileRejected):
            read_csv_table(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
