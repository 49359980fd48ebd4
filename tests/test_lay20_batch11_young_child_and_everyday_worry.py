"""Batch 11 dev failures as classes (ADR 0162): a young child whose age is told in words or as a stage ("van
anderhalf", "kleuter van 5", "baby van 6 weken") got youth work for teenagers or nothing at all; an everyday worry
in strong or figurative words ("ze sterft duizend doden", "iets om handen", "ligt met ons overhoop") read grief, a
lawyer or nothing. Sentences of our own, written before the change was made (not the dev texts).
"""

from __future__ import annotations

import pytest

TODDLER = {
    "svc-yunio-jgz",
    "svc-ggd-nog-jgz",
    "svc-yunio-home-start",
    "svc-huisartsen-poh-jeugd",
    "svc-aalten-jeugdconsulent",
    "svc-inhuis-steungezin",
}
# secondary school only: youth work ("en kinderactiviteiten") is for children from 4 as well
TEEN_ONLY = {"svc-scholen-vo-samenwerking", "svc-samenwerkingsverband-vo"}

YOUNG = [
    "onze dochter van anderhalf slaapt nooit door, we zijn kapot",
    "mijn zoontje van anderhalf jaar wordt elke nacht wakker en wil dan spelen",
    "ons kindje van twee wordt om 4 uur wakker en gaat niet meer slapen. tips?",
    "mijn kleuter van 4 is heel druk en de juf denkt aan adhd, waar laat ik hem testen?",
    "onze peuter van 3 kan niet stilzitten en het kinderdagverblijf maakt zich zorgen",
    "mijn baby van 5 weken huilt elke avond uren en niks helpt, ik ben op",
    "ons kind van anderhalf wordt elke nacht wakker en wil dan spelen, we zijn gesloopt",
    "mijn kleuter van 5 zit geen seconde stil en de juf heeft het nu over adhd",
    "onze baby van 2 maanden huilt van 's avonds zes tot middernacht, ik zit er echt doorheen",
]


@pytest.mark.parametrize("text", YOUNG)
def test_a_young_childs_everyday_need_gets_help_for_young_children(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert TODDLER & set(top), (text, top, [t["id"] for t in res.themes])
    assert not TEEN_ONLY & set(top), (text, top)


TEEN_CURFEW = [
    "mijn ouders sterven duizend doden als ik om 2 uur thuiskom, ik ben 16. we hebben elke week ruzie",
    "ik ben 15 en mijn moeder wordt gek als ik laat thuis ben, wie helpt ons afspraken te maken?",
    "mn pa flipt als ik na 12en thuiskom, al mijn vrienden mogen langer weg. hoe lossen we dat op",
]


@pytest.mark.parametrize("text", TEEN_CURFEW)
def test_a_teen_and_a_parent_at_odds_over_going_out_is_no_grief(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    themes = {t["id"] for t in res.themes}
    top = [r["service_id"] for r in res.results[:3]]
    assert "rouw" not in themes, (text, themes)
    assert {
        "svc-aalten-jeugdconsulent",
        "svc-figulus-jeugd-jongerenwerk",
        "svc-yunio-jgz",
        "svc-ggd-nog-jgz",
        "svc-aalten-ot-ondersteuning",
        "svc-huisartsen-poh-jeugd",
    } & set(top), (text, top)


def test_a_real_death_keeps_its_grief(demo):
    res = demo.match(
        "mijn moeder is vorige maand gestorven en ik ben 16, ik mis haar zo", near="Aalten", limit=10
    )
    assert "rouw" in {t["id"] for t in res.themes}


RETIRED = [
    "mijn man is net met pensioen en zit de hele dag thuis te niksen, hij heeft iets om handen nodig",
    "sinds mijn vader gestopt is met werken weet hij niet wat hij met zijn dagen moet, waar kan hij heen?",
    "ik ben sinds kort met pensioen en verveel me, ik zoek iets zinnigs om te doen",
    # was a strict xfail (lay20); passes since calm24 (ADR 0185: a retired partner around all day reads taking part)
    "mijn man is met pensioen en loopt me de hele dag voor de voeten, straks sla ik hem met de pan. hij heeft "
    "iets om handen nodig",
]
MEET_OR_DO = {
    "svc-gemeenschapshuizen-ontmoeting",
    "svc-vrijwilligerspunt",
    "svc-figulus-ouderenwerk",
    "svc-figulus-welzijnscoach",
    "svc-sportief-meedoen-beweegmakelaar",
    "svc-talentverbinders-meedoen",
}


@pytest.mark.parametrize("text", RETIRED)
def test_a_retired_person_who_needs_something_to_do_gets_somewhere_to_go(demo, text):
    res = demo.match(text, near="Aalten", limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert MEET_OR_DO & set(top), (text, top, [t["id"] for t in res.themes])


# dev s529 as a class: a time of day in words ("van zes tot elf uur") was read as the age 6, so school services
# fit a baby of 6 weeks. Written before the change.
TIMES = [
    "onze baby van 5 weken krijst elke avond van zes tot elf uur en niks helpt",
    "mijn zoontje van 1 slaapt alleen van acht tot twee en dan is hij klaarwakker",
    "ons meisje van 3 maanden huilt van zeven tot tien uur 's avonds, ik ben op",
]
SCHOOL_S = {"svc-schoolmaatschappelijk-werk", "svc-jeugdverpleegkundige"}  # the synthetic kaart's school help
YOUNG_S = {"svc-consultatiebureau", "svc-opvoedspreekuur", "svc-gezinsmaatje"}


@pytest.mark.parametrize("text", TIMES)
def test_a_time_of_day_in_words_is_no_age(region, text):
    res = region.match(text, limit=10)
    top = [r["service_id"] for r in res.results[:3]]
    assert YOUNG_S & set(top), (text, top)
    assert not SCHOOL_S & set(top), (text, top)
