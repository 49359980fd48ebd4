"""tester18 B5 (t18-25) as a class (ADR 0162): a long story of caring for a parent with dementia ("ga elke dag langs
om medicijnen te geven en te koken", "snauw tegen mijn eigen kinderen", "Ik wil gewoon een keer rust") put JGZ and
OT 0-23 in the top 3, and Mantelzorgondersteuning was not in the top 20. Care tasks done for an adult relative of the
writer's own (medicines, cooking, washing, shopping, driving to the hospital, nights) are care; the writer's own
children named in passing are no youth need. The twins: a parent who cooks for her own children, a nurse who gives
medicines at work, a relative's illness without care. Sentences of our own, written before the change was made.
"""

from __future__ import annotations

import pytest

CARER = "svc-figulus-mantelzorgondersteuning"
YOUTH_ONLY = {"svc-yunio-jgz", "svc-ggd-nog-jgz", "svc-aalten-ot-ondersteuning", "svc-huisartsen-poh-jeugd"}

CARE_TASKS = [
    # t18-25 itself (tester18's question, not held out)
    "Mijn moeder heeft al vier jaar dementie en woont nog thuis, twee straten bij mij vandaan in Aalten. Ik ga elke "
    "ochtend en avond langs om haar medicijnen te geven en te koken. Overdag bel ik haar vanaf mijn werk, want ze "
    "vergeet of ze gegeten heeft. Mijn broer woont in Groningen en zegt dat ik het zo goed doe. Ik heb al een jaar "
    "geen vrij weekend gehad en snauw tegen mijn eigen kinderen. Ik wil gewoon een keer rust.",
    "Mijn vader is 84 en woont alleen. Ik doe zijn boodschappen, kook voor hem en zet zijn pillen klaar. Ik ben "
    "zelf moeder van drie en kom niet meer aan mezelf toe. Hoe krijg ik wat lucht?",
    "ik ga elke avond naar mn moeder om haar te wassen en in bed te leggen, ze heeft alzheimer. mijn eigen kinderen "
    "zien me amper. ik wil gewoon eens een avond vrij",
    "Sinds mijn man een beroerte had, help ik hem met douchen en aankleden en rijd ik hem drie keer per week naar "
    "het ziekenhuis. Ik slaap slecht en ben doodmoe. Wie kan het eens van me overnemen?",
    "Mijn schoonmoeder woont bij ons in. Ik geef haar 's nachts haar medicijnen en help haar naar de wc. Overdag werk "
    "ik. Ik ben op.",
    "Elke zaterdag doe ik de was en de boodschappen voor mijn oma van 91 en ik regel haar papieren. Mijn kinderen "
    "klagen dat ik nooit thuis ben. Ik heb zelf ook rust nodig.",
    "Mijn vader (79) is slecht ter been. Ik breng hem naar de dokter, kook elke dag en ruim zijn huis op. Ik snauw "
    "tegen mijn eigen kinderen en voel me schuldig. Is er iemand die het even kan overnemen?",
    "Mijn moeder is dementerend. Ik ga drie keer per dag langs voor haar eten en haar pillen. Ik heb geen vrij "
    "weekend meer gehad sinds de zomer. Waar kan ik terecht voor wat ontlasting?",
    "Ik zorgde de laatste maanden steeds meer voor mijn vader: koken, wassen, zijn medicijnen. Mijn zoon van 12 "
    "zegt dat ik chagrijnig ben. Ik moet er even tussenuit.",
    "Mn moeder heeft parkinson, ik doe haar medicijnen, haar boodschappen en ik haal haar op voor de fysio. ik werk "
    "fulltime en heb twee kids. hoe hou ik dit vol?",
]


@pytest.mark.parametrize("text", CARE_TASKS)
def test_care_tasks_for_an_adult_relative_are_care_not_a_youth_need(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert CARER in top, (text[:60], top, [t["id"] for t in res.themes])
    assert not YOUTH_ONLY & set(top), (text[:60], top)


TWINS = [
    "Ik kook elke dag voor mijn kinderen en doe hun was, ik ben moe. Hoe krijg ik meer rust in huis?",
    "ik ben verpleegkundige en geef op mijn werk de hele dag medicijnen, ik ben op en wil rust",
    "Mijn moeder heeft dementie, hoe kan ik haar het beste uitleggen wat er met haar aan de hand is?",
    "ik doe de was en kook voor mijn gezin, mijn zoon van 7 luistert niet en ik snauw tegen hem. hoe doe ik dat "
    "anders?",
    "Ik werk in de thuiszorg en was en kleed elke dag ouderen aan. Mijn eigen kinderen zien me weinig. Hoe vind ik "
    "ander werk?",
    "Mijn vader is 80 en kookt nog elke dag zelf, hij doet zijn eigen boodschappen. Waar kan hij andere ouderen "
    "ontmoeten?",
]


@pytest.mark.parametrize("text", TWINS)
def test_care_words_without_a_cared_for_relative_make_no_carer(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert "mantelzorg" not in {t["id"] for t in res.themes}, (text[:60], [t["id"] for t in res.themes])
    assert CARER not in top[:1], (text[:60], top)
