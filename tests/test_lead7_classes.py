"""Over-escalations the lead fixed while merging session 7's work (issue 12 point 5), each as a class.

- Someone else's death told before a new clause is no wish to die: "sinds opa dood is wil onze dochter ..." put 113
  first (rule `dood-willen` reached over "dood is"; youth8's report). The wish told verb first still raises
  ("sinds opa dood is wil ik ook dood": rule `wil-ook-dood`).
- "post" the noun (someone's mail) is no goodbye posted: a widower who "kan zijn post niet meer lezen" since his wife
  "er niet meer is" got 113 first (rule `afscheid-gepost`; tester12 F1).
- A neighbour's shouting is burenoverlast: the safety model read it 0.81 as danger at home once its thresholds fell to
  0.72 (ADR 0130); the rules placed the story in burenoverlast, which now explains it (second_opinion.explained_by).
  Likewise chronische-ziekte (movements in the sleep from parkinson, read 0.80), and a relative who manages a parent's
  money (second_opinion.unless, restored: tests/test_match.py failed once lay8, lay9 and safety9 met).
"""

from __future__ import annotations

import pytest


def _levels(result) -> set[str]:
    return {t["id"] for t in result.themes}


@pytest.mark.parametrize(
    "text",
    [
        "sinds oma dood is wil mijn zoon niet meer naar voetbal",
        "sinds onze hond dood is wil de kleine niet meer buiten spelen",
        "mijn opa kan sinds mijn oma er niet meer is zijn post niet meer bijhouden",
        "mijn moeder leest haar post niet meer sinds mijn vader er niet meer is, wie helpt",
    ],
)
def test_someone_elses_death_raises_no_suicide_line(demo, text):
    result = demo.match(text, limit=3)
    assert "suicidaliteit" not in _levels(result)
    assert not result.signals["crisis"]


@pytest.mark.parametrize(
    "text",
    [
        "sinds oma dood is wil ik ook dood",
        "mijn vader is dood en ik wil ook dood zijn",
        "mijn vriend postte gisteravond dat hij er morgen niet meer is",
    ],
)
def test_the_wish_to_die_still_puts_113_first(demo, text):
    result = demo.match(text, limit=3)
    assert "suicidaliteit" in _levels(result)
    assert "113" in result.results[0]["name"]


@pytest.mark.parametrize(
    "text",
    [
        "de bovenbuurman schreeuwt elke avond tegen zijn tv",
        "de bovenbuurman schreeuwt elke avond",
    ],
)
def test_a_shouting_neighbour_is_no_danger_at_home(demo, text):
    result = demo.match(text, limit=3)
    assert not result.signals["veiligheid"]
    assert all("Veilig Thuis" not in r["name"] for r in result.results[:3])


@pytest.mark.parametrize(
    "text",
    [
        "mijn man heeft parkinson en slaat mij als hij boos is",
        "mijn man heeft ms en sinds kort duwt en slaat hij me",
    ],
)
def test_an_ill_partner_who_hits_still_raises_danger_at_home(demo, text):
    """chronische-ziekte explains movements in the sleep for the word model (second_opinion.explained_by), never a
    partner who hits: the rules raise it."""
    result = demo.match(text, limit=3)
    assert result.signals["veiligheid"]
    assert "Veilig Thuis" in result.results[0]["name"]
