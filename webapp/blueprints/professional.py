"""Professional pages (login + second factor): "Wie kan hier helpen", details with professional-only
lines, the network around an organisation, and a printable/shareable list (service ids only, never the text).
Issue 16: notes for colleagues and a professional's own named short lists (docs/adr/0083-professional-only-data.md),
shared read-only by a link on the `gedeeld` blueprint (public data only).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from graph.notes import MAX_NOTE, Note, NoteRepository
from graph.shortlists import MAX_NAME, ShortlistRepository
from graph.views import PUBLIC_STATUSES, Views
from match.engine import persons_in_question
from ontology import load_ontology
from ontology.publiek import load_publiek
from webapp import accounts as acc
from webapp import statuses
from webapp.answer import MAX_TEXT, answer_hulpvraag, get_matcher
from webapp.audience import audience
from webapp.db import get_store
from webapp.results_tail import row_strength, tail_start
from webapp.site import network_svg, phones_by_service

bp = Blueprint("professional", __name__, url_prefix="/professional")
shared_bp = Blueprint("gedeeld", __name__, url_prefix="/gedeeld")

MAX_LIST = 100


@bp.route("/", methods=["GET", "POST"])
@audience("professional")
def search():
    views = Views(get_store())
    all_themes = views.themes()
    if request.method == "GET":
        return render_template(
            "professional/search.html", result=None, text="", place="", all_themes=all_themes
        )
    text = (request.form.get("situatie") or "").strip()[:MAX_TEXT]
    place = (request.form.get("plaats") or "").strip()[:100]
    if not text:
        return (
            render_template(
                "professional/search.html",
                result=None,
                text="",
                place=place,
                all_themes=all_themes,
                error="leeg",
            ),
            400,
        )
    override = None
    if request.form.get("herhaal"):
        chosen = [t for t in request.form.getlist("thema") if t in all_themes]
        extra = request.form.get("thema_extra")
        if extra in all_themes and extra not in chosen:
            chosen.append(extra)
        override = chosen
    result = answer_hulpvraag(
        text, near=place or None, audience="professional", limit=30, themes_override=override
    )
    ids = [r["service_id"] for r in result.results]
    excluded_ids = [r["service_id"] for r in result.excluded]
    summaries = {s.id: s for s in views.summaries(ids + excluded_ids)}
    groups = fit_groups(result, summaries)
    levels = {lv.id: lv for lv in load_ontology().safety.levels}
    safety_labels = [levels[i].label for i in result.safety_levels if i in levels]
    ids += [i for i in excluded_ids if i in summaries]
    far = get_matcher().answer.inwoner.far_km  # "101,5 km van Utrecht" is no fit and tells nothing (ADR 0103)
    groups = [(label, [(_near_only(r, far), s) for r, s in rows]) for label, rows in groups]
    shown, tail = split_tail(groups, result)
    return render_template(
        "professional/search.html",
        result=result,
        groups=shown,
        tail=tail,
        excluded_groups=[(label, rows) for label, rows in groups if label == GROUP_EXCLUDED],
        tail_count=sum(len(rows) for _, rows in tail),
        safety_labels=safety_labels,
        text=text,
        place=place,
        all_themes=all_themes,
        phones=phones_by_service(views, ids, professional=True),
        links=fitting_links(views.service_links(ids), result, text),
        list_url=url_for("professional.shortlist", dienst=ids) if ids else None,
    )


def _near_only(row: dict[str, Any], far_km: float) -> dict[str, Any]:
    d = row.get("distance_km")
    return {**row, "distance_km": None} if d is not None and d > far_km else row


def fitting_links(links: dict[str, tuple[Any, ...]], result: Any, text: str) -> dict[str, tuple[Any, ...]]:
    """ "Opschalen naar" only to help that fits the person in need (issue 12 point 7, user test m12test3 #8 and
    #25): no youth care for an adult, no safety service (Veilig Thuis advice) when no safety level was raised.
    The same rules as the matcher's (match/answer.py `Answerer.escalation_fits`); the text is read again in
    memory for the ages of the people in it, never kept."""
    matcher = get_matcher()
    analysis = matcher.analyzer.analyze(text)
    ages = list(analysis.ages)
    persons = () if ages else persons_in_question(analysis.tokens)
    raised = set(result.safety_levels)
    out = {}
    for sid, targets in links.items():
        kept = tuple(
            t for t in targets if matcher.answer.escalation_fits(t.service_id, ages, persons, raised)
        )
        if kept:
            out[sid] = kept
    return out


def split_tail(groups: list[tuple[Any, list[tuple[dict, Any]]]], result: Any) -> tuple[list, list]:
    """The fit groups cut at the start of the weak tail: (groups shown, groups behind "Meer resultaten
    tonen"). The front door and the group of services not for this age are never cut."""
    ranked = [row for label, rows in groups if label != GROUP_EXCLUDED for row, _ in rows]
    if result.front_door:
        return [(label, rows) for label, rows in groups if label != GROUP_EXCLUDED], []
    cut = tail_start(ranked, row_strength(result))
    shown: list = []
    tail: list = []
    n = 0
    for label, rows in groups:
        if label == GROUP_EXCLUDED:
            continue  # apart and labelled already: the page shows it after the tail
        head = [r for i, r in enumerate(rows, start=n) if i < cut]
        rest = [r for i, r in enumerate(rows, start=n) if i >= cut]
        n += len(rows)
        if head:
            shown.append((label, head))
        if rest:
            tail.append((label, rest))
    return shown, tail


# Group headings, in the order the matcher ranked: a group never lifts a weaker match above a better one.
# Shown in the interface language; the matcher's `why` (Dutch, the match contract) decides the group.
GROUP_SAFETY = _l("Veiligheid voorop")
GROUP_FIT = _l("Past bij de vraag")
GROUP_WORDS = _l("Gevonden op woorden uit de vraag")
GROUP_FRONT_DOOR = _l("Geen passende dienst: de voordeur van de gemeente")
GROUP_EXCLUDED = _l("Niet voor deze leeftijd (ter informatie)")
GROUP_HOLD = _l("Bestaat, maar nu niet doorverwijzen")


def fit_groups(result: Any, summaries: dict[str, Any]) -> list[tuple[Any, list[tuple[dict, Any]]]]:
    """Results cut into consecutive runs of the ranking (safety help, fitting the need, found on words only);
    the niveau stays visible on every card. Services that exclude the asker's age come last, apart."""

    def kind(n: int, row: dict[str, Any]) -> Any:
        if (row.get("temporary_status") or {}).get("id") == "niet-doorverwijzen":
            return GROUP_HOLD
        if (result.front_door and n == 0) or row["service_id"] in door_ids:
            return GROUP_FRONT_DOOR  # also the door for a need no service exists for (match/rank.py)
        if row["why"].startswith("Veiligheid voorop"):
            return GROUP_SAFETY
        if row["why"].startswith("Gevonden op woorden"):
            return GROUP_WORDS
        return GROUP_FIT

    door_ids = set(getattr(result, "door_ids", ()))
    groups: list[tuple[Any, list[tuple[dict, Any]]]] = []
    for n, row in enumerate(result.results):
        if row["service_id"] not in summaries:
            continue
        label = kind(n, row)
        if groups and groups[-1][0] == label:
            groups[-1][1].append((row, summaries[row["service_id"]]))
        else:
            groups.append((label, [(row, summaries[row["service_id"]])]))
    excluded = [(r, summaries[r["service_id"]]) for r in result.excluded if r["service_id"] in summaries]
    if excluded:
        groups.append((GROUP_EXCLUDED, excluded))
    return groups


@bp.get("/dienst/<id>")
@audience("professional")
def service(id: str):
    from webapp.blueprints.public import service_page

    return service_page(id, professional=True)


@bp.get("/organisatie/<id>")
@audience("professional")
def organisation(id: str):
    views = Views(get_store())
    detail = views.organisation_detail(id, professional=True)
    if detail is None:
        abort(404)
    graph = views.network_graph(id)
    svg = (
        network_svg(graph, lambda oid: url_for("professional.organisation", id=oid))
        if graph and len(graph.nodes) > 1
        else None
    )
    return render_template(
        "public/organisation.html", d=detail, professional=True, graph=graph, graph_svg=svg
    )


@bp.get("/lijst")
@audience("professional")
def shortlist():
    """A list to print or share: only service ids in the URL, never the hulpvraag."""
    ids = list(dict.fromkeys(i for i in request.args.getlist("dienst") if i))[:MAX_LIST]
    views = Views(get_store())
    services = views.summaries(ids)
    got = [s.id for s in services]
    return render_template(
        "professional/list.html",
        services=services,
        phones=phones_by_service(views, got, professional=True),
        links=views.service_links(got),
    )


# --- shared helpers ---------------------------------------------------------------------------------------

ENTITY_OF = {"dienst": "Service", "organisatie": "Organisation"}
LIST_ACTIONS = {
    f"professional.shortlist_{a}" for a in ("add", "remove", "rename", "delete", "share", "unshare")
}
ROLE_B1 = {"professional": "professional", "coordinator": "coördinator", "admin": "beheerder"}


@bp.record_once
def _setup(state: Any) -> None:
    """Template globals for statuses and notes; the read-only shared lists live on their own blueprint."""
    statuses.register(state.app)
    state.app.jinja_env.globals.update(notities=notes_for, ROLE_B1=ROLE_B1, mijn_lijsten=my_lists)
    state.app.register_blueprint(shared_bp)


def _me() -> Any:
    cur = acc.current()
    if cur is None:  # the audience check runs first; this is only a guard
        abort(403)
    return cur.account


def _back(default: str) -> Any:
    target = request.form.get("terug")
    return redirect(target if acc.safe_next(target) else default)


def _page_of(entity: str, id: str) -> str:
    if entity == "Service":
        return url_for("professional.service", id=id)
    return url_for("professional.organisation", id=id)


# --- notes for colleagues ---------------------------------------------------------------------------------


def notes_for(soort: str, id: str) -> list[Note]:
    """The notes on a record, only on professional and beheer pages (never on a public page)."""
    if not statuses.professional_request() or soort not in ENTITY_OF:
        return []
    return NoteRepository(get_store()).for_entity(ENTITY_OF[soort], id)


def _note_text() -> str:
    text = (request.form.get("tekst") or "").replace("\r\n", "\n").strip()
    return text[:MAX_NOTE]


@bp.route("/notitie/<soort>/<id>", methods=["GET", "POST"])
@audience("professional")
def note_add(soort: str, id: str):
    """Add a note for colleagues to a dienst or organisation."""
    if soort not in ENTITY_OF:
        abort(404)
    if request.method == "GET":  # the forms post here; a GET goes to the page of the record
        return redirect(_page_of(ENTITY_OF[soort], id))
    entity, me, text = ENTITY_OF[soort], _me(), _note_text()
    if not text:
        flash(gettext("Schrijf eerst een notitie."), "fout")
        return _back(_page_of(entity, id))
    try:
        NoteRepository(get_store()).add(
            entity, id, text, author_id=me.id, author_role=me.role, author_name=me.name or "", who=me.email
        )
    except KeyError:
        abort(404)
    flash(gettext("De notitie is opgeslagen. Alleen professionals zien hem."), "ok")
    return _back(_page_of(entity, id))


def _own_note(note_id: str) -> tuple[Note, Any]:
    """The note, if this account may change it: its author, or a coördinator."""
    note = NoteRepository(get_store()).get(note_id)
    if note is None:
        abort(404)
    me = _me()
    if note.author_id != me.id and acc.ROLE_LEVEL.get(me.role, 0) < acc.ROLE_LEVEL["coordinator"]:
        abort(403)
    return note, me


@bp.route("/notitie/<id>/wijzigen", methods=["GET", "POST"])
@audience("professional")
def note_edit(id: str):
    note, me = _own_note(id)
    if request.method == "GET":
        return redirect(_page_of(note.entity, note.entity_id))
    text = _note_text()
    if not text:
        flash(gettext("Een notitie mag niet leeg zijn. Wilt u hem weghalen? Kies dan Verwijderen."), "fout")
    elif text != note.text:
        NoteRepository(get_store()).edit(note, text, me.email)
        flash(gettext("De notitie is gewijzigd."), "ok")
    return _back(_page_of(note.entity, note.entity_id))


@bp.route("/notitie/<id>/verwijderen", methods=["GET", "POST"])
@audience("professional")
def note_delete(id: str):
    note, me = _own_note(id)
    if request.method == "GET":
        return redirect(_page_of(note.entity, note.entity_id))
    NoteRepository(get_store()).delete(note, me.email)
    flash(gettext("De notitie is verwijderd."), "ok")
    return _back(_page_of(note.entity, note.entity_id))


# --- a professional's own short lists ----------------------------------------------------------------------


def my_lists() -> list[Any]:
    cur = acc.current()
    if cur is None or not statuses.professional_request():
        return []
    return ShortlistRepository(get_store()).lists_of(cur.account.id)


def _list_name() -> str:
    return " ".join((request.form.get("naam") or "").split())[:MAX_NAME]


@bp.route("/lijsten", methods=["GET", "POST"])
@audience("professional")
def shortlists():
    """My lists; POST makes a new one (and puts the services of the form on it)."""
    repo, me = ShortlistRepository(get_store()), _me()
    if request.method == "POST":
        name = _list_name()
        if not name:
            flash(gettext("Geef de lijst een naam."), "fout")
            return _back(url_for("professional.shortlists"))
        new = repo.create(me.id, name)
        added = repo.add(new.id, me.id, request.form.getlist("dienst")[:100])
        flash(
            gettext("De lijst is gemaakt met %(num)s diensten.", num=added)
            if added
            else gettext("De lijst is gemaakt."),
            "ok",
        )
        return redirect(url_for("professional.shortlist_page", id=new.id))
    return render_template("professional/lists.html", lists=repo.lists_of(me.id))


def _list_or_404(id: str) -> Any:
    found = ShortlistRepository(get_store()).get(id, _me().id)
    if found is None:
        abort(404)
    return found


@bp.before_request
def _changes_are_posted() -> Any:
    """The list actions change something: a GET (a link, a reload) goes to the list instead."""
    if request.method == "GET" and request.endpoint in LIST_ACTIONS and request.view_args:
        return redirect(url_for("professional.shortlist_page", id=request.view_args["id"]))
    return None


@bp.get("/lijsten/<id>")
@audience("professional")
def shortlist_page(id: str, share_link: str | None = None):
    """One of my lists: print it, share it, see which entries changed since I last looked."""
    lst = _list_or_404(id)
    views = Views(get_store())
    ids = [e.service_id for e in lst.entries]
    by_id = {s.id: s for s in views.summaries(ids)}
    page = render_template(
        "professional/shortlist.html",
        lst=lst,
        entries=[(e, by_id[e.service_id]) for e in lst.entries if e.service_id in by_id],
        phones=phones_by_service(views, ids, professional=True),
        share_link=share_link,
    )
    ShortlistRepository(get_store()).mark_seen(lst.id, lst.owner_id)  # badges count from this visit
    return page


@bp.route("/lijsten/<id>/toevoegen", methods=["GET", "POST"])
@audience("professional")
def shortlist_add(id: str):
    lst = _list_or_404(id)
    added = ShortlistRepository(get_store()).add(lst.id, lst.owner_id, request.form.getlist("dienst")[:100])
    flash(
        gettext("Toegevoegd aan %(name)s.", name=lst.name)
        if added
        else gettext("Die diensten stonden al op de lijst."),
        "ok",
    )
    return _back(url_for("professional.shortlist_page", id=lst.id))


@bp.route("/lijsten/<id>/weghalen", methods=["GET", "POST"])
@audience("professional")
def shortlist_remove(id: str):
    lst = _list_or_404(id)
    ShortlistRepository(get_store()).remove(lst.id, lst.owner_id, request.form.get("dienst") or "")
    flash(gettext("De dienst staat niet meer op de lijst."), "ok")
    return redirect(url_for("professional.shortlist_page", id=lst.id))


@bp.route("/lijsten/<id>/naam", methods=["GET", "POST"])
@audience("professional")
def shortlist_rename(id: str):
    lst, name = _list_or_404(id), _list_name()
    if name:
        ShortlistRepository(get_store()).rename(lst.id, lst.owner_id, name)
    return redirect(url_for("professional.shortlist_page", id=lst.id))


@bp.route("/lijsten/<id>/verwijderen", methods=["GET", "POST"])
@audience("professional")
def shortlist_delete(id: str):
    lst = _list_or_404(id)
    ShortlistRepository(get_store()).delete(lst.id, lst.owner_id)
    flash(gettext("De lijst %(name)s is verwijderd.", name=lst.name), "ok")
    return redirect(url_for("professional.shortlists"))


@bp.route("/lijsten/<id>/delen", methods=["GET", "POST"])
@audience("professional")
def shortlist_share(id: str):
    """A new read-only link (an old one stops working). Shown once: only a digest of it is stored."""
    lst = _list_or_404(id)
    token = ShortlistRepository(get_store()).share(lst.id, lst.owner_id)
    link = url_for("gedeeld.shared_list", token=token, _external=True)
    return shortlist_page(lst.id, share_link=link)


@bp.route("/lijsten/<id>/stop-delen", methods=["GET", "POST"])
@audience("professional")
def shortlist_unshare(id: str):
    lst = _list_or_404(id)
    ShortlistRepository(get_store()).unshare(lst.id, lst.owner_id)
    flash(gettext("De link werkt niet meer."), "ok")
    return redirect(url_for("professional.shortlist_page", id=lst.id))


@shared_bp.get("/<token>")
@audience("public")
def shared_list(token: str):
    """A shared list, read-only, public data only (the public summaries, phones and statuses)."""
    lst = ShortlistRepository(get_store()).by_token(token)
    if lst is None:
        abort(404)
    views = Views(get_store())
    ids = [e.service_id for e in lst.entries]
    found = [s for s in views.summaries(ids) if s.status in PUBLIC_STATUSES]
    # A list shared with a resident never offers help for professionals only (ADR 0116): left out, and the
    # page says that part runs through their hulpverlener; the owner's own list still shows it, marked.
    services = [s for s in found if not s.professional_only]
    resp = render_template(
        "public/shared_list.html",
        lst=lst,
        services=services,
        via_professional=load_publiek().resident_why if len(services) < len(found) else "",
        phones=phones_by_service(views, [s.id for s in services], professional=False),
    )
    return (
        resp,
        200,
        {"Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer"},
    )
