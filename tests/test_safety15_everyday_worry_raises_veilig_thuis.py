"""Everyday worries raise no danger: a password kept for someone, a business sold at retirement, a mother who does
not pick up (helper safety15, ADR 0148; class 3 of the brief). Their twins (control over passwords and a phone, a
death wish after selling the business, no answer for days after a fall) still raise safety.

Sentences are our own, written before they were run; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, LINE_113, VEILIG_THUIS, top_ids

CRISIS_LINES = {VEILIG_THUIS, ALARM, LINE_113}


@pytest.mark.parametrize(
    "text",
    [
        "Mijn oma heeft haar wachtwoorden in een boekje gezet en dat aan mij gegeven zodat ik haar kan helpen met de computer.",
        "Mijn buurvrouw vroeg of ik haar pincode wil onthouden omdat ze hem steeds vergeet.",
        "Mijn vader heeft zijn zaak verkocht omdat hij met pensioen gaat en nu verveelt hij zich.",
        "Mijn broer heeft zijn bedrijf verkocht en gaat een wereldreis maken.",
        "Mijn vader reageert niet op mijn appjes, zijn telefoon staat zeker weer uit. Hij is zo vergeetachtig.",
        "Mijn oma neemt niet op als ik bel, ze hoort de telefoon vaak niet.",
        "Mijn moeder is haar mobiel alweer kwijt, ik kan haar niet bereiken.",
    ],
)
def test_an_everyday_worry_raises_no_danger(demo, text):
    res = demo.match(text)
    assert not res.safety_levels, res.safety_levels
    assert not CRISIS_LINES & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn vriend wil al mijn wachtwoorden weten en controleert elke dag mijn telefoon.",
        "Mijn man eist mijn wachtwoorden en leest al mijn berichten, ik mag niemand zien.",
        "Mijn vader heeft zijn bedrijf verkocht en zegt dat hij beter dood kan zijn.",
        pytest.param(
            "Mijn vader heeft zijn zaak moeten verkopen, hij slaapt niet meer en zegt dat we beter af zijn zonder hem.",
            marks=pytest.mark.xfail(
                strict=True,
                reason="left (ADR 0148): ADR 0143's burden kind reads '=zaak' as 'not at the shop' (unless)",
            ),
        ),
        "Mijn moeder is gisteren gevallen en neemt al twee dagen haar telefoon niet op.",
    ],
)
def test_its_dangerous_twin_still_raises_safety(demo, text):
    res = demo.match(text)
    assert res.safety_levels, top_ids(res)
