"""Eval batch 9, dev a653 and a655 as classes (ADR 0147): a young writer tells about home (nobody talks, the parents
sit on their phones; or the writer puts a little brother or sister to bed because a parent cannot) and asks
nothing of a named service. The answer gave help for everyone or for adults; the youth help was missing. Sentences
of our own, in a young writer's words without an age, each class with its twin.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

YOUTH = {
    "svc-figulus-jeugd-jongerenwerk",
    "svc-aalten-jeugdconsulent",
    "svc-huisartsen-poh-jeugd",
    "svc-aalten-ot-school-sportclub",
    "svc-aalten-ot-ondersteuning",
}
ADULT_ONLY = {"svc-figulus-ouderenwerk", "svc-sensire-maatschappelijk-werk"}
SAFETY_HELP = {
    "svc-veilig-thuis-advies-melden",
    "svc-politie-wijkagent",
    "svc-aalten-zorg-veiligheid",
    "svc-regionaal-veiligheidsteam",
    "svc-112-alarmnummer",
    "svc-113-hulplijn",
}
NO_AGE_READ = (
    "no age is read and no young writer guessed: an adult may write this too, so adult help fits (ADR 0147)"
)


def everyday_top3(res) -> list[str]:
    """The first three answers that are not the help for a danger: the safety level is safety's part."""
    return [i for i in top_ids(res, 10) if i not in SAFETY_HELP][:3]


# a655: nobody at home talks or looks up from a phone, and the young writer feels alone.
@pytest.mark.parametrize(
    "text",
    [
        "bij ons thuis zegt niemand iets tegen elkaar, mn vader zit alleen maar te gamen en ik voel me echt alleen",
        "mijn ouders hebben nooit tijd voor me, ze zitten de hele dag op hun telefoon. ik weet niet met wie ik moet praten",
        pytest.param(
            "thuis praten we eigenlijk nooit, iedereen zit op z'n eigen kamer. ik voel me best eenzaam soms",
            marks=pytest.mark.xfail(strict=True, reason=NO_AGE_READ),
        ),
        "mn moeder kijkt niet eens op van haar mobiel als ik thuiskom, niemand vraagt hoe het met me gaat",
        pytest.param(
            "Ik heb het gevoel dat niemand thuis naar me luistert, mijn ouders praten niet met mij. Is dat raar?",
            marks=pytest.mark.xfail(strict=True, reason=NO_AGE_READ),
        ),
    ],
)
def test_a_young_writer_alone_at_home_gets_youth_help(demo, text):
    res = demo.match(text, near="Aalten")
    top = top_ids(res)
    assert YOUTH & set(top), (text, top, res.themes)
    assert not ADULT_ONLY & set(top), (text, top)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn man en ik praten niet meer met elkaar, hij zit de hele avond op zijn telefoon. Wat kunnen we doen?",
        "Ik ben 81 en niemand praat nog met me, mijn kinderen wonen ver weg. Waar kan ik heen voor wat gezelschap?",
    ],
)
def test_twin_a_partner_or_an_old_person_who_is_not_talked_to_gets_no_youth_help(demo, text):
    res = demo.match(text, near="Aalten")
    assert not YOUTH & set(top_ids(res)), (text, top_ids(res), res.themes)


# a653: the young writer takes on a parent's task for a younger brother or sister because the parent cannot.
@pytest.mark.parametrize(
    "text",
    [
        "mn vader is elke avond dronken dus ik maak eten voor mn broertje en breng hem naar school. is dat normaal?",
        "omdat mn moeder de hele dag in bed ligt moet ik voor mn zusjes zorgen en kom ik nergens meer aan toe",
        "ik moet altijd mn kleine broertje in bad doen en aankleden want mn ouders zijn er nooit. wie kan me helpen?",
        "Mijn moeder is vaak te moe van de pillen en dan zorg ik voor mijn zusje van 4. Ik vind het soms te veel",
        "elke avond moet ik mn broertjes eten geven omdat mn pa weer in de kroeg zit. mag dat eigenlijk wel?",
    ],
)
def test_a_young_writer_who_cares_for_a_sibling_gets_youth_help(demo, text):
    """The youth help comes first after any safety help: whether a danger is raised is safety's part."""
    res = demo.match(text, near="Aalten")
    top = everyday_top3(res)
    assert YOUTH & set(top), (text, top, res.themes)
    assert not ADULT_ONLY & set(top), (text, top)


def test_twin_a_parent_who_puts_the_children_to_bed_is_no_young_carer(demo):
    res = demo.match("Ik breng elke avond mijn kinderen naar bed en daarna ben ik op. Hoe houd ik het vol?")
    assert "opvoeden-opgroeien" not in themes_of(res), res.themes
    assert not {"svc-figulus-jeugd-jongerenwerk"} & set(top_ids(res)), top_ids(res)
