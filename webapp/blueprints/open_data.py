"""Open data (ADR 0075): the public HSDS export as a download (`kaart export hsds --public` as a zip, with its
licence and date) and an Atom feed of changes to public entries, so that a gemeente website or a
neighbouring kaart can follow along. Both are public: they carry exactly what the public site shows.
"""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path
from xml.etree import ElementTree as ET

from flask import Blueprint, Response, current_app, render_template, url_for

from graph.hsds_store import HsdsStore
from graph.notes import NOTE_FIELD
from graph.proposals import Change, ChangeRepository
from graph.repositories import OrganisationRepository, ServiceRepository
from graph.statuses import STATUS_FIELD
from graph.views import PUBLIC_STATUSES
from ingest.hsds_export import DATA_LICENCE, open_data_zip
from ingest.hsds_profile import hsds_id
from ontology.statuses import status_kinds
from webapp.audience import audience
from webapp.db import get_store

bp = Blueprint("open_data", __name__)

ZIP_NAME = "sociale-kaart-hsds.zip"
ZIP_MAX_AGE = 3600  # seconds a made zip is served again (and may be cached by others)
FEED_MAX_AGE = 300
FEED_ENTRIES = 100
ATOM = "http://www.w3.org/2005/Atom"
_lock = threading.Lock()


def external_url(endpoint: str, **values: str) -> str:
    """An absolute URL of this site: on KAART_BASE_URL when set (behind a proxy), else from the request."""
    base = (current_app.config.get("BASE_URL") or "").rstrip("/")
    return base + url_for(endpoint, **values) if base else url_for(endpoint, _external=True, **values)


def _zip() -> tuple[bytes, str]:
    """The public export as a zip, made at most once per ZIP_MAX_AGE per process."""
    cache = current_app.extensions.setdefault("open_data_zip", {})
    with _lock:
        if cache and time.monotonic() - cache["made"] < ZIP_MAX_AGE:
            return cache["data"], cache["created"]
        with tempfile.TemporaryDirectory(prefix="kaart-open-data-") as tmp:
            data, created = open_data_zip(get_store(), Path(tmp) / "hsds")
        cache.update(data=data, created=created, made=time.monotonic())
        return data, created


@bp.get("/open-data")
@audience("public")
def page():
    data, created = _zip()
    return render_template(
        "public/open_data.html",
        licence=DATA_LICENCE,
        created=created,
        size_kb=max(1, len(data) // 1024),
        zip_name=ZIP_NAME,
    )


@bp.get(f"/open-data/{ZIP_NAME}")
@audience("public")
def download():
    data, created = _zip()
    resp = Response(data, mimetype="application/zip")
    resp.headers["Content-Disposition"] = f'attachment; filename="{ZIP_NAME}"'
    resp.headers["Cache-Control"] = f"public, max-age={ZIP_MAX_AGE}"
    resp.headers["Last-Modified"] = _http_date(created)
    return resp


def _http_date(iso: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(iso.replace("Z", "+00:00")), usegmt=True)


def _rfc3339(value: str) -> str:
    """`2026-12-06T06:40:00+00:00` (or a bare date) as Atom writes it: `2026-12-06T06:40:00Z`."""
    value = value.strip()
    if len(value) == 10:
        value += "T00:00:00+00:00"
    return value.replace("+00:00", "Z")


def _public_change(change: Change) -> bool:
    """A change the public may know happened: not a note for colleagues (ADR 0083), not a temporary status of
    a professional-only kind ("nu niet doorverwijzen", ADR 0082)."""
    if change.field == NOTE_FIELD:
        return False
    if change.field == STATUS_FIELD:
        public = {k.id for k in status_kinds().values() if k.public}
        kinds = {(v or {}).get("soort") for v in (change.old, change.new) if isinstance(v, dict)}
        return bool(kinds) and kinds <= public
    return True


def feed_entries(limit: int = FEED_ENTRIES) -> list[dict[str, str]]:
    """The public services and organisations changed or imported most recently, latest first: their name,
    public page and when. An imported change to a public phone or a location counts for its service or
    organisation. Never who changed what (accounts, professional-only fields and phones)."""
    store = get_store()
    latest: dict[tuple[str, str], str] = {}
    for c in ChangeRepository(store).recent(limit=limit * 10):
        if c.entity in ("Service", "Organisation") and c.when and _public_change(c):
            key = (c.entity, c.entity_id)
            latest[key] = max(latest.get(key, ""), c.when)
    hs = HsdsStore(store)
    for label in ("Service", "Organisation"):
        for rid, at in hs.recently_imported(label, limit) + hs.recently_changed_parts(label, limit):
            key = (label, rid)
            latest[key] = max(latest.get(key, ""), at or "")
    services = {
        s.id: s for s in ServiceRepository(store).get_many([i for (e, i) in latest if e == "Service"])
    }
    orgs = {
        o.id: o
        for o in OrganisationRepository(store).get_many([i for (e, i) in latest if e == "Organisation"])
    }
    out = []
    for (entity, rid), at in sorted(latest.items(), key=lambda kv: (kv[1], kv[0]), reverse=True):
        if entity == "Service" and rid in services and services[rid].status in PUBLIC_STATUSES:
            name, link = services[rid].name, external_url("public.service", id=rid)
        elif entity == "Organisation" and rid in orgs and orgs[rid].status != "archived":
            name, link = orgs[rid].name, external_url("public.organisation", id=rid)
        else:
            continue
        kind = "dienst" if entity == "Service" else "organisatie"
        out.append(
            {
                "id": f"urn:uuid:{hsds_id(rid)}",
                "title": name,
                "updated": _rfc3339(at),
                "link": link,
                "kind": kind,
            }
        )
        if len(out) >= limit:
            break
    return out


@bp.get("/feed.atom")
@audience("public")
def feed():
    entries = feed_entries()
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(root, f"{{{ATOM}}}id").text = external_url("open_data.feed")
    ET.SubElement(
        root, f"{{{ATOM}}}title"
    ).text = f"{current_app.jinja_env.globals.get('site_name', 'Sociale kaart')}: wijzigingen"
    ET.SubElement(root, f"{{{ATOM}}}updated").text = (
        entries[0]["updated"] if entries else "1970-01-01T00:00:00Z"
    )
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Sociale kaart"
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", href=external_url("open_data.feed"))
    ET.SubElement(root, f"{{{ATOM}}}link", rel="related", href=external_url("open_data.page"))
    ET.SubElement(root, f"{{{ATOM}}}rights").text = f"{DATA_LICENCE['title']} ({DATA_LICENCE['path']})"
    for e in entries:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = e["id"]
        ET.SubElement(entry, f"{{{ATOM}}}title").text = e["title"]
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = e["updated"]
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=e["link"])
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = f"De gegevens van deze {e['kind']} zijn bijgewerkt."
    body = ET.tostring(root, encoding="unicode", xml_declaration=False)
    resp = Response('<?xml version="1.0" encoding="utf-8"?>\n' + body, mimetype="application/atom+xml")
    resp.headers["Cache-Control"] = f"public, max-age={FEED_MAX_AGE}"
    return resp
