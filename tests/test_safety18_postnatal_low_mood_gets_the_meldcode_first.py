"""On the professional page a JGZ nurse's question about a mother six weeks after a birth who is flat and "zegt dat
ze niks voelt voor haar kind" put the aandachtsfunctionaris and Veilig Thuis consultation first (tester17 t17-21;
helper safety18, ADR 0158). Her low mood is the question: the huisarts/POH and the JGZ lead. A concern for the
baby's care (not fed, a dirty nappy for a day, a doubt whether the baby is safe) keeps the consultation.

Sentences are our own (the first is close to tester17's), written before the code changed; none an eval question's.
"""

from __future__ import annotations

import pytest
from builders import HUISARTS, VEILIG_THUIS, top_ids

AANDACHTSFUNCTIONARIS = "svc-aalten-aandachtsfunctionaris-hg-km"


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben JGZ-verpleegkundige. Een moeder van een baby van 6 weken is vlak en zegt dat ze niks voelt voor haar "
        "kind. Haar partner werkt in het buitenland. Wie kan ik inschakelen?",
        "Kraamvrouw, baby 5 weken, zegt dat ze geen band voelt met haar kindje en huilt veel. Welke hulp kan ik erbij "
        "halen?",
    ],
)
def test_a_mother_low_after_a_birth_gets_the_huisarts_first(demo, text):
    res = demo.match(text, audience="professional")
    assert "consultatie" not in res.safety_levels, res.safety_levels
    assert top_ids(res)[:1] == [HUISARTS], top_ids(res)
    assert AANDACHTSFUNCTIONARIS not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Moeder 2 maanden na de bevalling somber, zegt dat ze niks voelt voor de baby, de baby wordt niet gevoed en "
        "ligt de hele dag in een vieze luier. Wie schakel ik in?",
        "Jonge moeder, baby van 3 weken, ik twijfel of de baby veilig is bij haar, ze is somber en boos op de baby",
    ],
)
def test_a_concern_for_the_babys_care_keeps_the_consultation(demo, text):
    res = demo.match(text, audience="professional")
    assert res.safety_levels, res.safety_levels
    ids = top_ids(res)
    assert AANDACHTSFUNCTIONARIS in ids or VEILIG_THUIS in ids or "svc-veilig-thuis-consultatie" in ids, ids
