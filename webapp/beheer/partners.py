"""Partners keep their own entry current: the coördinator makes a personal, expiring, single-organisation
link (`/partner/<token>`, only the SHA-256 of the token is stored) or sends "verzoek om controle" e-mails from
the verification dashboard; the partner's changes become Proposals, "alles klopt" sets the verified date.
Partner tokens never reach a log line."""

from __future__ import annotations

import dataclasses
import logging
import re
import secrets
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext

from graph.models import Organisation, Phone, Service
from graph.partner_links import PartnerLink, PartnerLinkRepository
from graph.proposals import FieldDiff, Proposal, ProposalRepository, jsonable, proposal_id
from graph.records import organisation_options, organisation_service_ids, phone_ids
from graph.repositories import OrganisationRepository, PhoneRepository, ServiceRepository
from graph.verification import ServiceCheck, service_checks
from webapp import accounts as acc
from webapp import mail
from webapp.audience import audience
from webapp.beheer.blueprints import bp, partner_bp
from webapp.beheer.fields import (
    EMAIL_PATTERN,
    ORG_FIELDS,
    PARTNER_ORG_FIELDS,
    PARTNER_SERVICE_FIELDS,
    SERVICE_FIELDS,
    F,
    FormErrors,
    clean_text,
    parse_fields,
    select_options,
    show_raw,
)
from webapp.beheer.forms import actor, get_or_404, stale_cutoff, today_iso
from webapp.beheer.schedules import SCHEDULE_NAMES, WAIT_DATE_NEEDED, schedule_changes, schedule_texts
from webapp.config import settings
from webapp.db import get_store
from webapp.site import datum

log = logging.getLogger(__name__)
CHANGED_BY_PARTNER = "Aangepast door de organisatie zelf, via een persoonlijke link"
CONFIRMED_BY_PARTNER = "De organisatie meldt via een persoonlijke link: alles klopt"
TOKEN_PATTERN = re.compile(r"(/partner/)[A-Za-z0-9_-]{16,}")

# --- partner links (coördinator side) ---------------------------------------------------------------------


def new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, acc.digest(token)


def partner_url(token: str) -> str:
    base = (current_app.config.get("BASE_URL") or "").rstrip("/")
    path = url_for("partner.entry", token=token)
    return base + path if base else url_for("partner.entry", token=token, _external=True)


def expiry(days: int) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).replace(microsecond=0).isoformat()


@bp.route("/organisatie/<id>/partnerlink", methods=["GET", "POST"])
@audience("coordinator")
def partner_link_new(id: str):
    if request.method == "GET":
        return redirect(url_for("beheer.organisation", id=id) + "#partnerlinks")
    org, _ = get_or_404("Organisation", id)
    try:
        days = int(request.form.get("dagen") or current_app.config.get("PARTNER_LINK_DAYS") or 30)
    except ValueError:
        days = 30
    days = max(1, min(days, 90))
    email = clean_text(request.form.get("email"), 254) or org.email or None
    if email and not EMAIL_PATTERN.match(email):
        email = None
    token, digest = new_token()
    link = PartnerLinkRepository(get_store()).create(id, digest, actor(), expiry(days), email=email)
    url = partner_url(token)
    message = partner_message(org, url, link.expires_at, to=email) if email else None
    return render_template(
        "beheer/link_created.html",
        org=org,
        link=link,
        url=url,
        mailto=mail.mailto(message) if message else None,
    )


@bp.get("/partnerlinks")
@audience("coordinator")
def partner_links():
    store = get_store()
    links = PartnerLinkRepository(store).all(limit=500)
    names = dict(organisation_options(store))
    return render_template("beheer/links.html", links=links, names=names, now=acc.now_iso())


