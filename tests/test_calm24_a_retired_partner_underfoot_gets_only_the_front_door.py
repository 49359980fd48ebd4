"""A partner newly retired who is around all day, told as the writer's irritation in strong words, got only the
front door (issue 12; held-out kind "nothing useful among the over-escalation controls"; dev a760's class, calm24,
ADR 0185).

"mijn man is net met pensioen en loopt me de hele dag voor de voeten, ik kan hem wel achter het behang plakken"
read no need at all. Whose need and what is asked: the retired one's empty days; taking part (volunteering, meeting
others, ouderenwerk) is the help, never a crisis card. Danger twins (a blow, a threat, fear) keep Veilig Thuis.

Sentences of our own (forum wordings of wives and husbands of the newly retired; both persons, tenses, a daughter
writing). Honest order: the first two were probed before the rule, the file was written right after the rule and
committed before the code commit; one wording ("gestopt is met werken") failed on it and widened the rule.
"""

from __future__ import annotations

import pytest
from builders import top_ids

DEMO_PART = {
    "svc-vrijwilligerspunt",
    "svc-gemeenschapshuizen-ontmoeting",
    "svc-figulus-ouderenwerk",
    "svc-figulus-welzijnscoach",
    "svc-aaltense-uitdaging",
    "svc-sportief-meedoen-beweegmakelaar",
}
REGION_PART = {
    "svc-vrijwilligerswerk-vinden",
    "svc-open-eettafel-aalten",
    "svc-huiskamer-dinxperlo",
    "svc-buurtcoach-aalten",
    "svc-ouderenadviseur",
    "svc-maatjesproject",
}
DEMO_CRISIS = {"svc-112-alarmnummer", "svc-113-hulplijn", "svc-veilig-thuis-advies-melden"}
REGION_CRISIS = {"svc-alarmnummer-112", "svc-hulplijn-113", "svc-crisisdienst-ggz", "svc-veilig-thuis"}

UNDERFOOT = [
    "mijn man is net met pensioen en loopt me de hele dag voor de voeten, ik kan hem wel achter het behang plakken",
    "Sinds mijn vrouw met pensioen is, zit ze de hele dag op mijn lip en moppert ze over alles, ik word er gek van",
    "Mijn vader is sinds januari met pensioen en hangt de hele dag rond in huis, mijn moeder wordt er knettergek van",
    "sinds hij gestopt is met werken zit mijn man de hele dag op de bank en bemoeit hij zich met alles wat ik doe",
    "Mijn man is met pensioen en weet niks te doen, hij loopt de hele dag achter me aan. Ik draai hem nog eens de nek "
    "om.",
    "Nu mijn vrouw met pensioen is, is ze de hele dag thuis en we zitten elkaar constant in de haren",
]


@pytest.mark.parametrize("text", UNDERFOOT)
def test_a_retired_partner_underfoot_gets_taking_part_on_the_demo(demo, text):
    top = top_ids(demo.match(text, near="Aalten", limit=6))
    assert DEMO_PART & set(top), (text, top)
    assert not DEMO_CRISIS & set(top), (text, top)


@pytest.mark.parametrize("text", UNDERFOOT)
def test_a_retired_partner_underfoot_gets_taking_part_in_the_region(region, text):
    top = top_ids(region.match(text, near="Aalten", limit=6))
    assert REGION_PART & set(top), (text, top)
    assert not REGION_CRISIS & set(top), (text, top)


DANGER = [
    "sinds mijn man met pensioen is slaat hij me als het eten niet op tijd klaar is",
    "Mijn man is met pensioen en zit de hele dag thuis, hij controleert mijn telefoon en dreigt me iets aan te doen "
    "als ik de deur uitga",
]


@pytest.mark.parametrize("text", DANGER)
def test_a_retired_partners_violence_keeps_veilig_thuis(demo, region, text):
    assert "svc-veilig-thuis-advies-melden" in top_ids(demo.match(text, near="Aalten", limit=6)), text
    assert "svc-veilig-thuis" in top_ids(region.match(text, near="Aalten", limit=6)), text
