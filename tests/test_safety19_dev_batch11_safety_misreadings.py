"""Batch 11's dev safety misreadings as classes (helper safety19, ADR 0161), our own wordings and twins, written before
the code changed:
- a750's class: a killing word about failing an exam ("als ik zak ben ik dood, mn ouders vermoorden me") is a report
  worry, not violence at home (the joke-or-report guard of ADR 0134/0154 knew a report, not an exam);
- s555's class: a named bipolar disorder with signs of an episode (no sleep, grand plans, spending) is a psychiatric
  crisis: the huisarts, not the job or the debt;
- a800's class: a confused person who believes someone wants to harm them tells a delusion, not danger at home.
"""

from __future__ import annotations

import pytest
from builders import HUISARTS, VEILIG_THUIS, top_ids


@pytest.mark.parametrize(
    "text",
    [
        "als ik zak voor mn eindexamen ben ik dood, mijn vader vermoordt me",
        "Mijn ouders maken me af als ik weer zak voor mijn tentamens, ik slaap er slecht van.",
        "ik ben zo gestrest voor de examens, als ik zak vermoorden mn ouders me echt",
        "Als ik mijn diploma niet haal, maakt mijn moeder me dood. Wie kan me helpen met de stress?",
    ],
)
def test_a_killing_word_about_failing_an_exam_is_no_violence_at_home(demo, text):
    res = demo.match(text)
    assert not {"onveilig-thuis", "acuut-gevaar"} & set(res.safety_levels), res.safety_levels
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn vader vermoordt me als ik zak, hij heeft me vorige keer ook geslagen.",
        "als ik zak voor mijn examen slaat mijn vader me weer, ik ben echt bang",
    ],
)
def test_an_exam_with_a_beating_told_keeps_the_danger(demo, text):
    res = demo.match(text)
    assert {"onveilig-thuis", "acuut-gevaar"} & set(res.safety_levels), res.safety_levels


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zoon van 30 is bipolair. Hij slaapt al dagen niet en heeft gisteren drie scooters gekocht.",
        "mijn vrouw heeft een bipolaire stoornis en slaapt sinds vorige week niet meer, ze belt iedereen midden in "
        "de nacht",
        "Mijn zus (35) is manisch-depressief; ze heeft haar baan opgezegd omdat ze een eigen bank gaat beginnen en "
        "slaapt nauwelijks.",
        "mijn broer is bipolair en slaapt al een week niet meer, hij geeft al zijn geld uit",
    ],
)
def test_a_bipolar_episode_is_a_psychiatric_crisis(demo, text):
    res = demo.match(text)
    assert "psychische-crisis" in res.safety_levels, res.safety_levels
    assert HUISARTS in top_ids(res), top_ids(res)
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn dochter heeft een bipolaire stoornis maar is al twee jaar stabiel, hoe kan ik haar blijven steunen?",
        "Ik ben bipolair en zoek een baan met vaste tijden.",
    ],
)
def test_a_bipolar_disorder_without_an_episode_is_no_crisis(demo, text):
    res = demo.match(text)
    assert "psychische-crisis" not in res.safety_levels, res.safety_levels


@pytest.mark.parametrize(
    "text",
    [
        "mijn moeder van 84 is sinds gisteren erg verward, ze ziet mensen in haar kamer en denkt dat de buurvrouw haar "
        "wil vergiftigen",
        "Mijn opa is ineens heel verward, hij hoort stemmen en is ervan overtuigd dat de thuiszorg hem wil ontvoeren.",
        "mijn vader (79) is in de war sinds vanochtend en denkt dat de verpleging hem wil opsluiten",
    ],
)
def test_a_confused_persons_belief_that_someone_wants_to_harm_them_is_no_danger_at_home(demo, text):
    res = demo.match(text)
    assert "onveilig-thuis" not in res.safety_levels, res.safety_levels
    assert VEILIG_THUIS not in top_ids(res), top_ids(res)


def test_a_harm_done_to_an_older_person_keeps_veilig_thuis(demo):
    res = demo.match(
        "Mijn moeder van 84 is verward en de thuiszorg heeft haar geslagen, ze heeft blauwe plekken."
    )
    assert "onveilig-thuis" in res.safety_levels, res.safety_levels
