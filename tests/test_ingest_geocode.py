"""Geocoding: offline gazetteer, PDOK Locatieserver against recorded responses (never the network), and the
KAART_GEOCODER setting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.repositories import LocationRepository
from ingest.geocode import Gazetteer, Geocoder, PdokGeocoder, fixture_name, geocoder_from_env, recorded_fetch
from ingest.ontology_loader import load_ontology_into_graph
from ingest.spreadsheet import import_spreadsheet

FIX = Path(__file__).parent / "fixtures"


def no_network(url: str):
    raise AssertionError(f"network call in a test: {url}")


def test_gazetteer_gives_the_woonplaats_centre_marked_approximate():
    g = Gazetteer()
    hit = g.geocode("Proefstraat 1", None, "Dinxperlo")
    assert hit.source == "gazetteer" and hit.precision == "woonplaats" and hit.approximate
    assert abs(hit.lat - 51.864) < 0.01 and abs(hit.lon - 6.4875) < 0.01
    assert g.geocode(None, None, "Dinxper") == hit  # alias
    assert g.geocode(None, None, "Nergenshuizen") is None


def test_pdok_address_then_postcode_from_recorded_responses():
    pdok = PdokGeocoder(fetch=recorded_fetch(FIX / "pdok"))
    hit = pdok.geocode("Proefstraat 1", "7121 ZZ", "Aalten")
    assert (hit.lat, hit.lon, hit.precision, hit.source) == (51.92612, 6.58123, "adres", "pdok")
    assert hit.label == "Proefstraat 1, 7121ZZ Aalten" and not hit.approximate
    only_postcode = pdok.geocode(None, "7121 ZZ", None)
    assert (only_postcode.lat, only_postcode.precision) == (51.9248, "postcode")
    assert pdok.geocode("Onbekendeweg 99", "9999 ZZ", "Nergenshuizen") is None


def test_pdok_queries_are_cached_and_errors_never_abort():
    calls = []

    def fetch(url):
        calls.append(url)
        raise OSError("network down")

    pdok = PdokGeocoder(fetch=fetch)
    assert pdok.geocode("Proefstraat 1", "7121 ZZ", "Aalten") is None
    assert pdok.errors and "network down" in pdok.errors[0]
    assert (
        fixture_name(pdok.query_url("Proefstraat 1 7121 ZZ Aalten", "adres"))
        == "type-adres-proefstraat-1-7121-zz-aalten.json"
    )


def test_setting_selects_the_geocoder():
    assert geocoder_from_env({}, fetch=no_network).pdok is None  # default: offline
    assert geocoder_from_env({"KAART_GEOCODER": "off"}).geocode(None, None, "Aalten") is None
    online = geocoder_from_env(
        {"KAART_GEOCODER": "pdok", "KAART_GEOCODER_URL": "https://pdok.test/free"}, fetch=no_network
    )
    assert online.pdok.url == "https://pdok.test/free"
    with pytest.raises(ValueError, match="KAART_GEOCODER"):
        geocoder_from_env({"KAART_GEOCODER": "google"})


def test_import_uses_pdok_when_enabled_and_falls_back_to_the_gazetteer(store):
    load_ontology_into_graph(store)
    geocoder = geocoder_from_env({"KAART_GEOCODER": "pdok"}, fetch=recorded_fetch(FIX / "pdok"))
    import_spreadsheet(store, FIX / "spreadsheet" / "sociale-kaart.csv", geocoder=geocoder)
    locs = {loc.city: loc for loc in LocationRepository(store).all()}
    assert (locs["Aalten"].latitude, locs["Aalten"].approximate) == (51.92612, False)  # PDOK address
    assert locs["Dinxperlo"].approximate  # no address: the gazetteer's kern centre


def answer(name: str):
    """A fetch that answers every query with one recorded response (real Locatieserver shape)."""
    doc = json.loads((FIX / "pdok" / name).read_text(encoding="utf-8"))
    return lambda url: doc


def test_a_fuzzy_hit_in_another_town_is_not_taken_as_the_address():
    pdok = PdokGeocoder(fetch=answer("fuzzy-other-town.json"))
    assert pdok.geocode("Proefstraat 5", "7121 ZZ", "Aalten") is None
    assert pdok.notes and "Proefstraat 5, 9411ZZ Beilen" in pdok.notes[0] and "kernniveau" in pdok.notes[0]


def test_the_candidate_that_agrees_with_the_postcode_is_taken():
    hit = PdokGeocoder(fetch=answer("second-doc-agrees.json")).geocode("Proefstraat 5", "7121 ZZ", "Aalten")
    assert (hit.lat, hit.lon, hit.label) == (51.9263, 6.5814, "Proefstraat 5, 7121ZZ Aalten")


def test_without_a_postcode_the_woonplaats_must_agree_aliases_included():
    other = Geocoder(PdokGeocoder(fetch=answer("woonplaats-other-town.json")), Gazetteer())
    hit = other.geocode("Proefweg 2", None, "Aalten")
    assert hit.source == "gazetteer" and hit.approximate  # kern level, not Winterswijk
    assert "Winterswijk" in other.take_notes()[0]
    alias = Geocoder(PdokGeocoder(fetch=answer("woonplaats-alias-dinxper.json")), Gazetteer())
    assert alias.geocode("Proefweg 2", None, "Dinxper").source == "pdok"


def test_import_keeps_a_fuzzy_hit_at_kern_level_and_reports_the_row(store, tmp_path):
    load_ontology_into_graph(store)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "Organisatie,Naam,Adres,Postcode,Plaats\nStichting Proefwelzijn,Formulierenhulp,Proefstraat 5,7121 ZZ,Aalten\n",
        encoding="utf-8",
    )
    geocoder = geocoder_from_env({"KAART_GEOCODER": "pdok"}, fetch=answer("fuzzy-other-town.json"))
    report = import_spreadsheet(store, sheet, geocoder=geocoder)
    loc = LocationRepository(store).all()[0]
    assert loc.approximate and abs(loc.latitude - 51.92) < 0.02  # Aalten's centre, not Beilen
    assert any(i.row == 2 and "Beilen" in i.reason and "kernniveau" in i.reason for i in report.issues)


def test_pdok_unreachable_is_reported_once_per_run(store, tmp_path):
    load_ontology_into_graph(store)
    calls = []

    def down(url):
        calls.append(url)
        raise OSError("Connection refused")

    rows = "".join(f"Stichting Proefwelzijn,Dienst {i},Proefstraat {i},7121 ZZ,Aalten\n" for i in range(1, 6))
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Organisatie,Naam,Adres,Postcode,Plaats\n" + rows, encoding="utf-8")
    geocoder = geocoder_from_env({"KAART_GEOCODER": "pdok"}, fetch=down)
    report = import_spreadsheet(store, sheet, geocoder=geocoder)
    unreachable = [i for i in report.issues if "niet bereikbaar" in i.reason]
    assert len(unreachable) == 1 and unreachable[0].row == 0 and "Connection refused" in unreachable[0].reason
    assert len(calls) == 1  # not asked again (and no timeout) for every row
    assert all(loc.approximate for loc in LocationRepository(store).all())  # kern level
