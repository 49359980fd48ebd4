"""Plain records of the kaart, as the repositories take and return them.

Frozen dataclasses: ingestors build them, repositories write them, the web app reads them. Field names follow
HSDS where HSDS has the field (so import/export stay a mapping, not a translation); Dutch domain words stay
Dutch (niveau, doelgroep, kern). Dates are ISO strings (`YYYY-MM-DD`), the same on both backends.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ontology import load_niveaus

# The niveau ladder (matched care), lightest first, then crisis: the codes of the HSDS `niveau` taxonomy,
# read from ontology/niveaus.yaml (the data is the single source; ontology.validate checks the contract codes).
NIVEAUS: tuple[str, ...] = tuple(n.id for n in load_niveaus())
# A service whose `assured_date` is older than this many days counts as stale ("te controleren"). The default
# of the setting KAART_STALE_AFTER_DAYS (webapp.config.Settings.stale_after_days), which callers should read.
STALE_AFTER_DAYS = 183


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    description: str = ""
    alternate_name: str | None = None
    email: str | None = None
    website: str | None = None
    kind: str | None = None  # organisatiesoort: sociale-basis, pedagogische-basis, lokaal-team, …
    status: str = "active"  # active | archived


# Kinds of schedule (ADR 0035): visiting hours, phone hours, walk-in, by appointment, and two exceptions.
SCHEDULE_KINDS = ("openingstijden", "telefonisch", "inloop", "afspraak", "gesloten", "gesloten-feestdagen")


@dataclass(frozen=True)
class Schedule:
    """One HSDS `schedules` row of a service, with its kind. Times are local (Europe/Amsterdam) `HH:MM`;
    `byday` is iCal (`MO,TU`). An exception has no times: `gesloten` between valid_from and valid_to (its
    description is the message), `gesloten-feestdagen` on Dutch public holidays. `afspraak` may have no times."""

    id: str
    kind: str = "openingstijden"
    freq: str | None = None  # WEEKLY | MONTHLY
    byday: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    wkst: str | None = None
    interval: int | None = None
    description: str | None = None
    notes: str | None = None
    attending_type: str | None = None
    location_id: str | None = None
    service_at_location_id: str | None = None


@dataclass(frozen=True)
class Service:
    id: str
    organization_id: str
    name: str
    description: str = ""
    alternate_name: str | None = None
    url: str | None = None
    email: str | None = None
    status: str = "active"  # HSDS: active | inactive | defunct | temporarily closed
    niveau: str | None = None  # vrij-toegankelijk | lokaal-team | maatwerk | specialistisch | crisis
    toegang: str | None = None  # vrij-toegankelijk | verwijzing | beschikking
    application_process: str | None = None
    eligibility_description: str | None = None
    fees_description: str | None = None
    wait_time: str | None = None
    wait_time_date: str | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    assured_date: str | None = None  # last verified
    available_24_7: bool = False
    # Meant for professionals only (a casusoverleg, a consultation line for the lokaal team): never offered to a
    # resident as a place to go; professionals see it marked "Voor professionals" (ADR 0116).
    professional_only: bool = False
    themes: tuple[str, ...] = ()  # confirmed themes (from the data or a coördinator)
    suggested_themes: tuple[str, ...] = ()  # derived from text; a coördinator may confirm them
    incidental_themes: tuple[
        str, ...
    ] = ()  # of `themes`, the ones it merely touches (not what it exists for)
    doelgroepen: tuple[str, ...] = ()
    location_ids: tuple[str, ...] = ()
    kernen: tuple[str, ...] = ()  # kernen/gebieden it serves
    scales_up_to: tuple[str, ...] = ()  # service ids: the next, heavier step
    opening_hours: str | None = None  # OSM `opening_hours` syntax, e.g. "Mo-Fr 09:00-17:00" or "24/7"
    # When and how a resident can reach it (HSDS schedules, sorted by id); ADR 0035.
    schedules: tuple[Schedule, ...] = ()


@dataclass(frozen=True)
class Location:
    id: str
    name: str | None = None
    organization_id: str | None = None
    description: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    address_1: str | None = None
    postal_code: str | None = None
    city: str | None = None  # woonplaats / kern
    kern: str | None = None  # Kern id
    approximate: bool = False  # placed at the kern centre because no address is known
    confidential: bool = False  # e.g. opvang: never shown on a map or with its address


@dataclass(frozen=True)
class Phone:
    id: str
    number: str
    type: str | None = None  # HSDS: voice, text, fax, cell, video, pager, textphone
    description: str | None = None
    professional_only: bool = False  # e.g. a direct line for professionals: never in public responses
    service_id: str | None = None
    organization_id: str | None = None
    location_id: str | None = None


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    b1_label: str | None = None
    description: str | None = None
    signal: str | None = None  # veiligheid | crisis
    parents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Doelgroep:
    id: str
    label: str
    b1_label: str | None = None
    min_age: int | None = None
    max_age: int | None = None


@dataclass(frozen=True)
class Kern:
    id: str
    name: str
    gemeente: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Member:
    organisation_id: str
    rol: str | None = None
    status: str | None = None  # huidig | voorgesteld


@dataclass(frozen=True)
class Netwerk:
    id: str
    name: str
    description: str | None = None
    source: str | None = None
    members: tuple[Member, ...] = ()


@dataclass(frozen=True)
class Provenance:
    """Where a record came from: set by ingestors on every record they write."""

    source: str  # e.g. "hsds:aalten-demo", "lrk", "csv:sociale-kaart.xlsx"
    imported_at: str  # ISO timestamp
    source_record_id: str | None = None


@dataclass
class UpsertResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    ids: dict[str, str] = field(default_factory=dict)  # id -> outcome

    def add(self, other: UpsertResult) -> UpsertResult:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.ids.update(other.ids)
        return self

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


@dataclass(frozen=True)
class OrganisationNeighbourhood:
    """An organisation with everything around it: what the detail page and the network view show."""

    organisation: Organisation
    services: tuple[Service, ...]
    locations: tuple[Location, ...]
    networks: tuple[tuple[Netwerk, Member], ...]
    themes: tuple[Theme, ...]
