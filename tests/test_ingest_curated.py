"""Provenance, curated data wins, the review queue and the audit trail; duplicates across sources."""

from __future__ import annotations

import csv
import dataclasses
import shutil
from pathlib import Path

import pytest

from graph.editing import save_edit
from graph.errors import ConflictError
from graph.hsds_store import HsdsStore
from graph.proposals import ChangeRepository, ProposalRepository, apply_proposal
from graph.repositories import OrganisationRepository, ServiceRepository
from graph.sources import SourceRepository
from ingest.hsds import import_hsds
from ingest.registers import import_lrk
from ingest.spreadsheet import import_spreadsheet

FIX = Path(__file__).parent / "fixtures"


def package(tmp_path: Path, **services_row: str) -> Path:
    """The `valid` HSDS fixture with some fields of svc-a changed."""
    out = tmp_path / f"pkg-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(FIX / "hsds" / "valid", out)
    path = out / "services.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows[0].update(services_row)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return out


def edit(store, **fields):
    svc = ServiceRepository(store).get("svc-a")
    version = ServiceRepository(store).meta("svc-a")["version"]
    return save_edit(store, "Service", dataclasses.replace(svc, **fields), "coordinator@example", version)


def test_every_record_has_provenance_and_a_source_node(kaart, tmp_path):
    pkg = package(tmp_path)
    import_hsds(kaart, pkg, source="hsds:aalten")
    meta = ServiceRepository(kaart).meta("svc-a")
    assert meta["source"] == "hsds:aalten" and meta["source_record_id"] == "svc-a"
    assert meta["imported_at"] and len(meta["hash"]) == 32
    assert HsdsStore(kaart).provenance("Organisation", "org-a")["source"] == "hsds:aalten"
    src = SourceRepository(kaart).get("hsds:aalten")
    assert src.kind == "hsds" and src.imports == 1 and src.counts()["created"] == 3 and not src.trusted
    import_hsds(kaart, pkg, source="hsds:aalten")
    assert SourceRepository(kaart).get("hsds:aalten").imports == 2
    assert SourceRepository(kaart).record_count("hsds:aalten") == 3


def test_an_import_that_changes_a_field_records_the_change(kaart, tmp_path):
    import_hsds(kaart, package(tmp_path), source="hsds:aalten")
    report = import_hsds(
        kaart,
        package(tmp_path, description="Hulp bij post, formulieren en digitale zaken"),
        source="hsds:aalten",
    )
    assert report.summary()["services_updated"] == 1 and report.summary()["proposals"] == 0
    changes = ChangeRepository(kaart).for_entity("Service", "svc-a")
    assert [(c.field, c.source, c.who) for c in changes] == [("description", "import", "hsds:aalten")]
    assert changes[0].old == "Hulp bij post en formulieren"


def test_curated_field_wins_and_a_changed_source_files_a_proposal(kaart, tmp_path):
    import_hsds(kaart, package(tmp_path), source="hsds:aalten")
    edit(kaart, name="Formulierenhulp (ook digitaal)")
    assert ChangeRepository(kaart).curated_fields("Service", ["svc-a"]) == {"svc-a": {"name"}}

    # The source still says what it said: the edit stays, no proposal.
    same = import_hsds(kaart, package(tmp_path), source="hsds:aalten")
    assert same.summary()["proposals"] == 0
    assert ServiceRepository(kaart).get("svc-a").name == "Formulierenhulp (ook digitaal)"

    # The source changes the edited field and another one: the other one updates, the edited one is proposed.
    changed = package(tmp_path, name="Formulierenpunt", description="Nieuwe omschrijving")
    report = import_hsds(kaart, changed, source="hsds:aalten")
    svc = ServiceRepository(kaart).get("svc-a")
    assert svc.name == "Formulierenhulp (ook digitaal)" and svc.description == "Nieuwe omschrijving"
    assert report.summary()["proposals"] == 1
    (p,) = ProposalRepository(kaart).list()
    assert (p.kind, p.entity_type, p.entity_id, p.source) == ("update", "Service", "svc-a", "hsds:aalten")
    assert [(d.field, d.old, d.new) for d in p.diffs] == [
        ("name", "Formulierenhulp (ook digitaal)", "Formulierenpunt")
    ]
    assert any(i.outcome == "proposal" and i.file == "services.csv" and i.row == 2 for i in report.issues)

    # Importing the same again files nothing new.
    assert import_hsds(kaart, changed, source="hsds:aalten").summary()["proposals"] == 0
    assert ProposalRepository(kaart).count() == 1

    # Approving applies it, with an audit Change; the field stays curated (the coördinator decided it).
    apply_proposal(kaart, p.id, "coordinator@example", note="klopt")
    assert ServiceRepository(kaart).get("svc-a").name == "Formulierenpunt"
    assert (
        ProposalRepository(kaart).get(p.id).status == "approved"
        and ProposalRepository(kaart).get(p.id).applied
    )
    latest = ChangeRepository(kaart).for_entity("Service", "svc-a")[0]
    assert (latest.field, latest.source, latest.ref) == ("name", "proposal", p.id)
    with pytest.raises(ConflictError):
        apply_proposal(kaart, p.id, "someone-else@example")


