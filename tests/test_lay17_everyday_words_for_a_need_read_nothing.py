"""tester16 class D and dev a698 as classes (ADR 0155): needs told in everyday words read nothing or the wrong
need: vaping ("ik vaap elke dag en kan niet meer stope"), work that eats one up ("werk vreet me op"), a relative
who meddles ("steekt overal zijn neus in"), a retirement with no idea what to do with the time, a stolen bike
("fiets gejat") and grief for a pet. Sentences of our own (different writers and structures), written and
committed before the change, with their harmless twins."""

from __future__ import annotations

import pytest
from builders import top_ids

CRISIS = {"svc-112-alarmnummer", "svc-113-hulplijn"}
STRESS = {
    "svc-huisartsen-poh",
    "svc-sensire-maatschappelijk-werk",
    "svc-vat-aalten-verkennend-gesprek",
    "svc-figulus-welzijnscoach",
}
RETIRED = {
    "svc-vrijwilligerspunt",
    "svc-figulus-ouderenwerk",
    "svc-gemeenschapshuizen-ontmoeting",
    "svc-talentverbinders-meedoen",
    "svc-figulus-welzijnscoach",
}
GRIEF = {"svc-willem-levensvragen", "svc-figulus-welzijnscoach", "svc-sensire-maatschappelijk-werk"}


def _themes(res) -> set[str]:
    return {t["id"] for t in res.themes}


@pytest.mark.parametrize(
    "text",
    [
        "ik vaap elke dag en kan niet meer stope, wie kan helpe",
        "Mijn zoon van 15 vapet de hele dag, ook op school. Hoe krijg ik hem ervan af?",
        "ik zit de hele dag aan mijn vape en wil ermee kappen maar het lukt me niet",
        "Onze dochter is verslaafd aan vapes, ze koopt ze stiekem online",
        "sinds een jaar damp ik e-sigaretten en ik kom er niet meer vanaf",
    ],
)
def test_vaping_reads_substance_use(region, text):
    res = region.match(text, near="Aalten", limit=6)
    assert {"middelengebruik", "verslaving"} & _themes(res), (text, _themes(res))
    assert "svc-spreekuur-middelen" in top_ids(res), (text, top_ids(res))


def test_twin_cannot_stop_crying_is_no_addiction(demo):
    res = demo.match(
        "ik kan niet meer stoppen met huilen sinds mijn moeder is overleden", near="Aalten", limit=6
    )
    assert not {"middelengebruik", "verslaving"} & _themes(res), _themes(res)


@pytest.mark.parametrize(
    "text",
    [
        "werk vreet me op",
        "Mijn werk vreet me helemaal op, ik slaap slecht en ben prikkelbaar",
        "die baan slokt me helemaal op, ik heb nergens meer energie voor",
        "Ik ga onderdoor aan mijn werk, elke dag overuren en ik trek het niet meer",
        "het werk zuigt me leeg, ik zit 's avonds alleen nog maar op de bank te huilen",
    ],
)
def test_work_that_eats_one_up_reads_stress(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert "psychische-klachten" in _themes(res), (text, _themes(res))
    assert STRESS & set(top_ids(res)), (text, top_ids(res))


def test_twin_a_dog_that_eats_everything_is_no_stress(demo):
    res = demo.match("onze hond vreet alles op wat op tafel ligt", near="Aalten", limit=6)
    assert "psychische-klachten" not in _themes(res), _themes(res)


@pytest.mark.parametrize(
    "text",
    [
        "mijn zwager steekt overal zijn neus in",
        "mn schoonzus steekt d'r neus overal in en mijn man zegt er niks van",
        "Mijn schoonmoeder moet overal iets van vinden en dat geeft steeds ruzie bij ons thuis",
        "Mijn broer mengt zich in alles wat wij doen, hoe ga ik daarmee om?",
        "Mijn moeder staat steeds ongevraagd met haar mening klaar over ons huishouden",
    ],
)
def test_a_meddling_relative_reads_family_relations(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert {"huiselijke-relaties", "relatieproblemen"} & _themes(res), (text, _themes(res))


def test_twin_a_blocked_nose_is_no_family_matter(demo):
    res = demo.match("ik heb al weken een verstopte neus en hoofdpijn", near="Aalten", limit=6)
    assert not {"huiselijke-relaties", "relatieproblemen"} & _themes(res), _themes(res)


@pytest.mark.parametrize(
    "text",
    [
        "mijn vader gaat met pensioen en weet niet wat hij met zijn tijd moet",
        "Ik ben net met pensioen en zit de hele dag thuis, wat kan ik gaan doen?",
        "Sinds mijn man gepensioneerd is verveelt hij zich en hangt hij de hele dag in huis",
        "Volgende maand stop ik met werken na 45 jaar. Ik ben bang dat ik in een gat val.",
        "mijn moeder is gestopt met werken en mist haar collega's, waar kan ze iets zinvols doen?",
    ],
)
def test_a_retirement_without_a_plan_reads_taking_part(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    wanted = {
        "vrijwilligerswerk",
        "maatschappelijke-participatie",
        "sociaal-netwerk",
        "eenzaamheid",
        "dagbesteding",
    }
    assert wanted & _themes(res), (text, _themes(res))
    assert RETIRED & set(top_ids(res)), (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "iemand heeft mijn fiets gejat",
        "mn fiets is gejat bij het station wat moet ik doen",
        "Vannacht hebben ze de scooter van mijn zoon gepikt uit de schuur",
        "Er is ingebroken in onze schuur en mijn e-bike is weg",
        "ze hebben mijn tas gejat in de bus, waar doe ik aangifte?",
    ],
)
def test_a_theft_victim_gets_the_police(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert "justitie" in _themes(res), (text, _themes(res))
    assert "svc-politie-wijkagent" in top_ids(res), (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "onze kat is aangereden en ik ben er kapot van",
        "Mijn hond moest vorige week ingeslapen worden en ik kan niet stoppen met huilen",
        "Sinds mijn paard dood is heb ik nergens meer zin in, mensen zeggen het is maar een dier",
        "mijn poes is na 17 jaar overleden, ik mis haar zo. waar kan ik over mijn verdriet praten?",
        "We hebben ons oude hondje moeten laten inslapen en ik ben er zo verdrietig om",
    ],
)
def test_grief_for_a_pet_reads_grief(demo, text):
    res = demo.match(text, near="Aalten", limit=6)
    assert "rouw" in _themes(res), (text, _themes(res))
    top = top_ids(res)
    assert GRIEF & set(top) and not CRISIS & set(top), (text, top)


def test_twin_the_neighbours_cat_is_no_grief(demo):
    res = demo.match("de kat van de buren poept elke dag in mijn tuin", near="Aalten", limit=6)
    assert "rouw" not in _themes(res), _themes(res)
