"""Pain from carrying or caring is a body that hurts, not self-harm: "ik loop rondjes tot mijn armen pijn doen"
(dev s569: a crying baby of 7 weeks got 113 first), "mijn rug doet pijn van het tillen" (helper safety22, ADR 0176).
The body part is the subject of "pijn doen"; in self-harm the person does it to themself ("ik doe mezelf pijn",
"ik kras in mijn armen"), and that keeps 113.

Sentences are our own, written before the code changed.
"""

from __future__ import annotations

import pytest
from builders import top_ids

LINES_113 = {"svc-113-hulplijn", "svc-hulplijn-113"}


@pytest.fixture(params=["demo", "region"], scope="module")
def kaart(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize(
    "text",
    [
        "ons kindje huilt de hele avond, ik loop rondjes tot mijn armen pijn doen",
        "Mijn rug doet pijn van het tillen van mijn moeder, wie kan helpen met de zorg?",
        "ik draag mijn baby de hele dag want ze huilt zo, mijn armen en schouders doen zeer",
        "Door het verzorgen van mijn man heb ik pijn in mijn armen.",
        "ik sjouw elke dag de boodschappen voor mijn opa en mn armen doen pijn",
        "Na het wiegen van onze tweeling deden mijn armen zo'n pijn dat ik niet kon slapen.",
        "mijn armen doen pijn van het duwen van de rolstoel van mijn vrouw",
    ],
)
def test_pain_from_carrying_or_caring_raises_no_danger(kaart, text):
    res = kaart.match(text)
    assert not {"suicide", "onveilig-thuis", "acuut-gevaar"} & set(res.safety_levels), res.safety_levels
    assert not LINES_113 & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "ik doe mezelf pijn als het te veel wordt",
        "ik kras in mijn armen",
        "Ik snij mezelf in mijn armen tot het pijn doet.",
        "ik sla mezelf tot het pijn doet",
        "mijn dochter van 15 doet zichzelf pijn, ze krast in haar armen",
        "als de baby huilt en ik het niet meer aan kan doe ik mezelf pijn",
    ],
)
def test_pain_done_to_oneself_keeps_113(kaart, text):
    res = kaart.match(text)
    assert "suicide" in res.safety_levels, (res.safety_levels, top_ids(res))
