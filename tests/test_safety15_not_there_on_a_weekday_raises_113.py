"""Someone not being there on a day of the week, at work or at a meeting is no death wish; "het is beter als ik er
niet meer ben" still raises 113 (helper safety15, ADR 0148; class 4 of the brief, rule `er-niet-meer-zijn-beter`).

Sentences are our own, written before they were run; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, LINE_113, VEILIG_THUIS, themes_of, top_ids

CRISIS_LINES = {VEILIG_THUIS, ALARM, LINE_113}


@pytest.mark.parametrize(
    "text",
    [
        "Mijn leidinggevende zegt dat het beter is als ik er niet meer ben op vrijdag, ik moet minder uren.",
        "Mijn collega vindt het beter als ik er niet meer ben op maandag, dan kan zij thuiswerken.",
        "De juf zei dat het beter is als mijn zoon er niet meer is na drie uur, de opvang sluit dan.",
        "Het is beter als ik er niet meer ben bij die vergaderingen op kantoor, ik krijg er stress van.",
        "Mijn moeder vindt het beter als zij er niet meer is op donderdag, ze wil minder oppassen.",
    ],
)
def test_not_being_there_on_a_day_or_at_work_raises_no_113(demo, text):
    res = demo.match(text)
    assert LINE_113 not in top_ids(res), top_ids(res)
    assert "suicidaliteit" not in themes_of(res), themes_of(res)


@pytest.mark.parametrize(
    "text",
    [
        "het is beter als ik er niet meer ben",
        "Iedereen is beter af als ik er niet meer ben.",
        "Mijn dochter zegt dat het beter is als zij er niet meer is, ze wil niet meer leven.",
        "Het zou voor iedereen beter zijn als ik er niet meer was.",
        "Het is beter als ik er niet meer ben, dan heeft niemand op het werk nog last van mij.",
    ],
)
def test_a_wish_not_to_be_there_still_raises_113(demo, text):
    res = demo.match(text)
    assert LINE_113 in top_ids(res), top_ids(res)
