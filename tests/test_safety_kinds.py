"""Safety by kind and by time in the analysis, on both pipelines (issue 12 points 5 and 11, ADR 0101).

The user test of 2026-12-06 (docs/usertest/m12test.md) found violence that is long over raising Veilig Thuis when
the past was told over two clauses, a 79-year-old's bruises named kindermishandeling, and a greenhouse worker whose
boss keeps his passport named as sexual violence. These tests hold the general rules behind the fixes on the
blank-nl path and on the shipped trained pipeline (its parse decides the tense of a coordinated clause).
"""

from __future__ import annotations

import pytest

from match import parse
from match.nlp import Analyzer

PATHS = ["blank"] + (["shipped"] if (parse.SHIPPED / "meta.json").is_file() else [])


@pytest.fixture(scope="module", params=PATHS)
def analyzer(request) -> Analyzer:
    from ontology import load_gazetteer, load_ontology

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KAART_NLP_MODEL", request.param)
        return Analyzer(load_ontology(), load_gazetteer())


def _violence(analyzer: Analyzer, text: str) -> list[bool]:
    """Per affirmed mention of geweld: is it in the past?"""
    hits = analyzer.analyze(text).hits
    return [h.historical for h in hits if h.theme_id == "huiselijk-geweld" and not h.negated]


@pytest.mark.parametrize(
    "text",
    [
        # a fronted "vroeger" governs the clause after "en" that shares it (verb before subject, or past tense)
        "vroeger dronk mijn man en sloeg hij me, maar dat is al lang voorbij",
        "vroeger was ik verslaafd en had ik een vriend die mij sloeg",
        # a look back covers what was told before it in the sentence, across "en", "maar" and commas
        "mijn ex schold me uit en duwde me, dat ligt achter me. nu zoek ik werk",
        "ik had een vriend die mij sloeg maar dat is al jaren voorbij",
        # and, when it starts a sentence, the sentence before
        "mijn eerste man sloeg me. dat is twintig jaar geleden. nu wil ik bij een wandelclub",
    ],
)
def test_the_past_covers_the_clauses_it_governs(analyzer, text):
    found = _violence(analyzer, text)
    assert found and all(found), (analyzer.model, text, found)


@pytest.mark.parametrize(
    "text",
    [
        "vroeger had ik schulden en mijn man slaat me",  # a new subject, present tense
        "vroeger was alles goed maar sinds hij drinkt slaat hij me",
        "mijn ex sloeg me vroeger en nu staat hij weer elke avond bij mijn huis",
        "mijn man slaat me al tien jaar",  # a duration goes on: it is no past
        "hij is al jaren agressief tegen mij",
    ],
)
def test_what_goes_on_now_is_not_in_the_past(analyzer, text):
    found = _violence(analyzer, text)
    assert found and not all(found), (analyzer.model, text, found)


def test_with_a_parser_the_tense_of_a_coordinated_clause_decides():
    """ "en mijn man sloeg me": no inversion tells the blank path it shares "vroeger"; the past tense does."""
    if "shipped" not in PATHS:
        pytest.skip("no shipped pipeline")
    from ontology import load_gazetteer, load_ontology

    text = "vroeger had ik schulden en mijn man sloeg me"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KAART_NLP_MODEL", "shipped")
        trained = Analyzer(load_ontology(), load_gazetteer())
    assert all(_violence(trained, text))


@pytest.mark.parametrize(
    "text",
    [
        "wijkverpleegkundige hier. cliente van 79 heeft blauwe plekken die ze niet kan verklaren en haar zoon "
        "regelt al haar geld",
        "mijn moeder van 82 heeft blauwe plekken en mijn broer wordt boos als ik ernaar vraag",
        "de 84-jarige buurvrouw heeft onverklaarbare blauwe plekken",
    ],
)
def test_child_abuse_signals_about_an_old_person_are_elder_abuse(analyzer, text):
    themes = set(analyzer.analyze(text).themes())
    assert "ouderenmishandeling" in themes and "kindermishandeling" not in themes, (analyzer.model, themes)


