"""Analysis for the blauwdruk: coverage kern × thema × niveau (gaps in B1 Dutch, CSV, an accessible SVG
chart), and the optional demand statistics (theme ids, kern, ISO week; off by default; never text)."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
from site_data import add_account, login

from graph import ensure_schema
from graph.coverage import Coverage, CoverageService, coverage
from graph.demand import DemandRepository, iso_week
from graph.models import Kern, Organisation, Service
from graph.repositories import KernRepository, OrganisationRepository, ServiceRepository
from ingest.ontology_loader import load_ontology_into_graph
from webapp.site import now_local

TODAY = now_local().date()


@pytest.fixture
def kaart(app):
    from webapp.db import get_store

    with app.app_context():
        store = get_store()
        ensure_schema(store)
        load_ontology_into_graph(store)
        KernRepository(store).upsert(
            [
                Kern("kern-aalten", "Aalten", "Aalten", 51.925, 6.58),
                Kern("kern-dinxperlo", "Dinxperlo", "Aalten", 51.864, 6.4875),
            ]
        )
        OrganisationRepository(store).upsert([Organisation(id="org-w", name="Welzijn W")])
        ServiceRepository(store).upsert(
            [
                Service(
                    id="svc-mantelzorg-dx",
                    organization_id="org-w",
                    name="Mantelzorgcafé",
                    niveau="vrij-toegankelijk",
                    themes=("mantelzorg",),
                    kernen=("kern-dinxperlo",),
                    assured_date=TODAY.isoformat(),
                ),
                Service(
                    id="svc-eenzaam-a",
                    organization_id="org-w",
                    name="Koffie-ochtend",
                    niveau="vrij-toegankelijk",
                    themes=("eenzaamheid",),
                    kernen=("kern-aalten",),
                    assured_date=(TODAY - timedelta(days=400)).isoformat(),
                ),
                Service(
                    id="svc-team",
                    organization_id="org-w",
                    name="Lokaal team",
                    niveau="lokaal-team",
                    themes=("eenzaamheid",),
                    kernen=("kern-dinxperlo",),
                ),
                Service(
                    id="svc-gestopt",
                    organization_id="org-w",
                    name="Gestopt",
                    niveau="vrij-toegankelijk",
                    themes=("eenzaamheid",),
                    kernen=("kern-dinxperlo",),
                    status="defunct",
                ),
            ]
        )
    return app


def _coordinator(app):
    client = app.test_client()
    login(client, add_account(app, "coordinator"))
    return client


def test_gap_text_in_b1(kaart):
    client = _coordinator(kaart)
    page = client.get("/beheer/dekking?niveau=vrij-toegankelijk").text
    assert "Geen vrij toegankelijk aanbod voor eenzaamheid in Dinxperlo." in page
    # Aalten has aanbod for eenzaamheid, Dinxperlo for mantelzorg (and so for sociaal netwerk)
    assert "voor eenzaamheid in Aalten" not in page and "voor mantelzorg in Dinxperlo" not in page
    assert "voor sociaal netwerk in Dinxperlo" not in page.lower()
    # a broader theme without anything is named once, not with every narrower theme
    assert (
        "Geen vrij toegankelijk aanbod voor financiën in Dinxperlo (ook niet voor de onderwerpen daaronder)."
        in page
    )
    assert "voor schulden in Dinxperlo" not in page
    # kernen of the same gemeente from the gazetteer appear, with nothing known
    assert "In Bredevoort is nog geen vrij toegankelijk aanbod bekend, voor geen enkel thema." in page
    # the lokaal team niveau counts its own services; defunct services never count
    team = client.get("/beheer/dekking?niveau=lokaal-team").text
    assert "Geen aanbod van het lokale team voor eenzaamheid in Dinxperlo" not in team


def test_matrix_chart_and_csv(kaart):
    client = _coordinator(kaart)
    page = client.get("/beheer/dekking?niveau=vrij-toegankelijk&themas=hoofd").text
    assert (
        '<svg class="beheer-grafiek"' in page
        and 'role="img"' in page
        and "<title" in page
        and "<desc" in page
    )
    assert "Hoofdthema's met vrij toegankelijk aanbod per kern" in page  # the data table next to the chart
    assert 'class="beheer-getal beheer-gat">geen<' in page
    assert "1 (0)" in page  # Aalten: one active service about sociaal netwerk, not verified recently
    resp = client.get("/beheer/dekking.csv")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert list(rows[0]) == [
        "kern_id",
        "kern",
        "thema_id",
        "thema",
        "hoofdthema",
        "niveau",
        "actief",
        "gecontroleerd",
        "gat",
    ]
    cell = {(r["kern_id"], r["thema_id"], r["niveau"]): r for r in rows}
    assert cell[("kern-dinxperlo", "eenzaamheid", "vrij-toegankelijk")]["gat"] == "ja"
    assert cell[("kern-dinxperlo", "sociaal-netwerk", "vrij-toegankelijk")]["actief"] == "1"
    assert cell[("kern-dinxperlo", "sociaal-netwerk", "vrij-toegankelijk")]["gecontroleerd"] == "1"
    assert cell[("kern-aalten", "eenzaamheid", "vrij-toegankelijk")]["gecontroleerd"] == "0"
    assert cell[("kern-dinxperlo", "eenzaamheid", "alle")]["actief"] == "1"  # the lokaal team
    assert ("kern-bredevoort", "eenzaamheid", "alle") in cell


def test_coverage_aggregation_rolls_up_and_counts_verified():
    services = [
        CoverageService("a", "vrij-toegankelijk", "2026-05-01", ("k1",), ("child",)),
        CoverageService("b", "vrij-toegankelijk", None, ("k1", "k2"), ("top",)),
        CoverageService("c", "maatwerk", "2026-05-01", (), ("child",)),
    ]
    cov: Coverage = coverage(
        services,
        [("k1", "K1"), ("k2", "K2"), ("", "")],
        [("top", "Top", 0), ("child", "Child", 1)],
        {"child": ("top",)},
        ("vrij-toegankelijk", "maatwerk", "alle"),
        "2026-01-01",
    )
    assert cov.cell("k1", "top", "vrij-toegankelijk").active == 2
    assert cov.cell("k1", "top", "vrij-toegankelijk").verified == 1
    assert cov.cell("k1", "child", "vrij-toegankelijk").active == 1
    assert cov.cell("k2", "child", "vrij-toegankelijk").active == 0
    assert cov.cell("", "top", "maatwerk").active == 1 and cov.cell("", "top", "alle").active == 1


def test_demand_statistics_are_off_by_default(kaart):
    from webapp.beheer.analysis import record_demand

    with kaart.test_request_context():
        record_demand(["eenzaamheid"], "Dinxperlo")
        from webapp.db import get_store

        assert DemandRepository(get_store()).rows() == []
    page = _coordinator(kaart).get("/beheer/vraag").text
    assert "Deze telling staat uit" in page


def test_demand_statistics_count_theme_kern_week_never_text(kaart):
    from webapp.beheer.analysis import record_demand
    from webapp.db import get_store

    kaart.config["DEMAND_STATS"] = "1"
    with kaart.test_request_context():
        for _ in range(6):
            record_demand(["eenzaamheid", "mantelzorg"], "Dinxperlo")
        record_demand(["schulden"], "Nergenshuizen")
        record_demand(["ik heb schulden en niemand weet het"], None)  # not a theme id: ignored
        store = get_store()
        rows = DemandRepository(store).rows()
        dump = str(store.read("MATCH (d:DemandStat) RETURN properties(d) AS d"))
    assert {(r.theme, r.kern, r.count) for r in rows} == {
        ("eenzaamheid", "kern-dinxperlo", 6),
        ("mantelzorg", "kern-dinxperlo", 6),
        ("schulden", "", 1),
    }
    assert all(r.week == iso_week() for r in rows)
    assert "niemand" not in dump and "Nergenshuizen" not in dump
    page = _coordinator(kaart).get("/beheer/vraag").text
    assert "Eenzaamheid" in page and "&lt;5" in page  # small counts are not shown exactly
    # retention: rows older than the retention period are purged
    with kaart.test_request_context():
        store = get_store()
        DemandRepository(store).record(["eenzaamheid"], None, week="2001-W01")
        assert DemandRepository(store).purge(iso_week(TODAY - timedelta(weeks=104))) == 1


def _with_service_areas(store, service_id: str, *areas: str) -> None:
    """What an HSDS import keeps of a service's `service_areas` rows."""
    from graph.hsds_store import HsdsStore, encode_state

    rows = [{"id": f"area-{i}", "service_id": service_id, "name": a} for i, a in enumerate(areas)]
    state = encode_state({}, {"service_areas": rows})
    store.write_all(
        [
            HsdsStore(store).state_statement(
                "Service",
                [{"id": service_id, "state": state, "srid": service_id, "src": "hsds:test", "at": "x"}],
            )
        ]
    )


