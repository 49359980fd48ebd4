"""A coördinator's spreadsheet says which services are for professionals only (ADR 0116; issue 12, i18n7): a
column "alleen voor professionals" (ja/nee), a column "publiek" (ja/nee) or "professionals" in the doelgroep
column. A value that says neither rejects the row with its reason; a sheet that says nothing is read from the
service's own words. Before, the import had no such column: every imported service was offered to residents."""

from __future__ import annotations

from pathlib import Path

from builders import report_lines

from graph.repositories import ServiceRepository
from ingest.spreadsheet import import_spreadsheet


def _sheet(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return path


def _flags(kaart) -> dict[str, bool]:
    return {s.id: s.professional_only for s in ServiceRepository(kaart).all()}


def test_the_column_alleen_voor_professionals_marks_the_services(kaart, tmp_path):
    sheet = _sheet(
        tmp_path,
        "aanbod.csv",
        """
Organisatie;Naam;Omschrijving;Thema's;Alleen voor professionals
VAT Aalten;Casusoverleg;Overleg over gezinnen met meerdere problemen;Multiproblematiek;ja
VAT Aalten;Consultatie;Advies aan het team;Multiproblematiek;X
Welzijn Test;Formulierenhulp;Hulp bij post;Administratie;nee
Welzijn Test;Spreekuur;Inloop voor iedereen;Administratie;
""",
    )
    report = import_spreadsheet(kaart, sheet)
    assert report.summary()["rejected"] == 0, report_lines(report)
    assert _flags(kaart) == {
        "svc-vat-aalten-casusoverleg": True,
        "svc-vat-aalten-consultatie": True,
        "svc-welzijn-test-formulierenhulp": False,
        "svc-welzijn-test-spreekuur": False,
    }


def test_publiek_nee_and_doelgroep_professionals_say_it_too(kaart, tmp_path):
    sheet = _sheet(
        tmp_path,
        "aanbod.csv",
        """
organisatie,naam,doelgroep,publiek
VAT Aalten,Casusoverleg,,nee
VAT Aalten,Aandachtsfunctionaris,Professionals,
Welzijn Test,Ouderenadvies,"Ouderen; hulpverleners",
Welzijn Test,Formulierenhulp,Volwassenen,ja
Welzijn Test,Buurtkamer,Iedereen,Iedereen
""",
    )
    report = import_spreadsheet(kaart, sheet)
    lines = report_lines(report)
    assert report.summary()["rejected"] == 0, lines
    assert not [line for line in lines if "onbekende doelgroep" in line[-1]], lines  # no doelgroep of ours
    flags = _flags(kaart)
    assert flags["svc-vat-aalten-casusoverleg"] and flags["svc-vat-aalten-aandachtsfunctionaris"]
    assert flags["svc-welzijn-test-ouderenadvies"]
    assert not flags["svc-welzijn-test-formulierenhulp"] and not flags["svc-welzijn-test-buurtkamer"]
    assert ServiceRepository(kaart).get("svc-welzijn-test-ouderenadvies").doelgroepen == ("ouderen",)


def test_a_value_that_says_neither_rejects_the_row_with_its_reason(kaart, tmp_path):
    sheet = _sheet(
        tmp_path,
        "aanbod.csv",
        """
organisatie,naam,alleen voor professionals,publiek
VAT Aalten,Casusoverleg,misschien,
VAT Aalten,Consultatie,ja,ja
Welzijn Test,Formulierenhulp,nee,
""",
    )
    report = import_spreadsheet(kaart, sheet)
    assert (
        "aanbod.csv",
        2,
        "svc-vat-aalten-casusoverleg",
        "rejected",
        "alleen voor professionals: 'misschien' is geen ja of nee (vul ja, nee of niets in)",
    ) in report_lines(report)
    assert (
        "aanbod.csv",
        3,
        "svc-vat-aalten-consultatie",
        "rejected",
        "alleen voor professionals of publiek? De kolommen spreken elkaar tegen "
        "(alleen voor professionals: alleen professionals, publiek: publiek)",
    ) in report_lines(report)
    assert _flags(kaart) == {"svc-welzijn-test-formulierenhulp": False}  # the good row is imported


def test_a_sheet_without_the_column_reads_the_services_own_words(kaart, tmp_path):
    sheet = _sheet(
        tmp_path,
        "aanbod.csv",
        """
organisatie,naam,omschrijving
VAT Aalten,Casusoverleg,Overleg over een gezin (alleen voor professionals)
Welzijn Test,Spreekuur,Samen met professionals van de GGZ
""",
    )
    import_spreadsheet(kaart, sheet)
    assert _flags(kaart) == {"svc-vat-aalten-casusoverleg": True, "svc-welzijn-test-spreekuur": False}


def test_the_flag_from_the_sheet_is_exported_as_the_publiek_attribute(kaart, tmp_path):
    """The export writes it back: HSDS `publiek:professionals` (ADR 0116), which an import takes as it is."""
    from ingest.hsds_export import export_hsds, read_package

    sheet = _sheet(
        tmp_path,
        "aanbod.csv",
        "organisatie,naam,publiek\nVAT Aalten,Casusoverleg,nee\nWelzijn Test,Spreekuur,ja\n",
    )
    import_spreadsheet(kaart, sheet)
    export_hsds(kaart, tmp_path / "export", validate=False)
    rows = read_package(tmp_path / "export")["attributes"]
    marked = {r["link_id"] for r in rows if r["link_type"] == "publiek" and r["value"] == "professionals"}
    assert marked == {"svc-vat-aalten-casusoverleg"}


def test_a_rejected_row_leaves_no_location_or_organisation_behind(kaart, tmp_path):
    """tester10 F-ING-1: a row rejected for its professionals column (or a non-numeric age) wrote its Location
    (and a new organisation) before the service was refused; the organisation then showed a place it does not
    have. A bad row writes nothing."""
    from graph.repositories import LocationRepository, OrganisationRepository

    sheet = _sheet(
        tmp_path,
        "aanbod.xlsx.csv",
        """
organisatie,naam,adres,postcode,plaats,alleen voor professionals,min leeftijd
Stichting Verder,Maatjes,Markt 1,7126 AA,Bredevoort,misschien,
Stichting Anders,Buddy,Kerkstraat 2,7121 AB,Aalten,nee,twaalf
Welzijn Test,Formulierenhulp,Hofstraat 3,7121 DL,Aalten,nee,
""",
    )
    report = import_spreadsheet(kaart, sheet)
    assert report.summary()["rejected"] == 2, report_lines(report)
    assert _flags(kaart) == {"svc-welzijn-test-formulierenhulp": False}
    assert {o.id for o in OrganisationRepository(kaart).all()} == {"org-welzijn-test"}
    locations = LocationRepository(kaart).all()
    assert len(locations) == 1 and locations[0].organization_id == "org-welzijn-test"
