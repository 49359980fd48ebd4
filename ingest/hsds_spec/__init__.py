"""The HSDS 3.0 tabular format as data: table files, their columns in order, and the schemas (vendored, CC BY-SA)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SPEC_DIR = Path(__file__).resolve().parent

# Documented deviations from the HSDS schemas (docs/hsds-profile.md): readable ids instead of UUIDs; fields
# that stay empty when unknown (principle "honest data") instead of being required.
RELAXED_REQUIRED = {
    "organization": {"description"},
    "address": {"address_1", "postal_code", "state_province"},
    "metadata": {"previous_value"},
    "taxonomy_term": {"description"},
    "taxonomy": {"description"},
}


@cache
def datapackage() -> dict[str, Any]:
    return json.loads((SPEC_DIR / "datapackage.json").read_text(encoding="utf-8"))


@cache
def tabular_schema() -> dict[str, Any]:
    return json.loads((SPEC_DIR / "tabular.json").read_text(encoding="utf-8"))


@cache
def tables() -> dict[str, tuple[str, ...]]:
    """Table name as in the file name (`organizations`, `service_at_location`, …) -> its columns, in order."""
    out = {}
    for res in datapackage()["resources"]:
        out[res["path"].removesuffix(".csv")] = tuple(f["name"] for f in res["schema"]["fields"])
    return out


@cache
def singular() -> dict[str, str]:
    """Table name -> the resource name used in `link_entity`/`resource_type` (`services` -> `service`)."""
    return {res["path"].removesuffix(".csv"): res["name"] for res in datapackage()["resources"]}
