"""tester24 class E and a smaller remark (docs/usertest/m12test24.md; helper fix24, ADR 0184): for a bullied child
"Voortgezet onderwijs: gelijke kansen en veilig opgroeien" (schools working with the gemeente in the Lokale
Educatieve Agenda: a partnership, no door) was card 1 with "je kunt er zelf terecht", and "Basisschool: zorgen
signaleren en samenwerken" (the school's own teachers) said the same; a 78-year-old without a car got seven cards
that all said "Helpt bij de dingen van elke dag in het algemeen", with nothing about getting around; a guessed need
put "Wij denken dat uw vraag hierover gaat ·" before every card. Sentences are our own, written before the code,
except e01 and e14 (tester24's). Twins: a professional still finds the partnership; a card that helps with the need
asked keeps its plain line.
"""

from __future__ import annotations

import pytest
from builders import top_ids

PARTNERSHIP = "svc-scholen-vo-samenwerking"
SCHOOL_SIGNALS = "svc-scholen-po-signaleren"
SELF = ("zelf terecht",)

SCHOOL_QUESTIONS = [
    # tester24 e01
    "ik word gepest in de groepsapp van mijn klas en ik durf het niet tegen mijn ouders te zeggen. wat moet ik doen",
    # our own
    "ze lachen me elke dag uit op school en ik wil er niet meer heen",
    "Mijn dochter van 13 wordt gepest op de middelbare school, wat kunnen we doen?",
    "mijn zoon van 8 wordt op de basisschool buitengesloten door zijn klasgenoten",
    "ik ben 12 en word online gepest door kinderen uit mijn klas",
    "Onze zoon zit in de tweede klas en haalt alleen maar onvoldoendes, wie kan helpen?",
    "ik word elke ochtend misselijk als ik naar school moet",
]


@pytest.mark.parametrize("text", SCHOOL_QUESTIONS)
def test_a_partnership_fills_no_residents_top_3_and_a_school_claims_no_walk_in(demo, text):
    res = demo.match(text, limit=10)
    assert PARTNERSHIP not in top_ids(res, 3), (text, top_ids(res, 5))
    for row in res.results:
        if row["service_id"] in (PARTNERSHIP, SCHOOL_SIGNALS):
            assert not any(s in row["why"] for s in SELF), (text, row["service_id"], row["why"])


def test_twin_a_professional_still_finds_the_partnership(demo):
    res = demo.match(
        "Ik ben leerkracht in het voortgezet onderwijs: hoe werken scholen en gemeente samen aan gelijke kansen?",
        audience="professional",
        limit=10,
    )
    assert PARTNERSHIP in top_ids(res, 10), top_ids(res, 10)


BROAD_ONLY = [
    # tester24 e14
    "Ik woon in Bredevoort, ben 78 en mag niet meer autorijden. Hoe kom ik nog bij de huisarts en de winkel?",
    # our own
    "Mijn moeder van 85 rijdt geen auto meer, hoe komt ze bij de dokter?",
    "ik ben 81 en kan niet meer fietsen, hoe kom ik bij de kapper en de markt",
    "Hoe kom ik als oudere zonder auto bij het ziekenhuis in Winterswijk?",
    "Mijn vader heeft zijn rijbewijs ingeleverd en zit nu vast thuis. Wie regelt vervoer?",
    "Ik zit in een rolstoel en kan niet meer met de bus, hoe kom ik op mijn afspraken?",
]


@pytest.mark.parametrize("text", BROAD_ONLY)
def test_a_card_for_the_area_at_large_says_it_is_not_for_the_need_asked(demo, text):
    res = demo.match(text, limit=10)
    for row in res.results:
        parts = row["why"].split(" · ")
        if any(p.startswith("Helpt bij ") and p.endswith(" in het algemeen") for p in parts):
            assert any(p.startswith("Niet speciaal voor ") for p in parts), (text, row["name"], row["why"])


def test_twin_a_card_that_helps_with_the_need_keeps_its_plain_line(demo):
    res = demo.match("Ik ben 80 en mag niet meer autorijden. Hoe kom ik bij de huisarts?", limit=10)
    first = res.results[0]["why"]
    assert "Helpt bij vervoer" in first and "Niet speciaal" not in first, first


GUESSED = [
    "ik kan 's ochtends niet wakker worden, de wekker gaat wel maar ik slaap gewoon door. is dat normaal?",
    "Ik kom de laatste tijd nergens meer toe en alles kost moeite.",
    "Mijn hoofd zit altijd vol en ik kom niet tot rust",
    "Ik heb nergens meer zin in de laatste tijd",
    "het lukt me gewoon niet meer allemaal",
    "Sinds een paar weken ben ik zo moe, ook na een hele nacht slapen",
]


@pytest.mark.parametrize("text", GUESSED)
def test_the_guess_is_said_once_not_before_every_card(demo, text):
    res = demo.match(text, limit=10)
    prefixed = [r for r in res.results if r["why"].startswith(("Wij denken dat", "We denken dat"))]
    assert len(prefixed) <= 1, (text, [r["why"] for r in prefixed])
