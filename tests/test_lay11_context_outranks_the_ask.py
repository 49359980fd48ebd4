"""tester13 class C (docs/usertest/m12test13.md, ADR 0141): in long or multi-part stories a fact of the context
outranked the need. "moet naar school" and "kinderen gaan (naar) school" are facts, not a school question; "ruzie
over het huishouden" is a relationship need, not household help; "de huur loopt achter" is arrears, not a child who
lags behind; "wie kan helpen mij met de brief" asks for help with letters. Sentences of our own, each class with
its control, where the context word is the question itself.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

SCHOOL = {"svc-scholen-po-signaleren", "svc-aalten-ot-school-sportclub", "svc-scholen-vo-samenwerking"}
HOUSEHOLD = "svc-aalten-huishoudelijke-hulp"
JGZ = "svc-yunio-jgz"
LETTERS = {"svc-sensire-sociaal-raadslid", "svc-bibliotheek-basisvaardigheden"}


# A child who is about to start school, told as the setting of a question about the toddler's potty or sleep.
@pytest.mark.parametrize(
    "text",
    [
        "Onze dochter is bijna vier en plast nog elke dag in haar broek. Na de zomer moet ze naar school.",
        "Mijn zoon van drie en een half is nog niet zindelijk en hij gaat binnenkort naar school, wat kan ik doen?",
        "Ik wonen hier twee jaar, kinderen gaan school. Mijn kleine zoon slaapt niet en huilt elke nacht.",
    ],
)
def test_a_child_who_starts_school_is_a_fact_not_a_school_question(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "onderwijs" not in themes_of(res), (text, res.themes)
    assert not SCHOOL & set(top_ids(res)[:3]), (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zoon moet naar school maar hij wil niet naar school, hij zit al drie weken thuis.",
        "Onze dochter wordt vier, welke school kiezen we en hoe schrijf ik haar in?",
    ],
)
def test_control_the_school_itself_asked_keeps_school(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert {"onderwijs", "schoolverzuim"} & themes_of(res), (text, res.themes)


# Partners who quarrel about the chores or work: a relationship need, not household help.
@pytest.mark.parametrize(
    "text",
    [
        "Mijn vrouw en ik hebben elke avond ruzie over het huishouden, het is niet leuk meer thuis. Wat kunnen we doen?",
        "Mijn partner en ik maken alleen nog ruzie over de afwas en de was. Waar kunnen we samen over praten?",
        "Mijn man en ik botsen steeds, vooral ruzie over zijn werk. Hoe komen we hieruit?",
    ],
)
def test_a_quarrel_about_the_chores_is_a_relationship_need(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "relatieproblemen" in themes_of(res), (text, res.themes)
    assert "huishouden" not in themes_of(res), (text, res.themes)
    assert HOUSEHOLD not in top_ids(res)[:3], (text, top_ids(res))


def test_control_household_help_asked_keeps_the_household(demo):
    res = demo.match(
        "Ik ben 79 en kan het huishouden niet meer, wie kan me helpen met schoonmaken?", near="Aalten"
    )
    assert "huishouden" in themes_of(res), res.themes
    assert "relatieproblemen" not in themes_of(res), res.themes


def test_control_a_quarrel_about_money_stays_money_stress(demo):
    res = demo.match(
        "Mijn man en ik hebben steeds ruzie over geld. Wie helpt ons met een budget?", near="Aalten"
    )
    assert "financien" in themes_of(res), res.themes


# Payments that lag behind are arrears, not a young child's development.
@pytest.mark.parametrize(
    "text",
    [
        "Ik ben ziek geworden en de huur loopt al achter. Mijn dochter van 6 vraagt waarom ik zo stil ben.",
        "Sinds de scheiding loop ik achter met de rekeningen en mijn kinderen zien dat ik pieker. Ik wil overzicht.",
    ],
)
def test_payments_that_lag_behind_are_no_childs_development(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "ontwikkeling-taal" not in themes_of(res), (text, res.themes)
    assert JGZ not in top_ids(res)[:3], (text, top_ids(res))


def test_control_a_child_who_lags_behind_keeps_development(demo):
    res = demo.match("Mijn zoontje van twee loopt achter met praten, hij zegt bijna niks.", near="Aalten")
    assert "ontwikkeling-taal" in themes_of(res), res.themes


# Letters one does not understand, asked in a learner's word order at the end of a story.
@pytest.mark.parametrize(
    "text",
    [
        "Ik ben hier sinds vorig jaar. Mijn vrouw werk in kas, kinderen gaan school. Brief van belasting ik begrijp"
        " niet. Wie kan helpen mij met brief?",
        "Wij wonen in Dinxperlo. Er komen veel brieven van de gemeente en ik snap niet wat ik moet doen. Kunt u"
        " helpen?",
    ],
)
def test_letters_not_understood_get_help_with_letters(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "administratie" in themes_of(res), (text, res.themes)
    assert LETTERS & set(top_ids(res)[:3]), (text, top_ids(res))
    assert not SCHOOL & set(top_ids(res)[:3]), (text, top_ids(res))
