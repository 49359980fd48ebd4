"""tester12 F2 (docs/usertest/m12test12.md, ADR 0137): in a long story the setting (a job, the house, school) beat
the need the last sentences ask for, because the asking part's need words were not read. Stories of our own, never
the tester's text; each class with a control whose setting is the question itself.
"""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

CARER_SUPPORT = "svc-figulus-mantelzorgondersteuning"
WORK = {"svc-aalten-participatieconsulent", "svc-werkcentrum-achterhoek", "svc-laborijn-dienstverlening"}
MEET = {"svc-gemeenschapshuizen-ontmoeting", "svc-figulus-welzijnscoach", "svc-humanitas-vat"}


# A carer with a job asks for a daytime place for the person cared for, so that the carer gets some relief.
@pytest.mark.parametrize(
    "text",
    [
        "Mijn moeder van 88 woont sinds vorig jaar bij ons in. Ik werk vier dagen in de week bij een bakkerij en mijn"
        " man heeft ploegendiensten. De kinderen zijn al het huis uit. Ze kan niet meer alleen zijn want ze vergeet"
        " het gas uit te doen. Is er een plek waar ze overdag een paar dagen heen kan zodat ik even op adem kan komen?",
        "Mijn vader is 84 en heeft parkinson. Hij woont sinds de zomer bij ons. Ik werk fulltime als verpleegkundige"
        " en mijn vrouw werkt in de winkel. Onze zoon studeert in Enschede. Is er iets waar mijn vader overdag heen"
        " kan, zodat wij wat ontlast worden?",
    ],
)
def test_a_working_carer_asking_for_a_daytime_place_gets_carer_support_not_work(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = top_ids(res)
    assert "mantelzorg" in themes_of(res), (text, res.themes)
    assert "werk" not in themes_of(res), (text, res.themes)
    assert top[0] == CARER_SUPPORT, (text, top)
    assert not WORK & set(top), (text, top)


def test_control_a_carer_who_asks_about_the_job_keeps_work(demo):
    text = (
        "Ik zorg voor mijn moeder met dementie en werk 32 uur. Mijn baas doet moeilijk als ik vrij vraag. De zorg"
        " groeit me boven het hoofd. Hoe combineer ik mijn werk met de zorg voor haar?"
    )
    res = demo.match(text, near="Aalten", limit=5)
    assert "mantelzorg" in themes_of(res), res.themes
    assert CARER_SUPPORT in top_ids(res), top_ids(res)


# A divorced adult asks how to meet people; the rented house and the children are the setting.
def test_a_divorced_adult_asking_to_meet_people_gets_meeting_places_not_a_house(demo):
    text = (
        "Ik ben vorig jaar gescheiden en woon nu alleen in een huurhuis. De kinderen zijn om het weekend bij mij. Op"
        " het werk gaat het wel. Maar ik ken hier bijna niemand. Hoe leer ik nieuwe mensen kennen in de buurt?"
    )
    res = demo.match(text, near="Dinxperlo", limit=5)
    themes = themes_of(res)
    assert "sociaal-netwerk" in themes or "eenzaamheid" in themes, res.themes
    assert "woning-zoeken" not in themes, res.themes
    assert "svc-huisartsen-poh-jeugd" not in top_ids(res), top_ids(res)
    assert len(MEET & set(top_ids(res))) >= 2, top_ids(res)


def test_control_a_divorced_adult_who_must_leave_the_house_keeps_the_housing_need(demo):
    text = (
        "Ik ben gescheiden en moet over twee maanden mijn huurhuis uit. Mijn kinderen wonen bij hun moeder. Ik heb"
        " nog niets gevonden en de wachtlijst is lang. Waar kan ik een andere woning vinden?"
    )
    res = demo.match(text, near="Aalten", limit=5)
    assert "woning-zoeken" in themes_of(res), res.themes


# A young carer asks for other young people who care for someone at home; school and money are the setting.
@pytest.mark.parametrize(
    "text",
    [
        "Mijn vader heeft MS en zit in een rolstoel. Na school doe ik de boodschappen en kook ik vaak voor mijn"
        " broertje. Mijn cijfers gaan omlaag en we hebben weinig geld. Ik wil eigenlijk gewoon een keer praten met"
        " andere jongeren die ook thuis voor iemand zorgen, kan dat ergens?",
        "Sinds mijn moeder een hersenbloeding heeft gehad doe ik veel thuis. Ik ben 15 en zit in de vierde klas."
        " Mijn vriendinnen snappen het niet echt. Zijn er andere jongeren die ook voor hun moeder zorgen, waar ik mee"
        " kan praten?",
        "ik wil praten met andere jongeren die ook thuis voor iemand zorgen",
    ],
)
def test_a_young_carer_asking_for_peers_gets_carer_support_first(demo, text):
    res = demo.match(text, near="Bredevoort", limit=5)
    assert "mantelzorg" in themes_of(res), (text, res.themes)
    assert top_ids(res)[0] == CARER_SUPPORT, (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "ik maak me zorgen om mijn moeder omdat ze zo veel werkt",
        "ik maak me zorgen over mijn vader, hij is zo stil sinds zijn pensioen",
    ],
)
def test_control_worry_about_a_parent_is_no_caring(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "mantelzorg" not in themes_of(res), (text, res.themes)
