"""tester23 N-A as a class (docs/usertest/m12test23.md section 2; helper fix23, ADR 0179): "ik ben 13 en mijn
moeders vriend schreeuwt elke avond tegen me en heeft me vorige week tegen de kast geduwd" got only "Veilig zijn"
(Veilig Thuis, Wijkagent, Procesregie), while "ik ben 10 en papa slaat mij met zijn riem" gets "een kind dat thuis
niet veilig is" and the child's help. A minor hurt or frightened by ANY adult of the household (a mother's
boyfriend, a stepfather, a father's new wife, an uncle who lives with us) is a child unsafe at home, also when the
danger was read by the word model rather than by a rule. Twins: the same adults in everyday words raise nothing.
Sentences of our own, written before the code changed, except the one marked as tester23's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

CHILD_HELP = (
    "svc-jeugdstem-vertrouwenspersoon",
    "svc-figulus-jeugd-jongerenwerk",
    "svc-aalten-jeugdconsulent",
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-huisartsen-poh-jeugd",
    "svc-inhuis-steungezin",
    "svc-aalten-ot-ondersteuning",
)
NOT_FOR_A_CHILD = (
    "svc-aalten-zorg-veiligheid",
    "svc-regionaal-veiligheidsteam",
    "svc-aalten-gedragsdeskundige",
)

CHILD_HURT = [
    # tester23's NA-1
    "ik ben 13 en mijn moeders vriend schreeuwt elke avond tegen me en heeft me vorige week tegen de kast geduwd",
    # our own
    "Ik ben 12. De vriend van mijn moeder knijpt me heel hard als mama er niet is en ik ben bang voor hem.",
    "ik ben 14 en mijn stiefvader duwt me steeds tegen de muur als hij gedronken heeft",
    "ik ben 11 jaar. de nieuwe vrouw van mijn vader sluit mij op in mijn kamer en ik krijg dan geen eten",
    "Ik ben 15 en mijn oom woont bij ons, hij slaat me als mijn ouders weg zijn.",
    "ik ben 13 mama haar vriend scheld me uit en gooide gisteren een stoel naar me",
    "Ik ben 16 en de man van mijn moeder bedreigt me, hij zegt dat hij me iets aandoet als ik het vertel.",
]

HARMLESS = [
    "ik ben 14 en mijn stiefvader wil dat ik om 10 uur thuis ben",
    "ik ben 13 en de vriend van mijn moeder helpt me met wiskunde, waar is huiswerkbegeleiding?",
    pytest.param(
        "Ik ben 12 en mijn oom woont bij ons, hij neemt me mee naar voetbal. Welke club heeft plek?",
        marks=pytest.mark.xfail(
            strict=True,
            reason="left open, also on main 3085a57: the safety word model guesses a danger at home from a child, an "
            "uncle who lives with us and 'neemt me mee'; no rule reads one",
        ),
    ),
    "ik ben 15 en de nieuwe vrouw van mijn vader kookt heel lekker, waar kan ik een kookcursus doen?",
    "ik ben 11 en mijn stiefvader zegt dat ik eerst mijn kamer moet opruimen voor ik mag gamen",
    "Ik ben 14. De vriend van mijn moeder schreeuwt heel hard bij het voetbal op tv haha. Waar kan ik zelf voetballen?",
]


@pytest.mark.parametrize("text", CHILD_HURT)
def test_a_child_hurt_by_an_adult_of_the_household_is_a_child_unsafe_at_home(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    ids = top_ids(res, 5)
    assert "kindermishandeling" in {t["id"] for t in res.themes}, (text, [t["id"] for t in res.themes])
    assert res.register == "je", (text, res.register)
    assert ids[0] == VEILIG_THUIS, (text, ids)
    assert any(i in CHILD_HELP for i in ids[1:3]), (text, ids)
    assert not set(ids) & set(NOT_FOR_A_CHILD), (text, ids)


@pytest.mark.parametrize("text", HARMLESS)
def test_twin_the_same_adult_in_everyday_words_raises_nothing(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert not res.safety_levels, (text, res.safety_levels)
    assert "kindermishandeling" not in {t["id"] for t in res.themes}, (text, [t["id"] for t in res.themes])
