"""A danger told in concrete, everyday detail is still a danger (tester25 BROKEN 1, 2, 4 and class N-Q,
docs/usertest/m12test25.md; helper danger25, ADR 0186).

The bare phrase was caught ("beschadigt zichzelf" -> 113), the same danger with the instrument, the blood found, the
time or the story around it was not: a detail word ("schaar", "hond") sat in a rule's `unless` list and cancelled
the whole sentence, a window was too short for the detail between act and body, and a person named in one sentence
and missing in the next ("Hij is nu zoek") crossed a sentence border. Each danger has a harmless twin told with the
same words (a cut while cooking, a nosebleed, hide and seek, a philosophy class, a walk every evening): no twin may
gain a box. Sentences are our own (written before the code changed), except the tester's, quoted as regressions.
"""

from __future__ import annotations

import pytest
from builders import top_ids

LINE_113 = {"svc-113-hulplijn", "svc-hulplijn-113"}
ALARM = {"svc-112-alarmnummer", "svc-alarmnummer-112"}
VT = {"svc-veilig-thuis-advies-melden", "svc-veilig-thuis"}
CRISIS = LINE_113 | ALARM | VT
WANDER_NOTE = "Is iemand met geheugenproblemen verward buiten geweest"


@pytest.fixture(params=["demo", "region"], scope="module")
def kaart(request):
    return request.getfixturevalue(request.param)


SELF_HARM = [
    # tester25 D-2 (regression quote)
    "Mijn dochter van 15 beschadigt zichzelf met een schaar, ik vond bloed op haar handdoek. Waar kan ze terecht?",
    "Mijn dochter van 15 beschadigt zichzelf met een schaar. Waar kan ze terecht?",
    "Sinds de scheiding krast mijn dochter van 14 met een glasscherf in haar armen, 's avonds op haar kamer. Wat moet ik doen?",
    "Mijn zoon van 16 snijdt zichzelf met een scheermesje in zijn bovenbenen. Ik zag de wondjes toen hij uit de douche kwam.",
    "ik doe mezelf pijn met een schaar als het thuis te veel wordt, niemand weet het",
    "Mijn vriendin van 13 brandt zichzelf met een aansteker op haar arm en laat het aan niemand zien.",
    "Mijn dochter is 15 en zit in de derde klas. Ze is de laatste tijd erg stil. Gisteren vond ik in de badkamer een "
    "schaar met bloed eraan en pleisters in de prullenbak. Ze beschadigt zichzelf, dat weet ik nu zeker. Wie kan haar helpen?",
    "Ik zag dat mijn zusje van 12 zichzelf krast met een stukje glas in de badkamer. Wat moet ik doen?",
]

SELF_HARM_TWINS = [
    # tester25 D-T (regression quote)
    "Mijn dochter van 15 heeft zich gesneden aan een blikje bij het koken. Moet dat gehecht worden?",
    "Mijn zoon sneed zich per ongeluk met een mes in zijn vinger toen hij brood sneed, er zat bloed op de handdoek.",
    "Mijn dochter van 15 knipt haar eigen haar met een schaar en nu is haar pony veel te kort. Waar vind ik een goede kapper?",
    "Mijn dochter heeft vaak een bloedneus, vanochtend zat er weer bloed op haar handdoek. Moet ze naar de huisarts?",
    "Mijn zoon van 16 heeft zich bij het scheren gesneden met een scheermesje, het bloedt flink.",
    "Mijn dochter van 14 knutselt graag met een schaar en lijm. Is er een creatieve club in Aalten?",
    "Mijn zoon van 15 heeft zich per ongeluk gebrand aan de oven, er zit een blaar op zijn arm.",
    "Ik heb mezelf gesneden aan een glasscherf toen ik de vaatwasser uitruimde, het blijft bloeden. Moet dat gehecht worden?",
]

DEATH_WISH = [
    # tester25 B-1 (regression quote)
    "ik snap niet waarom ik nog besta. op school ziet niemand me en thuis ook niet",
    "ik ben 15 en ik vraag me elke avond af wat ik hier nog doe. ik had nooit geboren moeten worden",
    "Ik ben 87, mijn vrouw en al mijn vrienden zijn dood. Ik begrijp niet waarom ik er nog ben.",
    "Mijn moeder van 91 zegt steeds dat ze niet snapt waarom ze nog leeft en dat het voor haar niet meer hoeft.",
    "was ik maar nooit geboren, dan had niemand last van mij",
    "soms lig ik 's nachts wakker en denk ik: waarvoor leef ik eigenlijk nog? niemand op school praat met me",
    "Mijn opa van 89 zit de hele dag in zijn stoel en zegt dat hij niet weet waarom hij er nog is sinds oma dood is.",
]

DEATH_WISH_TWINS = [
    "Voor filosofie op school moet ik een werkstuk maken over de vraag waarom wij bestaan. Waar vind ik boeken?",
    "ik snap niet waarom deze club nog bestaat, er komt niemand meer. Waar kan ik anders sporten?",
    "Bij filosofie kregen we de vraag waarom besta ik. Ik snap het niet, wie helpt me met mijn huiswerk?",
    "Ik ben 80 en vraag me af waarom ik nog een vaste telefoon heb. Wie helpt me met een mobiel?",
    "Onze kat is 22 en ik snap niet waarom ze nog leeft, ze is zo oud. Weet iemand raad?",
    # found while probing (after the code): a setting one is still in
    "ik weet niet waarom ik er nog ben op deze opleiding, ik wil liever werken. Wie helpt me kiezen?",
    "Mijn oma van 95 zegt lachend dat ze niet snapt waarom ze nog leeft, maar ze geniet van elke dag en wil naar de soos.",
]

