"""Everyday worries told in strong words whose everyday help is missing from the top 3 (issue 12, ADR 0167; the
largest held-out kind, "nothing useful among the over-escalation controls"). A toddler who bites or throws food, a
teenager who games all night or stays out, exam stress, letters and bills that "kill" someone, neighbours, in-laws,
work that one "cannot bear any more": the crisis routes must stay away and the everyday help must be in the top 3.
Each class has a plain twin (the same need without the strong words: the same help) and a few danger twins (the
strong words next to a real danger keep the crisis route). Sentences of our own, written after parents' forums,
opvoeden.nl-style questions and pupils' posts (no text copied), committed before the change.
"""

from __future__ import annotations

import pytest
from builders import top_ids

DEMO_CRISIS = {"svc-112-alarmnummer", "svc-113-hulplijn", "svc-veilig-thuis-advies-melden"}
REGION_CRISIS = {
    "svc-alarmnummer-112",
    "svc-hulplijn-113",
    "svc-crisisdienst-ggz",
    "svc-veilig-thuis",
    "svc-spoedteam-jeugd",
    "svc-vrouwenopvang",
}

DEMO_YOUNG = {
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-aalten-jeugdconsulent",
    "svc-yunio-home-start",
    "svc-inhuis-steungezin",
    "svc-kinderopvang-aalten",
    "svc-aalten-ot-ondersteuning",
}
REGION_YOUNG = {"svc-consultatiebureau", "svc-opvoedspreekuur", "svc-gezinsmaatje", "svc-jeugdhulp-ambulant"}
DEMO_TEEN = {
    "svc-aalten-jeugdconsulent",
    "svc-huisartsen-poh-jeugd",
    "svc-aalten-ot-ondersteuning",
    "svc-aalten-ot-school-sportclub",
    "svc-figulus-jeugd-jongerenwerk",
    "svc-scholen-vo-samenwerking",
    "svc-jeugdstem-vertrouwenspersoon",
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-inhuis-steungezin",
}
REGION_TEEN = {
    "svc-opvoedspreekuur",
    "svc-jongerenwerk-aalten",
    "svc-jeugdverpleegkundige",
    "svc-schoolmaatschappelijk-werk",
    "svc-jeugdhulp-ambulant",
    "svc-spreekuur-middelen",
    "svc-gezinsmaatje",
}
DEMO_MONEY = {
    "svc-aalten-schuldhulpverlening",
    "svc-bfo-financiele-ondersteuning",
    "svc-sensire-sociaal-raadslid",
    "svc-aalten-bijzondere-bijstand",
}
REGION_MONEY = {
    "svc-schuldhulpverlening",
    "svc-geldmaatje",
    "svc-bijzondere-bijstand",
    "svc-formulierenhulp-aalten",
    "svc-formulierenhulp-dinxperlo",
    "svc-huur-spreekuur",
    "svc-voedselpakket",
}
DEMO_SOCIAL = {
    "svc-figulus-welzijnscoach",
    "svc-sensire-maatschappelijk-werk",
    "svc-aalten-brede-intake",
    "svc-vat-aalten-vraag-advies",
}
REGION_SOCIAL = {
    "svc-buurtcoach-aalten",
    "svc-buurtcoach-dinxperlo",
    "svc-sociaal-team-aalten",
    "svc-sociaal-team-dinxperlo",
}
DEMO_WORK = DEMO_SOCIAL | {"svc-huisartsen-poh", "svc-vat-aalten-verkennend-gesprek"}
REGION_WORK = REGION_SOCIAL | {"svc-ggz-basis", "svc-cursus-somberheid"}

