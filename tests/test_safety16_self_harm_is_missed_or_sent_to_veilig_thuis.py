"""Self-harm is a danger kind of its own (safety.yaml, helper safety16, ADR 0150; tester15 BROKEN 2, t15-29): told
by the person or a friend, it gets 113 (which counsels on self-harm too) and the huisarts, never Veilig Thuis or the
wijkagent because of a secret. Secrecy alone ("ik mag het niemand vertellen") is no home-safety signal. The harmless
twins (scratches on a car, cutting in the kitchen, a child who scratched her knee) raise nothing.

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, HUISARTS, LINE_113, VEILIG_THUIS, top_ids

WIJKAGENT = "svc-politie-wijkagent"
POH_JEUGD = "svc-huisartsen-poh-jeugd"


@pytest.mark.parametrize(
    "text",
    [
        "mijn beste vriendin snijdt in haar armen en ik mag het aan niemand zeggen",
        "Ik kras al een paar maanden in mijn armen als het me te veel wordt.",
        "Mijn zus van 16 doet zichzelf pijn, ik zag sneeën op haar bovenbenen.",
        "mn vriend beschadigt zichzelf en zegt dat ik het geheim moet houden wat moet ik doen",
        "Ik heb mezelf weer gesneden gisteravond en ik weet niet hoe ik moet stoppen.",
        "Onze dochter krast stiekem in haar polsen, we ontdekten het vandaag.",
        # found while probing: "doet zichzelf pijn" read as violence by a friend (rule pijn-doen)
        "ik ben 13 en mijn vriendin doet zichzelf pijn wat moet ik doen",
    ],
)
def test_self_harm_gets_113_and_the_huisarts_never_veilig_thuis(demo, text):
    res = demo.match(text)
    top = top_ids(res)
    assert "suicide" in res.safety_levels, res.safety_levels
    assert "onveilig-thuis" not in res.safety_levels, res.safety_levels
    assert LINE_113 in top, top
    assert VEILIG_THUIS not in top and WIJKAGENT not in top, top
    assert {HUISARTS, POH_JEUGD} & set(top_ids(res, 4)), top_ids(res, 4)


@pytest.mark.parametrize(
    "text",
    [
        "Iemand heeft krassen op mijn auto gemaakt, wie kan ik bellen?",
        "Ik heb me in de keuken in mijn vinger gesneden bij het snijden van uien.",
        "Mijn dochter van 6 is gevallen en heeft haar knie geschaafd en gekrast.",
        "Mijn vriendin vertelde me een geheim en ik mag het niemand vertellen, maar het knaagt.",
        "Onze kat krast in de bank en in mijn armen als ik hem optil.",
        "Mijn zoon snijdt graag hout in de schuur met een zakmes.",
        # found while probing the first rule (an accident is no self-harm)
        "Mijn dochter heeft zich gesneden aan een glas, moet ze naar de huisarts?",
        "Mijn buurman heeft zich gesneden bij het snoeien.",
    ],
)
def test_scratches_cuts_and_a_secret_in_everyday_life_raise_nothing(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not {VEILIG_THUIS, ALARM, LINE_113, WIJKAGENT} & set(top_ids(res)), top_ids(res)
