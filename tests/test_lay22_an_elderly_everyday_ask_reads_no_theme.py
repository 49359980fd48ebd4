"""Plain everyday questions of elderly people read no theme: "Wie kan helpen met boodschappen doen? Ik loop slecht."
gave the front door alone; "Door mijn slechte ogen kan ik de brieven van de belasting niet meer lezen. Wie helpt mij
daarmee?" gave the front door and a digital-skills filler while the Sociaal raadslid ("post, brieven en formulieren")
exists (tester22 N-J, E2 and PC-1, docs/usertest/m12test22.md; issue 12, ADR 0177). A task that no longer works (the
shopping, reading the post) with the body that stops it (walking, seeing) or an ask for help with it is the need for
that task. Our own wordings, written before the change; the twins do the task gladly, lack the money or are a child
learning to read.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

HOUSEHOLD = {"huishouden", "zelfredzaamheid"}
DEMO_HOUSEHOLD = {
    "svc-aalten-huishoudelijke-hulp",
    "svc-aalten-wmo-consulent",
    "svc-vat-aalten-vraag-advies",
    "svc-humanitas-vat",
    "svc-figulus-ouderenwerk",
    "svc-figulus-welzijnscoach",
}
DEMO_POST = {"svc-sensire-sociaal-raadslid", "svc-bfo-financiele-ondersteuning"}
REGION_POST = {"svc-formulierenhulp-aalten", "svc-formulierenhulp-dinxperlo"}

SHOPPING = [
    "Wie kan helpen met boodschappen doen? Ik loop slecht.",
    "ik loop slecht sinds mijn heupoperatie, is er iemand die boodschappen voor me kan halen?",
    "Mijn benen willen niet meer. Wie doet de boodschappen voor mij?",
    "Boodschappen doen lukt niet meer met mijn rollator, wat kan ik regelen?",
    "Kan iemand mij helpen met de boodschappen? Ik ben 84 en kom de deur bijna niet meer uit.",
    "Ik heb hulp nodig bij het boodschappen doen want lopen gaat slecht.",
]
LETTERS = [
    "Door mijn slechte ogen kan ik de brieven van de belasting en de zorgverzekeraar niet meer lezen. Wie helpt mij "
    "daarmee? Ik woon in Barlo.",
    "Ik zie slecht en kan mijn post niet meer lezen. Wie leest het met mij door?",
    "Mijn ogen zijn zo achteruit gegaan dat ik de brieven van de gemeente niet kan lezen",
    "Door staar kan ik de letters op de brieven niet meer zien. Is daar hulp voor?",
    "Wie kan mij helpen met het lezen van mijn post? Ik ben bijna blind.",
    "mijn moeder van 88 kan haar brieven niet meer lezen, ze ziet bijna niks meer",
]
TWINS = [
    (
        "Ik doe elke zaterdag boodschappen met mijn buurvrouw, dat is gezellig. Is er ook een koffieochtend?",
        {"huishouden"},
    ),
    ("We hebben geen geld voor boodschappen deze maand", {"huishouden"}),
    ("Mijn zoon van 8 kan nog niet goed lezen, hoe help ik hem?", {"administratie"}),
    ("Ik lees graag oude brieven en wil op een schrijfcursus", {"administratie"}),
]


@pytest.mark.parametrize("text", SHOPPING)
def test_shopping_that_no_longer_works_is_household_help(demo, region, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert HOUSEHOLD & themes_of(res), (text, themes_of(res))
    assert DEMO_HOUSEHOLD & set(top_ids(res)), (text, top_ids(res))
    assert HOUSEHOLD & themes_of(region.match(text, near="Aalten", limit=5)), text


@pytest.mark.parametrize("text", LETTERS)
def test_letters_one_cannot_read_are_help_with_the_post(demo, region, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "administratie" in themes_of(res), (text, themes_of(res))
    assert DEMO_POST & set(top_ids(res)), (text, top_ids(res))
    rres = region.match(text, near="Aalten", limit=5)
    assert REGION_POST & set(top_ids(rres)), (text, themes_of(rres), top_ids(rres))


@pytest.mark.parametrize(("text", "not_read"), TWINS)
def test_the_task_done_gladly_or_a_child_learning_reads_no_such_need(demo, text, not_read):
    res = demo.match(text, near="Aalten", limit=5)
    assert not not_read & themes_of(res), (text, themes_of(res))
