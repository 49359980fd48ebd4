"""Why-lines and places a resident understands (issue 12 points 8 and 9; user test m12test2 "Why-lines" and
"Places"), on the Aalten demo: no ontology jargon on the public page, a way in said only where the service's
own data says it, no doelgroep claimed where no fit is known, and a place outside the gemeente said plainly.
The questions are written here in our own words for the situations the tester found."""

from __future__ import annotations

import re
from html import unescape

import pytest
from site_data import close_app, demo_app, public_page

from ontology import load_ontology
from ontology.inwoner import load_inwoner_labels, validate_inwoner

LABELS = load_inwoner_labels()

# Situations from the user test, in other words.
MANY_PROBLEMS = (
    "ik weet niet meer waar ik moet beginnen, geldproblemen, mijn zoon spijbelt en ik ben depressief"
)
DARK_THOUGHTS = "soms denk ik dat het voor iedereen beter is als ik er niet meer ben"
BROTHER_LVB = "mijn broer heeft een lvb en snapt de brieven over zijn uitkering niet"
BRAIN_INJURY = "sinds zijn hersenletsel (nah) na het ongeluk is mijn man snel moe en vergeet hij veel"
FORGETFUL_WIFE = "mijn vrouw vergeet steeds meer, de huisarts denkt aan dementie. wie kan ons thuis helpen?"
NO_WORK = "ik zit al jaren zonder werk en wil laten onderzoeken wat ik nog kan"


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("public-why"))
    yield app
    close_app(app)


def _whys(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", w).strip()
        for w in re.findall(
            r'<p class="utrecht-paragraph kaart-waarom"><strong>Waarom:</strong>(.*?)</p>', html, re.S
        )
    ]


def _chips(html: str) -> list[str]:
    return re.findall(r'<span class="kaart-chip"[^>]*>([^<]*)</span>', html)


def _match(site, text: str, audience: str = "public", place: str | None = None):
    from webapp.answer import answer_hulpvraag

    with site.app_context():
        return answer_hulpvraag(text, near=place, audience=audience, limit=20)


@pytest.mark.parametrize("text", [MANY_PROBLEMS, DARK_THOUGHTS, BROTHER_LVB, BRAIN_INJURY])
def test_public_page_shows_no_jargon_in_why_lines_or_chips(site, text):
    html = public_page(site, text)
    whys, chips = _whys(html), _chips(html)
    assert whys and chips, "the question is understood and answered"
    for line in whys + chips:
        assert not LABELS.jargon_in(line), f"jargon for an inwoner: {line!r}"
        # no lower-cased abbreviation ("nah", "lvb") nor a lower-cased name ("nederlandse")
        assert not re.search(r"\b(nah|lvb|adhd|nederlandse)\b", line), line


def test_the_tester_jargon_becomes_everyday_words(site):
    # (no service on the demo exists for multiproblematiek, so no why-line says "helpt bij" it: ADR 0105)
    piled_up = "een opeenstapeling van problemen: schulden, mijn zoon spijbelt en ik ben depressief"
    assert "Problemen op meer gebieden tegelijk" in _chips(public_page(site, piled_up))
    assert "Gedachten aan zelfdoding" in _chips(public_page(site, DARK_THOUGHTS))
    assert "Moeite met leren en begrijpen" in _chips(public_page(site, BROTHER_LVB))


def test_professionals_keep_the_ladder_terms_with_abbreviations_in_capitals(site):
    res = _match(site, BROTHER_LVB, audience="professional")
    whys = " ".join(r["why"] for r in res.results)
    assert "(LVB)" in whys and "(lvb)" not in whys
    assert re.search(r"vrij toegankelijk|lokaal team|maatwerk|specialistisch", whys)


@pytest.mark.parametrize("text", [FORGETFUL_WIFE, NO_WORK, MANY_PROBLEMS, BROTHER_LVB])
def test_a_way_in_through_the_gemeente_only_where_the_data_says_so(site, text):
    """Casemanager dementie and Labowijzer are maatwerk on the ladder, but nothing in their data says a resident
    applies at the gemeente: their why-line must not say so."""
    from graph.access import ServiceAccess
    from webapp.db import get_store

    with site.app_context():
        facts = ServiceAccess(get_store()).all()
    res = _match(site, text)
    for r in res.results:
        # ("In de gemeente Aalten" is where the service works, ADR 0133, not a way in)
        if (
            re.search(r"(?<![Ii]n de )gemeente\b(?! kijkt)", r["why"])
            and "team van de gemeente" not in r["why"]
        ):
            f = facts.get(r["service_id"])
            assert f and (
                f.toegang == "beschikking" or "gemeente" in (f.application_process or "").lower()
            ), (
                r["service_id"],
                r["why"],
            )


