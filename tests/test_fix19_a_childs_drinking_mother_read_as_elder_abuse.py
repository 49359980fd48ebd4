"""tester21 B5's new side as a class (ADR 0171): a child writing "mijn moeder drinkt elke avond en dan schreeuwt ze
tegen ons" got the chip "Een oudere die slecht behandeld wordt". A parent who shouts at the writer (or at "ons", the
writer and the siblings) is the one who does it, no older person who is treated badly; a parent named next to the
writer's little brother or sister is no elderly person. The danger stays: the children are its victims. Twins: an adult about a mother of 85 who is robbed or
scolded keeps elder abuse. Sentences of our own, written before the change was made.
"""

from __future__ import annotations

import pytest
from builders import themes_of

CHILD = [
    "mijn moeder drinkt elke avond en dan schreeuwt ze tegen ons, ik weet niet wat ik moet doen",
    "mijn vader drinkt elke avond en dan schreeuwt hij tegen ons",
    "papa drinkt heel veel bier en dan schreeuwt hij tegen mij en mijn zusje",
    "als mijn moeder gedronken heeft schreeuwt ze tegen mij",
    "mijn vader is vaak dronken en dan scheldt hij mij en mijn broertje uit",
    "mama drinkt wijn tot ze omvalt en schreeuwt dan tegen me, ik ben 12",
    "mijn ouders drinken veel en schreeuwen dan tegen ons",
]

ELDER = [
    "Mijn moeder van 85 wordt bestolen door de thuishulp, die pakt geld uit haar portemonnee",
    "mijn vader van 82 wordt door mijn broer uitgescholden en die pakt zijn geld af",
    "de buurman schreeuwt tegen mijn moeder van 88 en ze is bang voor hem",
]


@pytest.mark.parametrize("text", CHILD)
def test_a_parent_who_shouts_at_the_children_is_no_elder_abuse(demo, text):
    res = demo.match(text, limit=6)
    assert "ouderenmishandeling" not in themes_of(res), (text, themes_of(res))
    assert res.signals.get("veiligheid"), (text, themes_of(res), res.signals)  # still unsafe at home: the box


@pytest.mark.parametrize("text", ELDER)
def test_twin_an_old_mother_who_is_robbed_or_scolded_stays_elder_abuse(demo, text):
    res = demo.match(text, limit=6)
    assert "ouderenmishandeling" in themes_of(res), (text, themes_of(res))
