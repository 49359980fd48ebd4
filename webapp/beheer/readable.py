"""Field values as a coördinator reads them: names instead of ids (organisations, services, locations, kernen,
themes, doelgroepen), Dutch labels instead of codes (status, niveau, toegang, soort), and where a change came
from in words instead of a source id. Used by the review queue, which must never show internal ids."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from graph.proposals import FieldDiff, Proposal, repository_for
from graph.repositories import DoelgroepRepository, KernRepository, ThemeRepository
from graph.sources import SourceRepository
from graph.statuses import STATUS_FIELD
from webapp.beheer.fields import FIELDS, MEMBER_STATUS, select_options, show
from webapp.beheer.schedules import hours_summary, opening_hours_text
from webapp.db import get_store
from webapp.site import datum

# Fields whose values are ids of other records: (record type or vocabulary) per field.
REFERENCES = {
    "organization_id": "Organisation",
    "organisation_id": "Organisation",
    "service_id": "Service",
    "location_id": "Location",
    "location_ids": "Location",
    "scales_up_to": "Service",
    "themes": "Theme",
    "suggested_themes": "Theme",
    "incidental_themes": "Theme",
    "doelgroepen": "Doelgroep",
    "kernen": "Kern",
    "kern": "Kern",
}
HIDDEN_FIELDS = ("id",)  # never shown, never editable
SOURCE_KINDS = {
    "hsds": "Import (HSDS)",
    "csv": "Import (spreadsheet)",
    "xlsx": "Import (spreadsheet)",
    "lrk": "Landelijk Register Kinderopvang",
    "duo": "DUO (scholen)",
    "netwerken": "Netwerkenlijst",
    "document": "Beleidsdocument",
    "dedupe": "Controle op dubbele organisaties",
    "melding": "Een inwoner (Klopt er iets niet?)",
}
# Fields holding a date (ISO in the graph): shown as "1 december 2026", never "2026-12-01".
DATE_FIELDS = {f.name for spec in FIELDS.values() for f in spec if f.kind == "date"} | {
    "assured_date",
    "wait_time_date",
    "last_modified",
    "valid_from",
    "valid_to",
}
MEMBER_KEYS = {"organisation_id": "Organisatie", "rol": "Rol", "status": "Status"}


def _select_labels() -> dict[str, dict[str, str]]:
    """Per field name with a select in the forms: code → Dutch label."""
    options = select_options()
    out: dict[str, dict[str, str]] = {}
    for spec in FIELDS.values():
        for f in spec:
            if f.kind == "select" and f.options:
                out.setdefault(f.name, {}).update(dict(options.get(f.options, ())))
    return out


class Readable:
    """Collects the ids a page will show, looks them all up at once, then renders values as text."""

    def __init__(self) -> None:
        self.wanted: dict[str, set[str]] = {}
        self.names: dict[tuple[str, str], str] = {}
        self.labels = _select_labels()

    def want(self, field: str, *values: Any) -> None:
        kind = REFERENCES.get(field)
        for value in values:
            if kind is None and field == "members":
                for m in [value] if isinstance(value, Mapping) else value or ():
                    if isinstance(m, Mapping) and m.get("organisation_id"):
                        self.wanted.setdefault("Organisation", set()).add(m["organisation_id"])
            elif kind is not None:
                ids = value if isinstance(value, list | tuple) else [value]
                self.wanted.setdefault(kind, set()).update(i for i in ids if isinstance(i, str) and i)

    def want_record(self, entity_type: str, id: str | None) -> None:
        if id:
            self.wanted.setdefault(entity_type, set()).add(id)

    def resolve(self) -> Readable:
        store = get_store()
        vocab = {"Theme": ThemeRepository, "Doelgroep": DoelgroepRepository, "Kern": KernRepository}
        for kind, ids in self.wanted.items():
            repo = vocab[kind](store) if kind in vocab else repository_for(store, kind)
            for r in repo.get_many(sorted(ids)):
                label = getattr(r, "name", None) or getattr(r, "label", None) or getattr(r, "number", None)
                if label:
                    self.names[(kind, r.id)] = label
        return self

    def name(self, kind: str, id: str, fallback: str = "(onbekend)") -> str:
        return self.names.get((kind, id), fallback)

    def value(self, field: str, value: Any) -> str:
        """One field value as text: ids become names, codes become labels."""
        kind = REFERENCES.get(field)
        if kind is not None:
            ids = value if isinstance(value, list | tuple) else [value]
            return show([self.name(kind, i, "(niet meer in de kaart)") for i in ids if i])
        if field == "schedules":
            return hours_summary(value)
        if field == "opening_hours" and isinstance(value, str) and value:
            return opening_hours_text(value)
        if field in DATE_FIELDS and isinstance(value, str) and value:
            return datum(value)
        if field == STATUS_FIELD and isinstance(value, Mapping):
            return status_text(value)
        if field == "members":
            return show([self.member(m) for m in ([value] if isinstance(value, Mapping) else value or ())])
        if isinstance(value, str) and value in self.labels.get(field, {}):
            return self.labels[field][value]
        return show(value)

    def member(self, m: Any) -> str:
        if not isinstance(m, Mapping):
            return show(m)
        text = self.name("Organisation", m.get("organisation_id") or "", "(onbekende organisatie)")
        if m.get("rol"):
            text += f", als {m['rol']}"
        status = dict(MEMBER_STATUS).get(m.get("status") or "")
        return text + (f" ({status.lower()})" if status else "")


def subject_of(p: Proposal, readable: Readable) -> str:
    """What a proposal is about, by name: the record's name, or for a new record the proposed name."""
    known = readable.names.get((p.entity_type, p.entity_id))
    if known:
        return known
    proposed = {d.field: d.new for d in p.diffs}
    for field in ("name", "number"):
        if isinstance(proposed.get(field), str) and proposed[field]:
            return proposed[field]
    return "(nieuw record zonder naam)" if p.kind == "create" else "(niet meer in de kaart)"


