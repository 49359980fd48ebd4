"""A toddler who hits, kicks or bites the parent is parenting, not danger at home, also when the mark is told and
the toddler is "hij" or "zij" further on (dev s561: "mijn peuter slaat en schopt mij als hij zijn zin niet krijgt,
vandaag had ik een blauwe plek" got Veilig Thuis; helper safety22, ADR 0176). A parent or a partner who hits a
toddler keeps Veilig Thuis.

Sentences are our own, written before the code changed.
"""

from __future__ import annotations

import pytest
from builders import top_ids

VT = {"svc-veilig-thuis-advies-melden", "svc-veilig-thuis"}


@pytest.fixture(params=["demo", "region"], scope="module")
def kaart(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize(
    "text",
    [
        "mijn peuter bijt mij als hij moe is, ik heb overal blauwe plekken op mijn armen",
        "Onze dochter van 2 slaat en krabt me als zij haar zin niet krijgt, ik heb een blauw oog van haar beker.",
        "mijn zoontje van 3 schopt me tegen mijn benen als hij boos is, ik zit onder de blauwe plekken",
        "Toen mijn kleuter gisteren een driftbui had, gooide hij zijn schoen en nu heb ik een blauwe plek.",
        "mn peuter van 18 maanden knijpt en slaat mij steeds, hij laat blauwe plekken achter. hoe leer ik hem dat niet te doen",
        "Ik ben oma en mijn kleinzoon van 2 bijt me als hij naar bed moet, ik heb er blauwe plekken van.",
    ],
)
def test_a_toddler_who_hits_the_parent_raises_no_danger_at_home(kaart, text):
    res = kaart.match(text)
    assert "onveilig-thuis" not in res.safety_levels, res.safety_levels
    assert not VT & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "ik sla mijn peuter als hij zijn zin niet krijgt",
        "Mijn man slaat onze dochter van 2 als ze huilt.",
        "mijn vriend schopt mijn zoontje van 3 als hij boos is, hij heeft blauwe plekken",
        "ik heb mijn kleuter vandaag geslagen en ik schaam me, het gebeurt steeds vaker",
        "mijn peuter huilt veel en als mijn man thuiskomt slaat hij mij, ik heb blauwe plekken",
        "de nieuwe vriend van mijn ex slaat mijn peuter, hij had een blauwe plek op zijn wang",
    ],
)
def test_an_adult_who_hits_keeps_veilig_thuis(kaart, text):
    res = kaart.match(text)
    assert "onveilig-thuis" in res.safety_levels, (res.safety_levels, top_ids(res))
