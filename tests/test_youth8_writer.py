"""Children and teenagers who do not say their age (issue 12 points 1 and 9; user test m12test10 class C1; ADR 0131).

A 13-year-old's grief for a grandfather, a 16-year-old in chat language about a parent's drinking and a teenager who
trains hard for a selection were addressed with "u" and got services "Voor volwassenen": the rules know a young
writer only by cue words. Each class has sentences of our own; the controls are adults writing about a child, or
about themselves, who keep "u".
"""

from __future__ import annotations

import re

import pytest

from match import writer
from match.words import fold

ADULT_WHY = "Voor volwassenen"
SAFETY_ROUTES = {"svc-113-hulplijn", "svc-112-alarmnummer"}


def _ids(res, n: int = 3) -> list[str]:
    return [r["service_id"] for r in res.results[:n]]


def _themes(res) -> set[str]:
    return {t["id"] for t in res.themes}


def _whys(res, n: int = 3) -> list[str]:
    return [r["why"] for r in res.results[:n]]


def _tokens(text: str) -> list[str]:
    return re.findall(r"[\w']+|[^\w\s]", fold(text))


@pytest.mark.parametrize(
    "text",
    [
        "sinds opa dood is kan ik niet meer slapen en ik wil er niemand mee lastig vallen",
        "oma is vorige maand overleden en ik moet de hele tijd huilen in bed",
        "opa is gestorven en nu ben ik steeds verdrietig, ik zeg het tegen niemand",
    ],
)
def test_a_child_grieving_a_grandparent_gets_je_grief_and_no_service_for_adults(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert res.register == "je", text
    assert "rouw" in _themes(res), _themes(res)
    assert not any(ADULT_WHY in why for why in _whys(res)), (text, _whys(res))


@pytest.mark.parametrize(
    "text",
    [
        "mn vader zuipt elke avond en dan is er thuis alleen maar geschreeuw, ik wil gwn met iemand praten",
        "mn moeder is altijd dronken als ik uit school kom en ik schaam me dood voor mn vrienden",
    ],
)
def test_a_teenager_in_chat_language_about_a_parents_drinking_gets_je_and_no_service_for_adults(demo, text):
    # the ages are a guess from words: they decide the doelgroep fit, they add no need of growing up (ADR 0131)
    res = demo.match(text, near="Aalten", limit=5)
    assert res.register == "je", text
    assert not any(ADULT_WHY in why for why in _whys(res)), (text, _whys(res))


def test_a_teenager_who_trains_hard_for_a_selection_gets_je_and_no_crisis_line(demo):
    res = demo.match(
        "ik wil me helemaal kapot trainen voor de selectie van mn voetbalclub, is er een sportcoach voor jongeren",
        near="Dinxperlo",
        limit=5,
    )
    assert res.register == "je"
    assert not SAFETY_ROUTES & set(_ids(res)), _ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "sinds opa dood is praat onze zoon met niemand meer",  # a parent about a child's grief
        "mijn dochter traint zich kapot voor de voetbalselectie, is er een sportcoach voor jongeren",
        "mijn man zuipt elke avond en dan is er thuis alleen maar geschreeuw",  # an adult whose partner drinks
        "sinds mijn vrouw dood is ben ik de hele tijd verdrietig en praat ik met niemand",
        "ik lig al weken elke nacht wakker van het piekeren",  # no young person's world: the model is not asked
        "de juf van mijn kleinzoon zegt dat hij zich niet concentreert sinds opa dood is",
    ],
)
def test_control_adults_about_a_child_or_about_themselves_keep_u(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert res.register == "u", text


def test_control_a_widower_keeps_the_services_for_adults(demo):
    res = demo.match("mijn vrouw is overleden en ik ben de hele tijd verdrietig", near="Aalten", limit=5)
    assert res.register == "u"
    assert "rouw" in _themes(res)
    assert not any("Voor tieners" in why for why in _whys(res)), _whys(res)


def test_a_grandparents_loss_is_a_childs_only_without_a_possessive():
    assert writer.grandparent_loss(_tokens("oma is vorige week overleden en ik huil steeds"))
    assert writer.grandparent_loss(_tokens("sinds opa dood is ben ik verdrietig"))
    assert not writer.grandparent_loss(_tokens("mijn oma is vorige week overleden"))
    assert not writer.grandparent_loss(_tokens("oma komt zondag bij ons eten"))


def test_the_thresholds_are_what_author_grouped_cross_validation_chooses():
    """The form of address at >= 0.95 precision and the ages at >= 0.98 (asked only with a word of a young
    person's own life) on every held-out author and on each author's topic folds together (ADR 0131): adults
    writing about a child stay "u"."""
    for target, shipped, ages in (
        (writer.TARGET_REGISTER, writer.REGISTER_THRESHOLD, False),
        (writer.TARGET_AGE, writer.AGE_THRESHOLD, True),
    ):
        folds = writer.cross_validate(ages=ages)
        chosen = writer.choose_threshold(folds, target)
        assert chosen <= shipped <= chosen + 0.05, (target, chosen, shipped)  # chosen, not set by hand
        pooled: dict[str, list] = {}
        for name, points in folds.items():
            pooled.setdefault(name.split(" topics")[0], []).extend(points)
        for name, points in pooled.items():
            right, said, _, _ = writer.fold_scores(points, shipped)
            assert said == 0 or right / said >= target, (name, right, said)


def test_the_model_learns_from_every_lay_file_with_a_writer_label():
    sets = writer.training_sets()
    assert {"authP", "authQ"} <= set(sets), set(sets)
    young = sum(y for _, _, y in sets["authP"])
    assert young >= 150 and len(sets["authP"]) - young >= 80  # children and teenagers, and the adult contrast


def test_the_word_model_tells_a_teenager_from_a_parent_on_the_same_topic():
    teen = writer.p_young(_tokens("mn vader zuipt elke avond en ik durf niemand iets te vertellen gwn"))
    parent = writer.p_young(_tokens("mijn zoon van zestien zegt dat zijn vader elke avond zuipt"))
    assert teen is not None and parent is not None
    assert teen >= writer.AGE_THRESHOLD > parent, (teen, parent)


def test_a_teenager_whose_parents_complain_gets_youth_help_not_parenting_support(demo):
    # questions7 class G: "mijn ouders zeggen dat ik …" is the teenager's own growing up, not a parent's question
    res = demo.match(
        "ik zit elke avond tot laat te gamen en mijn ouders zeggen dat ik verslaafd ben, mijn cijfers zakken ook. "
        "waar kan ik terecht zonder gedoe",
        near="Aalten",
        limit=5,
    )
    assert res.register == "je"
    assert "opvoeding" not in _themes(res), _themes(res)
    assert not {"svc-inhuis-steungezin", "svc-yunio-home-start"} & set(_ids(res, 5)), _ids(res, 5)


def test_a_parents_need_read_for_a_young_asker_is_their_own_growing_up():
    from match.ages import Person
    from match.asker_age import as_the_child
    from match.nlp import ThemeHit

    teen = Person(0, 8, 17, 12, 6000, True)
    hits = [ThemeHit("opvoeding", "mijn ouders zeggen", 10, 28), ThemeHit("verslaving", "verslaafd", 40, 49)]
    as_the_child(hits, [teen])
    assert [h.theme_id for h in hits] == ["opvoeden-opgroeien", "verslaving"]
    # a teenage mother names her baby: the upbringing is hers
    hits = [ThemeHit("opvoeding", "opvoeden", 30, 38)]
    as_the_child(hits, [Person(0, 17, 17, 17, 1, True), Person(20, 0, 1, 0, 2)])
    assert [h.theme_id for h in hits] == ["opvoeding"]
    # an adult asker keeps the parenting question
    hits = [ThemeHit("opvoeding", "opvoeden", 30, 38)]
    as_the_child(hits, [Person(0, 19, None, None, 1, True)])
    assert [h.theme_id for h in hits] == ["opvoeding"]


def test_control_a_teenage_mother_keeps_her_question_about_raising_her_baby(demo):
    res = demo.match(
        "ik ben 17 en mijn baby huilt de hele nacht, hoe moet ik hem opvoeden", near="Aalten", limit=5
    )
    assert "opvoeding" in _themes(res), _themes(res)
