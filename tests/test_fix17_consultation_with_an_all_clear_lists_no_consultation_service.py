"""tester18 B6 as a class (ADR 0163): a professional who sees signs of abuse, says there is no acute danger and asks
with whom to consult (meldcode stap 2) got Procesregie, a wijkagent and the Raad voor de Kinderbescherming, and
neither the aandachtsfunctionaris nor Veilig Thuis' advice for the lokale team: the all-clear ("geen acuut gevaar")
took the consultation level away. For a consultation question "no acute danger" is the meldcode's own frame, not a
denial of the concern. The twins: a professional asking for parenting support without any safety concern gets no
consultation route. Sentences of our own, written before the change was made.
"""

from __future__ import annotations

import pytest

CONSULT = {"svc-aalten-aandachtsfunctionaris-hg-km", "svc-veilig-thuis-consultatie"}
ROUTES = CONSULT | {"svc-veilig-thuis-advies-melden"}

CONSULTATION_WITH_AN_ALL_CLEAR = [
    "Bij een gezin zie ik signalen van kindermishandeling, maar geen acuut gevaar. Met wie kan ik anoniem "
    "overleggen volgens de meldcode?",
    "Ik ben leerkracht. Een leerling komt vaak met blauwe plekken op school, er is geen acuut gevaar. Moet ik "
    "melden of eerst overleggen?",
    "Als sportcoach zie ik bij een jongen van 11 signalen van mishandeling. Geen direct gevaar, maar met wie kan ik "
    "overleggen?",
    "huisarts hier: vermoeden van huiselijk geweld bij een patiënte, geen acuut gevaar. Wie kan ik om advies vragen?",
    "Als wijkverpleegkundige heb ik zorgen over een cliënt die door haar zoon wordt geslagen, maar er is geen acuut "
    "gevaar. Waar kan ik anoniem advies vragen?",
    "Ik werk als jeugdverpleegkundige bij de JGZ en zie signalen van verwaarlozing bij een peuter. Het is niet "
    "acuut. Wat is stap 2 van de meldcode, met wie overleg ik?",
    "Bij een gezin dat ik begeleid vermoed ik kindermishandeling, geen acuut gevaar. Moet ik melden?",
    "Een kind uit mijn groep vertelt dat papa mama slaat. Er is geen direct gevaar. Met wie kan ik overleggen "
    "volgens de meldcode?",
]

PARENTING_SUPPORT_WITHOUT_A_CONCERN = [
    "Ik ben leerkracht en een moeder vraagt hulp bij de opvoeding van haar drukke zoon. Waar kan ik haar naar "
    "verwijzen?",
    "Als wijkverpleegkundige zie ik een gezin dat moeite heeft met de opvoeding van een puber. Wie kan hen "
    "ondersteunen?",
    "Bij een gezin zie ik geen signalen van onveiligheid, maar de ouders willen opvoedondersteuning. Wie biedt dat?",
    "huisarts hier: ouders van een peuter met driftbuien vragen om opvoedadvies, waar verwijs ik naar?",
]


@pytest.mark.parametrize("text", CONSULTATION_WITH_AN_ALL_CLEAR)
def test_a_consultation_question_with_an_all_clear_lists_the_consultation_services_first(demo, text):
    res = demo.match(text, audience="professional", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert CONSULT & set(top[:2]), (text, top)
    assert "svc-112-alarmnummer" not in top, (text, top)
    assert "consultatie" in res.safety_levels, (text, res.safety_levels)


@pytest.mark.parametrize("text", PARENTING_SUPPORT_WITHOUT_A_CONCERN)
def test_twin_a_professional_asking_for_parenting_support_gets_no_consultation_route(demo, text):
    res = demo.match(text, audience="professional", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert not ROUTES & set(top), (text, top)
    assert not res.safety_levels, (text, res.safety_levels)