@bp.route("/partnerlink/<id>/intrekken", methods=["GET", "POST"])
@audience("coordinator")
def partner_link_revoke(id: str):
    if request.method == "GET":
        return redirect(url_for("beheer.partner_links"))
    repo = PartnerLinkRepository(get_store())
    link = repo.get(id)
    if link is None:
        abort(404)
    if repo.revoke(id, actor()):
        flash(gettext("De link is ingetrokken. Hij werkt niet meer."), "ok")
    else:
        flash(gettext("Deze link was al ingetrokken."), "info")
    back = request.form.get("terug")
    return redirect(back if acc.safe_next(back) else url_for("beheer.partner_links"))


def partner_message(org: Organisation, url: str, expires_at: str, to: str | None = None) -> mail.Message:
    body = (
        f"Beste medewerker van {org.name},\n\n"
        "Uw organisatie staat in de sociale kaart van de gemeente. Professionals en inwoners zoeken daarin "
        "naar hulp. Daarom willen we graag dat de gegevens kloppen.\n\n"
        "Wilt u uw gegevens bekijken? Dat kan met deze persoonlijke link. U heeft geen account nodig:\n\n"
        f"{url}\n\n"
        "Klopt alles? Klik dan op 'Alles klopt'. Is er iets veranderd? Pas het aan en verstuur het. "
        "Een coördinator van de gemeente kijkt uw wijzigingen na.\n\n"
        f"De link werkt tot en met {datum(expires_at)}. Stuur deze e-mail niet door: de link is alleen voor "
        "uw organisatie.\n\n"
        "Met vriendelijke groet,\nDe coördinatoren van de sociale kaart"
    )
    return mail.Message(
        to=to or org.email or "", subject=f"Verzoek om controle: {org.name} in de sociale kaart", body=body
    )


# --- verification -------------------------------------------------------------------------------------------


@bp.get("/controle")
@audience("coordinator")
def verification():
    store = get_store()
    checks = service_checks(store)
    cutoff = stale_cutoff()
    stale = [c for c in checks if c.stale(cutoff)]
    by_org: dict[str, list[ServiceCheck]] = {}
    for c in stale:
        by_org.setdefault(c.organization_id, []).append(c)
    return render_template(
        "beheer/verification.html",
        stale_orgs=sorted(by_org.items(), key=lambda kv: kv[1][0].organization_name.lower()),
        no_contact=[c for c in checks if not c.has_contact],
        no_hours=[c for c in checks if not c.has_bereikbaarheid],
        cutoff=cutoff,
        days=settings().stale_after_days,
        smtp=mail.smtp_configured(current_app.config),
    )


@bp.route("/controle/verzoek", methods=["GET", "POST"])
@audience("coordinator")
def verification_request():
    if request.method == "GET":
        return verification()  # an action URL opened in the browser: show the page it belongs to
    store = get_store()
    ids = list(dict.fromkeys(request.form.getlist("organisatie")))[:200]
    orgs = OrganisationRepository(store).get_many(ids)
    days = int(current_app.config.get("PARTNER_LINK_DAYS") or 30)
    repo = PartnerLinkRepository(store)
    prepared = []  # (org, message or None, url)
    for org in orgs:
        token, digest = new_token()
        link = repo.create(org.id, digest, actor(), expiry(days), email=org.email, purpose="controle")
        url = partner_url(token)
        prepared.append((org, partner_message(org, url, link.expires_at) if org.email else None, url))
    smtp = mail.smtp_configured(current_app.config)
    outcomes: dict[str, mail.Outcome] = {}
    if smtp:
        sendable = [m for _, m, _ in prepared if m is not None]
        for o in mail.send(current_app.config, sendable):
            outcomes[o.message.to + "|" + o.message.subject] = o
    rows = []
    for org, message, url in prepared:
        outcome = outcomes.get(message.to + "|" + message.subject) if message else None
        rows.append(
            {
                "org": org,
                "message": message,
                "url": url,
                "mailto": mail.mailto(message) if message else None,
                "outcome": outcome,
            }
        )
    return render_template("beheer/requests.html", rows=rows, smtp=smtp)


# --- partner self-service -----------------------------------------------------------------------------------


