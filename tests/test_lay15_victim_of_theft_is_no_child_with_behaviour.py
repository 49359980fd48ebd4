"""tester15 BROKEN 5 (r15-K2, class C; ADR 0151): "ik ben 10 jaar en mijn fiets is gestolen" read "moeilijk gedrag
van een kind" and got behaviour experts: the victim of a theft was read as a child who steals. Who does what: a
passive "is gestolen", "ben beroofd", "ze hebben mijn telefoon afgepakt" make the writer the victim (the police,
or the front door); "mijn zoon van 10 steelt" is behaviour. Sentences of our own, written before the fix."""

from __future__ import annotations

import pytest
from builders import top_ids

BEHAVIOUR = {"svc-aalten-gedragsdeskundige", "svc-aalten-aanvullende-jeugdhulp"}
POLICE = "svc-politie-wijkagent"


def _theme_ids(res) -> set[str]:
    return {t["id"] for t in res.themes}


@pytest.mark.parametrize(
    "text",
    [
        "ik ben 10 jaar en mijn fiets is gestolen",
        "Mijn fiets is vannacht gestolen bij het station, wat moet ik doen?",
        "ik ben 13 en gisteren hebben ze mijn telefoon afgepakt op het schoolplein",
        "Ik ben op straat beroofd, mijn tas is weg. Waar kan ik aangifte doen?",
        "me scooter werd gejat voor de deur, ik ben 16, wie kan helpen",
        "Bij ons is ingebroken en mijn laptop is gestolen. Ik ben 78 en durf niet meer te slapen.",
    ],
)
def test_a_victim_of_theft_gets_the_police_not_behaviour_help(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    top = top_ids(res)
    assert "gedragsproblemen" not in _theme_ids(res), (text, _theme_ids(res))
    assert not BEHAVIOUR & set(top), (text, top)
    assert POLICE in top_ids(res, 4), (text, top)


@pytest.mark.parametrize(
    "text",
    [
        "mijn zoon van 10 steelt",
        "Onze dochter van 9 heeft geld gestolen uit mijn portemonnee, wat moeten we doen?",
        "mijn zoon van 12 jat snoep in de winkel en liegt erover",
    ],
)
def test_twin_a_child_who_steals_is_behaviour(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert "gedragsproblemen" in _theme_ids(res), (text, _theme_ids(res))
