"""HSDS as publishers really write it (docs/adr/0072-reading-hsds-as-published.md): ages with units, dates in
Dutch and other forms, status synonyms, decimal commas, coordinates outside the Netherlands or swapped, HTML in
descriptions. Each is read leniently with a warning, never stored verbatim, and the export still validates."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.repositories import LocationRepository, OrganisationRepository, ServiceRepository
from ingest.hsds import import_hsds
from ingest.hsds_profile import hsds_id
from ingest.hsds_values import (
    html_to_text,
    read_age,
    read_coordinates,
    read_date,
    read_datetime,
    read_number,
    read_status,
    read_uri,
)

FIXTURES = Path(__file__).parent / "fixtures" / "hsds"
AGES_DATES_STATUS = FIXTURES / "ages-with-units-dutch-dates-status-synonyms"
COORDINATES = FIXTURES / "decimal-comma-swapped-latlon-outside-nl"
HTML = FIXTURES / "html-descriptions-escaped-script-lists"


def _reasons(report) -> dict[str | None, list[str]]:
    out: dict[str | None, list[str]] = {}
    for i in report.issues:
        out.setdefault(i.record_id, []).append(f"{i.outcome}: {i.reason}")
    return out


def _export_is_valid(kaart, directory: Path) -> dict[str, dict[str, dict[str, str]]]:
    """`kaart export hsds` succeeds on what was imported; the written rows, by table and id (read back with the
    readable ids, as `kaart ingest hsds` reads them: the files hold UUIDs, ADR 0074)."""
    from ingest.hsds_export import export_hsds, read_package

    result = export_hsds(kaart, directory)
    assert result.problems == []
    return {table: {r["id"]: r for r in rows} for table, rows in read_package(directory).items()}


# --- the value readers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age", "noted"),
    [
        ("18", 18, False),
        ("18.0", 18, False),
        ("18 jaar", 18, True),
        ("18 years", 18, True),
        ("18+", 18, True),
        ("vanaf 18", 18, True),
        ("65 jr", 65, True),
        ("4-12 jaar", 4, True),
        ("volwassenen", None, True),
        ("", None, False),
    ],
)
def test_read_age(text, age, noted):
    value, note = read_age(text)
    assert value == age and bool(note) == noted


@pytest.mark.parametrize(
    ("text", "iso", "note_has"),
    [
        ("2025-03-15", "2025-03-15", None),
        ("2025-03-15T09:30:00Z", "2025-03-15", None),
        ("2025-03-15 09:30", "2025-03-15", None),
        ("15-03-2025", "2025-03-15", "gelezen als 2025-03-15"),
        ("15/03/2025", "2025-03-15", "gelezen als 2025-03-15"),
        ("15.03.2025", "2025-03-15", "gelezen als 2025-03-15"),
        ("03/15/2025", "2025-03-15", "maand-dag"),
        ("03/04/2025", "2025-04-03", "dubbelzinnig: gelezen als dag-maand"),
        ("05-05-2025", "2025-05-05", "gelezen als"),
        ("15 maart 2025", "2025-03-15", "gelezen als"),
        ("15 mrt. 2025", "2025-03-15", "gelezen als"),
        ("zaterdag 15 maart 2025", "2025-03-15", "gelezen als"),
        ("March 15, 2025", "2025-03-15", "gelezen als"),
        ("2025/03/15", "2025-03-15", "gelezen als"),
        ("31-02-2025", None, "ongeldige datum"),
        ("binnenkort", None, "ongeldige datum"),
    ],
)
def test_read_date_gives_iso_or_nothing(text, iso, note_has):
    value, note = read_date(text)
    assert value == iso
    assert (note is None) if note_has is None else (note_has in note)


@pytest.mark.parametrize(
    ("text", "value", "noted"),
    [
        ("2025-03-15T09:30:00Z", "2025-03-15T09:30:00Z", False),
        ("2025-03-15T09:30:00+01:00", "2025-03-15T09:30:00+01:00", False),
        ("2025-03-15 09:30", "2025-03-15T09:30:00+01:00", True),
        ("15-03-2025 10:30", "2025-03-15T10:30:00+01:00", True),
        ("15-03-2025", "2025-03-15T00:00:00+01:00", True),
        ("gisteren", None, True),
    ],
)
def test_read_datetime_gives_iso_with_an_offset(text, value, noted):
    normal, note = read_datetime(text)
    assert normal == value and bool(note) == noted


@pytest.mark.parametrize(
    ("text", "value", "noted"),
    [
        ("https://proef.example", "https://proef.example", False),
        ("www.proef.example", "https://www.proef.example", True),
        ("proef.example/hulp", "https://proef.example/hulp", True),
        ("geen adres", "geen adres", False),
    ],
)
def test_read_uri_adds_the_scheme_a_publisher_left_out(text, value, noted):
    normal, note = read_uri(text)
    assert normal == value and bool(note) == noted


@pytest.mark.parametrize(
    ("text", "status", "noted"),
    [
        ("active", "active", False),
        ("Active", "active", True),
        ("ACTIVE", "active", True),
        ("actief", "active", True),
        ("", "active", True),
        ("inactive", "inactive", False),
        ("Inactief", "inactive", True),
        ("opgeheven", "defunct", True),
        ("Temporarily Closed", "temporarily closed", True),
        ("tijdelijk gesloten", "temporarily closed", True),
        ("misschien", None, True),
    ],
)
def test_read_status(text, status, noted):
    value, note = read_status(text)
    assert value == status and bool(note) == noted


@pytest.mark.parametrize(
    ("text", "number", "noted"),
    [("51.925", "51.925", False), ("51,925", "51.925", True), ("-3,2", "-3.2", True), ("abc", None, True)],
)
def test_read_number_takes_a_decimal_comma(text, number, noted):
    value, note = read_number(text)
    assert value == number and bool(note) == noted


def test_read_coordinates_swaps_back_and_refuses_points_abroad():
    assert read_coordinates(51.92, 6.58) == (51.92, 6.58, None)
    lat, lon, note = read_coordinates(6.58, 51.92)
    assert (lat, lon) == (51.92, 6.58) and "verwisseld" in note
    lat, lon, note = read_coordinates(40.71, -74.0)
    assert (lat, lon) == (None, None) and "buiten Nederland" in note


@pytest.mark.parametrize(
    ("html", "text"),
    [
        (
            "<p>Hulp bij <b>schulden</b> &amp; geld.</p><p>Tweede<br>regel</p>",
            "Hulp bij schulden & geld.\n\nTweede\nregel",
        ),
        ("<ul><li>een</li><li>twee</li></ul>", "• een\n• twee"),
        ("&lt;p&gt;Hallo&lt;/p&gt;", "Hallo"),
        ("Tekst<script>alert(1)</script><style>p{}</style>", "Tekst"),
        ("kinderen < 12 jaar", "kinderen < 12 jaar"),
        ("Regel 1\nRegel 2", "Regel 1\nRegel 2"),
        ("Regel 1\nRegel <b>2</b>", "Regel 1\nRegel 2"),
        ("<p>Regel 1\nnog regel 1</p>", "Regel 1 nog regel 1"),
        ("Zorg &amp; Welzijn", "Zorg & Welzijn"),
    ],
)
def test_html_to_text(html, text):
    assert html_to_text(html) == text


# --- whole files -----------------------------------------------------------------------------------------


def test_ages_with_units_dates_and_status_synonyms_import_with_warnings_and_export(kaart, tmp_path):
    report = import_hsds(kaart, AGES_DATES_STATUS)
    repo = ServiceRepository(kaart)
    reasons = _reasons(report)
    jaar = repo.get("svc-jaar")
    assert (jaar.minimum_age, jaar.status, jaar.assured_date) == (18, "active", "2025-03-15")
    assert any("'18 jaar' gelezen als 18" in r for r in reasons["svc-jaar"])
    plus = repo.get("svc-plus")
    assert (plus.minimum_age, plus.maximum_age, plus.status, plus.assured_date) == (
        18,
        65,
        "active",
        "2025-03-15",
    )
    assert any("status ontbreekt" in r for r in reasons["svc-plus"])
    dubbel = repo.get("svc-dubbel")
    assert dubbel.assured_date == "2025-04-03"  # Dutch first, and the report says so
    assert any("dubbelzinnig" in r for r in reasons["svc-dubbel"])
    assert repo.get("svc-maand").assured_date == "2025-03-15"
    tijd = repo.get("svc-tijd")
    assert (tijd.status, tijd.assured_date, tijd.minimum_age) == ("temporarily closed", "2025-03-15", None)
    assert any("'volwassenen' is geen getal" in r for r in reasons["svc-tijd"])  # warned, service kept
    rng = repo.get("svc-range")
    assert (rng.minimum_age, rng.maximum_age) == (4, 12)  # "4-12 jaar" in both columns
    assert repo.get("svc-onbekend") is None
    assert "rejected: ongeldige status 'misschien'" in reasons["svc-onbekend"]
    rows = _export_is_valid(kaart, tmp_path / "e")["services"]
    assert rows["svc-jaar"]["status"] == "active" and rows["svc-plus"]["status"] == "active"
    assert rows["svc-jaar"]["assured_date"] == "2025-03-15" and rows["svc-jaar"]["minimum_age"] == "18"
    assert rows["svc-maand"]["last_modified"] == "2025-03-15T10:30:00+01:00"
    org = OrganisationRepository(kaart).get("org-a")
    assert org.website == "https://www.proef.example"


def test_dutch_date_shows_as_a_date_on_the_service_page(app, client):
    from webapp.db import get_store

    with app.app_context():
        import_hsds(get_store(), AGES_DATES_STATUS)
    html = client.get("/dienst/svc-jaar").get_data(as_text=True)
    assert "Laatst gecontroleerd: 15 maart 2025" in html
    assert "15-03-2025" not in html


def test_decimal_commas_swapped_and_foreign_coordinates_are_read_and_export(kaart, tmp_path):
    report = import_hsds(kaart, COORDINATES)
    locs = LocationRepository(kaart)
    reasons = _reasons(report)
    komma = locs.get("loc-komma")
    assert (komma.latitude, komma.longitude) == (51.9253, 6.5806) and not komma.approximate
    assert any("decimaalkomma" in r for r in reasons["loc-komma"])
    swapped = locs.get("loc-verwisseld")
    assert (swapped.latitude, swapped.longitude) == (51.926, 6.579)
    assert any("verwisseld" in r for r in reasons["loc-verwisseld"])
    abroad = locs.get("loc-buitenland")
    assert any("buiten Nederland" in r for r in reasons["loc-buitenland"])
    assert abroad.latitude is None or (abroad.approximate and 50.7 < abroad.latitude < 53.6)
    tables = _export_is_valid(kaart, tmp_path / "e")
    rows = tables["locations"]
    assert rows["loc-komma"]["latitude"] == "51.9253"
    assert rows["loc-verwisseld"]["latitude"] == "51.926"
    assert (
        tables["addresses"][hsds_id("addr-buitenland")]["address_type"] == "physical"
    )  # 'Physical' as HSDS writes it (an address keeps the UUID of its id, ADR 0074)


def test_html_descriptions_are_stored_as_plain_text_and_export(kaart, tmp_path):
    import_hsds(kaart, HTML)
    repo = ServiceRepository(kaart)
    html = repo.get("svc-html")
    assert html.description == (
        "Hulp bij schulden & geldzaken.\n\nWat wij doen:\n• Uw post ordenen\n• Een plan maken"
    )
    assert html.application_process == "Bel ons of loop binnen."
    assert repo.get("svc-escaped").description == "Hulp bij post en formulieren.\n\nElke dinsdag."
    assert repo.get("svc-tekst").description == (
        "Nederlands oefenen.\nElke woensdag, voor iedereen < 100 jaar."
    )
    org = OrganisationRepository(kaart).get("org-a")
    assert (
        org.name == "Zorg & Welzijn Proef"
        and org.description == "Wij helpen inwoners van Aalten.\n\nBel ons gerust."
    )
    rows = _export_is_valid(kaart, tmp_path / "e")["services"]
    assert "<" not in rows["svc-html"]["description"] and "script" not in rows["svc-html"]["description"]


def test_reduced_html_is_a_warning_on_its_row_plain_text_is_not(kaart):
    """The README promises a warning per row when markup in a text was reduced to plain text; it was silent."""
    report = import_hsds(kaart, HTML)
    warned = {(i.record_id, i.reason) for i in report.issues if i.outcome == "warning"}
    assert ("svc-html", "description: opmaak (HTML) omgezet naar platte tekst") in warned
    assert ("svc-escaped", "description: opmaak (HTML) omgezet naar platte tekst") in warned
    assert not any(rid == "svc-tekst" and "opmaak" in why for rid, why in warned)  # "< 100 jaar" is no markup


def test_html_description_reads_as_paragraphs_on_the_public_page(app, client):
    from webapp.db import get_store

    with app.app_context():
        import_hsds(get_store(), HTML)
    for sid in ("svc-html", "svc-escaped"):
        page = client.get(f"/dienst/{sid}").get_data(as_text=True)
        assert "&lt;" not in page.split("<main", 1)[1].replace("&lt; 100", "")
        assert "<script>alert" not in page and "alert(&#39;x&#39;)" not in page
    page = client.get("/dienst/svc-html").get_data(as_text=True)
    assert '<p class="utrecht-paragraph">Hulp bij schulden &amp; geldzaken.</p>' in page
    assert "• Uw post ordenen<br>• Een plan maken" in page
    page = client.get("/organisatie/org-a").get_data(as_text=True)
    assert "Zorg &amp; Welzijn Proef" in page and "&amp;amp;" not in page and "&lt;p&gt;" not in page
    assert '<p class="utrecht-paragraph">Bel ons gerust.</p>' in page


OTHER_TAXONOMIES = FIXTURES / "other-taxonomies-open-eligibility-gemeente-list-same-code-as-thema"


def test_terms_of_other_taxonomies_stay_theirs_through_an_edit_and_the_export(kaart, tmp_path):
    """A gemeente's own list links its term `schulden` with link_type `thema`, next to an Open Eligibility term:
    neither is read as our thema, neither is lost when a coördinator edits the themes, both are exported with
    their own taxonomy."""
    import dataclasses

    from graph.editing import save_edit

    report = import_hsds(kaart, OTHER_TAXONOMIES)
    repo = ServiceRepository(kaart)
    assert repo.get("svc-a").themes == ("schulden",)
    assert repo.get("svc-b").themes == ()  # the gemeente's `schulden` is not our thema
    assert not [i for i in report.issues if i.record_id == "svc-b"]
    svc = repo.get("svc-b")
    save_edit(
        kaart,
        "Service",
        dataclasses.replace(svc, themes=("werk",)),
        "c@example",
        repo.meta("svc-b")["version"],
    )
    tables = _export_is_valid(kaart, tmp_path / "e")
    linked = {r["taxonomy_term_id"] for r in tables["attributes"].values() if r["link_id"] == "svc-b"}
    assert {"gem-schulden", "oe-money-management"} <= linked
    terms = tables["taxonomy_terms"]
    assert (
        terms["gem-schulden"]["taxonomy_id"] == "tax-gem"
        and terms["thema-schulden"]["taxonomy_id"] == "tax-thema"
    )
    assert tables["taxonomies"]["tax-oe"]["name"] == "Open Eligibility"


def test_capitalised_headers_and_file_names_are_read_as_hsds(kaart, tmp_path):
    """`Services.csv` with `ID`, `Organization ID`, `Minimum Age`: HSDS as a spreadsheet tool saved it."""
    report = import_hsds(kaart, FIXTURES / "capitalised-headers-and-file-names")
    svc = ServiceRepository(kaart).get("svc-a")
    assert (svc.organization_id, svc.minimum_age, svc.status) == ("org-a", 18, "active")
    assert OrganisationRepository(kaart).get("org-a").website == "https://proef.example"
    assert any("'Organization ID' → organization_id" in i.reason for i in report.issues)
    assert _export_is_valid(kaart, tmp_path / "e")["services"]["svc-a"]["status"] == "active"
