"""A harm verb whose agent is a young child or a thing raises no danger at home; an adult who does it still does
(helper safety13, ADR 0142; tester14 class A).

The agent is read by word order, not by a phrase next to the verb: the first noun phrase of the clause, the subject
after the verb in an inversion, the "door"-phrase of a passive; a young child is a word for one or an age under 6 in
any form. Sentences are our own (written before they were run), none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, LINE_113, VEILIG_THUIS, themes_of, top_ids

CRISIS_LINES = {VEILIG_THUIS, ALARM, LINE_113}


@pytest.mark.parametrize(
    "text",
    [
        # inversion, subordinate clause, passive, an age in words, a pronoun that refers back
        "Sinds een paar weken slaat onze zoon van drie mij steeds als ik hem in bad doe.",
        "Ik merk dat mijn dochtertje mij bijt zodra ze moe wordt, wat kan ik doen?",
        "Als ik de tv uitzet, schopt mijn kleuter mij tegen mijn benen.",
        "Onze jongste (4) mept haar broer en mij de hele dag, ik weet het niet meer.",
        "Mijn zoon is twee en als hij boos wordt slaat hij mij keihard.",
        "Ik word elke ochtend geschopt en gebeten door mijn peuter bij het aankleden.",
        "Ons zoontje van anderhalf slaat mij in mijn gezicht als hij moe is.",
        "Als ze haar zin niet krijgt, bijt onze dreumes mij in mijn arm.",
        "Mijn dochter van 3 jaar schopt mij elke avond bij het naar bed gaan.",
        "Het valt me op dat mijn peuter mij steeds mept als ik de telefoon pak.",
        "Ik heb een dochter van 4 die mij slaat als ik haar tablet afpak.",  # a relative clause
    ],
)
def test_a_young_child_who_hits_is_parenting_not_danger(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not CRISIS_LINES & set(top_ids(res)), top_ids(res)
    assert "opvoeding" in themes_of(res), themes_of(res)  # the everyday need stays: how to teach a toddler


@pytest.mark.parametrize(
    "text",
    [
        "Al die aanmaningen van het CJIB maken me helemaal kapot, ik slaap niet meer.",
        "Het gedoe met het UWV sloopt me, ik weet niet wat ik moet invullen.",
        "Die nachtdiensten in de zorg maken me kapot, ik ben op.",
        "De zorgen over geld maken me kapot.",
        "Mijn baan sloopt me, ik werk 60 uur per week.",
    ],
)
def test_a_thing_that_breaks_the_writer_is_no_danger(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not CRISIS_LINES & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        # the brief's twins: an adult person as the agent of a physical harm verb
        "mijn man maakt me kapot, hij slaat me als hij gedronken heeft",
        "mijn zoon van 30 slaat mij",
        "mijn vriend maakt me gek en duwt me tegen de muur",
        # our own: inversion, subordinate clause, passive, a pronoun with no young child before it
        "Sinds gisteren slaat mijn man mij.",
        "Ik ben bang dat mijn vriend mij weer slaat als hij thuiskomt.",
        "Ik word geslagen door mijn man als het eten niet klaar is.",
        "Ik word door mijn vriend geschopt als ik iets verkeerd zeg.",
        "Als hij gedronken heeft slaat mijn man mij.",
        "Mijn schoonvader duwt mij als mijn man er niet is.",
        "Dat mijn man mij slaat weet niemand.",
        "Mijn man sloopt me, hij slaat me elke week.",
        "We hebben een zoon van 22 die mij slaat.",
        # a young child as the one hit, an adult as the agent
        "Mijn zoontje van 2 is bang, mijn man slaat hem als hij huilt.",
        "Mijn vriend slaat onze peuter als hij huilt.",
    ],
)
def test_an_adult_who_hits_still_raises_veilig_thuis(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Onze zoon van 19 schopt en slaat mij als hij geen geld krijgt.",
        "Mijn zoon (25) slaat mij als hij geen geld krijgt.",
    ],
)
def test_a_grown_son_who_hits_a_parent_is_violence_not_child_abuse(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert "huiselijk-geweld" in themes_of(res), themes_of(res)
    assert "kindermishandeling" not in themes_of(res), themes_of(res)


@pytest.mark.parametrize(
    "text",
    [
        # a subordinate clause or an adverbial before the verb, the subject after it: the clause before is no agent
        "Als het misgaat slaat hij mij.",
        "Elke keer als het eten koud is slaat mijn man mij.",
        "Sinds de scheiding slaat mijn ex onze zoon van 3.",
        "Door de drank slaat mijn vader ons.",
        "Als het eten niet op tijd klaar is, slaat ze mij met de pollepel.",
        "Het begon klein, maar nu slaat mijn vriend mij bijna elke week.",
        "Het gebeurt vaak dat hij mij slaat.",
        "Vanochtend is mijn dochter van 2 door haar vader geslagen.",
        "Het kind van mijn vriendin wordt door haar vriend geslagen.",
        "Toen ik zwanger was duwde hij mij van de trap.",
    ],
)
def test_a_thing_told_before_the_verb_is_not_read_as_the_agent(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
