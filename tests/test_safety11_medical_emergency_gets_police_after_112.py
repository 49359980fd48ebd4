"""After 112 for an acute MEDICAL emergency the next answers were the wijkagent and Procesregie Zorg & Veiligheid
(tester12 F6, helper safety11, ADR 0136): a head injury, an allergic reaction or someone who collapsed needs the
huisarts next (the demo kaart has no huisartsenpost: the huisarts and POH), violence needs the police and Veilig
Thuis. The kind is data (safety.yaml `acute_kinds`). A wasp's sting of a son is no stabbing by a son: no Veilig
Thuis. Violence told with a bleeding head stays violence. Our own sentences, none a tester's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, HUISARTS, VEILIG_THUIS, top_ids

POLICE_LIKE = {"svc-politie-wijkagent", "svc-aalten-zorg-veiligheid", "svc-regionaal-veiligheidsteam"}


@pytest.mark.parametrize(
    "text",
    [
        "oma is in de badkamer uitgegleden en bloedt erg uit haar hoofd en reageert niet goed",
        "mijn man is ineens in elkaar gezakt op de bank en ademt raar",
        "mijn vader heeft een scheve mond en kan zijn arm niet meer bewegen",
        "mijn buurvrouw heeft een garnaal gegeten en haar tong zwelt op, ze kan slecht ademen",
    ],
)
def test_a_medical_emergency_gets_112_then_the_huisarts_not_the_police(demo, text):
    res = demo.match(text)
    assert res.safety_levels == ["acuut-gevaar"], res.safety_levels
    top = top_ids(res)
    assert top[0] == ALARM, top
    assert HUISARTS in top[1:3], top
    assert not POLICE_LIKE & set(top), top


def test_a_wasp_sting_of_a_son_is_no_violence_at_home(demo):
    res = demo.match("mijn zoon is gestoken door een wesp en zijn gezicht zwelt op en hij kan slecht ademen")
    assert res.safety_levels == ["acuut-gevaar"], res.safety_levels
    assert top_ids(res)[0] == ALARM and VEILIG_THUIS not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "mijn ex staat met een mes voor de deur en schreeuwt dat hij binnenkomt",
        "mijn man heeft me net geslagen en nu bloedt mijn hoofd heel erg",
    ],
)
def test_acute_violence_keeps_112_then_veilig_thuis_or_the_police(demo, text):
    res = demo.match(text)
    assert res.safety_levels[0] == "acuut-gevaar", res.safety_levels
    top = top_ids(res)
    assert top[0] == ALARM, top
    assert ({VEILIG_THUIS} | POLICE_LIKE) & set(top[1:3]), top