def test_a_gemeente_wide_service_counts_in_every_kern_of_the_gemeente(kaart):
    from webapp.db import get_store

    with kaart.app_context():
        store = get_store()
        ServiceRepository(store).upsert(
            [
                Service(
                    id="svc-schuldhulp",
                    organization_id="org-w",
                    name="Schuldhulp",
                    niveau="vrij-toegankelijk",
                    themes=("schulden",),
                    kernen=("kern-aalten",),  # the office
                ),
                Service(
                    id="svc-elders",
                    organization_id="org-w",
                    name="Elders",
                    niveau="vrij-toegankelijk",
                    themes=("mantelzorg",),
                ),
            ]
        )
        _with_service_areas(store, "svc-schuldhulp", "gemeente Aalten")
        _with_service_areas(store, "svc-elders", "gemeente Winterswijk")
    client = _coordinator(kaart)
    rows = list(csv.DictReader(io.StringIO(client.get("/beheer/dekking.csv").text)))
    cell = {(r["kern_id"], r["thema_id"], r["niveau"]): r for r in rows}
    for kern in ("aalten", "dinxperlo", "bredevoort", "ijzerlo", "de-heurne", "barlo", "lintelo"):
        assert cell[(f"kern-{kern}", "schulden", "vrij-toegankelijk")]["actief"] == "1", kern
    # another gemeente's service area covers none of our kernen
    assert cell[("kern-barlo", "mantelzorg", "vrij-toegankelijk")]["actief"] == "0"
    page = client.get("/beheer/dekking?niveau=vrij-toegankelijk").text
    assert "Geen vrij toegankelijk aanbod voor schulden in" not in page


