"""A teenager who asks how to get a parent to let them go out, with the parent's strong words quoted ("mijn vader zegt
dat hij me vermoordt als ik weer te laat thuis ben lol"), read no need: the front door, home care and the Wmo in the
top 3 (dev s378 as a class, issue 12, ADR 0167; held-out kind "nothing useful among the over-escalation controls").
The need is who does what: a parent, going out or coming home late, and a conflict or an ask about it. The danger
twin (a parent who hits) keeps Veilig Thuis. Our own wordings after pupils' forum posts (no text copied), written
before the change.
"""

from __future__ import annotations

import pytest
from builders import top_ids

DEMO_TEEN = {
    "svc-figulus-jeugd-jongerenwerk",
    "svc-aalten-jeugdconsulent",
    "svc-jeugdstem-vertrouwenspersoon",
    "svc-aalten-ot-ondersteuning",
    "svc-aalten-ot-school-sportclub",
    "svc-huisartsen-poh-jeugd",
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-scholen-vo-samenwerking",
}
REGION_TEEN = {
    "svc-jongerenwerk-aalten",
    "svc-opvoedspreekuur",
    "svc-schoolmaatschappelijk-werk",
    "svc-jeugdverpleegkundige",
}
CRISIS = {
    "svc-112-alarmnummer",
    "svc-113-hulplijn",
    "svc-alarmnummer-112",
    "svc-hulplijn-113",
    "svc-veilig-thuis",
}

GOING_OUT = [
    "mijn moeder vermoordt me als ik na 11 uur thuiskom haha, hoe overtuig ik haar dat ik langer weg mag",
    "pap maakt me af als ik weer te laat thuis ben, maar al mijn vrienden mogen tot 1 uur blijven",
    "m'n ouders flippen elke keer als ik te laat thuis kom, hoe krijg ik ze zover dat ik naar het feest mag",
    "mijn vader wordt woest als ik na twaalven thuis ben, hoe praat ik daar normaal met hem over",
    "ik mag van mn ma nooit uit op zaterdag en ze zegt dat ze me vermoordt als ik stiekem ga, hoe los ik dit op",
    "mama zegt dat ik huisarrest krijg tot mijn 30e als ik weer te laat thuiskom lol, hoe krijg ik meer vrijheid",
]

SAFETY_SIDE = (
    "the need is read now (opvoeden-opgroeien, youth work in the top 5), but a parent's threat quoted without a "
    "sign of jest ('pap maakt me af', 'ze vermoordt me') raises Veilig Thuis (and the region's Spoedteam) first: "
    "the safety side (safety20's files) decides whether a child's quote is a threat"
)
# fix23 (ADR 0179): on the demo the word model's danger is the child's now, and after Veilig Thuis youth work comes
# into the top 3 (the demo's Veilig Thuis id is not in CRISIS): the demo wording passes
DEMO_KNOWN: dict[str, str] = {}
REGION_KNOWN = {GOING_OUT[1]: SAFETY_SIDE, GOING_OUT[4]: SAFETY_SIDE}


def _params(known: dict[str, str]) -> list:
    return [
        pytest.param(t, marks=pytest.mark.xfail(strict=True, reason=known[t])) if t in known else t
        for t in GOING_OUT
    ]


@pytest.mark.parametrize("text", _params(DEMO_KNOWN))
def test_a_teen_who_may_not_go_out_gets_youth_help_on_the_demo(demo, text):
    top = top_ids(demo.match(text, near="Aalten", limit=6))
    assert DEMO_TEEN & set(top), (text, top)
    assert not CRISIS & set(top), (text, top)


@pytest.mark.parametrize("text", _params(REGION_KNOWN))
def test_a_teen_who_may_not_go_out_gets_youth_help_in_the_region(region, text):
    top = top_ids(region.match(text, near="Aalten", limit=6))
    assert REGION_TEEN & set(top), (text, top)
    assert not CRISIS & set(top), (text, top)


def test_a_parent_who_hits_over_coming_home_late_keeps_veilig_thuis(region):
    top = top_ids(
        region.match("mijn vader slaat me als ik te laat thuis ben, ik durf niet meer naar huis", limit=6)
    )
    assert "svc-veilig-thuis" in top, top
