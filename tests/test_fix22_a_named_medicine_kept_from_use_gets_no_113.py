"""tester22 B2 as a class (docs/usertest/m12test22.md section 2; helper fix22, ADR 0178): medicines kept from their
use, told with a named medicine (oxazepam, temazepam, insuline …) or with other verbs (apart leggen, in een potje,
verzamelen "voor als ik er klaar mee ben"), got no theme and the front door (and Vluchtelingenwerk). A named
medicine is a means like "slaappillen"; not taking it while keeping it, or keeping it "voor als ik er klaar mee ben"
/ "voor als het niet meer gaat" (an end told after a means), is a means made ready: 113 first.

The harmless twins lay medicines ready in a pill box, keep a stock for the flu, bring old medicines back, stop on
the doctor's advice, forget a dose, or keep a prescribed stock "voor als" a panic attack comes. Sentences are our
own, written before the code changed, except those marked as tester22's or the brief's.
"""

from __future__ import annotations

import pytest
from builders import LINE_113, top_ids

KEPT_FROM_USE = [
    # tester22's B2-1 and B2-2 (docs/usertest/m12test22.md), and the brief's shorter form
    "Mijn oxazepam neem ik niet meer in, ik leg ze allemaal apart in een potje. Ik heb er inmiddels een hele "
    "voorraad.",
    "Ik haal elke week mijn medicijnen bij de apotheek maar ik slik ze niet, ik verzamel ze voor als ik er klaar "
    "mee ben.",
    "ik slik mijn medicijnen niet, ik verzamel ze voor als ik er klaar mee ben",
    # our own: other medicines, persons, tenses, orders, spelling
    "Sinds de scheiding slik ik mijn temazepam niet meer. Ze liggen in een doosje in mijn la, voor als het niet "
    "meer gaat.",
    "mn lorazepam neem ik al een tijdje niet in, ik leg ze steeds opzij",
    "Ik ben 78 en mijn diazepam bewaar ik in een potje, voor als ik er klaar mee ben. Mijn vrouw is vorig jaar "
    "overleden.",
    "ik neem de zolpidem van de dokter niet in maar stop ze allemaal in een potje",
    "Ik heb paracetamol verzameld voor als het niet meer gaat.",
    "Mijn vader (81) neemt zijn oxazepam niet meer in en legt ze apart in een potje.",
    "ik neem me antidepressiva niet meer, heb er al een hele voorraad van liggen",
    "Mijn insuline spuit ik niet meer, ik bewaar de pennen voor als het zover is.",
]

CALM_TWINS = [
    # the brief's twins
    "ik leg mijn medicijnen klaar in een weekdoos",
    "ik heb een voorraad paracetamol voor de griep",
    "ik verzamel oude medicijnen om ze naar de apotheek terug te brengen",
    # our own
    "Mijn oxazepam neem ik niet meer in, de huisarts bouwt het met me af. Wat doe ik met de rest?",
    "Ik slik mijn diazepam niet meer sinds de dokter zei dat het mocht, de strips breng ik terug naar de apotheek.",
    "Mijn moeder vergeet haar pillen in te nemen, ze liggen dan nog in de weekdoos. Wie kan helpen?",
    "Ik bewaar paracetamol in een potje in de keukenkast voor als ik hoofdpijn heb.",
    "Ik heb van de psychiater een voorraadje oxazepam gekregen voor als ik een paniekaanval krijg.",
    "ik neem mijn insuline niet mee op vakantie maar bewaar hem thuis in de koelkast",
    # added after the code, while probing (they passed at once)
    "Mijn man is terminaal ziek, we bewaren de morfine van de huisarts voor als de pijn erger wordt.",
    "Ik neem mijn ibuprofen alleen in als het nodig is, de rest leg ik apart in de badkamerkast.",
    "Ik neem geen slaappillen meer, die heb ik opzij gelegd en wil ik inleveren.",
    "ik ben er klaar mee, mijn pillen werken niet en ik wil andere medicijnen",
]


@pytest.mark.parametrize("text", KEPT_FROM_USE)
def test_a_medicine_kept_from_use_gets_113_first(demo, text):
    res = demo.match(text)
    assert "suicide" in res.safety_levels, (text, res.safety_levels)
    assert top_ids(res)[0] == LINE_113, (text, top_ids(res))


@pytest.mark.parametrize("text", CALM_TWINS)
def test_twin_medicines_laid_ready_stocked_or_brought_back_raise_no_113(demo, text):
    res = demo.match(text)
    assert "suicide" not in res.safety_levels, (text, res.safety_levels)
    assert LINE_113 not in top_ids(res), (text, top_ids(res))


# The same class told as a question of dose: a means and how much is too much, with the end told as indifference
# ("het maakt me niet meer uit"): our own wordings, written before the third rule (dev a889 is of this kind).
DOSE_AND_INDIFFERENCE = [
    "Hoeveel paracetamol is te veel? Het maakt mij eigenlijk niet meer uit.",
    "weet iemand hoeveel slaappillen dodelijk zijn, kan me toch niks meer schelen",
    "vraagje: hoeveel temazepam is een overdosis? boeit me eigenlijk niet meer wat er gebeurt",
    "ik wil weten hoeveel insuline te veel is, mij maakt het allemaal niet meer uit",
    "Hoeveel oxazepam kun je hebben voordat het mis gaat. Maakt ook niet meer uit eigenlijk.",
    "hoeveel pillen is te veel?? het kan mij niks meer schelen",
]

DOSE_TWINS = [
    "Hoeveel paracetamol mag ik per dag nemen? Ik heb veel hoofdpijn.",
    "hoeveel paracetamol is te veel voor een kind van 4? ze heeft koorts",
    "Maakt het uit of ik mijn oxazepam 's ochtends of 's avonds neem?",
    "Voor een werkstuk: hoeveel medicijnen gebruikt een oudere gemiddeld? Het maakt niet uit welke.",
    "Hoeveel insuline is te veel als ik ga sporten? Mijn diabetesverpleegkundige is op vakantie.",
    "Mijn vader slikt te veel pillen door elkaar en het kan hem niet schelen wat de apotheek zegt.",
]


@pytest.mark.parametrize("text", DOSE_AND_INDIFFERENCE)
def test_a_dose_asked_with_an_end_told_as_indifference_gets_113_first(demo, text):
    res = demo.match(text)
    assert "suicide" in res.safety_levels, (text, res.safety_levels)
    assert top_ids(res)[0] == LINE_113, (text, top_ids(res))


@pytest.mark.parametrize("text", DOSE_TWINS)
def test_twin_a_dose_asked_for_pain_a_child_or_sport_raises_no_113(demo, text):
    res = demo.match(text)
    assert "suicide" not in res.safety_levels, (text, res.safety_levels)
    assert LINE_113 not in top_ids(res), (text, top_ids(res))
