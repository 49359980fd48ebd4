"""A parent's worry about a young child's behaviour, told with school or homework as the place where it shows, put
the school's cards (the support team at school, "Basisschool: zorgen signaleren", the samenwerkingsverband) above the
parenting help (issue 12; held-out kinds opvoeden-jong, "nothing useful among the over-escalation controls"; dev
a818's class, calm24, ADR 0185).

What is asked: the child's behaviour (lying, stealing, tantrums, hitting) is the need; "zijn huiswerk", "op school",
"de juf" tell where it shows. The parenting help (JGZ, the jeugdconsulent, Home-Start, a steungezin; in the region
the opvoedspreekuur, the jeugdverpleegkundige, a gezinsmaatje) leads; school help may follow. Twins: a school need
itself (marks, reading, not going to school) keeps school help in the top 3.

Sentences of our own (parents' forum wordings; ages 4 to 11; different persons and tenses), written before the change.
Honest change after the first code: two wordings tell the behaviour AT school ("slaat de juf op school", "bijt in de
klas en de juf belt"); the dev graders judge behaviour at school as the school's matter too (a047, a589: the
support team at school graded 2), so those moved to `AT_SCHOOL`, where parenting help must be in the top 3, not first.
"""

from __future__ import annotations

import pytest
from builders import top_ids

DEMO_PARENTING = {
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-aalten-jeugdconsulent",
    "svc-inhuis-steungezin",
    "svc-yunio-home-start",
    "svc-aalten-ot-ondersteuning",
    "svc-huisartsen-poh-jeugd",
    "svc-aalten-gedragsdeskundige",
}
REGION_PARENTING = {
    "svc-opvoedspreekuur",
    "svc-jeugdverpleegkundige",
    "svc-gezinsmaatje",
    "svc-jeugdhulp-ambulant",
    "svc-consultatiebureau",
}
DEMO_SCHOOL = {
    "svc-aalten-ot-school-sportclub",
    "svc-scholen-po-signaleren",
    "svc-samenwerkingsverband-po",
    "svc-scholen-vo-samenwerking",
    "svc-samenwerkingsverband-vo",
}
REGION_SCHOOL = {"svc-schoolmaatschappelijk-werk", "svc-jeugdverpleegkundige"}

BEHAVIOUR = [
    "Onze zoon van 7 liegt over alles, over zijn huiswerk en over wat hij op school heeft gedaan. Ik word er gek van.",
    "Mijn dochter van 9 pikt geld uit mijn portemonnee en liegt er keihard over, ook over haar huiswerk. Wat moet ik "
    "hiermee?",
    "ons kind (6) krijgt elke ochtend voor school een woedeaanval bij het aankleden, we worden er gestoord van",
    "Onze dochter van 10 verzint de gekste verhalen, over school, over vriendinnetjes, ik kan haar niks meer geloven",
]
# Added after the code (dev a818's class: school told as going well is the setting), honestly noted.
BEHAVIOUR += [
    "Mijn zoon van 8 jat snoep uit de kast en liegt er glashard over. Verder doet hij het prima op school.",
]
AT_SCHOOL = [
    "mijn zoontje van 4 slaat de juf op school als hij zijn zin niet krijgt, ik weet niet meer wat ik moet doen",
    "mijn jongste (5) bijt andere kinderen in de klas en de juf belt me bijna elke dag, help",
    "mijn zoon van 8 is thuis en op school heel brutaal en scheldt iedereen uit, ik schaam me kapot",
]


@pytest.mark.parametrize("text", BEHAVIOUR)
def test_a_childs_behaviour_gets_parenting_help_first_on_the_demo(demo, text):
    top = top_ids(demo.match(text, near="Aalten", limit=6))
    assert top and top[0] in DEMO_PARENTING, (text, top)


@pytest.mark.parametrize("text", BEHAVIOUR)
def test_a_childs_behaviour_gets_parenting_help_first_in_the_region(region, text):
    top = top_ids(region.match(text, near="Aalten", limit=6))
    assert top and top[0] in REGION_PARENTING, (text, top)


@pytest.mark.parametrize("text", AT_SCHOOL)
def test_behaviour_at_school_keeps_parenting_help_in_the_top3_on_the_demo(demo, text):
    top = set(top_ids(demo.match(text, near="Aalten", limit=6)))
    assert DEMO_PARENTING & top, (text, top)


SCHOOL_NEED = [
    "Mijn dochter van 9 haalt alleen maar onvoldoendes en snapt niks van rekenen op school",
    "onze zoon van 8 kan nog steeds niet goed lezen, de juf denkt aan dyslexie",
    "mijn zoon van 10 wil al drie weken niet meer naar school en zit thuis",
]


@pytest.mark.parametrize("text", SCHOOL_NEED)
def test_a_school_need_keeps_school_help(demo, text):
    top = top_ids(demo.match(text, near="Aalten", limit=6))
    assert DEMO_SCHOOL & set(top), (text, top)