def test_violence_against_an_old_person_is_elder_abuse_as_well(analyzer):
    themes = set(
        analyzer.analyze("de buurman is 80 en zijn dochter scheldt hem uit en sluit hem op").themes()
    )
    assert {"huiselijk-geweld", "ouderenmishandeling"} <= themes


@pytest.mark.parametrize(
    "text",
    [
        "mijn opa van 70 slaat mijn zoontje van 6",  # a child victim: no elder abuse
        "dat is 70 jaar geleden, mijn vader sloeg ons",  # a duration is no age
    ],
)
def test_no_elder_abuse_without_an_old_victim(analyzer, text):
    assert "ouderenmishandeling" not in analyzer.analyze(text).themes(), analyzer.model


@pytest.mark.parametrize(
    "text",
    [
        "ik werk in een kas. de baas heeft mijn paspoort en ik heb al 2 maanden geen loon gekregen",
        "mijn neef werkt in een restaurant, hij krijgt geen loon en de eigenaar heeft zijn paspoort",
        "het uitzendbureau houdt bijna al ons loon in voor de huur en we slapen met 12 man in een caravan",
    ],
)
def test_labour_exploitation_is_named_as_exploitation(analyzer, text):
    themes = set(analyzer.analyze(text).themes())
    assert "uitbuiting" in themes and not themes & {"seksueel-geweld", "huiselijk-geweld"}, themes


def test_a_partner_who_keeps_the_passport_is_coercive_control(analyzer):
    themes = set(analyzer.analyze("mijn man heeft mijn paspoort afgepakt zodat ik niet weg kan").themes())
    assert "huiselijk-geweld" in themes and "uitbuiting" not in themes


# --- a negated subject (negation.yaml rule 9, ADR 0106) ---------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "niemand wordt geslagen, ik zoek een cursus",  # "wordt" belongs to the phrase "wordt geslagen"
        "bij ons thuis wordt niemand geslagen",  # inverted: the subject after the verb
        "niemand wordt bij ons thuis mishandeld maar ik heb wel grote schulden",  # a rule hit over the clause
        "niemand in ons gezin is in gevaar, we zoeken een maatje voor opa",
    ],
)
def test_nobody_as_the_subject_of_a_danger_negates_it(analyzer, text):
    res = analyzer.analyze(text)
    danger = [h for h in res.hits if h.theme_id in {"huiselijk-geweld", "veiligheid"}]
    assert danger and all(h.negated for h in danger), (
        analyzer.model,
        [(h.theme_id, h.negated) for h in danger],
    )


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("niemand helpt me met mijn schulden", "schulden"),  # "niemand" is not the subject of the debts
        ("niemand gelooft dat hij mij slaat", "huiselijk-geweld"),  # nor of the violence told after "dat"
        ("niemand mag weten dat hij me slaat", "huiselijk-geweld"),
        ("mijn man slaat me en niemand helpt mij", "huiselijk-geweld"),
        ("ik heb niemand om mee te praten", "eenzaamheid"),
        ("niemand komt bij me op bezoek", "eenzaamheid"),
    ],
)
def test_nobody_elsewhere_in_the_sentence_negates_nothing(analyzer, text, theme):
    res = analyzer.analyze(text)
    assert any(h.theme_id == theme and not h.negated for h in res.hits), (analyzer.model, text)


# --- the past over a clause with a new subject, without a parser too (negation.yaml past_scope, ADR 0106) -------
@pytest.mark.parametrize(
    "text",
    [
        "vroeger had ik schulden en mijn man sloeg me",  # a strong past form
        "vroeger had ik schulden en mijn toenmalige vriend duwde me tegen de muur",  # a weak past, an adjective
        "vroeger dronk ik veel en hij mishandelde me",  # a pronoun subject
    ],
)
def test_a_new_subject_in_the_past_shares_the_past_on_every_path(analyzer, text):
    found = _violence(analyzer, text)
    assert found and all(found), (analyzer.model, text, found)


