"""A young carer is not seen as a carer, and the parent's illness is put on the child (tester23 N-L,
docs/usertest/m12test23.md; issue 12, ADR 0180). "ik ben 15 en ik zorg elke dag voor mijn moeder die MS heeft. ik kom
niet meer aan huiswerk toe en ben heel moe" read "Een ziekte of beperking die blijft" for the writer ("voor deze
leeftijd nog geen aanbod") and Mantelzorgondersteuning was not in the top 20. Young carers rarely say "mantelzorger":
caring acts (zorgen voor, wassen, boodschappen, medicijnen geven, koken voor de broertjes omdat mama ziek is) by a young
writer for a parent or a sibling are young care. Our own wordings, written before the change: ages 12 to 17, a
father, a mother, a sister, a brother, typos, no age but a school class; the twins care for a pet, babysit while a
parent works, or help out now and then.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

DEMO_CARER = {"svc-figulus-mantelzorgondersteuning", "svc-academie-vrijwilligers-mantelzorgers"}
REGION_CARER = {"svc-mantelzorgsteunpunt"}

YOUNG_CARERS = [
    "ik ben 15 en ik zorg elke dag voor mijn moeder die MS heeft. ik kom niet meer aan huiswerk toe en ben heel moe",
    "ik ben 14, mijn vader heeft kanker en ik doe na school de boodschappen en kook voor mijn broertjes",
    "Ik (16) geef mijn moeder elke avond haar medicijnen en help haar met wassen, want ze kan het zelf niet meer.",
    "mama is ziek dus ik kook elke dag voor mijn broertjes en breng ze naar school. ik ben 13 en ben zo moe",
    "ik ben 17 en mijn zusje is gehandicapt, ik help haar elke dag met aankleden en eten. ik heb geen tijd voor vrienden",
    "sinds papa een hersenbloeding had zorg ik met mama voor hem. ik zit in de 2e klas en mijn cijfers gaan omlaag",
    "ik ben 15 en zorg voor me moeder, ze heeft reuma en kan niks meer. ik doe alles in huis en ben kapot",
]
NO_CARE_BURDEN = [
    "ik ben 13 en ik zorg voor mijn konijn, wat mag hij allemaal eten?",
    "ik ben 14 en pas op mijn broertje als mama werkt, waar kan ik een oppascursus doen?",
    "ik ben 15 en help mijn moeder soms met koken, is er een kookcursus voor tieners?",
    "ik ben 12 en zorg elke dag voor mijn cavia's, ik wil later dierenarts worden",
    "ik ben 16 en pas op de kinderen van de buren, hoeveel mag ik vragen?",
    "ik ben 14 en mijn moeder zorgt goed voor mij, maar ik heb geen vrienden op mijn nieuwe school",
]


def _whys(res) -> list[str]:
    return [r["why"] for r in res.results[:5]]


# Open since the session's merges (lead, session 14): a 13-year-old who also takes the brothers to school reads
# onderwijs as the writer's own (fix24's pupil reading, calm24's school setting): OT op school, the front door and JGZ
# fill the top 3, carer support is 4th or lower.
_MERGED_OPEN = {YOUNG_CARERS[3]}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            t, marks=pytest.mark.xfail(strict=True, reason="after the merges: school read as the writer's")
        )
        if t in _MERGED_OPEN
        else t
        for t in YOUNG_CARERS
    ],
)
def test_a_young_carer_gets_carer_support_and_not_the_parents_illness(demo, region, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert DEMO_CARER & set(top_ids(res)), (text, top_ids(res), themes_of(res))
    assert not any("voor deze leeftijd" in w for w in _whys(res)), (text, _whys(res))
    assert any(" je " in f" {w} " for w in _whys(res)), (text, _whys(res))
    rres = region.match(text, near="Aalten", limit=5)
    assert REGION_CARER & set(top_ids(rres)), (text, top_ids(rres), themes_of(rres))


@pytest.mark.parametrize("text", NO_CARE_BURDEN)
def test_a_pet_or_babysitting_is_no_care_burden(demo, region, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "mantelzorg" not in themes_of(res), (text, themes_of(res))
    assert not DEMO_CARER & set(top_ids(res)), (text, top_ids(res))
    rres = region.match(text, near="Aalten", limit=5)
    assert "mantelzorg" not in themes_of(rres), (text, themes_of(rres))


# Left (ADR 0180): with no need read, the synthetic kaart's word search still finds the carers' support point on
# "zorg voor" / "oppassen" (a words-only card, "Gevonden met woorden uit je vraag", or the carers' group read from
# "ik zorg voor"): no theme, no box, a weak third card. Strict xfails, found after the change.
_WORDS_ONLY = pytest.mark.xfail(
    strict=True, reason="words-only carers' card on the synthetic kaart (ADR 0180 left)"
)


@pytest.mark.parametrize(
    "text",
    [pytest.param(t, marks=_WORDS_ONLY) if i in (0, 3, 4) else t for i, t in enumerate(NO_CARE_BURDEN)],
)
def test_no_carers_card_for_a_pet_or_babysitting_on_the_synthetic_kaart(region, text):
    rres = region.match(text, near="Aalten", limit=5)
    assert not REGION_CARER & set(top_ids(rres)), (text, top_ids(rres))
