"""`kaart export hsds` is strictly valid HSDS 3.0: checked by a validator written here from the official
`datapackage.json` and JSON schemas in ../shared/hsds-3.0 (frictionless-style: headers, required fields, types,
formats uuid/uri/email/date/time/datetime, enums, unique values and primary keys, foreign keys; then each row
against its table's JSON schema with jsonschema's format checker). It imports nothing of our export code.

Before (issue 17): ids were not UUIDs, addresses were written without `address_1`/`postal_code`, taxonomy term
codes repeated across taxonomies (`vrij-toegankelijk` in niveau and toegang), and the datapackage.json we wrote
had its uuid formats removed."""

from __future__ import annotations

import csv
import json
import re
import shutil
from datetime import date, datetime, time
from pathlib import Path

import jsonschema
import pytest
from shared_data import need_shared

from ingest.demo import load_demo
from ingest.hsds import import_hsds
from ingest.hsds_export import export_hsds

FIX = Path(__file__).parent / "fixtures"
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
FORMATS = jsonschema.FormatChecker()


def _official() -> dict:
    return json.loads(need_shared("hsds-3.0", "datapackage.json").read_text(encoding="utf-8"))


def _value_problem(field: dict, value: str) -> str | None:
    kind, fmt = field["type"], field.get("format")
    try:
        if kind == "number":
            float(value)
        elif kind == "date":
            date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else float("x")
        elif kind == "time":
            time.fromisoformat(value) if re.fullmatch(r"\d{2}:\d{2}:\d{2}", value) else float("x")
        elif kind == "datetime":
            datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return f"not a {kind}: {value!r}"
    if fmt == "uuid" and not UUID.match(value):
        return f"not a uuid: {value!r}"
    if fmt in ("uri", "email") and not FORMATS.conforms(value, fmt):
        return f"not an {fmt}: {value!r}"
    enum = (field.get("constraints") or {}).get("enum")
    if enum and value not in enum:
        return f"not one of {enum}: {value!r}"
    return None


def _typed(fields: dict[str, dict], row: dict[str, str]) -> dict:
    return {
        k: float(v) if fields[k]["type"] == "number" else v for k, v in row.items() if v != "" and k in fields
    }


def check_package(directory: Path) -> list[str]:
    """Every problem the official datapackage and schemas find in a tabular HSDS package."""
    package = _official()
    problems: list[str] = []
    data: dict[str, list[dict[str, str]]] = {}
    for res in package["resources"]:
        path = directory / res["path"]
        names = [f["name"] for f in res["schema"]["fields"]]
        if not path.exists():
            problems.append(f"{res['path']}: missing")
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames != names:
                problems.append(f"{res['path']}: header {reader.fieldnames}")
            data[res["name"]] = list(reader)
    for res in package["resources"]:
        fields = {f["name"]: f for f in res["schema"]["fields"]}
        schema = json.loads(
            need_shared("hsds-3.0", "schema", f"{res['name']}.json").read_text(encoding="utf-8")
        )
        validator = jsonschema.Draft202012Validator(schema, format_checker=FORMATS)
        seen: dict[str, set[str]] = {name: set() for name in fields}
        for n, row in enumerate(data.get(res["name"], []), start=2):
            where = f"{res['path']}:{n}"
            for name, field in fields.items():
                value = row.get(name) or ""
                constraints = field.get("constraints") or {}
                if not value:
                    if constraints.get("required"):
                        problems.append(f"{where}: {name} is required")
                    continue
                if problem := _value_problem(field, value):
                    problems.append(f"{where}: {name} {problem}")
                if (constraints.get("unique") or name == res["schema"].get("primaryKey")) and value in seen[
                    name
                ]:
                    problems.append(f"{where}: {name} {value!r} is not unique")
                seen[name].add(value)
            for err in validator.iter_errors(_typed(fields, row)):
                problems.append(f"{where}: schema: {err.message}")
        for fk in res["schema"].get("foreignKeys", []):
            target = {r[fk["reference"]["fields"]] for r in data.get(fk["reference"]["resource"], [])}
            for n, row in enumerate(data.get(res["name"], []), start=2):
                if row.get(fk["fields"]) and row[fk["fields"]] not in target:
                    problems.append(
                        f"{res['path']}:{n}: {fk['fields']} {row[fk['fields']]!r} refers to nothing"
                    )
    written = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    if [r["schema"] for r in written["resources"]] != [r["schema"] for r in package["resources"]]:
        problems.append("datapackage.json: resources differ from the official HSDS 3.0 datapackage")
    return problems


@pytest.mark.parametrize("public", [False, True], ids=["full", "public"])
def test_demo_export_is_strictly_valid(kaart, tmp_path, public):
    load_demo(kaart)
    result = export_hsds(kaart, tmp_path, public=public)
    assert result.problems == []
    assert check_package(tmp_path) == []


def test_records_from_spreadsheets_lrk_and_the_hsds_example_export_strictly_valid(kaart, tmp_path):
    from ingest.registers import import_lrk
    from ingest.spreadsheet import import_spreadsheet

    import_spreadsheet(kaart, FIX / "spreadsheet" / "sociale-kaart.csv")
    import_lrk(kaart, FIX / "lrk" / "export_opendata_lrk.csv", gemeente="Aalten")
    import_hsds(kaart, need_shared("hsds-3.0", "examples", "csv"))
    import_hsds(kaart, FIX / "hsds" / "valid")
    assert export_hsds(kaart, tmp_path).problems == []
    assert check_package(tmp_path) == []


