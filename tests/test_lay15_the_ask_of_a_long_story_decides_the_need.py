"""tester15 class E (t15-23, t15-25, t15-26; ADR 0151): in a story of four or more sentences the sentence that asks
("ik zoek ...", "wie kan ...", "kan iemand ...") decides the need; the background (an illness, a job, school that
notices it) only adds context. "Wie kan mijn kinderen helpen met de scheiding?" got the school's signalling service
first; "iemand die met me de post doorneemt" got Ouderenwerk. Sentences of our own, written before the fix."""

from __future__ import annotations

import pytest
from builders import top_ids

DIVORCE = {"svc-scheidingsspreekuur", "svc-complexe-scheiding"}
SCHOOL = {"svc-schoolmaatschappelijk-werk"}
PAPERS = {
    "svc-aalten-schuldhulpverlening",
    "svc-bfo-financiele-ondersteuning",
    "svc-sensire-sociaal-raadslid",
    "svc-vat-aalten-vraag-advies",
}
OUDERENWERK = "svc-figulus-ouderenwerk"


@pytest.mark.parametrize(
    "text",
    [
        "Sinds de zomer wonen mijn man en ik apart. De kinderen zijn 8 en 11. De oudste haalt slechte cijfers en "
        "de juf belde al twee keer. Ze slapen slecht. Wie kan onze kinderen helpen met de scheiding?",
        "We zijn vorig jaar gescheiden. Op school gaat het niet goed met onze zoon van 10. Hij is boos en stil. "
        "Ik wil dat hij iemand heeft om mee te praten. Waar kan hij terecht over de scheiding van zijn ouders?",
        "Mijn vrouw is vertrokken. De meiden (6 en 9) huilen veel en de leerkracht merkt het ook. Ik werk fulltime. "
        "Kan iemand ons helpen om de kinderen goed door de scheiding te loodsen?",
        "mijn ex en ik maken alleen nog ruzie. mijn dochter van 12 spijbelt soms. ze zegt dat het door ons komt. "
        "ik weet het niet meer. ik zoek hulp voor kinderen bij een scheiding",
        "Het is uit tussen mij en de vader van mijn kinderen. Ze wonen om de week bij ons allebei. Op school zijn "
        "ze onrustig. Wie begeleidt kinderen van gescheiden ouders?",
        "Twee jaar na de scheiding is het nog steeds oorlog. Mijn zoon van 9 plast weer in bed en op school is hij "
        "afwezig. Ik wil graag hulp voor mijn kind bij onze scheiding.",
    ],
)
def test_the_asked_divorce_help_comes_before_the_school_in_the_background(region, text):
    res = region.match(text, near="Aalten", limit=6)
    top = top_ids(res)
    assert DIVORCE & set(top), (text, top)
    assert top[0] not in SCHOOL, (text, top)


@pytest.mark.parametrize(
    "text",
    [
        "Vorig jaar ben ik ontslagen. Mijn uitkering is lager dan mijn salaris. De rekeningen stapelen zich op. "
        "Ik durf de enveloppen niet open te maken. Ik zoek iemand die met me de post doorneemt.",
        "Ik werk als schoonmaker en verdien weinig. Mijn vrouw is ziek. Er liggen stapels brieven op tafel. Kan "
        "iemand samen met mij de post uitzoeken en een plan maken?",
        "Sinds mijn scheiding doe ik alles alleen. De kinderen zijn om het weekend bij mij. De administratie is "
        "een chaos geworden. Wie kan mij helpen om mijn papieren op orde te krijgen?",
        "ik ben mijn baan kwijt. de huur is 2 maanden achter. er komt steeds post van incassobureaus. ik schaam "
        "me. wie kan met mij de brieven doornemen",
        "Mijn man deed altijd de geldzaken. Hij is nu in het ziekenhuis. Ik snap niks van de rekeningen. Ik zoek "
        "iemand die met mij de post doorneemt en uitlegt wat ik moet betalen.",
        "Ik ben vorige maand verhuisd. Mijn werk is zwaar. Er ligt een brief van de belasting en een van de "
        "zorgverzekering. Ik wil graag dat iemand met me de post doorneemt.",
    ],
)
def test_someone_to_go_through_the_post_gets_paper_and_money_help_not_elder_work(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    top = top_ids(res)
    assert PAPERS & set(top), (text, top)
    assert OUDERENWERK not in top, (text, top)


def test_twin_a_short_question_about_school_and_divorce_keeps_school_help(region):
    res = region.match(
        "mijn zoon van 10 heeft het moeilijk op school sinds de scheiding, wat kan school doen?"
    )
    assert SCHOOL & set(top_ids(res, 4)), top_ids(res, 4)


SCHOOL_SIGNALS = {
    "svc-scholen-po-signaleren",
    "svc-scholen-vo-samenwerking",
    "svc-aalten-ot-school-sportclub",
}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Sinds de zomer wonen mijn man en ik apart. De kinderen zijn 8 en 11. De oudste haalt slechte cijfers "
            "en de juf belde al twee keer. Ze slapen slecht. Wie kan onze kinderen helpen met de scheiding?",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the demo kaart has no divorce service; the school told just before the ask keeps 0.8 "
                "(ADR 0151: still a central need, so the asked need's service can be put first elsewhere)",
            ),
        ),
        "Mijn vrouw is vertrokken. De meiden (6 en 9) huilen veel en de leerkracht merkt het ook. Ik werk fulltime. "
        "Kan iemand ons helpen om de kinderen goed door de scheiding te loodsen?",
        "Het is uit tussen mij en de vader van mijn kinderen. Ze wonen om de week bij ons allebei. Op school zijn "
        "ze onrustig. Wie begeleidt kinderen van gescheiden ouders?",
        "Twee jaar na de scheiding is het nog steeds oorlog. Mijn zoon van 9 plast weer in bed en op school is hij "
        "afwezig. Ik wil graag hulp voor mijn kind bij onze scheiding.",
    ],
)
def test_on_the_demo_kaart_the_school_in_the_background_does_not_lead(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    top = top_ids(res)
    assert top and top[0] not in SCHOOL_SIGNALS, (text, top)
