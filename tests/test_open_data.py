"""Open data on the site: the public HSDS export as a zip with its licence and date (linked from every public
page), and an Atom feed of changes to public entries that a gemeente website or a neighbouring kaart can
follow (valid Atom: feed and entries with id, title, updated, link)."""

from __future__ import annotations

import dataclasses
import io
import json
import zipfile
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from site_data import PLANTED_SERVICE, SENTINELS, close_app, demo_app

from graph.editing import save_edit
from graph.repositories import ServiceRepository
from ingest.hsds_profile import hsds_id
from webapp.db import get_store

A = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("open"))
    yield app
    close_app(app)


def test_the_public_export_is_downloadable_with_licence_and_date(site):
    client = site.test_client()
    assert 'href="/open-data"' in client.get("/").text  # linked from the public footer
    page = client.get("/open-data")
    assert page.status_code == 200
    assert "Creative Commons Naamsvermelding 4.0" in page.text and "Gemaakt op" in page.text
    assert 'href="/open-data/sociale-kaart-hsds.zip"' in page.text and 'href="/feed.atom"' in page.text
    resp = client.get("/open-data/sociale-kaart-hsds.zip")
    assert resp.status_code == 200 and resp.mimetype == "application/zip"
    assert "max-age" in resp.headers["Cache-Control"] and "public" in resp.headers["Cache-Control"]
    assert "attachment" in resp.headers["Content-Disposition"] and resp.headers["Last-Modified"]
    with zipfile.ZipFile(io.BytesIO(resp.get_data())) as zf:
        names = set(zf.namelist())
        package = json.loads(zf.read("datapackage.json"))
        services = zf.read("services.csv").decode("utf-8")
        text = "\n".join(zf.read(n).decode("utf-8") for n in names)
    assert {"services.csv", "organizations.csv", "taxonomy_terms.csv"} <= names
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["created"].endswith("Z")
    assert f'datetime="{package["created"]}"' in page.text  # the page shows the date of this download
    assert hsds_id(PLANTED_SERVICE) in services  # ids are the UUIDs of the HSDS API
    for value in SENTINELS.values():
        assert value not in text


def _feed(client) -> ET.Element:
    resp = client.get("/feed.atom")
    assert resp.status_code == 200 and resp.mimetype == "application/atom+xml"
    assert "max-age" in resp.headers["Cache-Control"]
    root = ET.fromstring(resp.get_data())
    assert root.tag == f"{A}feed"
    for tag in ("id", "title", "updated"):
        assert (root.findtext(f"{A}{tag}") or "").strip(), tag
    for entry in root.findall(f"{A}entry"):
        for tag in ("id", "title", "updated"):
            assert (entry.findtext(f"{A}{tag}") or "").strip(), tag
        assert entry.find(f"{A}link").get("href", "").startswith("http")
        datetime.fromisoformat(entry.findtext(f"{A}updated").replace("Z", "+00:00"))
    return root


def test_the_atom_feed_shows_a_change_to_a_public_service_first(site):
    client = site.test_client()
    assert _feed(client).findall(f"{A}entry")  # the demo import counts as a change
    with site.app_context():
        repo = ServiceRepository(get_store())
        svc = repo.get("svc-113-hulplijn")
        save_edit(
            get_store(),
            "Service",
            dataclasses.replace(svc, wait_time="Geen"),
            "coordinator@example.org",
            repo.meta(svc.id)["version"],
        )
    root = _feed(client)
    first = root.findall(f"{A}entry")[0]
    assert first.findtext(f"{A}title") == svc.name
    assert first.findtext(f"{A}id") == f"urn:uuid:{hsds_id(svc.id)}"
    assert first.find(f"{A}link").get("href").endswith(f"/dienst/{svc.id}")
    assert root.findtext(f"{A}updated") == first.findtext(f"{A}updated")
    assert "coordinator@example.org" not in client.get("/feed.atom").get_data(as_text=True)  # never who


