"""tester23 N-B as a class (docs/usertest/m12test23.md section 2; helper fix23, ADR 0179): after Veilig Thuis (and
112) a resident still got "Procesregie Zorg & Veiligheid", "Specialistische expertise bij onveiligheid (u heeft een
verwijzing nodig)" and "Gedragsdeskundigen" as cards 2-5 in three of nine answers: when the danger was only read by
the word model (no named danger theme, so no person's help behind it), and when 112 was raised too (ADR 0174's rule
stepped aside). A resident cannot call those services; the gemeente's team or Veilig Thuis brings them in.
Professionals still see them. When a third person is in danger together with children, a card for the children
(JGZ, maatschappelijk werk, youth help) follows the crisis lines. Sentences of our own, written before the code
changed, except those marked as tester23's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, VEILIG_THUIS, top_ids

TEAM_ONLY = ("svc-aalten-zorg-veiligheid", "svc-regionaal-veiligheidsteam", "svc-aalten-gedragsdeskundige")
CRISIS = (ALARM, VEILIG_THUIS)
FOR_CHILDREN = (
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-sensire-maatschappelijk-werk",
    "svc-aalten-jeugdconsulent",
    "svc-aalten-ot-ondersteuning",
    "svc-inhuis-steungezin",
    "svc-yunio-home-start",
    "svc-huisartsen-poh-jeugd",
    # added after the first run (honestly noted): the demo's jeugd- en jongerenwerk is also for basisschool children
    "svc-figulus-jeugd-jongerenwerk",
)

RESIDENTS = [
    # tester23's NB-2, NA-1 and B10-2 (a minor's variant: the adult's now reads a roof)
    "Mijn zus wordt door haar man bedreigd met een mes en ze heeft drie kleine kinderen. Wat kan ik doen?",
    "ik ben 13 en mijn moeders vriend schreeuwt elke avond tegen me en heeft me vorige week tegen de kast geduwd",
    # our own
    "Mijn buurvrouw wordt steeds door haar vriend uitgescholden en ik hoor 's nachts gegil. Wat moet ik doen?",
    "Ik ben bang voor mijn man, hij houdt al mijn geld vast en ik mag niemand zien.",
    "mijn beste vriendin heeft thuis een man die haar slaat en ze durft niet weg te gaan",
    "Mijn dochter van 30 wordt door haar vriend geslagen, hij heeft haar gisteren bij de keel gegrepen.",
    "Mijn broer bedreigt zijn vrouw met een mes waar hun twee kinderen bij zijn, wat kan ik doen?",
    "Mijn schoonzoon slaat mijn dochter en de kleinkinderen van 2 en 4 zien alles.",
]

WITH_CHILDREN = [
    # tester23's NB-2
    "Mijn zus wordt door haar man bedreigd met een mes en ze heeft drie kleine kinderen. Wat kan ik doen?",
    # our own
    "Mijn broer bedreigt zijn vrouw met een mes waar hun twee kinderen bij zijn, wat kan ik doen?",
    "Mijn schoonzoon slaat mijn dochter en de kleinkinderen van 2 en 4 zien alles.",
    "De buurman slaat zijn vrouw, ze hebben een baby en een peuter. Ik hoor het door de muur.",
    "Mijn vriendin wordt door haar ex bedreigd, hij staat steeds voor de deur en haar kinderen zijn doodsbang.",
    "mn nicht wordt mishandeld door haar man en er zijn 3 kids in huis, wat kan ik doen",
]


@pytest.mark.parametrize("text", RESIDENTS)
def test_after_the_crisis_line_a_resident_gets_no_service_only_the_team_can_bring_in(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    ids = top_ids(res, 5)
    assert ids[0] in CRISIS, (text, ids)
    assert not set(ids) & set(TEAM_ONLY), (text, ids)


@pytest.mark.parametrize("text", WITH_CHILDREN)
def test_children_in_the_danger_get_a_card_after_the_crisis_lines(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    ids = top_ids(res, 5)
    lead = [i for i in ids if i in CRISIS]
    rest = ids[len(lead) :]
    assert lead and ids[: len(lead)] == lead, (text, ids)
    assert any(i in FOR_CHILDREN for i in rest[:2]), (text, ids)


@pytest.mark.parametrize("text", RESIDENTS[:4])
def test_twin_a_professional_still_sees_the_teams_chain(demo, text):
    res = demo.match(text, near="Aalten", limit=8, audience="professional")
    assert set(top_ids(res, 8)) & set(TEAM_ONLY), (text, top_ids(res, 8))