# --- phrases of geweld that were bare lay phrases (ADR 0106) ----------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "mijn man is agressief in het verkeer",
        "mijn vriend is agressief op het voetbalveld en krijgt steeds rode kaarten",
        "mijn zoon gooit met spullen als hij boos is, hij heeft autisme",
        "onze dochter van 6 gooit met dingen als ze een driftbui heeft",
    ],
)
def test_aggression_away_from_home_or_a_childs_tantrum_is_no_violence_at_home(analyzer, text):
    assert "huiselijk-geweld" not in analyzer.analyze(text).themes(), analyzer.model


@pytest.mark.parametrize(
    "text",
    [
        "mijn man is agressief en ik ben bang voor hem",
        "mijn partner wordt agressief als hij drinkt",
        "mijn vriendin gooit met spullen naar mijn hoofd",
        "mijn man gooit met spullen en ik ben bang",
    ],
)
def test_an_aggressive_partner_is_still_violence_at_home(analyzer, text):
    assert "huiselijk-geweld" in analyzer.analyze(text).themes(), analyzer.model


# --- levels on the demo kaart: wandering with dementia, acute danger from a partner (ADR 0106) -----------------
@pytest.mark.parametrize(
    "text",
    [
        "opa is de laatste tijd vaak in de war en gaat midden in de nacht naar buiten",
        "mijn vader van 84 is in de war en loopt 's nachts op straat rond",
        "de buurvrouw van 86 is verward en loopt 's avonds laat in haar pyjama op straat",
    ],
)
def test_an_old_person_who_wanders_confused_at_night_is_a_care_question(demo, text):
    res = demo.match(text, limit=5)
    named = {t["id"] for t in res.themes}
    assert not res.safety_levels and "psychische-crisis" not in named and "dementie" in named, named
    assert "svc-casemanager-dementie" in [r["service_id"] for r in res.results[:3]]


def test_hallucinations_keep_the_psychiatric_crisis_whoever_wanders(demo):
    res = demo.match("mijn zoon van 22 is verward, hoort stemmen en loopt 's nachts op straat", limit=5)
    assert res.safety_levels == ["psychische-crisis"]


@pytest.mark.parametrize(
    "text",
    [
        "mijn vriend staat met een mes voor de deur en heeft me net geslagen",
        "mijn man houdt een mes tegen mijn keel",
        "mijn ex heeft een pistool en bedreigt mij en de kinderen",
    ],
)
def test_acute_danger_from_a_partner_puts_112_first_and_veilig_thuis_in_the_top_3(demo, text):
    res = demo.match(text, limit=5)
    top = [r["service_id"] for r in res.results[:3]]
    assert res.safety_levels[:2] == ["acuut-gevaar", "onveilig-thuis"], res.safety_levels
    assert top[0] == "svc-112-alarmnummer" and "svc-veilig-thuis-advies-melden" in top, top


def test_acute_danger_without_violence_by_a_partner_is_no_violence_at_home(demo):
    res = demo.match("mijn man is niet aanspreekbaar en ademt bijna niet", limit=5)
    assert "onveilig-thuis" not in res.safety_levels


# --- the trained pipeline finds every phrase the blank path finds (ADR 0106) -----------------------------------
def test_every_thesaurus_phrase_finds_its_own_theme_on_the_trained_pipeline_too():
    """A trained lemma ("aandoen", "afsluiten") replaced simplemma's ("aan_doen", "af_sluiten") in the text but not in
    the phrase, so "mezelf wat aandoen" and "stroom afgesloten" never matched themselves with the shipped pipeline."""
    if "shipped" not in PATHS:
        pytest.skip("no shipped pipeline")
    from match.nlp import _thesaurus_phrases
    from ontology import load_gazetteer, load_ontology

    onto = load_ontology()
    missed = {}
    for model in PATHS:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("KAART_NLP_MODEL", model)
            nlp = Analyzer(onto, load_gazetteer()).nlp
        missed[model] = set()
        for tid, phrase in _thesaurus_phrases(onto):
            doc = nlp(phrase)
            if not any(s.label_ == tid for s in doc.spans.get("themes", [])):
                missed[model].add((tid, phrase))
    assert missed["shipped"] <= missed["blank"], sorted(missed["shipped"] - missed["blank"])
