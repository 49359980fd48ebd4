"""`kaart export hsds`: HSDS 3.0 tabular datapackage, valid against the HSDS schemas, and export → import into an
empty store → export is byte-identical (demo data, the HSDS example package, HSDS JSON, spreadsheet/LRK data,
and after edits)."""

from __future__ import annotations

import csv
import dataclasses
import filecmp
import uuid
from pathlib import Path

import pytest
from shared_data import need_shared

from graph import ensure_schema
from graph.editing import save_edit
from graph.repositories import ServiceRepository
from graph.store import connect
from ingest.hsds import import_hsds
from ingest.hsds_export import export_hsds, read_package
from ingest.hsds_profile import PLACEHOLDERS, PLAIN_CODES, TAXONOMY_TEXT, hsds_id, uuid_columns
from ingest.hsds_spec import tables
from ingest.hsds_validate import foreign_keys, validate_package
from ingest.ontology_loader import load_ontology_into_graph

ROOT = Path(__file__).resolve().parents[1]
FIX = Path(__file__).parent / "fixtures"
DEMO = ROOT / "ingest" / "demo" / "aalten"
OURS = set(TAXONOMY_TEXT) - set(PLAIN_CODES)  # our taxonomies whose codes are written `<taxonomy>:<code>`


@pytest.fixture
def fresh(graph_uri, backend):
    """A second, empty store on the same backend (for the "import into an empty store" half)."""
    stores = []

    def make():
        if backend == "falkordb":
            uri = graph_uri.split("?")[0] + f"?graph=t_{uuid.uuid4().hex[:12]}"
        else:
            uri = graph_uri
        s = connect(uri)
        s.clear()
        ensure_schema(s)
        load_ontology_into_graph(s)
        stores.append(s)
        return s

    yield make
    for s in stores:
        if s.dialect.name == "falkordb":
            s.clear()
        s.close()


