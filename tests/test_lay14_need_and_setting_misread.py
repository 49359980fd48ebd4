"""Dev s465, s470, s472 as classes (ADR 0149): a newcomer's English about a baby's check and vaccines read no
need; a parent's own debts of the past and sports bets took a grown son's gambling to debt help or sport; a
cleaning word in a clause the asker does himself ("schoonmaken doe ik nog prima zelf") asked for the Wmo household
help next to odd jobs. Sentences of our own, written before they were run, on the synthetic region."""

from __future__ import annotations

import pytest
from builders import top_ids

CB = "svc-consultatiebureau"
ADDICTION = {"svc-spreekuur-middelen", "svc-verslavingszorg"}
DEBT = {"svc-schuldhulpverlening", "svc-geldmaatje"}
KLUS = "svc-klushulp"
WMO_CLEAN = "svc-wmo-huishoudelijke-hulp"


@pytest.mark.parametrize(
    "text",
    [
        "we are having a baby in april, where is the check for the baby and the vaccinations?",
        "my wife pregnant. after baby born, where go for weigh baby and injection?",
        "baby coming soon, we are new here. who does the baby check-up and vaccines?",
        "Mijn vrouw is zwanger. Waar moeten wij heen voor controle van de baby en de prikken?",
        "my baby is 2 months, where can I get the vaccines and check growing?",
    ],
)
def test_a_babys_check_and_vaccines_get_the_consultatiebureau(region, text):
    res = region.match(text, near="Aalten", limit=6)
    assert top_ids(res)[:1] == [CB], (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "Mijn dochter van 20 gokt elke avond online en is al haar geld kwijt. Hoe kan ik met haar praten?",
        "mijn zoon van 18 zit de hele dag op gokapps, ik heb zelf vroeger schulden gehad. wie geeft mij advies?",
        "Onze zoon (22) woont thuis en gokt zijn hele salaris weg met sportweddenschappen. Waar kan hij hulp krijgen?",
        "Ik maak me zorgen, mijn zoon van 19 wedt elke avond op voetbal op zijn telefoon en heeft nooit geld.",
        "mijn kind van 21 is verslaafd aan online casino, hoe bespreek ik dat met hem?",
    ],
)
def test_a_grown_childs_gambling_gets_addiction_help_not_debt_help(region, text):
    res = region.match(text, near="Aalten", limit=6)
    top = top_ids(res)
    assert top[0] in ADDICTION, (text, top)
    assert not DEBT & set(top), (text, top)


def test_control_own_debts_from_gambling_keep_debt_help(region):
    res = region.match(
        "ik heb schulden door gokken en de deurwaarder staat voor de deur, wie helpt?", near="Aalten"
    )
    assert DEBT & set(top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben 83 en woon alleen. De heg moet gesnoeid en de schutting staat scheef. Stofzuigen lukt nog prima. "
        "Wie doet zulke klusjes?",
        "ik ben 79, het gazon moet gemaaid en een deur klemt. schoonmaken doe ik zelf. is er een klusjesman?",
        "Sinds mijn man dood is woon ik alleen, ik ben 85. De tuin verwildert en het tuinhek is kapot. "
        "Het poetsen gaat nog.",
        "Ik kan nog veel zelf, maar de bladeren uit de dakgoot halen en het gras maaien lukt niet meer. "
        "Mijn huis houd ik zelf schoon.",
        "ik ben 88, boodschappen tillen lukt niet meer, en het schuurdeurtje hangt los. wie kan me helpen met "
        "zulke klusjes?",
    ],
)
def test_odd_jobs_with_cleaning_done_oneself_get_no_household_help(region, text):
    res = region.match(text, near="Aalten", limit=6)
    top = top_ids(res)
    assert KLUS in top, (text, top)
    assert WMO_CLEAN not in top, (text, top)


def test_control_cleaning_that_no_longer_works_keeps_the_household_help(region):
    res = region.match(
        "De tuin doe ik nog zelf, maar schoonmaken lukt niet meer door mijn heup. Wie kan komen poetsen?",
        near="Aalten",
        limit=6,
    )
    assert WMO_CLEAN in top_ids(res)
