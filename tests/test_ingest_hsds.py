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
    assert ("services.csv", 3, "svc-b", "rejected", "naam ontbreekt") in _lines(report)
    assert ServiceRepository(kaart).get("svc-b") is None
    assert ServiceRepository(kaart).get("svc-a") is not None  # the good row still lands


def test_duplicate_ids_keep_the_first_and_report_the_second(kaart):
    report = import_hsds(kaart, FIXTURES / "duplicate-ids")
    assert ("services.csv", 3, "svc-a", "rejected", "dubbel id") in _lines(report)
    assert ServiceRepository(kaart).get("svc-a").name == "Formulierenhulp"


def test_bad_postcode_is_dropped_and_reported(kaart):
    report = import_hsds(kaart, FIXTURES / "bad-postcode")
    assert any(i.reason.startswith("ongeldige postcode") for i in report.issues)
    assert LocationRepository(kaart).get("loc-a").postal_code is None


def test_unknown_theme_is_reported_not_linked(kaart):
    report = import_hsds(kaart, FIXTURES / "unknown-theme")
    assert ("services.csv", 2, "svc-a", "warning", "onbekend thema 'bestaat-niet'") in _lines(report)
    assert ServiceRepository(kaart).get("svc-a").themes == ("schulden",)


def test_service_of_unknown_organisation_is_rejected(kaart):
    report = import_hsds(kaart, FIXTURES / "unknown-organisation")
    assert ("services.csv", 3, "svc-c", "rejected", "organisatie 'org-bestaat-niet' bestaat niet") in _lines(
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
        2,
        "sal-a",
        "warning",
        "hoort bij geen record in het pakket; bewaard voor export",
    ) in lines


def test_bad_postcode_line_names_the_address_row(kaart):
    report = import_hsds(kaart, FIXTURES / "bad-postcode")
    (line,) = [x for x in _lines(report) if x[4].startswith("ongeldige postcode")]
    assert line[:4] == ("addresses.csv", 2, "addr-a", "warning") and line[4].endswith("; weggelaten")


def test_unchanged_records_are_not_rewritten(kaart):
    import_hsds(kaart, FIXTURES / "valid")
    version = ServiceRepository(kaart).meta("svc-a")["version"]
    stamp = ServiceRepository(kaart).meta("svc-a")["imported_at"]
    report = import_hsds(kaart, FIXTURES / "valid")
    assert report.summary()["unchanged"] == 3
    meta = ServiceRepository(kaart).meta("svc-a")
    assert (meta["version"], meta["imported_at"]) == (version, stamp)
    assert [(r.row, r.outcome) for r in report.rows if r.file == "services.csv"] == [(2, "unchanged")]


def test_json_children_are_kept_with_their_records(kaart):
    need_shared("hsds-3.0", "examples", "service_full.json")
    from graph.hsds_store import HsdsStore

    import_hsds(kaart, shared("hsds-3.0", "examples") / "service_full.json")
    sid = "ac148810-d857-441c-9679-408f346de14b"
    rows = HsdsStore(kaart).rows_for("Service", [sid], "schedules")[sid]
    assert rows and rows[0]["byday"] == "TH,FR" and rows[0]["opens_at"] == "10:00:00"
    assert HsdsStore(kaart).rows_for("Service", [sid], "cost_options")[sid][0]["amount"] == "35"
    assert rows[0]["location_id"] and rows[0]["service_at_location_id"]  # nested twice in the JSON: one row
    svc = ServiceRepository(kaart).get(sid)
    assert [(x.byday, x.opens_at, x.closes_at, x.valid_to) for x in svc.schedules] == [
        ("TH,FR", "10:00", "18:00", "2005-01-01")
    ]
    assert svc.opening_hours is None  # valid only on 2005-01-01: not the regular weekly hours of today


def test_demo_crisis_lines_have_24_7_schedules(kaart):
    from ingest.demo import load_demo

    load_demo(kaart)
    svc = ServiceRepository(kaart).get("svc-113-hulplijn")
    assert svc.opening_hours == "24/7" and svc.available_24_7 and svc.niveau == "crisis"


SCHEDULES = FIXTURES / "schedules-office-phone-inloop-exceptions"


def test_hsds_schedules_become_records_of_each_kind_with_exceptions(kaart):
    report = import_hsds(kaart, SCHEDULES)
    svc = ServiceRepository(kaart).get("svc-a")  # read back from the graph
    kinds = {s.id: (s.kind, s.byday, s.opens_at, s.closes_at) for s in svc.schedules}
    assert kinds == {
        "sch-bezoek": ("openingstijden", "MO,TU,WE,TH,FR", "09:00", "17:00"),
        "sch-bel": ("telefonisch", "MO,TU,WE,TH,FR", "09:00", "12:00"),
        "sch-inloop": ("inloop", "TU,TH", "10:00", "12:00"),  # via its service_at_location row
        "sch-afspraak": ("afspraak", None, None, None),
        "sch-feestdagen": ("gesloten-feestdagen", None, None, None),
        "sch-kerst": ("gesloten", None, None, None),
        "sch-maand": ("inloop", "1WE", "19:00", "21:00"),
    }
    kerst = next(s for s in svc.schedules if s.id == "sch-kerst")
    assert (kerst.valid_from, kerst.valid_to) == ("2026-12-24", "2027-01-01")
    assert kerst.description.startswith("Gesloten in de kerstvakantie")
    # a bad value is reported with its row and reason, and not guessed
    assert ("schedules.csv", 9, "sch-fout", "warning") in [line[:4] for line in _lines(report)]
    assert any("ongeldige opens_at '9am'" in i.reason for i in report.issues)
    assert svc.opening_hours == "Mo-Fr 09:00-17:00"  # the summary: regular visiting hours