def test_coverage_page_shows_the_gaps_per_kern_on_a_map(kaart):
    page = _coordinator(kaart).get("/beheer/dekking?niveau=vrij-toegankelijk").text
    svg = re.search(r'<svg class="beheer-kaartje".*?</svg>', page, re.S)
    assert svg and 'role="img"' in svg.group(0) and "<desc" in svg.group(0)
    # every kern of the gemeente is on it, with its gaps in words
    for name in ("Aalten", "Dinxperlo", "Bredevoort", "IJzerlo", "De Heurne", "Barlo", "Lintelo"):
        assert re.search(rf">{name}: (geen gaten|\d+ van \d+ zonder aanbod)<", svg.group(0)), name
    assert svg.group(0).count("beheer-kaartje__stip--niets") >= 2  # Barlo and Lintelo: nothing at all


def test_gap_list_counts_main_themes_like_the_map_and_folds_the_sub_themes(kaart):
    """Tester: the gap list repeated ~35 sub-theme lines for each of the 7 kernen (10 754 px) while the map
    counted only the 14 main themes. Now the list counts main themes too; narrower themes sit in a details."""
    page = _coordinator(kaart).get("/beheer/dekking?niveau=vrij-toegankelijk").text
    svg = re.search(r'<svg class="beheer-kaartje".*?</svg>', page, re.S).group(0)
    table = page.split("<caption>Hoofdthema's met")[1].split("</table>")[0]
    for name in ("Aalten", "Dinxperlo", "Bredevoort", "Barlo"):
        on_map = re.search(rf">{name}: (\d+) van (\d+) zonder aanbod<", svg)
        in_list = re.search(rf">{name}: (\d+) van (\d+) hoofdthema's zonder", page)
        in_table = re.search(
            rf'<th scope="row">{name}</th><td class="beheer-getal">(\d+)</td><td class="beheer-getal">(\d+)</td>',
            table,
        )
        assert on_map and in_list and in_table, name
        assert on_map.groups() == in_list.groups(), name
        assert int(in_table.group(2)) == int(on_map.group(1)), name
    # a narrower theme (eenzaamheid under sociaal netwerk, which Dinxperlo has) is folded away, not listed
    folded = re.findall(r"<details.*?</details>", page, re.S)
    line = "Geen vrij toegankelijk aanbod voor eenzaamheid in Dinxperlo."
    assert any(line in d for d in folded)
    outside = re.sub(r"<details.*?</details>", "", page, flags=re.S)
    assert line not in outside
    assert (
        "Geen vrij toegankelijk aanbod voor financiën in Dinxperlo" in outside
    )  # a main theme stays visible
