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