def test_the_validator_finds_what_the_export_used_to_write(kaart, tmp_path):
    """Readable ids, an address without street and postcode, one code in two taxonomies: each is found."""
    load_demo(kaart)
    export_hsds(kaart, tmp_path / "ok")
    bad = tmp_path / "bad"
    shutil.copytree(tmp_path / "ok", bad)
    with (bad / "locations.csv").open(encoding="utf-8", newline="") as fh:
        loc = next(csv.DictReader(fh))["id"]
    with (bad / "addresses.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(
            ["svc-readable", loc, "", "", "", "Aalten", "", "Gelderland", "", "NL", "physical"]
        )
    with (bad / "taxonomy_terms.csv").open(encoding="utf-8", newline="") as fh:
        terms = list(csv.DictReader(fh))
    terms.append({**terms[0], "id": "0a8f6a55-1c1a-4d8b-9a55-6d1a1f8e0b11"})
    with (bad / "taxonomy_terms.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(terms[0]))
        w.writeheader()
        w.writerows(terms)
    found = "\n".join(check_package(bad))
    assert "id not a uuid: 'svc-readable'" in found
    assert "address_1 is required" in found and "postal_code is required" in found
    assert f"code {terms[0]['code']!r} is not unique" in found


def test_ids_are_uuid5_of_the_readable_id_under_the_documented_namespace():
    """The rule consumers and ADR 0074 rely on; a publisher's UUID is kept as it is."""
    import uuid

    from ingest.hsds_profile import NAMESPACE, hsds_id

    assert str(NAMESPACE) == "9d70a1ef-683e-4d7c-aa22-0613c1ef4309"
    for readable in ("svc-veilig-thuis-advies-melden", "org-'t-hummelhuis", "thema-schulden"):
        assert hsds_id(readable) == str(uuid.uuid5(NAMESPACE, readable))
    publisher = "ac148810-d857-441c-9679-408f346de14b"
    assert hsds_id(publisher) == publisher


STRICT = FIX / "hsds" / "export-strict-www-url-no-description-no-street-same-code-in-two-taxonomies"


def test_a_publishers_package_with_what_hsds_cannot_carry_exports_strictly_and_round_trips(kaart, tmp_path):
    """A bare `www.` address, no description, an address without street and postcode,
    one code in two taxonomies, terms without descriptions: valid out, and back in with the same ids."""
    from ingest.hsds_export import read_package

    import_hsds(kaart, STRICT)
    assert export_hsds(kaart, tmp_path / "e").problems == []
    assert check_package(tmp_path / "e") == []
    back = read_package(tmp_path / "e")
    org = back["organizations"][0]
    assert org["website"] == "https://www.buurtwerk-voorbeeld.nl"
    assert "description" not in org  # "Nog geen beschrijving." is read back as unknown
    assert {a["location_id"] for a in back["addresses"]} == {"loc-met-straat"}
    assert next(a for a in back["addresses"])["state_province"] == "Gelderland"
    codes = {
        (t["taxonomy_id"], t["code"])
        for t in back["taxonomy_terms"]
        if t["id"] in {"gl-vrij", "niveau-vrij-toegankelijk"}
    }
    assert codes == {("tax-niveau", "vrij-toegankelijk"), ("tax-gemeentelijst", "vrij-toegankelijk")}
    import_hsds(kaart, tmp_path / "e")  # re-import: the same records, no duplicates
    assert export_hsds(kaart, tmp_path / "e2").problems == []
    assert (tmp_path / "e" / "services.csv").read_bytes() == (tmp_path / "e2" / "services.csv").read_bytes()
    from graph.repositories import LocationRepository, ServiceRepository

    assert ServiceRepository(kaart).ids() == ["svc-inloop"]
    assert sorted(LocationRepository(kaart).ids()) == ["loc-alleen-plaats", "loc-met-straat"]


def test_rows_a_kaart_kept_from_before_quirks_were_read_still_export_valid(tmp_path):
    """`Active`, `15-03-2025`, `51,925` in rows stored by an older import made `kaart export hsds` fail."""
    from ingest.hsds_export import write_package
    from ingest.hsds_profile import hsds_id, publishable

    org = {"id": "org-x", "name": "Oud"}
    svc = {
        "id": "svc-x",
        "organization_id": "org-x",
        "name": "Oud",
        "status": "Active",
        "assured_date": "15-03-2025",
    }
    loc = {"id": "loc-x", "location_type": "Physical", "latitude": "51,925", "longitude": "6,58"}
    sched = {"id": "sch-x", "service_id": "svc-x", "freq": "weekly", "byday": "MO", "opens_at": "09:00:00"}
    data = {"organizations": {"org-x": org}, "services": {"svc-x": svc}, "locations": {"loc-x": loc}}
    out = publishable({**data, "schedules": {"sch-x": sched}}, public=False)
    write_package(out, tmp_path)
    assert check_package(tmp_path) == []
    row = out["services"][hsds_id("svc-x")]
    assert (row["status"], row["assured_date"]) == ("active", "2025-03-15")
    assert out["locations"][hsds_id("loc-x")]["latitude"] == "51.925"
    assert out["schedules"][hsds_id("sch-x")]["freq"] == "WEEKLY"