MISSING_NOW = [
    "Mijn opa heeft alzheimer en loopt 's avonds weg. Hij is nu zoek.",  # tester25 probe (regression quote)
    "Mijn vader van 82 heeft dementie. Hij is vanmiddag op de fiets vertrokken en nog steeds niet terug, het wordt al "
    "donker en we kunnen hem nergens vinden.",
    "Oma (84) woont in het verpleeghuis maar is vanavond naar buiten gelopen, het personeel zoekt haar al een uur.",
    "Mijn man heeft alzheimer. Hij ging vanochtend de hond uitlaten en is niet teruggekomen. Ik weet niet waar hij is.",
    "Mijn schoonmoeder is dement en woont bij ons. Toen we vanavond thuiskwamen was ze weg. We kunnen haar nergens vinden.",
]

MISSING_TWINS = [
    "Opa speelt elke zondag verstoppertje met de kleinkinderen en dan is hij echt lang zoek. Is er een speeltuin in Aalten?",
    "Mijn opa loopt elke avond een rondje door het dorp, hij is daar heel fit van. Is er een wandelclub?",
    "Mijn opa heeft alzheimer en is zijn bril steeds kwijt, nu is hij weer zoek.",
    "Mijn vader heeft dementie en gaat naar de dagbesteding. Vanmiddag was hij even zoek in het gebouw, maar de "
    "begeleiding vond hem meteen.",
    "Mijn oma heeft dementie. Haar kat is sinds gisteren zoek en ze is er erg verdrietig over.",
]

WANDERING = [
    # tester25 C-1 and C-2 (regression quotes)
    "Mijn moeder van 84 stond vannacht om drie uur bij de buren aan te bellen. Ze dacht dat het ochtend was en wist "
    "de weg naar huis niet meer.",
    "Mijn opa heeft alzheimer en loopt 's avonds weg. De politie heeft hem al twee keer thuisgebracht. Hij woont alleen.",
    "Mijn schoonvader (88) gaat 's nachts in zijn ochtendjas de deur uit en zegt dan dat hij naar zijn werk moet. De "
    "buurman bracht hem terug.",
    "Vorige week vond een buurvrouw mijn vader om vijf uur 's ochtends bij de bushalte. Hij wist niet meer hoe hij "
    "daar gekomen was. Hij heeft beginnende dementie.",
]

WANDERING_TWINS = [
    "Mijn opa loopt elke avond een rondje door het dorp en groet dan de buren. Is er een wandelgroep?",
    "Mijn moeder van 84 belde vannacht om drie uur bij de buren aan omdat haar alarm afging.",
    "Mijn zoon van 17 loopt 's avonds weg na ruzie en komt dan bij een vriend terecht.",
    "Mijn opa van 80 bezorgt 's nachts kranten in het dorp en kent de weg als geen ander.",
    "Mijn vader (78) heeft dementie en gaat graag met de buurman op de fiets naar de markt in het dorp. Zijn er meer "
    "van zulke uitjes?",
]

NOT_WAKING = [
    "Ik kwam thuis en mijn moeder lag op de badkamervloer. Ik krijg haar niet wakker en ze ademt heel raar.",
    "Mijn vriend heeft heel veel pillen genomen met drank en nu reageert hij niet meer als ik tegen hem praat.",
    "Mijn vader van 70 ligt sinds vanmiddag op bed en is niet wakker te krijgen, hij voelt koud aan.",
]

NOT_WAKING_TWINS = [
    "Mijn zoon van 15 is 's ochtends nooit wakker te krijgen voor school, hij gamet tot laat.",
    "Opa valt na het eten altijd in slaap in zijn stoel en is dan moeilijk wakker te krijgen.",
]


@pytest.mark.parametrize("text", SELF_HARM)
def test_self_harm_told_with_instrument_blood_or_place_keeps_113(kaart, text):
    res = kaart.match(text)
    assert "suicide" in res.safety_levels, (res.safety_levels, top_ids(res))
    assert LINE_113 & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize("text", DEATH_WISH)
def test_a_passive_death_wish_by_a_teen_or_an_elder_gets_113(kaart, text):
    res = kaart.match(text)
    assert "suicide" in res.safety_levels, (res.safety_levels, top_ids(res))
    assert LINE_113 & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize("text", MISSING_NOW)
def test_a_person_with_dementia_missing_now_gets_112(kaart, text):
    res = kaart.match(text)
    assert "acuut-gevaar" in res.safety_levels, (res.safety_levels, top_ids(res))
    assert ALARM & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize("text", WANDERING)
def test_wandering_told_by_what_happened_gets_the_wandering_note(kaart, text):
    res = kaart.match(text)
    if "acuut-gevaar" not in res.safety_levels:  # a note only where no safety level stands (ADR 0183)
        assert any(WANDER_NOTE in m for m in res.messages), res.messages
    assert not (VT | LINE_113) & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize("text", NOT_WAKING)
def test_someone_found_who_cannot_be_woken_gets_112(kaart, text):
    res = kaart.match(text)
    assert "acuut-gevaar" in res.safety_levels, (res.safety_levels, top_ids(res))


@pytest.mark.parametrize(
    "text",
    SELF_HARM_TWINS + DEATH_WISH_TWINS + MISSING_TWINS + WANDERING_TWINS + NOT_WAKING_TWINS,
)
def test_the_harmless_twin_with_the_same_words_gains_no_box(kaart, text):
    res = kaart.match(text)
    assert not res.safety_levels, (res.safety_levels, top_ids(res))
    assert not CRISIS & set(top_ids(res)), top_ids(res)
    assert not any(WANDER_NOTE in m for m in res.messages), res.messages
