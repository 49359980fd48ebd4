"""tester21 B10 as a class (ADR 0171): someone put out of the house who sleeps in a car or on a friend's couch got
work help first, and the front door that says the kaart has no shelter only third. Having no roof tonight comes
before a job: when homelessness is a main need, its help (or, on a kaart without shelter, the front door that says
so) leads. Twins: "op straat staan" after a lost job with no sign of losing the home stays work help. Sentences of
our own, written before the change was made.
"""

from __future__ import annotations

import pytest
from builders import top_ids

DOOR = "svc-aalten-brede-intake"
DEMO_WORK = {
    "svc-aalten-participatieconsulent",
    "svc-laborijn-dienstverlening",
    "svc-werkcentrum-achterhoek",
    "svc-labowijzer-diagnostiek",
}

NO_ROOF = [
    "Ik ben uit huis gezet en slaap nu in mijn auto",
    "ontslagen en uit huis gezet, ik heb geen dak meer boven mijn hoofd",
    "ik slaap op de bank bij een vriend sinds ik eruit moest",
    "Ik ben mijn werk kwijt en nu ook mijn huis, ik slaap in de auto",
    "de huisbaas heeft de huur opgezegd, ik heb geen baan en sinds vorige week slaap ik in mijn auto",
    "geen werk, geen huis, ik slaap al drie nachten in de auto op een parkeerplaats",
    "ik moest weg bij mijn ouders en slaap nu overal en nergens, ik zoek ook werk",
    "ik ben ontslagen en uit mijn huis gezet, waar kan ik slapen",
]

JOB_ONLY = [
    "Ik ben ontslagen en sta op straat, hoe kom ik aan nieuw werk",
    "na de reorganisatie sta ik op straat, wie helpt me met solliciteren",
    "mijn contract is niet verlengd, ik zoek ander werk",
]


@pytest.mark.parametrize("text", NO_ROOF)
def test_no_roof_leads_before_work_help(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert "dakloosheid" in {t["id"] for t in res.themes}, (text, [t["id"] for t in res.themes])
    assert top_ids(res, 1) == [DOOR], (text, top_ids(res))


@pytest.mark.parametrize("text", NO_ROOF)
def test_no_roof_gets_the_shelter_in_the_top_3_of_the_region(region, text):
    rtop = top_ids(region.match(text, near="Aalten", limit=6))
    assert "svc-maatschappelijke-opvang" in rtop, (text, rtop)


@pytest.mark.parametrize("text", JOB_ONLY)
def test_twin_a_lost_job_without_losing_the_home_stays_work_help(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert "dakloosheid" not in {t["id"] for t in res.themes}, (text, [t["id"] for t in res.themes])
    assert top_ids(res, 1)[0] in DEMO_WORK, (text, top_ids(res))
