"""Giving things away with a stated harmless reason and a practical ask is no farewell: "Ik heb al mijn babyspullen
weggegeven, we krijgen toch geen kinderen meer. Waar kan ik de rest van de kinderkleding kwijt?" put 113 first
(tester24 w03, class A). The reason says what the things were for (babyspullen: no more children; a move, the
kids grown up) and the ask is where to take the rest. Giving everything away with no reason, or with one's own
absence as the reason ("ik heb toch niks meer nodig binnenkort"), keeps 113.

Sentences are our own (helper safety24, ADR 0183), written before the code changed.
"""

from __future__ import annotations

import pytest
from builders import top_ids

LINE_113 = {"svc-113-hulplijn", "svc-hulplijn-113"}
CRISIS = LINE_113 | {
    "svc-112-alarmnummer",
    "svc-alarmnummer-112",
    "svc-veilig-thuis-advies-melden",
    "svc-veilig-thuis",
}


@pytest.fixture(params=["demo", "region"], scope="module")
def kaart(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb al mijn babyspullen weggegeven, we krijgen toch geen kinderen meer. Waar kan ik de rest van de kinderkleding kwijt?",
        "we hebben alle babykleertjes al weggegeven want er komen geen kinderen meer bij. weet iemand waar de kinderwagen heen kan?",
        "Mijn kinderen zijn het huis uit, ik heb hun speelgoed al weggegeven. Waar kan ik de rest van de spullen kwijt?",
        "Ik heb bijna al mijn meubels weggegeven omdat ik naar een kleiner appartement ga. Wie helpt me met de verhuizing?",
        "mijn moeder heeft al haar spullen weggegeven omdat ze naar het verzorgingshuis gaat, waar laten we de rest?",
        "Ik geef al mijn oude kleren weg, ik pas er toch niet meer in sinds ik ben afgevallen. Waar is een kledingbank?",
        "ik heb al mijn knuffels weggegeven want ik ben er te oud voor, mag dat bij de kringloop?",
    ],
)
def test_giving_away_with_a_harmless_reason_gets_no_113(kaart, text):
    res = kaart.match(text)
    assert "suicide" not in res.safety_levels, (res.safety_levels, top_ids(res))
    assert not CRISIS & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "ik heb al mijn spullen weggegeven aan vrienden. ik heb toch niks meer nodig binnenkort",
        "Ik heb al mijn spullen weggegeven en afscheidsbrieven geschreven.",
        "mijn vriend heeft al zijn spullen weggegeven en zegt dat hij ze toch niet meer nodig heeft waar hij heen gaat",
        "ik heb mijn gitaar en mijn kleren al weggegeven, ik ben er straks toch niet meer",
        "Mijn broer geeft al zijn bezittingen weg en zegt dat het binnenkort niet meer uitmaakt.",
        "iedereen is beter af zonder mij, ik heb mijn spullen al weggegeven",
        # added while reviewing the code: asking where the writer can go for help is no place for the things
        "ik heb al mijn spullen weggegeven. waar kan ik terecht?",
    ],
)
def test_giving_everything_away_as_a_farewell_keeps_113(kaart, text):
    res = kaart.match(text)
    assert "suicide" in res.safety_levels, (res.safety_levels, top_ids(res))
    assert LINE_113 & set(top_ids(res)), top_ids(res)
