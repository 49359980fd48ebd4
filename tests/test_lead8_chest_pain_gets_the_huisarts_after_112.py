"""Chest pain told with "zijn/haar borst" is a medical emergency (lead, tester14 R06): "pijn op zijn borst die naar
zijn arm trekt en hij zweet" got 112 and then the wijkagent, because the medical kind knew only "pijn op de borst".
Our own sentences, none a tester's."""

from __future__ import annotations

import pytest
from builders import ALARM, HUISARTS, top_ids

POLICE_LIKE = {"svc-politie-wijkagent", "svc-aalten-zorg-veiligheid", "svc-regionaal-veiligheidsteam"}


@pytest.mark.parametrize(
    "text",
    [
        "mijn vrouw heeft ineens pijn in haar borst en ze is helemaal klam en misselijk",
        "mijn buurman heeft een drukkend gevoel op zijn borst dat naar zijn kaak trekt, wat moet ik doen",
    ],
)
def test_chest_pain_told_with_his_or_her_chest_gets_112_then_the_huisarts(demo, text):
    res = demo.match(text)
    top = top_ids(res)
    if "acuut-gevaar" not in res.safety_levels:
        pytest.fail(f"no acute danger: {res.safety_levels} {top}")
    assert top[0] == ALARM, top
    assert HUISARTS in top[1:3], top
    assert not POLICE_LIKE & set(top), top
