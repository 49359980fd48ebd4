"""Notes for colleagues (issue 16.4): added, edited and deleted by logged-in professionals and coördinatoren,
with author role and date, in the history; shown on professional and beheer pages, never on public ones."""

from __future__ import annotations

import pytest
from site_data import PLANTED_ORG, PLANTED_SERVICE, add_account, close_app, csrf_from, demo_app, login

from graph.notes import NOTE_FIELD, NoteRepository
from graph.proposals import ChangeRepository
from graph.repositories import OrganisationRepository, ServiceRepository

NOTE = "Bel eerst de coördinator; aanmelden via de huisarts NOTITIE-TEST-7"


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("notes"))
    yield app
    close_app(app)


@pytest.fixture(scope="module")
def coordinator(site):
    client = site.test_client()
    login(client, add_account(site, "coordinator"))
    return client


def _post(client, page: str, url: str, **data):
    token = csrf_from(client.get(page).text)
    return client.post(url, data={"csrf_token": token, **data})


def _notes(site, entity="Service", id=PLANTED_SERVICE):
    from webapp.db import get_store

    with site.app_context():
        return NoteRepository(get_store()).for_entity(entity, id)


def _changes(site, entity="Service", id=PLANTED_SERVICE):
    from webapp.db import get_store

    with site.app_context():
        return [
            c for c in ChangeRepository(get_store()).for_entity(entity, id, limit=50) if c.field == NOTE_FIELD
        ]


def test_a_professional_adds_a_note_colleagues_see_and_the_public_never(site, pro):
    page = f"/professional/dienst/{PLANTED_SERVICE}"
    resp = _post(pro, page, f"/professional/notitie/dienst/{PLANTED_SERVICE}", tekst=NOTE, terug=page)
    assert resp.status_code == 302 and resp.headers["Location"].endswith(page)
    shown = pro.get(page).text
    assert NOTE in shown and "Professional" in shown  # the author's role, and the date
    assert NOTE not in pro.get(f"/dienst/{PLANTED_SERVICE}").text  # the public page, even logged in
    assert NOTE not in site.test_client().get(f"/dienst/{PLANTED_SERVICE}").text
    assert NOTE not in site.test_client().get(f"/api/hsds/services/{PLANTED_SERVICE}").text
    assert [c.new for c in _changes(site)][0] == NOTE  # in the history


def test_notes_on_an_organisation_show_on_the_professional_and_beheer_pages(site, pro, coordinator):
    page = f"/professional/organisatie/{PLANTED_ORG}"
    _post(pro, page, f"/professional/notitie/organisatie/{PLANTED_ORG}", tekst="Vraag naar Anouk ORG-NOTITIE")
    assert "ORG-NOTITIE" in pro.get(page).text
    assert "ORG-NOTITIE" in coordinator.get(f"/beheer/organisatie/{PLANTED_ORG}").text
    assert "ORG-NOTITIE" not in site.test_client().get(f"/organisatie/{PLANTED_ORG}").text


def test_only_the_author_or_a_coordinator_changes_a_note(site, pro, coordinator):
    page = f"/professional/dienst/{PLANTED_SERVICE}"
    _post(pro, page, f"/professional/notitie/dienst/{PLANTED_SERVICE}", tekst="eerste versie EDIT-1")
    note = next(n for n in _notes(site) if n.text == "eerste versie EDIT-1")
    other = site.test_client()
    login(other, add_account(site, "professional"))
    assert (
        _post(other, page, f"/professional/notitie/{note.id}/wijzigen", tekst="overschreven").status_code
        == 403
    )
    assert _post(other, page, f"/professional/notitie/{note.id}/verwijderen").status_code == 403
    _post(pro, page, f"/professional/notitie/{note.id}/wijzigen", tekst="tweede versie EDIT-2")
    assert any(n.text == "tweede versie EDIT-2" and n.updated_at for n in _notes(site))
    _post(coordinator, page, f"/professional/notitie/{note.id}/verwijderen")
    assert not any(n.id == note.id for n in _notes(site))
    history = [(c.old, c.new) for c in _changes(site) if c.ref == note.id]
    assert history == [("tweede versie EDIT-2", None), ("eerste versie EDIT-1", "tweede versie EDIT-2"),
                       (None, "eerste versie EDIT-1")]  # fmt: skip