def _partner_link(token: str) -> tuple[PartnerLink | None, Response | None]:
    """The link for this token, or the page that says it does not work (404 unknown, 410 expired/revoked)."""
    if not re.fullmatch(r"[A-Za-z0-9_-]{20,100}", token or ""):
        return None, Response(render_template("partner/gone.html", state="onbekend"), 404)
    link = PartnerLinkRepository(get_store()).by_hash(acc.digest(token))
    if link is None:
        return None, Response(render_template("partner/gone.html", state="onbekend"), 404)
    state = link.state()
    if state != "actief":
        return None, Response(render_template("partner/gone.html", state=state), 410)
    return link, None


@partner_bp.after_request
def _partner_no_store(resp: Response) -> Response:
    resp.headers["Cache-Control"] = "no-store"
    resp.headers["X-Robots-Tag"] = "noindex, nofollow"
    return resp


def _partner_entry(token: str):
    """(link, (organisation, its services, their phones, its phones), None) for a working link, else
    (None, None, the page that says it does not work)."""
    link, gone = _partner_link(token)
    if gone is not None:
        return None, None, gone
    store = get_store()
    org = OrganisationRepository(store).get(link.organisation_id)
    if org is None:
        return None, None, Response(render_template("partner/gone.html", state="onbekend"), 404)
    services = [
        s
        for s in ServiceRepository(store).get_many(organisation_service_ids(store, org.id))
        if s.status != "inactive"
    ]
    phones = {s.id: PhoneRepository(store).get_many(phone_ids(store, "service", s.id)) for s in services}
    org_phones = PhoneRepository(store).get_many(phone_ids(store, "organisation", org.id))
    return link, (org, services, phones, org_phones), None


def _partner_spec(names: Sequence[str], spec: Sequence[F]) -> list[F]:
    by = {f.name: f for f in spec}
    return [dataclasses.replace(by[n], required=by[n].required) for n in names]


def _partner_values(s: Service) -> dict[str, Any]:
    """What the partner page shows of a service: its fields, and its hours as texts."""
    plain = {n: getattr(s, n) for n in PARTNER_SERVICE_FIELDS if n not in SCHEDULE_NAMES}
    return plain | schedule_texts(s)


PARTNER_PHONE = (
    F("number", "Telefoonnummer", required=True, maxlen=40),
    F("description", "Toelichting"),
)


@partner_bp.route("/<token>", methods=["GET", "POST"])
@audience("partner")
def entry(token: str):
    link, found, gone = _partner_entry(token)
    if gone is not None:
        return gone
    org, services, phones, org_phones = found
    PartnerLinkRepository(get_store()).touch(link.id)
    errors: dict[str, str] = {}
    if request.method == "POST":
        result = _partner_submit(link, org, services, phones, org_phones, request.form)
        if isinstance(result, dict):
            errors = result
        else:
            return result
    return render_template(
        "partner/entry.html",
        token=token,
        link=link,
        org=org,
        services=services,
        phones=phones,
        org_phones=org_phones,
        org_spec=_partner_spec(PARTNER_ORG_FIELDS, ORG_FIELDS),
        svc_spec=_partner_spec(PARTNER_SERVICE_FIELDS, SERVICE_FIELDS),
        svc_values={s.id: _partner_values(s) for s in services},
        phone_spec=PARTNER_PHONE,
        options=select_options(),
        errors=errors,
        form=request.form if request.method == "POST" else None,
    ), (400 if errors else 200)


@partner_bp.get("/<token>/dienst/<service_id>")
@audience("partner")
def service_of_partner(token: str, service_id: str):
    """A direct link to one service in the partner page; only services of the link's own organisation."""
    link, gone = _partner_link(token)
    if gone is not None:
        return gone
    svc = ServiceRepository(get_store()).get(service_id)
    if svc is None or svc.organization_id != link.organisation_id:
        abort(404)
    return redirect(url_for("partner.entry", token=token) + f"#dienst-{service_id}")


