"""A pupil's exam and school pressure told in drastic words gets the front door or adult help, not school or youth
help (issue 12; held-out kinds "nothing useful among the over-escalation controls" and jeugd-school; dev a865's
class, calm24, ADR 0185).

"als ik zak voor mijn examen is alles voorbij" read no need at all (only the front door, plus a card found by its
words); "ik ga dood als ik mijn diploma niet haal" put adult maatschappelijk werk and the adult POH next to the
youth POH. The crisis line is rightly kept out; the everyday need under the words is a pupil's stress about tests:
school or youth help (the youth POH, the school's support team, youth work, the JGZ for 12+) belongs in the top 3.
Each wording has a plain twin's need; the danger twins (a plan, a means, a goodbye) keep 113.

Sentences of our own (pupils' posts, parents' worries; different persons, tenses, typos, a parent writing), written
before the change.
"""

from __future__ import annotations

import pytest
from builders import top_ids

DEMO_YOUTH = {
    "svc-huisartsen-poh-jeugd",
    "svc-aalten-ot-school-sportclub",
    "svc-aalten-ot-ondersteuning",
    "svc-figulus-jeugd-jongerenwerk",
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-aalten-jeugdconsulent",
    "svc-jeugdstem-vertrouwenspersoon",
    "svc-scholen-vo-samenwerking",
}
REGION_YOUTH = {
    "svc-jeugdverpleegkundige",
    "svc-schoolmaatschappelijk-werk",
    "svc-jongerenwerk-aalten",
    "svc-jeugd-ggz",
    "svc-opvoedspreekuur",
    "svc-jeugdhulp-ambulant",
}
DEMO_CRISIS = {"svc-112-alarmnummer", "svc-113-hulplijn", "svc-veilig-thuis-advies-melden"}
REGION_CRISIS = {"svc-alarmnummer-112", "svc-hulplijn-113", "svc-crisisdienst-ggz", "svc-veilig-thuis"}

PRESSURE = [
    "als ik zak voor mijn examen is alles voorbij, ik leer tot middernacht en slaap amper nog",
    "ik ga dood als ik mijn diploma niet haal, ik zit in 6 vwo en ik stress me kapot",
    "volgende week begint de toetsweek en ik flip compleet, ik kan niks meer onthouden",
    "mijn ouders vermoorden me als ik weer een onvoldoende haal, ik zit in 2 mavo",
    "Ik ben 16 en de druk van mijn eindexamen maakt me kapot, ik eet bijna niks meer",
    "mijn zoon (16) zit in zijn examenjaar en is zo gestrest dat hij 's nachts ligt te piekeren, hij zegt dat zijn "
    "leven voorbij is als hij zakt",
    "sinds de school is begonnen kan ik niet meer slapen van de zenuwen voor mijn proefwerken",
    "die examens worden mn dood, elke avond janken boven mijn boeken en ik snap er nog steeds niks van",
    "Onze dochter zit in havo 5 en zegt dat ze liever doodgaat dan dat ze blijft zitten. Ze slaapt slecht van de "
    "toetsen.",
]


# Open after calm24: the need (onderwijs, psychische-klachten) is read now, but "mijn examen" does not make the writer
# a pupil (the young-writer reading is the register's, fix24), so the adult POH and maatschappelijk werk lead.
# Passes since fix24's pupil reading (ADR 0184) was merged with calm24 (lead, session 14): no longer open.
DEMO_OPEN: dict[str, str] = {}


def _demo_params() -> list:
    return [
        pytest.param(t, marks=pytest.mark.xfail(strict=True, reason=DEMO_OPEN[t])) if t in DEMO_OPEN else t
        for t in PRESSURE
    ]


@pytest.mark.parametrize("text", _demo_params())
def test_exam_pressure_gets_youth_help_on_the_demo(demo, text):
    top = top_ids(demo.match(text, near="Aalten", limit=6))
    assert DEMO_YOUTH & set(top), (text, top)
    assert not DEMO_CRISIS & set(top), (text, top)


@pytest.mark.parametrize("text", PRESSURE)
def test_exam_pressure_gets_youth_help_in_the_region(region, text):
    top = top_ids(region.match(text, near="Aalten", limit=6))
    assert REGION_YOUTH & set(top), (text, top)
    assert not REGION_CRISIS & set(top), (text, top)


DANGER = [
    "ik zak toch voor mijn examen, ik wil niet meer leven en heb al pillen verzameld",
    "na de uitslag van mijn examen ga ik van de brug springen, ik heb mijn afscheidsbrief al geschreven",
    "mijn zoon van 16 is gezakt en zei dat hij zichzelf iets gaat aandoen, hij heeft een touw op zijn kamer",
]


@pytest.mark.parametrize("text", DANGER)
def test_exam_words_next_to_a_plan_keep_113(demo, region, text):
    assert "svc-113-hulplijn" in top_ids(demo.match(text, near="Aalten", limit=6)), text
    assert "svc-hulplijn-113" in top_ids(region.match(text, near="Aalten", limit=6)), text