def rows(path: Path) -> set[tuple[tuple[str, str], ...]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {tuple(sorted((k, v) for k, v in r.items() if v)) for r in csv.DictReader(fh)}


def as_exported(src: Path) -> set[tuple[tuple[str, str], ...]]:
    """The rows of an HSDS file with readable ids as the export writes them: ids as their UUIDs, the codes of
    our secondary taxonomies as `<taxonomy>:<code>`, required-but-unknown values as their placeholder; an
    address without street or postcode is not written."""
    table = src.stem
    cols = uuid_columns()[table]
    out = set()
    for r in map(dict, rows(src)):
        if table == "addresses" and not (r.get("address_1") and r.get("postal_code")):
            continue
        if table == "taxonomy_terms" and r.get("taxonomy") in OURS and r.get("code"):
            r["code"] = f"{r['taxonomy']}:{r['code']}"
        for (t, column), text in PLACEHOLDERS.items():
            if t == table and not r.get(column):
                r[column] = text
        out.add(tuple(sorted((k, hsds_id(v) if k in cols else v) for k, v in r.items())))
    return out


def assert_kept(expected: set, written: set, name: str) -> None:
    """Every expected row is written with at least its fields (the export may add some, e.g. a parent term)."""
    by_id = {dict(r)["id"]: dict(r) for r in written}
    for row in map(dict, expected):
        assert row.items() <= by_id.get(row["id"], {}).items(), (name, row)


def differing(a: Path, b: Path) -> list[str]:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    return [
        n
        for n in names
        if not ((a / n).exists() and (b / n).exists() and filecmp.cmp(a / n, b / n, shallow=False))
    ]


def round_trip(store, make_empty, tmp_path: Path, *, neo4j_same_store: bool = False) -> Path:
    first = tmp_path / "e1"
    result = export_hsds(store, first)
    assert result.problems == []
    if store.dialect.name == "neo4j":  # one Neo4j database: empty it and import the export
        store.clear()
        load_ontology_into_graph(store)
        other = store
    else:
        other = make_empty()
    import_hsds(other, first)
    second = tmp_path / "e2"
    export_hsds(other, second)
    assert differing(first, second) == []
    return first


def test_export_has_every_hsds_file_with_the_example_headers(kaart, tmp_path):
    import_hsds(kaart, FIX / "hsds" / "valid")
    export_hsds(kaart, tmp_path)
    for table, columns in tables().items():
        with (tmp_path / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            assert tuple(next(csv.reader(fh))) == columns
        example_header = (
            (need_shared("hsds-3.0", "examples", "csv") / f"{table}.csv")
            .read_text(encoding="utf-8")
            .splitlines()[0]
        )
        assert (tmp_path / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0] == example_header
    assert (tmp_path / "datapackage.json").exists()


def test_demo_round_trip_is_byte_identical_valid_and_complete(kaart, fresh, tmp_path):
    from ingest.demo import load_demo

    load_demo(kaart)
    first = round_trip(kaart, fresh, tmp_path)
    assert validate_package(first) == [] and foreign_keys(first) == []
    for src in DEMO.glob("*.csv"):  # nothing the demo package carried is lost (ids as UUIDs, ADR 0074)
        assert_kept(as_exported(src), rows(first / src.name), src.name)
    kept = {dict(r)["id"] for r in rows(first / "addresses.csv")}
    for r in map(dict, rows(DEMO / "addresses.csv")):  # an address HSDS can carry: street and postcode known
        assert (hsds_id(r["id"]) in kept) == bool(r.get("address_1") and r.get("postal_code")), r["id"]


def test_hsds_example_package_round_trips(kaart, fresh, tmp_path):
    examples = need_shared("hsds-3.0", "examples", "csv")
    import_hsds(kaart, examples)
    first = round_trip(kaart, fresh, tmp_path)
    # The example refers to organisations, a taxonomy, a service_at_location it does not hold: a valid package
    # leaves those references out.
    dangling = {(p.file, p.row, p.message.split("=")[0]) for p in foreign_keys(examples)}
    assert ("locations.csv", 2, "organization_id") in dangling and len(dangling) == 4
    for src in examples.glob(
        "*.csv"
    ):  # every table, every other field of the example (ids are UUIDs already)
        expected = {tuple((k, v) for k, v in r if (src.name, 2, k) not in dangling) for r in as_exported(src)}
        assert_kept(expected, rows(first / src.name), src.name)


def test_hsds_json_imports_and_exports_everything(kaart, fresh, tmp_path):
    import_hsds(kaart, need_shared("hsds-3.0", "examples", "service_full.json"))
    first = round_trip(kaart, fresh, tmp_path)
    for name in (
        "schedules",
        "languages",
        "contacts",
        "cost_options",
        "funding",
        "programs",
        "accessibility",
    ):
        assert rows(first / f"{name}.csv"), name


def test_edits_are_exported_and_still_round_trip(kaart, fresh, tmp_path):
    import_hsds(kaart, FIX / "hsds" / "valid")
    repo = ServiceRepository(kaart)
    svc = repo.get("svc-a")
    edited = dataclasses.replace(
        svc,
        name="Formulierenhulp (ook digitaal)",
        themes=("administratie", "schulden"),
        opening_hours="Mo-Fr 09:00-12:00",
    )
    save_edit(kaart, "Service", edited, "coordinator@example", repo.meta("svc-a")["version"])
    first = round_trip(kaart, fresh, tmp_path)
    back = read_package(first)  # with the readable ids, as `kaart ingest hsds` reads it
    services = {r["id"]: r for r in back["services"]}
    assert services["svc-a"]["name"] == "Formulierenhulp (ook digitaal)"
    assert (
        services["svc-a"]["description"] == "Hulp bij post en formulieren"
    )  # untouched fields from the source
    attrs = {(r["link_type"], r.get("value", ""), r["id"]) for r in back["attributes"]}
    assert ("thema", "", hsds_id("attr-1")) in attrs  # the imported row for schulden is kept as it was
    new = ("thema", "administratie", hsds_id("attr-svc-a-thema-administratie"))
    assert new in attrs  # the new theme gets a row
    sched = [dict(r) for r in rows(first / "schedules.csv")]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in sched] == [
        ("MO,TU,WE,TH,FR", "09:00:00", "12:00:00")
    ]
    terms = {r["id"] for r in back["taxonomy_terms"]}
    assert "thema-administratie" in terms


def test_records_from_other_sources_export_valid_hsds(kaart, fresh, tmp_path):
    from ingest.registers import import_lrk
    from ingest.spreadsheet import import_spreadsheet

    import_spreadsheet(kaart, FIX / "spreadsheet" / "sociale-kaart.csv")
    import_lrk(kaart, FIX / "lrk" / "export_opendata_lrk.csv", gemeente="Aalten")
    first = round_trip(kaart, fresh, tmp_path)
    assert foreign_keys(first) == []
    phones = {dict(r)["number"] for r in rows(first / "phones.csv")}
    assert {"0543-000001", "0543-000002", "0543-000010"} <= phones
    prof = [dict(r) for r in rows(first / "attributes.csv") if dict(r)["link_type"] == "zichtbaarheid"]
    assert len(prof) == 1 and prof[0]["value"] == "professional"


def test_validation_finds_schema_problems(tmp_path, kaart):
    import_hsds(kaart, FIX / "hsds" / "valid")
    export_hsds(kaart, tmp_path)
    path = tmp_path / "services.csv"
    text = path.read_text(encoding="utf-8").replace(",active,", ",sometimes,")
    path.write_text(text, encoding="utf-8")
    problems = [str(p) for p in validate_package(tmp_path)]
    assert problems == [
        "services.csv:2: status: 'sometimes' is not one of ['active', 'inactive', 'defunct', 'temporarily closed']"
    ]
