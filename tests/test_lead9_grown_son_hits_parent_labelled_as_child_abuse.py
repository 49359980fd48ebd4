"""A grown son who hit his parent, told in the perfect tense, was labelled child abuse (tester15 r15-E, lead).

"Mijn zoon van 23 heeft me geslagen" got Veilig Thuis first (right) but the theme and the why-line "een kind dat
thuis niet veilig is" (wrong: the son is the one who hits). ADR 0142's child_against_parent looked for the writer
("me", "mij") only after the harm verb, as in "slaat mij"; in the perfect tense the object stands before the
participle. Sentences are our own; a child as the one hit keeps the child-abuse theme.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, themes_of, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zoon van 23 heeft me geslagen, ik weet niet wat ik moet doen.",
        "onze dochter van 31 heeft mij gisteren geduwd en geschopt",
        "Mijn zoon heeft me weer geslagen toen ik hem geen geld gaf.",
    ],
)
def test_a_grown_child_who_hit_the_writer_is_violence_at_home_not_child_abuse(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
    assert "kindermishandeling" not in themes_of(res), themes_of(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn man heeft mijn zoon van 8 geslagen.",
        "Mijn zoon van 8 is geslagen door zijn vader.",
        "mijn zoon van 23 heeft zijn dochtertje geslagen",
    ],
)
def test_a_child_who_was_hit_keeps_the_child_abuse_theme(demo, text):
    res = demo.match(text)
    assert "kindermishandeling" in themes_of(res), themes_of(res)
    assert VEILIG_THUIS in top_ids(res), top_ids(res)
