"""tester14 class D as a class (ADR 0144): one word decided the age or the need. "zegt hij bijna niks" gave a
young child's speech development (JGZ "leren praten") for a stated 15-year-old; a teenager bullied online got
no bullying need; "mijn moeder ligt de hele dag op de bank" gave dagbesteding to the child who wrote it. A stated
age vetoes a need that exists only for another age group, and the need belongs to the person it is said of.
Sentences of our own, written before they were run; each class with its harmless twin."""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

YOUNG_CHILD_JGZ = "svc-yunio-jgz"


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zoon van 15 zegt bijna niks meer thuis en zit alleen op zijn kamer.",
        "Onze dochter van 14 praat bijna niet meer met ons sinds de scheiding.",
        "Onze zoon van 16 praat bijna niet meer en zit alleen op zijn kamer.",
        "Mijn puber van 13 zegt bijna niks meer tegen ons.",
        "Ik ben alleen met mijn zoon van 15. Hij spijbelt en thuis zegt hij bijna niks meer. Wie kan met hem praten?",
    ],
)
def test_a_teenager_who_says_little_gets_no_toddler_speech_help(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "ontwikkeling-taal" not in themes_of(res), (text, res.themes)
    assert top_ids(res)[0] != YOUNG_CHILD_JGZ, (text, top_ids(res))


@pytest.mark.parametrize(
    "text", ["Mijn zoon van 3 zegt bijna niks, hij praat nog niet.", "Mijn dochter van 2 zegt bijna niks."]
)
def test_control_a_toddler_who_says_little_keeps_speech_development(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "ontwikkeling-taal" in themes_of(res), (text, res.themes)
    assert YOUNG_CHILD_JGZ in top_ids(res), (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben 12 en mijn moeder ligt de hele dag op de bank, ze staat niet meer op.",
        "Mijn moeder zit de hele dag op de bank en doet niks meer, ik ben 14.",
        "Mijn vader ligt de hele dag op de bank sinds hij zijn werk kwijt is. Ik ben 15, wat kan ik doen?",
    ],
)
def test_a_parent_on_the_couch_all_day_is_no_daytime_activity_of_the_child(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "dagbesteding" not in themes_of(res), (text, res.themes)
    assert "psychische-klachten" in themes_of(res), (text, res.themes)


def test_control_the_asker_on_the_couch_keeps_daytime_activities(demo):
    res = demo.match(
        "Ik zit de hele dag op de bank sinds mijn ontslag, ik wil overdag iets doen.", near="Aalten", limit=5
    )
    assert "dagbesteding" in themes_of(res), res.themes


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zoon van 15 wordt op Instagram uitgescholden door klasgenoten.",
        "ze sluiten me buiten in de groepsapp van de klas, ik ben 13",
        "Mijn dochter van 14 wordt uitgelachen op TikTok door meiden uit haar klas.",
    ],
)
def test_bullying_told_as_what_the_class_does_online_is_bullying(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "pesten" in themes_of(res), (text, res.themes)
    assert "svc-scholen-po-signaleren" not in top_ids(res), (text, top_ids(res))


def test_control_a_colleague_who_scolds_is_no_school_bullying(demo):
    res = demo.match("Mijn collega scheldt me uit in de app van het werk.", near="Aalten", limit=5)
    assert "pesten" not in themes_of(res) or "svc-scholen-po-signaleren" not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "ik word gepest in de klas",
        "mijn zoon wordt gepest op school, hij is 14",
        "ze pesten me op school en op tiktok, ik ben 15",
        "Onze dochter van 16 wordt gepest door klasgenoten, ze durft bijna niet meer.",
        "ik ben 13 en ze pesten mij in de klas, wie kan ik dat vertellen",
    ],
)
def test_bullying_in_class_is_the_need_and_the_class_the_setting(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "pesten" in themes_of(res), (text, res.themes)
    assert "svc-scholen-po-signaleren" not in top_ids(res)[:1], (text, top_ids(res))


def test_control_a_young_child_bullied_at_school_keeps_the_primary_school(demo):
    res = demo.match("mijn dochter van 7 wordt gepest op school", near="Aalten", limit=5)
    assert "svc-scholen-po-signaleren" in top_ids(res), top_ids(res)


def test_twin_bullied_at_school_and_afraid_to_go_gets_no_school_partnership(demo):
    res = demo.match(
        "ik ben 14, ze pesten me op school en op insta, ik durf niet meer naar school", near="Aalten"
    )
    assert "svc-samenwerkingsverband-vo" not in top_ids(res), top_ids(res)
    assert "svc-scholen-po-signaleren" not in top_ids(res), top_ids(res)
