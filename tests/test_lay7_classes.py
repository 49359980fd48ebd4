"""The classes behind the dev failures of the sixth eval batch and what helper youth7 left (issue 12 points 1, 2,
4 and 9; docs/usertest/questions6-dev-failures.md classes E, F, H, I, D2; ADR 0128). Sentences of our own on the
Aalten demo kaart, each class with a control that keeps its old answer.
"""

from __future__ import annotations

import pytest

DEBT_ADULT = {"svc-aalten-schuldhulpverlening", "svc-bfo-financiele-ondersteuning"}
YOUTH = {
    "svc-figulus-jeugd-jongerenwerk",
    "svc-huisartsen-poh-jeugd",
    "svc-ggd-nog-jgz",
    "svc-yunio-jgz",
    "svc-aalten-jeugdconsulent",
    "svc-aalten-ot-ondersteuning",
    "svc-jeugdstem-vertrouwenspersoon",
    "svc-inhuis-steungezin",
}


def _ids(res, n: int = 3) -> list[str]:
    return [r["service_id"] for r in res.results[:n]]


# E. The asker's age without "ik" (ADR 0128): chat and teen style.
@pytest.mark.parametrize(
    "text",
    [
        "ben 16 en heb een boete van de ov die ik niet kan betalen, nu komen er aanmaningen",
        "16 jaar hier, ik heb een schuld bij een webwinkel en er komen aanmaningen",
        "(16) heb een schuld bij een webwinkel en er komen aanmaningen, hoe los ik dat op",
        "ik (16) heb een schuld bij een webwinkel en er komen aanmaningen",
        "m16 hier, schuld bij een webwinkel en er komen aanmaningen",
        "16j, schuld bij een webwinkel en er komen aanmaningen. help",
        "ik ben een jongen van 16 en heb een schuld bij een webwinkel, er komen aanmaningen",
    ],
)
def test_a_teenager_who_writes_the_age_without_ik_gets_no_adults_only_debt_help(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = _ids(res)
    assert not DEBT_ADULT & set(top), (text, top)
    assert YOUTH & set(top), (text, top)
    assert res.register == "je"


@pytest.mark.parametrize(
    "text",
    [
        "ben 46 en heb een schuld bij een webwinkel, er komen aanmaningen",
        "ik woon 16 jaar hier en heb een schuld bij een webwinkel, er komen aanmaningen",
        "ik woon al 16 jaar hier en heb schulden, er komen aanmaningen",
    ],
)
def test_control_an_adult_or_a_duration_keeps_the_debt_help(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert DEBT_ADULT & set(_ids(res)), (text, _ids(res))
