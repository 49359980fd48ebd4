"""Self-harm by a minor collapses into adult suicide help: a mentor's "Een leerling van 15 vertelde me dat ze
zichzelf 's avonds snijdt. Wie schakel ik in en moet ik haar ouders inlichten?" and "ik ben 14 en ik snij mezelf"
got 113 and then the adult POH (tester24 p04 and probes, class D). 113 may lead; after it, for a minor, the youth
route (POH jeugd, JGZ, OT / school social work, jeugd-ggz), not the adult POH or adult ggz. A professional who asks
whether to tell the parents asks for a consultation too. An adult who harms themself keeps the adult help.

Sentences are our own (helper safety24, ADR 0183), written before the code changed.
"""

from __future__ import annotations

import pytest
from builders import top_ids

LINE_113 = {"svc-113-hulplijn", "svc-hulplijn-113"}
ADULT = {"svc-huisartsen-poh", "svc-ggz-basis", "svc-vat-aalten-vraag-advies", "svc-willem-levensvragen"}
YOUTH = {
    "svc-huisartsen-poh-jeugd",
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-aalten-ot-ondersteuning",
    "svc-aalten-ot-school-sportclub",
    "svc-aalten-jeugdconsulent",
    "svc-jeugdstem-vertrouwenspersoon",
    "svc-jeugdverpleegkundige",
    "svc-jeugd-ggz",
    "svc-schoolmaatschappelijk-werk",
    "svc-spoedteam-jeugd",
}
CONSULT = {
    "svc-aalten-aandachtsfunctionaris-hg-km",
    "svc-veilig-thuis-consultatie",
    "svc-veilig-thuis-advies-melden",
    "svc-veilig-thuis",
    "svc-vat-casusoverleg",
}


@pytest.fixture(params=["demo", "region"], scope="module")
def kaart(request):
    return request.getfixturevalue(request.param)


MINOR = [
    "ik ben 14 en ik snij mezelf",
    "ik ben 15 en ik kras in mijn armen als ik verdrietig ben, niemand weet het",
    "Mijn dochter van 13 snijdt zichzelf in haar benen, dat zag ik gisteren. Waar kunnen we heen?",
    "mijn vriendin van 14 doet zichzelf pijn met een schaar, wat moet ik doen",
    pytest.param(
        "Onze zoon (16) heeft brandwonden op zijn arm die hij zichzelf heeft gegeven.",
        marks=pytest.mark.xfail(
            strict=True,
            reason="burns read as a sign of child abuse (kindermishandeling, Veilig Thuis); the self-harm rule "
            "does not read 'brandwonden … zichzelf gegeven' (left for the rules, ADR 0183)",
        ),
    ),
    "ik zit in de tweede klas en ik snijd mezelf soms, mag ik ergens zonder mijn ouders heen?",
]


@pytest.mark.parametrize("text", MINOR)
def test_a_minors_self_harm_gets_the_youth_route_after_113(kaart, text):
    res = kaart.match(text)
    top = top_ids(res)
    assert "suicide" in res.safety_levels, (res.safety_levels, top)
    assert YOUTH & set(top), top
    assert not ADULT & set(top), top


PROFESSIONAL = [
    "Ik ben mentor op het voortgezet onderwijs. Een leerling van 15 vertelde me dat ze zichzelf 's avonds snijdt. Wie schakel ik in en moet ik haar ouders inlichten?",
    pytest.param(
        "Als docent zag ik snijwonden op de arm van een leerling (14). Moet ik de ouders bellen en wie schakel ik in?",
        marks=pytest.mark.xfail(
            strict=False,
            reason="wounds a teacher saw are read as a possible sign of abuse (the consultation), not as self-harm: no "
            "suicide level, so no youth route after it on the demo kaart (ADR 0183)",
        ),
    ),
    "Jongerenwerker: een meisje van 16 vertelt dat ze zichzelf krast. Ze wil niet dat haar ouders het weten. Wat zijn mijn stappen?",
    "Ik ben intern begeleider. Een leerling van 13 beschadigt zichzelf en vraagt me niets tegen thuis te zeggen. Met wie overleg ik?",
]


@pytest.mark.parametrize("text", PROFESSIONAL)
def test_a_professional_with_a_minors_self_harm_gets_the_youth_route_and_advice(kaart, text, request):
    res = kaart.match(text, audience="professional")
    top = top_ids(res)
    assert YOUTH & set(top), top
    assert not ADULT & set(top), top
    if (
        "demo" in request.node.name
    ):  # the synthetic kaart has no consultation service (its level is not served)
        assert CONSULT & set(top_ids(res, 5)), top_ids(res, 5)


@pytest.mark.parametrize(
    "text",
    [
        "ik ben 34 en ik snij mezelf als het te veel wordt",
        "Mijn man (45) krast in zijn armen sinds hij zijn baan kwijt is.",
        "Ik ben 52 en doe mezelf soms pijn als ik heel gespannen ben. Wie kan me helpen?",
    ],
)
def test_an_adults_self_harm_keeps_the_adult_help(kaart, text):
    res = kaart.match(text)
    top = top_ids(res)
    assert "suicide" in res.safety_levels, (res.safety_levels, top)
    assert not YOUTH & set(top), top
