"""A professional's own short lists (issue 16.7): named lists of services owned by one account, printable,
shared read-only by a revocable link with public data only, and a "gewijzigd op" badge for entries that changed
since they were added or last viewed."""

from __future__ import annotations

import re
import time
from html import unescape

import pytest
from builders import organisation, service
from site_data import PLANTED_SERVICE, SENTINELS, add_account, close_app, csrf_from, demo_app, login

from graph.notes import NoteRepository
from graph.proposals import ChangeRepository, new_change
from graph.repositories import OrganisationRepository, ServiceRepository
from graph.shortlists import MAX_ENTRIES, ShortlistRepository, token_digest

# --- the repository, on both backends ----------------------------------------------------------------------


@pytest.fixture
def lists(store):
    OrganisationRepository(store).upsert([organisation()])
    ServiceRepository(store).upsert([service(f"svc-{i}", name=f"Dienst {i}") for i in range(3)])
    return ShortlistRepository(store)


def test_a_list_belongs_to_its_owner_only(lists):
    mine = lists.create("acc-1", "  Schuldhulp   Dinxperlo ")
    assert lists.add(mine.id, "acc-1", ["svc-0", "svc-1", "svc-0", "svc-bestaat-niet"]) == 3
    got = lists.get(mine.id, "acc-1")
    assert got.name == "Schuldhulp   Dinxperlo"[:80] and [e.service_id for e in got.entries] == [
        "svc-0",
        "svc-1",
    ]
    assert lists.get(mine.id, "acc-2") is None  # another professional cannot read it …
    assert lists.add(mine.id, "acc-2", ["svc-2"]) == 0  # … nor add to it
    lists.delete(mine.id, "acc-2")
    assert lists.get(mine.id, "acc-1") is not None
    assert [x.size for x in lists.lists_of("acc-1")] == [2] and lists.lists_of("acc-2") == []
    lists.remove(mine.id, "acc-1", "svc-0")
    assert [e.service_id for e in lists.get(mine.id, "acc-1").entries] == ["svc-1"]
    lists.delete(mine.id, "acc-1")
    assert lists.get(mine.id, "acc-1") is None


def test_share_links_are_unguessable_read_only_and_revocable(lists, store):
    lst = lists.create("acc-1", "Eenzaamheid")
    lists.add(lst.id, "acc-1", ["svc-2"])
    assert lists.share(lst.id, "acc-2") is None  # not the owner
    first = lists.share(lst.id, "acc-1")
    assert len(first) >= 32 and lists.by_token(first).id == lst.id
    # only a digest is stored: the graph holds no working link
    rows = store.read("MATCH (l:Shortlist {id: $id}) RETURN properties(l) AS l", {"id": lst.id})
    assert first not in repr(rows) and rows[0]["l"]["share_digest"] == token_digest(first)
    second = lists.share(lst.id, "acc-1")
    assert lists.by_token(first) is None and lists.by_token(second).id == lst.id  # a new link revokes the old
    assert lists.unshare(lst.id, "acc-1") and lists.by_token(second) is None
    assert lists.by_token("") is None and lists.by_token("x" * 500) is None


def test_an_entry_is_marked_changed_until_the_owner_looks(lists, store):
    lst = lists.create("acc-1", "Werk")
    lists.add(lst.id, "acc-1", ["svc-0", "svc-1"])
    assert not any(e.changed for e in lists.get(lst.id, "acc-1").entries)
    time.sleep(0.01)
    ChangeRepository(store).add(
        [new_change("Service", "svc-0", "wait_time", "2 weken", "6 weken", who="c", source="edit")]
    )
    NoteRepository(store).add(
        "Service", "svc-1", "een notitie is geen wijziging", author_id="a", author_role="professional",
        author_name="", who="p",
    )  # fmt: skip
    entries = {e.service_id: e for e in lists.get(lst.id, "acc-1").entries}
    assert entries["svc-0"].changed and entries["svc-0"].modified_at
    assert not entries["svc-1"].changed
    lists.mark_seen(lst.id, "acc-1")
    assert not any(e.changed for e in lists.get(lst.id, "acc-1").entries)


def test_a_list_holds_at_most_max_entries(lists, store):
    ServiceRepository(store).upsert([service(f"svc-x{i}") for i in range(MAX_ENTRIES + 5)])
    lst = lists.create("acc-1", "Groot")
    assert lists.add(lst.id, "acc-1", [f"svc-x{i}" for i in range(MAX_ENTRIES + 5)]) == MAX_ENTRIES
    assert lists.add(lst.id, "acc-1", ["svc-0"]) == 0


# --- the pages ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("lists"))
    yield app
    close_app(app)


def _make_list(pro, name="Schulden Aalten", ids=(PLANTED_SERVICE, "svc-113-hulplijn")) -> str:
    page = pro.get("/professional/lijst?" + "&".join(f"dienst={i}" for i in ids))
    assert (
        "Bewaren in een eigen lijst" in page.text
        and "geen namen of gegevens van inwoners" in page.text.lower()
    )
    resp = pro.post(
        "/professional/lijsten", data={"csrf_token": csrf_from(page.text), "naam": name, "dienst": list(ids)}
    )
    assert resp.status_code == 302
    return resp.headers["Location"]


