"""A professional's question with a safety doubt AND an everyday need keeps one consultation route first, then the
service made for that need (helper safety14, ADR 0143).

tester13 class E and tester14 t14-21: on the professional page the top 3 was the three meldcode routes
(aandachtsfunctionaris, Veilig Thuis for the lokale team, Veilig Thuis 0800-2000) while the question also asked who
could help with the mother's low mood after a birth; the huisarts/POH the question asked for was out of view.
fix13 capped the routes at two and moved up "the best other fitting help": that put a wrong service into a held-out
top 3 (ADR 0140). The narrower rule: only a service that exists for (a central theme) an everyday need the question
names goes to place 2, after one route. A question with only the doubt keeps the routes.

Eight questions of our own, written and graded before the code was changed: none a tester's or an eval question.
Per question: the services of which one must be in the top 3 (the need's own help), and services that must not be.
"""

from __future__ import annotations

import pytest

CONSULT = {
    "svc-aalten-aandachtsfunctionaris-hg-km",
    "svc-veilig-thuis-consultatie",
    "svc-veilig-thuis-advies-melden",
}

# (question, one of these must be in the top 3 (empty: none asked), none of these in the top 3)
GRADED = [
    (
        "Ik ben kraamverzorgster. De moeder huilt de hele dag sinds de bevalling en laat de baby vaak lang liggen. "
        "Wie kan ik erbij halen en moet ik dit melden?",
        {"svc-huisartsen-poh", "svc-yunio-jgz", "svc-ggd-nog-jgz", "svc-yunio-home-start"},
        {"svc-kinderopvang-aalten", "svc-112-alarmnummer", "svc-raad-voor-de-kinderbescherming"},
    ),
    (
        "Als leerkracht zie ik een jongen uit groep 6 die vaak honger heeft. Thuis zijn er grote schulden en ik "
        "twijfel of hij wel veilig is. Wie kan het gezin helpen met de schulden?",
        {"svc-aalten-schuldhulpverlening", "svc-bfo-financiele-ondersteuning"},
        {"svc-112-alarmnummer", "svc-kinderopvang-aalten"},
    ),
    (
        "Wijkcoach hier. Een man met dementie wordt door zijn dochter soms hardhandig vastgepakt, zij is "
        "overbelast als mantelzorger. Wie kan haar ondersteunen en waar vraag ik advies?",
        {"svc-figulus-mantelzorgondersteuning", "svc-casemanager-dementie"},
        {"svc-112-alarmnummer", "svc-raad-voor-de-kinderbescherming"},
    ),
    (
        "Ik werk als doktersassistente. Een oudere vrouw vertelt dat haar kleinzoon geld van haar rekening haalt. "
        "Ze is ook erg eenzaam sinds ze weduwe is. Wie kan ik inschakelen?",
        {"svc-figulus-ouderenwerk", "svc-figulus-welzijnscoach"},
        {"svc-112-alarmnummer", "svc-kinderopvang-aalten"},
    ),
    (
        "Als pedagogisch medewerker van de peuteropvang maak ik me zorgen: een peuter heeft vaak blauwe plekken en "
        "de moeder zegt dat ze de opvoeding niet meer aankan. Wie kan ik inschakelen?",
        {
            "svc-yunio-home-start",
            "svc-inhuis-steungezin",
            "svc-yunio-jgz",
            "svc-ggd-nog-jgz",
            "svc-aalten-ot-ondersteuning",
        },
        {"svc-112-alarmnummer"},
    ),
    (
        "Ik ben jongerenwerker. Een meisje van 15 vertelt dat haar stiefvader haar soms slaat en dat ze daarom "
        "niet meer naar huis durft. Waar kan ik advies vragen?",
        set(),  # only the doubt (and fear of home): the routes stay
        {"svc-kinderopvang-aalten", "svc-figulus-ouderenwerk"},
    ),
    (
        "Als leerkracht twijfel ik of ik een vermoeden van kindermishandeling moet melden: een leerling heeft steeds "
        "blauwe plekken op zijn armen. Wat moet ik doen?",
        set(),  # no everyday need: the routes stay
        {"svc-kinderopvang-aalten", "svc-112-alarmnummer"},
    ),
    (
        "Als wijkverpleegkundige kom ik bij een mevrouw die sinds de dood van haar man heel somber is en niet meer "
        "eet. Ik twijfel of haar zoon, die bij haar woont, goed voor haar zorgt. Wie kan ik inschakelen?",
        {
            "svc-huisartsen-poh",
            "svc-vat-aalten-verkennend-gesprek",
            "svc-willem-levensvragen",
            "svc-figulus-ouderenwerk",
        },
        {"svc-kinderopvang-aalten", "svc-raad-voor-de-kinderbescherming"},
    ),
]


def _ids(res, n=3):
    return [r["service_id"] for r in res.results[:n]]


@pytest.mark.parametrize("text, need_help, wrong", GRADED)
def test_a_consultation_route_first_then_the_help_for_the_named_need(demo, text, need_help, wrong):
    res = demo.match(text, limit=10, audience="professional")
    top = _ids(res)
    assert top[0] in CONSULT, top
    assert not wrong.intersection(top), top
    if need_help:
        assert need_help.intersection(top), top
    else:  # only the doubt: the top 3 stays the consultation routes
        assert len(CONSULT.intersection(top)) >= 2, top


def test_the_help_for_the_need_comes_right_after_one_route(demo):
    """The service made for the named need stands at place 2, not behind the second and third route."""
    res = demo.match(GRADED[1][0], limit=10, audience="professional")
    top = _ids(res)
    assert top[0] in CONSULT and top[1] in GRADED[1][1], top
