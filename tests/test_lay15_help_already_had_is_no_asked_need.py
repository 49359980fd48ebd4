"""Dev a602 as a class (ADR 0151): "Mijn buurman helpt me met internetbankieren, maar er gaan bedragen naar een
rekening die ik niet ken" got the library's basic skills course next to Veilig Thuis. Help someone already gives
("X helpt me met …", "ik krijg hulp bij …") is the setting of the question, not a need asked, when another need is
read; alone it stays the need. Sentences of our own (persons, tenses, structures), written before the fix."""

from __future__ import annotations

import pytest
from builders import top_ids

LIBRARY = "svc-bibliotheek-basisvaardigheden"
PAPERS = {"svc-sensire-sociaal-raadslid", "svc-bfo-financiele-ondersteuning"}
DEBT = {"svc-aalten-schuldhulpverlening", "svc-bfo-financiele-ondersteuning", "svc-vat-aalten-vraag-advies"}
WORK = {"svc-werkcentrum-achterhoek", "svc-aalten-participatieconsulent", "svc-laborijn-dienstverlening"}
DEMENTIA = "svc-casemanager-dementie"
HOUSEHOLD = "svc-aalten-huishoudelijke-hulp"


def test_a_neighbour_who_helps_with_online_banking_and_a_new_need(demo):
    res = demo.match(
        "Mijn dochter helpt mij met internetbankieren. Nu wil ik graag andere mensen ontmoeten in Aalten."
    )
    assert LIBRARY not in top_ids(res), top_ids(res)


def test_a_nephew_helped_with_the_computer_now_debts(demo):
    res = demo.match(
        "Sinds vorig jaar helpt mijn neef me met de computer. Maar nu heb ik schulden en de deurwaarder belt."
    )
    top = top_ids(res)
    assert LIBRARY not in top, top
    assert DEBT & set(top), top


def test_a_son_does_the_papers_and_the_asker_is_lonely(demo):
    res = demo.match(
        "Ik ben 81. Mijn zoon helpt me met de administratie, maar ik voel me zo alleen sinds mijn vrouw dood is."
    )
    top = top_ids(res)
    assert not PAPERS & set(top), top


def test_the_neighbour_does_the_shopping_and_the_husband_forgets(demo):
    res = demo.match(
        "de buurvrouw helpt ons met de boodschappen, maar mijn man van 79 wordt steeds vergeetachtiger"
    )
    top = top_ids(res)
    assert DEMENTIA in top, top
    assert HOUSEHOLD not in top[:1], top


def test_help_with_forms_had_and_work_asked(demo):
    res = demo.match("Ik krijg hulp van een vrijwilliger bij mijn formulieren. Wat ik zoek is betaald werk.")
    top = top_ids(res)
    assert WORK & set(top), top
    assert not PAPERS & set(top[:1]), top


def test_a_volunteer_helps_with_dutch_and_a_job_is_asked(demo):
    res = demo.match("Een vrijwilliger helpt mij met Nederlands praten. Ik zoek nu een baan, wie helpt?")
    top = top_ids(res)
    assert WORK & set(top), top
    assert top[0] != "svc-figulus-vluchtelingenwerk", top


@pytest.mark.parametrize(
    "text",
    [
        "Wie kan mij helpen met internetbankieren?",
        "Mijn zoon helpt me met internetbankieren maar hij gaat verhuizen. Waar kan ik het zelf leren?",
    ],
)
def test_twin_online_banking_asked_or_alone_keeps_the_library(demo, text):
    res = demo.match(text)
    assert LIBRARY in top_ids(res), (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben 79. Mijn kleinzoon helpt me met internetbankieren en nu is er geld van mijn rekening weg dat ik niet "
        "heb uitgegeven.",
        "Mijn buurvrouw helpt mij met de bank op internet, maar sinds kort verdwijnt er geld van mijn rekening. Ik "
        "ben 84.",
        "ik ben 90 en mijn neef helpt me met internetbankieren. hij neemt steeds geld op zonder het te vragen.",
    ],
)
def test_money_taken_by_the_one_who_helps_with_online_banking_gets_no_course(demo, text):
    res = demo.match(text)
    assert LIBRARY not in top_ids(res), (text, top_ids(res))