def test_hsds_schedules_round_trip_through_export(kaart, tmp_path):
    from graph.schema import ensure_schema
    from ingest.hsds_export import export_hsds
    from ingest.ontology_loader import load_ontology_into_graph

    import_hsds(kaart, SCHEDULES)
    before = ServiceRepository(kaart).get("svc-a")
    result = export_hsds(kaart, tmp_path / "e1")
    assert result.problems == []
    kaart.clear()
    ensure_schema(kaart)
    load_ontology_into_graph(kaart)
    import_hsds(kaart, tmp_path / "e1")
    assert ServiceRepository(kaart).get("svc-a").schedules == before.schedules  # import(export(x)) == x


def test_edited_schedules_are_exported_from_the_kaart_and_a_reimport_does_not_undo_them(kaart, tmp_path):
    """A coördinator replaces the hours (the beheer form uses the same parser): the export writes the new ones;
    re-importing the unchanged source does not overwrite the edit (curated data wins)."""
    import dataclasses

    from graph.editing import save_edit
    from ingest.hours import closure, schedules_from_texts
    from ingest.hsds_export import export_hsds, read_package

    import_hsds(kaart, SCHEDULES)
    repo = ServiceRepository(kaart)
    svc = repo.get("svc-a")
    new = schedules_from_texts("svc-a", {"openingstijden": "ma t/m do 9-16", "afspraak": "ja"}) + (
        closure("sched-svc-a-99", "2027-07-19", "2027-08-06", "Zomersluiting"),
    )
    save_edit(
        kaart,
        "Service",
        dataclasses.replace(svc, schedules=new),
        "coordinator@example",
        repo.meta("svc-a")["version"],
    )
    assert export_hsds(kaart, tmp_path / "e").problems == []
    rows = {r["id"]: r for r in read_package(tmp_path / "e")["schedules"]}  # readable ids (ADR 0074)
    assert set(rows) == {s.id for s in new}
    assert (
        rows["sched-svc-a-99"]["description"] == "Zomersluiting"
        and rows["sched-svc-a-99"]["valid_to"] == "2027-08-06"
    )
    import_hsds(kaart, SCHEDULES)
    assert repo.get("svc-a").schedules == new


def test_a_deleted_service_can_come_back_with_its_schedules(kaart):
    """delete_record removes the service node only; importing it again must not trip over its old schedules."""
    from graph.editing import delete_record

    import_hsds(kaart, SCHEDULES)
    repo = ServiceRepository(kaart)
    before = repo.get("svc-a").schedules
    delete_record(kaart, "Service", "svc-a", "coordinator@example", repo.meta("svc-a")["version"])
    assert repo.get("svc-a") is None
    import_hsds(kaart, SCHEDULES)
    assert repo.get("svc-a").schedules == before


def test_wachttijd_keeps_its_date_and_a_bad_or_missing_date_is_reported(kaart):
    report = import_hsds(kaart, FIXTURES / "wachttijd-datum-goed-fout-ontbreekt")
    repo = ServiceRepository(kaart)
    assert (repo.get("svc-a").wait_time, repo.get("svc-a").wait_time_date) == ("6 weken", "2026-11-03")
    assert repo.get("svc-b").wait_time_date is None  # "3-11-2026" is not read as a date
    assert repo.get("svc-c").wait_time_date is None
    reasons = {(line[2], line[4].split(" (")[0]) for line in _lines(report)}
    assert ("svc-b", "ongeldige wachttijd-datum '3-11-2026'") in reasons
    assert ("svc-c", "wachttijd zonder datum") in reasons
    assert ("svc-b", "wachttijd zonder datum") not in reasons  # one reason per problem


PUBLISHER = FIXTURES / "schedules-lowercase-freq-textual-timezone-bad-row-per-day-rows"


def test_export_after_importing_lowercase_freq_and_textual_timezone_is_valid_and_leaves_out_rejected_row(
    kaart, tmp_path
):
    """Publishers write `freq=weekly` and `timezone=Europe/Amsterdam`; the export must still validate, write
    only what the kaart holds (not the row the import rejected) and agree with the HSDS API."""
    from ingest.hsds_export import export_hsds, read_package

    report = import_hsds(kaart, PUBLISHER)
    lines = _lines(report)
    assert ("schedules.csv", 3, "sch-vroeg", "warning") in [line[:4] for line in lines]
    assert any(
        r == "sch-inloop" and "timezone 'Europe/Amsterdam'" in reason and "Nederlandse tijd" in reason
        for _, _, r, _, reason in lines
    )
    result = export_hsds(kaart, tmp_path / "e")
    assert result.problems == []
    rows = {r["id"]: r for r in read_package(tmp_path / "e")["schedules"]}  # readable ids (ADR 0074)
    assert "sch-vroeg" not in rows
    assert rows["sch-inloop"]["freq"] == "WEEKLY" and "timezone" not in rows["sch-inloop"]
    svc = ServiceRepository(kaart).get("svc-inloop")
    # the HSDS API serves the same rows (tests/test_hsds_api_agrees.py)
    assert {x.id for x in svc.schedules} == {"sch-inloop"} and "sch-inloop" in rows
