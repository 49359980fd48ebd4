"""The review queue end to end: an HSDS import files a Proposal for a field a coördinator edited; the
coördinator sees the per-field diff, approves (or edits, then approves, or rejects with a reason); the audit
records it; the audit exports as HSDS `metadata` rows."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import shutil
from pathlib import Path

import pytest
from shared_data import need_shared
from site_data import add_account, csrf_from, login

from graph import ensure_schema
from graph.models import Member, Netwerk, Organisation
from graph.proposals import ChangeRepository, FieldDiff, Proposal, ProposalRepository, proposal_id
from graph.repositories import NetwerkRepository, OrganisationRepository, ServiceRepository
from ingest.hsds import import_hsds
from ingest.ontology_loader import load_ontology_into_graph

FIX = Path(__file__).parent / "fixtures" / "hsds" / "valid"


def _package(tmp_path: Path, folder: str, **row: str) -> Path:
    out = tmp_path / folder
    shutil.copytree(FIX, out)
    path = out / "services.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows[0].update(row)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return out


@pytest.fixture
def kaart(app):
    from webapp.db import get_store

    with app.app_context():
        store = get_store()
        ensure_schema(store)
        load_ontology_into_graph(store)
    return app


def _store(app):
    from webapp.db import get_store

    return get_store(app)


def _coordinator(app):
    client = app.test_client()
    account = add_account(app, "coordinator")
    login(client, account)
    return client, account


def _edit_name(client, name: str) -> None:
    """Change the name through the real form, every other field as the form shows it."""
    from test_beheer_edit import _form

    data = _form(client, "/beheer/dienst/svc-a")
    data["name"] = name
    resp = client.post("/beheer/dienst/svc-a", data=data)
    assert resp.status_code == 302, resp.text[:500]


def test_import_proposal_approve_audit_export(kaart, tmp_path):
    store = _store(kaart)
    import_hsds(store, _package(tmp_path, "p1"), source="hsds:aalten")
    client, account = _coordinator(kaart)
    _edit_name(client, "Formulierenhulp (ook digitaal)")
    # the source changes the field the coördinator edited: a proposal, not an overwrite
    report = import_hsds(store, _package(tmp_path, "p2", name="Formulierenpunt"), source="hsds:aalten")
    assert report.summary()["proposals"] == 1
    assert ServiceRepository(store).get("svc-a").name == "Formulierenhulp (ook digitaal)"

    queue = client.get("/beheer/voorstellen")
    assert queue.status_code == 200
    (p,) = ProposalRepository(store).list()
    assert f"/beheer/voorstel/{p.id}" in queue.text
    assert "1 voorstel" in client.get("/beheer/").text or ">1<" in client.get("/beheer/").text

    page = client.get(f"/beheer/voorstel/{p.id}")
    assert page.status_code == 200
    assert "Formulierenhulp (ook digitaal)" in page.text and "Formulierenpunt" in page.text  # the diff
    assert "hsds:aalten" in page.text
    digest = re.search(r'name="digest" value="([^"]+)"', page.text).group(1)
    resp = client.post(
        f"/beheer/voorstel/{p.id}",
        data={
            "csrf_token": csrf_from(page.text),
            "digest": digest,
            "actie": "goedkeuren",
            "toelichting": "klopt",
        },
    )
    assert resp.status_code == 302
    assert ServiceRepository(store).get("svc-a").name == "Formulierenpunt"
    decided = ProposalRepository(store).get(p.id)
    assert decided.status == "approved" and decided.applied and decided.decided_by == account["email"]
    (latest,) = [c for c in ChangeRepository(store).for_entity("Service", "svc-a") if c.source == "proposal"]
    assert (latest.field, latest.old, latest.new, latest.source, latest.ref, latest.who) == (
        "name",
        "Formulierenhulp (ook digitaal)",
        "Formulierenpunt",
        "proposal",
        p.id,
        account["email"],
    )
    # approving twice is refused
    again = client.post(
        f"/beheer/voorstel/{p.id}",
        data={"csrf_token": csrf_from(page.text), "digest": digest, "actie": "goedkeuren"},
    )
    assert again.status_code == 409

    # the history shows edit, import and proposal; the export has HSDS metadata rows
    history = client.get("/beheer/historie/dienst/svc-a").text
    assert "Formulierenpunt" in history and account["email"] in history and "Voorstel" in history
    resp = client.get("/beheer/historie.csv?soort=dienst&id=svc-a")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    with need_shared("hsds-3.0", "examples", "csv", "metadata.csv").open(encoding="utf-8") as fh:
        expected_header = next(csv.reader(fh))
    assert list(rows[0]) == expected_header
    names = [r for r in rows if r["field_name"] == "name"]
    assert {(r["previous_value"], r["replacement_value"]) for r in names} >= {
        ("Formulierenhulp (ook digitaal)", "Formulierenpunt")
    }
    for r in rows:
        assert r["resource_id"] == "svc-a" and r["resource_type"] == "service"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["last_action_date"])
        assert r["last_action_type"] in ("create", "update", "delete")
        assert re.fullmatch(r"[0-9a-f-]{36}", r["id"])
    assert any(r["updated_by"] == account["email"] for r in rows)
    everything = client.get("/beheer/historie.csv")
    assert everything.status_code == 200 and len(list(csv.DictReader(io.StringIO(everything.text)))) >= len(
        rows
    )


def test_metadata_export_validates_against_hsds_schema(kaart, tmp_path):
    import json

    import jsonschema

    store = _store(kaart)
    import_hsds(store, _package(tmp_path, "p1"), source="hsds:aalten")
    client, _ = _coordinator(kaart)
    _edit_name(client, "Nieuwe naam")
    rows = list(csv.DictReader(io.StringIO(client.get("/beheer/historie.csv").text)))
    assert rows
    schema = json.loads(need_shared("hsds-3.0", "schema", "metadata.json").read_text())
    props = schema["properties"]
    for row in rows:
        assert set(row) <= set(props)
        for key in schema.get("required", []):
            if key != "previous_value":  # empty when a record is created (docs/hsds-profile.md)
                assert row[key] != "", key
        jsonschema.validate(
            {k: v for k, v in row.items()},
            {"type": "object", "properties": {k: {"type": "string"} for k in props}},
        )


def test_edit_then_approve_and_reject_with_reason(kaart, tmp_path):
    store = _store(kaart)
    import_hsds(store, _package(tmp_path, "p1"), source="hsds:aalten")
    client, account = _coordinator(kaart)
    _edit_name(client, "Eigen naam")
    import_hsds(store, _package(tmp_path, "p2", name="Bronnaam"), source="hsds:aalten")
    (p,) = ProposalRepository(store).list()
    page = client.get(f"/beheer/voorstel/{p.id}").text
    digest = re.search(r'name="digest" value="([^"]+)"', page).group(1)
    resp = client.post(
        f"/beheer/voorstel/{p.id}",
        data={
            "csrf_token": csrf_from(page),
            "digest": digest,
            "actie": "aangepast",
            "waarde-0": "Bronnaam (aangepast)",
        },
    )
    assert resp.status_code == 302
    assert ServiceRepository(store).get("svc-a").name == "Bronnaam (aangepast)"
    done = ProposalRepository(store).get(p.id)
    assert done.status == "approved" and done.diffs[0].new == "Bronnaam (aangepast)"
    assert done.note.startswith("Aangepast goedgekeurd")
    shown = client.get(f"/beheer/voorstel/{p.id}").text
    assert "Oorspronkelijk voorgesteld" in shown and "Bronnaam" in shown

    # a reason is required to reject
    svc = ServiceRepository(store).get("svc-a")
    diffs = (FieldDiff("description", svc.description, "Een andere omschrijving"),)
    q = Proposal(
        id=proposal_id("update", "Service", "svc-a", "partner:test", diffs),
        kind="update",
        entity_type="Service",
        entity_id="svc-a",
        diffs=diffs,
        source="partner:test",
        created_at="2026-01-03T00:00:00+00:00",
    )
    ProposalRepository(store).add([q])
    page = client.get(f"/beheer/voorstel/{q.id}").text
    digest = re.search(r'name="digest" value="([^"]+)"', page).group(1)
    resp = client.post(
        f"/beheer/voorstel/{q.id}",
        data={"csrf_token": csrf_from(page), "digest": digest, "actie": "afwijzen"},
    )
    assert resp.status_code == 409 and "waarom" in resp.text.lower()
    resp = client.post(
        f"/beheer/voorstel/{q.id}",
        data={
            "csrf_token": csrf_from(page),
            "digest": digest,
            "actie": "afwijzen",
            "toelichting": "onze naam is beter",
        },
    )
    assert resp.status_code == 302
    rejected = ProposalRepository(store).get(q.id)
    assert (
        rejected.status == "rejected"
        and rejected.note == "onze naam is beter"
        and rejected.decided_by == account["email"]
    )
    assert "onze naam is beter" in client.get("/beheer/historie/dienst/svc-a").text


def test_member_and_merge_proposals(kaart):
    store = _store(kaart)
    OrganisationRepository(store).upsert(
        [Organisation(id="org-a", name="Stichting Welzijn"), Organisation(id="org-b", name="Welzijn")]
    )
    ServiceRepository(store).upsert(
        [
            __import__("graph.models", fromlist=["Service"]).Service(
                id="svc-b", organization_id="org-b", name="Inloop"
            )
        ]
    )
    NetwerkRepository(store).upsert(
        [Netwerk(id="net-x", name="Netwerk X", members=(Member("org-a", "lid", "huidig"),))]
    )
    member_diffs = (
        FieldDiff(
            "members", None, {"organisation_id": "org-b", "rol": "voorzitter", "status": "voorgesteld"}
        ),
    )
    merge = Proposal(
        id=proposal_id("merge", "Organisation", "org-a", "dedupe", (), "org-b"),
        kind="merge",
        entity_type="Organisation",
        entity_id="org-a",
        related_id="org-b",
        diffs=(),
        source="dedupe",
        created_at="2026-01-02T00:00:00+00:00",
        reason="namen lijken op elkaar",
    )
    member = Proposal(
        id=proposal_id("member", "Netwerk", "net-x", "document:test", member_diffs),
        kind="member",
        entity_type="Netwerk",
        entity_id="net-x",
        diffs=member_diffs,
        source="document:test",
        created_at="2026-01-01T00:00:00+00:00",
    )
    ProposalRepository(store).add([merge, member])
    client, _ = _coordinator(kaart)
    page = client.get(f"/beheer/voorstel/{member.id}").text
    assert "Welzijn" in page and "voorzitter" in page
    digest = re.search(r'name="digest" value="([^"]+)"', page).group(1)
    resp = client.post(
        f"/beheer/voorstel/{member.id}",
        data={
            "csrf_token": csrf_from(page),
            "digest": digest,
            "actie": "aangepast",
            "waarde-0-rol": "secretaris",
            "waarde-0-status": "huidig",
        },
    )
    assert resp.status_code == 302
    net = NetwerkRepository(store).get("net-x")
    assert ("org-b", "secretaris", "huidig") in [(m.organisation_id, m.rol, m.status) for m in net.members]

    page = client.get(f"/beheer/voorstel/{merge.id}").text
    assert "Stichting Welzijn" in page and "Welke organisatie blijft?" in page
    digest = re.search(r'name="digest" value="([^"]+)"', page).group(1)
    resp = client.post(
        f"/beheer/voorstel/{merge.id}",
        data={"csrf_token": csrf_from(page), "digest": digest, "actie": "goedkeuren", "blijft": "org-a"},
    )
    assert resp.status_code == 302
    assert OrganisationRepository(store).get("org-b").status == "archived"
    assert ServiceRepository(store).get("svc-b").organization_id == "org-a"
    moved = ChangeRepository(store).for_entity("Service", "svc-b")[0]
    assert (moved.field, moved.old, moved.new) == ("organization_id", "org-b", "org-a")


def test_review_queue_speaks_dutch_names_and_labels_never_ids(kaart):
    """A partner's new phone number and a change of status and themes: the queue and the proposal page show
    names and Dutch labels; the id is neither shown nor editable; the reject box is not an error yet."""
    from graph.models import Service

    store = _store(kaart)
    OrganisationRepository(store).upsert([Organisation(id="org-q", name="Stichting Vooruit")])
    ServiceRepository(store).upsert(
        [Service(id="svc-q", organization_id="org-q", name="Thuisadministratie", themes=("schulden",))]
    )
    source = "partner:plink-0123456789abcdef"
    create = (
        FieldDiff("id", None, "phone-partner-0a1b2c3d4e"),
        FieldDiff("number", None, "0543-123456"),
        FieldDiff("service_id", None, "svc-q"),
    )
    update = (
        FieldDiff("status", "active", "temporarily closed"),
        FieldDiff("themes", ["schulden"], ["schulden", "armoede"]),
        FieldDiff("wait_time", None, "4 weken"),
    )
    made = [
        Proposal(proposal_id(k, t, i, source, d), k, t, i, d, source, "2026-01-05T09:00:00+00:00")
        for k, t, i, d in (
            ("create", "Phone", "phone-partner-0a1b2c3d4e", create),
            ("update", "Service", "svc-q", update),
        )
    ]
    ProposalRepository(store).add(made)
    client, _ = _coordinator(kaart)
    internal = (
        "phone-partner-0a1b2c3d4e",
        "svc-q",
        "plink-",
        "partner:",
        "wait_time",
        "wait time",
        "service_id",
    )
    english = ("temporarily closed", ">active<", "schulden,", "armoede<")
    queue = client.get("/beheer/voorstellen").text
    assert "0543-123456" in queue and "Thuisadministratie" in queue and "De organisatie zelf" in queue
    assert "Wachttijd" in queue and "Status" in queue
    for page in [queue] + [client.get(f"/beheer/voorstel/{p.id}").text for p in made]:
        shown = re.sub(r'(href|action|value|name|id|for)="[^"]*"', "", page)  # what a person reads
        assert [x for x in internal + english if x in shown] == []
    new_phone = client.get(f"/beheer/voorstel/{made[0].id}").text
    assert "Nieuw: 0543-123456" in new_phone and "Thuisadministratie" in new_phone
    assert 'value="phone-partner-0a1b2c3d4e"' not in new_phone  # the id is not an editable field
    change = client.get(f"/beheer/voorstel/{made[1].id}").text
    assert "Tijdelijk gesloten" in change and "Armoede" in change and "Schulden" in change
    reject_box = re.search(r'<textarea[^>]*id="reden"[^>]*>', change).group(0)
    assert "required" not in reject_box and "invalid" not in reject_box


def test_beheer_shows_amsterdam_time_dutch_dates_and_dutch_hours(kaart):
    """Tester: an edit at 06:19 Amsterdam time showed as "05:19" (UTC, unlabelled); the queue showed
    "2026-12-01" and the OSM summary "Mo-Fr 08:30-17:00"."""
    from graph.models import Service
    from graph.proposals import Change

    store = _store(kaart)
    OrganisationRepository(store).upsert([Organisation(id="org-t", name="Stichting Tijd")])
    ServiceRepository(store).upsert([Service(id="svc-t", organization_id="org-t", name="Spreekuur")])
    source = "partner:plink-0123456789abcdef"
    diffs = (
        FieldDiff("wait_time", None, "ongeveer 4 weken"),
        FieldDiff("wait_time_date", None, "2026-12-01"),
        FieldDiff("opening_hours", None, "Mo-Fr 08:30-17:00"),
    )
    p = Proposal(
        proposal_id("update", "Service", "svc-t", source, diffs),
        "update", "Service", "svc-t", diffs, source, "2026-12-01T23:30:00+00:00",
    )  # fmt: skip
    ProposalRepository(store).add([p])
    ChangeRepository(store).add(
        [Change("chg-t", "coordinator@example", "2026-12-06T05:19:00+00:00", "Service", "svc-t", "wait_time_date",
                None, "2026-12-01")]
    )  # fmt: skip
    client, _ = _coordinator(kaart)
    queue = client.get("/beheer/voorstellen").text
    assert "2 december 2026" in queue
    # Tester: "Wijziging\n: Financiële ondersteuning" (a visually hidden half of the link text): one line now.
    assert (
        f'href="/beheer/voorstel/{p.id}">Wijziging: Spreekuur</a>' in queue
    )  # filed at 00:30 Amsterdam time, 23:30 UTC the day before
    table = client.get(f"/beheer/voorstel/{p.id}").text.split("<table")[1].split("</table>")[0]
    assert "1 december 2026" in table and "2026-12-01" not in table
    assert "ma t/m vr 8.30–17.00" in table and "Mo-Fr" not in table
    history = client.get("/beheer/historie/dienst/svc-t").text
    assert "6 december 2026 06:19" in history and "05:19" not in history
    assert "1 december 2026" in history and ">2026-12-01<" not in history


def test_adjust_then_approve_corrects_hours_with_the_service_form_fields_and_a_date_input(kaart):
    """Tester: the proposed hours could not be corrected ("wordt overgenomen zoals voorgesteld"); wachttijd and
    its date were resizable text boxes holding ISO dates."""
    from graph.models import Service
    from ingest.hours import opening_hours_of
    from webapp.beheer.schedules import schedule_changes

    store = _store(kaart)
    OrganisationRepository(store).upsert([Organisation(id="org-u", name="Stichting Uren")])
    ServiceRepository(store).upsert([Service(id="svc-u", organization_id="org-u", name="Spreekuur")])
    hours = schedule_changes(
        None, "svc-u", {"openingstijden": "ma t/m vr 8.30-17.00", "telefonisch": "ma 9-12"}
    )
    source = "partner:plink-0123456789abcdef"
    diffs = (
        FieldDiff("wait_time", None, "ongeveer 4 weken"),
        FieldDiff("wait_time_date", None, "2026-12-01"),
        FieldDiff("schedules", [], [dataclasses.asdict(s) for s in hours["schedules"]]),
        FieldDiff("opening_hours", None, hours["opening_hours"]),
    )
    p = Proposal(
        proposal_id("update", "Service", "svc-u", source, diffs),
        "update", "Service", "svc-u", diffs, source, "2026-12-01T09:00:00+00:00",
    )  # fmt: skip
    ProposalRepository(store).add([p])
    client, _ = _coordinator(kaart)
    page = client.get(f"/beheer/voorstel/{p.id}").text
    adjust = page.split('value="aangepast"')[1].split("</form>")[0]
    assert "wordt overgenomen zoals voorgesteld" not in adjust
    assert re.search(r'<input[^>]*type="date"[^>]*name="waarde-1"[^>]*value="2026-12-01"', adjust)
    assert re.search(r'<input[^>]*type="text"[^>]*name="waarde-0"[^>]*value="ongeveer 4 weken"', adjust)
    assert "<textarea" not in adjust.split('name="waarde-2-')[0]  # no text box for wachttijd or its date
    assert 'name="waarde-2-telefonisch"' in adjust and 'value="ma 9.00-12.00"' in adjust
    data = {
        "csrf_token": csrf_from(page),
        "digest": re.search(r'name="digest" value="([^"]+)"', page).group(1),
        "actie": "aangepast",
        "waarde-0": "ongeveer 5 weken",
        "waarde-1": "2026-12-03",
        "waarde-2-openingstijden": "ma t/m vr 8.30-17.00",
        "waarde-2-telefonisch": "di 9-12",
        "waarde-2-inloop": "",
        "waarde-2-gesloten": "",
    }
    resp = client.post(f"/beheer/voorstel/{p.id}", data=data)
    assert resp.status_code == 302, resp.text[:2000]
    svc = ServiceRepository(store).get("svc-u")
    assert (svc.wait_time, svc.wait_time_date) == ("ongeveer 5 weken", "2026-12-03")
    phone = [s for s in svc.schedules if s.kind == "telefonisch"]
    assert [s.byday for s in phone] == ["TU"]
    assert svc.opening_hours == opening_hours_of(svc.schedules)
