"""The records a coördinator keeps: organisations, services (diensten), locations, phones (bereikbaarheid) and
networks. Every record type is edited through the one generic edit view (`forms.edit_record`); this module
says per type which fields, which page and what happens around a save (archive cascade, relations)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext

from graph.models import Location, Member, Netwerk, Organisation, Phone, Service
from graph.networks import network_overview, organisations_without_network
from graph.partner_links import PartnerLinkRepository
from graph.proposals import ProposalRepository
from graph.records import (
    organisation_location_ids,
    organisation_options,
    organisation_rows,
    organisation_service_ids,
    phone_ids,
    service_options,
    services_at,
)
from graph.repositories import (
    KernRepository,
    LocationRepository,
    NetwerkRepository,
    OrganisationRepository,
    PhoneRepository,
    ServiceRepository,
)
from graph.verification import confirm_services
from graph.views import ALL_STATUSES, Views
from webapp import accounts as acc
from webapp.audience import audience
from webapp.beheer.blueprints import bp
from webapp.beheer.fields import (
    LOCATION_FIELDS,
    MEMBER_STATUS,
    NETWERK_FIELDS,
    ORG_FIELDS,
    PHONE_FIELDS,
    SERVICE_FIELDS,
    FormErrors,
    clean_text,
    ensure_kernen,
    kern_options,
    select_options,
    theme_tree,
)
from webapp.beheer.forms import (
    RecordPage,
    actor,
    form_values,
    form_version,
    get_or_404,
    new_id,
    new_record_page,
    register_record_pages,
    retry_edit,
    save,
    stale_cutoff,
    today_iso,
)
from webapp.beheer.schedules import SCHEDULE_NAMES, schedule_changes, schedule_texts, wait_time_errors
from webapp.db import get_store

# --- organisations ----------------------------------------------------------------------------------------


@bp.get("/organisaties")
@audience("coordinator")
def organisations():
    q = (request.args.get("q") or "").strip()[:100]
    status = request.args.get("status")
    status = status if status in ("active", "archived") else None
    rows = organisation_rows(get_store(), q or None, status)
    return render_template("beheer/organisations.html", rows=rows, q=q, status=status, cutoff=stale_cutoff())


@bp.route("/organisaties/nieuw", methods=["GET", "POST"])
@audience("coordinator")
def organisation_new():
    return new_record_page(
        ORG_FIELDS,
        lambda values: Organisation(id=new_id("org", values["name"]), **values),
        title="Nieuwe organisatie",
        done="De organisatie is toegevoegd.",
        goto=lambda r: url_for("beheer.organisation", id=r.id),
        back=url_for("beheer.organisations"),
    )


def _organisation_page(org: Organisation, version: int, values: dict[str, Any], errors: dict[str, str]):
    store = get_store()
    id = org.id
    nb = OrganisationRepository(store).neighbourhood(id)
    networks = NetwerkRepository(store).all(limit=1000)
    return render_template(
        "beheer/organisation.html",
        org=org,
        version=version,
        spec=ORG_FIELDS,
        values=values,
        errors=errors,
        options=select_options(),
        services=ServiceRepository(store).get_many(organisation_service_ids(store, id)),
        locations=LocationRepository(store).get_many(organisation_location_ids(store, id)),
        phones=PhoneRepository(store).get_many(phone_ids(store, "organisation", id)),
        memberships=nb.networks if nb else (),
        networks=sorted(networks, key=lambda n: n.name.lower()),
        links=PartnerLinkRepository(store).for_organisation(id),
        proposals=ProposalRepository(store).for_entity("Organisation", id),
        cutoff=stale_cutoff(),
        link_days=int(current_app.config.get("PARTNER_LINK_DAYS") or 30),
        now=acc.now_iso(),
    ), (400 if errors else 200)


ORGANISATION_PAGE = RecordPage("Organisation", ORG_FIELDS, "beheer.organisation", _organisation_page)


@bp.route("/organisatie/<id>/archiveren", methods=["GET", "POST"])
@audience("coordinator")
def organisation_archive(id: str):
    if request.method == "GET":
        return redirect(url_for("beheer.organisation", id=id) + "#archief")
    org, _ = get_or_404("Organisation", id)
    restore = request.form.get("actie") == "terugzetten"
    if not restore and request.form.get("bevestigen") != "ja":
        # Archiving takes every active service off the kaart: never on one click (works without JavaScript).
        flash(
            gettext(
                "Er is niets gearchiveerd. Vink eerst aan dat u de organisatie en haar diensten wilt archiveren."
            ),
            "fout",
        )
        return redirect(url_for("beheer.organisation", id=id) + "#archief")
    after = dataclasses.replace(org, status="active" if restore else "archived")
    here = url_for("beheer.organisation", id=id)
    conflict = save("Organisation", org, after, form_version(request.form), here, here)
    if conflict is not None:
        return conflict
    if not restore:
        # The organisation's services leave the kaart with it: active ones become inactive (each audited).
        for sid in organisation_service_ids(get_store(), id):
            retry_edit(
                "Service",
                sid,
                lambda s: dataclasses.replace(s, status="inactive") if s.status == "active" else s,
                note="organisatie gearchiveerd",
            )
        flash(
            gettext("De organisatie is gearchiveerd. Haar actieve diensten staan nu op 'niet actief'."), "ok"
        )
    else:
        flash(
            gettext("De organisatie is teruggezet. Zet haar diensten zelf weer op actief als dat klopt."),
            "ok",
        )
    return redirect(here)


@bp.route("/organisatie/<id>/netwerk", methods=["GET", "POST"])
@audience("coordinator")
def organisation_network(id: str):
    if request.method == "GET":
        return redirect(url_for("beheer.organisation", id=id) + "#netwerken")
    get_or_404("Organisation", id)
    net_id = request.form.get("netwerk") or ""
    rol = clean_text(request.form.get("rol"), 200) or None
    status = request.form.get("status") if request.form.get("status") in dict(MEMBER_STATUS) else "huidig"
    net, version = get_or_404("Netwerk", net_id)
    member = Member(organisation_id=id, rol=rol, status=status)
    if any(m.organisation_id == id and m.rol == rol for m in net.members):
        flash(gettext("Deze organisatie is al lid met deze rol."), "info")
        return redirect(url_for("beheer.organisation", id=id))
    after = dataclasses.replace(net, members=(*net.members, member))
    here = url_for("beheer.organisation", id=id)
    conflict = save("Netwerk", net, after, version, here, url_for("beheer.network", id=net_id))
    return conflict if conflict is not None else redirect(here)


# --- services ---------------------------------------------------------------------------------------------

_SERVICE_RELATIONS = (
    ("themes", "thema"),
    ("doelgroepen", "doelgroep"),
    ("location_ids", "locatie"),
    ("kernen", "kern"),
    ("scales_up_to", "opschalen"),
    ("incidental_themes", "bijzaak"),  # of the themes, the ones the service merely touches (ADR 0031)
)


def _service_form(values, errors, *, action, version, back, org, service=None, title=""):
    store = get_store()
    views = Views(store)
    themes = views.themes(statuses=ALL_STATUSES)
    loc_ids = set(organisation_location_ids(store, org.id))
    if service is not None:
        loc_ids |= set(service.location_ids)
    if request.method == "POST":  # a form with errors keeps what was ticked
        chosen = {k: request.form.getlist(name) for k, name in _SERVICE_RELATIONS}
    else:
        chosen = {k: list(getattr(service, k)) if service else [] for k, _ in _SERVICE_RELATIONS}
    return (
        render_template(
            "beheer/service.html",
            title=title,
            org=org,
            service=service,
            spec=SERVICE_FIELDS,
            values=values,
            errors=errors,
            options=select_options(),
            action=action,
            version=version,
            back=back,
            theme_tree=theme_tree(themes),
            themes=themes,
            doelgroepen=views.doelgroepen(),
            locations=LocationRepository(store).get_many(sorted(loc_ids)),
            kernen=kern_options(),
            service_options=[o for o in service_options(store) if service is None or o[0] != service.id],
            phones=PhoneRepository(store).get_many(phone_ids(store, "service", service.id))
            if service
            else [],
            proposals=ProposalRepository(store).for_entity("Service", service.id) if service else [],
            chosen=chosen,
        ),
        400 if errors else 200,
    )


def _service_relations(form: Mapping[str, Any], service: Service | None) -> dict[str, Any]:
    """Themes (confirmed, and what happens to each suggestion), doelgroepen, locations, kernen, opschalen."""
    themes = set(form.getlist("thema"))
    suggested = list(service.suggested_themes) if service else []
    keep_suggested = []
    for t in suggested:
        choice = form.get(f"suggestie-{t}")
        if choice == "overnemen":
            themes.add(t)
        elif choice == "afwijzen":
            continue
        else:
            keep_suggested.append(t)
    kernen = sorted(set(form.getlist("kern")))
    ensure_kernen(kernen)
    return {
        "themes": tuple(sorted(themes)),
        # "raakt eraan": a theme the service only touches, not what it exists for (only for a chosen theme)
        "incidental_themes": tuple(sorted(set(form.getlist("bijzaak")) & themes)),
        "suggested_themes": tuple(sorted(t for t in keep_suggested if t not in themes)),
        "doelgroepen": tuple(sorted(set(form.getlist("doelgroep")))),
        "location_ids": tuple(sorted(set(form.getlist("locatie")))),
        "kernen": tuple(kernen),
        "scales_up_to": tuple(sorted(set(form.getlist("opschalen")))),
    }


def _organisation_of(svc: Service) -> Organisation:
    org = OrganisationRepository(get_store()).get(svc.organization_id)
    return org or Organisation(id=svc.organization_id, name=svc.organization_id)


@bp.route("/organisatie/<org_id>/dienst/nieuw", methods=["GET", "POST"])
@audience("coordinator")
def service_new(org_id: str):
    org, _ = get_or_404("Organisation", org_id)

    def make(values: dict[str, Any]) -> Service:
        sid = new_id("svc", values["name"])
        hours = _checked_hours(None, sid, values)
        rel = _service_relations(request.form, None)
        values["available_24_7"] = bool(values.get("available_24_7"))
        values["professional_only"] = bool(values.get("professional_only"))
        return Service(id=sid, organization_id=org_id, **values, **hours, **rel)

    def render(values: dict[str, Any], errors: dict[str, str]):
        action = url_for("beheer.service_new", org_id=org_id)
        back = url_for("beheer.organisation", id=org_id)
        return _service_form(
            values, errors, action=action, version=None, back=back, org=org, title="Nieuwe dienst"
        )

    return new_record_page(
        SERVICE_FIELDS,
        make,
        done="De dienst is toegevoegd.",
        goto=lambda svc: url_for("beheer.service", id=svc.id),
        initial={"status": "active"},
        render=render,
    )


def _checked_hours(svc: Service | None, service_id: str, values: dict[str, Any]) -> dict[str, Any]:
    """Take the hours texts out of the form values: the schedules they make, or FormErrors (also when a
    changed wachttijd has no date)."""
    errors = wait_time_errors(svc, values)
    try:
        hours = schedule_changes(svc, service_id, values)
    except FormErrors as exc:
        errors |= exc.errors
    if errors:
        raise FormErrors(errors)
    for name in SCHEDULE_NAMES:
        values.pop(name, None)
    return hours


def _service_apply(svc: Service, values: dict[str, Any], form: Mapping[str, Any]) -> Service:
    hours = _checked_hours(svc, svc.id, values)
    values["available_24_7"] = bool(values.get("available_24_7"))
    values["professional_only"] = bool(values.get("professional_only"))  # ADR 0116
    return dataclasses.replace(svc, **values, **hours, **_service_relations(form, svc))


def _service_values(svc: Service) -> dict[str, Any]:
    plain = [f for f in SERVICE_FIELDS if f.name not in SCHEDULE_NAMES]
    return form_values(svc, plain) | schedule_texts(svc)


def _service_page(svc: Service, version: int, values: dict[str, Any], errors: dict[str, str]):
    org = _organisation_of(svc)
    return _service_form(
        values,
        errors,
        action=url_for("beheer.service", id=svc.id),
        version=version,
        back=url_for("beheer.organisation", id=org.id),
        org=org,
        service=svc,
        title=svc.name,
    )


SERVICE_PAGE = RecordPage(
    "Service", SERVICE_FIELDS, "beheer.service", _service_page, _service_apply, values=_service_values
)


@bp.route("/dienst/<id>/gecontroleerd", methods=["GET", "POST"])
@audience("coordinator")
def service_verified(id: str):
    if request.method == "GET":
        return redirect(url_for("beheer.service", id=id))
    get_or_404("Service", id)
    confirm_services(get_store(), [id], actor(), today_iso(), ref="gecontroleerd door coördinator")
    flash(gettext("De dienst staat nu als gecontroleerd op vandaag."), "ok")
    back = request.form.get("terug")
    return redirect(back if acc.safe_next(back) else url_for("beheer.service", id=id))


# --- locations ----------------------------------------------------------------------------------------------


def _location_values(values: dict[str, Any]) -> dict[str, Any]:
    """Without coordinates, a location in a known kern is placed at the kern centre (marked approximate)."""
    if values.get("kern"):
        ensure_kernen([values["kern"]])
    if values.get("latitude") is None and values.get("longitude") is None and values.get("kern"):
        kern = KernRepository(get_store()).get(values["kern"])
        if kern is not None and kern.latitude is not None:
            values["latitude"], values["longitude"] = kern.latitude, kern.longitude
            values["approximate"] = True
    if (values.get("latitude") is None) != (values.get("longitude") is None):
        values["latitude"] = values["longitude"] = None
    values["approximate"] = bool(values.get("approximate"))
    values["confidential"] = bool(values.get("confidential"))
    return values


def _location_back(loc: Location) -> str:
    if loc.organization_id:
        return url_for("beheer.organisation", id=loc.organization_id)
    return url_for("beheer.organisations")


@bp.route("/organisatie/<org_id>/locatie/nieuw", methods=["GET", "POST"])
@audience("coordinator")
def location_new(org_id: str):
    org, _ = get_or_404("Organisation", org_id)
    return new_record_page(
        LOCATION_FIELDS,
        lambda values: Location(
            id=new_id("loc", values.get("name") or org.name),
            organization_id=org_id,
            **_location_values(values),
        ),
        title=f"Nieuwe locatie van {org.name}",
        done="De locatie is toegevoegd.",
        goto=lambda loc: url_for("beheer.organisation", id=org_id),
        back=url_for("beheer.organisation", id=org_id),
    )


def _location_extra(loc: Location) -> dict[str, Any]:
    store = get_store()
    return {
        "used_by": services_at(store, loc.id),
        "phones": PhoneRepository(store).get_many(phone_ids(store, "location", loc.id)),
        "phone_owner": ("locatie", loc.id),
    }


LOCATION_PAGE = RecordPage(
    "Location",
    LOCATION_FIELDS,
    "beheer.location",
    apply=lambda loc, values, form: dataclasses.replace(loc, **_location_values(values)),
    deleted="De locatie is verwijderd.",
    after_delete=_location_back,
    in_use=lambda loc: (
        "Deze locatie wordt nog door diensten gebruikt. Haal haar eerst bij die diensten weg."
        if services_at(get_store(), loc.id)
        else None
    ),
    title=lambda loc: f"Locatie: {loc.name or loc.id}",
    back=_location_back,
    extra=_location_extra,
)


# --- phones (bereikbaarheid) --------------------------------------------------------------------------------

# soort in the URL → (record type of the owner, the phone's field that points at it, its edit page)
PHONE_OWNERS = {
    "organisatie": ("Organisation", "organization_id", "beheer.organisation"),
    "dienst": ("Service", "service_id", "beheer.service"),
    "locatie": ("Location", "location_id", "beheer.location"),
}


def _owner_back(kind: str, owner: str) -> str:
    return url_for(PHONE_OWNERS[kind][2], id=owner)


def _phone_owner(phone: Phone) -> tuple[str, str]:
    if phone.service_id:
        return "dienst", phone.service_id
    if phone.location_id:
        return "locatie", phone.location_id
    return "organisatie", phone.organization_id or ""


def _phone_back(phone: Phone) -> str:
    kind, owner = _phone_owner(phone)
    return _owner_back(kind, owner) if owner else url_for("beheer.dashboard")


@bp.route("/telefoon/nieuw/<soort>/<eigenaar>", methods=["GET", "POST"])
@audience("coordinator")
def phone_new(soort: str, eigenaar: str):
    if soort not in PHONE_OWNERS:
        abort(404)
    owner_type, owner_field, _ = PHONE_OWNERS[soort]
    owner, _ = get_or_404(owner_type, eigenaar)
    return new_record_page(
        PHONE_FIELDS,
        lambda values: Phone(id=new_id("phone", values["number"]), **values, **{owner_field: eigenaar}),
        title=f"Nieuw telefoonnummer voor {getattr(owner, 'name', None) or eigenaar}",
        done="Het telefoonnummer is toegevoegd.",
        goto=lambda phone: _owner_back(soort, eigenaar),
        back=_owner_back(soort, eigenaar),
        initial={"type": "voice"},
    )


PHONE_PAGE = RecordPage(
    "Phone",
    PHONE_FIELDS,
    "beheer.phone",
    done=_phone_back,
    deleted="Het telefoonnummer is verwijderd.",
    after_delete=_phone_back,
    title=lambda ph: f"Telefoonnummer {ph.number}",
    back=_phone_back,
)


# --- networks -----------------------------------------------------------------------------------------------


@bp.get("/netwerken")
@audience("coordinator")
def networks():
    store = get_store()
    return render_template(
        "beheer/networks.html",
        networks=network_overview(store),
        untied=organisations_without_network(store),
    )


@bp.route("/netwerken/nieuw", methods=["GET", "POST"])
@audience("coordinator")
def network_new():
    return new_record_page(
        NETWERK_FIELDS,
        lambda values: Netwerk(id=new_id("net", values["name"]), **values),
        title="Nieuw netwerk",
        done="Het netwerk is toegevoegd. Voeg nu de leden toe.",
        goto=lambda net: url_for("beheer.network", id=net.id),
        back=url_for("beheer.networks"),
    )


def _member_status(raw: str | None, default: str) -> str:
    return raw if raw in dict(MEMBER_STATUS) else default


def _network_apply(net: Netwerk, values: dict[str, Any], form: Mapping[str, Any]) -> Netwerk | dict[str, str]:
    """The netwerk with its members as the form left them (removed, rol and status changed, one added)."""
    members = []
    for i, m in enumerate(net.members):
        if form.get(f"weg-{i}"):
            continue
        rol = clean_text(form.get(f"rol-{i}"), 200) or None
        members.append(Member(m.organisation_id, rol, _member_status(form.get(f"status-{i}"), m.status)))
    new_org = form.get("nieuw-organisatie")
    if new_org:
        if new_org not in dict(organisation_options(get_store())):
            return {"nieuw-organisatie": "Kies een organisatie uit de lijst."}
        rol = clean_text(form.get("nieuw-rol"), 200) or None
        members.append(Member(new_org, rol, _member_status(form.get("nieuw-status"), "huidig")))
    unique = list({(m.organisation_id, m.rol): m for m in members}.values())
    return dataclasses.replace(
        net, **values, members=tuple(sorted(unique, key=lambda m: (m.organisation_id, m.rol or "")))
    )


def _network_page(net: Netwerk, version: int, values: dict[str, Any], errors: dict[str, str]):
    orgs = organisation_options(get_store())
    return render_template(
        "beheer/network.html",
        net=net,
        version=version,
        spec=NETWERK_FIELDS,
        values=values,
        errors=errors,
        options=select_options(),
        orgs=orgs,
        names=dict(orgs),
    ), (400 if errors else 200)


NETWORK_PAGE = RecordPage("Netwerk", NETWERK_FIELDS, "beheer.network", _network_page, _network_apply)


register_record_pages(
    bp,
    (
        ("/organisatie/<id>", ORGANISATION_PAGE),
        ("/dienst/<id>", SERVICE_PAGE),
        ("/locatie/<id>", LOCATION_PAGE),
        ("/telefoon/<id>", PHONE_PAGE),
        ("/netwerk/<id>", NETWORK_PAGE),
    ),
)
