"""Services for a specific group (issue 12 points 1 and 2 beyond age; ADR 0115). Sentences of our own on the Aalten
demo kaart and the synthetic region: a service that exists for a group the asker never said they belong to
(nieuwe inwoners, nieuwkomers, mantelzorgers, vrijwilligers) does not lead the answer, and where it is shown its
why-line names the group instead of claiming a fit. Controls: the asker says, in lay words, that they are in the
group ("we zijn net in Aalten komen wonen", "ik verzorg mijn moeder", "ik ben gevlucht"), and the group's service
stays in the top 3."""

from __future__ import annotations

import pytest

# Services whose every doelgroep is a specific group, with words their why-line must name when shown to others.
GROUP_SERVICES = {
    "svc-gemeente-aalten-buurt-maken": ("nieuwe inwoners",),
    "svc-de-woonplaats-welkomstgesprek": ("nieuwe inwoners",),
    "svc-figulus-vluchtelingenwerk": ("net in nederland",),
    "svc-figulus-mantelzorgondersteuning": ("zorgen voor een naaste",),
    "svc-gemeente-aalten-verenigingsavonden": ("vrijwilligers",),
    "svc-academie-vrijwilligers-mantelzorgers": ("vrijwilligers", "zorgen voor een naaste"),
    "svc-taalcafe": ("net in nederland",),
    "svc-mantelzorgsteunpunt": ("zorgen voor een naaste",),
}

# (kaart, sentence): the asker does not say they are in any of these groups.
OUTSIDE = [
    ("demo", "ik voel me eenzaam en zoek contact met mensen in de buurt"),
    ("demo", "ik wil meedoen maar weet niet hoe"),
    ("demo", "ik zoek een huurwoning in Aalten"),
    ("demo", "waar kan ik terecht om een andere woning te vinden"),
    ("demo", "ik wil vrijwilligerswerk doen bij een vereniging"),
    ("demo", "ik zoek iets zinvols om te doen, misschien vrijwilligerswerk"),
    ("demo", "ik wil graag vrijwilligerswerk doen"),
    ("demo", "ik wil een cursus volgen om iets nieuws te leren"),
    ("demo", "ik zou graag iets willen doen in de buurt om mee te doen"),
    ("demo", "mijn dochter van 17 wil op zichzelf gaan wonen"),
    ("demo", "ik ben 78 en zit veel alleen, ik wil wel eens onder de mensen komen"),
    ("demo", "ik kom de deur bijna niet meer uit en mis gezelschap"),
    ("region", "ik voel me eenzaam en zoek contact met mensen in de buurt"),
    ("region", "ik wil graag meedoen in het dorp"),
    ("region", "ik wil meedoen maar weet niet hoe"),
    ("region", "ik ben penningmeester van onze vereniging en zoek informatie over subsidies"),
    ("region", "ik zit de hele dag alleen thuis en wil iets doen"),
]

