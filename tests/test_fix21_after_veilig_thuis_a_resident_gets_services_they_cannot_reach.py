"""tester21 N-B (docs/usertest/m12test21.md section 3): after Veilig Thuis the resident's top 3 was filled with the
safety chain a resident cannot use on their own: Procesregie Zorg & Veiligheid, "Specialistische expertise bij
onveiligheid (u heeft een verwijzing nodig)", the Raad voor de Kinderbescherming, or the wijkagent as the second
card. After the crisis service a resident gets help they can go to themselves: maatschappelijk werk, the front door
(the gemeente's team), the JGZ or youth help for a child, the huisarts. A service that needs a referral or is for
professionals only does not fill a resident's top 3 after the crisis service; professionals still see the chain.
Sentences of our own (an ex with a key, a partner, a child, a parent afraid of harming a baby, an old man robbed),
written before the code.
"""

from __future__ import annotations

import pytest
from builders import VEILIG_THUIS, top_ids

CHAIN = ("svc-aalten-zorg-veiligheid", "svc-regionaal-veiligheidsteam", "svc-raad-voor-de-kinderbescherming")
REFERRAL = ("svc-regionaal-veiligheidsteam", "svc-raad-voor-de-kinderbescherming")
WIJKAGENT = "svc-politie-wijkagent"
USABLE = (
    "svc-sensire-maatschappelijk-werk",
    "svc-aalten-brede-intake",
    "svc-vat-aalten-vraag-advies",
    "svc-yunio-jgz",
    "svc-ggd-jgz",
    "svc-figulus-jeugd-jongerenwerk",
    "svc-huisartsen-poh",
    "svc-huisartsen-poh-jeugd",
    "svc-jeugdstem-vertrouwenspersoon",
    "svc-figulus-ouderenwerk",
)

CASES = [
    "Mijn ex heeft nog een sleutel van mijn huis en dreigt dat hij me iets aan gaat doen.",
    "Mijn man slaat me en ik durf het niemand te vertellen.",
    "Mijn dochter van 9 vertelt dat de nieuwe vriend van mijn ex haar slaat.",
    "mijn vriend heeft me vorige week geslagen en nu zegt hij dat het mijn schuld was",
    "Ik word thuis door mijn vrouw bedreigd en geschopt, ik weet niet waar ik heen moet.",
    "ik ben 14 en mijn moeder slaat mij",
    "Mijn kleinzoon pakt steeds mijn pinpas en neemt geld op, ik durf er niets van te zeggen.",
]


@pytest.mark.parametrize("text", CASES)
def test_after_veilig_thuis_a_resident_gets_help_they_can_use(demo, text):
    res = demo.match(text, near="Aalten")
    ids = top_ids(res, 3)
    assert ids[0] == VEILIG_THUIS, (text, ids)
    assert not set(ids) & set(CHAIN), (text, ids)
    assert ids[1] != WIJKAGENT, (text, ids)
    assert any(i in USABLE for i in ids[1:]), (text, ids)


@pytest.mark.parametrize("text", CASES[:3])
def test_twin_a_professional_still_sees_the_safety_chain(demo, text):
    res = demo.match(text, near="Aalten", audience="professional")
    ids = top_ids(res, 6)
    assert any(i in CHAIN for i in ids), (text, ids)


@pytest.mark.parametrize("text", CASES[:4])
def test_no_referral_only_service_in_a_residents_top_3_on_the_synthetic_kaart(region, text):
    res = region.match(text)
    tops = res.results[:3]
    assert tops and tops[0]["service_id"] == "svc-veilig-thuis", (text, [r["service_id"] for r in tops])
    assert not any("verwijzing nodig" in (r.get("why") or "") for r in tops[1:]), (
        text,
        [r["why"] for r in tops],
    )
