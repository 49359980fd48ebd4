"""tester22 B10 as a class (docs/usertest/m12test22.md section 2; helper fix22, ADR 0178): "ik ben 19 en mijn
ouders hebben me het huis uit gezet, ik slaap steeds ergens anders bij vrienden" got the Veilig Thuis box and the
safety chain (Veilig Thuis, Wijkagent, Procesregie, Specialistische expertise), and no front door that says the kaart
has no roof. An adult put out by the parents (or a stepfather, a mother) without violence or a threat has lost a
roof: ADR 0171's basic need leads. With violence ("sloeg me de deur uit"), a threat, or a writer under 18 it stays
Veilig Thuis. When nothing on the kaart fits a roof, the door's why-line says what was understood (tester22: "Voor
deze vraag staat nog geen passende hulp op de kaart" for the tent behind the brother's shed). Sentences are our own,
written before the code changed, except those marked as tester22's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

DOOR = "svc-aalten-brede-intake"

ADULT_PUT_OUT = [
    # tester22's B10-2
    "ik ben 19 en mijn ouders hebben me het huis uit gezet, ik slaap steeds ergens anders bij vrienden",
    # our own
    "Ik ben 22. Mijn moeder heeft me eruit gezet en nu slaap ik bij een vriend op de bank.",
    "Ik (24) moest van mijn vader het huis uit en heb nu geen slaapplek.",
    "Mijn ouders zetten me vorige week het huis uit. Ik ben 18 en slaap nu in mijn auto.",
    "ik ben 21 jaar, mn ouders hebben me de deur uit gezet na een ruzie, waar kan ik slapen",
    "Sinds mijn stiefvader me het huis uit heeft gezet slaap ik bij mijn zus op de grond. Ik ben 25.",
    "ik ben 20 mijn ouders gooide me eruit en nu slaap ik elke nacht ergens anders",
]

STAYS_SAFETY = [
    "Mijn vader sloeg me en zette me het huis uit, ik ben 19 en slaap nu bij vrienden.",
    "ik ben 15 en mijn ouders hebben me het huis uit gezet, ik slaap bij vrienden",
    "Ik ben 19 en mijn ouders dreigden me iets aan te doen als ik terugkom, ze hebben me het huis uit gezet.",
    "Ik ben 20. Mijn broers hebben me in elkaar geslagen en het huis uit gezet.",
    "mijn moeder heeft me eruit gezet, ik ben 14 en slaap nu bij een vriendin",
    "Ik ben 23 en mijn ouders hebben me het huis uit gezet omdat ik niet wil trouwen met de man die zij kozen. Ze "
    "zeggen dat ik de familie te schande maak.",
]


@pytest.mark.parametrize("text", ADULT_PUT_OUT)
def test_an_adult_put_out_by_parents_gets_the_roof_first(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert "dakloosheid" in {t["id"] for t in res.themes}, (text, [t["id"] for t in res.themes])
    assert "onveilig-thuis" not in res.safety_levels, (text, res.safety_levels)
    assert top_ids(res, 1) == [DOOR], (text, top_ids(res))
    assert VEILIG_THUIS not in top_ids(res), (text, top_ids(res))


@pytest.mark.parametrize("text", STAYS_SAFETY)
def test_twin_violence_a_threat_or_a_minor_put_out_keeps_veilig_thuis(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert res.safety_levels, (text, res.safety_levels)
    assert VEILIG_THUIS in top_ids(res), (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        # tester22's B10-1
        "Mijn huisbaas heeft me eruit gezet en nu slaap ik in een tentje achter de schuur van mijn broer in "
        "Dinxperlo.",
        "Ik ben 19 en mijn ouders hebben me het huis uit gezet, ik slaap bij vrienden.",
        "Sinds vorige week slaap ik in mijn auto, ik heb geen huis meer.",
    ],
)
def test_the_door_for_a_roof_says_what_was_understood(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    first = res.results[0]
    assert first["service_id"] == DOOR, (text, top_ids(res))
    assert first["why"].startswith("Voor geen huis of slaapplek"), (text, first["why"])
