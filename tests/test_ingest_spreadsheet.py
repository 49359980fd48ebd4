"""Spreadsheet import (csv/xlsx): header aliases (Dutch/English), mapping file, vocabularies, bereikbaarheid,
and failure fixtures with the exact report lines they produce."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from builders import report_lines

from graph.repositories import LocationRepository, OrganisationRepository, PhoneRepository, ServiceRepository
from ingest.base import FileRejected
from ingest.spreadsheet import import_spreadsheet
from webapp.hours_text import hours_lines

FIX = Path(__file__).parent / "fixtures" / "spreadsheet"


def test_coordinator_sheet_imports_services_with_bereikbaarheid(kaart):
    report = import_spreadsheet(kaart, FIX / "sociale-kaart.csv")
    s = report.summary()
    assert s["rejected"] == 0 and s["services_created"] == 4 and s["organisations_created"] == 3
    svc = ServiceRepository(kaart).get("svc-stichting-voorbeeldwelzijn-formulierenhulp")
    assert svc.organization_id == "org-stichting-voorbeeldwelzijn"
    assert set(svc.themes) == {"administratie", "schulden"} and svc.doelgroepen == ("volwassenen",)
    assert svc.opening_hours == "Mo-Fr 09:00-12:00"
    assert (svc.wait_time, svc.wait_time_date) == ("2 weken", "2026-10-01")
    assert (svc.niveau, svc.toegang) == ("vrij-toegankelijk", "vrij-toegankelijk")
    phones = {p.number: p.professional_only for p in PhoneRepository(kaart).for_services([svc.id])[svc.id]}
    assert phones == {"0543-000001": False, "0543-000002": True}
    loc = LocationRepository(kaart).get(svc.location_ids[0])
    assert (loc.address_1, loc.postal_code, loc.city, loc.kern) == (
        "Proefstraat 1",
        "7121 ZZ",
        "Aalten",
        "kern-aalten",
    )
    assert loc.approximate and loc.latitude is not None  # gazetteer: kern centre, marked approximate
    crisis = ServiceRepository(kaart).get("svc-crisislijn-voorbeeld-crisislijn")
    assert crisis.available_24_7 and crisis.opening_hours == "24/7" and crisis.niveau == "crisis"
    assert crisis.location_ids == ()  # no address: no invented location
    buurt = ServiceRepository(kaart).get("svc-buurtkamer-de-proef-inloopochtend")
    assert buurt.opening_hours == "Mo,We,Fr 09:00-12:00" and buurt.kernen == ("kern-dinxperlo",)
    meta = ServiceRepository(kaart).meta(svc.id)
    assert meta["source"] == "csv:sociale-kaart.csv" and meta["source_record_id"] == svc.id and meta["hash"]


def test_second_import_is_unchanged_and_writes_nothing(kaart):
    import_spreadsheet(kaart, FIX / "sociale-kaart.csv")
    before = ServiceRepository(kaart).meta("svc-stichting-voorbeeldwelzijn-formulierenhulp")["version"]
    again = import_spreadsheet(kaart, FIX / "sociale-kaart.csv").summary()
    assert again["created"] == 0 and again["updated"] == 0 and again["unchanged"] > 0
    assert (
        ServiceRepository(kaart).meta("svc-stichting-voorbeeldwelzijn-formulierenhulp")["version"] == before
    )


def test_xlsx_reads_like_csv(kaart, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    with (FIX / "sociale-kaart.csv").open(encoding="utf-8") as fh:
        for row in csv.reader(fh):
            ws.append(row)
    wb.save(tmp_path / "sociale-kaart.xlsx")
    report = import_spreadsheet(kaart, tmp_path / "sociale-kaart.xlsx")
    assert report.source == "xlsx:sociale-kaart.xlsx"
    assert report.summary()["services_created"] == 4
    assert ServiceRepository(kaart).get("svc-crisislijn-voorbeeld-crisislijn").available_24_7


def test_missing_columns_reject_the_file_and_write_nothing(kaart):
    with pytest.raises(FileRejected) as refused:
        import_spreadsheet(kaart, FIX / "missing-columns.csv")
    assert (refused.value.file, refused.value.reason) == (
        "missing-columns.csv",
        "kolom 'naam' of 'organisatie' ontbreekt; bestand overgeslagen",
    )
    assert OrganisationRepository(kaart).count() == 0


def test_bad_postcode_is_dropped_and_reported(kaart):
    report = import_spreadsheet(kaart, FIX / "bad-postcode.csv")
    assert (
        "bad-postcode.csv",
        2,  # the row in Excel/LibreOffice: the header is row 1
        "svc-stichting-voorbeeldwelzijn-formulierenhulp",
        "warning",
        "ongeldige postcode '71211 Z'; weggelaten",
    ) in report_lines(report)
    loc = LocationRepository(kaart).all()[0]
    assert loc.postal_code is None and loc.address_1 == "Proefstraat 1"


def test_duplicate_rows_keep_the_first(kaart):
    report = import_spreadsheet(kaart, FIX / "duplicate-ids.csv")
    assert (
        "duplicate-ids.csv",
        3,
        "svc-stichting-voorbeeldwelzijn-formulierenhulp",
        "rejected",
        "dubbel id (zelfde als rij 2)",
    ) in report_lines(report)
    assert (
        ServiceRepository(kaart).get("svc-stichting-voorbeeldwelzijn-formulierenhulp").description
        == "Eerste rij"
    )


def test_unknown_theme_and_doelgroep_are_reported_and_the_rest_kept(kaart):
    report = import_spreadsheet(kaart, FIX / "unknown-theme.csv")
    sid = "svc-stichting-voorbeeldwelzijn-formulierenhulp"
    assert ("unknown-theme.csv", 2, sid, "warning", "onbekend thema 'Klompendansen'") in report_lines(report)
    assert ("unknown-theme.csv", 2, sid, "warning", "onbekende doelgroep 'Marsmannetjes'") in report_lines(
        report
    )
    svc = ServiceRepository(kaart).get(sid)
    assert svc.themes == ("schulden",) and svc.doelgroepen == ("volwassenen",)


def test_semicolon_separated_cp1252(kaart):
    import_spreadsheet(kaart, FIX / "semicolon-cp1252.csv")
    org = OrganisationRepository(kaart).get("org-stichting-welzijn-aalt-n")
    assert org.name == "Stichting Welzijn Aaltén"
    assert ServiceRepository(kaart).all()[0].description == "Hulp bij formuliëren"


def test_english_headers(kaart):
    report = import_spreadsheet(kaart, FIX / "english-headers.csv")
    svc = ServiceRepository(kaart).get("svc-stichting-voorbeeldwelzijn-formulierenhulp")
    assert svc.opening_hours == "Mo-Fr 09:00-12:00" and svc.themes == ("schulden",)
    today_line = [i for i in report.issues if i.reason.startswith("wachttijd zonder datum")]
    assert today_line and svc.wait_time_date  # the import date, and it says so


def test_mapping_file_for_other_headers(kaart):
    with pytest.raises(FileRejected):
        import_spreadsheet(kaart, FIX / "custom-headers.csv", dry_run=True)
    report = import_spreadsheet(
        kaart, FIX / "custom-headers.csv", mapping=FIX / "custom-headers.mapping.yaml"
    )
    assert report.summary()["rejected"] == 0
    svc = ServiceRepository(kaart).get("svc-stichting-voorbeeldwelzijn-formulierenhulp")
    assert svc.kernen == ("kern-aalten",)


def test_report_file_has_a_line_per_row(kaart, tmp_path):
    report = import_spreadsheet(kaart, FIX / "unknown-theme.csv")
    report.write(tmp_path / "r.csv")
    with (tmp_path / "r.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    outcomes = {(r["row"], r["outcome"]) for r in rows if r["file"] == "unknown-theme.csv"}
    assert ("2", "created") in outcomes and ("2", "warning") in outcomes


def test_hours_columns_become_schedules_of_each_kind(kaart):
    """Notations as coördinatoren write them: one sheet, every kind, a bad one reported and not guessed."""
    report = import_spreadsheet(kaart, FIX / "openingstijden-soorten.csv")
    repo = ServiceRepository(kaart)

    def kinds(name: str) -> list[tuple]:
        return [(s.kind, s.byday, s.opens_at, s.closes_at) for s in repo.get(name).schedules]

    assert kinds("svc-testorganisatie-welzijn-formulierenhulp") == [
        ("openingstijden", "MO,TU,WE,TH,FR", "09:00", "17:00"),
        ("telefonisch", "MO,TU,WE,TH,FR", "09:00", "12:00"),
        ("gesloten", None, None, None),
    ]
    kerst = repo.get("svc-testorganisatie-welzijn-formulierenhulp").schedules[-1]
    assert (kerst.valid_from, kerst.valid_to, kerst.description) == (
        "2026-12-21",
        "2027-01-03",
        "Kerstsluiting",
    )
    assert any(
        line[2] == "svc-testorganisatie-welzijn-thuisadministratie"
        and "tijdelijk gesloten niet herkend" in line[4]
        for line in report_lines(report)
    )
    assert kinds("svc-testorganisatie-welzijn-buurthuis-inloop") == [("inloop", "TU,TH", "10:00", "12:00")]
    assert kinds("svc-testorganisatie-welzijn-maatschappelijk-werk") == [("afspraak", None, None, None)]
    assert kinds("svc-testorganisatie-welzijn-thuisadministratie") == [
        ("openingstijden", "MO", "09:00", "12:30"),
        ("openingstijden", "MO", "13:00", "17:00"),
    ]
    assert kinds("svc-testorganisatie-zorg-dagbesteding")[-1] == ("gesloten-feestdagen", None, None, None)
    assert repo.get("svc-testorganisatie-zorg-crisisdienst").available_24_7
    assert kinds("svc-testorganisatie-werk-buurtkamer") == [
        ("inloop", "TU", "14:00", "16:00"),
        ("afspraak", None, None, None),
    ]
    # fortnightly: not guessed, but kept as the sheet wrote it and shown as the source's words
    fortnightly = repo.get("svc-testorganisatie-werk-vakbondsspreekuur").schedules
    assert [(s.kind, s.opens_at, s.description) for s in fortnightly] == [
        ("openingstijden", None, "Even weken op maandag van 14:00 tot 16:00 uur")
    ]
    assert hours_lines(fortnightly) == [
        "openingstijden volgens de bron: “Even weken op maandag van 14:00 tot 16:00 uur”"
    ]
    bad = [line for line in report_lines(report) if line[2] == "svc-testorganisatie-werk-vakbondsspreekuur"]
    assert bad and bad[0][1] == 8 and "openingstijden niet herkend" in bad[0][4]  # row 8 in Excel
    fresh = repo.get("svc-testorganisatie-welzijn-formulierenhulp")
    assert (fresh.wait_time, fresh.wait_time_date) == ("6 weken", "2026-11-03")
    # re-import converges: same ids, nothing rewritten
    again = import_spreadsheet(kaart, FIX / "openingstijden-soorten.csv").summary()
    assert again["created"] == 0 and again["updated"] == 0


def test_sheet_schedules_export_as_valid_hsds_and_import_back_the_same(kaart, tmp_path):
    from graph.schema import ensure_schema
    from ingest.hsds import import_hsds
    from ingest.hsds_export import export_hsds
    from ingest.ontology_loader import load_ontology_into_graph

    import_spreadsheet(kaart, FIX / "openingstijden-soorten.csv")
    before = {s.id: s.schedules for s in ServiceRepository(kaart).all()}
    result = export_hsds(kaart, tmp_path / "hsds")
    assert result.problems == []
    with (tmp_path / "hsds" / "schedules.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["attending_type"] for r in rows} >= {"telefonisch", "inloop", "op afspraak"}
    assert any(r["closes_at"] == "23:59:59" for r in rows)  # 24/7: the end of the day as HSDS writes it
    kaart.clear()
    ensure_schema(kaart)
    load_ontology_into_graph(kaart)
    import_hsds(kaart, tmp_path / "hsds")
    assert {s.id: s.schedules for s in ServiceRepository(kaart).all()} == before  # import(export(x)) == x


def test_row_numbers_are_the_rows_a_coordinator_sees_in_excel(kaart, tmp_path):
    """The third data row is row 4 in Excel/LibreOffice (the header is row 1), in .csv and .xlsx alike."""
    from openpyxl import Workbook

    src = FIX / "onbekend-thema-in-excel-rij-4.csv"
    wb = Workbook()
    with src.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter=";"):
            wb.active.append(row)
    wb.save(tmp_path / "onbekend-thema-in-excel-rij-4.xlsx")
    for path in (src, tmp_path / "onbekend-thema-in-excel-rij-4.xlsx"):
        lines = [line for line in report_lines(import_spreadsheet(kaart, path)) if line[3] == "warning"]
        assert [(line[1], line[4]) for line in lines] == [(4, "onbekend thema 'Klompendansen'")], path.name


def _names(kaart) -> dict[str, object]:
    return {s.name: s for s in map(ServiceRepository(kaart).get, ServiceRepository(kaart).ids())}


def test_merged_organisation_cells_fill_down_not_fake_organisations(kaart):
    report = import_spreadsheet(kaart, FIX / "samengevoegde-organisatiecellen.csv")
    orgs = sorted(o.name for o in OrganisationRepository(kaart).all())
    assert orgs == ["Stichting Proefwelzijn", "Voorbeeld Thuiszorg"]  # not "Taalcafé", "Maatjesproject", …
    services = _names(kaart)
    assert services["Taalcafé"].organization_id == services["Formulierenhulp"].organization_id
    assert services["Dagbesteding"].organization_id == services["Wijkverpleging"].organization_id
    assert any("overgenomen van de rij erboven" in i.reason and "3, 4, 6" in i.reason for i in report.issues)


def test_merged_cells_in_xlsx_fill_down(kaart, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Sociale kaart Aalten"])  # a title row above the header
    ws.append(["Organisatie", "Naam", "Plaats", "Telefoon"])
    ws.append(["Stichting Proefwelzijn", "Formulierenhulp", "Aalten", 543000001])  # a number: no leading 0
    ws.append([None, "Taalcafé", "Aalten", None])
    ws.append([None, "Maatjesproject", "Dinxperlo", None])
    ws.merge_cells("A3:A5")
    wb.save(tmp_path / "samengevoegd.xlsx")
    report = import_spreadsheet(kaart, tmp_path / "samengevoegd.xlsx")
    assert [o.name for o in OrganisationRepository(kaart).all()] == ["Stichting Proefwelzijn"]
    services = _names(kaart)
    assert len(services) == 3
    phones = PhoneRepository(kaart).for_services([services["Formulierenhulp"].id])
    assert [p.number for p in phones[services["Formulierenhulp"].id]] == ["0543000001"]
    assert report.rows and min(i.row for i in report.rows) == 3  # the row in Excel


def test_a_file_that_is_not_xlsx_is_refused(kaart, tmp_path):
    (tmp_path / "lijst.xlsx").write_text("Organisatie,Naam\nStichting Proefwelzijn,Formulierenhulp\n")
    with pytest.raises(FileRejected, match="geen leesbaar Excel-bestand"):
        import_spreadsheet(kaart, tmp_path / "lijst.xlsx")


def test_title_rows_above_the_header_are_skipped(kaart):
    report = import_spreadsheet(kaart, FIX / "titelrijen-boven-de-kop.csv")
    assert report.summary()["rejected"] == 0, report_lines(report)
    services = _names(kaart)
    assert set(services) == {"Formulierenhulp", "Opvoedspreekuur"}
    assert services["Opvoedspreekuur"].themes == ("opvoeding",)
    # row numbers stay those of the spreadsheet: the header is on line 4, Formulierenhulp on line 5
    assert (
        "titelrijen-boven-de-kop.csv",
        5,
        "svc-stichting-proefwelzijn-formulierenhulp",
        "created",
        "Service",
    ) in [(i.file, i.row, i.record_id, i.outcome, i.reason) for i in report.rows]


def test_phone_numbers_stored_as_numbers_get_their_leading_zero_back(kaart):
    report = import_spreadsheet(kaart, FIX / "telefoon-als-getal-en-3-14E-08.csv")
    services = _names(kaart)
    phones = PhoneRepository(kaart).for_services([s.id for s in services.values()])

    def numbers(name):
        return [p.number for p in phones.get(services[name].id, [])]

    assert numbers("Vaste lijn") == ["0314000001"]
    assert numbers("Mobiel") == ["0612345678"]
    assert numbers("Landcode") == ["+31543000001"]
    assert numbers("Als tekst") == ["0543-000001"]
    assert numbers("Wetenschappelijk") == []  # digits lost: not kept, and said so
    assert numbers("Gratis nummer") == ["08000001"]
    warnings = {i.row: i.reason for i in report.issues if i.outcome == "warning"}
    assert "cijfers zijn verloren" in warnings[5] and "controleer" in warnings[6]
    assert 2 not in warnings and 3 not in warnings  # sure cases are not flagged


def test_opvoeden_and_maatwerk_beschikking_map_and_unknown_terms_get_a_suggestion(kaart):
    report = import_spreadsheet(kaart, FIX / "opvoeden-en-maatwerk-beschikking.csv")
    services = _names(kaart)
    assert services["Opvoedspreekuur"].themes == ("opvoeding",)
    assert services["Begeleiding thuis"].niveau == "maatwerk"
    reasons = [i.reason for i in report.issues if i.row == 4]
    assert "onbekend thema 'Schuldhulpp' (bedoelt u 'Schulden'?)" in reasons
    assert "onbekend niveau 'Maatwerkk' (bedoelt u 'maatwerk'?)" in reasons
