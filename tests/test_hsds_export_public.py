"""`kaart export hsds --public`: the package fit to publish as open data. Sentinel values planted in every
professional-only place (professional phones of a service, an organisation and a location; a confidential
opvang address; a service the public site does not show; an archived organisation; who verified a service)
never end up in it — and do end up in the full export, so the test looks where they would be."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from site_data import CONFIDENTIAL_ADDRESS, PLANTED_ORG, PLANTED_SERVICE, PUBLIC, SENTINELS, plant

from graph.models import Organisation, Service
from graph.repositories import OrganisationRepository, ServiceRepository
from ingest.demo import load_demo
from ingest.hsds import import_hsds
from ingest.hsds_export import export_hsds, read_package
from ingest.hsds_profile import hsds_id
from webapp.cli import cli

FIX = Path(__file__).parent / "fixtures"
# What the full export carries and the public one must not. (Notes for colleagues and a professional-only status
# reason, also planted by site_data.plant, are in no export at all: checked below with every sentinel.)
HIDDEN = {
    **{k: v for k, v in SENTINELS.items() if "phone" in k},
    "confidential_address": CONFIDENTIAL_ADDRESS,
    "defunct_service": "SENTINEL-OPGEHEVEN-DIENST",
    "archived_org": "SENTINEL-GEARCHIVEERDE-ORGANISATIE",
    "assurer": "sentinel-controleur@example.org",
}


def _plant_more(store) -> None:
    plant(store)
    ServiceRepository(store).upsert(
        [
            Service(
                id="svc-test-opgeheven",
                organization_id=PLANTED_ORG,
                name=HIDDEN["defunct_service"],
                status="defunct",
            )
        ]
    )
    OrganisationRepository(store).upsert(
        [Organisation(id="org-test-archief", name=HIDDEN["archived_org"], status="archived")]
    )


def _text(directory: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(directory.iterdir()))


@pytest.fixture
def planted(kaart, tmp_path):
    load_demo(kaart)
    _plant_more(kaart)
    # an HSDS service that names who verified it (assurer_email): a person's address
    src = tmp_path / "src"
    src.mkdir()
    for f in (FIX / "hsds" / "valid").iterdir():
        text = f.read_text(encoding="utf-8")
        if f.name == "services.csv":
            lines = text.splitlines()
            header = lines[0].split(",")
            col = header.index("assurer_email") if "assurer_email" in header else None
            if col is not None:
                cells = lines[1].split(",")
                cells[col] = HIDDEN["assurer"]
                lines[1] = ",".join(cells)
            text = "\n".join(lines) + "\n"
        (src / f.name).write_text(text, encoding="utf-8")
    import_hsds(kaart, src)
    return kaart


def test_public_export_carries_no_professional_only_value(planted, tmp_path):
    full, public = tmp_path / "full", tmp_path / "public"
    assert export_hsds(planted, full).problems == []
    assert export_hsds(planted, public, public=True).problems == []
    everything, published = _text(full), _text(public)
    for name, value in HIDDEN.items():
        assert value in everything, f"{name} is not in the full export: the test would prove nothing"
        assert value not in published, f"{name} ({value}) staat in de openbare export"
    for name, value in SENTINELS.items():
        assert value not in published, f"{name} ({value}) staat in de openbare export"
    for value in PUBLIC.values():  # the public values of the same records are there
        assert value in published
    back = read_package(public)
    services = {r["id"] for r in back["services"]}
    assert PLANTED_SERVICE in services and "svc-test-opgeheven" not in services
    assert "loc-test-opvang" not in {r["id"] for r in back["locations"]}
    assert "org-test-archief" not in {r["id"] for r in back["organizations"]}
    assert not [r for r in back["attributes"] if r.get("link_type") == "zichtbaarheid"]


def test_public_export_is_stable_and_keeps_the_readable_ids(planted, tmp_path):
    export_hsds(planted, tmp_path / "a", public=True)
    export_hsds(planted, tmp_path / "b", public=True)
    assert _text(tmp_path / "a") == _text(tmp_path / "b")
    back = read_package(tmp_path / "a")
    svc = next(r for r in back["services"] if r["id"] == PLANTED_SERVICE)
    assert svc["organization_id"] == PLANTED_ORG  # readable again, as `kaart ingest hsds` reads it
    assert hsds_id(PLANTED_SERVICE) in (tmp_path / "a" / "services.csv").read_text(encoding="utf-8")


def test_export_command_has_a_public_mode(app, tmp_path):
    from webapp.db import get_store

    with app.app_context():
        load_demo(get_store())
        plant(get_store())
    env = {"KAART_GRAPH_URI": app.config["GRAPH_URI"], "KAART_DATA_DIR": app.config["DATA_DIR"]}
    result = CliRunner().invoke(cli, ["export", "hsds", "--public", str(tmp_path / "open")], env=env)
    assert result.exit_code == 0, result.output
    assert "problems=0" in result.output
    text = _text(tmp_path / "open")
    assert SENTINELS["service_phone"] not in text and PUBLIC["service_phone"] in text
