"""The result types of `graph.views` (frozen dataclasses) and its status/niveau constants.

Split from graph/views.py so the queries there stay readable; `graph.views` re-exports every name here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.models import NIVEAUS, Doelgroep, Kern, Netwerk, Organisation, Phone, Schedule, Service, Theme

NIVEAU_RANK = {n: i for i, n in enumerate(NIVEAUS)}
PUBLIC_STATUSES = ("active", "temporarily closed")
ALL_STATUSES = ("active", "inactive", "defunct", "temporarily closed")


@dataclass(frozen=True)
class Place:
    """A location as it may be shown: confidential ones carry no coordinates and no address."""

    id: str
    name: str | None
    latitude: float | None
    longitude: float | None
    address_1: str | None
    postal_code: str | None
    city: str | None
    approximate: bool
    confidential: bool
    description: str | None = None

    @property
    def on_map(self) -> bool:
        return not self.confidential and self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class ServiceSummary:
    id: str
    name: str
    description: str
    organization_id: str
    organization_name: str
    niveau: str | None
    status: str
    available_24_7: bool
    wait_time: str | None
    wait_time_date: str | None
    assured_date: str | None
    themes: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    places: tuple[Place, ...]
    distance_km: float | None = None
    schedules: tuple[Schedule, ...] = ()  # for "nu open · vandaag tot 17.00" on a card
    professional_only: bool = False  # "Voor professionals" (ADR 0116)


@dataclass(frozen=True)
class ServiceLink:
    service_id: str
    service_name: str
    organization_id: str
    organization_name: str
    niveau: str | None = None


@dataclass(frozen=True)
class ServiceDetail:
    service: Service
    organisation: Organisation
    places: tuple[Place, ...]
    phones: tuple[Phone, ...]  # professional-only phones only when asked for
    themes: tuple[Theme, ...]
    doelgroepen: tuple[Doelgroep, ...]
    kernen: tuple[Kern, ...]
    scales_up_to: tuple[ServiceLink, ...]
    scaled_from: tuple[ServiceLink, ...]
    networks: tuple[tuple[Netwerk, str | None], ...]
    schedules: tuple[Schedule, ...]


@dataclass(frozen=True)
class OrganisationDetail:
    organisation: Organisation
    services: tuple[ServiceSummary, ...]
    places: tuple[Place, ...]
    phones: tuple[Phone, ...]
    networks: tuple[tuple[Netwerk, str | None], ...]
    themes: tuple[Theme, ...]


@dataclass(frozen=True)
class GraphNode:
    id: str
    label: str
    kind: str  # organisation | netwerk | service


@dataclass(frozen=True)
class GraphEdge:
    source: str
    target: str
    label: str | None = None


@dataclass(frozen=True)
class NetworkGraph:
    centre: str
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]


@dataclass(frozen=True)
class ThemeInfo:
    id: str
    label: str
    b1_label: str | None
    description: str | None
    signal: str | None
    parents: tuple[str, ...]
    service_count: int = 0


@dataclass(frozen=True)
class Filters:
    """Filters of the list/map page and the HSDS API. Every field is optional."""

    theme: str | None = None  # a theme id: services about it or anything narrower
    doelgroep: str | None = None
    kern: str | None = None
    niveau: str | None = None
    open_now: bool = False
    text: str | None = None  # plain substring search (HSDS `search`)
    organization_id: str | None = None
    postcode: str | None = None  # PC4 prefix of a location
    near: tuple[float, float, float] | None = None  # lat, lon, km
    service_ids: tuple[str, ...] | None = None
    statuses: tuple[str, ...] = PUBLIC_STATUSES
    extra_themes: tuple[str, ...] = field(default_factory=tuple)
    # For residents (public lists, map, /api/v1/services): services meant for professionals only are left out
    # (ADR 0116). The HSDS API and professional pages keep them, marked.
    for_residents: bool = False