def test_casemanager_dementie_and_labowijzer_say_honestly_how_to_ask(site):
    lines = {}
    for text in (FORGETFUL_WIFE, NO_WORK):
        lines |= {r["service_id"]: r["why"] for r in _match(site, text).results}
    for sid in ("svc-casemanager-dementie", "svc-labowijzer-diagnostiek"):
        assert sid in lines, f"{sid} is an answer to its question"
        assert "aan te vragen bij de gemeente" not in lines[sid]
        assert "bel of mail om te vragen hoe u zich aanmeldt" in lines[sid]


def test_the_way_in_comes_from_the_services_own_data(site):
    """Huishoudelijke hulp: applied for at the gemeente (its data says so); POH jeugd: via the huisarts."""
    labels = LABELS
    assert labels.access("maatwerk", "beschikking", "Aanvraag bij de gemeente Aalten.") == (
        "u meldt zich aan via de gemeente"
    )
    assert labels.access("vrij-toegankelijk", None, "Via de huisarts.") == "u meldt zich aan via de huisarts"
    assert labels.access("maatwerk", None, None) == labels.unknown
    assert labels.access("specialistisch", None, None) == labels.unknown
    assert labels.access("vrij-toegankelijk", None, None) == "u kunt er zelf terecht, zonder verwijzing"
    assert "kabel" and labels.access("maatwerk", None, "Met een kabel aansluiten.") == labels.unknown


def test_no_doelgroep_claim_where_no_fit_is_known(site):
    """A young adult just out of youth care without a place to sleep (the tester's P10, in other words): no
    "voor deze doelgroep" anywhere, nothing next to "niet voor deze leeftijd", nothing on words alone."""
    text = "jongen van 20 komt net uit de jeugdzorg en heeft nergens een vaste plek om te slapen"
    for audience in ("professional", "public"):
        res = _match(site, text, audience=audience)
        for r in list(res.results) + list(res.excluded or []):
            parts = r["why"].split(" · ")
            assert "voor deze doelgroep" not in parts, r["why"]
            claims = [p for p in parts if p.lower().startswith("voor ") or p == "leeftijd past"]
            if "niet voor deze leeftijd" in parts or parts[0].startswith("Gevonden"):
                assert not claims, r["why"]


def test_a_place_outside_the_gemeente_is_said_plainly_with_the_front_door(site):
    html = public_page(site, "ik voel me eenzaam en zoek contact met anderen", "Utrecht")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Deze sociale kaart gaat over de gemeente Aalten. Utrecht ligt niet in de gemeente Aalten." in text
    assert "Team Mens & Samenleving" in text and "Woont u ergens anders?" in text
    assert not re.search(r"\d{2,3},\d km", text), "distances that large are no fit and are not shown"


def test_a_kern_of_the_gemeente_is_not_outside(site):
    html = public_page(site, "ik voel me eenzaam en zoek contact met anderen", "Dinxperlo")
    assert "Deze sociale kaart gaat over de gemeente" not in html
    assert "kaart-buiten-gemeente" not in html


def test_outside_rule():
    from match.answer import outside_gemeente

    kernen = ("Aalten", "Dinxperlo", "De Heurne")
    assert outside_gemeente("Utrecht", kernen, 101.5, 25)
    assert outside_gemeente(
        "Winterswijk", kernen, 8.0, 25
    )  # a neighbour is outside too, distances still shown
    assert not outside_gemeente("de heurne", kernen, 3.0, 25)
    assert not outside_gemeente("7122 AB Aalten", kernen, 0.5, 25)  # a postcode label names its kern
    assert outside_gemeente("locatie", kernen, 80.0, 25) and not outside_gemeente("locatie", kernen, 2.0, 25)
    assert not outside_gemeente(None, kernen, None, 25)


