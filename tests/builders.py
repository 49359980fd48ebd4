"""Builder functions for graph test data: small, readable defaults that a test overrides where it matters."""

from __future__ import annotations

from graph.models import Doelgroep, Location, Member, Netwerk, Organisation, Service, Theme


def theme(id: str = "schulden", label: str | None = None, parents: tuple[str, ...] = ()) -> Theme:
    return Theme(id=id, label=label or id.capitalize(), parents=parents)


def base_themes() -> list[Theme]:
    return [
        theme("financien", "Financiën"),
        theme("schulden", "Schulden", parents=("financien",)),
        theme("sociaal-netwerk", "Sociaal netwerk"),
        theme("eenzaamheid", "Eenzaamheid", parents=("sociaal-netwerk",)),
    ]


def organisation(id: str = "org-1", name: str | None = None, **kw) -> Organisation:
    return Organisation(
        id=id, name=name or f"Organisatie {id}", description=kw.pop("description", "Test"), **kw
    )


def location(
    id: str = "loc-1", org: str = "org-1", lat: float = 51.9253, lon: float = 6.5806, **kw
) -> Location:
    return Location(
        id=id, organization_id=org, latitude=lat, longitude=lon, name=kw.pop("name", f"Locatie {id}"), **kw
    )


def service(id: str = "svc-1", org: str = "org-1", **kw) -> Service:
    return Service(id=id, organization_id=org, name=kw.pop("name", f"Dienst {id}"), **kw)


def doelgroep(id: str = "volwassenen", min_age: int | None = 18, max_age: int | None = None) -> Doelgroep:
    return Doelgroep(id=id, label=id, min_age=min_age, max_age=max_age)


def netwerk(id: str = "net-vat", members: tuple[tuple[str, str, str], ...] = ()) -> Netwerk:
    return Netwerk(id=id, name=f"Netwerk {id}", members=tuple(Member(o, r, s) for o, r, s in members))


def synthetic(n_services: int, n_orgs: int | None = None, n_themes: int = 20) -> dict[str, list]:
    """A synthetic kaart of `n_services` services with ~3 relationships each (bench and scale tests)."""
    n_orgs = n_orgs or max(1, n_services // 4)
    themes = [theme("root", "Root")] + [
        theme(f"t{i}", f"Thema {i}", parents=("root",)) for i in range(n_themes)
    ]
    groups = [doelgroep("volwassenen", 18, None), doelgroep("jongeren", 12, 18)]
    orgs = [organisation(f"org-{i}", f"Organisatie {i}") for i in range(n_orgs)]
    locs = [
        location(f"loc-{i}", f"org-{i}", lat=51.8 + (i % 100) * 0.002, lon=6.4 + (i // 100 % 100) * 0.003)
        for i in range(n_orgs)
    ]
    services = [
        service(
            f"svc-{i}",
            f"org-{i % n_orgs}",
            name=f"Dienst {i}",
            description=f"Hulp bij thema {i % n_themes}",
            themes=(f"t{i % n_themes}",),
            doelgroepen=(groups[i % 2].id,),
            location_ids=(f"loc-{i % n_orgs}",),
            niveau="vrij-toegankelijk",
        )
        for i in range(n_services)
    ]
    return {
        "themes": themes,
        "doelgroepen": groups,
        "organisations": orgs,
        "locations": locs,
        "services": services,
    }


def report_lines(report) -> list[tuple]:
    """An import report as (file, row, record id, outcome, reason) lines, to compare with what a fixture shows."""
    return [(i.file, i.row, i.record_id, i.outcome, i.reason) for i in report.issues]


def matcher_on(falkor_server, index_dir, load) -> tuple:
    """(store, Matcher) over a fresh graph on the embedded server, filled by `load(store)` and indexed."""
    import uuid

    from graph import ensure_schema
    from graph.store import connect
    from match.engine import Matcher
    from match.index import rebuild_index

    store = connect(f"falkordb://{falkor_server.data_dir}?graph=t_{uuid.uuid4().hex[:12]}")
    ensure_schema(store)
    load(store)
    rebuild_index(store, index_dir)
    return store, Matcher(store, index_dir)


def themes_of(res) -> set[str]:
    """The theme ids of a match result."""
    return {t["id"] for t in res.themes}


def top_ids(res, n: int = 3) -> list[str]:
    """The service ids of a match result's first `n` answers, in order."""
    return [r["service_id"] for r in res.results[:n]]


# The demo kaart's crisis routes and the huisarts, as the safety tests name them (one place, not per file).
ALARM = "svc-112-alarmnummer"
LINE_113 = "svc-113-hulplijn"
VEILIG_THUIS = "svc-veilig-thuis-advies-melden"
HUISARTS = "svc-huisartsen-poh"
