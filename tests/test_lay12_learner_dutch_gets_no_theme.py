"""tester14 t14-23 as a class (ADR 0144): simple Dutch from a newcomer — missing verbs and articles, infinitives
for finite verbs, a learner's word order, fragments, English words mixed in — read no need, so the letter help and
the Wmo were missing. Sentences of our own, written before they were run; each class with a control."""

from __future__ import annotations

import pytest
from builders import themes_of, top_ids

LETTER_HELP = {
    "svc-sensire-sociaal-raadslid",
    "svc-mee-clientondersteuning",
    "svc-bfo-financiele-ondersteuning",
}
WMO = "svc-aalten-wmo-consulent"


@pytest.mark.parametrize(
    "text",
    [
        "Ik krijgen brief van belasting. Ik niet snappen. Wie helpen?",
        "brief van gemeente, I don't understand. help please",
        "Mijn vrouw en ik komen uit Syrie. Veel papieren van gemeente, wij niet begrijpen.",
        "Ik ontvangen brief, veel moeilijke woorden. Iemand kan uitleggen?",
        "Letter from gemeente, ik niet understand, what I must do?",
        "Formulier van gemeente invullen ik kan niet, te moeilijk.",
        "Ik wonen hier twee jaar. Brief van de gemeente. Ik begrijp niet.",
    ],
)
def test_a_letter_not_understood_in_learner_dutch_gets_letter_help(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "administratie" in themes_of(res), (text, res.themes)
    assert LETTER_HELP & set(top_ids(res)), (text, top_ids(res))


@pytest.mark.parametrize(
    "text",
    [
        "man ziek, kan niet trap lopen. wie helpen met trap?",
        "Mijn vrouw ziek, trap lopen lukt niet meer.",
        "Mijn moeder kan de trap niet meer op, wie helpen?",
    ],
)
def test_stairs_that_no_longer_work_get_the_wmo(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "woningaanpassing" in themes_of(res), (text, res.themes)
    assert WMO in top_ids(res), (text, top_ids(res))


def test_newcomer_story_with_letter_and_stairs_gets_both(demo):
    text = (
        "Ik wonen Aalten een jaar. Mijn vrouw ziek, zij kan niet trap lopen. Brief van gemeente ik niet begrijp."
        " Wie helpen?"
    )
    res = demo.match(text, near="Aalten", limit=5)
    assert {"administratie", "woningaanpassing"} <= themes_of(res), res.themes
    assert LETTER_HELP & set(top_ids(res)) and WMO in top_ids(res), top_ids(res)


def test_control_a_child_who_does_not_understand_the_teacher_is_no_letter(demo):
    res = demo.match(
        "Mijn dochter van 9 begrijpt de uitleg van de juf niet, wie kan helpen met huiswerk?",
        near="Aalten",
        limit=5,
    )
    assert "administratie" not in themes_of(res), res.themes


def test_control_a_child_who_kicks_is_no_stairs(demo):
    res = demo.match("Mijn zoon trapt als hij boos is, hij is 3.", near="Aalten", limit=5)
    assert "woningaanpassing" not in themes_of(res), res.themes


JOB_HELP = {"svc-werkcentrum-achterhoek", "svc-aalten-participatieconsulent", "svc-laborijn-dienstverlening"}


@pytest.mark.parametrize(
    "text",
    [
        "Ik wonen Aalten twee jaar. Mijn man ziek, hij kan niet werken. Brief van gemeente ik begrijp niet.",
        "Mijn vrouw kan niet meer werken door haar rug en nu komen we niet meer rond met de rekeningen.",
        "Hij kan niet werken sinds zijn ongeluk, wie helpt ons met de formulieren?",
        "Mijn man ziek, kan niet werken. Wij geen geld voor huur.",
        "Mijn vriend kan niet werken door zijn depressie, hoe vraag ik toeslag aan?",
    ],
)
def test_someone_who_cannot_work_is_the_situation_not_a_job_question(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert "werk" not in themes_of(res), (text, res.themes)
    assert top_ids(res)[0] not in JOB_HELP, (text, top_ids(res))


def test_control_other_work_asked_keeps_the_job_help(demo):
    res = demo.match(
        "Mijn man kan niet werken door zijn rug, hoe vindt hij ander werk dat wel gaat?",
        near="Aalten",
        limit=5,
    )
    assert JOB_HELP & set(top_ids(res)), top_ids(res)
