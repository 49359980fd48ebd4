"""Medicines kept back, not taken but kept, or stored up until there are "genoeg" are a means made ready: 113
first (tester21 B2 partly, docs/usertest/m12test21.md; helper fix20, ADR 0172). "Ik hou al een maand mijn
slaaptabletten achter, ik heb er nu genoeg." got no theme and only the front door: ADR 0170's rule
`middel-opgespaard` knew saving and collecting, not keeping back ("achterhouden"), not taking but keeping
("niet meer in maar bewaar ze") or a stock laid in ("voorraad aangelegd").

The harmless twins keep medicines safely (a fridge, under lock and key for the grandchildren), have enough for a
holiday, or stop a medicine on the doctor's advice. Sentences are our own, written before the code changed,
except those marked as tester21's or the brief's.
"""

from __future__ import annotations

import pytest
from builders import LINE_113, themes_of, top_ids


@pytest.mark.parametrize(
    "text",
    [
        # tester21's B2-1 and post-hoc wordings (docs/usertest/m12test21.md)
        "Ik hou al een maand mijn slaaptabletten achter, ik heb er nu genoeg.",
        "Ik hou mijn slaaptabletten al weken achter.",
        "Ik neem mijn slaappillen niet meer in maar bewaar ze allemaal.",
        # the brief's
        "ik neem mijn pillen niet meer in maar bewaar ze",
        "ik heb een voorraad slaappillen aangelegd",
        # our own
        "Mijn moeder houdt sinds de begrafenis haar oxazepam achter, ze zegt dat ze er bijna genoeg heeft.",
        "ik slik mijn medicijnen niet meer, ik bewaar ze in een la tot ik er genoeg heb",
        "Mijn broer legt al weken een voorraad paracetamol aan.",
        "ik heb stiekem een voorraadje slaaptabletten opgebouwd",
        "Ik neem de tabletten van de dokter niet in, ik hou ze achter.",
    ],
)
def test_pills_kept_back_or_stored_up_get_113_first(demo, text):
    res = demo.match(text)
    assert "suicide" in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == LINE_113, top_ids(res)
    assert "financien" not in themes_of(res), themes_of(res)


@pytest.mark.parametrize(
    "text",
    [
        # the brief's twins
        "ik bewaar mijn pillen in de koelkast",
        "ik hou mijn medicijnen achter slot en grendel voor de kleinkinderen",
        "ik heb genoeg pillen voor de vakantie",
        # our own
        "De huisarts zei dat ik mag stoppen, dus ik neem mijn pillen niet meer in. Bewaar ik ze of breng ik ze terug?",
        "Ik heb een voorraad medicijnen aangelegd voor de reis naar Marokko.",
        "Mijn vader vergeet zijn pillen in te nemen, hoe kan ik hem helpen?",
        "Waar bewaar ik de medicijnen van mijn moeder zodat de kinderen er niet bij kunnen?",
        "Ik hou de pillen van mijn man achter in de kast, is dat veilig genoeg voor de kleintjes?",
    ],
)
def test_medicines_kept_safely_or_for_a_trip_raise_no_113(demo, text):
    res = demo.match(text)
    assert "suicide" not in res.safety_levels, res.safety_levels
    assert LINE_113 not in top_ids(res), top_ids(res)
