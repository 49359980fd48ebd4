"""HSDS import: ids preserved, idempotent, bad rows reported with row number and reason, never half-written."""

from __future__ import annotations

from pathlib import Path

from shared_data import need_shared, shared

from graph.repositories import LocationRepository, OrganisationRepository, ServiceRepository
from ingest.hsds import import_hsds

FIXTURES = Path(__file__).parent / "fixtures" / "hsds"
DEMO = Path(__file__).resolve().parents[1] / "ingest" / "demo" / "aalten"


def _lines(report):
    return [(i.file, i.row, i.record_id, i.outcome, i.reason) for i in report.issues]


def test_valid_package_imports_with_ids_and_taxonomy(kaart):
    report = import_hsds(kaart, FIXTURES / "valid")
    assert report.summary()["rejected"] == 0
    svc = ServiceRepository(kaart).get("svc-a")
    assert svc.organization_id == "org-a"
    assert svc.themes == ("schulden",)
    assert svc.niveau == "vrij-toegankelijk"
    assert svc.minimum_age == 18
    assert svc.assured_date == "2026-10-01"
    loc = LocationRepository(kaart).get("loc-a")
    assert loc.postal_code == "7121 AB" and loc.city == "Aalten" and loc.kern == "kern-aalten"
    meta = ServiceRepository(kaart).meta("svc-a")
    assert meta["source"] == "hsds:valid" and meta["imported_at"]


def test_reimport_is_idempotent(kaart):
    first = import_hsds(kaart, FIXTURES / "valid").summary()
    second = import_hsds(kaart, FIXTURES / "valid").summary()
    assert first["created"] == 3 and first["updated"] == 0
    assert second["created"] == 0 and second["updated"] == 0 and second["unchanged"] == 3


def test_missing_name_is_rejected_with_row_number(kaart):
    report = import_hsds(kaart, FIXTURES / "missing-name")
    assert ("services.csv", 2, "svc-b", "rejected", "naam ontbreekt") in _lines(report)
    assert ServiceRepository(kaart).get("svc-b") is None
    assert ServiceRepository(kaart).get("svc-a") is not None  # the good row still lands


def test_duplicate_ids_keep_the_first_and_report_the_second(kaart):
    report = import_hsds(kaart, FIXTURES / "duplicate-ids")
    assert ("services.csv", 2, "svc-a", "rejected", "dubbel id") in _lines(report)
    assert ServiceRepository(kaart).get("svc-a").name == "Formulierenhulp"


def test_bad_postcode_is_dropped_and_reported(kaart):
    report = import_hsds(kaart, FIXTURES / "bad-postcode")
    assert any(i.reason.startswith("ongeldige postcode") for i in report.issues)
    assert LocationRepository(kaart).get("loc-a").postal_code is None


def test_unknown_theme_is_reported_not_linked(kaart):
    report = import_hsds(kaart, FIXTURES / "unknown-theme")
    assert ("services.csv", 1, "svc-a", "warning", "onbekend thema 'bestaat-niet'") in _lines(report)
    assert ServiceRepository(kaart).get("svc-a").themes == ("schulden",)


def test_service_of_unknown_organisation_is_rejected(kaart):
    report = import_hsds(kaart, FIXTURES / "unknown-organisation")
    assert ("services.csv", 2, "svc-c", "rejected", "organisatie 'org-bestaat-niet' bestaat niet") in _lines(
        report
    )


def test_semicolon_separated_cp1252_files_are_read(kaart):
    import_hsds(kaart, FIXTURES / "semicolon-cp1252")
    assert OrganisationRepository(kaart).get("org-a").name == "Stichting Welzijn Aaltén"


def test_dry_run_writes_nothing(kaart):
    report = import_hsds(kaart, FIXTURES / "valid", dry_run=True)
    assert report.counts["services"] == 1
    assert ServiceRepository(kaart).count() == 0


