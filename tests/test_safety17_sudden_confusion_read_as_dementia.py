"""An older man suddenly confused and paranoid since yesterday is a delirium or a psychosis: the huisarts first, not
Veilig Thuis and not only the dementia casemanager (dev a732's class; helper safety17, ADR 0154). "Herkent mij niet"
reads as dementia, and dementia suppressed the psychiatric level; a sudden onset or a delusion ends that.

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import HUISARTS, VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Mijn moeder van 79 is sinds gisteren heel verward, ze herkent mij soms niet en zegt dat de buren haar "
        "afluisteren.",
        "opa (83) plakt de ramen af met folie omdat hij denkt dat hij bespioneerd wordt en is sinds vanochtend "
        "verward",
        "Mijn vader is opeens helemaal verward sinds vannacht en herkent mijn moeder niet meer.",
    ],
)
def test_sudden_confusion_gets_the_huisarts_first(demo, text):
    res = demo.match(text)
    assert "psychische-crisis" in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == HUISARTS, top_ids(res)
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn moeder heeft al jaren dementie, ze is vaak verward en herkent mij soms niet. Wie helpt mij als mantelzorger?",
        "mijn vader met alzheimer raakt steeds meer in de war, waar vind ik dagbesteding?",
    ],
)
def test_dementia_told_as_a_long_course_raises_no_crisis(demo, text):
    res = demo.match(text)
    assert "psychische-crisis" not in res.safety_levels, res.safety_levels
