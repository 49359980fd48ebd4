"""tester23 B10 as a class (docs/usertest/m12test23.md section 2; helper fix23, ADR 0179): "ik ben 18 en mijn
stiefvader heeft gezegd dat ik moet oprotten, nu slaap ik op de bank bij een vriend. waar kan ik een kamer vinden?"
got the Veilig Thuis box and the safety chain (Wijkagent, Procesregie, Gedragsdeskundigen, Specialistische expertise)
and no door for a roof. fix22 (ADR 0178) read "me het huis uit gezet"; being TOLD to go (oprotten, opdonderen,
wegwezen, eruit gegooid, my things put on the street, shown the door) by a parent, step-parent or landlord is the
same roof lost for an adult writer who tells no violence or threat. Under 18, or with violence or a threat told, it
stays Veilig Thuis, and a card for a roof still belongs in the top 5. Sentences of our own, written before the code
changed, except the one marked as tester23's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

DOOR = "svc-aalten-brede-intake"

ADULT_TOLD_TO_LEAVE = [
    # tester23's B10-2
    "ik ben 18 en mijn stiefvader heeft gezegd dat ik moet oprotten, nu slaap ik op de bank bij een vriend. waar kan "
    "ik een kamer vinden?",
    # our own
    "Ik ben 19. Mijn moeder zei gisteren dat ik moest opdonderen en nu slaap ik bij mijn vriendin.",
    "mn stiefmoeder heeft al mijn spullen op straat gezet, ik ben 20 en weet niet waar ik vannacht moet slapen",
    "Ik (23) ben door mijn vader de deur gewezen. Waar kan ik een kamer huren?",
    "Mijn huisbaas heeft me eruit gegooid, ik ben 31 en slaap nu in mijn auto. Wie helpt me aan woonruimte?",
    "ik ben 18 jaar en me pa zegt wegwezen hier, ik slaap nu bij een maat op de bank",
    "Gisteren moest ik van mijn stiefvader vertrekken. Ik ben 21 en heb geen slaapplek meer.",
]

STAYS_SAFETY = [
    # a minor told to go
    "ik ben 16 en mijn stiefvader zegt dat ik moet oprotten, nu slaap ik bij een vriend",
    "ik ben 15 en mijn moeder heeft mijn spullen op straat gezet, ik slaap nu bij een vriendin",
    # an adult told to go with a blow or a threat
    "Ik ben 19, mijn stiefvader sloeg me en zei dat ik moest oprotten. Nu slaap ik bij een vriend.",
    "Ik ben 20 en mijn vader dreigde me iets aan te doen als ik niet zou opdonderen, ik slaap nu op de bank bij mijn "
    "zus.",
    "ik ben 18 en de vriend van mijn moeder heeft me geschopt en eruit gegooid, nu slaap ik in het park",
    "Ik ben 22. Mijn broer heeft me met een mes bedreigd en gezegd dat ik moet wegwezen.",
]

ROOF = (DOOR, "svc-de-woonplaats-welkomstgesprek")


@pytest.mark.parametrize("text", ADULT_TOLD_TO_LEAVE)
def test_an_adult_told_to_leave_gets_the_roof_first_and_no_veilig_thuis(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    ids = top_ids(res, 5)
    assert "dakloosheid" in {t["id"] for t in res.themes}, (text, [t["id"] for t in res.themes])
    assert "onveilig-thuis" not in res.safety_levels, (text, res.safety_levels)
    assert ids[0] == DOOR, (text, ids)
    assert VEILIG_THUIS not in ids, (text, ids)
    assert "svc-aalten-zorg-veiligheid" not in ids and "svc-politie-wijkagent" not in ids[:3], (text, ids)


@pytest.mark.parametrize("text", STAYS_SAFETY)
def test_twin_a_minor_or_violence_keeps_veilig_thuis_and_a_roof_in_the_top_5(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    ids = top_ids(res, 5)
    assert res.safety_levels, (text, res.safety_levels)
    assert VEILIG_THUIS in ids[:2], (text, ids)
    assert DOOR in ids, (text, ids)


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben 19 en mijn moeder zei dat ik moest opschieten, anders kom ik te laat op mijn werk.",
        "Ik ben 20 en mijn vader zegt dat ik eens het huis uit moet om op mezelf te wonen. Hoe vind ik een kamer?",
        "mijn stiefvader zei wegwezen tegen de kat die op tafel sprong. ik ben 18, waar kan ik leren koken?",
    ],
)
def test_twin_being_told_to_hurry_or_to_move_out_one_day_raises_no_danger(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert not res.safety_levels, (text, res.safety_levels)
    assert VEILIG_THUIS not in top_ids(res, 5), (text, top_ids(res, 5))
