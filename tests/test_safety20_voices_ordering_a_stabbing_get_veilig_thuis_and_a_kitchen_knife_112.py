"""Voices that order a stabbing, with a knife at hand: 112 first and the huisarts, no Veilig Thuis (harm the voices
tell is no act done at home; ADR 0161). The twin: someone who hears voices and uses a knife for a task (cutting
vegetables) is a psychiatric worry, no 112 (helper safety20, ADR 0166; class 2 of the brief).

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, HUISARTS, VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Mijn broer hoort stemmen die zeggen dat hij iemand moet steken, en hij heeft een mes bij zich.",
        "Mijn zoon van 30 zegt dat de stemmen hem opdragen de buurman neer te steken, hij heeft een mes in zijn jas.",
        "mijn vriend hoort stemmen die zeggen dat hij zijn vader iets moet aandoen en hij loopt met een "
        "schroevendraaier rond",
        "Onze dochter hoort stemmen en zegt dat ze hem moet doden, ze heeft het broodmes meegenomen naar haar kamer.",
        "Mijn man hoorde vannacht stemmen die zeiden dat hij ons moest steken en hij had een mes in zijn hand.",
        "mn moeder zegt dat de stemmen willen dat ze de buren pijn doet, ze heeft een mes onder haar kussen",
    ],
)
def test_voices_ordering_harm_with_a_weapon_get_112_first_no_veilig_thuis(demo, text):
    res = demo.match(text)
    top = top_ids(res)
    assert top[:1] == [ALARM], top
    assert HUISARTS in top, top
    assert VEILIG_THUIS not in top, top


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zoon hoort stemmen, hij snijdt nu in de keuken groenten met een mes en is rustig.",
        "Mijn broer hoort soms stemmen maar kookt gewoon zelf, hij snijdt de uien met een scherp mes. Wie begeleidt hem?",
        "Mijn broer hoort stemmen en is erg in de war, hij slaapt niet meer. Wie kan helpen?",
    ],
)
def test_voices_and_a_knife_for_a_task_get_no_112(demo, text):
    res = demo.match(text)
    assert "acuut-gevaar" not in res.safety_levels, res.safety_levels
