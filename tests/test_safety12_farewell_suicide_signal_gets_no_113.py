"""Suicide told without a word for it gets 113 first; its harmless twin gets none (helper safety12, ADR 0139).

tester13 (m12test13 class B) told a farewell in passing: affairs arranged, a pet given to a sister, "then nobody has
to worry about me any more", and got no safety box at all. 113's own signal list names these acts (arranging
affairs, giving away pets or belongings, saying goodbye, saving pills, a sudden calm after a dark time) and the
words of finality that go with them; a passive wish to die (hoping for an accident) and self-harm that no longer
helps are told indirectly too. Every danger here has a twin with the same act and no despair (a move, a holiday, a
diet, a will at 86, being in love). The sentences are our own, none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import LINE_113, top_ids


@pytest.mark.parametrize(
    "text",
    [
        # arranging affairs or giving away, with finality, over two or three sentences
        "Ik heb mijn testament klaar en mijn hond gaat naar de buren. Jullie zijn straks beter af zonder mij.",
        "Mijn moeder heeft haar zaken op orde gebracht en haar sieraden weggegeven. Ze zegt dat niemand zich meer "
        "zorgen om haar hoeft te maken.",
        "Ik heb al mijn zaken geregeld. Het is goed zo, niemand zal me missen.",
        "Ik heb afscheid genomen van mijn vrienden, jullie zijn beter af zonder mij.",
        # a sudden calm after a dark time, with belongings given away, told by a friend
        "Mijn vriend was lang heel somber en is sinds een paar dagen opeens heel kalm. Hij heeft zijn playstation "
        "en zijn kleren weggegeven.",
        # pills saved or counted by someone who says he is done
        "Mijn vader van 77 zegt sinds de dood van mijn moeder dat hij klaar is. Hij eet bijna niet en hij spaart "
        "zijn pillen op.",
        # a passive wish to die
        "Als ik naar mijn werk rijd hoop ik steeds dat ik tegen een boom knal, dan hoef ik niet meer.",
        "Soms hoop ik dat de trein ontspoort als ik erin zit, dan hoef ik niet meer.",
        # self-harm that no longer helps, and a next step
        "Krassen helpt niet meer. Vanavond ga ik verder.",
        "Branden helpt niet meer, ik wil een stap verder.",
    ],
)
def test_a_farewell_or_indirect_suicide_signal_puts_113_first(demo, text):
    res = demo.match(text)
    assert "suicide" in res.safety_levels, res.safety_levels
    assert top_ids(res)[0] == LINE_113, top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Onze hond gaat naar mijn zus als we naar Spanje op vakantie gaan, dan hoeft niemand zich zorgen te maken.",
        "We verhuizen naar een appartement, alles is geregeld en de kat gaat naar mijn broer. Niemand hoeft zich "
        "meer druk te maken.",
        "Mijn oma van 86 heeft alles geregeld bij de notaris en heeft haar sieraden al weggegeven aan de "
        "kleinkinderen. Ze is heel tevreden en geniet van elke dag.",
        "Ik heb mijn kleren weggegeven omdat ik 20 kilo ben afgevallen, ik ben ineens zo blij.",
        "Ik heb afscheid genomen van mijn collega's want ik ga met pensioen, het was een mooi feest.",
        "Ik heb een nieuwe baan en mijn zaken op orde, mijn ouders hoeven zich geen zorgen meer om mij te maken.",
        "Ik hoop dat ik geen ongeluk krijg op die drukke weg naar mijn werk.",
        "Ik hoop dat mijn moeder geen ongeluk krijgt met de scootmobiel.",
        "Het krassen van de kat helpt niet meer tegen de muizen.",
        "Het snijden van groente lukt niet meer met mijn reuma, de ergotherapeut wil een stap verder gaan.",
        "Mijn vader telt elke week zijn pillen in de weekdoos, hij is klaar met al die medicijnen.",
    ],
)
def test_the_same_act_without_despair_raises_no_113(demo, text):
    res = demo.match(text)
    assert "suicide" not in res.safety_levels, res.safety_levels
    assert LINE_113 not in top_ids(res), top_ids(res)


def test_a_rule_may_span_sentences_only_when_it_says_so():
    """The option `sentences` (ADR 0139) lets the farewell rule read a passage; every other rule stays in one
    sentence ("mijn zoon haalt geld van haar rekening" must not meet a relative two sentences away)."""
    from ontology import load_ontology

    rules = {r.id: r for r in load_ontology().safety.signal_rules}
    assert rules["suicide-afscheid-regelen"].sentences == 3
    assert rules["financieel-misbruik-afpakken"].sentences == 1
    assert "psychose-raar-gedrag" in rules["acuut-beroerte"].replaces
