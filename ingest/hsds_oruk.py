"""Open Referral UK JSON read as HSDS 3.0 (docs/adr/0072-reading-hsds-as-published.md).

ORUK (the UK application profile, API v1) publishes services nested like HSDS 3.0 JSON but with other names:
`regular_schedules`/`holiday_schedules` for schedules, `eligibilitys` for ages, `service_taxonomys` with a
`taxonomy` (`vocabulary` = the taxonomy's name) for taxonomy terms, `physical_addresses` on a location, `url` on
an organisation, `service_area`/`language` as the text of an area or language. Its API answers a page in the
Spring shape (`{"totalElements", "totalPages", "number", "size", "first", "last", "content": […]}`); HSDS 3.0
answers `{"total_items", …, "contents": […]}`. `page_items` unwraps both; `from_oruk` renames what has an HSDS
3.0 place and names what has none (reported once per file, not kept). An HSDS 3.0 object passes unchanged.
"""

from __future__ import annotations

from typing import Any

from ingest.hsds_values import read_age, slug

# Keys that only a page (HSDS 3.0 or ORUK/Spring) has next to its list of records.
PAGE_KEYS = {
    "totalElements",
    "totalPages",
    "numberOfElements",
    "number",
    "size",
    "first",
    "last",
    "empty",
    "pageable",
    "total_items",
    "total_pages",
    "page_number",
    "first_page",
    "last_page",
}
# ORUK fields with no HSDS 3.0 place (reported, not kept).
ORUK_ONLY = {"attending_type", "attending_access", "deliverable_type", "reviews", "review", "link_taxonomy"}


def page_items(doc: Any) -> tuple[list[Any], str | None]:
    """The records of a JSON document (a list, one object, an HSDS 3.0 page or an ORUK/Spring page) and a
    warning when the page is one of several (only this page is read)."""
    if isinstance(doc, list):
        return doc, None
    if not isinstance(doc, dict):
        return [], None
    for key in ("contents", "content"):
        items = doc.get(key)
        if isinstance(items, list) and (key == "contents" or PAGE_KEYS & set(doc)):
            pages = doc.get("totalPages", doc.get("total_pages"))
            number = doc.get("number", doc.get("page_number"))
            note = None
            if isinstance(pages, int) and pages > 1:
                note = (
                    f"API-pagina {number} van {pages}: alleen de records op deze pagina ({len(items)}) zijn "
                    "gelezen; haal alle pagina's op en importeer ze alle"
                )
            return items, note
    return [doc], None


def _rename(obj: dict[str, Any], old: str, new: str) -> None:
    if old in obj:
        value = obj.pop(old)
        if new not in obj:
            obj[new] = value
        elif isinstance(obj[new], list) and isinstance(value, list):
            obj[new] = obj[new] + value


def _holiday(row: dict[str, Any], dropped: set[str]) -> dict[str, Any] | None:
    """An ORUK holiday_schedule as an HSDS schedule row: a closure from start_date to end_date."""
    if not row.get("closed") or row.get("closed") in {"false", "0"}:
        dropped.add("holiday_schedules (open op afwijkende tijden)")
        return None
    return {
        "id": row.get("id"),
        "valid_from": row.get("start_date"),
        "valid_to": row.get("end_date"),
        "description": "Gesloten",
    }


def _schedules(obj: dict[str, Any], dropped: set[str]) -> None:
    _rename(obj, "regular_schedules", "schedules")
    holidays = obj.pop("holiday_schedules", None)
    if isinstance(holidays, list):
        rows = [h for h in (_holiday(r, dropped) for r in holidays if isinstance(r, dict)) if h]
        obj["schedules"] = list(obj.get("schedules") or []) + rows


def _eligibility(svc: dict[str, Any], dropped: set[str]) -> None:
    """ORUK `eligibilitys` -> the service's minimum_age/maximum_age (the widest range) and its text. Ages are
    read by the same lenient reader as HSDS CSV (`hsds_values.read_age`): the value is passed on as written,
    so "16 jaar" becomes 16 and "6 maanden" 0, each with a warning on its row, never silently dropped."""
    rows = [r for r in svc.pop("eligibilitys", None) or [] if isinstance(r, dict)]
    for column, pick in (("minimum_age", min), ("maximum_age", max)):
        upper = column == "maximum_age"
        given = [r[column] for r in rows if str(r.get(column) if r.get(column) is not None else "").strip()]
        readable = [a for a in given if read_age(a, upper=upper)[0] is not None]
        if svc.get(column) in (None, ""):
            if readable:
                svc[column] = pick(readable, key=lambda a, up=upper: read_age(a, upper=up)[0] or 0)
            elif given:  # unreadable: passed on, so that the reader reports it ("geen getal; weggelaten")
                svc[column] = given[0]
        if len({read_age(a, upper=upper)[0] for a in readable}) > 1:
            dropped.add(f"eligibilitys (meer dan één {column}: de ruimste is bewaard)")
    texts = [str(r["eligibility"]).strip() for r in rows if str(r.get("eligibility") or "").strip()]
    if texts and not svc.get("eligibility_description"):
        svc["eligibility_description"] = ", ".join(dict.fromkeys(texts))


