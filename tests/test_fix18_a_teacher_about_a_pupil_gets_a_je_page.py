"""tester20 B4 as a class (ADR 0169): a teacher who writes "een kind in mijn klas … ik wil overleggen volgens de
meldcode" got a "je" page under a "u" box: a pupil in the writer's class was read as the writer's own class. Who
writes is read from what they do: a professional talks ABOUT a child in their class or group and asks to consult,
bespreken, melden, the meldcode (the work of an adult at work); a child talks about a classmate who does something
to them or to themself. The box and the page come from one register decision. Sentences of our own, written before
the change was made.
"""

from __future__ import annotations

import pytest

TEACHERS = [
    "Geen acuut gevaar, wel zorgen: een kind in mijn klas vertelt over harde ruzies thuis. Ik wil overleggen "
    "volgens de meldcode.",
    "Een meisje uit mijn klas (ik geef les in groep 8) zegt dat ze thuis niet mag eten, wie kan ik raadplegen?",
    "Twee kinderen in mijn klas komen steeds zonder ontbijt op school. Ik wil overleggen met iemand.",
    "een jongen uit mijn groep 5 heeft vaak blauwe plekken, ik twijfel of ik de meldcode moet volgen",
    "Ik heb een leerling die vertelt dat zijn vader hem opsluit, moet ik dit melden?",
    "in mijn klas zit een kind dat thuis veel alleen is, dat wil ik bespreken met de aandachtsfunctionaris",
    "Een van mijn leerlingen komt steeds te laat en ziet er verwaarloosd uit. Met wie kan ik sparren?",
]

# children about a classmate or about themselves: "je"
CHILDREN = [
    "een jongen in mijn klas pest mij elke dag en de juf doet niks",
    "een meisje uit mijn klas zegt dat ze van de aardbodem wil verdwijnen",
    "mijn juf zegt dat ik met iemand moet praten over thuis",
    "ik zit in groep 7 en een kind in mijn klas slaat mij steeds",
    "ik maak me zorgen om een meisje uit mijn klas, ze huilt steeds in de pauze",
    "een kind uit mijn klas wordt thuis geslagen, met wie kan ik praten",
]


@pytest.mark.parametrize("text", TEACHERS)
def test_a_teacher_about_a_pupil_is_u_on_the_page_and_in_the_box(demo, text):
    res = demo.match(text, limit=10)
    assert res.register == "u", (text, res.register, res.safety_levels)
    assert res.box_writer in ("", "volwassene"), (text, res.box_writer)


@pytest.mark.parametrize("text", CHILDREN)
def test_twin_a_child_about_a_classmate_keeps_je(demo, text):
    assert demo.match(text, limit=10).register == "je", text


def test_a_consultation_level_is_never_shown_in_je(demo):
    """The consultation line of the box ("Twijfelt u …? … van uw organisatie") has no child's form: a page that
    raises it is an adult's page (one decision for box and page)."""
    for text in TEACHERS:
        res = demo.match(text, limit=10)
        if "consultatie" in res.safety_levels:
            assert res.register == "u", text