# (kaart, sentence, the group's service that must stay in the top 3): the asker is in the group.
INSIDE = [
    ("demo", "wij zijn net in Aalten komen wonen en kennen hier nog niemand", "svc-gemeente-aalten-buurt-maken"),
    ("demo", "ik woon pas een paar maanden in Dinxperlo en wil mensen leren kennen", "svc-gemeente-aalten-buurt-maken"),
    ("demo", "we zijn onlangs verhuisd naar Bredevoort, hoe leren we de buurt kennen", "svc-gemeente-aalten-buurt-maken"),
    ("demo", "wij overwegen in Aalten te komen wonen en willen kennismaken", "svc-de-woonplaats-welkomstgesprek"),
    ("demo", "ik ben nieuw in de gemeente en voel me nog een beetje eenzaam", "svc-gemeente-aalten-buurt-maken"),
    ("demo", "ik ben gevlucht uit Syrië en wil hier mensen leren kennen", "svc-figulus-vluchtelingenwerk"),
    ("demo", "ik heb net een verblijfsvergunning en zoek hulp om mee te doen", "svc-figulus-vluchtelingenwerk"),
    ("demo", "ik ben statushouder en voel me eenzaam", "svc-figulus-vluchtelingenwerk"),
    ("demo", "ik zorg elke dag voor mijn man met parkinson en heb geen tijd meer voor mezelf",
     "svc-figulus-mantelzorgondersteuning"),
    ("demo", "ik verzorg mijn moeder en zoek contact met andere mantelzorgers", "svc-figulus-mantelzorgondersteuning"),
    ("demo", "als mantelzorger voel ik me soms erg alleen", "svc-figulus-mantelzorgondersteuning"),
    ("demo", "ik help mijn zieke vader met alles en wil graag eens mijn verhaal kwijt",
     "svc-figulus-mantelzorgondersteuning"),
    ("demo", "ik ben vrijwilliger bij de voetbalvereniging en wil andere vrijwilligers ontmoeten",
     "svc-gemeente-aalten-verenigingsavonden"),
    ("demo", "ik ben penningmeester van onze vereniging en zoek informatie over subsidies",
     "svc-gemeente-aalten-verenigingsavonden"),
    # the volunteers' own services: the academy (courses for volunteers and carers) or the Vrijwilligerspunt, made
    # only for volunteering, which ADR 0137 puts first when both are about as good
    ("demo", "ik doe vrijwilligerswerk bij de kerk en wil een cursus volgen",
     "svc-academie-vrijwilligers-mantelzorgers|svc-vrijwilligerspunt"),
    ("region", "ik zorg elke dag voor mijn man met parkinson en heb geen tijd meer voor mezelf",
     "svc-mantelzorgsteunpunt"),
    ("region", "ik verzorg mijn moeder en zoek contact met andere mantelzorgers", "svc-mantelzorgsteunpunt"),
    ("region", "als mantelzorger voel ik me soms erg alleen", "svc-mantelzorgsteunpunt"),
    ("region", "ik ben statushouder en voel me eenzaam", "svc-taalcafe"),
    ("region", "ik ben gevlucht uit Syrië en wil hier mensen leren kennen", "svc-taalcafe"),
]  # fmt: skip

# Lay words for joining a group (words.yaml `doelgroep_cues`), and sentences that name none.
CUES = [
    ("ik ben net verhuisd naar Aalten", "nieuwe-inwoners"),
    ("wij wonen hier pas sinds de zomer", "nieuwe-inwoners"),
    ("we zijn vorige maand in Bredevoort komen wonen", "nieuwe-inwoners"),
    ("ik ben nieuw in Aalten", "nieuwe-inwoners"),
    ("wij zijn onlangs verhuisd naar Dinxperlo", "nieuwe-inwoners"),
    ("ik ben gevlucht uit Eritrea", "nieuwkomers"),
    ("ik heb een verblijfsvergunning gekregen", "nieuwkomers"),
    ("ik zorg voor mijn moeder", "mantelzorgers"),
    ("ik verzorg mijn zieke man", "mantelzorgers"),
    ("ik ben vrijwilliger bij de fanfare", "vrijwilligers"),
    ("ik zit in het bestuur van onze vereniging", "vrijwilligers"),
]
NO_CUE = [
    "ik woon hier al veertig jaar en voel me eenzaam",
    "ik wil graag vrijwilligerswerk gaan doen",
    "mijn moeder zorgt goed voor zichzelf",
]


def _matcher(request, kaart: str):
    return request.getfixturevalue(kaart)


def _shown(res, n: int = 5) -> list[dict]:
    return res.results[:n]


@pytest.mark.parametrize(("kaart", "text"), OUTSIDE, ids=[f"{k}:{t[:40]}" for k, t in OUTSIDE])
@pytest.mark.parametrize("audience", ["public", "professional"])
def test_a_service_for_a_group_the_asker_did_not_name_does_not_lead(request, kaart, text, audience):
    res = _matcher(request, kaart).match(text, near="Aalten", audience=audience, limit=10)
    assert res.results, "never an empty answer"
    first = res.results[0]["service_id"]
    assert first not in GROUP_SERVICES, f"{first} leads for someone outside its group"