def shown_diffs(diffs: Iterable[FieldDiff]) -> list[FieldDiff]:
    return [d for d in diffs if d.field not in HIDDEN_FIELDS]


def source_labels(sources: Iterable[str]) -> dict[str, str]:
    """Where proposals came from, in words: a partner's own link, or the name of the import source."""
    sources = set(sources)
    known = {s.id: s for s in SourceRepository(get_store()).get_many(sorted(sources))}
    out = {}
    for src in sources:
        if src.startswith("partner:"):
            out[src] = "De organisatie zelf (via haar persoonlijke link)"
        elif src in known:
            s = known[src]
            kind = SOURCE_KINDS.get(s.kind, "Import")
            out[src] = f"{kind}: {s.name}" if s.name and s.name != kind else kind
        else:
            out[src] = SOURCE_KINDS.get(src.split(":", 1)[0], "Import of controle")
    return out


def status_text(value: Mapping[str, Any]) -> str:
    """A temporary status in the history as a coördinator reads it: "Tijdelijk gesloten, van 1 december 2026
    tot en met 31 december 2026: Verbouwing", not the stored ids and ISO dates."""
    from flask_babel import gettext

    from ontology.statuses import status_kinds
    from webapp.site import datum_shown
    from webapp.statuses import kind_label

    kind = status_kinds().get(str(value.get("soort") or ""))
    text = kind_label(kind) if kind else str(value.get("soort") or "")
    dates = []
    if value.get("vanaf"):
        dates.append(gettext("van %(date)s", date=datum_shown(value["vanaf"])))
    if value.get("tot en met"):
        dates.append(gettext("tot en met %(date)s", date=datum_shown(value["tot en met"])))
    if dates:
        text += ", " + " ".join(dates)
    if value.get("tekst"):
        text += f": {value['tekst']}"
    return text