@partner_bp.post("/<token>/klopt")
@audience("partner")
def confirm(token: str):
    """ "Alles klopt": a proposal per active service to set its last-verified date; only a coördinator's
    approval changes "laatst gecontroleerd"."""
    link, found, gone = _partner_entry(token)
    if gone is not None:
        return gone
    org, services, _, _ = found
    sub = _Submission(link, request.form)
    for s in services:
        sub.confirm(s)
    ProposalRepository(get_store()).add(sub.filed)
    PartnerLinkRepository(get_store()).mark(link.id, confirmed=True)
    return render_template("partner/thanks.html", org=org, confirmed=len(sub.filed), proposals=0, token=token)


class _Submission:
    """What a partner sent, compared with what they were shown (`was-…` fields): one Proposal per changed
    record, and the services that did not change."""

    def __init__(self, link: PartnerLink, form: Mapping[str, Any]) -> None:
        self.link = link
        self.form = form
        self.source = f"partner:{link.id}"
        self.today = today_iso()
        self.filed: list[Proposal] = []
        self.errors: dict[str, str] = {}
        self.confirmations = 0  # of the proposals filed, those that only confirm a service

    def touched(self, f: F, prefix: str, current: Any) -> bool:
        """Did the partner change this field: is the value sent not the one the page showed (`was-…`)?"""
        form = self.form
        if f.kind != "bool" and form.get(prefix + f.name) is None:
            return False  # not on the page that was sent
        sent = clean_text(form.get(prefix + f.name), f.maxlen)
        was = form.get(f"was-{prefix}{f.name}")
        was = clean_text(was if was is not None else show_raw(current), f.maxlen)
        if f.kind == "bool":
            sent, was = str(form.get(prefix + f.name) in ("1", "on")), str(was in ("1", "True"))
        return sent != was

    def diffs_for(self, record: Any, spec: Sequence[F], prefix: str) -> list[FieldDiff]:
        """Fields the partner touched whose value differs from the kaart now. The old value in the diff is the
        kaart's, so approving checks it."""
        values, errs = parse_fields(spec, self.form, prefix)
        out = []
        for f in spec:
            current = jsonable(getattr(record, f.name))
            if not self.touched(f, prefix, current):
                continue
            if f.name in errs:
                self.errors[prefix + f.name] = errs[f.name]
                continue
            new = jsonable(values.get(f.name))
            if new != current:
                out.append(FieldDiff(f.name, current, new))
        return out

    def hours(self, s: Service, spec: Sequence[F], prefix: str) -> list[FieldDiff]:
        """The hours texts the partner changed, read by the hours parser into the service's schedules (and
        the derived summary): one diff each for `schedules` and `opening_hours`."""
        shown = schedule_texts(s)
        if not any(self.touched(f, prefix, show_raw(shown[f.name])) for f in spec):
            return []
        values, _ = parse_fields(spec, self.form, prefix)
        try:
            changes = schedule_changes(s, s.id, values)
        except FormErrors as exc:
            self.errors |= {prefix + k: v for k, v in exc.errors.items()}
            return []
        old = {k: jsonable(getattr(s, k)) for k in changes}
        return [FieldDiff(k, old[k], jsonable(v)) for k, v in changes.items() if jsonable(v) != old[k]]

    def file(
        self,
        kind: str,
        entity_type: str,
        entity_id: str,
        diffs: Sequence[FieldDiff],
        reason: str = CHANGED_BY_PARTNER,
    ) -> None:
        diffs = tuple(diffs)
        self.filed.append(
            Proposal(
                id=proposal_id(kind, entity_type, entity_id, self.source, diffs),
                kind=kind,
                entity_type=entity_type,
                entity_id=entity_id,
                diffs=diffs,
                source=self.source,
                created_at=acc.now_iso(),
                reason=reason + (f" ({self.link.email})" if self.link.email else ""),
            )
        )

    def phone(self, ph: Phone) -> None:
        pd = self.diffs_for(ph, PARTNER_PHONE, f"tel-{ph.id}-")
        if pd:
            self.file("update", "Phone", ph.id, pd)

    def new_phone(self, service_id: str) -> None:
        number = clean_text(self.form.get(f"nieuw-{service_id}-number"), 40)
        if not number:
            return
        pid = f"phone-partner-{uuid.uuid4().hex[:10]}"
        desc = clean_text(self.form.get(f"nieuw-{service_id}-description"), 300) or None
        new = [
            FieldDiff("id", None, pid),
            FieldDiff("number", None, number),
            FieldDiff("service_id", None, service_id),
        ]
        if desc:
            new.append(FieldDiff("description", None, desc))
        self.file("create", "Phone", pid, new)

    def confirm(self, s: Service) -> None:
        """The partner says this service is right as it is: a proposal to set its last-verified date to today,
        for a coördinator to approve (a partner's word alone does not make an entry "gecontroleerd")."""
        if s.status in ("active", "temporarily closed") and s.assured_date != self.today:
            diffs = (FieldDiff("assured_date", s.assured_date, self.today),)
            self.file("update", "Service", s.id, diffs, reason=CONFIRMED_BY_PARTNER)
            self.confirmations += 1

    def service(self, s: Service, phones: Sequence[Phone]) -> None:
        prefix = f"svc-{s.id}-"
        if self.form.get(f"was-{prefix}name") is None:
            return  # not on the page they sent (e.g. added after the page was opened)
        spec = _partner_spec(PARTNER_SERVICE_FIELDS, SERVICE_FIELDS)
        d = self.diffs_for(s, [f for f in spec if f.name not in SCHEDULE_NAMES], prefix)
        d += self.hours(s, [f for f in spec if f.name in SCHEDULE_NAMES], prefix)
        changed = {x.field: x.new for x in d}
        if changed.get("wait_time") and not changed.get("wait_time_date"):
            self.errors[prefix + "wait_time_date"] = WAIT_DATE_NEEDED
        if d:
            d.append(FieldDiff("assured_date", s.assured_date, self.today))
            self.file("update", "Service", s.id, d)
        else:
            self.confirm(s)
        for ph in phones:
            self.phone(ph)
        self.new_phone(s.id)


