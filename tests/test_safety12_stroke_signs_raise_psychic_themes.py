"""Stroke signs are 112, not a psychiatric crisis (helper safety12, ADR 0139; tester13 t13-17).

Strange speech with a drooping face raised the psychosis rule next to the stroke rule: the answer named "ernstige
psychische nood" and a talk about levensvragen after 112. The stroke rule now replaces the psychosis reading of
the same signs (`replaces`); strange speech with voices or a delusion stays a psychosis. Our own sentences.
"""

from __future__ import annotations

import pytest
from builders import ALARM, themes_of, top_ids

PSYCHIC = {"psychische-crisis", "psychische-klachten", "zingeving", "levensvragen"}


@pytest.mark.parametrize(
    "text",
    [
        "Mijn moeder zegt ineens rare dingen en haar gezicht hangt scheef.",
        "Mijn opa praat ineens heel vreemd en zijn mond hangt scheef, wat moet ik doen?",
        "Mijn vader praat ineens raar. Zijn mond hangt scheef.",
    ],
)
def test_stroke_signs_put_112_first_and_raise_no_psychic_theme(demo, text):
    res = demo.match(text)
    assert top_ids(res)[0] == ALARM, top_ids(res)
    assert "psychische-crisis" not in res.safety_levels, res.safety_levels
    assert not PSYCHIC & themes_of(res), themes_of(res)
    # a medical emergency: the huisarts after 112, not the police (safety11's acute kinds, ADR 0136)
    assert "svc-politie-wijkagent" not in top_ids(res), top_ids(res)


def test_strange_speech_with_voices_stays_a_psychosis(demo):
    res = demo.match(
        "Mijn buurman praat ineens heel raar, hij hoort stemmen en denkt dat hij vergiftigd wordt."
    )
    assert "psychische-crisis" in res.safety_levels, res.safety_levels
    assert ALARM not in top_ids(res)[:1], top_ids(res)
