"""Lay Dutch mechanisms of ADR 0108 on the demo kaart: a denied lack and a clause-final exhaustion phrase.

"ik heb geen werk" is the need for work; "ik zoek geen werk" denies it, and the words of the denial must leave
the ranking too. "ik kan niet meer" is exhaustion; "ik kan niet meer fietsen" is what someone can no longer do.
"""

from __future__ import annotations

import pytest
from builders import themes_of as _themes
from builders import top_ids as _top


@pytest.mark.parametrize(
    ("text", "denied", "kept"),
    [
        ("ik zoek geen werk maar wel iets zinvols voor overdag", "werk", "werk-dagbesteding"),
        ("ik hoef geen huis, ik zoek iemand om mee te praten", "dakloosheid", "eenzaamheid"),
        ("we zoeken geen opvang voor de kinderen maar hulp bij de opvoeding", "kinderopvang", "opvoeding"),
    ],
)
def test_looking_for_none_of_a_lack_denies_it(demo, text, denied, kept):
    res = demo.match(text)
    assert denied not in _themes(res) and kept in _themes(res), _themes(res)


def test_a_denied_lack_leaves_the_ranking_too(demo):
    """Without the denial the work services fill the top 3 ("werk" found in "zoek geen werk")."""
    denied = demo.match("ik zoek geen werk maar wel iets zinvols voor overdag")
    assert "svc-werkcentrum-achterhoek" not in _top(denied)
    assert "svc-werkcentrum-achterhoek" in _top(demo.match("ik heb geen werk en zoek een baan"))


def test_having_none_is_still_the_need(demo):
    assert "werk" in _themes(demo.match("ik heb geen werk"))
    assert "dakloosheid" in _themes(demo.match("ik heb geen huis en slaap bij vrienden"))


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("ik kan niet meer fietsen en de bus komt hier niet", "vervoer"),
        ("mijn badkamer moet aangepast worden want ik kan niet meer in bad", "woningaanpassing"),
    ],
)
def test_what_one_can_no_longer_do_is_no_exhaustion(demo, text, theme):
    found = _themes(demo.match(text))
    assert theme in found and "psychische-klachten" not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "ik kan niet meer",
        "ik kan echt niet meer, alles is te veel",
        "ik kan niet meer van de stress",
        "ik zorg voor mijn moeder en ik kan niet meer",
    ],
)
def test_exhaustion_at_the_end_of_a_clause_is_still_found(demo, text):
    assert "psychische-klachten" in _themes(demo.match(text))


def test_an_uitzendbureau_named_as_the_setting_is_no_work_need(demo):
    """Where someone works or lives is not what they ask for; looking for work through one is."""
    assert "werk" not in _themes(
        demo.match("ik woon in een huis van het uitzendbureau en de huur gaat van mijn loon af")
    )
    assert "werk" in _themes(demo.match("ik wil me inschrijven bij een uitzendbureau"))
