"""A question in another language without one Dutch function word got a guess of the theme word model (the
mid-session CI of 2026-12-07: "My neighbour's cat walks through our garden" read as opvoeding), so the front door lost
its honest why. The model guesses nothing there; a learner's mix of Dutch and English keeps its guess."""

from __future__ import annotations

import pytest
from builders import themes_of

from match.language import hardly_dutch


@pytest.mark.parametrize(
    "text",
    ["My neighbour's cat walks through our garden", "My cat keeps walking through the garden at night"],
)
def test_a_question_in_another_language_gets_no_guessed_theme(demo, text):
    assert hardly_dutch(text)
    result = demo.match(text)
    assert not themes_of(result), themes_of(result)
    assert result.front_door


@pytest.mark.parametrize(
    "text",
    ["brief van gemeente, I don't understand. help please", "ik heb schulden en kan de huur niet betalen"],
)
def test_dutch_or_a_learners_mix_is_not_hardly_dutch(text):
    assert not hardly_dutch(text)
