"""A relative's meddling, visits or quarrels told in strong words read as danger at home or as another person's need
(issue 12; held-out kind "nothing useful among the over-escalation controls"; dev a859's class, calm24, ADR 0185).

"mijn zwager en schoonzus komen elk weekend onaangekondigd eten, ik word er stapelgek van maar durf niks te zeggen"
and "mijn schoonmoeder vindt alles wat ik doe fout … thuis is het alleen maar ruzie" put Veilig Thuis first; "Mijn
broer en ik hebben al twee jaar ruzie over het huis van onze ouders" read upbringing (opvoeden-opgroeien: youth work
and the youth POH for two adults). Whose need and what is asked: the writer's own friction with a relative; the help
is a talk about it (maatschappelijk werk, a welzijnscoach, the front door), never a crisis card, never a youth card.
The danger twins (a relative who hits, threatens, locks up or takes money) keep Veilig Thuis.

Sentences of our own (forum wordings about in-laws, siblings and parents; different persons and tenses), written
before the change.
"""

from __future__ import annotations

import pytest
from builders import top_ids

DEMO_TALK = {
    "svc-sensire-maatschappelijk-werk",
    "svc-aalten-brede-intake",
    "svc-figulus-welzijnscoach",
    "svc-vat-aalten-vraag-advies",
    "svc-vat-aalten-verkennend-gesprek",
}
REGION_TALK = {
    "svc-sociaal-team-aalten",
    "svc-sociaal-team-dinxperlo",
    "svc-buurtcoach-aalten",
    "svc-buurtcoach-dinxperlo",
}
DEMO_CRISIS = {"svc-112-alarmnummer", "svc-113-hulplijn", "svc-veilig-thuis-advies-melden"}
REGION_CRISIS = {"svc-alarmnummer-112", "svc-hulplijn-113", "svc-crisisdienst-ggz", "svc-veilig-thuis"}
DEMO_YOUTH_ONLY = {
    "svc-figulus-jeugd-jongerenwerk",
    "svc-huisartsen-poh-jeugd",
    "svc-aalten-ot-ondersteuning",
    "svc-ggd-nog-jgz",
}
REGION_YOUTH_ONLY = {"svc-jongerenwerk-aalten", "svc-consultatiebureau", "svc-jeugdverpleegkundige"}

FRICTION = [
    "mijn zwager en schoonzus komen elk weekend onaangekondigd eten, ik word er stapelgek van maar durf niks te "
    "zeggen",
    "Mijn schoonmoeder vindt alles wat ik doe fout, mijn man neemt het nooit voor me op en thuis is het alleen maar "
    "ruzie",
    "Mijn broer en ik hebben al twee jaar ruzie over het huis van onze ouders, ik lig er wakker van",
    "Mijn zus maakt me helemaal kapot met haar gezeur over de erfenis van mama",
    "mn schoonouders bemoeien zich overal mee, ik word er gek van en we krijgen er thuis steeds ruzie om",
    "Sinds de begrafenis van pa praat mijn zus niet meer met me, het vreet aan me",
    "mijn schoonzus vermoordt me nog met haar verhalen, ze komt elke dag onaangekondigd langs",
]


# Open after calm24: family relations are read now, but "onze ouders" / "mama" also read opvoeden-opgroeien (another
# person's need, not_their_need is lay23's), so youth cards stay in the demo's top 3.
DEMO_OPEN = {
    FRICTION[
        2
    ]: "a parent named as a sibling's parent still reads opvoeden-opgroeien: youth cards in the top 3",
    FRICTION[3]: "'de erfenis van mama' still reads opvoeden-opgroeien: youth cards in the top 3",
    FRICTION[
        5
    ]: "open since the session's merges (lead, session 14): fix24 reads contact lost with one person as no "
    "loneliness (ADR 0184), so grief (levensvragen) and the POH lead and no talk is in the top 3",
}


def _demo_params() -> list:
    return [
        pytest.param(t, marks=pytest.mark.xfail(strict=True, reason=DEMO_OPEN[t])) if t in DEMO_OPEN else t
        for t in FRICTION
    ]


@pytest.mark.parametrize("text", _demo_params())
def test_a_relatives_friction_gets_a_talk_on_the_demo(demo, text):
    top = top_ids(demo.match(text, near="Aalten", limit=6))
    assert DEMO_TALK & set(top), (text, top)
    assert not DEMO_CRISIS & set(top), (text, top)
    assert not DEMO_YOUTH_ONLY & set(top), (text, top)


@pytest.mark.parametrize("text", FRICTION)
def test_a_relatives_friction_gets_a_talk_in_the_region(region, text):
    top = top_ids(region.match(text, near="Aalten", limit=6))
    assert REGION_TALK & set(top), (text, top)
    assert not REGION_CRISIS & set(top), (text, top)
    assert not REGION_YOUTH_ONLY & set(top), (text, top)


DANGER = [
    "mijn zwager komt elk weekend langs en slaat mijn zus als ze iets zegt, ze heeft blauwe plekken",
    "mijn schoonmoeder sluit mij op in huis en pakt mijn bankpas af, ik mag niemand bellen",
    "Mijn broer dreigt me iets aan te doen als ik mijn deel van de erfenis niet aan hem geef",
    # added after a first widening of the nuisance reading dropped them (quarrels, nagging, meddling as acts; since
    # narrowed): a child's parents who fight, a parent's control, a threat to take the children
    "mijn ouders hebben altijd ruzie en dan krijg ik de klappen",
    "mijn ouders maken steeds ruzie en papa schreeuwt heel hard tegen mama",
    "mijn moeder zeurt de hele dag en zegt dat ik niks waard ben, ik mag nooit weg",
    "mijn vader bemoeit zich met alles, hij leest mijn berichten en ik mag geen vrienden zien",
    "mijn schoonmoeder vindt alles wat ik doe fout en zegt dat ze de kinderen van me afpakt",
]


@pytest.mark.parametrize("text", DANGER)
def test_a_relatives_violence_keeps_veilig_thuis(demo, region, text):
    assert "svc-veilig-thuis-advies-melden" in top_ids(demo.match(text, near="Aalten", limit=6)), text
    assert "svc-veilig-thuis" in top_ids(region.match(text, near="Aalten", limit=6)), text
