"""tester24 class B (docs/usertest/m12test24.md; helper fix24, ADR 0184): a pupil who gives no age and writes about
their own school day ("ik kan 's ochtends niet wakker worden voor school …") got "u"; "na school" counted as a young
writer's sign, "voor school", "op school", "in de klas" did not. Who does what decides: the writer's OWN school day
(the writer in the sentence, no child of theirs named, no job at the school, no return to school as an adult, no
memory of long ago). And with a young writer the cards after a crisis card are for young people: an organisation's
youth service comes before its service for everyone (POH Jeugd before the adult POH). Sentences are our own, written
before the code, except w01 (tester24's). Twins: a parent, a school's worker, an adult who goes back to school, an
adult with a memory of school, a stated adult age keep "u"; an adult keeps the POH for everyone.
"""

from __future__ import annotations

import pytest
from builders import top_ids

PUPILS = [
    # tester24 w01
    "ik kan 's ochtends niet wakker worden voor school, de wekker gaat wel maar ik slaap gewoon door. is dat normaal?",
    # our own: other persons, tenses, structures and hands
    "ik heb geen zin meer in school en ik slaap steeds door mijn wekker heen",
    "Ik kwam deze week drie keer te laat op school omdat ik mijn bed niet uit kwam.",
    "elke ochtend voor school ben ik zo moe dat ik bijna niet kan opstaan",
    "in de klas val ik steeds in slaap, hoe kan ik dat oplossen",
    "k ben altijd moe voor school want ik lig tot laat wakker",
    "Gisteren ben ik in de klas weer in slaap gevallen en nu moet ik nablijven",
    "mijn ouders verbieden me om 's avonds te gamen omdat ik anders niet wakker word voor school",
]

ADULTS = [
    # the brief's twin: a parent's form for the child's school
    "ik moet voor school van mijn zoon een formulier invullen",
    "Onze dochter kan 's ochtends niet wakker worden voor school, hoe krijgen we haar uit bed?",
    "Ik werk op een school als conciërge en kan 's ochtends niet wakker worden",
    "Ik wil weer naar school om alsnog mijn diploma te halen, maar ik slaap slecht",
    "Vroeger op school kon ik nooit wakker worden, nu als volwassene nog steeds niet",
    "Ik ben 34 en kom 's ochtends niet wakker voor mijn opleiding, de wekker gaat wel",
    "Ik sta al jaren voor de klas en ben 's ochtends zo moe dat ik niet op kan staan",
]


@pytest.mark.parametrize("text", PUPILS)
def test_a_pupil_writing_about_their_own_school_day_gets_je(demo, text):
    res = demo.match(text, limit=10)
    assert res.register == "je", (text, res.register)


@pytest.mark.parametrize("text", ADULTS)
def test_twin_a_parent_a_school_worker_or_an_adult_learner_keeps_u(demo, text):
    res = demo.match(text, limit=10)
    assert res.register == "u", (text, res.register)


POH = "svc-huisartsen-poh"
POH_JEUGD = "svc-huisartsen-poh-jeugd"

YOUNG_LOW = [
    "ik ben 14. ik wil eigenlijk gewoon niet meer wakker worden",
    "ik ben 15 en ik wil er niet meer zijn",
    "ik zit in de brugklas en ik wil dood",
    "ik ben 13 en ik denk steeds aan zelfmoord",
    "ik ben 16. ik zie het niet meer zitten en wil niet meer leven",
    "ik ben 14 en ik voel me steeds zo somber en moe",
]

ADULT_LOW = [
    "ik ben 45 en ik wil er niet meer zijn",
    "Ik ben 52 en denk steeds aan zelfmoord",
    "ik ben 45 en voel me steeds zo somber",
]


@pytest.mark.parametrize("text", YOUNG_LOW)
def test_a_young_writer_gets_the_youth_poh_before_the_poh_for_everyone(demo, text):
    res = demo.match(text, limit=10)
    assert res.register == "je", text
    ids = top_ids(res, 5)
    if POH in ids:
        assert POH_JEUGD in ids and ids.index(POH_JEUGD) < ids.index(POH), (text, ids)


@pytest.mark.parametrize("text", ADULT_LOW)
def test_twin_an_adult_keeps_the_poh_for_everyone_before_the_youth_poh(demo, text):
    ids = top_ids(demo.match(text, limit=10), 5)
    assert POH_JEUGD not in ids[:3], (text, ids)