@pytest.mark.parametrize(("kaart", "text"), OUTSIDE, ids=[f"{k}:{t[:40]}" for k, t in OUTSIDE])
def test_a_group_service_shown_to_someone_outside_says_for_whom_it_is(request, kaart, text):
    res = _matcher(request, kaart).match(text, near="Aalten", limit=10)
    for row in _shown(res):
        words = GROUP_SERVICES.get(row["service_id"])
        if words is None:
            continue
        why = row["why"].lower()
        assert why.startswith("voor "), f"{row['service_id']}: {row['why']}"
        assert any(w in why for w in words), f"{row['service_id']}: {row['why']}"
        assert not why.startswith("helpt bij"), row["why"]


@pytest.mark.parametrize(("kaart", "text", "service"), INSIDE, ids=[f"{k}:{t[:40]}" for k, t, _ in INSIDE])
def test_the_groups_own_service_stays_in_the_top_3_for_someone_in_the_group(request, kaart, text, service):
    res = _matcher(request, kaart).match(text, near="Aalten", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert set(service.split("|")) & set(top), top


@pytest.mark.parametrize(("text", "group"), CUES, ids=[t[:40] for t, _ in CUES])
def test_lay_words_for_joining_a_group_are_read_as_that_group(text, group):
    from match.nlp import Analyzer
    from ontology import load_gazetteer, load_ontology

    analyzer = _analyzer(Analyzer, load_ontology, load_gazetteer)
    assert group in analyzer.analyze(text).doelgroepen


@pytest.mark.parametrize("text", NO_CUE, ids=[t[:40] for t in NO_CUE])
def test_words_that_do_not_join_a_group_name_none(text):
    from match.nlp import Analyzer
    from ontology import load_gazetteer, load_ontology

    analyzer = _analyzer(Analyzer, load_ontology, load_gazetteer)
    found = set(analyzer.analyze(text).doelgroepen)
    assert not found & {"nieuwe-inwoners", "vrijwilligers", "mantelzorgers", "nieuwkomers"}, found


_ANALYZER: list = []


def _analyzer(cls, load_ontology, load_gazetteer):
    if not _ANALYZER:
        _ANALYZER.append(cls(load_ontology(), load_gazetteer()))
    return _ANALYZER[0]


def test_every_group_service_here_is_for_specific_groups_only_in_the_demo_data():
    """The demo data says so: the welcome talks are for nieuwe inwoners, the evenings for vrijwilligers."""
    import csv
    from pathlib import Path

    path = Path(__file__).parent.parent / "ingest" / "demo" / "aalten" / "attributes.csv"
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["link_type"] == "doelgroep"]
    groups: dict[str, set[str]] = {}
    for r in rows:
        groups.setdefault(r["link_id"], set()).add(r["value"])
    assert groups["svc-gemeente-aalten-buurt-maken"] == {"nieuwe-inwoners"}
    assert groups["svc-de-woonplaats-welkomstgesprek"] == {"nieuwe-inwoners"}
    assert groups["svc-gemeente-aalten-verenigingsavonden"] == {"vrijwilligers"}
    assert groups["svc-academie-vrijwilligers-mantelzorgers"] == {"vrijwilligers", "mantelzorgers"}


# -- the rule on its own (match/groups.py, match/rank.py `fits_first`), for imported data ---------------------------


def _rules():
    from match.groups import group_rules
    from ontology import load_ontology

    return group_rules(load_ontology())


def _svc(sid: str, central: set[str], groups: set[str], incidental: set[str] = frozenset()):
    from match.candidates import Candidate

    return Candidate(
        id=sid, organization_id="o", name=sid, niveau="vrij-toegankelijk", status="active",
        themes=frozenset(central | set(incidental)), suggested=frozenset(), doelgroepen=frozenset(groups),
        min_age=None, max_age=None, assured_date=None, available_24_7=False, points=(),
        incidental=frozenset(incidental),
    )  # fmt: skip


def _ranked(cands_scores, ctx):
    from match.answer import Scored
    from match.rank import fits_first

    best = [Scored(0.0, score, c, fit, matched, None, None, False) for c, score, fit, matched in cands_scores]
    return [s.cand.id for s in fits_first(best, ctx, {}, None, _rules())]


