"""A professional's consultation question (ADR 0114): a teacher, a wijkverpleegkundige or a budgetcoach who writes
about someone in their care gets advice first (the aandachtsfunctionaris, Veilig Thuis advies), also when they ask
in their own words or have no words of violence at all, only signs and a doubt; never 112. A worry about school work
or money only raises nothing. Each text failed before this change (no level, or Veilig Thuis as for a resident)."""

from __future__ import annotations

import pytest

CONSULT = {"svc-veilig-thuis-consultatie", "svc-aalten-aandachtsfunctionaris-hg-km"}
CRISIS = {"svc-112-alarmnummer", "svc-113-hulplijn", "svc-veilig-thuis-advies-melden", *CONSULT}


def levels_and_top(matcher, text: str, audience: str) -> tuple[list[str], list[str]]:
    res = matcher.match(text, audience=audience, limit=5)
    return [lv for lv in res.safety_levels], [r["service_id"] for r in res.results[:3]]


@pytest.mark.parametrize(
    "text",
    [
        # signs and a doubt, no words of violence
        "ik heb een niet pluis gevoel bij een moeder en haar baby, de baby ziet er slecht verzorgd uit",
        "ik werk bij de thuiszorg en een cliënt ligt elke ochtend in een nat bed, de mantelzorger is er nooit. wie kan ik raadplegen?",
        "zorgen over een kind uit mijn groep, hij is vaak bang als zijn vader hem ophaalt. wat moet ik hiermee?",
        "als budgetcoach zie ik dat een oudere man zijn pinpas aan zijn kleinzoon heeft gegeven en steeds rood staat. hoe ga ik hiermee om?",
    ],
)
def test_a_professionals_worry_without_words_of_violence_is_a_consultation_question(demo, text):
    levels, top = levels_and_top(demo, text, "professional")
    assert levels == ["consultatie"], (text, levels)
    assert top[0] in CONSULT and "svc-112-alarmnummer" not in top, (text, top)


@pytest.mark.parametrize(
    ("text", "audience"),
    [
        (
            "een jongen uit mijn team schrikt als je hem aanraakt sinds zijn stiefvader bij hen woont. is dit iets om te melden?",
            "professional",
        ),
        (
            "tijdens de les zei een jongen dat zijn vader zijn moeder vannacht heeft geslagen. wat zijn mijn stappen?",
            "professional",
        ),
        (
            "wij zijn leiding bij de scouting en een kind vertelt dat het thuis vaak met de riem krijgt. wat kunnen we doen?",
            "public",
        ),
        (
            "ik werk in een huisartsenpraktijk en een meisje van 14 vertelt dat haar oom aan haar zit. wat zijn de stappen?",
            "public",
        ),
    ],
)
def test_a_professional_who_writes_about_someone_in_their_care_gets_advice_not_112(demo, text, audience):
    levels, top = levels_and_top(demo, text, audience)
    assert levels[0] == "consultatie" and "acuut-gevaar" not in levels, (text, levels)
    # asked on the public site: Veilig Thuis' advice line (the consultation for the team is for professionals
    # only, ADR 0116)
    advice = CONSULT if audience == "professional" else {"svc-veilig-thuis-advies-melden"}
    assert top[0] in advice and "svc-112-alarmnummer" not in top, (text, top)


@pytest.mark.parametrize(
    "text",
    [
        "ik maak me zorgen over een leerling, zijn cijfers gaan hard achteruit sinds zijn vader ziek is. wat kan ik doen?",
        "een cliënt van mij heeft schulden en zijn uitkering is gestopt, wat moet ik doen?",
        "een moeder vraagt hoe ze haar kind kan helpen met huiswerk, waar kan ik haar naar verwijzen?",
        # a denied worry (dev q016, in other words)
        "ouders van een meisje van 9 willen leren grenzen stellen, geen zorgen over de veiligheid. waar verwijs ik ze heen?",
    ],
)
def test_a_professionals_question_without_danger_raises_nothing(demo, text):
    levels, top = levels_and_top(demo, text, "professional")
    assert not levels and not CRISIS & set(top), (text, levels, top)


@pytest.mark.parametrize(
    "text",
    [
        "mijn ex komt steeds langs en bedreigt me als ik de deur niet open doe",
        "mijn broer zegt hij maakt mij dood als ik met die jongen ga",
        "mijn man zegt als ik ga scheiden hij neemt de kinderen mee naar zijn land en ik zie ze nooit meer",
        "mijn tante wordt door haar man binnen gehouden, ze mag niet werken en niet bellen",
    ],
)
def test_unsafe_at_home_in_residents_words_puts_veilig_thuis_first(demo, text):
    levels, top = levels_and_top(demo, text, "public")
    assert levels == ["onveilig-thuis"] and top[0] == "svc-veilig-thuis-advies-melden", (text, levels, top)


def test_leaving_an_ex_to_live_elsewhere_is_no_flight(demo):
    levels, top = levels_and_top(
        demo, "ik moet weg bij mijn ex, we gaan scheiden en ik zoek een andere woning", "public"
    )
    assert not levels and not CRISIS & set(top), (levels, top)


@pytest.mark.parametrize(
    "text",
    [
        "als de thuiszorg er niet is ligt mijn vader de hele dag in zijn eigen plas en niemand kijkt naar hem om",
        "als de school belt durf ik niet naar huis want dan slaat mijn vader mij",
        "als de kinderopvang dicht is sluit mijn vriend de kinderen op in hun kamer",
    ],
)
def test_a_resident_who_names_a_place_of_work_is_no_professional(demo, text):
    """safety5's finding: every asker frame went with every role, so "als * thuiszorg" made a resident's story
    about the thuiszorg a professional's consultation. A place of work only counts after "ik werk bij de …"."""
    levels, top = levels_and_top(demo, text, "public")
    assert "consultatie" not in levels and levels, (text, levels)
    assert top[0] == "svc-veilig-thuis-advies-melden", (text, levels, top)


@pytest.mark.parametrize(
    "text",
    [
        "ik werk in de thuiszorg, een cliënt heeft blauwe plekken en haar zoon neemt haar pinpas af. hoe pak ik dit aan?",
        "ik werk op een basisschool, een leerling heeft vaak honger en blauwe plekken, wat moet ik doen",
        "wij werken op de bso en een meisje vertelt dat haar stiefvader haar slaat. wat moeten we doen?",
    ],
)
def test_a_worker_at_a_place_of_work_still_asks_for_advice(demo, text):
    levels, top = levels_and_top(demo, text, "public")
    assert levels == ["consultatie"], (text, levels)
    assert "svc-112-alarmnummer" not in top, (text, top)
