"""Policy documents (text or PDF) only propose: new partners and network memberships go to the review queue."""

from __future__ import annotations

from pathlib import Path

import pytest
from shared_data import need_shared, shared

from graph.proposals import ProposalRepository, apply_proposal
from graph.repositories import NetwerkRepository, OrganisationRepository
from ingest.document import import_document, mentions
from ingest.netwerken import import_netwerken
from ingest.ontology_loader import load_ontology_into_graph
from ingest.spreadsheet import import_spreadsheet

FIX = Path(__file__).parent / "fixtures"
SEED_002 = shared("seeds", "002_d907c8e436b9cccb.txt")


@pytest.fixture
def kaart(store):
    load_ontology_into_graph(store)
    import_spreadsheet(store, FIX / "spreadsheet" / "sociale-kaart.csv")
    import_netwerken(store, FIX / "netwerken" / "netwerken.yaml")
    return store


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF (Helvetica, WinAnsi) with these lines."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "\n".join(
        ["BT", "/F1 11 Tf", "14 TL", "50 800 Td", *(f"({esc(x)}) Tj T*" for x in lines), "ET"]
    ).encode("cp1252")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_mentions_read_roles_organisations_and_their_heading():
    found = [
        (m.rol, m.organisation, m.network_hint, m.status)
        for m in mentions((FIX / "document" / "beleidsnotitie.txt").read_text(encoding="utf-8"))
    ]
    assert found == [
        ("Welzijnscoach", "Stichting Voorbeeldwelzijn", "vat", "huidig"),
        ("Gastvrouw", "Buurtkamer De Proef", "vat", "huidig"),
        ("Schuldhulpmaatje", "Stichting Nieuwe Partner", "vat", "huidig"),
        ("Jeugdverpleegkundige", "Jeugdzorg Test", "vat", "voorgesteld"),
        ("Jeugdverpleegkundige", "GGD Proef", "vat", "voorgesteld"),
        ("Vertegenwoordiging", "Werkplein Voorbeeld", "vat", "voorgesteld"),
    ]


def test_document_files_proposals_and_writes_nothing_else(kaart):
    orgs_before = OrganisationRepository(kaart).count()
    members_before = NetwerkRepository(kaart).get("net-vat-voorbeeld").members
    report = import_document(kaart, FIX / "document" / "beleidsnotitie.txt")
    assert OrganisationRepository(kaart).count() == orgs_before  # never straight into the kaart
    assert NetwerkRepository(kaart).get("net-vat-voorbeeld").members == members_before
    queue = ProposalRepository(kaart).list()
    creates = sorted(p.entity_id for p in queue if p.kind == "create")
    assert creates == [
        "org-ggd-proef",
        "org-jeugdzorg-test",
        "org-stichting-nieuwe-partner",
        "org-werkplein-voorbeeld",
    ]
    members = {
        (p.diffs[0].new["organisation_id"], p.diffs[0].new["rol"]) for p in queue if p.kind == "member"
    }
    # Welzijnscoach and Gastvrouw are members already (unchanged); the others are proposed.
    assert ("org-stichting-voorbeeldwelzijn", "Welzijnscoach") not in members
    assert ("org-stichting-nieuwe-partner", "Schuldhulpmaatje") in members
    create = next(p for p in queue if p.entity_id == "org-stichting-nieuwe-partner")
    assert (
        "beleidsnotitie.txt regel 9" in create.reason
        and "Schuldhulpmaatje — Stichting Nieuwe Partner" in create.reason
    )
    assert report.summary()["proposals"] == len(queue) and report.summary()["created"] == 0
    again = import_document(kaart, FIX / "document" / "beleidsnotitie.txt")
    assert again.summary()["proposals"] == 0 and ProposalRepository(kaart).count() == len(queue)


def test_approving_a_create_then_a_membership_puts_them_in_the_kaart(kaart):
    import_document(kaart, FIX / "document" / "beleidsnotitie.txt")
    queue = ProposalRepository(kaart).list()
    create = next(p for p in queue if p.entity_id == "org-stichting-nieuwe-partner" and p.kind == "create")
    member = next(
        p
        for p in queue
        if p.kind == "member" and p.diffs[0].new["organisation_id"] == "org-stichting-nieuwe-partner"
    )
    with pytest.raises(Exception, match="bestaat nog niet"):
        apply_proposal(kaart, member.id, "coordinator@example")
    apply_proposal(kaart, create.id, "coordinator@example")
    assert (
        OrganisationRepository(kaart).get("org-stichting-nieuwe-partner").name == "Stichting Nieuwe Partner"
    )
    apply_proposal(kaart, member.id, "coordinator@example", resume=False)
    vat = NetwerkRepository(kaart).get("net-vat-voorbeeld")
    assert any(
        m.organisation_id == "org-stichting-nieuwe-partner" and m.rol == "Schuldhulpmaatje"
        for m in vat.members
    )


def test_pdf_documents(kaart, tmp_path):
    pdf = tmp_path / "notitie.pdf"
    pdf.write_bytes(
        make_pdf(["Huidige bezetting van VAT Voorbeeld:", "- Schuldhulpmaatje — Stichting Nieuwe Partner"])
    )
    report = import_document(kaart, pdf)
    assert report.source == "document:notitie.pdf" and report.summary()["proposals"] == 2


def test_broken_pdf_is_one_report_line(kaart, tmp_path):
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.4 niet echt")
    report = import_document(kaart, tmp_path / "kapot.pdf")
    assert [(i.row, i.outcome) for i in report.issues] == [(0, "rejected")]


def test_seed_002_proposes_the_vat_partners_and_nothing_the_demo_kaart_has(store):
    need_shared("seeds", SEED_002.name)
    from ingest.demo import load_demo

    found = {(m.rol, m.organisation) for m in mentions(SEED_002.read_text(encoding="utf-8"))}
    assert ("Welzijnscoach", "Figulus Welzijn") in found and ("Coördinator", "Humanitas") in found
    assert ("Medewerker jeugdgezondheidszorg", "GGD NOG") in found  # "Yunio en/of GGD NOG"
    empty = import_document(store, SEED_002)  # an empty kaart: every partner is proposed, none is written
    creates = {p.entity_id for p in ProposalRepository(store).list(limit=500) if p.kind == "create"}
    assert {"org-figulus-welzijn", "org-humanitas", "org-sensire", "org-ggd-nog"} <= creates
    assert OrganisationRepository(store).count() == 0 and empty.summary()["created"] == 0
    for p in ProposalRepository(store).list(limit=500):
        ProposalRepository(store).reject(p.id, "test")
    load_demo(store)  # the demo kaart was built from this document: nothing new to propose
    again = import_document(store, SEED_002)
    assert again.summary()["proposals"] == 0
