"""Classes the lead fixed while merging session 6's work (issue 12).

- A need told with words between the verb and its particle: "we gaan in goede harmonie uit elkaar" is a separation
  (words.yaml `uit-elkaar-gaan`; questions6 dev s349), taking a cupboard apart is not.
- When a need has no service on the kaart, the services that exist for the other named needs come before those that
  only share a leefgebied with them (match/needfit.py `other_needs_first`): the casemanager dementie before
  ouderenwerk's "dingen van elke dag" for a mother with alzheimer looking for daytime activity, now that dementie also
  hangs under zelfredzaamheid (ADR 0125). tests/test_rank_door.py holds the ranking.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "we gaan in goede harmonie uit elkaar, wat moet ik regelen",
        "mijn vrouw en ik gaan na twintig jaar uit elkaar",
    ],
)
def test_separating_with_words_in_between_is_a_separation(demo, text):
    assert "echtscheiding" in {t["id"] for t in demo.match(text, limit=5).themes}


@pytest.mark.parametrize(
    "text",
    [
        "we gaan de oude kast uit elkaar halen voor de verhuizing",
        "we gaan morgen de speelgoedtrein uit elkaar halen",
    ],
)
def test_taking_things_apart_is_no_separation(demo, text):
    assert "echtscheiding" not in {t["id"] for t in demo.match(text, limit=5).themes}
