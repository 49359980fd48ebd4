"""tester18 B8 (R5.1) as a class (ADR 0162): "vapen is normaal bij ons op school maar zonder kan ik me niet meer
focussen" put "Basisschool" 2nd: a secondary-school pupil's substance use needs jongerenwerk or help with using, not a
primary school. The twins: a young child's school question keeps the primary school; an adult who vapes gets no
school. Sentences of our own, written before the change was made.
"""

from __future__ import annotations

import pytest

PRIMARY = {"svc-scholen-po-signaleren", "svc-samenwerkingsverband-po"}
YOUTH_HELP = {
    "svc-figulus-jeugd-jongerenwerk",
    "svc-scholen-vo-samenwerking",
    "svc-aalten-jeugdconsulent",
    "svc-huisartsen-poh-jeugd",
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-aalten-ot-ondersteuning",
    "svc-aalten-ot-school-sportclub",
}

PUPIL_USES = [
    "vapen is normaal bij ons op school maar zonder kan ik me niet meer focussen",
    "iedereen in mijn klas vaped, ik nu ook en ik kan niet meer stoppen",
    "ik blow elke dag voor school en mijn cijfers gaan omlaag",
    "op school roken ze allemaal een vape in de pauze en nu zit ik er ook aan vast",
    "mijn zoon van 15 vapet op school en kan zich thuis niet meer concentreren zonder",
    "sinds de brugklas drink ik elk weekend veel te veel en op maandag kan ik niks op school",
]


@pytest.mark.parametrize("text", PUPIL_USES)
def test_a_pupils_substance_use_gets_no_primary_school(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert not PRIMARY & set(top), (text, top, [t["id"] for t in res.themes])
    assert YOUTH_HELP & set(top), (text, top)


def test_a_young_childs_school_worry_keeps_the_primary_school(demo):
    res = demo.match(
        "mijn dochter van 7 wil niet meer naar school, ze zit in groep 4", near="Aalten", limit=10
    )
    top = [r["service_id"] for r in res.results[:5]]
    assert PRIMARY & set(top), top


def test_an_adult_who_vapes_gets_no_school(demo):
    res = demo.match("ik ben 45 en vape de hele dag op mijn werk, ik wil stoppen", near="Aalten", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert not (PRIMARY | {"svc-scholen-vo-samenwerking"}) & set(top), top
