"""tester20 B11 as a class (ADR 0169): after 112 for stroke signs the next cards were the wijkagent and Procesregie
Zorg & Veiligheid, and for one wording the API said `signals.crisis` false while the page showed the 112 box. A
bodily emergency (what is wrong with a body: a face, an arm, speech, breath, a fall) needs the huisarts after 112,
whatever rule or model raised the acute level; and the API's crisis signal says what the box says. Twins: violence
keeps the police and Veilig Thuis; a stroke of the past raises no 112. Sentences of our own, written before the
change was made.
"""

from __future__ import annotations

import pytest

SAFETY_CLUSTER = {"svc-politie-wijkagent", "svc-aalten-zorg-veiligheid", "svc-regionaal-veiligheidsteam"}
# the huisarts, the wijkverpleging, and for a child the jeugdarts (JGZ): the doctors of this kaart
MEDICAL_NEXT = {"svc-huisartsen-poh", "svc-wijkverpleging", "svc-yunio-jgz", "svc-ggd-nog-jgz"}

BODILY = [
    "Mijn moeder van 82 praat ineens onduidelijk en haar linkerarm is helemaal slap.",
    "Opeens hangt de mondhoek van mijn vader naar beneden en hij kan zijn woorden niet meer vinden.",
    "Mijn man kan ineens zijn rechterarm niet meer optillen en zijn gezicht hangt scheef.",
    "opa praat opeens heel raar en zijn mond hangt naar 1 kant",
    "Mijn vrouw zakte net in elkaar en reageert niet meer",
    "mijn zoon is door een wesp gestoken en zijn gezicht zwelt op, hij is heel benauwd",
]


def _top(res, n=3):
    return [r["service_id"] for r in res.results[:n]]


@pytest.mark.parametrize("text", BODILY)
def test_after_112_for_a_bodily_emergency_come_the_doctors_not_the_police(demo, text):
    res = demo.match(text, limit=10)
    top = _top(res)
    assert top and top[0] == "svc-112-alarmnummer", (text, top)
    assert not SAFETY_CLUSTER & set(top), (text, top)
    assert MEDICAL_NEXT & set(top), (text, top)


@pytest.mark.parametrize("text", BODILY)
def test_the_api_crisis_signal_says_what_the_112_box_says(demo, text):
    res = demo.match(text, limit=10)
    assert "acuut-gevaar" in res.safety_levels, text
    assert res.signals["crisis"] is True, (text, res.signals)


def test_twin_violence_keeps_the_police_or_veilig_thuis(demo):
    res = demo.match("Mijn ex staat met een mes voor de deur en bedreigt me", limit=10)
    top = _top(res)
    assert top[0] == "svc-112-alarmnummer", top
    assert {"svc-politie-wijkagent", "svc-veilig-thuis-advies-melden"} & set(top), top


def test_twin_a_stroke_of_the_past_raises_no_112(demo):
    res = demo.match(
        "Mijn vader heeft vorig jaar een beroerte gehad en zoekt nu lotgenoten om mee te praten."
    )
    assert "svc-112-alarmnummer" not in _top(res, 5)
    assert res.signals["crisis"] is False
