"""tester17 BROKEN 6 and 8 as a class (ADR 0159): the register taken from the writer's own life. "Ontslagen na 20
jaar" is an adult (twenty years of work), even when the writer names friends; a child who asks for help with sums
in a young hand ("wie kan mij helpe met rekenen want ik ben er slegt in") is a school child: "je" and school help,
not the adult literacy course. The twins: an adult who learns to read at 45 keeps "u" and the course; a vaping
teenager keeps "je". Sentences of our own, written before the change was made.
"""

from __future__ import annotations

import pytest

ADULT_BY_A_LONG_LIFE = [
    "Ontslagen na 20 jaar, ik voel me een mislukkeling en zeg het niet tegen mijn vrienden",
    "Na 25 jaar bij hetzelfde bedrijf sta ik op straat. Mijn vrienden weten het nog niet.",
    "ik heb 30 jaar bij de bank gewerkt en nu ben ik mijn baan kwijt, ik schaam me tegenover mijn vrienden",
    "Mijn vrienden hebben allemaal werk en ik ben na 15 jaar trouwe dienst ontslagen.",
    "al 18 jaar getrouwd en nu wil mijn vrouw scheiden, ik durf het mijn vrienden niet te vertellen",
    "Ik werk al 22 jaar in de zorg en ik ben helemaal op, mijn vrienden zien het niet.",
]
YOUNG_ASKING_FOR_SCHOOL_HELP = [
    "wie kan mij helpe met rekenen want ik ben er slegt in",  # fix17 (ADR 0163): was a strict xfail
    "ik snap nix van rekenen en de juf legt het te snel uit",
    "kan iemand me helpen met taal ik haal alleen maar onvoldoendes",  # fix17 (ADR 0163): was a strict xfail
    "ik ben slecht in rekenen en me moeder kan het ook nie uitleggen",
    "wie helpt mij met mijn huiswerk van rekenen, ik zit in groep 7",
    "ik vind lezen heel moeilijk en in de klas lachen ze me uit",
]
ADULT_LEARNING_TO_READ = [
    "ik kan niet goed lezen en schrijven, ik ben 45",
    "Ik ben 52 en heb moeite met rekenen, bijvoorbeeld met mijn geld en de bonnetjes.",
    "Mijn man kan niet lezen en schrijven en schaamt zich ervoor. Waar kan hij leren lezen?",
    "ik wil graag beter leren schrijven voor mijn werk, ik ben 38",
]
VAPING_TEEN = [
    "ik vaap elke dag op school en kan niet meer stope",
    "ik ben 14 en ik kan niet stoppen met vapen, mijn ouders weten het niet",
]
SCHOOL_HELP = {
    "svc-scholen-po-signaleren",
    "svc-samenwerkingsverband-po",
    "svc-aalten-ot-school-sportclub",
    "svc-aalten-ot-ondersteuning",
    "svc-aalten-jeugdconsulent",
    "svc-figulus-jeugd-jongerenwerk",
    "svc-scholen-vo-samenwerking",
    "svc-samenwerkingsverband-vo",
    "svc-ggd-nog-jgz",
    "svc-yunio-jgz",
}
YOUTH = {"svc-huisartsen-poh-jeugd", "svc-figulus-jeugd-jongerenwerk", "svc-yunio-jgz", "svc-ggd-nog-jgz"}


@pytest.mark.parametrize("text", ADULT_BY_A_LONG_LIFE)
def test_twenty_years_of_work_or_marriage_makes_an_adult_even_with_friends(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = [r["service_id"] for r in res.results[:3]]
    assert res.register == "u", (text, res.register)
    assert not YOUTH & set(top), (text, top)


@pytest.mark.parametrize("text", YOUNG_ASKING_FOR_SCHOOL_HELP)
def test_a_young_hand_asking_for_help_with_sums_is_a_school_child(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = [r["service_id"] for r in res.results[:3]]
    assert res.register == "je", (text, res.register)
    assert SCHOOL_HELP & set(top), (text, top)
    assert top[0] != "svc-bibliotheek-basisvaardigheden", (text, top)


@pytest.mark.parametrize("text", ADULT_LEARNING_TO_READ)
def test_twin_an_adult_learning_to_read_keeps_u_and_the_course(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    top = [r["service_id"] for r in res.results[:3]]
    assert res.register == "u", (text, res.register)
    assert "svc-bibliotheek-basisvaardigheden" in top, (text, top)


@pytest.mark.parametrize("text", VAPING_TEEN)
def test_twin_a_vaping_teen_gets_je(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert res.register == "je", (text, res.register)