def test_every_theme_a_resident_can_see_has_b1_words_without_jargon():
    onto = load_ontology()
    assert validate_inwoner(onto) == []
    for tid in onto.themes:
        words = LABELS.themes.get(tid)
        assert words, f"{tid}: no words for inwoners in labels-inwoner.yaml"
        assert not LABELS.jargon_in(words), (tid, words)
    # the fallback for a theme without words: its label, an abbreviation kept in capitals
    assert LABELS.theme("nieuw-thema", "ADHD bij volwassenen") == "ADHD bij volwassenen"
    assert LABELS.theme("nieuw-thema", "Huiselijk geweld") == "huiselijk geweld"


def test_the_validator_names_a_theme_without_b1_words(tmp_path):
    import shutil

    from ontology.model import DATA_DIR

    for f in DATA_DIR.iterdir():
        if f.suffix in {".yaml", ".csv", ".gz", ".tsv"}:
            shutil.copy(f, tmp_path / f.name)
    text = (tmp_path / "labels-inwoner.yaml").read_text()
    (tmp_path / "labels-inwoner.yaml").write_text(text.replace("  schulden: schulden\n", ""))
    problems = validate_inwoner(load_ontology(tmp_path))
    assert any("'schulden'" in p and "no words for inwoners" in p for p in problems), problems


def test_a_service_page_claims_no_way_in_its_data_does_not_give(site):
    """The service's own page said "Hulp op maat, via de gemeente" for every maatwerk service; the casemanager
    dementie comes via the huisarts. Huishoudelijke hulp is applied for at the gemeente (its data says so)."""
    web = site.test_client()
    casemanager = unescape(web.get("/dienst/svc-casemanager-dementie").text)
    assert "via de gemeente" not in casemanager
    assert "Bel of mail om te vragen hoe u zich aanmeldt." in casemanager
    huishoudelijk = unescape(web.get("/dienst/svc-aalten-huishoudelijke-hulp").text)
    assert (
        "Hulp op maat, via de gemeente" in huishoudelijk
        and "Aanvraag bij de gemeente Aalten" in huishoudelijk
    )


def test_an_edit_of_the_way_in_shows_in_the_next_why_line(site):
    """A coördinator fills in how to apply for the casemanager dementie: the next answer says it (the facts are
    re-read for the changed service only), and the honest 'bel of mail' line is back after the edit is undone."""
    import dataclasses

    from graph.editing import save_edit
    from graph.repositories import ServiceRepository
    from webapp.answer import get_matcher
    from webapp.db import get_store

    sid = "svc-casemanager-dementie"

    def line() -> str:
        with site.app_context():
            get_matcher().live.catch_up()
        return next(r["why"] for r in _match(site, FORGETFUL_WIFE).results if r["service_id"] == sid)

    assert LABELS.unknown in line()
    with site.app_context():
        store = get_store()
        repo = ServiceRepository(store)
        svc = repo.get(sid)
        edited = dataclasses.replace(
            svc, application_process="Aanmelden via de huisarts of de praktijkondersteuner."
        )
        save_edit(store, "Service", edited, "coordinator@example.org", repo.meta(sid)["version"])
    try:
        assert "u meldt zich aan via de huisarts" in line()
    finally:
        with site.app_context():
            save_edit(store, "Service", svc, "coordinator@example.org", repo.meta(sid)["version"])
    assert LABELS.unknown in line()


def test_way_in_facts_are_read_on_both_graph_backends(kaart):
    """graph/access.py on FalkorDB and Neo4j: only services that say something about their way in, and the
    services of a change by id."""
    from graph.access import ServiceAccess
    from graph.models import Organisation, Service
    from graph.repositories import OrganisationRepository, ServiceRepository

    OrganisationRepository(kaart).upsert([Organisation(id="org-x", name="Organisatie X")])
    ServiceRepository(kaart).upsert(
        [
            Service(
                id="svc-huisarts",
                organization_id="org-x",
                name="Via de huisarts",
                application_process="Via de huisarts.",
            ),
            Service(id="svc-besluit", organization_id="org-x", name="Met besluit", toegang="beschikking"),
            Service(id="svc-stil", organization_id="org-x", name="Zegt niets"),
        ]
    )
    reader = ServiceAccess(kaart)
    facts = reader.all()
    assert set(facts) == {"svc-huisarts", "svc-besluit"}
    assert (
        facts["svc-huisarts"].application_process == "Via de huisarts."
        and facts["svc-besluit"].toegang == "beschikking"
    )
    assert set(reader.of(["svc-besluit", "svc-stil"])) == {"svc-besluit"}
