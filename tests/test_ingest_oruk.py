"""Open Referral UK JSON as feeds publish it: the API page (`content`, `totalElements`, …) and the flat array,
with ORUK's own names (regular_schedules, holiday_schedules, eligibilitys, service_taxonomys,
physical_addresses); broken input is refused with a Dutch reason and exit 2, never a traceback."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.hsds_store import HsdsStore
from graph.repositories import LocationRepository, OrganisationRepository, ServiceRepository
from ingest.base import FileRejected
from ingest.hsds import NotHsds, import_hsds
from webapp.cli import cli

ORUK = Path(__file__).parent / "fixtures" / "oruk"
PAGE = ORUK / "services-api-page-content-totalelements.json"
FLAT = ORUK / "services-flat-array.json"
PAGE_2_OF_3 = ORUK / "services-api-page-2-of-3.json"
HSDS = Path(__file__).parent / "fixtures" / "hsds"
SCHULD = "5b0b1f4e-8c1a-4d8e-9a51-000000000001"
TAAL = "5b0b1f4e-8c1a-4d8e-9a51-000000000002"


def test_api_page_imports_its_content(kaart):
    report = import_hsds(kaart, PAGE)
    assert report.summary()["rejected"] == 0
    repo = ServiceRepository(kaart)
    svc = repo.get(SCHULD)
    assert svc.name == "Schuldhulp Proef" and svc.organization_id == "0a0a0a0a-0000-4000-8000-000000000001"
    assert OrganisationRepository(kaart).get(svc.organization_id).website == "https://proef.example"
    assert repo.get(TAAL).status == "active"  # "Active" read as the HSDS value


def test_flat_array_and_page_give_the_same_kaart(kaart):
    import_hsds(kaart, FLAT)
    before = ServiceRepository(kaart).get(SCHULD)
    report = import_hsds(kaart, PAGE)
    counts = report.summary()
    assert counts["created"] == 0 and counts["updated"] == 0 and counts["unchanged"] >= 3  # 2 services, 1 org
    assert ServiceRepository(kaart).get(SCHULD) == before


def test_oruk_fields_are_read_as_hsds(kaart):
    report = import_hsds(kaart, PAGE)
    svc = ServiceRepository(kaart).get(SCHULD)
    # eligibilitys -> ages and the eligibility text; the widest range when there are several
    assert (svc.minimum_age, svc.eligibility_description) == (18, "Inwoners van Aalten")
    taal = ServiceRepository(kaart).get(TAAL)
    assert (taal.minimum_age, taal.maximum_age) == (16, 99)
    # service_at_locations -> location with its physical_addresses
    loc = LocationRepository(kaart).get("a6a6a6a6-0000-4000-8000-000000000001")
    assert (loc.address_1, loc.postal_code, loc.city, loc.kern) == (
        "Proefstraat 1",
        "7121 ZZ",
        "Aalten",
        "kern-aalten",
    )
    assert svc.location_ids == (loc.id,)
    # regular_schedules -> opening hours; holiday_schedules (closed) -> a closure
    kinds = {s.id: s for s in svc.schedules}
    assert kinds["a3a3a3a3-0000-4000-8000-000000000001"].byday == "TU,TH"
    closed = kinds["a1a1a1a1-0000-4000-8000-000000000001"]
    assert (closed.kind, closed.valid_from, closed.valid_to) == ("gesloten", "2025-12-24", "2026-01-02")
    # contacts[].phones -> the service's phone (ORUK has no other place for it)
    from graph.repositories import PhoneRepository

    assert [p.number for p in PhoneRepository(kaart).for_services([SCHULD])[SCHULD]] == ["0543-000001"]
    # HTML description as text
    assert svc.description == "Hulp bij schulden en post.\n• Gratis\n• Zonder verwijzing"
    # what has no place in HSDS 3.0 is named once, not silently lost
    dropped = [i.reason for i in report.issues if "niet bewaard" in i.reason]
    assert len(dropped) == 1 and "attending_type" in dropped[0] and "deliverable_type" in dropped[0]


def test_terms_of_other_taxonomies_are_kept_on_the_service_and_exported(kaart, tmp_path):
    """ORUK service_taxonomys (BCC, Open Eligibility, a gemeente's own list) stay terms of their own taxonomy:
    not dropped, not read as our thema (the gemeente's code `schulden` is not our thema `schulden`)."""
    from ingest.hsds_export import export_hsds

    import_hsds(kaart, HSDS / "valid")  # our thema `schulden` on svc-a
    import_hsds(kaart, PAGE)
    svc = ServiceRepository(kaart).get(SCHULD)
    assert svc.themes == () and ServiceRepository(kaart).get("svc-a").themes == ("schulden",)
    terms = {r["id"]: r for r in HsdsStore(kaart).term_rows()}
    taxonomies = {r["id"]: r["name"] for r in HsdsStore(kaart).taxonomy_rows()}
    assert taxonomies[terms["oe:1101"]["taxonomy_id"]] == "Open Eligibility"
    assert terms["schulden"]["name"] == "Schulden (lijst van de gemeente)"
    result = export_hsds(kaart, tmp_path / "e")
    assert result.problems == []
    files = {}
    for table in ("services", "attributes", "taxonomy_terms", "taxonomies"):  # by name: ids may be UUIDs
        with (tmp_path / "e" / f"{table}.csv").open(encoding="utf-8") as fh:
            files[table] = list(csv.DictReader(fh))
    service = next(r["id"] for r in files["services"] if r["name"] == "Schuldhulp Proef")
    taxonomy = {r["id"]: r["name"] for r in files["taxonomies"]}
    term = {r["id"]: (taxonomy.get(r["taxonomy_id"]), r["name"]) for r in files["taxonomy_terms"]}
    linked = {term.get(r["taxonomy_term_id"]) for r in files["attributes"] if r["link_id"] == service}
    assert {
        ("BCC Activity Types", "Debt advice"),
        ("Open Eligibility", "Money Management"),
        ("Gemeente Proef", "Schulden (lijst van de gemeente)"),
    } <= linked


def test_one_page_of_several_is_read_and_the_report_says_so(kaart):
    report = import_hsds(kaart, PAGE_2_OF_3)
    assert ServiceRepository(kaart).get(TAAL) is not None
    assert any("pagina 2 van 3" in i.reason for i in report.issues)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("leeg.json", b"", "is leeg"),
        ("afgebroken.json", b'{"content": [{"id": "s1", "name": "Dien', "houdt halverwege op"),
        ("html.json", b"<html><body>502 Bad Gateway</body></html>", "geen leesbare JSON"),
        ("plaatje.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "geen leesbare JSON"),
        ("tekst.json", b'"hallo"', "geen HSDS-records"),
        ("leeg-pagina.json", b'{"totalElements": 0, "content": []}', "geen HSDS-records"),
        ("pakket.zip", b"PK\x03\x04rest", "zip-bestand"),
    ],
)
def test_broken_files_are_refused_with_a_reason(kaart, tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileRejected) as exc:
        import_hsds(kaart, path)
    assert reason in str(exc.value) and isinstance(exc.value, NotHsds)
    assert ServiceRepository(kaart).ids() == []


@pytest.mark.parametrize(
    "encode",
    [lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"), lambda text: text.encode("utf-16")],
    ids=["utf8-bom", "utf16"],
)
def test_json_with_a_bom_or_in_utf16_is_read(kaart, tmp_path, encode):
    path = tmp_path / "feed.json"
    path.write_bytes(encode(FLAT.read_text(encoding="utf-8")))
    import_hsds(kaart, path)
    assert ServiceRepository(kaart).get(SCHULD).name == "Schuldhulp Proef"


def test_lone_services_csv_is_refused_unless_its_organisations_are_known(kaart, tmp_path):
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / "services.csv").write_bytes((HSDS / "valid" / "services.csv").read_bytes())
    with pytest.raises(FileRejected, match="organizations.csv ontbreekt"):
        import_hsds(kaart, lone)
    import_hsds(kaart, HSDS / "valid")  # org-a now in the kaart: services.csv alone updates its services
    assert import_hsds(kaart, lone).summary()["rejected"] == 0


@pytest.fixture
def run(app):
    env = {
        "KAART_GRAPH_URI": app.config["GRAPH_URI"],
        "KAART_DATA_DIR": app.config["DATA_DIR"],
        "KAART_INDEX_DIR": app.config["INDEX_DIR"],
        "KAART_GEOCODER": "gazetteer",
    }
    return lambda *args: CliRunner().invoke(cli, [str(a) for a in args], env=env)


@pytest.mark.parametrize(
    "make",
    [
        lambda p: (p / "feed.json").write_bytes(b'[{"id": "s1", "name": "X", "organ'),
        lambda p: (p / "feed.json").write_text("niet json", encoding="utf-8"),
        lambda p: (p / "feed.json").write_bytes(b""),
        lambda p: (p / "services.csv").write_bytes((HSDS / "valid" / "services.csv").read_bytes()),
        lambda p: (p / "notities.txt").write_text("geen tabellen", encoding="utf-8"),
        lambda p: (p / "pakket.zip").write_bytes(b"PK\x03\x04rest"),
    ],
    ids=["truncated-json", "non-json", "empty-file", "lone-services-csv", "no-hsds-tables", "zip"],
)
def test_cli_refuses_broken_input_with_exit_2_and_no_traceback(run, tmp_path, make):
    make(tmp_path)
    files = list(tmp_path.iterdir())
    target = files[0] if files[0].suffix in {".json", ".zip"} else tmp_path
    result = run("ingest", "hsds", target)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Niets geïmporteerd" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_cli_imports_the_api_page_with_exit_0(run):
    result = run("ingest", "hsds", PAGE, "--no-index")
    assert result.exit_code == 0, result.output
    counts = dict(kv.split("=") for kv in result.output.split("\n")[0].split() if "=" in kv)
    assert counts["services"] == "2" and counts["rejected"] == "0"


def test_page_fixture_has_the_oruk_api_shape():
    doc = json.loads(PAGE.read_text(encoding="utf-8"))
    assert {"totalElements", "totalPages", "number", "size", "first", "last", "content"} <= set(doc)


def test_hsds_taxonomy_page_is_a_taxonomy_not_an_organisation(kaart):
    """`/taxonomies` of an HSDS 3.0 API ({id, name, description, uri, version}) was read as an organisation."""
    from shared_data import need_shared

    report = import_hsds(kaart, need_shared("hsds-3.0", "examples", "taxonomy_list.json"))
    assert OrganisationRepository(kaart).ids() == []
    assert "5c4d79d7-cc55-470e-9f1f-8cad074e4892" in {r["id"] for r in HsdsStore(kaart).taxonomy_rows()}
    assert any("pagina 1 van 10" in i.reason for i in report.issues)


def test_ages_written_as_text_are_read_with_a_warning_not_dropped(kaart):
    """Issue 17: ORUK `eligibilitys[].minimum_age: "16 jaar"` was stored empty without a word; the HSDS CSV
    path read "18 jaar" as 18 with a warning. Both now use the same reader; "6 maanden" is 0 (whole years)."""
    report = import_hsds(kaart, ORUK / "leeftijden-als-tekst-16-jaar-en-6-maanden.json")
    repo = ServiceRepository(kaart)
    assert repo.get(SCHULD).minimum_age == 16
    taal = repo.get(TAAL)
    assert (taal.minimum_age, taal.maximum_age) == (0, 4)
    warnings = [i.reason for i in report.issues if i.outcome == "warning"]
    assert any("'16 jaar' gelezen als 16" in w for w in warnings), warnings
    assert any("'6 maanden' gelezen als 0 jaar" in w for w in warnings), warnings
