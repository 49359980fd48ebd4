"""tester21 N-E (docs/usertest/m12test21.md section 3; B3 twin): "Hoe kan ik mijn rekeningen automatisch laten
betalen? Ik snap internetbankieren niet." got "Helpt bij schulden" first and Schuldhulpverlening third. Paying bills
automatically, online banking, a direct debit (incasso), paying with an app: that is administration or digital help,
not debts. Not being able to pay the bills stays debts. Sentences of our own, written before the code.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

DEBT_SERVICES = ("svc-aalten-schuldhulpverlening", "svc-bfo-financiele-ondersteuning")

HOW_TO_PAY = [
    "Hoe kan ik mijn rekeningen automatisch laten betalen? Ik snap internetbankieren niet.",
    "Hoe zet ik een automatische incasso aan voor mijn huur?",
    "Wie helpt mij met online bankieren? Ik wil mijn rekeningen zelf betalen via de app.",
    "mijn moeder van 80 wil haar rekeningen via internet betalen maar snapt de bank app niet",
    "Kan iemand mij leren hoe ik een rekening betaal met mijn telefoon?",
    "ik wil dat mijn vaste lasten automatisch worden afgeschreven, hoe regel ik dat",
]

CANNOT_PAY = [
    "Ik kan mijn rekeningen niet betalen.",
    "Het lukt ons niet meer om de rekeningen te betalen, de aanmaningen stapelen zich op.",
    "mijn incasso's worden steeds gestorneerd want er staat geen geld op mijn rekening, ik heb schulden",
]


@pytest.mark.parametrize("text", HOW_TO_PAY)
def test_paying_bills_online_or_automatically_is_no_debt(demo, text):
    res = demo.match(text, near="Aalten")
    assert "schulden" not in themes_of(res), (text, themes_of(res))
    assert not set(top_ids(res, 3)) & set(DEBT_SERVICES), (text, top_ids(res))


@pytest.mark.parametrize("text", CANNOT_PAY)
def test_twin_bills_that_cannot_be_paid_stay_debts(demo, text):
    res = demo.match(text, near="Aalten")
    assert "schulden" in themes_of(res), (text, themes_of(res))
    assert set(top_ids(res, 3)) & set(DEBT_SERVICES), (text, top_ids(res))