def _partner_submit(link, org, services, phones, org_phones, form) -> Any:
    """File one Proposal per record the partner changed, and for each service that did not change a
    proposal to set its verified date (approved by a coördinator, like every change). Returns the thanks page, or the errors per field."""
    sub = _Submission(link, form)
    d = sub.diffs_for(org, _partner_spec(PARTNER_ORG_FIELDS, ORG_FIELDS), "org-")
    if d:
        sub.file("update", "Organisation", org.id, d)
    for s in services:
        sub.service(s, phones.get(s.id, []))
    for ph in org_phones:
        sub.phone(ph)
    if sub.errors:
        return sub.errors
    store = get_store()
    ProposalRepository(store).add(sub.filed)
    changes = len(sub.filed) - sub.confirmations
    PartnerLinkRepository(store).mark(link.id, submitted=bool(changes), confirmed=not changes)
    log.info("Partnerlink %s: %d voorstellen, %d bevestigingen", link.id, changes, sub.confirmations)
    return render_template(
        "partner/thanks.html", org=org, confirmed=sub.confirmations, proposals=changes, token=None
    )


# --- logging: partner tokens never reach a log line -----------------------------------------------------------


class RedactPartnerTokens(logging.Filter):
    """Access logs (werkzeug, gunicorn) print request paths; a partner token in a path is a secret."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and "/partner/" in record.msg:
            record.msg = TOKEN_PATTERN.sub(r"\1[link]", record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                TOKEN_PATTERN.sub(r"\1[link]", a) if isinstance(a, str) else a for a in record.args
            )
        elif isinstance(record.args, dict):
            record.args = {
                k: TOKEN_PATTERN.sub(r"\1[link]", v) if isinstance(v, str) else v
                for k, v in record.args.items()
            }
        return True


_FILTER = RedactPartnerTokens()


def install_log_redaction() -> None:
    for name in ("werkzeug", "gunicorn.access", "gunicorn.error"):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


@bp.record_once
def _on_register(state) -> None:
    install_log_redaction()