def test_save_print_and_share_a_list(site, pro):
    url = _make_list(pro)
    page = pro.get(url).text
    assert "Schulden Aalten" in page and "Print de lijst" in page
    assert SENTINELS["service_phone"] in page  # the owner sees professional details
    assert "Schulden Aalten" in pro.get("/professional/lijsten").text
    list_id = url.rstrip("/").rsplit("/", 1)[1]
    shared = pro.post(f"/professional/lijsten/{list_id}/delen", data={"csrf_token": csrf_from(page)})
    link = re.search(r'id="deellink" type="text" value="([^"]+)"', shared.text).group(1)
    path = link.split("://", 1)[1].split("/", 1)[1]
    anon = site.test_client()
    public = anon.get("/" + path)
    assert public.status_code == 200 and "Schulden Aalten" in public.text
    assert public.headers["Cache-Control"] == "no-store" and "noindex" in public.headers["X-Robots-Tag"]
    for value in SENTINELS.values():
        assert value not in public.text  # public data of the entries only
    assert 'method="post"' not in public.text  # read-only
    pro.post(f"/professional/lijsten/{list_id}/stop-delen", data={"csrf_token": csrf_from(page)})
    assert anon.get("/" + path).status_code == 404


def test_another_professional_cannot_open_my_list(site, pro):
    url = _make_list(pro, "Alleen van mij")
    other = site.test_client()
    login(other, add_account(site, "professional"))
    assert other.get(url).status_code == 404
    assert "Alleen van mij" not in other.get("/professional/lijsten").text


def test_the_list_shows_which_entries_changed_since_last_time(site, pro):
    from webapp.db import get_store

    url = _make_list(pro, "Wijzigingen")
    assert "Gewijzigd op" not in pro.get(url).text
    time.sleep(0.01)
    with site.app_context():
        ChangeRepository(get_store()).add(
            [
                new_change(
                    "Service", PLANTED_SERVICE, "wait_time", "2 weken", "8 weken", who="c", source="edit"
                )
            ]
        )
    assert pro.get(url).text.count("Gewijzigd op") == 1
    assert "Gewijzigd op" not in pro.get(url).text  # seen now


def test_a_printed_list_leaves_out_the_professional_reason_and_prints_whole_texts_with_a_footer(site, pro):
    """A printed list often goes home with the resident: no "nu niet doorverwijzen" and its reason on paper,
    the whole description instead of one cut off with "...", and a footer with the date and the kaart's address."""
    from graph.statuses import StatusRepository, TemporaryStatus
    from graph.views import Views
    from webapp.db import get_store

    with site.app_context():
        StatusRepository(get_store()).set(
            TemporaryStatus(
                "Service", PLANTED_SERVICE, "niet-doorverwijzen", "Wachtlijst vol", end="2099-12-31"
            ),
            "t",
        )
        ids = [
            s.id for s in ServiceRepository(get_store()).all(limit=10_000) if len(s.description or "") > 170
        ]
        long = Views(get_store()).summaries(ids[:1])[0]
    try:
        url = _make_list(pro, "Printen", ids=(PLANTED_SERVICE, long.id))
        page = pro.get(url).text
        status = re.search(r'<div class="kaart-status kaart-status--niet-doorverwijzen[^"]*"', page).group(0)
        assert "kaart-niet-printen" in status  # on screen for the professional, not on paper
        assert "Wachtlijst vol" in page
        card = page.split(f'id="dienst-{long.id}"', 1)[1].split("</article>", 1)[0]
        short = re.search(
            r'<p class="utrecht-paragraph kaart-kaartje__tekst kaart-niet-printen"[^>]*>([^<]+)', card
        )
        whole = re.search(
            r'<p class="utrecht-paragraph kaart-kaartje__tekst kaart-alleen-printen"[^>]*>([^<]+)', card
        )
        assert short and short.group(1).endswith("...")
        assert whole and unescape(whole.group(1)) == long.description
        footer = re.search(r'<p class="utrecht-paragraph kaart-alleen-printen kaart-printvoet">([^<]+)', page)
        assert footer and "Geprint op" in footer.group(1) and "http://localhost/" in footer.group(1)
    finally:
        with site.app_context():
            StatusRepository(get_store()).clear("Service", PLANTED_SERVICE, "t")


def test_the_print_stylesheet_hides_what_is_not_for_paper():
    from pathlib import Path

    css = (Path(__file__).resolve().parent.parent / "webapp/static/css/site.css").read_text()
    printed = css.split("@media print", 1)[1].split("\n}\n", 1)[0]
    assert re.search(r"\.kaart-niet-printen[^{]*\{\s*display:\s*none", printed)
    assert ".kaart-alleen-printen { display: block; }" in printed