def test_a_change_to_a_service_the_public_does_not_see_is_not_in_the_feed(site):
    with site.app_context():
        repo = ServiceRepository(get_store())
        svc = repo.get(PLANTED_SERVICE)
        gone = dataclasses.replace(svc, status="defunct", name="SENTINEL-OPGEHEVEN")
        save_edit(get_store(), "Service", gone, "coordinator@example.org", repo.meta(svc.id)["version"])
    text = site.test_client().get("/feed.atom").get_data(as_text=True)
    assert "SENTINEL-OPGEHEVEN" not in text and hsds_id(PLANTED_SERVICE) not in text


def test_a_note_or_a_professional_only_status_does_not_show_in_the_feed(site):
    """A note for colleagues (ADR 0083) and a "nu niet doorverwijzen" status (ADR 0082) are professional-only:
    the feed must not even tell that something changed on that entry."""
    from graph.notes import NoteRepository
    from graph.statuses import StatusRepository, TemporaryStatus

    quiet = "svc-de-woonplaats-welkomstgesprek"
    with site.app_context():
        NoteRepository(get_store()).add(
            "Service", quiet, "Bel eerst de coördinator.", author_id="a1", author_role="professional",
            author_name="P", who="p@example.org",
        )  # fmt: skip
        StatusRepository(get_store()).set(
            TemporaryStatus(
                entity="Service", entity_id=quiet, kind="niet-doorverwijzen", text="Wachtlijst vol"
            ),
            "p@example.org",
        )
    root = _feed(site.test_client())
    first = root.findall(f"{A}entry")[0]
    assert first.findtext(f"{A}id") != f"urn:uuid:{hsds_id(quiet)}"
    assert "Wachtlijst vol" not in ET.tostring(root, encoding="unicode")


def _edit_other_service(site, wait_time: str) -> None:
    """A coördinator edit elsewhere, so that the service under test is not the newest entry by itself."""
    with site.app_context():
        repo = ServiceRepository(get_store())
        svc = repo.get("svc-113-hulplijn")
        edited = dataclasses.replace(svc, wait_time=wait_time)
        save_edit(get_store(), "Service", edited, "coordinator@example.org", repo.meta(svc.id)["version"])


def test_an_imported_change_of_a_public_phone_is_in_the_feed_a_professional_phone_is_not(site):
    """Issue 17: `kaart ingest csv` of a sheet with a changed public phone reported updated=1 but the feed
    had no entry. The service whose public phone changed is now the newest entry; a change of only the
    professionals' phone is not shown (the feed must not even hint at it)."""
    import time

    from ingest.spreadsheet import import_spreadsheet

    sheets = Path(__file__).parent / "fixtures" / "spreadsheet"
    with site.app_context():
        first = import_spreadsheet(get_store(), sheets / "telefoon-en-telefoon-professionals.csv")
    assert first.counts["created"] > 0
    with site.app_context():
        sid = next(s.id for s in ServiceRepository(get_store()).all() if s.name == "Proef consultatie")
    entry_of = f"urn:uuid:{hsds_id(sid)}"

    time.sleep(1.1)
    _edit_other_service(site, "Een week")
    time.sleep(1.1)
    with site.app_context():
        only_professional = import_spreadsheet(
            get_store(), sheets / "telefoon-professionals-alleen-gewijzigd.csv"
        )
    assert only_professional.counts["updated"] == 1, only_professional.summary()
    assert _feed(site.test_client()).findall(f"{A}entry")[0].findtext(f"{A}id") != entry_of

    time.sleep(1.1)
    _edit_other_service(site, "Twee weken")
    time.sleep(1.1)
    with site.app_context():
        public = import_spreadsheet(
            get_store(), sheets / "telefoon-en-telefoon-professionals-beide-gewijzigd.csv"
        )
    assert public.counts["updated"] >= 1, public.summary()
    first_entry = _feed(site.test_client()).findall(f"{A}entry")[0]
    assert first_entry.findtext(f"{A}id") == entry_of
    assert first_entry.findtext(f"{A}title") == "Proef consultatie"