def test_rejected_proposals_are_not_filed_again(kaart, tmp_path):
    import_hsds(kaart, package(tmp_path), source="hsds:aalten")
    edit(kaart, name="Eigen naam")
    changed = package(tmp_path, name="Bronnaam")
    import_hsds(kaart, changed, source="hsds:aalten")
    (p,) = ProposalRepository(kaart).list()
    ProposalRepository(kaart).reject(p.id, "coordinator@example", note="onze naam is beter")
    with pytest.raises(ConflictError):
        ProposalRepository(kaart).reject(p.id, "coordinator@example")
    import_hsds(kaart, changed, source="hsds:aalten")
    assert (
        ProposalRepository(kaart).count(None) == 1
        and ServiceRepository(kaart).get("svc-a").name == "Eigen naam"
    )


def test_a_trusted_source_overwrites_edits(kaart, tmp_path):
    import_lrk(kaart, FIX / "lrk" / "export_opendata_lrk.csv", gemeente="Aalten")
    svc = ServiceRepository(kaart).get("svc-lrk-100000001")
    version = ServiceRepository(kaart).meta(svc.id)["version"]
    save_edit(kaart, "Service", dataclasses.replace(svc, name="Eigen naam"), "coordinator@example", version)
    text = (
        (FIX / "lrk" / "export_opendata_lrk.csv")
        .read_bytes()
        .decode("cp1252")
        .replace("Crèche De Proeftuin;32", "Crèche De Proeftuin Nieuw;32")
    )
    (tmp_path / "export_opendata_lrk.csv").write_bytes(text.encode("cp1252"))
    report = import_lrk(kaart, tmp_path / "export_opendata_lrk.csv", gemeente="Aalten")
    assert ServiceRepository(kaart).get(svc.id).name == "Crèche De Proeftuin Nieuw"
    assert report.summary()["proposals"] == 0


def test_concurrent_edits_one_wins_one_conflicts(kaart, tmp_path):
    import_hsds(kaart, package(tmp_path))
    svc = ServiceRepository(kaart).get("svc-a")
    version = ServiceRepository(kaart).meta("svc-a")["version"]
    save_edit(kaart, "Service", dataclasses.replace(svc, name="Eerste"), "a@example", version)
    with pytest.raises(ConflictError):
        save_edit(kaart, "Service", dataclasses.replace(svc, name="Tweede"), "b@example", version)
    assert ServiceRepository(kaart).get("svc-a").name == "Eerste"


def test_duplicates_across_sources_become_merge_proposals(kaart, tmp_path):
    # The same organisation in a spreadsheet and in the LRK: merge proposed, nothing merged.
    (tmp_path / "sheet.csv").write_text(
        "Organisatie,Naam,Postcode,Plaats\nStichting Voorbeeldopvang B.V.,Peuterochtend,7121 ZZ,Aalten\n"
        "Buurtkamer De Proef,Inloop,,Dinxperlo\n",
        encoding="utf-8",
    )
    import_spreadsheet(kaart, tmp_path / "sheet.csv")
    report = import_lrk(kaart, FIX / "lrk" / "export_opendata_lrk.csv", gemeente="Aalten")
    merges = ProposalRepository(kaart).list(kind="merge")
    assert [(p.entity_id, p.related_id) for p in merges] == [
        ("org-lrk-kvk-12345678", "org-stichting-voorbeeldopvang-b-v")
    ]
    assert "zelfde postcode" in merges[0].reason and report.summary()["proposals"] == 1
    assert OrganisationRepository(kaart).count() == 3
    again = import_spreadsheet(kaart, tmp_path / "sheet.csv")  # unchanged: no new proposals
    assert again.summary()["proposals"] == 0 and ProposalRepository(kaart).count() == 1
    apply_proposal(kaart, merges[0].id, "coordinator@example")
    assert ProposalRepository(kaart).get(merges[0].id).applied


def test_same_source_is_not_a_duplicate_of_itself(kaart):
    report = import_lrk(kaart, FIX / "lrk" / "export_opendata_lrk.csv", gemeente="Aalten")
    assert report.summary()["proposals"] == 0


def test_reimport_keeps_what_a_coordinator_approved_from_a_partner(kaart, tmp_path):
    """Tester's defect: a partner's wachttijd and date, approved in the review queue, were wiped by the same
    unchanged HSDS import (updated=1, proposals=0). An approved proposal makes its fields curated, like an edit."""
    from graph.proposals import FieldDiff, Proposal, now_iso, proposal_id

    pkg = package(tmp_path)
    import_hsds(kaart, pkg, source="hsds:aalten")
    diffs = (
        FieldDiff("wait_time", None, "ongeveer 4 weken"),
        FieldDiff("wait_time_date", None, "2026-12-01"),
        FieldDiff("assured_date", "2026-10-01", "2026-12-01"),
    )
    src = "partner:org-a"
    p = Proposal(
        proposal_id("update", "Service", "svc-a", src, diffs),
        "update",
        "Service",
        "svc-a",
        diffs,
        src,
        now_iso(),
    )
    ProposalRepository(kaart).add([p])
    apply_proposal(kaart, p.id, "coordinator@example")
    assert ChangeRepository(kaart).curated_fields("Service", ["svc-a"]) == {
        "svc-a": {"wait_time", "wait_time_date", "assured_date"}
    }

    again = import_hsds(kaart, pkg, source="hsds:aalten")
    svc = ServiceRepository(kaart).get("svc-a")
    assert (svc.wait_time, svc.wait_time_date, svc.assured_date) == (
        "ongeveer 4 weken",
        "2026-12-01",
        "2026-12-01",
    )
    assert again.summary()["services_updated"] == 0
    assert [c.source for c in ChangeRepository(kaart).for_entity("Service", "svc-a")] == ["proposal"] * 3
