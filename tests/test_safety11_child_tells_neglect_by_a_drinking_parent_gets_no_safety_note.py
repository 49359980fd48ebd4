"""A child who cooks for a sibling because a parent is drunk got no safety note (tester12 I01, helper safety11, ADR
0136): the word model read it as danger at home, but a parent's drinking (`middelengebruik`) "explained" the worry
as an adult's worry about a partner's addiction (ADR 0129), and a guessed need put the gemeente's front door first.
A child's own worry about home is not explained by a parent's drinking (safety.yaml `explained_by.child`): Veilig
Thuis first, in "je". A child who cooks because a parent is ill, or whose father drinks a beer at football, raises
nothing. Our own sentences, none a tester's.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

CRISIS = {VEILIG_THUIS, "svc-112-alarmnummer", "svc-113-hulplijn"}


@pytest.mark.parametrize(
    "text",
    [
        "papa drinkt elke avond bier tot hij op de bank in slaap valt. ik maak dan zelf eten voor mijn broertje. "
        "ik durf het niet aan de meester te zeggen",
        "mijn moeder gebruikt drugs en ligt de hele dag in bed, ik breng mijn zusje naar school en kook voor ons",
    ],
)
def test_a_child_caring_for_a_sibling_because_a_parent_drinks_gets_veilig_thuis(demo, text):
    res = demo.match(text)
    assert res.safety_levels == ["onveilig-thuis"], res.safety_levels
    assert top_ids(res)[0] == VEILIG_THUIS, top_ids(res)
    assert res.register == "je", res.register


@pytest.mark.parametrize(
    "text",
    [
        "mijn moeder is ziek en dan kook ik voor mijn broertje en mij, dat vind ik eigenlijk leuk",
        "mijn papa drinkt soms een biertje bij het voetbal, ik vind dat stom",
        "mijn vrouw drinkt elke avond een fles wijn, hoe krijg ik haar naar de verslavingszorg",
    ],
)
def test_an_ill_parent_a_beer_or_an_adults_worry_about_a_partner_raises_nothing(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not CRISIS & set(top_ids(res)), top_ids(res)
