"""A relative's psychiatric crisis told indirectly (helper safety18, ADR 0158, class 5 of the brief): days without
sleep and strange talk, messages from the television, a manic week of buying, sudden suspicion. The huisarts (or a
crisis route) first; no Veilig Thuis, no 113 with no hint of suicide. The twins: a grandfather with known dementia,
a teenager who sleeps badly before exams, a friend short of money after a sale. These passed on main 896d971: they
guard the first route while other classes change.

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import HUISARTS, LINE_113, VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zus slaapt al dagen niet en praat heel raar, ze zegt dat de televisie haar berichten stuurt",
        "Mijn moeder denkt dat de tv berichten voor haar uitzendt en is ineens heel achterdochtig",
        "mijn vriend heeft in een week allemaal dure dingen gekocht die hij niet kan betalen en slaapt bijna niet, "
        "hij praat zo snel",
        "Mijn man is ineens heel achterdochtig, hij denkt dat de buren hem afluisteren en slaapt niet meer",
        "mijn broer van 25 praat al drie dagen onsamenhangend en zegt dat hij een boodschap van god krijgt",
        "Mijn dochter zegt dat er camera's in haar kamer hangen die haar bespioneren, ze slaapt niet",
    ],
)
def test_a_psychiatric_crisis_puts_the_huisarts_first(demo, text):
    res = demo.match(text)
    assert "psychische-crisis" in res.safety_levels, res.safety_levels
    assert top_ids(res)[:1] == [HUISARTS], top_ids(res)
    assert VEILIG_THUIS not in top_ids(res) and LINE_113 not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn opa heeft dementie en vergeet steeds de namen van de kleinkinderen",
        "Mijn zoon van 16 slaapt slecht voor zijn examens",
        "Mijn vriend heeft veel gekocht in de uitverkoop en zit nu krap bij kas",
    ],
)
def test_the_twin_raises_no_crisis(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
