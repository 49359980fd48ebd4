"""The rules of match/rank.py on their own (ADR 0111), and on the synthetic evaluation region (`region`), where
addiction care, brain-injury help and day activities do exist: there the door must not take their place."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from match.candidates import Candidate
from match.rank import fits_first, negated_needs, only_for_negated, touches_only

ANCESTORS = {"schulden": {"financien"}, "administratie": {"financien"}, "eenzaamheid": {"sociaal-netwerk"}}
PARENTS = {"schulden": ("financien",), "administratie": ("financien",), "eenzaamheid": ("sociaal-netwerk",)}
REGION_DOORS = {"svc-sociaal-team-aalten", "svc-sociaal-team-dinxperlo"}
UNCOVERED_LINE = "staat nog geen aanbod in de kaart"


def _cand(sid: str, themes: set[str], incidental: set[str] = frozenset(), derived: bool = False) -> Candidate:
    return Candidate(
        id=sid, organization_id="o", name=sid, niveau="vrij-toegankelijk", status="active",
        themes=frozenset(themes), suggested=frozenset(), doelgroepen=frozenset(), min_age=None, max_age=None,
        assured_date=None, available_24_7=False, points=(), incidental=frozenset(incidental),
        incidental_derived=derived,
    )  # fmt: skip


def _scored(cand: Candidate, score: float, fit: float, matched: list[str], top: float = 0.0):
    from match.answer import Scored

    return Scored(top, score, cand, fit, matched, None, None, False)


def _hit(theme_id: str, negated: bool):
    return SimpleNamespace(theme_id=theme_id, negated=negated)


# -- negation -------------------------------------------------------------------------------------------------


def test_a_need_only_negated_is_ruled_out_with_everything_under_it():
    children = {"financien": {"schulden", "administratie"}}
    out = negated_needs(
        [_hit("financien", True), _hit("administratie", False)], {"administratie": 1.0}, children
    )
    assert out == {"financien", "schulden"}


def test_a_need_negated_once_and_affirmed_elsewhere_is_not_ruled_out():
    assert negated_needs([_hit("schulden", True)], {"schulden": 1.0}, {}) == frozenset()


def test_a_debt_service_is_only_for_the_negated_need():
    debt = _cand("debt", {"schulden", "financien"})
    assert only_for_negated(debt, {"administratie": 1.0}, frozenset({"financien", "schulden"}), PARENTS)


def test_a_service_for_the_affirmed_need_stays_although_its_area_is_negated():
    forms = _cand("forms", {"administratie", "financien"})
    assert not only_for_negated(forms, {"administratie": 1.0}, frozenset({"financien", "schulden"}), PARENTS)


def test_nothing_is_ruled_out_without_a_negation():
    assert not only_for_negated(_cand("debt", {"schulden"}), {"schulden": 1.0}, frozenset(), PARENTS)


# -- order by fit ---------------------------------------------------------------------------------------------


def test_words_alone_come_after_every_fit_whatever_their_score():
    ctx = SimpleNamespace(weights={"schulden": 1.0})
    words = _scored(_cand("words", {"vervoer"}), 0.9, 0.0, [])
    fit = _scored(_cand("fit", {"schulden"}), 0.4, 1.0, ["schulden"])
    assert [s.cand.id for s in fits_first([words, fit], ctx, ANCESTORS)] == ["fit", "words"]


def test_a_curated_side_theme_comes_after_a_service_that_exists_for_the_need():
    ctx = SimpleNamespace(weights={"eenzaamheid": 1.0})
    welcome = _scored(
        _cand("welcome", {"woning-zoeken", "eenzaamheid"}, {"eenzaamheid"}), 0.7, 0.45, ["eenzaamheid"]
    )
    central = _scored(_cand("ouderenwerk", {"eenzaamheid"}), 0.6, 1.0, ["eenzaamheid"])
    got = fits_first([welcome, central], ctx, ANCESTORS, _exists_for)
    assert [s.cand.id for s in got] == ["ouderenwerk", "welcome"]


def test_a_side_theme_keeps_its_place_when_nothing_exists_for_the_need():
    ctx = SimpleNamespace(weights={"eenzaamheid": 1.0})
    welcome = _scored(
        _cand("welcome", {"woning-zoeken", "eenzaamheid"}, {"eenzaamheid"}), 0.7, 0.45, ["eenzaamheid"]
    )
    broad = _scored(_cand("buurt", {"sociaal-netwerk"}), 0.6, 0.45, ["eenzaamheid"])
    got = fits_first([welcome, broad], ctx, ANCESTORS, _exists_for)
    assert [s.cand.id for s in got] == ["welcome", "buurt"]


def _exists_for(cand: Candidate, need: str) -> bool:
    return need in cand.central


def test_a_side_theme_guessed_from_an_imported_name_does_not_move_down():
    guessed = _cand("guess", {"woning-zoeken", "eenzaamheid"}, {"eenzaamheid"}, derived=True)
    assert not touches_only(guessed, ["eenzaamheid"], ANCESTORS)


def test_safety_help_stays_first_and_a_dropped_service_goes():
    ctx = SimpleNamespace(weights={"schulden": 1.0})
    crisis = _scored(_cand("vt", {"huiselijk-geweld"}), 0.1, 0.0, [], top=3.0)
    dropped = _scored(_cand("gone", {"schulden"}), -1.0, 0.0, [])
    fit = _scored(_cand("fit", {"schulden"}), 0.5, 1.0, ["schulden"])
    assert [s.cand.id for s in fits_first([fit, dropped, crisis], ctx, ANCESTORS)] == ["vt", "fit"]


def test_without_a_need_the_words_keep_their_order():
    ctx = SimpleNamespace(weights={})
    a, b = _scored(_cand("a", set()), 0.9, 0.0, []), _scored(_cand("b", set()), 0.5, 0.0, [])
    assert [s.cand.id for s in fits_first([a, b], ctx, ANCESTORS)] == ["a", "b"]


# -- the synthetic region: help that exists is not replaced by the door ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("ik drink elke avond te veel en wil ermee stoppen", "verslaving"),
        ("mijn vader heeft hersenletsel overgehouden aan een ongeluk", "nah"),
        ("mijn kind van 15 gamet de hele nacht en gaat niet meer naar school", "verslaving"),
    ],
)
def test_a_need_with_services_on_the_region_gets_them_and_no_door_line(region, text, need):
    res = region.match(text, near="Aalten")
    assert need in {t["id"] for t in res.themes}
    assert need not in res.uncovered
    assert not any(UNCOVERED_LINE in r["why"] for r in res.results[:3])


def test_day_activities_and_dementia_both_served_on_the_region(region):
    res = region.match("mijn moeder heeft dementie en zoekt dagbesteding", near="Aalten")
    assert res.uncovered == []
    assert "svc-dagbesteding-zorgboerderij" in [r["service_id"] for r in res.results[:3]]


def test_a_need_without_services_on_the_region_gets_the_sociaal_team_of_the_kern(region):
    res = region.match("ik zoek kinderopvang voor mijn dochter van 2", near="Aalten")
    assert res.uncovered == ["kinderopvang"]
    assert res.results[0]["service_id"] in REGION_DOORS
    assert res.results[0]["why"].startswith("Voor opvang voor uw kind " + UNCOVERED_LINE)


def test_a_second_need_without_services_gets_the_door_inside_the_top_3(region):
    res = region.match("ik ben ontslagen en wil via de rechter bezwaar maken", near="Aalten")
    if "juridische-hulp" not in res.uncovered:
        pytest.skip("the legal need was not read in this sentence")
    top = [r["service_id"] for r in res.results[:3]]
    assert REGION_DOORS & set(top)
    assert top[0] not in REGION_DOORS  # the work help that exists comes first


def test_a_negated_need_brings_no_debt_service_on_the_region(region):
    res = region.match(
        "geen geldzorgen, maar ik snap de formulieren van de gemeente niet", near="Aalten", limit=20
    )
    ids = [r["service_id"] for r in res.results]
    assert "svc-schuldhulpverlening" not in ids
    assert ids[0] in {"svc-formulierenhulp-aalten", "svc-formulierenhulp-dinxperlo"}


def test_a_served_by_entry_naming_an_unknown_theme_is_reported():
    import dataclasses

    from ontology import load_ontology
    from ontology.validation import validate

    onto = load_ontology()
    assert not [p for p in validate(onto) if "served_by" in p]
    wrong = dataclasses.replace(onto.matching, served_by={"huurachterstand": ("schuldenn",)})
    problems = validate(dataclasses.replace(onto, matching=wrong))
    assert "matching served_by 'huurachterstand': unknown theme 'schuldenn'" in problems
