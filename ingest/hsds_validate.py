"""Validate an HSDS tabular datapackage directory against the HSDS 3.0 JSON schemas (compiled/tabular.json).

Each CSV row becomes a JSON object (empty cells left out, `number` columns as numbers) and is checked with
jsonschema against its table's schema, including `required`, `tabular_required`, enums and every format
(uuid, uri, email, date, date-time; `rfc3986-validator`/`rfc3339-validator` make jsonschema check uri and
date-time). No deviations: the export is strict HSDS 3.0 (ADR 0074). `foreign_keys` checks references between
files, `unique_values` the datapackage's `unique` constraints (ids, taxonomy term codes).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from ingest.hsds_spec import datapackage, singular, tables, tabular_schema


@dataclass(frozen=True)
class Problem:
    file: str
    row: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: {self.message}"


def _row_schema(resource: str) -> dict[str, Any]:
    item = dict(tabular_schema()["properties"][resource]["items"])
    props = {}
    for name, spec in item["properties"].items():
        if spec.get("type") in {"array", "object"} or "$ref" in spec:
            continue  # nested objects are other files in the tabular form
        props[name] = {k: v for k, v in spec.items() if k in {"type", "enum", "format"}}
    required = [*item.get("required", []), *item.get("tabular_required", [])]
    return {
        "type": "object",
        "properties": props,
        "required": sorted(set(required)),
        "additionalProperties": False,
    }


def _typed(row: dict[str, str], schema: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in row.items():
        if v == "":
            continue
        if schema["properties"].get(k, {}).get("type") == "number":
            try:
                out[k] = float(v)
            except ValueError:
                out[k] = v  # reported as "is not of type number"
        else:
            out[k] = v
    return out


def validate_package(directory: Path) -> list[Problem]:
    """Problems found in the package; an empty list means valid."""
    directory = Path(directory)
    problems: list[Problem] = []
    checker = FormatChecker()
    for table, columns in tables().items():
        path = directory / f"{table}.csv"
        if not path.exists():
            continue
        schema = _row_schema(singular()[table])
        validator = Draft202012Validator(schema, format_checker=checker)
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            if tuple(header) != columns:
                problems.append(Problem(path.name, 0, f"kolommen wijken af van HSDS: {header}"))
                continue
            for n, values in enumerate(reader, start=2):
                row = _typed(dict(zip(header, values, strict=False)), schema)
                for err in sorted(validator.iter_errors(row), key=lambda e: list(e.path)):
                    where = ".".join(str(p) for p in err.path) or "-"
                    problems.append(Problem(path.name, n, f"{where}: {err.message}"))
    if not (directory / "datapackage.json").exists():
        problems.append(Problem("datapackage.json", 0, "ontbreekt"))
    return problems + foreign_keys(directory) + unique_values(directory)


def unique_values(directory: Path) -> list[Problem]:
    """Values of a column the datapackage marks `unique` that repeat (ids; taxonomy term codes)."""
    problems = []
    for res in datapackage()["resources"]:
        path = Path(directory) / res["path"]
        if not path.exists():
            continue
        unique = [f["name"] for f in res["schema"]["fields"] if (f.get("constraints") or {}).get("unique")]
        seen: dict[str, set[str]] = {name: set() for name in unique}
        with path.open(encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), start=2):
                for name in unique:
                    value = row.get(name) or ""
                    if value and value in seen[name]:
                        problems.append(Problem(path.name, n, f"{name}: {value!r} komt vaker voor"))
                    seen[name].add(value)
    return problems


def foreign_keys(directory: Path) -> list[Problem]:
    """References (datapackage foreignKeys) that point at no row."""
    directory = Path(directory)
    ids: dict[str, set[str]] = {}
    rows: dict[str, list[dict[str, str]]] = {}
    for table in tables():
        path = directory / f"{table}.csv"
        if path.exists():
            with path.open(encoding="utf-8", newline="") as fh:
                rows[table] = list(csv.DictReader(fh))
            ids[singular()[table]] = {r["id"] for r in rows[table]}
    problems = []
    for res in datapackage()["resources"]:
        table = res["path"].removesuffix(".csv")
        for fk in res["schema"].get("foreignKeys", []):
            target = ids.get(fk["reference"]["resource"], set())
            for n, r in enumerate(rows.get(table, []), start=2):
                value = r.get(fk["fields"])
                if value and value not in target:
                    problems.append(
                        Problem(f"{table}.csv", n, f"{fk['fields']}={value!r} verwijst naar niets")
                    )
    return problems