def test_official_hsds_example_datapackage_imports(kaart):
    need_shared("hsds-3.0", "examples", "csv")
    report = import_hsds(kaart, shared("hsds-3.0", "examples") / "csv")
    assert (
        ServiceRepository(kaart).get("ac148810-d857-441c-9679-408f346de14b").name == "Community Counselling"
    )
    assert OrganisationRepository(kaart).count() >= 1
    assert report.summary()["created"] >= 3


def test_hsds_json_service_full_imports(kaart):
    need_shared("hsds-3.0", "examples", "service_full.json")
    import_hsds(kaart, shared("hsds-3.0", "examples") / "service_full.json")
    svc = ServiceRepository(kaart).get("ac148810-d857-441c-9679-408f346de14b")
    assert svc is not None and svc.organization_id


def test_demo_dataset_imports_cleanly(kaart):
    from ingest.demo import load_demo

    counts = load_demo(kaart)
    assert counts["rejected"] == 0
    assert ServiceRepository(kaart).count() >= 50
    assert counts["netwerken"]["created"] >= 4
    again = load_demo(kaart)
    assert again["created"] == 0 and again["updated"] == 0


def test_missing_columns_reject_the_file_and_unknown_columns_are_reported(kaart):
    report = import_hsds(kaart, FIXTURES / "missing-columns")
    lines = _lines(report)
    assert ("services.csv", 0, None, "rejected", "kolom 'name' ontbreekt; bestand overgeslagen") in lines
    assert ("locations.csv", 0, None, "warning", "kolommen niet in HSDS, niet bewaard: kleur") in lines
    assert ServiceRepository(kaart).count() == 0
    assert LocationRepository(kaart).get("loc-a").name == "Buurthuis"
    # the service's children have no service to belong to: kept for export, reported
    assert (
        "service_at_location.csv",
        1,
        "sal-a",
        "warning",
        "hoort bij geen record in het pakket; bewaard voor export",
    ) in lines


def test_bad_postcode_line_names_the_address_row(kaart):
    report = import_hsds(kaart, FIXTURES / "bad-postcode")
    (line,) = [x for x in _lines(report) if x[4].startswith("ongeldige postcode")]
    assert line[:4] == ("addresses.csv", 1, "addr-a", "warning") and line[4].endswith("; weggelaten")


def test_unchanged_records_are_not_rewritten(kaart):
    import_hsds(kaart, FIXTURES / "valid")
    version = ServiceRepository(kaart).meta("svc-a")["version"]
    stamp = ServiceRepository(kaart).meta("svc-a")["imported_at"]
    report = import_hsds(kaart, FIXTURES / "valid")
    assert report.summary()["unchanged"] == 3
    meta = ServiceRepository(kaart).meta("svc-a")
    assert (meta["version"], meta["imported_at"]) == (version, stamp)
    assert [(r.row, r.outcome) for r in report.rows if r.file == "services.csv"] == [(1, "unchanged")]


def test_json_children_are_kept_with_their_records(kaart):
    need_shared("hsds-3.0", "examples", "service_full.json")
    from graph.hsds_store import HsdsStore

    import_hsds(kaart, shared("hsds-3.0", "examples") / "service_full.json")
    sid = "ac148810-d857-441c-9679-408f346de14b"
    rows = HsdsStore(kaart).rows_for("Service", [sid], "schedules")[sid]
    assert rows and rows[0]["byday"] == "TH,FR" and rows[0]["opens_at"] == "10:00:00"
    assert HsdsStore(kaart).rows_for("Service", [sid], "cost_options")[sid][0]["amount"] == "35"
    assert rows[0]["location_id"] and rows[0]["service_at_location_id"]  # nested twice in the JSON: one row
    assert ServiceRepository(kaart).get(sid).opening_hours == "Th,Fr 10:00-18:00"


def test_demo_crisis_lines_have_24_7_schedules(kaart):
    from ingest.demo import load_demo

    load_demo(kaart)
    svc = ServiceRepository(kaart).get("svc-113-hulplijn")
    assert svc.opening_hours == "24/7" and svc.available_24_7 and svc.niveau == "crisis"