def _taxonomy_terms(svc: dict[str, Any]) -> None:
    """ORUK `service_taxonomys: [{id, taxonomy: {id, name, vocabulary, parent}}]` -> HSDS 3.0 attributes with a
    nested taxonomy_term in its own taxonomy (named after the vocabulary), so the term is kept as it came."""
    attrs = list(svc.get("attributes") or [])
    for link in svc.pop("service_taxonomys", None) or []:
        tax = link.get("taxonomy") if isinstance(link, dict) else None
        if not isinstance(tax, dict) or not tax.get("id"):
            continue
        vocabulary = str(tax.get("vocabulary") or "").strip() or "onbekende taxonomie"
        term = {
            "id": tax["id"],
            "code": tax["id"],
            "name": tax.get("name") or tax["id"],
            "taxonomy": vocabulary,
            "parent_id": tax.get("parent") if isinstance(tax.get("parent"), str) else None,
            "taxonomy_detail": {"id": f"taxonomy-{slug(vocabulary)}", "name": vocabulary},
        }
        attrs.append(
            {
                "id": link.get("id") or f"{svc.get('id')}-{tax['id']}",
                "taxonomy_term_id": tax["id"],
                "taxonomy_term": term,
            }
        )
    if attrs:
        svc["attributes"] = attrs


def _contact_phones(svc: dict[str, Any]) -> None:
    """ORUK keeps a service's phone numbers under its `contacts`; HSDS 3.0 lets a phone name both its contact and
    its service, so the number is also the service's (and shows with it) instead of hanging from the contact."""
    contacts = []
    for contact in svc.get("contacts") or []:
        if isinstance(contact, dict) and isinstance(contact.get("phones"), list) and svc.get("id"):
            contact = dict(contact)
            contact["phones"] = [
                {"service_id": svc["id"], **p} if isinstance(p, dict) else p for p in contact["phones"]
            ]
        contacts.append(contact)
    if contacts:
        svc["contacts"] = contacts


def _location(loc: dict[str, Any], dropped: set[str]) -> None:
    """ORUK location: `physical_addresses`/`postal_addresses` -> addresses with their type; ORUK has no
    location_type (HSDS 3.0 requires it): a location of the UK profile is a place, `physical`."""
    if not loc.get("location_type"):
        loc["location_type"] = "physical"
    addresses = list(loc.get("addresses") or [])
    for key, kind in (("physical_addresses", "physical"), ("postal_addresses", "postal")):
        for a in loc.pop(key, None) or []:
            if isinstance(a, dict):
                addresses.append({"address_type": kind, **a})
    if addresses:
        loc["addresses"] = addresses
    access = loc.pop("accessibility_for_disabilities", None)
    if isinstance(access, list):
        loc["accessibility"] = list(loc.get("accessibility") or []) + [
            {"id": a.get("id"), "description": a.get("accessibility")} for a in access if isinstance(a, dict)
        ]
    _schedules(loc, dropped)
    dropped.update(ORUK_ONLY & set(loc))


def _organisation(org: dict[str, Any], dropped: set[str]) -> None:
    _rename(org, "url", "website")
    dropped.update(ORUK_ONLY & set(org))


def from_oruk(item: dict[str, Any], table: str, dropped: set[str]) -> dict[str, Any]:
    """An ORUK service, organisation or location (`table`) as HSDS 3.0 JSON; names of ORUK fields that have no
    place in HSDS 3.0 are added to `dropped`. Works on a copy; an HSDS 3.0 object comes back equal."""
    obj = dict(item)
    if table == "organizations":
        _organisation(obj, dropped)
        if isinstance(obj.get("services"), list):
            obj["services"] = [
                from_oruk(s, "services", dropped) if isinstance(s, dict) else s for s in obj["services"]
            ]
        return obj
    if table == "locations":
        _location(obj, dropped)
        return obj
    if table != "services":
        return obj
    if isinstance(obj.get("organization"), dict):
        obj["organization"] = dict(obj["organization"])
        _organisation(obj["organization"], dropped)
    _schedules(obj, dropped)
    _eligibility(obj, dropped)
    _taxonomy_terms(obj)
    _contact_phones(obj)
    for key, text in (("languages", "language"), ("service_areas", "service_area")):
        if isinstance(obj.get(key), list):
            obj[key] = [
                {**x, "name": x.get("name") or x.get(text)} if isinstance(x, dict) else x for x in obj[key]
            ]
    sals = []
    for sal in obj.get("service_at_locations") or []:
        if isinstance(sal, dict):
            sal = dict(sal)
            if isinstance(sal.get("location"), dict):
                sal["location"] = dict(sal["location"])
                _location(sal["location"], dropped)
            _schedules(sal, dropped)
        sals.append(sal)
    if sals:
        obj["service_at_locations"] = sals
    dropped.update(ORUK_ONLY & set(obj))
    return obj
