"""A service that merely touches a need stands in the region's top 3 as if it existed for it (issue 12, ADR 0181;
synthetic held-out kind "wrong need"): a couple's everyday friction gets the divorce help, a teenager's worry gets
the meldpunt for people who avoid care. The demo kaart marks such side themes (`thema-bijzaak`); the region's data
had none, so the matcher guessed central themes from service names. Our own wordings (partners, parents, a
teenager; typos, no capitals), each with its harmless twin (an actual separation; the meldpunt's own case),
committed before the change.
"""

from __future__ import annotations

import pytest
from builders import top_ids

DIVORCE_HELP = {"svc-scheidingsspreekuur", "svc-complexe-scheiding"}

FRICTION = [
    "Mijn vriend en ik hebben steeds ruzie over het huishouden, wie doet de afwas. Kunnen we ergens advies krijgen als stel?",
    "sinds de baby er is maken we alleen nog maar ruzie over wie er snachts opstaat. waar kunnen we samen over praten?",
    "Wij zijn al twintig jaar getrouwd maar praten nauwelijks meer met elkaar. We willen het weer gezellig krijgen samen.",
    "mn vrouw vind dat ik te veel game en we krijgen er elke avond woorden over, wie kan ons helpen",
    "Mijn man en ik zijn het nooit eens over geld uitgeven en dat geeft veel spanning tussen ons. Waar kunnen we praten?",
    "we wonen pas samen en botsen steeds over kleine dingen, is dat normaal en waar krijg je daar advies over",
]

SEPARATION = [
    "Mijn man en ik gaan scheiden. Hoe vertellen we het de kinderen en wie helpt met een ouderschapsplan?",
    "we gaan uit elkaar na 12 jaar, waar kunnen we terecht voor afspraken over de kinderen",
    "Ik wil scheiden maar weet niet hoe ik dat moet regelen met het huis en de kinderen",
    "mijn vrouw wil een echtscheiding, ik weet niet waar ik moet beginnen",
    "Wij zijn net uit elkaar en de kinderen van 6 en 9 wonen om de week bij ons allebei. Hoe pakken we dat goed aan?",
    "sinds de scheiding is er steeds ruzie over de omgangsregeling, wie kan ons daarbij helpen?",
]

TEEN_WORRY = [
    "over twee weken heb ik examens en ik ga echt dood van de zenuwen, bij elke toets klap ik dicht",
    "ik zit in 4 havo en heb zo'n faalangst dat ik bijna niet meer slaap",
    "Onze zoon van 16 krijgt paniek voor elke toets. Hoe kunnen we hem helpen?",
    "ik ben 14 en ik pieker de hele dag over school, ik word er zo moe van",
    "Mijn dochter van 15 is al weken somber en zit alleen nog op haar kamer. Wat kunnen we doen?",
    "mijn neef van 13 is stil en teruggetrokken sinds zijn ouders gescheiden zijn, zijn moeder vraagt wie kan helpen",
]
MELDPUNT = "svc-meldpunt-zorg-overlast"
ADULT_ONLY = {"svc-cursus-somberheid", "svc-ggz-basis", "svc-ggz-specialistisch"}
YOUTH_HELP = {
    "svc-jeugdverpleegkundige",
    "svc-schoolmaatschappelijk-werk",
    "svc-jongerenwerk-aalten",
    "svc-opvoedspreekuur",
    "svc-scheidingsspreekuur",
}

CARE_AVOIDED = [
    "Mijn buurman laat niemand binnen, zijn huis stinkt en de tuin ligt vol afval. Hij wil geen hulp. Waar meld ik dat?",
    "de oude vrouw naast ons verzamelt alles, het huis is zo vervuild dat er ongedierte komt. waar kan ik dit melden",
    "Mijn broer woont in een vervuild huis en weigert elke hulp, hij zegt dat er niks aan de hand is.",
    "er loopt een verwarde man in onze straat die steeds aanbelt en roept, geen gevaar maar wel zorgwekkend. wie kan erop af?",
    "Onze buurvrouw is erg in de war, ze zet overal vuilniszakken neer en wil geen zorg. Bij wie kunnen we dit melden?",
    "mijn oom van 60 mijdt alle zorg, zijn huis is een puinhoop en hij eet slecht. hoe krijgen we hulp naar binnen?",
]

# Open after ADR 0181 (strict: a pass says so). The divorce spreekuur now only TOUCHES relatieproblemen, but no
# service on the region exists for it, and a touch keeps its place before the front door (ADR 0171's slot: "the best
# the kaart has for it"). The teenager's exam nerves carry no age and no theme the matcher reads (the writer model's
# gate); the meldpunt's own cases read no vervuiling or zorgmijding need (theme words, not this ADR).
TOUCH_KEEPS_ITS_PLACE = "a touch of relatieproblemen keeps its place before the door (ADR 0171): open"
KNOWN = {
    FRICTION[0]: TOUCH_KEEPS_ITS_PLACE,
    FRICTION[4]: TOUCH_KEEPS_ITS_PLACE,
    FRICTION[5]: TOUCH_KEEPS_ITS_PLACE,
    TEEN_WORRY[0]: "exam nerves without an age or a read need: front door and a words-only card; open",
    TEEN_WORRY[
        4
    ]: "the parent asking makes the adults' course fit the daughter of 15 (see the age test file); open",
    CARE_AVOIDED[0]: "no vervuiling/zorgmijding need read from a neighbour's stinking house; open",
    CARE_AVOIDED[4]: "a confused neighbour reads psychische crisis, not the meldpunt's zorgmijding; open",
}


def _params(texts: list[str]) -> list:
    return [
        pytest.param(t, marks=pytest.mark.xfail(strict=True, reason=KNOWN[t])) if t in KNOWN else t
        for t in texts
    ]


@pytest.mark.parametrize("text", _params(FRICTION))
def test_a_couples_everyday_friction_gets_no_divorce_help_in_the_region(region, text):
    top = top_ids(region.match(text, near="Aalten", limit=6))
    assert not DIVORCE_HELP & set(top), (text, top)


@pytest.mark.parametrize("text", SEPARATION)
def test_a_separation_gets_the_divorce_help_in_the_region(region, text):
    top = top_ids(region.match(text, near="Aalten", limit=6))
    assert "svc-scheidingsspreekuur" in top, (text, top)


@pytest.mark.parametrize("text", _params(TEEN_WORRY))
def test_a_teenagers_worry_gets_youth_help_not_the_meldpunt_or_adult_help_in_the_region(region, text):
    top = top_ids(region.match(text, near="Aalten", limit=6))
    assert MELDPUNT not in top, (text, top)
    assert not ADULT_ONLY & set(top), (text, top)
    assert YOUTH_HELP & set(top), (text, top)


@pytest.mark.parametrize("text", _params(CARE_AVOIDED))
def test_someone_who_avoids_care_gets_the_meldpunt_in_the_region(region, text):
    top = top_ids(region.match(text, near="Aalten", limit=6), n=5)
    assert MELDPUNT in top, (text, top)
