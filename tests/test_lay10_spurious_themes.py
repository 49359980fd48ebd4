"""tester12 F8 (docs/usertest/m12test12.md, ADR 0137): a theme from a word said in passing: a separation from "mijn
ex" in a story about something else, work from "naast mijn baan", housing from "ik woon in een huurhuis".
Sentences of our own; each with a control in which the same word is the question.
"""

from __future__ import annotations

import pytest
from builders import themes_of


@pytest.mark.parametrize(
    "text",
    [
        "mijn ex dreigt mijn naaktfoto's te delen als ik niet betaal",
        "mijn ex-vriend staat elke avond voor mijn deur en ik durf niet meer naar buiten",
    ],
)
def test_an_ex_named_in_another_story_is_no_separation(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "echtscheiding" not in themes_of(res), (text, res.themes)


@pytest.mark.parametrize(
    "text",
    [
        "mijn ex en ik zijn uit elkaar en we hebben ruzie over de omgang",
        "mijn ex betaalt de alimentatie voor de kinderen niet",
    ],
)
def test_control_an_ex_with_the_separation_or_the_children_is_a_separation(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "echtscheiding" in themes_of(res), (text, res.themes)


@pytest.mark.parametrize(
    "text",
    [
        "naast mijn baan zorg ik voor mijn schoonmoeder met alzheimer en het wordt me te veel",
        "ik werk fulltime en mijn zoon van 7 wordt gepest op school, wat kan ik doen?",
    ],
)
def test_a_job_said_in_passing_is_no_work_question(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "werk" not in themes_of(res), (text, res.themes)


@pytest.mark.parametrize(
    "text",
    ["naast mijn baan zoek ik een andere baan met betere uren", "ik ben mijn baan kwijt en zoek nieuw werk"],
)
def test_control_a_job_asked_about_is_work(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "werk" in themes_of(res), (text, res.themes)
