"""The HSDS 3.0 profile of the sociale kaart in one place (docs/hsds-profile.md, ADR 0074): the id rules (UUIDs
made from our readable ids, and back), what strict HSDS needs beyond our records, and what open data leaves out.

Both projections use it: `kaart export hsds` (ingest/hsds_export.py, CSV) and the HSDS API
(webapp/blueprints/hsds_api.py, nested JSON). Records are rendered to HSDS rows by ingest/hsds_render.py with
our readable ids; `publishable()` turns those rows into what leaves the kaart, and `readable_ids()` (called once
by the HSDS reader) turns a package we wrote back into readable ids, so export → import round-trips.

Ids: an HSDS id is `uuid5(NAMESPACE, readable id)`; an id that already is a UUID (a publisher's) stays as it is.
The readable id travels along: `organization_identifiers` (scheme `sociale-kaart`) for organisations, an
`attribute` with `link_type=kaart-id` (taxonomy `kaart-id`) for services, locations, phones, schedules and
service_at_location rows, and for taxonomies and terms of other publishers; ours need none: their readable ids
(`tax-<name>`, `<taxonomy>-<code>`) follow from name and code.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections import defaultdict
from functools import cache, lru_cache
from typing import Any

from jsonschema import FormatChecker

from ingest.hsds_spec import datapackage
from ingest.hsds_status import TAXONOMY_TEXT as STATUS_TAXONOMY_TEXT
from ontology.publiek import load_publiek

# The project's fixed namespace for uuid5 ids. NEVER change it: every exported id, and every consumer's link to
# one, depends on it (docs/adr/0074-hsds-uuid-ids-one-mapping.md).
NAMESPACE = uuid.UUID("9d70a1ef-683e-4d7c-aa22-0613c1ef4309")
_NS_BYTES = NAMESPACE.bytes
KAART_ID = "kaart-id"  # taxonomy / link_type of the attribute that carries a record's readable id
ID_SCHEME = "sociale-kaart"  # organization_identifiers.identifier_scheme for an organisation's readable id
HSDS_SPEC_URL = "https://docs.openreferral.org/en/3.0/"
PUBLIC_STATUSES = (
    "active",
    "temporarily closed",
)  # graph/view_types.PUBLIC_STATUSES: what the public site shows

PUBLIEK = load_publiek()  # the taxonomy of services for professionals only (ADR 0116)
TAXONOMY_TEXT = {
    "niveau": "Niveau op de hulpladder (matched care): van vrij toegankelijk tot crisis.",
    "thema": "Thema's (leefgebieden en onderwerpen) uit de ontologie van de sociale kaart.",
    "doelgroep": "Doelgroepen van een dienst.",
    "organisatiesoort": "Soort organisatie: sociale basis, pedagogische basis, lokaal team, specialistisch, crisis, gemeente.",
    "toegang": "Toegang tot een dienst (intakeroute): vrij toegankelijk, met verwijzing of met een beschikking.",
    "bereikbaarheid": "Bereikbaarheid van een dienst, zoals dag en nacht (24/7).",
    "zichtbaarheid": "Zichtbaarheid van een telefoonnummer of contact: alleen voor professionals.",
    "locatie": "Kenmerken van een locatie: benaderd (midden van de kern) of vertrouwelijk (nooit op de kaart).",
    "wachttijd-datum": "Peildatum van de wachttijd van een dienst (in `value`, JJJJ-MM-DD).",
    PUBLIEK.taxonomy: PUBLIEK.description,  # services for professionals only (ADR 0116)
    KAART_ID: "Het leesbare id van een record in de sociale kaart (in `value`), zoals in de adressen van de website.",
    **STATUS_TAXONOMY_TEXT,  # temporary status (ingest/hsds_status.py)
}
# Terms of our small taxonomies (code -> name); organisatiesoort, niveau, thema, doelgroep come from the ontology.
FIXED_TERMS = {
    "toegang": {
        "vrij-toegankelijk": "Vrij toegankelijk",
        "verwijzing": "Met verwijzing",
        "beschikking": "Met beschikking",
    },
    "bereikbaarheid": {"24-7": "Dag en nacht (24/7)"},
    "zichtbaarheid": {"professional": "Alleen voor professionals"},
    "locatie": {
        "benaderd": "Locatie benaderd (midden van de kern)",
        "vertrouwelijk": "Vertrouwelijke locatie",
    },
    "wachttijd-datum": {"peildatum": "Peildatum van de wachttijd"},
    PUBLIEK.taxonomy: {PUBLIEK.code: PUBLIEK.term},
}
# Codes are unique over all of taxonomy_terms.csv (HSDS datapackage). These keep their plain codes (the niveau
# codes are a contract); the codes of our other taxonomies are written `<taxonomy>:<code>`.
PLAIN_CODES = ("niveau", "thema", "doelgroep")
# HSDS requires these; where the kaart honestly knows nothing, this text is written (and read back as empty).
PLACEHOLDERS = {
    ("organizations", "description"): "Nog geen beschrijving.",
    ("metadata", "previous_value"): "-",
    ("metadata", "replacement_value"): "-",
}
# Columns never published as open data: the e-mail address of the person who verified a service.
PRIVATE_COLUMNS = {"services": ("assurer_email",)}
# Rows whose readable id travels in a `kaart-id` attribute: the records of the kaart, the ids records hold
# (a Schedule's own id and its service_at_location_id) and the terms attributes name (so `taxonomy_term_id`
# filters keep working after a round trip); organisations use organization_identifiers.
READABLE = (
    ("services", "service"),
    ("locations", "location"),
    ("phones", "phone"),
    ("schedules", "schedule"),
    ("service_at_location", "service_at_location"),
    ("taxonomies", "taxonomy"),  # only ids that do not follow from the name or code (another publisher's)
    ("taxonomy_terms", "taxonomy_term"),
)
POLYMORPHIC = {"attributes": ("link_id", "link_entity"), "metadata": ("resource_id", "resource_type")}

Tables = dict[str, dict[str, dict[str, str]]]  # table -> id -> row (strings, only non-empty values)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_FORMATS = FormatChecker()


def is_uuid(value: str | None) -> bool:
    return bool(value) and _UUID.fullmatch(value or "") is not None


@lru_cache(maxsize=1 << 18)
def hsds_id(readable: str) -> str:
    """The HSDS id of one of our ids: stable (uuid5 under NAMESPACE), a publisher's UUID unchanged.
    `str(uuid.uuid5(NAMESPACE, readable))`, computed without building UUID objects (an export makes many)."""
    if is_uuid(readable):
        return readable
    h = bytearray(hashlib.sha1(_NS_BYTES + readable.encode("utf-8")).digest()[:16])
    h[6] = (h[6] & 0x0F) | 0x50  # version 5
    h[8] = (h[8] & 0x3F) | 0x80  # RFC 4122 variant
    x = h.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


@cache
def _fields() -> dict[str, list[dict[str, Any]]]:
    return {r["path"].removesuffix(".csv"): r["schema"]["fields"] for r in datapackage()["resources"]}


@cache
def uuid_columns() -> dict[str, tuple[str, ...]]:
    """Per table, the columns HSDS declares `format: uuid` (ids and references)."""
    return {t: tuple(f["name"] for f in fs if f.get("format") == "uuid") for t, fs in _fields().items()}


@cache
def number_columns() -> dict[str, frozenset[str]]:
    return {t: frozenset(f["name"] for f in fs if f["type"] == "number") for t, fs in _fields().items()}


@cache
def _foreign_keys() -> dict[str, list[tuple[str, str]]]:
    by_resource = {r["name"]: r["path"].removesuffix(".csv") for r in datapackage()["resources"]}
    return {
        r["path"].removesuffix(".csv"): [
            (fk["fields"], by_resource[fk["reference"]["resource"]])
            for fk in r["schema"].get("foreignKeys", [])
        ]
        for r in datapackage()["resources"]
    }


def entity_table(entity: str | None) -> str | None:
    """`service` (link_entity / resource_type) -> `services`."""
    entity = (entity or "").strip().lower()
    for table, res in ((r["path"].removesuffix(".csv"), r["name"]) for r in datapackage()["resources"]):
        if res == entity:
            return table
    return None


def typed(table: str, row: dict[str, str]) -> dict[str, Any]:
    """A CSV row as HSDS JSON: `number` columns as numbers (ints when whole)."""
    numbers = number_columns().get(table, frozenset())
    out: dict[str, Any] = {}
    for k, v in row.items():
        if v == "":
            continue
        if k in numbers:
            try:
                f = float(v)
                out[k] = int(f) if f.is_integer() and "." not in v else f
            except ValueError:
                out[k] = v
        else:
            out[k] = v
    return out


# --- what leaves the kaart ------------------------------------------------------------------------------


def publishable(
    data: Tables, *, public: bool, private: dict[str, set[str]] | None = None, complete: bool = True
) -> Tables:
    """Rows with readable ids (from hsds_render) -> rows as they leave the kaart: strictly valid HSDS 3.0
    (required fields, formats, unique codes, no dangling references), without professional-only rows and
    columns when `public`, and with UUID ids. `private`: table -> ids the kaart itself marks professional-only
    or not public (a professional phone, a confidential location, an archived organisation). `complete`:
    these are all rows of the kaart (the export), so a reference to a row that is not there is dangling; the
    API renders a few records, where only references to rows left out here are."""
    out: Tables = {t: {i: dict(r) for i, r in rows.items()} for t, rows in data.items()}
    before = {t: set(rows) for t, rows in out.items()}
    _strict(out)
    if public:
        _leave_out_private(out, private or {})
    removed = {t: ids - set(out.get(t, {})) for t, ids in before.items()}
    _drop_dangling(out, removed, complete)
    return to_hsds_ids(out)


@cache
def _provinces() -> dict[str, str]:
    """Woonplaats (case-folded) -> its province, from the shipped gazetteer (the most populous of a name)."""
    from ontology.gazetteer import gazetteer_index

    return {name: places[0].province or "" for name, places in gazetteer_index().items()}


def _strict(data: Tables) -> None:
    provinces = _provinces()
    for rid, row in list(data.get("addresses", {}).items()):
        city = row.get("city", "")
        if not row.get("state_province") and provinces.get(city.casefold()):
            row["state_province"] = provinces[city.casefold()]
        row.setdefault("country", "NL")
        row.setdefault("address_type", "physical")
        if not all(row.get(c) for c in ("address_1", "postal_code", "city", "state_province")):
            del data["addresses"][rid]  # an address HSDS can carry needs a street and a postcode
    for (table, column), text in PLACEHOLDERS.items():
        for row in data.get(table, {}).values():
            if not row.get(column):
                row[column] = text
    for row in data.get("taxonomies", {}).values():
        row["description"] = row.get("description") or TAXONOMY_TEXT.get(
            row.get("name", ""), row.get("name", "")
        )
    for row in data.get("taxonomy_terms", {}).values():
        row["name"] = row.get("name") or row.get("code") or row["id"]
        row["description"] = row.get("description") or row["name"]
    _values_as_hsds_types(data)
    for table, fields in _fields().items():
        checks = [(f["name"], f["format"]) for f in fields if f.get("format") in ("uri", "email")]
        for row in data.get(table, {}).values() if checks else ():
            for column, fmt in checks:
                _conform(row, column, fmt)
    _unique_codes(data)


def _values_as_hsds_types(data: Tables) -> None:
    """Numbers, dates and enum values as HSDS writes them, also in rows a kaart kept from before the import read
    publishers' quirks (ingest/hsds_values.py): `51,925` -> `51.925`, `15-03-2025` -> `2025-03-15`, `Active`
    -> `active`, `weekly` -> `WEEKLY`; a value that cannot be read is left out rather than written invalid."""
    from ingest.hsds_values import read_date, read_number, read_status

    for table, fields in _fields().items():
        rows = data.get(table)
        for f in fields if rows else ():
            name, kind = f["name"], f["type"]
            enum = (f.get("constraints") or {}).get("enum")
            if kind not in ("number", "date", "datetime") and not enum:
                continue
            for row in rows.values():
                value = row.get(name)
                if not value:
                    continue
                if enum:
                    fixed = (
                        value
                        if value in enum
                        else next((e for e in enum if e.lower() == value.strip().lower()), None)
                    )
                    if fixed is None and (table, name) == ("services", "status"):
                        fixed = read_status(value)[0]
                elif kind == "number":
                    fixed = read_number(value)[0]
                elif kind == "date":
                    fixed = read_date(value)[0]
                else:
                    fixed = value if _is_datetime(value) else None
                if fixed:
                    row[name] = fixed
                else:
                    row.pop(name, None)


def _is_datetime(value: str) -> bool:
    from datetime import datetime

    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return "T" in value


def _conform(row: dict[str, str], column: str, fmt: str) -> None:
    value = (row.get(column) or "").strip()
    if not value:
        return
    if (
        fmt == "uri"
        and not re.match(r"^[a-z][a-z0-9+.-]*:", value, re.I)
        and re.match(r"^[\w-]+(\.[\w-]+)+", value)
    ):
        value = "https://" + value  # `www.example.nl`: a web address without its scheme
    if _FORMATS.conforms(value, fmt) and " " not in value:
        row[column] = value
    else:
        row.pop(column, None)  # not a URI / e-mail address HSDS can carry


def _tax_names(data: Tables) -> dict[str, str]:
    return {tid: (r.get("name") or "").strip() for tid, r in data.get("taxonomies", {}).items()}


def _unique_codes(data: Tables) -> None:
    """Term codes unique over the whole table: our secondary taxonomies as `<taxonomy>:<code>`, a code of
    another taxonomy that repeats one already used as `<taxonomy>:<code>` too. Read back by `readable_ids`."""
    names = _tax_names(data)
    terms = data.get("taxonomy_terms", {})

    def tax(row: dict[str, str]) -> str:
        return names.get(row.get("taxonomy_id", "")) or row.get("taxonomy", "")

    order = sorted(terms, key=lambda i: (tax(terms[i]) not in PLAIN_CODES, tax(terms[i]), i))
    used: set[str] = set()
    for tid in order:
        row, name = terms[tid], tax(terms[tid])
        code = row.get("code")
        if not code:
            continue
        if (name not in PLAIN_CODES and name in TAXONOMY_TEXT) or code in used:
            code = f"{name}:{code}" if name else code
        n = 2
        while code in used:  # the same code twice in one imported taxonomy: keep both terms apart
            code, n = f"{row['code']}~{n}", n + 1
        row["code"] = code
        used.add(code)


def _leave_out_private(data: Tables, private: dict[str, set[str]]) -> None:
    hidden: dict[str, set[str]] = defaultdict(set)
    for table, ids in private.items():
        hidden[table] |= set(ids)
    for row in data.get("attributes", {}).values():
        kind, value = row.get("link_type"), row.get("value")
        table = entity_table(row.get("link_entity"))
        if table and (
            (kind == "zichtbaarheid" and value == "professional")
            or (kind == "locatie" and value == "vertrouwelijk")
        ):
            hidden[table].add(row.get("link_id", ""))
    for sid, row in data.get("services", {}).items():
        if row.get("status") not in PUBLIC_STATUSES:
            hidden["services"].add(sid)
    for table, ids in hidden.items():
        for rid in ids:
            data.get(table, {}).pop(rid, None)
    for table, columns in PRIVATE_COLUMNS.items():
        for row in data.get(table, {}).values():
            for column in columns:
                row.pop(column, None)
    for rid, row in list(data.get("metadata", {}).items()):
        if "@" in row.get("updated_by", ""):  # who edited: an account, never published
            del data["metadata"][rid]


def _drop_dangling(data: Tables, removed: dict[str, set[str]], complete: bool) -> None:
    """Rows that point at a row left out above go too (a phone of a confidential location, the attributes of
    a professional phone), until none do. In a complete export a declared reference to a row that was never
    there (the HSDS example has such) is emptied, or the row goes when the reference is required."""
    fks = _foreign_keys()
    required = {
        t: {f["name"] for f in fs if (f.get("constraints") or {}).get("required")}
        for t, fs in _fields().items()
    }
    changed = True
    while changed:
        changed = False
        for table, rows in data.items():
            links = fks.get(table, [])
            poly = POLYMORPHIC.get(table)
            for rid, row in list(rows.items()):
                gone = any(row.get(col) and row[col] in removed.get(target, ()) for col, target in links)
                for col, target in links if complete and not gone else ():
                    if row.get(col) and row[col] not in data.get(target, {}):
                        if col in required.get(table, ()):
                            gone = True
                        else:
                            del row[col]
                if poly and not gone:
                    target = entity_table(row.get(poly[1]))
                    gone = target is not None and row.get(poly[0], "") in removed.get(target, ())
                if gone:
                    del rows[rid]
                    removed.setdefault(table, set()).add(rid)
                    changed = True


def to_hsds_ids(data: Tables) -> Tables:
    """Readable ids -> UUIDs in every `format: uuid` column, plus the rows that carry the readable ids."""
    _add_readable_id_rows(data)
    columns = uuid_columns()
    out: Tables = {}
    for table, rows in data.items():
        cols = columns.get(table, ())
        new = {}
        for row in rows.values():
            row = {k: (hsds_id(v) if k in cols and v else v) for k, v in row.items()}
            new[row["id"]] = row
        out[table] = new
    return out


def _derivable_ids(data: Tables) -> set[str]:
    """Ids `readable_ids` finds without a kaart-id row: `tax-<name>`, `<taxonomy>-<code>` (ours)."""
    from ingest.hsds_values import slug

    names = _tax_names(data)
    out = {tid for tid, name in names.items() if tid == f"tax-{name}"}
    for tid, row in data.get("taxonomy_terms", {}).items():
        name = names.get(row.get("taxonomy_id", "")) or row.get("taxonomy", "")
        code = row.get("code", "").removeprefix(f"{name}:")
        if name and code and tid == f"{name}-{slug(code)}":
            out.add(tid)
    return out


def _add_readable_id_rows(data: Tables) -> None:
    for oid in list(data.get("organizations", {})):
        if not is_uuid(oid):
            rid = f"orgid-{oid}"
            data.setdefault("organization_identifiers", {})[rid] = {
                "id": rid,
                "organization_id": oid,
                "identifier_scheme": ID_SCHEME,
                "identifier_type": KAART_ID,
                "identifier": oid,
            }
    term = f"{KAART_ID}-id"
    derivable = _derivable_ids(data)
    for table, entity in READABLE:
        for rid in list(data.get(table, {})):
            if not is_uuid(rid) and rid not in derivable:
                aid = f"attr-{rid}-{KAART_ID}"
                data.setdefault("attributes", {})[aid] = {
                    "id": aid,
                    "link_id": rid,
                    "taxonomy_term_id": term,
                    "link_type": KAART_ID,
                    "link_entity": entity,
                    "value": rid,
                }
    # always there, so every export and the API list the same taxonomies
    tax = f"tax-{KAART_ID}"
    data.setdefault("taxonomies", {})[tax] = {
        "id": tax,
        "name": KAART_ID,
        "description": TAXONOMY_TEXT[KAART_ID],
        "version": "1",
    }
    data.setdefault("taxonomy_terms", {})[term] = {
        "id": term,
        "code": f"{KAART_ID}:id",
        "name": "Id in de sociale kaart",
        "description": TAXONOMY_TEXT[KAART_ID],
        "taxonomy": KAART_ID,
        "language": "nl",
        "taxonomy_id": tax,
    }


# --- reading a package we wrote ------------------------------------------------------------------------


def readable_ids(tables: dict[str, list[tuple[int, dict[str, str]]]]) -> dict[str, str]:
    """In place, on the tables the HSDS reader read: UUIDs we made become our readable ids again, the rows
    that carried them go, term codes lose the `<taxonomy>:` we added, placeholders become empty. Data that
    did not come from a kaart is left as it is. Returns the mapping used (UUID -> readable id)."""
    mapping: dict[str, str] = {}
    ours = {hsds_id(f"tax-{KAART_ID}"), hsds_id(f"{KAART_ID}-id")}
    for _, row in tables.get("organization_identifiers", []):
        if row.get("identifier_scheme") == ID_SCHEME and row.get("identifier"):
            mapping[row.get("organization_id", "")] = row["identifier"]
    for _, row in tables.get("attributes", []):
        if row.get("link_type") == KAART_ID and row.get("value"):
            mapping[row.get("link_id", "")] = row["value"]
    mapping = {k: v for k, v in mapping.items() if k and hsds_id(v) == k}  # only what we made
    tables["organization_identifiers"] = [
        (n, r)
        for n, r in tables.get("organization_identifiers", [])
        if r.get("identifier_scheme") != ID_SCHEME
    ]
    tables["attributes"] = [(n, r) for n, r in tables.get("attributes", []) if r.get("link_type") != KAART_ID]
    tables["taxonomies"] = [(n, r) for n, r in tables.get("taxonomies", []) if r.get("id") not in ours]
    tables["taxonomy_terms"] = [
        (n, r) for n, r in tables.get("taxonomy_terms", []) if r.get("id") not in ours
    ]
    _readable_terms(tables, mapping)
    columns = uuid_columns()
    for table, rows in tables.items():
        cols = columns.get(table, ())
        for _, row in rows:
            for c in cols:
                if row.get(c) in mapping:
                    row[c] = mapping[row[c]]
            for (t, column), text in PLACEHOLDERS.items():
                if t == table and row.get(column) == text:
                    del row[column]
    return mapping


def _readable_terms(tables: dict[str, list[tuple[int, dict[str, str]]]], mapping: dict[str, str]) -> None:
    from ingest.hsds_values import slug

    names = {}
    for _, row in tables.get("taxonomies", []):
        name = (row.get("name") or "").strip()
        names[row.get("id", "")] = name
        if name and hsds_id(f"tax-{name}") == row.get("id"):
            mapping[row["id"]] = f"tax-{name}"
    for _, row in tables.get("taxonomy_terms", []):
        name = names.get(row.get("taxonomy_id", "")) or (row.get("taxonomy") or "").strip()
        code = row.get("code") or ""
        if name and code.startswith(f"{name}:"):
            row["code"] = code = code[len(name) + 1 :]
        for candidate in (f"{name}-{slug(code)}", f"{name}-peildatum"):
            if code and hsds_id(candidate) == row.get("id"):
                mapping[row["id"]] = candidate
                break