def _ctx(weights, groups=(), text_hits=None, parenting=False):
    from types import SimpleNamespace

    return SimpleNamespace(
        weights=weights, groups=set(groups), text_hits=text_hits or {}, parent=False, parenting=parenting
    )


def test_an_imported_service_for_parents_only_goes_after_help_for_everyone_for_a_lonely_adult():
    parents_only = _svc("ouderavond", {"eenzaamheid"}, {"ouders"})
    for_all = _svc("buurthuis", {"eenzaamheid"}, {"iedereen"})
    ctx = _ctx({"eenzaamheid": 1.0})
    assert _ranked(
        [(parents_only, 0.9, 1.0, ["eenzaamheid"]), (for_all, 0.5, 1.0, ["eenzaamheid"])], ctx
    ) == [
        "buurthuis",
        "ouderavond",
    ]


def test_a_service_for_parents_keeps_its_place_for_a_question_about_ones_child():
    parents_only = _svc("ouderavond", {"eenzaamheid"}, {"ouders"})
    for_all = _svc("buurthuis", {"eenzaamheid"}, {"iedereen"})
    ctx = _ctx({"eenzaamheid": 1.0}, parenting=True)
    order = _ranked([(parents_only, 0.9, 1.0, ["eenzaamheid"]), (for_all, 0.5, 1.0, ["eenzaamheid"])], ctx)
    assert order[0] == "ouderavond"


def test_a_service_for_another_group_keeps_its_place_when_nothing_else_fits():
    carers = _svc("steunpunt", {"mantelzorg"}, {"mantelzorgers"})
    words = _svc("woorden", {"vervoer"}, {"iedereen"})
    ctx = _ctx({"eenzaamheid": 1.0})
    assert _ranked([(carers, 0.6, 0.45, ["eenzaamheid"]), (words, 0.7, 0.0, [])], ctx)[0] == "steunpunt"


def test_on_words_alone_a_service_for_another_group_comes_last_and_one_for_the_named_group_first():
    welcome = _svc("welkom", {"maatschappelijke-participatie"}, {"nieuwe-inwoners"})
    other = _svc("anders", {"vervoer"}, {"iedereen"})
    hits = {"welkom": 1.0, "anders": 0.5}
    rows = [(welcome, 0.9, 0.0, []), (other, 0.5, 0.0, [])]
    assert _ranked(rows, _ctx({}, text_hits=hits)) == ["anders", "welkom"]
    assert _ranked(rows, _ctx({}, groups={"nieuwe-inwoners"}, text_hits=hits)) == ["welkom", "anders"]


def test_a_service_that_exists_only_for_a_groups_own_need_is_for_that_group():
    """The synthetic taalcafé says "nieuwkomers, volwassenen" but exists only for learning Dutch."""
    rules = _rules()
    cafe = _svc("taalcafe", {"inburgering-taal"}, {"nieuwkomers", "volwassenen"})
    assert rules.of_service(cafe) == {"nieuwkomers"}
    elderly_or_carers = _svc("ouderenadviseur", {"eenzaamheid"}, {"ouderen", "mantelzorgers"})
    assert rules.of_service(elderly_or_carers) == frozenset()  # an age band too: a union, not one group


def test_an_imported_service_for_people_seeking_work_leads_only_when_the_asker_seeks_work():
    from match.groups import cued_groups
    from match.words import doelgroep_cues

    for_jobseekers = _svc("werkfit", {"eenzaamheid"}, {"werkzoekenden"})
    for_all = _svc("buurthuis", {"eenzaamheid"}, {"iedereen"})
    rows = [(for_jobseekers, 0.9, 1.0, ["eenzaamheid"]), (for_all, 0.5, 1.0, ["eenzaamheid"])]
    assert _ranked(rows, _ctx({"eenzaamheid": 1.0}))[0] == "buurthuis"
    said = cued_groups("ik zit al een jaar in de bijstand en voel me alleen", doelgroep_cues())
    assert "werkzoekenden" in said
    assert _ranked(rows, _ctx({"eenzaamheid": 1.0}, groups=said))[0] == "werkfit"
