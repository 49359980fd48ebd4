"""The place a thing happens was read as the need: "onze dochter van 3 praat thuis gewoon, maar op de peuteropvang
zegt ze niets" gave Kinderopvang and the SMI (a child-care indication) first and JGZ 4th (tester22 B13,
docs/usertest/m12test22.md; issue 12, ADR 0177). "op de peuteropvang", "bij de gastouder", "op het
kinderdagverblijf" name where the child was seen; the worry is the child's (JGZ, parenting help). Asked for itself
(a place, a waiting list, the costs, more days) child care stays the need. Our own wordings, written before the change.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

YOUNG = {
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-yunio-home-start",
    "svc-inhuis-steungezin",
    "svc-aalten-jeugdconsulent",
    "svc-aalten-ot-ondersteuning",
    "svc-consultatiebureau",
    "svc-opvoedspreekuur",
    "svc-gezinsmaatje",
    "svc-jeugdverpleegkundige",
}
CARE_FIRST = {"svc-kinderopvang-aalten", "svc-gemeente-aalten-smi"}

SEEN_AT_THE_CARE = [
    "Onze dochter van 3 praat thuis gewoon, maar op de peuteropvang zegt ze helemaal niets. Moet ik me zorgen maken?",
    "Mijn zoon van 2 bijt andere kindjes op het kinderdagverblijf, de leidster vraagt wat we thuis doen",
    "hij is 18 maanden en op de opvang huilt hij de hele dag zegt de leidster, thuis is het een vrolijk ventje",
    "De leidsters van de peuterspeelzaal zeggen dat onze dochter van 2 niet met andere kinderen speelt. Is dat erg?",
    "Bij de gastouder wil ze niet eten en niet slapen, thuis wel. Ze is 14 maanden. Wat kan ik doen?",
    "mijn zoontje van 4 is op de bso heel druk en luistert niet, thuis valt het mee, wie kan meekijken?",
    "Op het kinderdagverblijf zeggen ze dat mijn dochter (2) nog weinig woordjes zegt, is dat normaal?",
]
CARE_ASKED_FOR = [
    "We zoeken een peuteropvang voor onze dochter van 2 in Aalten",
    "Is er plek op een kinderdagverblijf in Dinxperlo voor onze zoon van 1?",
    "Hoe kom ik aan een plek bij een gastouder voor mijn baby van 4 maanden?",
    "Ik werk vanaf maart weer, waar vind ik bso voor mijn zoon van 6?",
    "Kan mijn dochter van 3 vaker naar de peuteropvang nu ik ziek ben?",
    "de wachtlijst van de kinderopvang is lang, waar kan mijn zoon van 1 nog meer terecht?",
]


@pytest.mark.parametrize("text", SEEN_AT_THE_CARE)
def test_a_worry_seen_at_the_child_care_is_the_childs(demo, region, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "kinderopvang" not in themes_of(res), (text, themes_of(res))
    top = top_ids(res)
    assert YOUNG & set(top) and top[0] not in CARE_FIRST, (text, top)
    rres = region.match(text, near="Aalten", limit=5)
    assert YOUNG & set(top_ids(rres)), (text, themes_of(rres), top_ids(rres))


@pytest.mark.parametrize("text", CARE_ASKED_FOR)
def test_child_care_asked_for_stays_the_need(demo, region, text):
    assert "kinderopvang" in themes_of(demo.match(text, near="Aalten", limit=5)), text
    assert "kinderopvang" in themes_of(region.match(text, near="Aalten", limit=5)), text
