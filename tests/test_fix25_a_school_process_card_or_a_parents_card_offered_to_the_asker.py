"""tester25 E and N-T (docs/usertest/m12test25.md BROKEN 5, N-T; helper fix25, ADR 0188): cards whose way in the
asker does not have. "Basisschool: zorgen signaleren en samenwerken" (how a primary school works with its worries,
"u meldt zich aan via school") was card 1 for a parent of a bullied boy of 9 and card 2 for teen writers who wrote
"school" or "toets"; Steungezin and Home-Start (asked for by parents of young children) were shown to teen writers
with "je kunt er zelf terecht". A card only a parent can use is not shown to a child who
writes. The school card's order is left open (xfail): two rules tried here broke the school tests of ADR 0185 and
earlier (truancy and reading keep the basisschool card), see ADR 0188. Twins: a school need keeps school help in the top 3, a parent
keeps the parenting cards.

Sentences of our own, written before the change (short, long and story-like), except E-1, B-2 and N1 (tester25's,
quoted as regression cases).
"""

from __future__ import annotations

import pytest
from builders import top_ids

SCHOOL_PROCESS = "svc-scholen-po-signaleren"
FOR_PARENTS = {"svc-inhuis-steungezin", "svc-yunio-home-start"}
DEMO_SCHOOL = {
    "svc-aalten-ot-school-sportclub",
    SCHOOL_PROCESS,
    "svc-samenwerkingsverband-po",
    "svc-samenwerkingsverband-vo",
}

BULLIED = [
    # tester25 E-1
    "Mijn zoon van 9 wordt op het schoolplein gepest en wil niet meer naar school. Met wie kan ik praten?",
    "Onze dochter van 8 wordt al maanden buitengesloten in de klas en huilt elke ochtend. Waar kunnen wij terecht?",
    "Mijn zoontje zit in groep 5 en wordt elke dag uitgescholden door een paar jongens. Hij durft niet meer naar "
    "school. Ik weet niet wie ik moet bellen.",
    "Sinds de zomervakantie wordt mijn dochter van 10 op school gepest, ze eet slecht, slaapt slecht en zegt 's "
    "ochtends dat ze buikpijn heeft zodat ze thuis kan blijven. De juf zegt dat het wel meevalt maar ik zie mijn "
    "kind veranderen. Wie kan ons helpen?",
]
TEEN_SCHOOL_WORDS = [
    # tester25 B-2
    "mijn ouders maken elke avond ruzie en dan kan ik niet slapen voor mijn toets van morgen. met wie kan ik praten",
    "ik ben 14 en ik word op school gepest, wie kan me helpen",
    "ik ben 15 en ik voel me vaak eenzaam, op school heb ik geen vrienden",
]
SCHOOL_NEED = [
    "mijn zoon van 10 wil al drie weken niet meer naar school en zit thuis",
    "Mijn dochter van 9 haalt alleen maar onvoldoendes en snapt niks van rekenen op school",
]
TEEN_WRITERS = [
    # tester25 N1
    "ik voel me de laatste tijd heel alleen. in de pauze sta ik altijd in mijn eentje en thuis praat ik met niemand. "
    "kan ik ergens met iemand chatten?",
    "ik ben 12 en de vriend van mijn moeder slaat mij als zij er niet is",
    "ik ben 16 en ik help elke dag mijn vader die in een rolstoel zit met douchen en koken. ik heb geen tijd meer "
    "voor vrienden",
    "ik ben 15 en ik voel me vaak eenzaam, op school heb ik geen vrienden",
]
PARENTS = [
    "Onze peuter van 3 heeft elke dag driftbuien en slaapt 's nachts slecht. Wij zijn allebei uitgeput. Wie kan ons "
    "tips geven?",
    "Ik ben moeder van een baby en een kleuter en ik trek het niet meer alleen, mijn man werkt veel. Wie kan een paar "
    "uur helpen?",
]


@pytest.mark.xfail(
    strict=False, reason="open: the school's own process card still leads for a bullied child (ADR 0188)"
)
@pytest.mark.parametrize("text", BULLIED[:3])
def test_a_bullied_childs_parent_gets_the_support_team_at_school_first(demo, text):
    top = top_ids(demo.match(text, limit=10))
    assert top[0] == "svc-aalten-ot-school-sportclub", (text, top)


@pytest.mark.parametrize("text", SCHOOL_NEED)
def test_twin_a_school_need_keeps_school_help_in_the_top_3(demo, text):
    top = top_ids(demo.match(text, limit=10))
    assert DEMO_SCHOOL & set(top), (text, top)


@pytest.mark.parametrize("text", TEEN_WRITERS)
def test_a_teen_writer_is_shown_no_card_only_a_parent_can_use(demo, text):
    res = demo.match(text, limit=10)
    assert res.register == "je", (text, res.register)
    shown = {r["service_id"] for r in res.results}
    assert not FOR_PARENTS & shown, (text, sorted(FOR_PARENTS & shown))


@pytest.mark.parametrize("text", PARENTS)
def test_twin_a_parent_keeps_the_cards_for_parents(demo, text):
    top = top_ids(demo.match(text, limit=10))
    assert FOR_PARENTS & set(top), (text, top)
