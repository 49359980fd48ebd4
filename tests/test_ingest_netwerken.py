"""Networks and their members with a rol, from YAML and CSV; unknown organisations are reported per row."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import report_lines

from graph.hsds_store import HsdsStore
from graph.repositories import NetwerkRepository
from ingest.netwerken import import_netwerken
from ingest.ontology_loader import load_ontology_into_graph
from ingest.spreadsheet import import_spreadsheet

FIX = Path(__file__).parent / "fixtures"


@pytest.fixture
def kaart(store):
    load_ontology_into_graph(store)
    import_spreadsheet(store, FIX / "spreadsheet" / "sociale-kaart.csv")
    return store


def test_yaml_networks_with_roles_by_id_and_by_name(kaart):
    report = import_netwerken(kaart, FIX / "netwerken" / "netwerken.yaml")
    assert (
        "netwerken.yaml",
        14,
        "net-vat-voorbeeld",
        "rejected",
        "organisatie 'Stichting Bestaat Niet' staat niet in de kaart",
    ) in report_lines(report)
    vat = NetwerkRepository(kaart).get("net-vat-voorbeeld")
    assert {(m.organisation_id, m.rol, m.status) for m in vat.members} == {
        ("org-stichting-voorbeeldwelzijn", "Welzijnscoach", "huidig"),
        ("org-buurtkamer-de-proef", "Gastvrouw", "voorgesteld"),
    }
    assert vat.source == "testdata"
    prev = NetwerkRepository(kaart).get("net-preventieplatform-jeugd-voorbeeld")
    assert [m.organisation_id for m in prev.members] == ["org-crisislijn-voorbeeld"]
    prov = HsdsStore(kaart).provenance("Netwerk", "net-vat-voorbeeld")
    assert prov["source"] == "netwerken:netwerken.yaml" and prov["imported_at"] and prov["hash"]
    again = import_netwerken(kaart, FIX / "netwerken" / "netwerken.yaml").summary()
    assert again["netwerken_unchanged"] == 2 and again["netwerken_created"] == 0


def test_csv_networks_replace_the_membership(kaart):
    import_netwerken(kaart, FIX / "netwerken" / "netwerken.yaml")
    report = import_netwerken(kaart, FIX / "netwerken" / "netwerken.csv", source="netwerken:netwerken.yaml")
    assert (
        "netwerken.csv",
        4,
        "net-vraag-en-advies-team-vat-voorbeeld",
        "rejected",
        "organisatie 'Stichting Bestaat Niet' staat niet in de kaart",
    ) in report_lines(report)
    net = NetwerkRepository(kaart).get("net-vraag-en-advies-team-vat-voorbeeld")
    assert len(net.members) == 2


def test_unreadable_yaml_is_one_report_line(kaart):
    report = import_netwerken(kaart, FIX / "netwerken" / "broken.yaml")
    assert [(i.row, i.outcome) for i in report.issues] == [(0, "rejected")]