def test_notes_need_a_login(site):
    anon = site.test_client()
    resp = anon.post(f"/professional/notitie/dienst/{PLANTED_SERVICE}", data={"tekst": "x"})
    assert resp.status_code in (302, 400)  # to the login page, or refused for want of a CSRF token
    assert not any(n.text == "x" for n in _notes(site))


def test_a_note_is_never_part_of_the_record(site):
    """Notes are nodes of their own: the record that public pages, APIs and the export read has no note in it."""
    from webapp.db import get_store

    with site.app_context():
        svc = ServiceRepository(get_store()).get(PLANTED_SERVICE)
        org = OrganisationRepository(get_store()).get(PLANTED_ORG)
    assert "NOTITIE" not in repr(svc) and "NOTITIE" not in repr(org)


def test_note_repository_on_both_backends(store):
    """Add, edit and delete, each with its Change, in one unit; a note on a missing record is refused."""
    from builders import organisation, service

    OrganisationRepository(store).upsert([organisation()])
    ServiceRepository(store).upsert([service()])
    notes = NoteRepository(store)
    who = {"author_id": "acc-1", "author_role": "coordinator", "author_name": "Els", "who": "els@x"}
    first = notes.add("Service", "svc-1", "Aanmelden via de huisarts", **who)
    notes.add("Organisation", "org-1", "Vraag naar het team", **who)
    assert [n.text for n in notes.for_entity("Service", "svc-1")] == ["Aanmelden via de huisarts"]
    assert notes.for_entity("Organisation", "org-1")[0].author_name == "Els"
    notes.edit(first, "Aanmelden via de huisarts of de POH", "els@x")
    assert notes.get(first.id).updated_at
    notes.delete(notes.get(first.id), "els@x")
    assert notes.for_entity("Service", "svc-1") == []
    changes = [c for c in ChangeRepository(store).for_entity("Service", "svc-1") if c.field == NOTE_FIELD]
    assert [(c.old is None, c.new is None) for c in changes] == [(False, True), (False, False), (True, False)]
    with pytest.raises(KeyError):
        notes.add("Service", "svc-bestaat-niet", "x", **who)
    with pytest.raises(ValueError):
        notes.add("Location", "loc-1", "x", **who)


def test_backup_and_restore_keep_notes_statuses_and_lists(store, tmp_path):
    """The new nodes are known to `kaart backup`/`restore` (graph/schema.py LABELS): nothing is lost or refused."""
    from builders import organisation, service

    from graph.backup import backup, restore
    from graph.shortlists import ShortlistRepository
    from graph.statuses import StatusRepository, TemporaryStatus

    OrganisationRepository(store).upsert([organisation()])
    ServiceRepository(store).upsert([service()])
    NoteRepository(store).add(
        "Service", "svc-1", "Bel eerst", author_id="a", author_role="professional", author_name="", who="p"
    )
    StatusRepository(store).set(
        TemporaryStatus("Organisation", "org-1", "verhuisd", "Markt 2", end="2099-01-01"), "c"
    )
    lists = ShortlistRepository(store)
    lst = lists.create("acc-1", "Lijst")
    lists.add(lst.id, "acc-1", ["svc-1"])
    backup(store, tmp_path / "kaart.jsonl.gz")
    restore(store, tmp_path / "kaart.jsonl.gz")
    assert [n.text for n in NoteRepository(store).for_entity("Service", "svc-1")] == ["Bel eerst"]
    assert StatusRepository(store).get("Organisation", "org-1").text == "Markt 2"
    assert [e.service_id for e in lists.get(lst.id, "acc-1").entries] == ["svc-1"]
