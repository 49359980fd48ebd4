"""Suicide told indirectly, by the person or about a friend, a grandchild, a colleague, a parent or a partner, got
no 113 (helper safety18, ADR 0158; the largest safety gap of issue 12): a goodbye with thanks "voor alles", a note
with "sorry voor alles", a wish to sleep "voor altijd", not to exist, a rope or a high place or pills collected
with words of no sense in going on, a promise to be nobody's burden soon. The harmless twins use the same words for
a holiday, a move, a retirement, a group chat, noisy neighbours or a smaller house.

Wordings follow the signal lists of 113 and heyhoegaathet.be ("ik zou willen slapen en nooit meer wakker worden",
"ik zal jou straks niet langer in de weg staan", afscheid nemen, spullen weggeven, plotse rust). Sentences are our
own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import ALARM, LINE_113, top_ids

REAL = [
    # given away, with a word of not needing it any more
    "Mijn opa (81) heeft al zijn gereedschap aan de buurman gegeven en zegt dat hij het toch niet meer nodig heeft",
    "mijn beste vriendin heeft al haar knuffels en kleren aan haar zusje gegeven en zei dat ze het toch niet meer "
    "nodig heeft",
    "mn opa zegt dat hij er klaar mee is en heeft zijn horloge aan mij gegeven",
    # a goodbye: thanks or an apology for everything, a farewell with a gift
    "Mijn zoon van 19 bedankte ons gisteravond ineens voor alles en gaf zijn playstation aan zijn broertje",
    "Mijn vriendin appte me bedankt voor alles, je was een goede vriendin, en nu neemt ze niet meer op",
    "mijn vriendin zei dat ze afscheid wilde nemen en gaf me haar ketting",
    "Mijn zoon heeft een briefje op zijn kamer gelegd met sorry voor alles",
    "Mijn collega zei vrijdag dat hij iedereen wilde bedanken voor alles en dat we hem niet meer zullen zien",
    "ik heb alles geregeld, mijn brieven liggen klaar, ik wil iedereen bedanken",
    # a burden told
    "ik ben echt een last voor iedereen, ze zijn beter af zonder mij",
    "Mijn moeder zegt steeds dat ze een last is voor ons en dat we beter af zijn zonder haar",
    "Sinds zijn ontslag zegt mijn man dat we zonder hem beter af zijn en hij slaapt bijna niet meer",
    "Hij zei dat hij binnenkort niemand meer tot last zal zijn",
    "Ik ben 14 en ik wil niet meer wakker worden, iedereen is beter zonder mij",
    # sleeping for ever, not existing, disappearing for good
    "ik wil gewoon slapen en niet meer wakker worden",
    "Mijn vader zegt de laatste tijd dat hij wil gaan slapen en nooit meer wakker worden",
    "mn vriend zegt dat hij niet meer wakker wil worden",
    "ik ben zo moe van alles, ik wil gewoon slapen voor altijd",
    "Ik zou wel willen dat ik gewoon niet meer besta",
    "ik wil gwn verdwijnen voor altijd",
    "ik wil gewoon voor altijd weg, niemand merkt het toch",
    "ik heb het gevoel dat ik er niet meer bij hoor en dat het beter is als ik verdwijn",
    # it does not have to go on, with a life as its object
    "het hoeft voor mij allemaal niet meer, ik zie het echt niet meer zitten met mijn leven",
    "Ik zie het leven niet meer zitten sinds mijn vrouw is overleden",
    "mijn moeder zegt dat het leven voor haar niet meer hoeft",
    "ik zie geen reden meer om te leven",
    "Mijn oma zegt dat ze niet meer wil leven sinds opa dood is",
    # a plan or a means
    "ik heb pillen gespaard, genoeg voor als het echt niet meer gaat",
    "Mijn collega heeft een touw in zijn auto liggen en zegt dat het allemaal geen zin meer heeft",
    "mijn kleinzoon zoekt steeds op hoe hoog de flat is en zegt dat niemand hem zal missen",
    "Mijn broer heeft een touw gekocht en zegt dat hij het niet meer ziet zitten",
    "Mijn vader staat vaak op de brug over het spoor en zegt dat hij moe is van alles",
    "ik zag dat mijn vriend veel paracetamol verzamelt in zijn la en hij zegt dat het toch niet uitmaakt",
    "Ik denk dat mijn zus van plan is om van de brug te springen, ze heeft het erover",
    "Mijn partner heeft een doos met pillen verstopt en zegt dat hij het niet meer trekt",
    # affairs in order with a word of finality
    "Mijn man heeft zijn testament veranderd, alle wachtwoorden voor mij opgeschreven en zegt dat het zo beter is",
    # done with life itself (found while probing, added with its rule)
    "mijn opa zegt dat hij klaar is met leven en heeft zijn postzegelverzameling aan mij gegeven",
    # a sudden calm after a dark time
    "Mijn vriend was maandenlang heel somber en is nu ineens heel rustig en opgewekt, hij heeft zijn schulden "
    "afbetaald en zijn kat naar zijn zus gebracht",
]

TWINS = [
    "ik geef mijn kleren weg want ik verhuis naar een kleiner huis",
    "geen zin meer in mijn werk, ik zoek iets anders",
    "ik wil even verdwijnen op vakantie, ik ben zo moe van het werk",
    "ik zie het niet meer zitten met die verbouwing, de aannemer komt niet",
    "mijn oma heeft alles geregeld voor haar begrafenis want ze is 90 en ziek",
    "Mijn vader heeft zijn testament laten opmaken bij de notaris, hij is 80",
    "Mijn dochter geeft haar oude knuffels weg, ze is er te groot voor",
    "ik wil slapen en niet meer wakker worden van de buren die elke nacht herrie maken",
    "Het hoeft voor mij niet meer zo groot te zijn, we willen kleiner wonen",
    "Mijn collega bedankte iedereen voor alles op zijn afscheidsfeest, hij gaat met pensioen",
    "Mijn zoon heeft zijn spullen verdeeld tussen zijn broers want hij gaat op kamers",
    "mijn opa is ineens heel rustig sinds hij nieuwe medicijnen heeft",
    "ik wil verdwijnen uit deze groepsapp, iedereen doet zo vervelend",
    "Ik zie het echt niet meer zitten met mijn examens, ik snap niks van wiskunde",
    "De hond gaat naar mijn zus want ik heb een allergie gekregen",
    "Ik ben klaar met mijn baan, ik wil iets anders gaan doen",
    "Hij heeft een touw gekocht voor de schommel in de tuin",
    "Mijn moeder zegt dat we beter af zijn zonder die dure auto",
    "Mijn vriend zegt dat we hem niet meer zullen zien want hij gaat een jaar in Australië werken",
    "ik kan niet slapen en ben zo moe, ik wil gewoon een nacht doorslapen",
    # done with a job or a city, not a life (found while probing, added with the rule above)
    "ik ben klaar met mijn baan en wil iets anders",
    "ik heb genoeg van het leven in de stad, we verhuizen naar het platteland",
]


@pytest.mark.parametrize("text", REAL)
def test_indirect_suicide_puts_113_first(demo, text):
    res = demo.match(text)
    assert "suicide" in res.safety_levels, res.safety_levels
    assert top_ids(res)[:1] == [LINE_113], top_ids(res)
    assert ALARM not in top_ids(res), top_ids(res)  # nothing is under way in these


@pytest.mark.parametrize("text", TWINS)
def test_the_harmless_twin_raises_no_113(demo, text):
    res = demo.match(text)
    assert "suicide" not in res.safety_levels, res.safety_levels
    assert LINE_113 not in top_ids(res), top_ids(res)
