"""tester24 class F (docs/usertest/m12test24.md; helper fix24, ADR 0184): a need told for later ("voor als ik dement
word", "stel dat", "mocht ik ooit", "voor het geval"), one that is over ("de zwangerschap is voorbij", baby things
given away because no more children come) or contact lost with one person of the family (parents and their teenager)
was read as a present need of the writer: Casemanager dementie first for a will, JGZ "zwangerschap" for baby clothes
to give away, loneliness (Humanitas) for parents. Sentences are our own, written before the code, except w04 and e03
(tester24's). Twins: dementia, a pregnancy and loneliness told as now keep their help.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

CASEMANAGER = "svc-casemanager-dementie"

LATER = [
    # tester24 w04
    "Ik wil alles op papier zetten voor mijn kinderen: een testament en een levenstestament voor als ik dement word. "
    "Wie kan daarbij helpen?",
    # our own
    "Ik wil een levenstestament laten maken voor als ik later dement word. Wie helpt daarbij?",
    "Stel dat ik ooit dement word, wie regelt dan mijn geldzaken? Ik wil dat nu al vastleggen.",
    "Mijn man en ik willen een volmacht regelen voor het geval we later dementie krijgen.",
    "ik wil mijn testament opstellen, mocht ik ooit alzheimer krijgen dan is alles geregeld",
    "Wat moet ik nu al regelen voor als ik later niet meer voor mezelf kan zorgen, bijvoorbeeld door dementie?",
    "mijn vrouw wil een levenstestament, voor het geval ze ooit vergeetachtig wordt",
]

NOW = [
    "Mijn man wordt steeds vergeetachtiger, de huisarts denkt aan dementie. Wie helpt ons?",
    "Mijn moeder is dement en ik wil een levenstestament voor haar regelen, wie helpt daarbij?",
    "Ik ben bang dat ik dement word, ik vergeet steeds meer. Waar kan ik terecht?",
]


@pytest.mark.parametrize("text", LATER)
def test_a_need_told_for_later_is_no_present_need(demo, text):
    res = demo.match(text, limit=10)
    assert "dementie" not in themes_of(res), (text, themes_of(res))
    assert CASEMANAGER not in top_ids(res, 3), (text, top_ids(res, 5))


@pytest.mark.parametrize("text", NOW)
def test_twin_dementia_told_as_now_keeps_the_casemanager(demo, text):
    res = demo.match(text, limit=10)
    assert "dementie" in themes_of(res), text
    assert CASEMANAGER in top_ids(res, 3), (text, top_ids(res, 5))


OVER = [
    "de zwangerschap is al lang voorbij en de positiekleding past niet meer, waar kan ik die kwijt?",
    "Onze kinderen zijn groot, de babykleertjes en de wieg mogen weg. Waar kan ik ze doneren?",
    "Ik wil mijn oude zwangerschapskleding weggeven, we krijgen geen kinderen meer.",
    pytest.param(
        "mijn bevalling is al jaren geleden, wie wil mijn kolf en de babyspullen hebben?",
        marks=pytest.mark.xfail(
            strict=True,
            reason="no rule reads a need here: the theme word model guesses zwangerschap from the whole text, and "
            "its text is not cut by match/not_now.py (left: engine.py is at its function-length limit)",
        ),
    ),
    "We krijgen geen kinderen meer, dus de kinderwagen en de box mogen weg. Waar kan ik die kwijt?",
    "Waar kan ik de babyspullen kwijt die we niet meer nodig hebben? Onze jongste is al 9.",
]

PREGNANT = [
    "Ik ben zwanger en heb nog geen babyspullen, waar kan ik goedkoop een kinderwagen krijgen?",
    "Wij verwachten over twee maanden ons eerste kindje, waar kunnen we terecht met vragen over de bevalling?",
]


@pytest.mark.parametrize("text", OVER)
def test_a_pregnancy_that_is_over_is_no_present_need(demo, text):
    res = demo.match(text, limit=10)
    assert "zwangerschap" not in themes_of(res), (text, themes_of(res))


@pytest.mark.parametrize("text", PREGNANT)
def test_twin_a_pregnancy_now_keeps_its_theme(demo, text):
    assert "zwangerschap" in themes_of(demo.match(text, limit=10)), text


CONTACT_LOST = [
    # tester24 e03
    "Onze zoon van 15 blowt en spijbelt steeds vaker, we krijgen geen contact meer met hem. Wie kan ons helpen?",
    # our own
    "We hebben geen contact meer met onze dochter van 16, ze negeert ons volledig.",
    "ik krijg geen contact meer met mijn dochter van 14 sinds ze op de middelbare zit",
    "Mijn zoon van 17 zit de hele dag op zijn kamer, ik krijg echt geen contact meer met hem.",
    "onze puber van 15 praat niet meer, we hebben nauwelijks nog contact met haar. Wat kunnen we doen?",
    "Sinds hij 13 is hebben wij als ouders geen contact meer met onze zoon, hij zegt alleen nog ja en nee.",
]

LONELY = [
    "Ik heb geen contact meer met mijn familie en voel me erg eenzaam",
    "Sinds mijn vrouw overleden is heb ik met niemand meer contact",
    "Ik ben 70 en heb geen contact meer met mensen, ik zit de hele dag alleen",
]


@pytest.mark.parametrize("text", CONTACT_LOST)
def test_parents_who_lose_contact_with_their_teenager_are_not_lonely(demo, text):
    res = demo.match(text, limit=10)
    assert "eenzaamheid" not in themes_of(res), (text, themes_of(res))


@pytest.mark.parametrize("text", LONELY)
def test_twin_a_writer_without_contact_with_anyone_is_lonely(demo, text):
    assert "eenzaamheid" in themes_of(demo.match(text, limit=10)), text
