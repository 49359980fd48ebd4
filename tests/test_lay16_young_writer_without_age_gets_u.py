"""tester15 BROKEN 9 / t15-30 as a class (ADR 0152): a child who types about their own homework without an age
("wie kan me helpn met huiswerk ik snap er nix van en me moeder kan het ook nie") got "u". The signs of a young hand
together: the writer's own school work, a parent named as a child names one ("me moeder", "mn ouders"), and a young
writer's spelling ("nix", "nie", "ff", "wtf", "helpn"). The twin: an adult who writes sloppily about their own child's
homework ("mn zoon snapt z'n huiswerk nie"), or about a parent and forms, keeps "u". Sentences of our own, written
before the change was made.
"""

from __future__ import annotations

import pytest

YOUNG = [
    "wie kan me helpn met huiswerk ik snap er nix van en me moeder kan het ook nie",
    "kan iemand me ff helpen met rekenen?? snap er echt nix van en mn ouders hebben geen tijd",
    "ik heb morgen een toets en ik snap het nie, me vader zegt dat ik gwn beter moet opletten",
    "me moeder zegt dat ik meer moet leren maar ik snap nix van die sommen",
    "wtf ik moet morgen een spreekbeurt houden en me pa en ma kunnen me nie helpen",
    "had gister weer ruzie met me vader over school en nu mag ik nix meer",
    "heb ff hulp nodig met me werkstuk, m'n moeder heeft geen tijd en ik weet nie hoe het moet",
]
ADULT = [
    "mijn zoon snapt zijn huiswerk niet en ik kan hem ook niet helpen",
    "mn zoon snapt z'n huiswerk nie, wie kan helpen",
    "me dochter heeft moeite met rekenen en ik snap die sommen ook nix",
    "me moeder is dement en ik snap nix van die formulieren van de wmo",
    "ff een vraag: me vader moet naar een verpleeghuis, wie helpt met de aanvraag",
    "onze jongen heeft moeite met school en huiswerk, we weten het nie meer",
    "me man heeft zn werk verloren en we snappen nix van de toeslagen",
]


@pytest.mark.parametrize("text", YOUNG)
def test_a_young_writer_without_an_age_gets_je(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert res.register == "je", (text, res.register, [r["service_id"] for r in res.results])


@pytest.mark.parametrize("text", ADULT)
def test_twin_an_adult_who_writes_sloppily_keeps_u(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert res.register == "u", (text, res.register)


@pytest.mark.parametrize("text", YOUNG[:4])
def test_a_young_homework_question_gets_no_adult_word_hits(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = [r["service_id"] for r in res.results[:3]]
    assert "svc-talentverbinders-meedoen" not in top, (text, top)
