"""LRK (kinderopvang) and DUO (scholen PO/VO) → pedagogische basis, filtered by gemeente, from fixtures in the
registers' real formats (`;`, Windows-1252, apostrophe-wrapped contact fields, upper-case DUO headers)."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import report_lines

from graph.repositories import LocationRepository, OrganisationRepository, PhoneRepository, ServiceRepository
from ingest.base import FileRejected
from ingest.registers import import_duo, import_lrk

FIX = Path(__file__).parent / "fixtures"


def test_lrk_locations_of_the_gemeente_become_pedagogische_basis(kaart):
    report = import_lrk(kaart, FIX / "lrk" / "export_opendata_lrk.csv", gemeente="Aalten")
    s = report.summary()
    assert s["services_created"] == 3  # KDV + BSO + peuteropvang; not VGO, not uitgeschreven, not Winterswijk
    assert s["overgeslagen_andere_gemeente"] == 1 and s["overgeslagen_gastouders"] == 1
    assert s["overgeslagen_uitgeschreven"] == 1
    svc = ServiceRepository(kaart).get("svc-lrk-100000001")
    assert svc.name == "Crèche De Proeftuin" and svc.themes == ("kinderopvang",)
    assert svc.doelgroepen == ("kinderen-0-4",) and svc.niveau == "vrij-toegankelijk"
    assert "32 kindplaatsen" in svc.description and "100000001" in svc.description
    assert svc.url == "https://www.voorbeeldopvang.example" and svc.email == "info@voorbeeldopvang.example"
    org = OrganisationRepository(kaart).get(svc.organization_id)
    assert (org.id, org.name, org.kind) == (
        "org-lrk-kvk-12345678",
        "Stichting Voorbeeldopvang",
        "pedagogische-basis",
    )
    assert ServiceRepository(kaart).get("svc-lrk-100000002").organization_id == org.id  # one houder
    loc = LocationRepository(kaart).get("loc-lrk-100000001")
    assert (loc.address_1, loc.postal_code, loc.city) == ("Proefstraat 3", "7121 ZZ", "Aalten")
    assert [p.number for p in PhoneRepository(kaart).for_services([svc.id])[svc.id]] == ["0543-000010"]
    meta = ServiceRepository(kaart).meta(svc.id)
    assert meta["source"] == "lrk" and meta["source_record_id"] == "100000001"


def test_lrk_failure_rows_are_reported(kaart):
    report = import_lrk(kaart, FIX / "lrk" / "export_opendata_lrk.csv", gemeente="Aalten")
    got = report_lines(report)
    assert ("export_opendata_lrk.csv", 8, "100000001", "rejected", "dubbel lrk_id (zelfde als rij 2)") in got
    assert ("export_opendata_lrk.csv", 9, "100000007", "rejected", "onbekend type_oko 'XYZ'") in got
    assert (
        "export_opendata_lrk.csv",
        7,
        "100000006",
        "warning",
        "ongeldige postcode '71Z1 ZZ'; weggelaten",
    ) in got
    assert ServiceRepository(kaart).get("svc-lrk-100000006").kernen == ("kern-dinxperlo",)


def test_lrk_missing_columns_reject_the_file(kaart):
    with pytest.raises(FileRejected) as refused:
        import_lrk(kaart, FIX / "lrk" / "missing-columns.csv", gemeente="Aalten")
    assert refused.value.file == "missing-columns.csv"
    assert (
        refused.value.reason
        == "kolommen 'type_oko' en 'verantwoordelijke_gemeente' ontbreken; bestand overgeslagen"
    )
    assert ServiceRepository(kaart).count() == 0


def test_lrk_deregistration_marks_a_known_location_defunct(kaart, tmp_path):
    import_lrk(kaart, FIX / "lrk" / "export_opendata_lrk.csv", gemeente="Aalten")
    text = (FIX / "lrk" / "export_opendata_lrk.csv").read_bytes().decode("cp1252")
    text = text.replace(
        "100000002;BSO;BSO De Proeftuin;40;Ingeschreven", "100000002;BSO;BSO De Proeftuin;40;Uitgeschreven"
    )
    (tmp_path / "export_opendata_lrk.csv").write_bytes(text.encode("cp1252"))
    report = import_lrk(kaart, tmp_path / "export_opendata_lrk.csv", gemeente="Aalten")
    assert ServiceRepository(kaart).get("svc-lrk-100000002").status == "defunct"
    assert report.summary()["services_updated"] == 1


def test_duo_po_and_vo(kaart):
    po = import_duo(kaart, FIX / "duo" / "vestigingen-bo.csv", gemeente="Aalten")
    assert po.source == "duo:po"
    got = report_lines(po)
    assert ("vestigingen-bo.csv", 5, "99YY01", "rejected", "dubbele vestigingscode (zelfde als rij 3)") in got
    assert ("vestigingen-bo.csv", 6, "99YY03", "rejected", "vestigingsnaam ontbreekt") in got
    assert ("vestigingen-bo.csv", 4, "99YY02", "warning", "ongeldige postcode '712 ZW'; weggelaten") in got
    school = ServiceRepository(kaart).get("svc-duo-99yy00")
    assert school.name == "Basisschool De Testboom" and school.doelgroepen == ("kinderen-4-12",)
    assert school.themes == ("onderwijs",) and school.url == "https://www.testboom.example"
    assert "Openbaar" in school.description
    loc = LocationRepository(kaart).get("loc-duo-99yy01")
    assert (loc.address_1, loc.postal_code, loc.city, loc.kern) == (
        "Veldweg 4 a",
        "7091 ZZ",
        "Dinxperlo",
        "kern-dinxperlo",
    )
    vo = import_duo(kaart, FIX / "duo" / "02.-alle-vestigingen-vo.csv", gemeente="Aalten")
    assert vo.source == "duo:vo" and vo.summary()["overgeslagen_andere_gemeente"] == 1
    assert ServiceRepository(kaart).get("svc-duo-99zz00").doelgroepen == ("jongeren-12-18",)
    assert OrganisationRepository(kaart).get("org-duo-99zz00").kind == "pedagogische-basis"


def test_duo_missing_columns_reject_the_file(kaart):
    with pytest.raises(FileRejected, match="kolom 'GEMEENTENAAM' ontbreekt; bestand overgeslagen"):
        import_duo(kaart, FIX / "duo" / "missing-columns.csv", gemeente="Aalten")


def test_lrk_keeps_dutch_names_as_written(kaart):
    """Apostrophes are part of names ('t Hummelhuis), only the apostrophes wrapped around contact fields go;
    capitals become IJzerlo and 's-Heerenberg, not "Ijzerlo" and "'S-Heerenberg"."""
    fixture = FIX / "lrk" / "apostrofs-ij-s-heerenberg.csv"
    import_lrk(kaart, fixture, gemeente="Aalten")
    svc = ServiceRepository(kaart).get("svc-lrk-100000101")
    assert svc.name == "'t Hummelhuis" and svc.email == "info@hummelhuis.example"
    assert OrganisationRepository(kaart).get(svc.organization_id).name == "Stichting 't Hummelhuis"
    loc = LocationRepository(kaart).get("loc-lrk-100000101")
    assert (loc.city, loc.kern) == ("IJzerlo", "kern-ijzerlo")
    assert [p.number for p in PhoneRepository(kaart).for_services([svc.id])[svc.id]] == ["0543-000020"]
    assert LocationRepository(kaart).get("loc-lrk-100000103").city == "Bredevoort"
    import_lrk(kaart, fixture, gemeente="Montferland")
    bso = ServiceRepository(kaart).get("svc-lrk-100000102")
    assert bso.name == "BSO 't Kleine Hummeltje"
    loc = LocationRepository(kaart).get("loc-lrk-100000102")
    assert (loc.address_1, loc.city) == ("Burgemeester van der Proefstraat 4", "'s-Heerenberg")


def test_lrk_a_mistyped_gemeente_refuses_the_file_and_names_the_gemeenten_in_it(kaart):
    with pytest.raises(FileRejected) as refused:
        import_lrk(kaart, FIX / "lrk" / "export_opendata_lrk.csv", gemeente="Aaltn")
    reason = refused.value.reason
    assert "gemeente 'Aaltn' komt niet voor" in reason and "Bedoelt u Aalten?" in reason
    assert reason.index("Aalten") < reason.index("Winterswijk")  # closest first
    assert ServiceRepository(kaart).count() == 0


def test_duo_a_mistyped_gemeente_refuses_the_file(kaart):
    with pytest.raises(FileRejected, match="Gemeenten in dit bestand: Aalten"):
        import_duo(kaart, FIX / "duo" / "vestigingen-bo.csv", gemeente="Winterswijk")


def test_duo_vestigingscode_shipped_as_a_two_digit_suffix_makes_ids_per_school(kaart):
    """A release with VESTIGINGSCODE "00"/"01" next to INSTELLINGSCODE: ids BRIN + suffix, the same ids as
    the full-code release (stable), no school rejected as a duplicate of another school."""
    report = import_duo(kaart, FIX / "duo" / "vestigingscode-als-volgnummer-bo.csv", gemeente="Aalten")
    assert report.summary()["rejected"] == 0, report_lines(report)
    ids = sorted(ServiceRepository(kaart).ids())
    assert ids == ["svc-duo-99xx00", "svc-duo-99xx01", "svc-duo-99yy00", "svc-duo-99yy01"]
    school = ServiceRepository(kaart).get("svc-duo-99xx00")
    assert school.name == "Basisschool 't Proefhoekje"
    loc = LocationRepository(kaart).get("loc-duo-99xx00")
    assert (loc.address_1, loc.city) == ("Burgemeester van der Proefweg 7", "IJzerlo")
    # the same schools from the full-code release update, never duplicate
    again = import_duo(kaart, FIX / "duo" / "vestigingen-bo.csv", gemeente="Aalten").summary()
    assert again["services_created"] == 1  # only 99YY02, which the suffix release does not have
    older = import_duo(kaart, FIX / "duo" / "oud-brin-nummer-vestigingsnummer-bo.csv", gemeente="Aalten")
    assert older.summary()["services_created"] == 0 and older.summary()["rejected"] == 0


def test_the_gemeenten_in_the_file_are_named_close_ones_first_then_alphabetically():
    """Issue 17: "Gemeenten in dit bestand: …" in a stable order a person can scan."""
    from ingest.base import Report
    from ingest.geocode import Geocoder
    from ingest.registers import map_lrk

    header = ["lrk_id", "type_oko", "actuele_naam_oko", "verantwoordelijke_gemeente"]
    towns = ["Zutphen", "Oost Gelre", "Aalst", "Berkelland", "Aalten", "Winterswijk"]
    rows = [
        (n + 2, dict(zip(header, [str(n), "KDV", f"Opvang {n}", g], strict=True)))
        for n, g in enumerate(towns)
    ]
    report = Report("lrk")
    map_lrk(header, rows, report, "lrk.csv", "Aaltn", set(), geocoder=Geocoder(enabled=False))
    reason = report.file_rejection().reason
    assert "Gemeenten in dit bestand: Aalten, Aalst, Berkelland, Oost Gelre, Winterswijk, Zutphen." in reason


def test_an_empty_file_says_it_is_empty(kaart, tmp_path):
    (tmp_path / "leeg.csv").write_bytes(b"")
    with pytest.raises(FileRejected, match="het bestand is leeg"):
        import_lrk(kaart, tmp_path / "leeg.csv", gemeente="Aalten")
