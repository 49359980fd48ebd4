"""tester10's findings (docs/usertest/m12test10.md), each as a class with sentences of the lead's own and controls.

X1: someone's death is grief, not care for them: "mijn opa is dood en ik ben verdrietig" put mantelzorg courses
first for a child of 10 (matching.yaml `combinations` read the dead grandfather as a person cared for).
i02: grief told with the verb last ("sinds opa dood is") was not found.
i07: a daughter whose mother of 92 is confused at night and who cannot cope any more got the huisarts and
maatschappelijk werk, not the casemanager dementie: the phrase started at the person ("mijn [moeder van 92 is
verward]"), so the person cue did not say whose need it was.
"""

from __future__ import annotations

import pytest


def _ids(res) -> list[str]:
    return [r["service_id"] for r in res.results]


def _themes(res) -> set[str]:
    return {t["id"] for t in res.themes}


@pytest.mark.parametrize(
    "text",
    [
        "mijn opa is dood en ik ben verdrietig ik ben 10",
        "ik ben 12 en mijn oma is overleden, ik ben heel verdrietig",
        "mijn vader is vorige week overleden en ik ben op",
    ],
)
def test_a_death_is_grief_not_caregiving(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "rouw" in _themes(res)
    assert "mantelzorg" not in _themes(res), _themes(res)
    assert not {"svc-academie-vrijwilligers-mantelzorgers", "svc-figulus-mantelzorgondersteuning"} & set(
        _ids(res)[:3]
    ), _ids(res)


def test_caring_for_someone_ill_and_exhausted_is_still_caregiver_overload(demo):
    res = demo.match("mijn moeder heeft dementie en ik ben op", near="Aalten", limit=5)
    assert "mantelzorg" in _themes(res)


@pytest.mark.parametrize(
    "text",
    [
        "sinds opa dood is ben ik de hele tijd verdrietig",
        "ik mis mama zo erg sinds mama overleden is",
    ],
)
def test_grief_with_the_verb_last(demo, text):
    assert "rouw" in _themes(demo.match(text, limit=5))


@pytest.mark.parametrize(
    "text",
    [
        "mijn moeder van 92 is 's nachts verward en loopt de straat op, ik kan het niet meer aan",
        "mijn vader van 88 is vaak in de war en vergeet alles, ik kan het niet meer aan",
    ],
)
def test_a_carer_at_the_end_of_her_strength_gets_dementia_and_carer_help_first(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "mantelzorg" in _themes(res), _themes(res)
    assert "svc-casemanager-dementie" in _ids(res)[:3], _ids(res)


def test_the_person_cue_does_not_make_the_victim_of_danger_someone_else(demo):
    res = demo.match("mijn vriend slaat me als hij boos is", limit=5)
    assert res.signals["veiligheid"]
    assert _ids(res)[0] == "svc-veilig-thuis-advies-melden", _ids(res)