# (text, demo help, region help)
STRONG = [
    # a toddler
    ("mijn peuter van 2 bijt iedereen op de opvang, ik word er knettergek van en sta op ontploffen", "young"),
    ("die kleine van ons (3) smijt elke avond zijn bord door de keuken, ik trek het echt niet meer", "young"),
    (
        "Ze is pas twee maar ze slaat en krabt als ze haar zin niet krijgt, ik word er helemaal gestoord van",
        "young",
    ),
    (
        "Onze dreumes gilt de hele supermarkt bij elkaar zodra hij iets niet mag. Ik schaam me dood elke keer.",
        "young",
    ),
    # a teenager
    (
        "Mijn zoon van 15 zit elke nacht tot 4 uur te gamen, ik word gestoord van hem. Hoe krijg ik hem van die "
        "computer af?",
        "teen",
    ),
    (
        "onze dochter van 16 komt nooit op tijd thuis en schreeuwt de hele straat bij elkaar als ik er wat van zeg, ik "
        "sta echt machteloos",
        "teen",
    ),
    ("Hij is 14 en scheldt ons de huid vol als de wifi uitgaat, ik ben er helemaal kapot van", "teen"),
    # exam stress, a young writer
    ("ik ga echt dood van de stress voor mijn examens, ik zit in 4 havo en slaap bijna niet meer", "teen"),
    ("mn eindexamen komt eraan en ik draai door, ik kan niks meer onthouden en huil elke avond", "teen"),
    # letters and money
    ("Die blauwe enveloppen van de belastingdienst maken me kapot, ik maak ze niet eens meer open", "money"),
    (
        "de rekeningen vreten me levend op, elke maand kom ik tekort en ik durf de post niet meer te openen",
        "money",
    ),
    ("Al die aanmaningen worden mijn dood nog, ik heb geen idee meer hoeveel schuld ik heb", "money"),
    # neighbours, in-laws
    (
        "De buren draaien elke nacht keiharde muziek, ik word er horendol van en ga er bijna aan onderdoor",
        "social",
    ),
    (
        "Mijn schoonmoeder bemoeit zich met alles in ons huis, ik word er gek van en mijn man zegt er niks van",
        "social",
    ),
    # work
    ("Ik kan niet meer, mijn baas stapelt het werk op en ik zit elke avond te janken na mijn dienst", "work"),
    ("Mijn werk sloopt me, ik word er gek van en slaap al weken slecht. Bij wie kan ik terecht?", "work"),
]

PLAIN = [
    ("mijn peuter van 2 bijt andere kinderen op de opvang, wat kan ik doen?", "young"),
    ("Mijn zoon van 15 gamet elke nacht tot 4 uur, hoe maak ik daar afspraken over?", "teen"),
    ("ik heb veel stress voor mijn examens, ik zit in 4 havo", "teen"),
    ("Ik krijg steeds brieven van de belastingdienst en kan de rekeningen niet betalen", "money"),
    ("De buren draaien elke nacht harde muziek, wat kan ik doen?", "social"),
    ("Ik heb veel stress op mijn werk en slaap slecht, bij wie kan ik terecht?", "work"),
]

SAFETY_SIDE = (
    "a toddler of two who hits and scratches ('ze slaat en krabt'): the need side reads opvoeding and the parenting "
    "help stands 2nd-5th, but the safety assessment (safety20's files) puts Veilig Thuis first"
)
KNOWN = {STRONG[2][0]: SAFETY_SIDE}


def _params() -> list:
    return [
        pytest.param(t, k, marks=pytest.mark.xfail(strict=True, reason=KNOWN[t])) if t in KNOWN else (t, k)
        for t, k in STRONG + PLAIN
    ]


DEMO_HELP = {
    "young": DEMO_YOUNG,
    "teen": DEMO_TEEN,
    "money": DEMO_MONEY,
    "social": DEMO_SOCIAL,
    "work": DEMO_WORK,
}
REGION_HELP = {
    "young": REGION_YOUNG,
    "teen": REGION_TEEN,
    "money": REGION_MONEY,
    "social": REGION_SOCIAL,
    "work": REGION_WORK,
}


@pytest.mark.parametrize(("text", "kind"), _params())
def test_strong_words_keep_the_everyday_help_on_the_demo(demo, text, kind):
    top = top_ids(demo.match(text, near="Aalten", limit=6))
    assert DEMO_HELP[kind] & set(top), (text, top)
    assert not DEMO_CRISIS & set(top), (text, top)


@pytest.mark.parametrize(("text", "kind"), _params())
def test_strong_words_keep_the_everyday_help_in_the_region(region, text, kind):
    top = top_ids(region.match(text, near="Aalten", limit=6))
    assert REGION_HELP[kind] & set(top), (text, top)
    assert not REGION_CRISIS & set(top), (text, top)


DANGER = [
    (
        "mijn man slaat me als ik de post niet open, ik word er gek van",
        "svc-veilig-thuis-advies-melden",
        "svc-veilig-thuis",
    ),
    (
        "door de schulden wil ik niet meer leven, ik heb al pillen gespaard",
        "svc-113-hulplijn",
        "svc-hulplijn-113",
    ),
    (
        "mijn vriend heeft onze peuter van 2 zo hard geslagen dat ze een blauw oog heeft",
        "svc-veilig-thuis-advies-melden",
        "svc-veilig-thuis",
    ),
]


@pytest.mark.parametrize(("text", "demo_svc", "region_svc"), DANGER)
def test_strong_words_next_to_a_real_danger_keep_the_crisis_route(demo, region, text, demo_svc, region_svc):
    assert demo_svc in top_ids(demo.match(text, near="Aalten", limit=6)), text
    assert region_svc in top_ids(region.match(text, near="Aalten", limit=6)), text
