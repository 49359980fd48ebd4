"""tester20 B5 as a class (ADR 0169): young writers who write like adults got "u" ("mijn beste vriendin zegt …",
"als papa gedronken heeft moeten ik en mijn zusje …", "ik word volgende maand 18"), and an adult's farewell with
nothing young in it ("de kat gaat naar mijn zus en de brieven liggen klaar") got "je". Who writes is read from the
writer's own life: an age that is still to come (18 next month: 17 now), a parent named as a child names them
("papa", no "mijn") with a little brother or sister, a best friend without an adult's age; an adult's own acts
(a will, letters laid ready, a friend or a parent of an adult's age). Sentences of our own, written before the
change was made.
"""

from __future__ import annotations

import pytest

YOUNG = [
    "mijn beste vriendin zegt steeds dat we beter af zijn zonder haar en ze heeft al haar tekeningen weggegeven",
    "mijn beste vriend snijdt in zijn armen en ik mag het niemand vertellen",
    "als papa gedronken heeft moeten ik en mijn zusje op zolder blijven anders krijgen we klappen",
    "als mama boos is moeten ik en mijn broertje naar onze kamer en dan gooit ze dingen",
    "ik word volgende maand 18 en weet niet hoe het zit met zorgverzekering en geld",
    "over een maand ben ik 18, moet ik dan alles zelf betalen? zorgtoeslag??",
    "ik word volgende week 18 en moet een zorgverzekering regelen",
    "binnenkort ben ik 18, wat moet ik allemaal zelf regelen met geld?",
]

ADULTS = [
    "Ik maak me zorgen om mijn beste vriendin van 45, ze drinkt te veel sinds haar scheiding.",
    "Mijn zus en ik zorgen samen voor papa sinds mama is overleden, hij is 80 en vergeet veel.",
    "Mijn dochter wordt volgende maand 18, wat moet zij regelen voor de zorgverzekering?",
    "Mijn vader drinkt te veel en mijn zus en ik weten niet hoe we hem kunnen helpen, hij is 70.",
    "Ik heb alles geregeld: de kat gaat naar mijn zus en de brieven liggen klaar. Het is goed zo.",
    "Ik heb mijn testament gemaakt en de hond gaat naar de buren. Ik ben er klaar mee.",
    "Mijn spullen heb ik verdeeld, de kat gaat naar mijn dochter. Ik hoef niet meer.",
]


@pytest.mark.parametrize("text", YOUNG)
def test_a_young_writer_who_writes_like_an_adult_gets_je(demo, text):
    res = demo.match(text, limit=10)
    assert res.register == "je", (text, res.register)


@pytest.mark.parametrize("text", ADULTS)
def test_twin_an_adult_gets_u(demo, text):
    res = demo.match(text, limit=10)
    assert res.register == "u", (text, res.register)
