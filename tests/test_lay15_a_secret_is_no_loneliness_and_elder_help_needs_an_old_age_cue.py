"""tester15 BROKEN 8 (t15-26, class C; ADR 0151): "Ik schaam me en heb het niemand verteld" read loneliness, and
loneliness went to Ouderenwerk for a writer of unknown age. Not telling anyone is shame or secrecy, not
loneliness; and a service for elders needs an old-age cue (an age of 65 or more, pensioen, AOW, "op mijn
leeftijd", a rollator). Sentences of our own, written before the fix."""

from __future__ import annotations

import pytest
from builders import top_ids

OUDERENWERK = "svc-figulus-ouderenwerk"


def _theme_ids(res) -> set[str]:
    return {t["id"] for t in res.themes}


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb schulden bij drie winkels en ik heb het niemand verteld. Wie helpt mij?",
        "ik durf het niemand te zeggen maar ik kan de huur niet meer betalen",
        "Mijn man weet niet dat ik rood sta, ik heb het aan niemand verteld. Waar kan ik heen met geldzorgen?",
        "niemand weet dat ik gokschulden heb, ik schaam me kapot",
        "Ik heb het nog tegen niemand gezegd, maar ik ben mijn baan kwijt en de rekeningen blijven komen.",
        "ik heb t niemand vertelt want ik schaam me, ik heb een brief van de deurwaarder",
    ],
)
def test_a_secret_is_no_loneliness(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert "eenzaamheid" not in _theme_ids(res), (text, _theme_ids(res))
    assert OUDERENWERK not in top_ids(res), (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "Ik voel me zo alleen sinds mijn vriend weg is.",
        "ik heb niemand om mee te praten, echt niemand",
        "Ik ben eenzaam en zoek contact met mensen in Aalten.",
        "sinds de verhuizing ken ik hier niemand en zit ik veel alleen",
        "Ik mis gezelschap, de avonden zijn lang.",
        "Wij wonen hier net en voelen ons best eenzaam, waar kunnen we mensen leren kennen?",
    ],
)
def test_loneliness_of_unknown_age_gets_no_elder_service_first(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    top = top_ids(res)
    assert top and top[0] != OUDERENWERK, (text, top)


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben 79 en voel me eenzaam sinds mijn vrouw er niet meer is.",
        "Sinds mijn pensioen zit ik de hele dag alleen thuis, ik mis mensen om me heen.",
        pytest.param(
            "op mijn leeftijd ken je bijna niemand meer, alle vrienden zijn dood. ik voel me eenzaam",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the writer model guesses a young writer from 'je' and 'vrienden' (match/writer.py, lay16's "
                "part): an old-age cue does not veto that guess yet, so elder help is for another age",
            ),
        ),
        "ik loop met een rollator en kom de deur bijna niet meer uit, ik ben zo alleen",
    ],
)
def test_twin_loneliness_with_an_old_age_cue_keeps_elder_work(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert OUDERENWERK in top_ids(res), (text, top_ids(res))
