"""HSDS as publishers really write it, made into HSDS before it is mapped (docs/adr/0072-reading-hsds-as-published.md).

Every row of every table passes `normalise_tables` once: dates become ISO, numbers lose their decimal comma,
ages lose their unit, a service status synonym becomes the HSDS value, coordinates are checked against the
Netherlands (swapped ones swapped back, others dropped) and HTML in texts is reduced to plain text. The row is
changed in place, so the record, the HSDS rows kept for export and the HSDS API all carry the same clean value
(`kaart export hsds` then validates), and each change is a note for the report with the row it came from.
The value readers are pure functions in `ingest/hsds_values.py`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ingest.hsds_spec import datapackage
from ingest.hsds_values import (
    html_to_text,
    read_age,
    read_coordinates,
    read_date,
    read_datetime,
    read_number,
    read_status,
    read_uri,
)

Note = tuple[str, int, str | None, str]  # (table, row number, record id, reason)

# Free text that may hold markup (HSDS: "It can contain markup such as HTML or Markdown"), kept multi-line.
TEXT_COLUMNS = {
    "description",
    "application_process",
    "eligibility_description",
    "fees_description",
    "alert",
    "transportation",
    "details",
}
# One-line texts: entities decoded, tags dropped.
LINE_COLUMNS = {"name", "alternate_name", "title", "department"}
AGE_COLUMNS = {"minimum_age", "maximum_age"}
ENUMS_LOWER = {("locations", "location_type"), ("addresses", "address_type")}


@cache
def _typed_columns() -> dict[str, dict[str, str]]:
    """Table -> column -> HSDS type (`date`, `datetime`, `number`, or `uri` for a string in URI format) for the
    columns whose values are normalised."""
    out: dict[str, dict[str, str]] = {}
    for res in datapackage()["resources"]:
        table = res["path"].removesuffix(".csv")
        for f in res["schema"]["fields"]:
            kind = "uri" if f.get("format") == "uri" else f.get("type")
            if kind in {"date", "datetime", "number", "uri"}:
                out.setdefault(table, {})[f["name"]] = kind
    return out


def _set(row: dict[str, str], column: str, value: Any) -> None:
    if value is None or value == "":
        row.pop(column, None)
    else:
        row[column] = str(value)


def normalise_row(table: str, row: dict[str, str]) -> list[str]:
    """Normalise one row in place; the notes (Dutch) say what was read differently or left out."""
    notes: list[str] = []
    typed = _typed_columns().get(table, {})
    for column in list(row):
        value = row[column]
        note = None
        if column in AGE_COLUMNS and table == "services":
            age, note = read_age(value, upper=column == "maximum_age")
            _set(row, column, age)
        elif typed.get(column) == "date":
            iso, note = read_date(value)
            _set(row, column, iso)
            note = f"{column}: {note}" if note else None
        elif typed.get(column) in {"datetime", "uri"}:
            read = read_datetime if typed[column] == "datetime" else read_uri
            normal, note = read(value)
            _set(row, column, normal)
            note = f"{column}: {note}" if note else None
        elif typed.get(column) == "number" and column != "timezone":  # timezone: reported by the mapping
            number, note = read_number(value)
            _set(row, column, number)
            note = f"{column}: {note}" if note else None
        elif column in TEXT_COLUMNS or column in LINE_COLUMNS:
            text = html_to_text(value, multiline=column in TEXT_COLUMNS)
            _set(row, column, text)
            if text != value:  # markup was reduced: said on the row, as the README promises
                note = f"{column}: opmaak (HTML) omgezet naar platte tekst"
        elif (table, column) in ENUMS_LOWER and value.strip().lower() != value:
            _set(row, column, value.strip().lower())
        if note:
            notes.append(note)
    if table == "services":
        status, note = read_status(row.get("status"))
        if status:
            row["status"] = status
        if note and status:  # an unknown status is the mapping's reason to reject the service
            notes.append(note)
    if table == "locations":
        notes.extend(_coordinates(row))
    return notes


def _coordinates(row: dict[str, str]) -> list[str]:
    try:
        lat = float(row["latitude"]) if row.get("latitude") else None
        lon = float(row["longitude"]) if row.get("longitude") else None
    except ValueError:
        return []  # read_number has dropped what is no number
    if (lat is None) != (lon is None):
        row.pop("latitude", None)
        row.pop("longitude", None)
        return ["alleen latitude of longitude gegeven; coördinaten weggelaten"]
    new_lat, new_lon, note = read_coordinates(lat, lon)
    if note and new_lat is not None:  # swapped: the row is corrected. A point abroad stays in the row as the
        _set(row, "latitude", new_lat)  # publisher gave it (export gives back what came in); the mapping
        _set(row, "longitude", new_lon)  # keeps it off the kaart's location and says so.
        return [note]
    return []


def normalise_tables(tables: dict[str, list[tuple[int, dict[str, str]]]]) -> list[Note]:
    """Normalise every row of every table in place; one note per change, with its table and row number."""
    notes: list[Note] = []
    for table, rows in tables.items():
        for n, row in rows:
            for reason in normalise_row(table, row):
                notes.append((table, n, row.get("id"), reason))
    return notes
